#include "exportworker.h"

#include <algorithm>
#include <exception>
#include <filesystem>

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QThread>

#include "appsettings.h"
#include "error.h"
#include "plots/evalplots.h"
#include "runtime.h"

Q_LOGGING_CATEGORY(lcExportWorker, "ft.ui.export", QtInfoMsg)

namespace ft::ui {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

QString messageOf(const std::exception& e) { return QString::fromStdString(e.what()); }

std::optional<double> number(const json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}

uint64_t weightBytes(const std::string& folder) {
    uint64_t total = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (entry.path().extension() != ".safetensors") continue;
        // The optimizer state of a resumable checkpoint is not part of an export.
        if (entry.path().filename().string().rfind("optimizer", 0) == 0) continue;
        const auto size = entry.file_size(ec);
        if (!ec) total += size;
    }
    return total;
}

// On the GUI thread: QCustomPlot is a widget. Returns the files relative to dir.
// only: the plots to draw (empty: all of them).
std::vector<std::string> drawPlots(const store::EvaluationInfo& evaluation, const std::string& dir,
                                   const QStringList& only = {}) {
    QElapsedTimer timer;
    timer.start();
    const QStringList files = plots::saveEvaluationPlots(evaluation, QString::fromStdString(dir),
                                                         {QStringLiteral("png")}, only);
    std::vector<std::string> out;
    const QDir base(QString::fromStdString(dir));
    for (const QString& f : files) out.push_back(base.relativeFilePath(f).toStdString());
    qCInfo(lcExportWorker).noquote()
        << "drew" << (only.isEmpty() ? QStringLiteral("all") : only.join(QLatin1Char(',')))
        << "plots of evaluation" << evaluation.id << "in" << timer.elapsed() << "ms";
    return out;
}

}  // namespace

const ExportRunEntry::Checkpoint* ExportRunEntry::checkpoint(const std::string& kind) const {
    for (const Checkpoint& c : checkpoints) {
        if (c.info.kind == kind) return &c;
    }
    return nullptr;
}

void ExportLoader::list(qint64 jobId, const QString& projectDir) {
    try {
        const store::Project project = store::Project::open(projectDir.toStdString());
        ExportListing listing;
        std::vector<store::RunInfo> runs = project.runs();
        std::sort(runs.begin(), runs.end(),
                  [](const store::RunInfo& a, const store::RunInfo& b) { return a.id > b.id; });
        for (store::RunInfo& run : runs) {
            ExportRunEntry entry;
            entry.metricName = "val_loss";
            try {
                const json config = json::parse(run.configJson);
                if (config.is_object())
                    entry.metricName = config.value("metric_for_best", entry.metricName);
            } catch (const json::exception&) {
            }
            for (const store::CheckpointInfo& c : project.checkpoints(run.id)) {
                ExportRunEntry::Checkpoint cp;
                cp.info = c;
                std::error_code ec;
                cp.folderExists = fs::is_directory(c.path, ec);
                if (cp.folderExists) cp.weightBytes = weightBytes(c.path);
                entry.checkpoints.push_back(std::move(cp));
            }
            // As the exporter chooses: the newest evaluation of that checkpoint kind,
            // unless the checkpoint was written again after it.
            for (const store::EvaluationInfo& e : project.evaluations(run.id)) {
                auto& slot = e.checkpoint == "best" ? entry.bestEvaluation : entry.lastEvaluation;
                if (slot || (e.checkpoint != "best" && e.checkpoint != "last")) continue;
                const ExportRunEntry::Checkpoint* cp = entry.checkpoint(e.checkpoint);
                if (cp && !cp->info.createdAt.empty() && e.createdAt < cp->info.createdAt) {
                    continue;
                }
                ExportRunEntry::Evaluation ev;
                ev.id = e.id;
                ev.part = e.part;
                ev.createdAt = e.createdAt;
                try {
                    const json report = json::parse(e.reportJson);
                    if (report.is_object()) {
                        ev.accuracy = number(report, "accuracy");
                        ev.f1Macro = number(report, "f1_macro");
                    }
                } catch (const json::exception&) {
                }
                slot = ev;
            }
            entry.run = std::move(run);
            listing.runs.push_back(std::move(entry));
        }
        listing.exports = project.exports();
        for (const store::DatasetInfo& d : project.datasets()) {
            ExportDatasetEntry entry;
            entry.id = d.id;
            entry.name = d.name;
            entry.hasSplit = project.latestSplit(d.id).has_value();
            store::RowFilter filter;
            filter.labelled = store::RowFilter::Labelled::Labelled;
            filter.includeDropped = false;
            entry.labelledRows = project.rowCount(d.id, filter);
            if (entry.hasSplit) {
                for (int part = 0; part < 3; ++part) {
                    filter.part = static_cast<store::SplitPart>(part);
                    entry.partRows[part] = project.rowCount(d.id, filter);
                }
            }
            listing.datasets.push_back(std::move(entry));
        }
        Q_EMIT listed(jobId, listing);
    } catch (const std::exception& e) {
        qCWarning(lcExportWorker).noquote() << "listing runs and exports failed:" << e.what();
        Q_EMIT failed(jobId, messageOf(e));
    }
}

