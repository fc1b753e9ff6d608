#include "workers.h"

#include <exception>

#include <QDateTime>
#include <QLoggingCategory>

#include "error.h"
#include "store/project.h"

Q_LOGGING_CATEGORY(lcWorkers, "ft.ui.workers", QtInfoMsg)

namespace ft::ui {

Worker::Worker(qint64 jobId, QString projectDir, std::shared_ptr<std::atomic_bool> stop)
    : m_jobId(jobId), m_projectDir(std::move(projectDir)), m_stop(std::move(stop)) {}

Progress Worker::makeProgress() {
    Progress p;
    // Core may report thousands of times a second; forward at most ~20 updates a
    // second (plus every whole percent change is not needed either) so the GUI
    // event queue never floods.
    p.onProgress = [this](double fraction, const std::string& what) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const int percent = static_cast<int>(fraction * 100.0);
        if (percent == m_lastPercent && now - m_lastProgressMs < 200) return;
        if (now - m_lastProgressMs < 50 && percent < 100) return;
        m_lastProgressMs = now;
        m_lastPercent = percent;
        Q_EMIT progressChanged(m_jobId, fraction, QString::fromStdString(what));
    };
    p.onEvent = [this](LogLevel level, const std::string& message) {
        Q_EMIT eventReported(m_jobId, static_cast<int>(level), QString::fromStdString(message));
    };
    p.shouldStop = [stop = m_stop] { return stop->load(std::memory_order_relaxed); };
    return p;
}

void Worker::start(qint64 jobId) {
    if (jobId != m_jobId) return;
    try {
        if (m_stop->load()) throw Error(ErrorCode::Cancelled, "cancelled before it started");
        store::Project project = store::Project::open(m_projectDir.toStdString());
        run(project, makeProgress());
    } catch (const Error& e) {
        if (e.code() == ErrorCode::Cancelled) {
            Q_EMIT jobCancelled(m_jobId);
        } else {
            Q_EMIT jobFailed(m_jobId, QString::fromStdString(e.what()), static_cast<int>(e.code()));
        }
    } catch (const std::exception& e) {
        Q_EMIT jobFailed(m_jobId, QString::fromStdString(e.what()),
                         static_cast<int>(ErrorCode::Internal));
    } catch (...) {
        Q_EMIT jobFailed(m_jobId, tr("unknown error"), static_cast<int>(ErrorCode::Internal));
    }
    Q_EMIT jobEnded(m_jobId);
}

ImportWorker::ImportWorker(qint64 jobId, QString projectDir, std::shared_ptr<std::atomic_bool> stop,
                           std::vector<data::ImportRequest> requests)
    : Worker(jobId, std::move(projectDir), std::move(stop)), m_requests(std::move(requests)) {}

void ImportWorker::run(store::Project& project, const Progress& progress) {
    ImportSummary summary;
    const double n = static_cast<double>(m_requests.size());
    for (size_t i = 0; i < m_requests.size(); ++i) {
        data::ImportRequest request = m_requests[i];
        // Every later file goes into the dataset the first one created or chose.
        if (summary.datasetId != 0) {
            if (const auto ds = project.dataset(summary.datasetId)) request.datasetName = ds->name;
        }
        Progress fileProgress = progress;
        fileProgress.onProgress = [&progress, i, n](double f, const std::string& what) {
            progress.progress((static_cast<double>(i) + f) / n, what);
        };
        try {
            data::ImportResult result = data::importFile(project, request, fileProgress);
            summary.datasetId = result.datasetId;
            summary.paths.push_back(request.path);
            summary.results.push_back(std::move(result));
        } catch (const Error& e) {
            if (i == 0 || e.code() == ErrorCode::Cancelled) throw;
            throw Error(e.code(), std::string(e.what()) + " (the " + std::to_string(i) +
                                      " file(s) before it were imported)");
        }
    }
    Q_EMIT importFinished(jobId(), summary);
}

CleaningPreviewWorker::CleaningPreviewWorker(qint64 jobId, QString projectDir,
                                             std::shared_ptr<std::atomic_bool> stop,
                                             int64_t datasetId, data::Pipeline pipeline,
                                             int64_t limit)
    : Worker(jobId, std::move(projectDir), std::move(stop)),
      m_datasetId(datasetId),
      m_pipeline(std::move(pipeline)),
      m_limit(limit) {}

void CleaningPreviewWorker::run(store::Project& project, const Progress&) {
    Q_EMIT cleaningPreviewed(jobId(),
                             data::previewCleaning(project, m_datasetId, m_pipeline, m_limit));
}

CleaningWorker::CleaningWorker(qint64 jobId, QString projectDir,
                               std::shared_ptr<std::atomic_bool> stop, int64_t datasetId,
                               data::Pipeline pipeline)
    : Worker(jobId, std::move(projectDir), std::move(stop)),
      m_datasetId(datasetId),
      m_pipeline(std::move(pipeline)) {}

void CleaningWorker::run(store::Project& project, const Progress& progress) {
    Q_EMIT cleaningFinished(jobId(),
                            data::applyCleaning(project, m_datasetId, m_pipeline, progress));
}

SplitWorker::SplitWorker(qint64 jobId, QString projectDir, std::shared_ptr<std::atomic_bool> stop,
                         int64_t datasetId, data::SplitOptions options)
    : Worker(jobId, std::move(projectDir), std::move(stop)),
      m_datasetId(datasetId),
      m_options(std::move(options)) {}

void SplitWorker::run(store::Project& project, const Progress& progress) {
    Q_EMIT splitFinished(jobId(), data::splitDataset(project, m_datasetId, m_options, progress));
}

StatsWorker::StatsWorker(qint64 jobId, QString projectDir, std::shared_ptr<std::atomic_bool> stop,
                         int64_t datasetId)
    : Worker(jobId, std::move(projectDir), std::move(stop)), m_datasetId(datasetId) {}

void StatsWorker::run(store::Project& project, const Progress&) {
    StatsSummary summary;
    summary.stats = data::computeStats(project, m_datasetId);
    if (const auto split = project.latestSplit(m_datasetId)) {
        summary.hasSplit = true;
        summary.split.splitId = split->id;
        const auto labels = project.labels(m_datasetId);
        const std::pair<store::SplitPart, data::PartCounts*> parts[] = {
            {store::SplitPart::Train, &summary.split.train},
            {store::SplitPart::Validation, &summary.split.validation},
            {store::SplitPart::Test, &summary.split.test}};
        for (const auto& [part, counts] : parts) {
            store::RowFilter filter;
            filter.part = part;
            filter.includeDropped = false;
            counts->total = project.rowCount(m_datasetId, filter);
            for (const auto& label : labels) {
                filter.label = label;
                counts->perLabel.emplace_back(label, project.rowCount(m_datasetId, filter));
            }
        }
    }
    Q_EMIT statsComputed(jobId(), summary);
}

}  // namespace ft::ui
