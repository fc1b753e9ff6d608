#include "appsettings.h"

#include <algorithm>

#include <QDir>
#include <QSettings>

#include "models/catalog.h"

namespace ft::ui {
namespace {

QVariant read(const char* key, const QVariant& fallback = {}) {
    return QSettings().value(QLatin1String(key), fallback);
}

void write(const char* key, const QVariant& value) {
    QSettings().setValue(QLatin1String(key), value);
}

QString oneOf(const QString& value, const QStringList& allowed) {
    return allowed.contains(value) ? value : allowed.first();
}

}  // namespace

int AppSettings::threads() { return std::max(0, read(kThreads, 0).toInt()); }
void AppSettings::setThreads(int threads) { write(kThreads, std::max(0, threads)); }

QString AppSettings::device() {
    return oneOf(read(kDevice).toString(), {QStringLiteral("cpu"), QStringLiteral("cuda")});
}
void AppSettings::setDevice(const QString& device) {
    write(kDevice, oneOf(device, {QStringLiteral("cpu"), QStringLiteral("cuda")}));
}

QString AppSettings::projectsFolder() { return read(kProjectsFolder).toString(); }
void AppSettings::setProjectsFolder(const QString& dir) { write(kProjectsFolder, dir.trimmed()); }
QString AppSettings::exportsFolder() { return read(kExportsFolder).toString(); }
void AppSettings::setExportsFolder(const QString& dir) { write(kExportsFolder, dir.trimmed()); }

QString AppSettings::hfCache() { return read(kHfCache).toString(); }
void AppSettings::setHfCache(const QString& dir) { write(kHfCache, dir.trimmed()); }

QStringList AppSettings::defaultHfCacheDirs() {
    QStringList out;
    for (const std::string& d : models::huggingFaceCacheDirs()) out << QString::fromStdString(d);
    return out;
}

QStringList AppSettings::hfCacheDirs() {
    const QString chosen = hfCache();
    if (!chosen.isEmpty()) return {QDir::fromNativeSeparators(chosen)};
    return defaultHfCacheDirs();
}

QString AppSettings::defaultHfCache() {
    const QStringList found = defaultHfCacheDirs();
    if (!found.isEmpty()) return found.first();
    return QDir::home().filePath(QStringLiteral(".cache/huggingface/hub"));
}

QString AppSettings::language() {
    return oneOf(read(kLanguage).toString(),
                 {QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("de")});
}
void AppSettings::setLanguage(const QString& language) {
    write(kLanguage,
          oneOf(language, {QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("de")}));
}

QString AppSettings::theme() {
    return oneOf(read(kTheme).toString(),
                 {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")});
}
void AppSettings::setTheme(const QString& theme) {
    write(kTheme, oneOf(theme, {QStringLiteral("system"), QStringLiteral("light"),
                                QStringLiteral("dark")}));
}

bool AppSettings::tourShown() { return read(kTourShown, false).toBool(); }
void AppSettings::setTourShown(bool shown) { write(kTourShown, shown); }

}  // namespace ft::ui
