#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "progress.h"
#include "store/project.h"
#include "train/runconfig.h"

// Fine-tuning a sequence classifier on a project's split: the run is a row of the
// project's runs table plus the folder runs/<id>/ (checkpoints/last, checkpoints/best).
// Torch-free facade: the GUI's training worker and `finetune train` drive it.
//
// Threads: Trainer::run blocks the calling thread (a worker thread, never the GUI thread)
// until the run completes, pauses, stops or fails; it opens its own connection to the
// project, so other threads keep using theirs. Every callback is invoked on that thread.
namespace ft::train {

struct StepEvent {
    int64_t epoch = 0;         // 0-based
    double epochProgress = 0;  // fractional epoch, e.g. 1.25
    int64_t step = 0;          // optimizer steps done (1-based after the first update)
    int64_t totalSteps = 0;
    double loss = 0, lr = 0, gradNorm = 0;
    double samplesPerSecond = 0;
    double elapsed = 0;  // seconds of training in this process
    double eta = 0;      // seconds left at the current speed
};

struct EvalEvent {
    int64_t step = 0;
    double epoch = 0;
    double valLoss = 0, accuracy = 0, macroF1 = 0;
    bool best = false;  // the best value of metric_for_best so far
};

struct CheckpointEvent {
    int64_t step = 0;
    std::string kind;  // "last" or "best"
    std::string path;
};

struct TrainCallbacks {
    std::function<void(const StepEvent&)> onStep;
    std::function<void(const EvalEvent&)> onEvaluation;
    std::function<void(const CheckpointEvent&)> onCheckpoint;
    std::function<void(LogLevel, const std::string&)> onEvent;
    // Polled before every step: stop = checkpoint and status "stopped"; pause = checkpoint
    // and status "paused". Either way Trainer::run on the same run continues from there.
    std::function<bool()> shouldStop;
    std::function<bool()> shouldPause;
    // Diagnostics and tests: sees each step's training loss and may replace it (a
    // non-finite value stops the run as a real NaN would).
    std::function<double(int64_t step, double loss)> lossHook;
};

struct TrainResult {
    int64_t runId = 0;
    store::RunStatus status = store::RunStatus::Created;
    int64_t steps = 0, totalSteps = 0;
    bool resumed = false;
    bool earlyStopped = false;
    std::optional<EvalEvent> lastEvaluation;
    std::optional<double> bestMetric;
    int64_t bestStep = 0;
    std::string error;  // why a failed run failed
    std::string lastCheckpoint, bestCheckpoint;
    double wallSeconds = 0;
};

class Trainer {
public:
    // Checks the config against the project and the model (dataset, split rows, labels
    // against an existing head, layers to freeze, max length) and records a new run with
    // status "created". Throws ft::Error naming the bad key; records nothing then.
    static int64_t createRun(store::Project& project, const RunConfig& config);

    // Trains run runId of the project in projectDir, from its last checkpoint when it has
    // one (a paused, stopped or crashed run resumes at the same step with the same data
    // order). Training failures (NaN loss, a checkpoint that cannot be written) end in
    // status "failed" with the reason in TrainResult::error and in the runs table; the
    // last good checkpoint is kept. Throws ft::Error only when the run cannot start (no
    // such run, already completed, the model or data cannot be loaded).
    static TrainResult run(const std::string& projectDir, int64_t runId,
                           const TrainCallbacks& callbacks = {});
};

}  // namespace ft::train
