#include "jobcontroller.h"

#include <QLoggingCategory>
#include <QThread>

#include "progress.h"

Q_LOGGING_CATEGORY(lcJobs, "ft.ui.jobs", QtInfoMsg)

namespace ft::ui {

namespace {
bool writes(JobController::Kind kind) {
    return kind == JobController::Kind::Import || kind == JobController::Kind::Cleaning ||
           kind == JobController::Kind::Split;
}
}  // namespace

JobController::JobController(QObject* parent)
    : QObject(parent), m_writeThread(new QThread(this)), m_readThread(new QThread(this)) {
    qRegisterMetaType<ft::ui::ImportSummary>();
    qRegisterMetaType<ft::ui::StatsSummary>();
    qRegisterMetaType<ft::data::CleaningReport>();
    qRegisterMetaType<ft::data::SplitReport>();
    qRegisterMetaType<std::vector<ft::data::PreviewRow>>();
    m_writeThread->setObjectName(QStringLiteral("ft-write-jobs"));
    m_readThread->setObjectName(QStringLiteral("ft-read-jobs"));
    m_writeThread->start();
    m_readThread->start();
}

JobController::~JobController() {
    for (auto& [id, job] : m_jobs) job.stop->store(true);
    for (QThread* thread : {m_writeThread, m_readThread}) {
        thread->requestInterruption();
        thread->quit();
        thread->wait();
    }
    // The threads are gone: workers that never ran can be deleted from here.
    for (auto& [id, job] : m_jobs) delete job.worker.data();
}

std::shared_ptr<std::atomic_bool> JobController::newStopFlag() const {
    return std::make_shared<std::atomic_bool>(false);
}

qint64 JobController::launch(Kind kind, const QString& jobTitle, Worker* worker,
                             std::shared_ptr<std::atomic_bool> stop) {
    const qint64 id = worker->jobId();
    // A newer job of the same kind makes the older one stale; a stale preview or
    // stats job is not worth finishing.
    if (auto it = m_latest.find(kind); it != m_latest.end()) {
        if (kind == Kind::CleaningPreview || kind == Kind::Stats) cancel(it->second);
    }
    m_latest[kind] = id;
    m_jobs[id] = Job{kind, jobTitle, stop, worker};

    worker->moveToThread(writes(kind) ? m_writeThread : m_readThread);

    connect(worker, &Worker::progressChanged, this,
            [this](qint64 jobId, double fraction, const QString& text) {
                if (isCurrent(jobId)) Q_EMIT progressChanged(jobId, fraction, text);
            });
    connect(worker, &Worker::eventReported, this,
            [this](qint64 jobId, int level, const QString& message) {
                const QString line = QStringLiteral("%1: %2").arg(title(jobId), message);
                if (level == static_cast<int>(LogLevel::Error)) {
                    qCCritical(lcJobs).noquote() << line;
                } else if (level == static_cast<int>(LogLevel::Warning)) {
                    qCWarning(lcJobs).noquote() << line;
                } else {
                    qCInfo(lcJobs).noquote() << line;
                }
                if (isCurrent(jobId)) Q_EMIT eventReported(jobId, level, message);
            });
    connect(worker, &Worker::jobFailed, this,
            [this](qint64 jobId, const QString& message, int code) {
                qCWarning(lcJobs).noquote() << title(jobId) << "failed:" << message;
                if (isCurrent(jobId)) Q_EMIT jobFailed(jobId, message, code);
            });
    connect(worker, &Worker::jobCancelled, this, [this](qint64 jobId) {
        qCInfo(lcJobs).noquote() << title(jobId) << "cancelled";
        if (isCurrent(jobId)) Q_EMIT jobCancelled(jobId);
    });
    connect(worker, &Worker::jobEnded, this, [this](qint64 jobId) {
        Q_EMIT jobEnded(jobId);
        m_jobs.erase(jobId);
    });
    connect(worker, &Worker::jobEnded, worker, &QObject::deleteLater);
    connect(this, &JobController::startRequested, worker, &Worker::start, Qt::QueuedConnection);

    qCInfo(lcJobs).noquote() << "job" << id << "started:" << jobTitle;
    Q_EMIT jobStarted(id, jobTitle);
    Q_EMIT startRequested(id);
    return id;
}

qint64 JobController::startImport(const QString& projectDir,
                                  std::vector<data::ImportRequest> requests) {
    const qint64 id = m_nextId++;
    auto stop = newStopFlag();
    auto* worker = new ImportWorker(id, projectDir, stop, std::move(requests));
    connect(worker, &ImportWorker::importFinished, this,
            [this](qint64 jobId, const ImportSummary& summary) {
                if (isCurrent(jobId)) Q_EMIT importFinished(jobId, summary);
            });
    return launch(Kind::Import, tr("Import"), worker, stop);
}

qint64 JobController::startCleaningPreview(const QString& projectDir, int64_t datasetId,
                                           const data::Pipeline& pipeline, int64_t limit) {
    const qint64 id = m_nextId++;
    auto stop = newStopFlag();
    auto* worker = new CleaningPreviewWorker(id, projectDir, stop, datasetId, pipeline, limit);
    connect(worker, &CleaningPreviewWorker::cleaningPreviewed, this,
            [this](qint64 jobId, const std::vector<data::PreviewRow>& rows) {
                if (isCurrent(jobId)) Q_EMIT cleaningPreviewed(jobId, rows);
            });
    return launch(Kind::CleaningPreview, tr("Cleaning preview"), worker, stop);
}

qint64 JobController::startCleaning(const QString& projectDir, int64_t datasetId,
                                    const data::Pipeline& pipeline) {
    const qint64 id = m_nextId++;
    auto stop = newStopFlag();
    auto* worker = new CleaningWorker(id, projectDir, stop, datasetId, pipeline);
    connect(worker, &CleaningWorker::cleaningFinished, this,
            [this](qint64 jobId, const data::CleaningReport& report) {
                if (isCurrent(jobId)) Q_EMIT cleaningFinished(jobId, report);
            });
    return launch(Kind::Cleaning, tr("Cleaning"), worker, stop);
}

qint64 JobController::startSplit(const QString& projectDir, int64_t datasetId,
                                 const data::SplitOptions& options) {
    const qint64 id = m_nextId++;
    auto stop = newStopFlag();
    auto* worker = new SplitWorker(id, projectDir, stop, datasetId, options);
    connect(worker, &SplitWorker::splitFinished, this,
            [this](qint64 jobId, const data::SplitReport& report) {
                if (isCurrent(jobId)) Q_EMIT splitFinished(jobId, report);
            });
    return launch(Kind::Split, tr("Split"), worker, stop);
}

qint64 JobController::startStats(const QString& projectDir, int64_t datasetId) {
    const qint64 id = m_nextId++;
    auto stop = newStopFlag();
    auto* worker = new StatsWorker(id, projectDir, stop, datasetId);
    connect(worker, &StatsWorker::statsComputed, this,
            [this](qint64 jobId, const StatsSummary& summary) {
                if (isCurrent(jobId)) Q_EMIT statsComputed(jobId, summary);
            });
    return launch(Kind::Stats, tr("Statistics"), worker, stop);
}

bool JobController::isCurrent(qint64 jobId) const {
    const auto it = m_jobs.find(jobId);
    if (it == m_jobs.end()) return false;
    const auto latest = m_latest.find(it->second.kind);
    const bool current = latest != m_latest.end() && latest->second == jobId;
    if (!current) qCDebug(lcJobs) << "dropping a report of stale job" << jobId;
    return current;
}

bool JobController::isRunning(qint64 jobId) const { return m_jobs.count(jobId) > 0; }

bool JobController::hasWriteJobs() const {
    for (const auto& [id, job] : m_jobs) {
        if (writes(job.kind)) return true;
    }
    return false;
}

bool JobController::isWriteJob(qint64 jobId) const {
    const auto it = m_jobs.find(jobId);
    return it != m_jobs.end() && writes(it->second.kind);
}

QString JobController::title(qint64 jobId) const {
    const auto it = m_jobs.find(jobId);
    return it == m_jobs.end() ? QString() : it->second.title;
}

void JobController::cancel(qint64 jobId) {
    const auto it = m_jobs.find(jobId);
    if (it == m_jobs.end()) return;
    it->second.stop->store(true);
}

void JobController::cancelAll() {
    for (auto& [id, job] : m_jobs) job.stop->store(true);
    m_latest.clear();
}

}  // namespace ft::ui
