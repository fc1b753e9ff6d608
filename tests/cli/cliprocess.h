#pragma once

// Runs the real `finetune` binary (FT_CLI_PATH) for the CLI tests, as a user would.
#include <QProcess>
#include <QString>
#include <QStringList>

namespace ft::test {

struct CliResult {
    int exitCode = -1;  // -1: crashed or did not finish in time
    QString out;
    QString err;
};

inline CliResult runCli(const QStringList& args, int timeoutMs = 300000) {
    QProcess p;
    p.start(QStringLiteral(FT_CLI_PATH), args);
    if (!p.waitForFinished(timeoutMs)) return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

// A path under ../shared, e.g. shared("data/trec/TREC.train").
inline QString shared(const char* relative) {
    return QStringLiteral(FT_SHARED_DIR "/") + QLatin1String(relative);
}

}  // namespace ft::test
