#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

#include <QMetaType>
#include <QString>

#include "train/runconfig.h"
#include "train/trainer.h"
#include "workers.h"

namespace ft::ui {

// One training job: Trainer::createRun (when it starts a new run) and Trainer::run on the
// worker's thread, with the trainer's callbacks re-emitted as queued signals. The TrainPage
// creates one per start or resume, moves it to its training thread and starts it through
// Worker::start.
//
// Pause and stop are cooperative: the GUI thread sets the shared flags and the trainer
// polls them before every step (it then writes the "last" checkpoint and returns with
// status Paused / Stopped). Resuming is a new TrainWorker for the same run id.
//
// Signals, in order: runCreated (new runs only), runStarted, then any number of
// stepFinished / evaluationFinished / checkpointSaved / logEvent, then either
// trainingFinished (completed, paused, stopped, and failed runs such as a NaN loss: the
// result says which) or Worker::jobFailed (the run could not be created or started; a
// jobFailed before runCreated means the config was rejected and no run exists), and last
// Worker::jobEnded.
class TrainWorker : public Worker {
    Q_OBJECT
public:
    // runId 0 creates a new run from config; otherwise run runId is resumed and config is
    // ignored.
    TrainWorker(qint64 jobId, QString projectDir, std::shared_ptr<std::atomic_bool> stop,
                std::shared_ptr<std::atomic_bool> pause, int64_t runId, train::RunConfig config);

Q_SIGNALS:
    void runCreated(qint64 jobId, qint64 runId);
    void runStarted(qint64 jobId, qint64 runId, bool resumed);
    void stepFinished(qint64 jobId, const ft::train::StepEvent& event);
    void evaluationFinished(qint64 jobId, const ft::train::EvalEvent& event);
    void checkpointSaved(qint64 jobId, const ft::train::CheckpointEvent& event);
    void logEvent(qint64 jobId, int level, const QString& message);
    void trainingFinished(qint64 jobId, const ft::train::TrainResult& result);

protected:
    void run(store::Project& project, const Progress& progress) override;

private:
    std::shared_ptr<std::atomic_bool> m_stop;
    std::shared_ptr<std::atomic_bool> m_pause;
    int64_t m_runId;
    train::RunConfig m_config;
};

}  // namespace ft::ui

Q_DECLARE_METATYPE(ft::train::StepEvent)
Q_DECLARE_METATYPE(ft::train::EvalEvent)
Q_DECLARE_METATYPE(ft::train::CheckpointEvent)
Q_DECLARE_METATYPE(ft::train::TrainResult)
