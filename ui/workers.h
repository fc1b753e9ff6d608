#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include <QObject>
#include <QString>

#include "data/cleaner.h"
#include "data/importer.h"
#include "data/splitter.h"
#include "data/stats.h"
#include "progress.h"

namespace ft::store {
class Project;
}

namespace ft::ui {

// What an import job produced: one result per file, in the order they were given.
struct ImportSummary {
    int64_t datasetId = 0;
    std::vector<std::string> paths;
    std::vector<data::ImportResult> results;
};

// Dataset statistics plus, when the dataset has a split, its per-part label counts
// (counted from the stored split, so they are shown again after a restart).
struct StatsSummary {
    data::DatasetStats stats;
    bool hasSplit = false;
    data::SplitReport split;
};

// The base of every background job. A worker is created on the GUI thread by the
// JobController, moved to one of its threads and started by the queued signal
// JobController::startRequested. It opens its own store::Project on the project
// folder (one SQLite connection per thread), runs one core call and ends with
// exactly one of: a *Finished signal, jobFailed or jobCancelled, then jobEnded.
// Exceptions never leave start(). The stop flag is shared with the controller,
// which sets it to cancel; core polls it through Progress::shouldStop.
class Worker : public QObject {
    Q_OBJECT
public:
    Worker(qint64 jobId, QString projectDir, std::shared_ptr<std::atomic_bool> stop);
    qint64 jobId() const { return m_jobId; }

public Q_SLOTS:
    // Runs the job if `jobId` is this worker's id (the signal reaches every
    // pending worker); called on the worker's thread.
    void start(qint64 jobId);

Q_SIGNALS:
    void progressChanged(qint64 jobId, double fraction, const QString& text);
    void eventReported(qint64 jobId, int level, const QString& message);
    void jobFailed(qint64 jobId, const QString& message, int errorCode);
    void jobCancelled(qint64 jobId);
    void jobEnded(qint64 jobId);

protected:
    // Does the work; throws ft::Error on failure. Emits the result signal itself.
    virtual void run(store::Project& project, const Progress& progress) = 0;

private:
    Progress makeProgress();

    qint64 m_jobId;
    QString m_projectDir;
    std::shared_ptr<std::atomic_bool> m_stop;
    qint64 m_lastProgressMs = -1;
    int m_lastPercent = -1;
};

// Imports one or more files into one dataset; each file is its own transaction,
// so a failure in the second file keeps the first one imported (the failure
// message says so).
class ImportWorker : public Worker {
    Q_OBJECT
public:
    ImportWorker(qint64 jobId, QString projectDir, std::shared_ptr<std::atomic_bool> stop,
                 std::vector<data::ImportRequest> requests);
Q_SIGNALS:
    void importFinished(qint64 jobId, const ft::ui::ImportSummary& summary);

protected:
    void run(store::Project& project, const Progress& progress) override;

private:
    std::vector<data::ImportRequest> m_requests;
};

class CleaningPreviewWorker : public Worker {
    Q_OBJECT
public:
    CleaningPreviewWorker(qint64 jobId, QString projectDir, std::shared_ptr<std::atomic_bool> stop,
                          int64_t datasetId, data::Pipeline pipeline, int64_t limit);
Q_SIGNALS:
    void cleaningPreviewed(qint64 jobId, const std::vector<ft::data::PreviewRow>& rows);

protected:
    void run(store::Project& project, const Progress& progress) override;

private:
    int64_t m_datasetId;
    data::Pipeline m_pipeline;
    int64_t m_limit;
};

class CleaningWorker : public Worker {
    Q_OBJECT
public:
    CleaningWorker(qint64 jobId, QString projectDir, std::shared_ptr<std::atomic_bool> stop,
                   int64_t datasetId, data::Pipeline pipeline);
Q_SIGNALS:
    void cleaningFinished(qint64 jobId, const ft::data::CleaningReport& report);

protected:
    void run(store::Project& project, const Progress& progress) override;

private:
    int64_t m_datasetId;
    data::Pipeline m_pipeline;
};

class SplitWorker : public Worker {
    Q_OBJECT
public:
    SplitWorker(qint64 jobId, QString projectDir, std::shared_ptr<std::atomic_bool> stop,
                int64_t datasetId, data::SplitOptions options);
Q_SIGNALS:
    void splitFinished(qint64 jobId, const ft::data::SplitReport& report);

protected:
    void run(store::Project& project, const Progress& progress) override;

private:
    int64_t m_datasetId;
    data::SplitOptions m_options;
};

class StatsWorker : public Worker {
    Q_OBJECT
public:
    StatsWorker(qint64 jobId, QString projectDir, std::shared_ptr<std::atomic_bool> stop,
                int64_t datasetId);
Q_SIGNALS:
    void statsComputed(qint64 jobId, const ft::ui::StatsSummary& summary);

protected:
    void run(store::Project& project, const Progress& progress) override;

private:
    int64_t m_datasetId;
};

}  // namespace ft::ui
