#include "trainworker.h"

#include "store/project.h"

namespace ft::ui {

TrainWorker::TrainWorker(qint64 jobId, QString projectDir, std::shared_ptr<std::atomic_bool> stop,
                         std::shared_ptr<std::atomic_bool> pause, int64_t runId,
                         train::RunConfig config)
    : Worker(jobId, projectDir, stop),
      m_stop(std::move(stop)),
      m_pause(std::move(pause)),
      m_runId(runId),
      m_config(std::move(config)) {}

void TrainWorker::run(store::Project& project, const Progress&) {
    int64_t runId = m_runId;
    if (runId == 0) {
        runId = train::Trainer::createRun(project, m_config);
        Q_EMIT runCreated(jobId(), runId);
    }
    Q_EMIT runStarted(jobId(), runId, m_runId != 0);

    const qint64 id = jobId();
    train::TrainCallbacks cb;
    cb.onStep = [this, id](const train::StepEvent& e) { Q_EMIT stepFinished(id, e); };
    cb.onEvaluation = [this, id](const train::EvalEvent& e) { Q_EMIT evaluationFinished(id, e); };
    cb.onCheckpoint = [this, id](const train::CheckpointEvent& e) {
        Q_EMIT checkpointSaved(id, e);
    };
    cb.onEvent = [this, id](LogLevel level, const std::string& message) {
        Q_EMIT logEvent(id, static_cast<int>(level), QString::fromStdString(message));
    };
    cb.shouldStop = [stop = m_stop] { return stop->load(std::memory_order_relaxed); };
    cb.shouldPause = [pause = m_pause] { return pause->load(std::memory_order_relaxed); };
    const train::TrainResult result = train::Trainer::run(project.dir(), runId, cb);
    Q_EMIT trainingFinished(id, result);
}

}  // namespace ft::ui