void ExportLoader::plan(qint64 jobId, const QString& projectDir, qint64 runId,
                        const deploy::ExportOptions& options) {
    try {
        Q_EMIT planned(jobId, QString::fromStdString(deploy::Exporter::plannedFolder(
                                  projectDir.toStdString(), runId, options)));
    } catch (const std::exception& e) {
        Q_EMIT failed(jobId, messageOf(e));
    }
}

void ExportLoader::compare(qint64 jobId, const QString& projectDir,
                           const QList<qint64>& exportIds) {
    try {
        Q_EMIT compared(jobId, deploy::Exporter::compare(
                                   projectDir.toStdString(),
                                   std::vector<int64_t>(exportIds.begin(), exportIds.end())));
    } catch (const std::exception& e) {
        qCWarning(lcExportWorker).noquote() << "comparing exports failed:" << e.what();
        Q_EMIT failed(jobId, messageOf(e));
    }
}

ExportPlotBridge::ExportPlotBridge(QObject* parent)
    : QObject(parent), m_state(std::make_shared<State>()) {}

ExportPlotBridge::~ExportPlotBridge() { close(); }

void ExportPlotBridge::close() {
    {
        const std::lock_guard<std::mutex> lock(m_state->mutex);
        m_state->closed = true;
    }
    m_state->done.notify_all();
}

deploy::PlotRenderer ExportPlotBridge::renderer() {
    // The renderer outlives nothing it does not own: it holds the shared state, and uses
    // the bridge pointer only while the state says the bridge is open (under the mutex
    // that close() takes before the bridge can go away).
    return [state = m_state, bridge = this](const store::EvaluationInfo& evaluation,
                                            const std::string& dir) {
        struct Call {
            bool done = false;
            std::vector<std::string> files;
            std::string error;
        };
        std::unique_lock<std::mutex> lock(state->mutex);
        if (state->closed) {
            throw Error(ErrorCode::Cancelled, "the plots were not drawn: the page was closed");
        }
        if (QThread::currentThread() == bridge->thread()) {
            lock.unlock();
            return drawPlots(evaluation, dir);
        }
        // One queued call per plot, so the GUI thread draws one plot per event-loop turn
        // (tens of milliseconds) instead of all of them in one stall. The names come from
        // the data alone, off the GUI thread.
        lock.unlock();
        const QStringList names = plots::evaluationPlotNames(evaluation);
        std::vector<std::string> files;
        for (const QString& name : names) {
            lock.lock();
            if (state->closed) {
                throw Error(ErrorCode::Cancelled, "the plots were not drawn: the page was closed");
            }
            auto call = std::make_shared<Call>();
            // Copies, not references: once closed, the waiting side may be gone before the
            // queued call is dropped.
            QMetaObject::invokeMethod(
                bridge,
                [state, call, evaluation, dir, name] {
                    {
                        const std::lock_guard<std::mutex> guard(state->mutex);
                        if (state->closed) return;
                    }
                    std::vector<std::string> drawn;
                    std::string error;
                    try {
                        drawn = drawPlots(evaluation, dir, {name});
                    } catch (const std::exception& e) {
                        error = e.what();
                    }
                    {
                        const std::lock_guard<std::mutex> guard(state->mutex);
                        call->files = std::move(drawn);
                        call->error = std::move(error);
                        call->done = true;
                    }
                    state->done.notify_all();
                },
                Qt::QueuedConnection);
            state->done.wait(lock, [&] { return call->done || state->closed; });
            if (!call->done) {
                throw Error(ErrorCode::Cancelled, "the plots were not drawn: the page was closed");
            }
            if (!call->error.empty()) throw Error(ErrorCode::Io, call->error);
            files.insert(files.end(), call->files.begin(), call->files.end());
            lock.unlock();
        }
        return files;
    };
}

ExportWorker::ExportWorker(deploy::PlotRenderer renderer) : m_renderer(std::move(renderer)) {}

