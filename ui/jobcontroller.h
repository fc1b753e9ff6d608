#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include <QObject>
#include <QPointer>
#include <QString>

#include "workers.h"

class QThread;

namespace ft::ui {

// Owns the background threads and starts every long job of the GUI on them:
// import, cleaning (preview and apply), split and statistics. Lives on the GUI
// thread; every start* method returns the new job's id at once and reports
// through the signals below, always on the GUI thread.
//
// Jobs that write (import, cleaning, split) run one after another on one
// thread; read-only jobs (statistics, cleaning preview) on another, so a long
// import never holds up a preview. Each kind of job remembers its latest id:
// the result of a job that a newer job of the same kind replaced, or that
// cancelAll() abandoned, is dropped (stale), and its end is still reported by
// jobEnded so progress displays close. Cancel is cooperative. The destructor
// cancels everything, then requestInterruption(); quit(); wait() on its threads.
class JobController : public QObject {
    Q_OBJECT
public:
    enum class Kind { Import, CleaningPreview, Cleaning, Split, Stats };

    explicit JobController(QObject* parent = nullptr);
    ~JobController() override;

    qint64 startImport(const QString& projectDir, std::vector<data::ImportRequest> requests);
    qint64 startCleaningPreview(const QString& projectDir, int64_t datasetId,
                                const data::Pipeline& pipeline, int64_t limit);
    qint64 startCleaning(const QString& projectDir, int64_t datasetId,
                         const data::Pipeline& pipeline);
    qint64 startSplit(const QString& projectDir, int64_t datasetId,
                      const data::SplitOptions& options);
    qint64 startStats(const QString& projectDir, int64_t datasetId);

    bool isRunning(qint64 jobId) const;
    // True while an import, cleaning or split is queued or running.
    bool hasWriteJobs() const;
    // True for a running import, cleaning or split (not a preview or statistics).
    bool isWriteJob(qint64 jobId) const;
    QString title(qint64 jobId) const;

public Q_SLOTS:
    void cancel(qint64 jobId);
    // Cancels every job and drops whatever they still report (used when the
    // project closes).
    void cancelAll();

Q_SIGNALS:
    void jobStarted(qint64 jobId, const QString& title);
    void progressChanged(qint64 jobId, double fraction, const QString& text);
    void eventReported(qint64 jobId, int level, const QString& message);
    void importFinished(qint64 jobId, const ft::ui::ImportSummary& summary);
    void cleaningPreviewed(qint64 jobId, const std::vector<ft::data::PreviewRow>& rows);
    void cleaningFinished(qint64 jobId, const ft::data::CleaningReport& report);
    void splitFinished(qint64 jobId, const ft::data::SplitReport& report);
    void statsComputed(qint64 jobId, const ft::ui::StatsSummary& summary);
    void jobFailed(qint64 jobId, const QString& message, int errorCode);
    void jobCancelled(qint64 jobId);
    // Always the last signal of a job, stale or not.
    void jobEnded(qint64 jobId);

    // Internal: starts the pending worker with this id (queued to its thread).
    void startRequested(qint64 jobId);

private:
    struct Job {
        Kind kind;
        QString title;
        std::shared_ptr<std::atomic_bool> stop;
        QPointer<Worker> worker;
    };

    qint64 launch(Kind kind, const QString& jobTitle, Worker* worker,
                  std::shared_ptr<std::atomic_bool> stop);
    bool isCurrent(qint64 jobId) const;
    std::shared_ptr<std::atomic_bool> newStopFlag() const;

    QThread* m_writeThread;
    QThread* m_readThread;
    qint64 m_nextId = 1;
    std::map<qint64, Job> m_jobs;
    std::map<Kind, qint64> m_latest;
};

}  // namespace ft::ui
