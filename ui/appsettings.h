#pragma once

#include <QString>
#include <QStringList>

namespace ft::ui {

// The user's preferences (Edit → Preferences…) as typed accessors over QSettings, so
// every reader agrees on the keys, the defaults and the meaning of an empty value.
// Each call opens its own QSettings, so any thread may read; the GUI thread writes.
class AppSettings {
public:
    static constexpr const char* kThreads = "runtime/threads";
    static constexpr const char* kDevice = "runtime/device";
    static constexpr const char* kProjectsFolder = "paths/projects";
    static constexpr const char* kExportsFolder = "paths/exports";
    static constexpr const char* kHfCache = "paths/hfCache";
    static constexpr const char* kLanguage = "ui/language";
    static constexpr const char* kTheme = "ui/theme";
    static constexpr const char* kTourShown = "tour/shown";

    // Compute threads for training, evaluation and export: 0 = all cores.
    static int threads();
    static void setThreads(int threads);

    // "cpu" or "cuda" (anything else reads as "cpu").
    static QString device();
    static void setDevice(const QString& device);

    // Where New / Open project dialogs and export dialogs start; "" = not set.
    static QString projectsFolder();
    static void setProjectsFolder(const QString& dir);
    static QString exportsFolder();
    static void setExportsFolder(const QString& dir);

    // The Hugging Face hub cache folder chosen by the user; "" = find it as
    // huggingface_hub does (see defaultHfCacheDirs()).
    static QString hfCache();
    static void setHfCache(const QString& dir);
    // The hub cache folders the Model page scans: the chosen one alone when set, else
    // the existing ones of $HUGGINGFACE_HUB_CACHE, $HF_HUB_CACHE, $HF_HOME/hub,
    // $XDG_CACHE_HOME/huggingface/hub, ~/.cache/huggingface/hub.
    static QStringList hfCacheDirs();
    static QStringList defaultHfCacheDirs();
    // The folder shown as the default: the first existing one, or ~/.cache/huggingface/hub.
    static QString defaultHfCache();

    // "system", "en" or "de".
    static QString language();
    static void setLanguage(const QString& language);

    // "system", "light" or "dark".
    static QString theme();
    static void setTheme(const QString& theme);

    static bool tourShown();
    static void setTourShown(bool shown);
};

}  // namespace ft::ui