Progress ExportWorker::makeProgress(qint64 jobId, const ExportStopFlag& stop) {
    m_lastMs = -1;
    m_lastPermille = -1;
    Progress progress;
    // Core may report every batch; forward at most ~20 updates a second.
    progress.onProgress = [this, jobId](double fraction, const std::string& what) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const int permille = static_cast<int>(fraction * 1000);
        if (permille == m_lastPermille || (now - m_lastMs < 50 && permille < 1000)) return;
        m_lastMs = now;
        m_lastPermille = permille;
        Q_EMIT progressChanged(jobId, fraction, QString::fromStdString(what));
    };
    progress.onEvent = [](LogLevel level, const std::string& message) {
        if (level == LogLevel::Info) {
            qCInfo(lcExportWorker).noquote() << QString::fromStdString(message);
        } else {
            qCWarning(lcExportWorker).noquote() << QString::fromStdString(message);
        }
    };
    progress.shouldStop = [stop] { return stop && stop->load(std::memory_order_relaxed); };
    return progress;
}

void ExportWorker::exportRun(qint64 jobId, const QString& projectDir, qint64 runId,
                             const deploy::ExportOptions& options, const ExportStopFlag& stop) {
    try {
        if (stop && stop->load()) throw Error(ErrorCode::Cancelled, "cancelled before it started");
        const Progress progress = makeProgress(jobId, stop);
        // The verification predicts the evaluated rows again: with the threads of
        // Edit → Preferences (0: as the process set them up, all cores).
        if (const int threads = AppSettings::threads(); threads > 0) initRuntime(threads);
        qCInfo(lcExportWorker).noquote()
            << "exporting run" << runId << "(" << QString::fromStdString(options.checkpoint)
            << "checkpoint," << deploy::toString(options.dtype) << ")";
        const deploy::ExportResult result = deploy::Exporter::exportRun(
            projectDir.toStdString(), runId, options, progress, m_renderer);
        qCInfo(lcExportWorker).noquote()
            << "exported" << QString::fromStdString(result.name) << "version" << result.version
            << "to" << QString::fromStdString(result.folder);
        Q_EMIT exportFinished(jobId, result);
    } catch (const Error& e) {
        if (e.code() == ErrorCode::Cancelled) {
            Q_EMIT exportCancelled(jobId);
        } else {
            qCWarning(lcExportWorker).noquote()
                << "export of run" << runId << "failed:" << e.what();
            Q_EMIT exportFailed(jobId, messageOf(e));
        }
    } catch (const std::exception& e) {
        qCWarning(lcExportWorker).noquote() << "export of run" << runId << "failed:" << e.what();
        Q_EMIT exportFailed(jobId, messageOf(e));
    }
}

void ExportWorker::remove(qint64 jobId, const QString& projectDir, const QList<qint64>& exportIds) {
    int count = 0;
    QStringList errors;
    for (qint64 id : exportIds) {
        try {
            deploy::Exporter::remove(projectDir.toStdString(), id);
            qCInfo(lcExportWorker).noquote() << "deleted export" << id;
            ++count;
        } catch (const std::exception& e) {
            qCWarning(lcExportWorker).noquote() << "deleting export" << id << "failed:" << e.what();
            errors << messageOf(e);
        }
    }
    Q_EMIT removed(jobId, count, errors);
}

void ExportWorker::exportJsonl(qint64 jobId, const QString& projectDir, const QString& path,
                               const deploy::JsonlExportOptions& options,
                               const ExportStopFlag& stop) {
    try {
        if (stop && stop->load()) throw Error(ErrorCode::Cancelled, "cancelled before it started");
        const Progress progress = makeProgress(jobId, stop);
        const store::Project project = store::Project::open(projectDir.toStdString());
        const deploy::JsonlExportResult result =
            deploy::exportOpenAiJsonl(project, path.toStdString(), options, progress);
        qCInfo(lcExportWorker).noquote()
            << "wrote" << result.lines << "lines to" << QString::fromStdString(result.path);
        Q_EMIT jsonlFinished(jobId, result);
    } catch (const Error& e) {
        if (e.code() == ErrorCode::Cancelled) {
            Q_EMIT jsonlCancelled(jobId);
        } else {
            qCWarning(lcExportWorker).noquote() << "JSONL export failed:" << e.what();
            Q_EMIT jsonlFailed(jobId, messageOf(e));
        }
    } catch (const std::exception& e) {
        qCWarning(lcExportWorker).noquote() << "JSONL export failed:" << e.what();
        Q_EMIT jsonlFailed(jobId, messageOf(e));
    }
}

}  // namespace ft::ui
