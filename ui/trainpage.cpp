#include "trainpage.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include "error.h"
#include "hyperparameterform.h"
#include "progress.h"
#include "runhistory.h"
#include "trainplots.h"
#include "trainworker.h"

Q_LOGGING_CATEGORY(lcTrain, "ft.ui.train", QtInfoMsg)

namespace ft::ui {

namespace {

const char* const kModelSetting = "model";

// "1:05", "1:02:03"; "--:--" while unknown.
QString clock(double seconds) {
    if (!(seconds >= 0) || seconds > 1e7) return QStringLiteral("--:--");
    const auto s = static_cast<qint64>(seconds + 0.5);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString evaluationHint(const train::RunConfig& c) {
    if (c.evalSteps > 0)
        return TrainPage::tr("The first validation comes after step %1.").arg(c.evalSteps);
    return TrainPage::tr("Validation runs at the end of each epoch.");
}

}  // namespace

TrainPage::TrainPage(QWidget* parent)
    : QWidget(parent),
      m_thread(new QThread(this)),
      m_stallTimer(new QTimer(this)),
      m_statusTimer(new QTimer(this)),
      m_form(new HyperparameterForm),
      m_plots(new TrainPlots),
      m_history(new RunHistory),
      m_summary(new QLabel),
      m_start(new QPushButton(tr("Start"))),
      m_pauseButton(new QPushButton(tr("Pause"))),
      m_resume(new QPushButton(tr("Resume"))),
      m_stopButton(new QPushButton(tr("Stop"))),
      m_status(new QLabel),
      m_runError(new QLabel),
      m_progress(new QProgressBar),
      m_stallLabel(new QLabel),
      m_tabs(new QTabWidget),
      m_log(new QPlainTextEdit) {
    setObjectName(QStringLiteral("trainPage"));
    qRegisterMetaType<ft::train::StepEvent>();
    qRegisterMetaType<ft::train::EvalEvent>();
    qRegisterMetaType<ft::train::CheckpointEvent>();
    qRegisterMetaType<ft::train::TrainResult>();
    m_thread->setObjectName(QStringLiteral("ft-train"));
    m_thread->start();

    auto* formScroll = new QScrollArea;
    formScroll->setObjectName(QStringLiteral("trainFormScroll"));
    formScroll->setWidget(m_form);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    formScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    formScroll->setMinimumWidth(m_form->minimumSizeHint().width() + 24);

    m_log->setObjectName(QStringLiteral("trainLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setPlaceholderText(
        tr("The run's events — evaluations, checkpoints, errors — appear "
           "here."));
    m_tabs->setObjectName(QStringLiteral("trainTabs"));
    m_tabs->addTab(m_history, tr("Runs"));
    m_tabs->addTab(m_log, tr("Log"));

    auto* right = new QWidget;
    auto* rv = new QVBoxLayout(right);
    rv->setContentsMargins(6, 0, 0, 0);
    rv->setSpacing(6);
    rv->addWidget(createControls());
    auto* vsplit = new QSplitter(Qt::Vertical);
    vsplit->setObjectName(QStringLiteral("trainVerticalSplit"));
    vsplit->addWidget(m_plots);
    vsplit->addWidget(m_tabs);
    vsplit->setStretchFactor(0, 3);
    vsplit->setStretchFactor(1, 2);
    vsplit->setChildrenCollapsible(false);
    rv->addWidget(vsplit, 1);

    auto* split = new QSplitter(Qt::Horizontal);
    split->setObjectName(QStringLiteral("trainSplit"));
    split->addWidget(formScroll);
    split->addWidget(right);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    split->setSizes({formScroll->minimumWidth() + 10, 800});

    auto* title = new QLabel(tr("Fine-tune"));
    title->setProperty("role", QStringLiteral("heading"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    title->setFont(titleFont);
    m_summary->setObjectName(QStringLiteral("trainSummary"));
    m_summary->setProperty("role", QStringLiteral("hint"));
    m_summary->setTextFormat(Qt::RichText);
    auto* header = new QHBoxLayout;
    header->addWidget(title);
    header->addSpacing(12);
    header->addWidget(m_summary, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(6);
    layout->addLayout(header);
    layout->addWidget(split, 1);

    m_stallTimer->setTimerType(Qt::PreciseTimer);
    m_stallTimer->setInterval(kStallTimerMs);
    connect(m_stallTimer, &QTimer::timeout, this, &TrainPage::onStallTick);
    m_statusTimer->setSingleShot(true);
    m_statusTimer->setInterval(TrainPlots::kRefreshMs);
    connect(m_statusTimer, &QTimer::timeout, this, &TrainPage::updateStatusRow);

    connect(m_form, &HyperparameterForm::changed, this, [this] {
        // Another dataset chosen in the form: its split and labels.
        const std::string dataset = m_form->document().value("dataset", std::string());
        if (m_project && QString::fromStdString(dataset) != m_choicesFor)
            refreshChoices();
        else
            updateSummary();
    });
    connect(m_form, &HyperparameterForm::statusMessage, this, &TrainPage::statusMessage);
    connect(m_history, &RunHistory::runSelected, this, [this](qint64 runId) {
        showRun(runId);
        updateControls();  // Resume follows the selected run
    });
    connect(m_history, &RunHistory::resumeRequested, this,
            [this](qint64 runId) { resumeRun(runId); });
    connect(m_history, &RunHistory::useConfigRequested, this, [this](qint64 runId) {
        if (!m_project) return;
        try {
            const auto run = m_project->run(runId);
            if (!run) return;
            m_form->setConfig(train::parseRunConfig(nlohmann::json::parse(run->configJson),
                                                    "run " + std::to_string(runId)));
            Q_EMIT statusMessage(tr("The form holds the config of run #%1").arg(runId));
        } catch (const std::exception& e) {
            m_form->showError(QString::fromUtf8(e.what()));
        }
    });

    updateControls();
    updateSummary();
    m_plots->clear();
}

TrainPage::~TrainPage() {
    // Never terminate: the trainer sees the flag before its next step, checkpoints and
    // returns; then the thread's loop ends.
    if (m_stop) m_stop->store(true);
    m_thread->requestInterruption();
    m_thread->quit();
    m_thread->wait();
    delete m_worker.data();
}

QWidget* TrainPage::createControls() {
    auto* box = new QWidget;
    box->setObjectName(QStringLiteral("trainControls"));
    auto* v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(4);
    auto* buttons = new QHBoxLayout;
    m_start->setObjectName(QStringLiteral("startTrainingButton"));
    m_start->setProperty("primary", true);
    m_start->setToolTip(tr("Check the settings and start a new run."));
    m_pauseButton->setObjectName(QStringLiteral("pauseTrainingButton"));
    m_pauseButton->setToolTip(
        tr("Pause after the current step: a checkpoint is written and "
           "Resume continues at the same step."));
    m_resume->setObjectName(QStringLiteral("resumeTrainingButton"));
    m_stopButton->setObjectName(QStringLiteral("stopTrainingButton"));
    m_stopButton->setToolTip(
        tr("Stop after the current step. The run keeps its checkpoint: "
           "it can be resumed later from the history."));
    connect(m_start, &QPushButton::clicked, this, [this] { startTraining(); });
    connect(m_pauseButton, &QPushButton::clicked, this, &TrainPage::pauseTraining);
    connect(m_resume, &QPushButton::clicked, this, &TrainPage::resumeTraining);
    connect(m_stopButton, &QPushButton::clicked, this, &TrainPage::stopTraining);
    for (QPushButton* b : {m_start, m_pauseButton, m_resume, m_stopButton}) {
        b->setMinimumWidth(84);
        buttons->addWidget(b);
    }
    buttons->addSpacing(10);
    m_progress->setObjectName(QStringLiteral("trainProgress"));
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(10);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    buttons->addWidget(m_progress, 1);
    v->addLayout(buttons);

    auto* statusRow = new QHBoxLayout;
    m_status->setObjectName(QStringLiteral("trainStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusRow->addWidget(m_status, 1);
    m_stallLabel->setObjectName(QStringLiteral("stallLabel"));
    m_stallLabel->setProperty("role", QStringLiteral("hint"));
    m_stallLabel->setToolTip(
        tr("How late the window served a 10 ms timer at worst while training: a measure of "
           "how responsive it stayed."));
    statusRow->addWidget(m_stallLabel);
    v->addLayout(statusRow);
    m_runError->setObjectName(QStringLiteral("trainRunError"));
    m_runError->setProperty("role", QStringLiteral("error"));
    m_runError->setWordWrap(true);
    m_runError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_runError->hide();
    v->addWidget(m_runError);
    return box;
}

void TrainPage::setProject(store::Project* project) {
    if (isTraining()) {
        // The job belongs to the project that closes: stop it and forget its reports.
        m_stop->store(true);
        m_jobId = 0;
        m_stallTimer->stop();
    }
    m_project = project;
    m_datasetId = 0;
    m_runId = 0;
    m_resumable = 0;
    m_shownRun = 0;
    m_lastStep.reset();
    m_livePoints.clear();
    m_runError->hide();
    m_log->clear();
    m_longestStall = 0;
    m_stallLabel->clear();
    setState(State::Idle);
    m_history->setProject(project);
    m_plots->clear();
    m_form->setProjectModel(QString(), false);
    m_form->setDatasets({}, {});
    m_modelSetting.clear();
    if (!project) return;
    // Opening the page shows the newest run's curves, and the form starts from that run's
    // settings (what the user would change for the next run), not from the defaults.
    if (const auto* newest = m_history->model()->run(0)) {
        try {
            m_form->setConfig(train::parseRunConfig(nlohmann::json::parse(newest->configJson),
                                                    "run " + std::to_string(newest->id)));
        } catch (const std::exception& e) {
            // A config this version cannot read (or a model folder since moved): the
            // defaults stand; "Use this config" on the run says what is wrong.
            qCInfo(lcTrain).noquote()
                << "the form keeps its defaults; run" << newest->id << "config:" << e.what();
        }
        refreshChoices();
        m_history->selectRun(newest->id);
    } else {
        refreshChoices();
    }
    updateStatusRow();
}

void TrainPage::setDatasetId(int64_t datasetId) {
    if (datasetId == m_datasetId) return;
    m_datasetId = datasetId;
    // The Data page's choice is applied once, when it changes; in between the form's own
    // choice (or a loaded config's) stands.
    m_applyDataset = true;
    refreshChoices();
}

void TrainPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    // The Model page may have chosen another model, the Data page made a new split.
    if (m_project && !isTraining()) refreshChoices();
}

void TrainPage::refreshChoices() {
    if (!m_project) return;
    try {
        QStringList names;
        QString current;
        const auto datasets = m_project->datasets();
        for (const auto& d : datasets) {
            names << QString::fromStdString(d.name);
            if (m_applyDataset && d.id == m_datasetId) current = QString::fromStdString(d.name);
        }
        m_applyDataset = false;
        if (current.isEmpty() && !datasets.empty() &&
            m_form->document().value("dataset", std::string()).empty())
            current = QString::fromStdString(m_project->defaultDataset().name);
        m_form->setDatasets(names, current);

        const std::string name = m_form->document().value("dataset", std::string());
        m_choicesFor = QString::fromStdString(name);
        const auto dataset = m_project->datasetByName(name);
        QString splitText = tr("No dataset yet: import one on the Prepare data page.");
        int64_t trainRows = 0;
        QStringList labels;
        if (dataset) {
            for (const auto& l : m_project->labels(dataset->id))
                labels << QString::fromStdString(l);
            if (const auto split = m_project->latestSplit(dataset->id)) {
                trainRows = static_cast<int64_t>(
                    m_project->splitRowIds(split->id, store::SplitPart::Train).size());
                const auto validation =
                    m_project->splitRowIds(split->id, store::SplitPart::Validation).size();
                const auto test = m_project->splitRowIds(split->id, store::SplitPart::Test).size();
                const QLocale locale;
                splitText = tr("Latest split #%1: %2 train · %3 validation · %4 test")
                                .arg(split->id)
                                .arg(locale.toString(static_cast<qlonglong>(trainRows)),
                                     locale.toString(static_cast<qlonglong>(validation)),
                                     locale.toString(static_cast<qlonglong>(test)));
            } else {
                splitText = tr("Not split yet: split it on the Prepare data page (stage 1).");
            }
        }
        m_form->setSplitInfo(splitText, trainRows);
        m_form->setLabels(labels);

        const auto setting = m_project->setting(kModelSetting);
        const QString model = setting ? QString::fromStdString(*setting) : QString();
        // The Model page's choice becomes the form's model when it changes; in between the
        // user may pick another here.
        m_form->setProjectModel(model, !model.isEmpty() && model != m_modelSetting);
        m_modelSetting = model;
    } catch (const Error& e) {
        qCWarning(lcTrain).noquote() << "reading the project:" << e.what();
    }
    updateSummary();
}

void TrainPage::updateSummary() {
    const auto doc = m_form->document();
    const QString dataset = QString::fromStdString(doc.value("dataset", std::string()));
    QString model = QString::fromStdString(doc.value("model", std::string()));
    model = model.startsWith(QLatin1String("builtin:")) ? tr("%1 (built-in)").arg(model.mid(8))
                                                        : QDir(model).dirName();
    if (!m_project) {
        m_summary->setText(tr("Open a project to train."));
        return;
    }
    m_summary->setText(
        tr("Dataset <b>%1</b> · model <b>%2</b>")
            .arg(dataset.isEmpty() ? tr("none") : dataset.toHtmlEscaped(), model.toHtmlEscaped()));
}

bool TrainPage::loadConfigFile(const QString& path) {
    QString error;
    if (!m_form->loadFromFile(path, &error)) {
        m_form->showError(tr("Not loaded: %1").arg(error));
        log(static_cast<int>(LogLevel::Error), error);
        return false;
    }
    refreshChoices();
    return true;
}

bool TrainPage::startTraining() {
    if (!m_project || isTraining()) return false;
    const auto config = m_form->validate();
    if (!config) {
        m_form->showError(tr("Fix the flagged settings before starting: %1")
                              .arg(m_form->fieldErrors().join(QStringLiteral("; "))));
        Q_EMIT statusMessage(tr("The run config has errors; nothing was started."));
        return false;
    }
    return launch(0, *config);
}

bool TrainPage::resumeRun(qint64 runId) {
    if (!m_project || isTraining() || runId <= 0) return false;
    train::RunConfig config;
    try {
        const auto run = m_project->run(runId);
        if (!run) return false;
        config = train::parseRunConfig(nlohmann::json::parse(run->configJson),
                                       "run " + std::to_string(runId));
    } catch (const std::exception& e) {
        log(static_cast<int>(LogLevel::Error), QString::fromUtf8(e.what()));
        return false;
    }
    return launch(runId, config);
}

void TrainPage::resumeTraining() {
    if (const int64_t id = resumeTarget()) resumeRun(id);
}

int64_t TrainPage::resumeTarget() const {
    if (!m_project) return 0;
    for (int64_t id : {m_history->selectedRun(), m_resumable}) {
        if (id == 0) continue;
        const auto* r = m_history->model()->run(m_history->model()->rowOf(id));
        if (r && RunHistory::isResumable(r->status)) return id;
    }
    return 0;
}

bool TrainPage::launch(int64_t runId, const train::RunConfig& config) {
    m_jobId = m_nextJob++;
    m_stop = std::make_shared<std::atomic_bool>(false);
    m_pause = std::make_shared<std::atomic_bool>(false);
    m_runExists = runId != 0;
    m_runId = runId;
    m_liveConfig = config;
    m_lastStep.reset();
    m_lastError.clear();
    m_runError->hide();
    m_form->clearErrors();
    m_livePoints.clear();
    if (runId != 0) {
        try {
            m_livePoints = m_project->runMetrics(runId);
        } catch (const Error& e) {
            qCWarning(lcTrain).noquote() << "reading run" << runId << "metrics:" << e.what();
        }
    }

    auto* worker = new TrainWorker(m_jobId, QString::fromStdString(m_project->dir()), m_stop,
                                   m_pause, runId, config);
    m_worker = worker;
    worker->moveToThread(m_thread);
    connect(worker, &TrainWorker::runCreated, this, &TrainPage::onRunCreated);
    connect(worker, &TrainWorker::runStarted, this, &TrainPage::onRunStarted);
    connect(worker, &TrainWorker::stepFinished, this, &TrainPage::onStep);
    connect(worker, &TrainWorker::evaluationFinished, this, &TrainPage::onEvaluation);
    connect(worker, &TrainWorker::checkpointSaved, this, &TrainPage::onCheckpoint);
    connect(worker, &TrainWorker::logEvent, this, &TrainPage::onLogEvent);
    connect(worker, &TrainWorker::trainingFinished, this, &TrainPage::onFinished);
    connect(worker, &Worker::jobFailed, this, &TrainPage::onFailed);
    connect(worker, &Worker::jobCancelled, this,
            [this](qint64 jobId) { onFailed(jobId, tr("cancelled before it started"), -1); });
    connect(worker, &Worker::jobEnded, this, &TrainPage::onEnded);
    connect(worker, &Worker::jobEnded, worker, &QObject::deleteLater);
    connect(this, &TrainPage::trainRequested, worker, &Worker::start, Qt::QueuedConnection);

    m_longestStall = 0;
    m_stallClock.start();
    m_lastTick = 0;
    m_stallTimer->start();
    m_form->setEnabled(false);
    m_plots->setClipNorm(config.maxGradNorm);
    m_plots->setEvaluationHint(evaluationHint(config));
    if (runId != 0) {
        m_history->selectRun(runId);
        m_shownRun = runId;
        m_plots->setMetrics(m_livePoints);
        log(static_cast<int>(LogLevel::Info), tr("Resuming run #%1…").arg(runId));
    } else {
        m_shownRun = 0;
        m_plots->clear();
        m_plots->setClipNorm(config.maxGradNorm);
        log(static_cast<int>(LogLevel::Info),
            tr("Starting a run: %1 on %2")
                .arg(QString::fromStdString(config.model),
                     QString::fromStdString(config.dataset.empty() ? "the default dataset"
                                                                   : config.dataset)));
    }
    setState(State::Starting);
    Q_EMIT trainRequested(m_jobId);
    return true;
}

void TrainPage::pauseTraining() {
    if (m_state != State::Training && m_state != State::Starting) return;
    m_pause->store(true);
    setState(State::Pausing);
    log(static_cast<int>(LogLevel::Info), tr("Pausing after the current step…"));
}

void TrainPage::stopTraining() {
    if (!isTraining() || m_state == State::Stopping) return;
    m_stop->store(true);
    setState(State::Stopping);
    log(static_cast<int>(LogLevel::Info), tr("Stopping after the current step…"));
}

bool TrainPage::stopForClose() {
    if (!isTraining()) return true;
    QMessageBox box(QMessageBox::Question, tr("Training is running"),
                    tr("Run #%1 is still training. Stop it and close? It stops after the current "
                       "step and keeps a checkpoint, so it can be resumed later.")
                        .arg(m_runId),
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setObjectName(QStringLiteral("stopTrainingQuestion"));
    box.setDefaultButton(QMessageBox::No);
    box.button(QMessageBox::Yes)->setText(tr("Stop and close"));
    box.button(QMessageBox::No)->setText(tr("Keep training"));
    if (box.exec() != QMessageBox::Yes) return false;
    stopAndWait();
    return true;
}

void TrainPage::stopAndWait() {
    if (!isTraining()) return;
    stopTraining();
    // Wait for the checkpoint with the window alive (events keep flowing).
    QEventLoop loop;
    connect(this, &TrainPage::trainingEnded, &loop, &QEventLoop::quit);
    if (isTraining()) loop.exec();
}

void TrainPage::setState(State state) {
    m_state = state;
    updateControls();
    updateStatusRow();
}

void TrainPage::updateControls() {
    const bool idle = m_jobId == 0;
    m_start->setEnabled(idle && m_project);
    m_pauseButton->setEnabled(m_state == State::Training || m_state == State::Starting);
    m_stopButton->setEnabled(!idle && m_state != State::Stopping);
    const int64_t target = idle ? resumeTarget() : 0;
    m_resume->setEnabled(target != 0);
    m_resume->setToolTip(target ? tr("Continue run #%1 at the step where it stopped.").arg(target)
                                : tr("Continue a paused, stopped or crashed run (select it in "
                                     "the history)."));
    m_form->setEnabled(idle);
}

void TrainPage::updateStatusRow() {
    const QLocale locale;
    QString text;
    switch (m_state) {
        case State::Starting:
            text = tr("Preparing: tokenizing the split, loading the model…");
            break;
        case State::Pausing:
            text = tr("Pausing after this step…");
            break;
        case State::Stopping:
            text = tr("Stopping after this step…");
            break;
        case State::Training:
        case State::Idle:
            break;
    }
    const bool live = m_lastStep && m_shownRun == m_runId && m_runId != 0;
    if (m_state != State::Idle) {
        if (m_lastStep) {
            const auto& e = *m_lastStep;
            double epochs = static_cast<double>(m_liveConfig.epochs);
            if (m_liveConfig.maxSteps > 0 && e.step > 0 && e.epochProgress > 0)
                epochs =
                    std::min(epochs, std::ceil(static_cast<double>(e.totalSteps) * e.epochProgress /
                                                   static_cast<double>(e.step) -
                                               1e-9));
            const QString row =
                tr("Epoch %1 of %2 · step %3 of %4 · %5 samples/s · %6 elapsed · %7 left")
                    .arg(locale.toString(e.epochProgress, 'f', 2), locale.toString(epochs, 'g', 4),
                         locale.toString(static_cast<qlonglong>(e.step)),
                         locale.toString(static_cast<qlonglong>(e.totalSteps)),
                         locale.toString(e.samplesPerSecond, 'f', 1), clock(e.elapsed),
                         clock(e.eta));
            text = text.isEmpty() ? row : text + QStringLiteral("  ") + row;
            m_progress->setRange(0, static_cast<int>(std::max<int64_t>(1, e.totalSteps)));
            m_progress->setValue(static_cast<int>(e.step));
        } else {
            m_progress->setRange(0, 0);  // busy until the first step
        }
    } else if (m_shownRun != 0) {
        const auto* r = m_history->model()->run(m_history->model()->rowOf(m_shownRun));
        if (r) {
            const auto loss = m_plots->series(QStringLiteral("train_loss"));
            const qint64 steps = loss.isEmpty() ? 0 : static_cast<qint64>(loss.back().x());
            text = (steps == 1 ? tr("Run #%1 %2 after %3 step") : tr("Run #%1 %2 after %3 steps"))
                       .arg(r->id)
                       .arg(RunHistoryModel::statusText(r->status))
                       .arg(steps);
            if (r->bestMetric)
                text += tr(" · best %1 at step %2")
                            .arg(RunHistoryModel::bestText(*r))
                            .arg(r->bestStep.value_or(0));
            if (live)
                text += tr(" · %1 samples/s · %2 of training")
                            .arg(locale.toString(m_lastStep->samplesPerSecond, 'f', 1),
                                 clock(m_lastStep->elapsed));
        }
        // A completed run fills the bar, also when early stopping ended it before its
        // planned last step; a stopped or failed one shows where it ended.
        const bool completed = r && r->status == store::RunStatus::Completed;
        m_progress->setRange(
            0, live ? static_cast<int>(std::max<int64_t>(1, m_lastStep->totalSteps)) : 1);
        m_progress->setValue(completed ? m_progress->maximum()
                             : live    ? static_cast<int>(m_lastStep->step)
                                       : 0);
    } else {
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
        if (m_project) text = tr("Ready: choose a preset or set the hyperparameters, then Start.");
    }
    m_status->setText(text);
    if (m_stallClock.isValid())
        m_stallLabel->setText(tr("GUI stall max %1 ms").arg(m_longestStall));
}

void TrainPage::showRun(int64_t runId) {
    if (runId == 0) {
        if (!isTraining()) {
            m_shownRun = 0;
            m_plots->clear();
            updateStatusRow();
        }
        return;
    }
    if (runId == m_shownRun && isTraining()) {
        updateStatusRow();
        return;
    }
    m_shownRun = runId;
    if (runId == m_runId && isTraining()) {
        m_plots->setMetrics(m_livePoints);
        if (m_lastStep) m_plots->setTotalSteps(m_lastStep->totalSteps);
        m_plots->setClipNorm(m_liveConfig.maxGradNorm);
        m_plots->setEvaluationHint(evaluationHint(m_liveConfig));
        updateStatusRow();
        return;
    }
    if (!m_project) return;
    try {
        m_plots->setMetrics(m_project->runMetrics(runId));
        if (const auto run = m_project->run(runId)) {
            const auto config = train::parseRunConfig(nlohmann::json::parse(run->configJson));
            m_plots->setClipNorm(config.maxGradNorm);
            m_plots->setEvaluationHint(run->status == store::RunStatus::Completed ||
                                               run->status == store::RunStatus::Failed
                                           ? tr("This run has no evaluation.")
                                           : evaluationHint(config));
        }
    } catch (const std::exception& e) {
        qCWarning(lcTrain).noquote() << "showing run" << runId << ":" << e.what();
    }
    updateStatusRow();
}

void TrainPage::log(int level, const QString& message) {
    QString color = QStringLiteral("#3c4043");
    if (level == static_cast<int>(LogLevel::Warning)) color = QStringLiteral("#b06000");
    if (level == static_cast<int>(LogLevel::Error)) color = QStringLiteral("#c5221f");
    m_log->appendHtml(QStringLiteral("<span style=\"color:#80868b\">%1</span> "
                                     "<span style=\"color:%2\">%3</span>")
                          .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), color,
                               message.toHtmlEscaped()));
    if (level == static_cast<int>(LogLevel::Error))
        qCWarning(lcTrain).noquote() << message;
    else
        qCInfo(lcTrain).noquote() << message;
}

void TrainPage::addLivePoint(int64_t step, double epoch, const char* name, double value) {
    m_livePoints.push_back(store::MetricPoint{step, epoch, name, value});
}

void TrainPage::onRunCreated(qint64 jobId, qint64 runId) {
    if (jobId != m_jobId) return;
    m_runExists = true;
    m_runId = runId;
    log(static_cast<int>(LogLevel::Info), tr("Created run #%1").arg(runId));
}

void TrainPage::onRunStarted(qint64 jobId, qint64 runId, bool resumed) {
    if (jobId != m_jobId) return;
    m_runId = runId;
    m_runExists = true;
    m_history->setActiveRun(runId);
    m_history->refresh();
    m_shownRun = runId;
    m_history->selectRun(runId);
    if (m_state == State::Starting) setState(State::Training);
    Q_EMIT trainingStarted(runId);
    Q_EMIT statusMessage(resumed ? tr("Resuming run #%1").arg(runId)
                                 : tr("Training run #%1").arg(runId));
}

void TrainPage::onStep(qint64 jobId, const train::StepEvent& e) {
    if (jobId != m_jobId) return;
    if (m_state == State::Starting) setState(State::Training);
    // The trainer marks the run running once it is prepared: the history says so from the
    // first step on.
    if (!m_lastStep) m_history->refresh();
    // A resumed run logs again from its checkpoint: forget what it replaces.
    if (!m_livePoints.empty()) {
        m_livePoints.erase(
            std::remove_if(m_livePoints.begin(), m_livePoints.end(),
                           [&e](const store::MetricPoint& p) { return p.step >= e.step; }),
            m_livePoints.end());
    }
    m_lastStep = e;
    addLivePoint(e.step, e.epochProgress, "train_loss", e.loss);
    addLivePoint(e.step, e.epochProgress, "lr", e.lr);
    addLivePoint(e.step, e.epochProgress, "grad_norm", e.gradNorm);
    if (m_shownRun == m_runId) m_plots->addStep(e);
    if (!m_statusTimer->isActive()) m_statusTimer->start();
    Q_EMIT stepReported(m_runId, e.step, e.totalSteps);
}

void TrainPage::onEvaluation(qint64 jobId, const train::EvalEvent& e) {
    if (jobId != m_jobId) return;
    addLivePoint(e.step, e.epoch, "val_loss", e.valLoss);
    addLivePoint(e.step, e.epoch, "val_accuracy", e.accuracy);
    addLivePoint(e.step, e.epoch, "val_macro_f1", e.macroF1);
    if (m_shownRun == m_runId) m_plots->addEvaluation(e);
    const QLocale locale;
    log(static_cast<int>(LogLevel::Info),
        tr("Validation at step %1 (epoch %2): loss %3, accuracy %4, macro-F1 %5%6")
            .arg(e.step)
            .arg(locale.toString(e.epoch, 'f', 2), locale.toString(e.valLoss, 'f', 4),
                 locale.toString(e.accuracy, 'f', 4), locale.toString(e.macroF1, 'f', 4),
                 e.best ? tr(" — best so far") : QString()));
}

void TrainPage::onCheckpoint(qint64 jobId, const train::CheckpointEvent& e) {
    if (jobId != m_jobId) return;
    // The best value so far reaches the database around checkpoints: show it.
    m_history->refresh();
    log(static_cast<int>(LogLevel::Info),
        tr("Checkpoint '%1' at step %2: %3")
            .arg(QString::fromStdString(e.kind))
            .arg(e.step)
            .arg(QDir::toNativeSeparators(QString::fromStdString(e.path))));
}

void TrainPage::onLogEvent(qint64 jobId, int level, const QString& message) {
    if (jobId != m_jobId) return;
    log(level, message);
}

void TrainPage::onFinished(qint64 jobId, const train::TrainResult& r) {
    if (jobId != m_jobId) return;
    m_plots->flush();
    const QString status = RunHistoryModel::statusText(r.status);
    QString summary = tr("Run #%1 %2 after %3 of %4 steps in %5")
                          .arg(r.runId)
                          .arg(status)
                          .arg(r.steps)
                          .arg(r.totalSteps)
                          .arg(clock(r.wallSeconds));
    if (r.earlyStopped) summary += tr(" (early stopping)");
    if (r.status == store::RunStatus::Failed) {
        m_lastError = QString::fromStdString(r.error);
        m_runError->setText(tr("Run #%1 failed: %2").arg(r.runId).arg(m_lastError));
        m_runError->show();
        log(static_cast<int>(LogLevel::Error), summary);
    } else {
        log(static_cast<int>(LogLevel::Info), summary);
    }
    if (r.status == store::RunStatus::Paused || r.status == store::RunStatus::Stopped)
        m_resumable = r.runId;
    else if (m_resumable == r.runId)
        m_resumable = 0;
    Q_EMIT statusMessage(summary);
}

void TrainPage::onFailed(qint64 jobId, const QString& message, int) {
    if (jobId != m_jobId) return;
    m_lastError = message;
    if (!m_runExists) {
        // Trainer::createRun refused the config: no run exists; say why at the form.
        m_form->setEnabled(true);
        m_form->showError(message);
        log(static_cast<int>(LogLevel::Error), tr("Not started: %1").arg(message));
        Q_EMIT statusMessage(tr("Not started: %1").arg(message));
    } else {
        m_runError->setText(tr("Run #%1 could not run: %2").arg(m_runId).arg(message));
        m_runError->show();
        log(static_cast<int>(LogLevel::Error), tr("Run #%1: %2").arg(m_runId).arg(message));
        Q_EMIT statusMessage(message);
    }
}

void TrainPage::onEnded(qint64 jobId) {
    if (m_worker && m_worker->jobId() == jobId) m_worker = nullptr;
    if (jobId != m_jobId) return;
    m_jobId = 0;
    m_stallTimer->stop();
    m_plots->flush();
    log(static_cast<int>(LogLevel::Info),
        tr("Longest GUI stall while training: %1 ms").arg(m_longestStall));
    const int64_t runId = m_runExists ? m_runId : 0;
    m_history->setActiveRun(0);
    m_history->refresh();
    int status = -1;
    if (runId != 0) {
        if (const auto* r = m_history->model()->run(m_history->model()->rowOf(runId)))
            status = static_cast<int>(r->status);
    }
    setState(State::Idle);
    // A start refused before a run existed cleared the plots: show the selected run again.
    if (runId == 0) showRun(m_history->selectedRun());
    Q_EMIT trainingEnded(runId, status);
}

void TrainPage::onStallTick() {
    const qint64 now = m_stallClock.elapsed();
    if (m_lastTick > 0) m_longestStall = std::max(m_longestStall, now - m_lastTick - kStallTimerMs);
    m_lastTick = now;
}

}  // namespace ft::ui
