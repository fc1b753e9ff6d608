#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include <QElapsedTimer>
#include <QPointer>
#include <QString>
#include <QWidget>

#include "store/project.h"
#include "train/runconfig.h"
#include "train/trainer.h"

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QThread;
class QTimer;

namespace ft::ui {

class HyperparameterForm;
class RunHistory;
class TrainPlots;
class TrainWorker;

// Stage 3, "Fine-tune": the hyperparameter form (data and model at its top), Start / Pause /
// Resume / Stop, a status row (epoch, step of total, samples/s, elapsed, ETA), the live
// plots, the run history and a log of the run's events.
//
// Training runs on the page's own thread (a TrainWorker per start or resume; Trainer::run
// opens its own connection to the project). Pause and stop are cooperative flags the
// trainer polls before every step; a paused, stopped or crashed run resumes at the same
// step. A job id tags each start; events of an older job are dropped. The GUI thread only
// buffers step events: plots are redrawn at most every TrainPlots::kRefreshMs and the status
// row as often. A 10 ms timer measures how late the GUI thread serves it while training
// (longestStallMs()), shown under the controls.
//
// Reads the GUI thread's Project (not owned) for the datasets, the Model page's choice and
// the run history. The destructor stops a running job and waits for it (at most a step
// and a checkpoint). GUI thread only.
class TrainPage : public QWidget {
    Q_OBJECT
public:
    enum class State { Idle, Starting, Training, Pausing, Stopping };
    static constexpr int kStallTimerMs = 10;

    explicit TrainPage(QWidget* parent = nullptr);
    ~TrainPage() override;

    // nullptr closes (a running job is asked to stop; MainWindow asks the user first, see
    // stopForClose).
    void setProject(store::Project* project);
    // The dataset the Data page shows: preselected in the form (0: the project's default).
    void setDatasetId(int64_t datasetId);

    State state() const { return m_state; }
    bool isTraining() const { return m_jobId != 0; }
    // The run of the current (or last) job in this window; 0 before the first.
    int64_t currentRunId() const { return m_runId; }
    // The run whose curves the plots show (the live one, or one selected in the history).
    int64_t shownRunId() const { return m_shownRun; }
    // The longest lateness of the 10 ms stall timer during the current or last run.
    qint64 longestStallMs() const { return m_longestStall; }
    HyperparameterForm* form() const { return m_form; }
    TrainPlots* plots() const { return m_plots; }
    RunHistory* history() const { return m_history; }

    // Asks whether to stop a running job (when there is one), stops it cleanly and waits
    // for its checkpoint. false: the user chose to keep training.
    bool stopForClose();
    // Stops a running job without asking and waits for its checkpoint (the window keeps
    // processing events meanwhile); returns at once when nothing runs.
    void stopAndWait();

public Q_SLOTS:
    // Validates the form and starts a new run; false (with the errors at their fields) when
    // the form is not valid or a job is running.
    bool startTraining();
    void pauseTraining();
    void stopTraining();
    // Resumes the paused/stopped run of this window, or the run selected in the history.
    void resumeTraining();
    bool resumeRun(qint64 runId);
    // Loads a run config file into the form; false with the message in the banner.
    bool loadConfigFile(const QString& path);

Q_SIGNALS:
    void statusMessage(const QString& text);
    void trainingStarted(qint64 runId);
    // Every step of the live run, as it arrives on the GUI thread.
    void stepReported(qint64 runId, qint64 step, qint64 totalSteps);
    // After every job (completed, paused, stopped, failed, or rejected before a run
    // existed; runId 0 then).
    void trainingEnded(qint64 runId, int status);

    // Internal: starts the worker with this job id on the training thread.
    void trainRequested(qint64 jobId);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* createControls();
    void refreshChoices();
    bool launch(int64_t runId, const train::RunConfig& config);
    void setState(State state);
    void updateControls();
    void updateStatusRow();
    void updateSummary();
    void showRun(int64_t runId);
    void log(int level, const QString& message);
    void addLivePoint(int64_t step, double epoch, const char* name, double value);
    int64_t resumeTarget() const;
    void onRunCreated(qint64 jobId, qint64 runId);
    void onRunStarted(qint64 jobId, qint64 runId, bool resumed);
    void onStep(qint64 jobId, const train::StepEvent& e);
    void onEvaluation(qint64 jobId, const train::EvalEvent& e);
    void onCheckpoint(qint64 jobId, const train::CheckpointEvent& e);
    void onLogEvent(qint64 jobId, int level, const QString& message);
    void onFinished(qint64 jobId, const train::TrainResult& result);
    void onFailed(qint64 jobId, const QString& message, int code);
    void onEnded(qint64 jobId);
    void onStallTick();

    store::Project* m_project = nullptr;
    int64_t m_datasetId = 0;
    QThread* m_thread;
    QPointer<TrainWorker> m_worker;
    std::shared_ptr<std::atomic_bool> m_stop;
    std::shared_ptr<std::atomic_bool> m_pause;
    qint64 m_nextJob = 1;
    qint64 m_jobId = 0;
    bool m_runExists = false;  // the current job has created (or is resuming) its run
    int64_t m_runId = 0;
    int64_t m_resumable = 0;  // this window's last paused or stopped run
    int64_t m_shownRun = 0;
    State m_state = State::Idle;
    train::RunConfig m_liveConfig;
    std::optional<train::StepEvent> m_lastStep;
    std::vector<store::MetricPoint> m_livePoints;  // the live run's curves, for re-showing
    QString m_lastError;
    QString m_modelSetting;       // the Model page's choice last applied to the form
    QString m_choicesFor;         // the dataset whose split and labels the form shows
    bool m_applyDataset = false;  // m_datasetId changed: choose it in the form

    QElapsedTimer m_stallClock;
    qint64 m_lastTick = 0;
    qint64 m_longestStall = 0;
    QTimer* m_stallTimer;
    QTimer* m_statusTimer;

    HyperparameterForm* m_form;
    TrainPlots* m_plots;
    RunHistory* m_history;
    QLabel* m_summary;
    QPushButton* m_start;
    QPushButton* m_pauseButton;
    QPushButton* m_resume;
    QPushButton* m_stopButton;
    QLabel* m_status;
    QLabel* m_runError;
    QProgressBar* m_progress;
    QLabel* m_stallLabel;
    QTabWidget* m_tabs;
    QPlainTextEdit* m_log;
};

}  // namespace ft::ui
