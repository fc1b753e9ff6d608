#pragma once

#include <functional>
#include <string>

namespace ft {

enum class LogLevel { Info, Warning, Error };

// How core reports on long work without knowing about Qt (like ggml's abort
// callback). Every member may be empty. Called on the thread that does the work;
// a GUI worker re-emits them as queued signals. Long loops call shouldStop() at
// least every few thousand rows or every batch and then throw ErrorCode::Cancelled
// after undoing their partial writes.
struct Progress {
    std::function<void(double fraction, const std::string& what)> onProgress;
    std::function<void(LogLevel level, const std::string& message)> onEvent;
    std::function<bool()> shouldStop;

    void progress(double fraction, const std::string& what) const {
        if (onProgress) onProgress(fraction, what);
    }
    void event(LogLevel level, const std::string& message) const {
        if (onEvent) onEvent(level, message);
    }
    bool stopRequested() const { return shouldStop && shouldStop(); }
};

}  // namespace ft
