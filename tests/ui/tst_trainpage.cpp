// The Train page on a real project (the bundled support tickets, imported and split) and a
// built-in bert-tiny: a run started from the page, the plots against the database, pause,
// stop and resume, bad configs, failed runs, the config file round trip through the
// headless trainer, and closing the window during training.
#include <cmath>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "data/importer.h"
#include "data/splitter.h"
#include "error.h"
#include "hyperparameterform.h"
#include "mainwindow.h"
#include "runhistory.h"
#include "store/project.h"
#include "store/sqlite.h"
#include "train/runconfig.h"
#include "train/trainer.h"
#include "trainpage.h"
#include "trainplots.h"

using ft::store::Project;
using ft::store::RunStatus;
using ft::ui::HyperparameterForm;
using ft::ui::MainWindow;
using ft::ui::TrainPage;
using nlohmann::json;

namespace {

constexpr int kTimeout = 60000;
const QString kSample = QStringLiteral(FT_SOURCE_DIR "/resources/samples/support-tickets.csv");
const std::string kVocab = FT_SHARED_DIR "/data/vocab/bert-base-uncased";
const QString kFixtureModel = QStringLiteral(FT_SHARED_DIR "/fixtures/hf/models/bert-tiny");

// The support tickets imported and split 70/15/15 (stratified, seed 42); a second dataset
// "unsplit" has no split.
bool makeProject(const QString& dir) {
    try {
        Project p = Project::create(dir.toStdString());
        ft::data::ImportRequest request;
        request.path = kSample.toStdString();
        request.format.format = ft::data::Format::Csv;
        request.mapping.text = "text";
        request.mapping.label = "intent";
        request.datasetName = "tickets";
        const auto imported = ft::data::importFile(p, request);
        ft::data::splitDataset(p, imported.datasetId, ft::data::SplitOptions{});
        request.datasetName = "unsplit";
        ft::data::importFile(p, request);
        return true;
    } catch (const ft::Error& e) {
        qWarning() << e.what();
        return false;
    }
}

// A built-in bert-tiny run of a few short steps. The tokenizer folder is left empty when
// the core builds a vocabulary for built-in models itself.
ft::train::RunConfig quickConfig(int64_t maxSteps = 6) {
    ft::train::RunConfig c;
    c.dataset = "tickets";
    c.model = "builtin:bert-tiny";
    try {
        ft::train::parseRunConfig(json{{"model", "builtin:bert-tiny"}});
    } catch (const ft::Error&) {
        c.tokenizer = kVocab;
    }
    c.epochs = 1;
    c.maxSteps = maxSteps;
    c.maxLength = 32;
    c.batchSize = 8;
    c.evalBatchSize = 64;
    c.learningRate = 5e-4;
    c.warmupRatio = 0.1;
    c.evalSteps = 3;
    c.metricForBest = "val_macro_f1";
    c.seed = 7;
    c.threads = 1;
    return c;
}

std::vector<ft::store::MetricPoint> metrics(const QString& dir, int64_t run,
                                            const std::string& name) {
    return Project::open(dir.toStdString()).runMetrics(run, name);
}

RunStatus status(const QString& dir, int64_t run) {
    return Project::open(dir.toStdString()).run(run)->status;
}

template <typename T>
T* child(QWidget* w, const char* name) {
    return w->findChild<T*>(QLatin1String(name));
}

// The plot's series equals the database's points of that metric, step for step.
bool sameAsDatabase(const QVector<QPointF>& shown, const std::vector<ft::store::MetricPoint>& db,
                    QString* why) {
    if (shown.size() != static_cast<int>(db.size())) {
        *why = QStringLiteral("%1 points shown, %2 stored").arg(shown.size()).arg(db.size());
        return false;
    }
    for (size_t i = 0; i < db.size(); ++i) {
        const QPointF& p = shown[static_cast<int>(i)];
        if (p.x() != static_cast<double>(db[i].step) || p.y() != db[i].value) {
            *why = QStringLiteral("point %1: shown (%2, %3), stored (%4, %5)")
                       .arg(i)
                       .arg(p.x())
                       .arg(p.y(), 0, 'g', 17)
                       .arg(db[i].step)
                       .arg(db[i].value, 0, 'g', 17);
            return false;
        }
    }
    return true;
}

}  // namespace

class TestTrainPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // The plots draw a burst of events once, and a resumed run's points replace the old.
    void plotsCoalesceAndReplace() {
        ft::ui::TrainPlots plots;
        plots.resize(900, 500);
        plots.show();
        std::vector<double> losses;
        for (int s = 1; s <= 50; ++s) {
            ft::train::StepEvent e;
            e.step = s;
            e.totalSteps = 60;
            e.loss = 2.0 / s + (s % 3) * 0.01;
            e.lr = 1e-4;
            e.gradNorm = 1.5;
            losses.push_back(e.loss);
            plots.addStep(e);
            if (s % 10 == 0) {
                ft::train::EvalEvent v;
                v.step = s;
                v.valLoss = 1.0 / s;
                v.accuracy = v.macroF1 = 0.5;
                plots.addEvaluation(v);
            }
        }
        QVERIFY(plots.hasPending());
        QCOMPARE(plots.refreshCount(), 0);
        QTRY_VERIFY(!plots.hasPending());
        QCOMPARE(plots.refreshCount(), 1);
        QCOMPARE(plots.series(QStringLiteral("train_loss")).size(), 50);
        QCOMPARE(plots.series(QStringLiteral("val_loss")).size(), 5);
        // The smoothed loss is the bias-corrected EMA: its first point is the first loss.
        const auto smoothed = plots.series(QStringLiteral("train_loss_smoothed"));
        QCOMPARE(smoothed.size(), 50);
        QCOMPARE(smoothed[0].y(), losses[0]);
        const double a = ft::ui::TrainPlots::kSmoothing;
        const double ema2 = (a * (1 - a) * losses[0] + (1 - a) * losses[1]) / (1 - a * a);
        QVERIFY(std::abs(smoothed[1].y() - ema2) < 1e-12);

        // Resuming at step 31 (checkpoint at 30): steps 31.. and the evaluations after 30 go.
        ft::train::StepEvent e;
        e.step = 31;
        e.totalSteps = 60;
        e.loss = 9.0;
        plots.addStep(e);
        plots.flush();
        const auto loss = plots.series(QStringLiteral("train_loss"));
        QCOMPARE(loss.size(), 31);
        QCOMPARE(loss.back(), QPointF(31, 9.0));
        QCOMPARE(loss[29], QPointF(30, losses[29]));
        QCOMPARE(plots.series(QStringLiteral("val_loss")).size(), 3);
        QCOMPARE(plots.series(QStringLiteral("train_loss_smoothed")).size(), 31);
    }

    void presetsAndFieldErrors() {
        HyperparameterForm form;
        form.setConfig(quickConfig());
        QVERIFY(form.validate().has_value());
        form.setSplitInfo(QStringLiteral("split"), 455);
        form.applyPreset(HyperparameterForm::Preset::QuickLook);
        auto config = form.validate();
        QVERIFY(config);
        QCOMPARE(config->epochs, int64_t(1));
        QCOMPARE(config->batchSize, int64_t(32));
        QCOMPARE(config->evalSteps, int64_t(15 / 4));  // 455 rows / 32 = 15 steps, 4 times
        QCOMPARE(config->learningRate, 5e-4);          // a built-in model learns from scratch
        form.applyPreset(HyperparameterForm::Preset::Careful);
        config = form.validate();
        QVERIFY(config);
        QCOMPARE(config->epochs, int64_t(6));
        QVERIFY(config->earlyStopping.enabled);
        QCOMPARE(config->earlyStopping.patience, int64_t(3));
        QCOMPARE(config->saveSteps, config->evalSteps);
        form.applyPreset(HyperparameterForm::Preset::Standard);
        config = form.validate();
        QCOMPARE(config->epochs, int64_t(3));
        QCOMPARE(config->maxLength, int64_t(128));
        QVERIFY(!config->earlyStopping.enabled);

        // Every bad field is flagged at once, with the core's words.
        form.show();
        child<QLineEdit>(&form, "hpLearningRate")->setText(QStringLiteral("0"));
        child<QSpinBox>(&form, "hpFreezeLayers")->setValue(5);
        child<QSpinBox>(&form, "hpMaxLength")->setValue(1000);
        QVERIFY(!form.validate());
        const QString errors = form.fieldErrors().join(QLatin1Char('\n'));
        QVERIFY2(errors.contains(QStringLiteral("learning_rate: must be > 0")), qPrintable(errors));
        QVERIFY2(errors.contains(QStringLiteral("freeze_layers:")) &&
                     errors.contains(QStringLiteral("has only 2")),
                 qPrintable(errors));
        QVERIFY2(errors.contains(QStringLiteral("above the 512 positions")), qPrintable(errors));
        auto* line = child<QLabel>(&form, "fieldError_learning_rate");
        QVERIFY(line->isVisible());
        QVERIFY(line->text().contains(QStringLiteral("must be > 0")));
        QVERIFY(child<QLineEdit>(&form, "hpLearningRate")->property("invalid").toBool());
        child<QLineEdit>(&form, "hpLearningRate")->setText(QStringLiteral("fast"));
        QVERIFY(form.fieldErrors()
                    .join(QLatin1Char('\n'))
                    .contains(QStringLiteral("expected a number, found \"fast\"")));
        child<QLineEdit>(&form, "hpLearningRate")->setText(QStringLiteral("3e-5"));
        child<QSpinBox>(&form, "hpFreezeLayers")->setValue(1);
        child<QSpinBox>(&form, "hpMaxLength")->setValue(64);
        QVERIFY(form.validate().has_value());
        QVERIFY(!line->isVisible());
        QVERIFY(!child<QLineEdit>(&form, "hpLearningRate")->property("invalid").toBool());
    }

    void configFileRoundTrip() {
        QTemporaryDir tmp;
        HyperparameterForm form;
        ft::train::RunConfig c = quickConfig();
        c.name = "round trip";
        c.schedule = "cosine";
        c.warmupSteps = 2;
        c.warmupRatio = 0;
        c.gradientAccumulationSteps = 2;
        c.classWeightsMode = "custom";
        c.classWeights = {1, 2.5, 1, 1, 0.5};
        c.hiddenDropout = 0.2;
        c.classifierDropout = 0.3;
        c.freezeEmbeddings = true;
        c.earlyStopping.enabled = true;
        c.earlyStopping.metric = "val_accuracy";
        c.earlyStopping.patience = 4;
        c.earlyStopping.minDelta = 0.002;
        c.weightDecay = 0.05;
        c.maxGradNorm = 0.5;
        c.adamBeta2 = 0.98;
        c.adamEpsilon = 1e-6;
        c.device = "auto";
        form.setConfig(c);
        const auto config = form.validate();
        QVERIFY2(config, qPrintable(form.fieldErrors().join(QLatin1Char('\n'))));
        QCOMPARE(ft::train::toJson(*config), ft::train::toJson(c));

        const QString path = tmp.filePath(QStringLiteral("run.json"));
        QString error;
        QVERIFY2(form.saveToFile(path, &error), qPrintable(error));
        const json saved = ft::train::toJson(ft::train::loadRunConfig(path.toStdString()));
        QCOMPARE(saved, ft::train::toJson(c));

        HyperparameterForm other;
        QVERIFY(other.document() != form.document());
        QVERIFY2(other.loadFromFile(path, &error), qPrintable(error));
        QCOMPARE(other.document(), form.document());
        QCOMPARE(ft::train::toJson(*other.validate()), saved);

        // A bad file names the file and the key, and changes nothing.
        const QString bad = tmp.filePath(QStringLiteral("bad.json"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"model": "builtin:bert-tiny", "tokenizer": ".", "learning_rat": 1e-4})");
        file.close();
        const json before = other.document();
        QVERIFY(!other.loadFromFile(bad, &error));
        QVERIFY2(error.contains(bad) && error.contains(QStringLiteral("did you mean "
                                                                      "'learning_rate'")),
                 qPrintable(error));
        QCOMPARE(other.document(), before);
    }

    // A project with runs opens with the newest run's settings in the form (the starting
    // point for the next run), not the defaults; a project without runs keeps them.
    void formStartsFromTheNewestRun() {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("project"));
        QVERIFY(makeProject(dir));
        {
            MainWindow window;
            QVERIFY(window.openProject(dir));
            const auto doc = window.trainPage()->form()->document();
            QCOMPARE(doc.value("max_length", int64_t(0)), ft::train::RunConfig{}.maxLength);
        }
        {
            Project p = Project::open(dir.toStdString());
            auto older = quickConfig(9);
            older.maxLength = 40;
            ft::train::Trainer::createRun(p, older);
            auto newer = quickConfig(11);
            newer.maxLength = 48;
            newer.learningRate = 3e-4;
            ft::train::Trainer::createRun(p, newer);
        }
        MainWindow window;
        QVERIFY(window.openProject(dir));
        const auto doc = window.trainPage()->form()->document();
        QCOMPARE(doc.value("max_length", int64_t(0)), int64_t(48));
        QCOMPARE(doc.value("max_steps", int64_t(0)), int64_t(11));
        QCOMPARE(doc.value("learning_rate", 0.0), 3e-4);
        QCOMPARE(doc.value("dataset", std::string()), std::string("tickets"));
        QVERIFY(window.trainPage()->form()->validate().has_value());
    }

    // Early stopping ends a run before its planned last step: it is completed, and the
    // progress bar says so (full), while the status names the step it ended at.
    void earlyStoppedRunFillsTheBar() {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("project"));
        QVERIFY(makeProject(dir));
        MainWindow window;
        window.show();
        QVERIFY(window.openProject(dir));
        window.showPage(MainWindow::Page::Train);
        TrainPage* page = window.trainPage();
        auto c = quickConfig(12);
        c.evalSteps = 2;
        c.earlyStopping.enabled = true;
        c.earlyStopping.metric = "val_loss";
        c.earlyStopping.patience = 1;
        c.earlyStopping.minDelta = 100.0;  // no evaluation can improve this much
        page->form()->setConfig(c);
        QSignalSpy ended(page, &TrainPage::trainingEnded);
        child<QPushButton>(page, "startTrainingButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kTimeout);
        QCOMPARE(ended.at(0).at(1).toInt(), static_cast<int>(RunStatus::Completed));
        const QString text = child<QLabel>(page, "trainStatus")->text();
        QVERIFY2(text.contains(QStringLiteral("after 4 steps")), qPrintable(text));
        auto* bar = child<QProgressBar>(page, "trainProgress");
        QVERIFY(bar->maximum() > 4);
        QCOMPARE(bar->value(), bar->maximum());
    }

    // Start from the page, wait for the end; the plots hold what the database has; the
    // saved config trains headless to the same losses.
    void trainsAndShowsWhatTheDatabaseHas() {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("project"));
        QVERIFY(makeProject(dir));
        MainWindow window;
        window.show();
        QVERIFY(window.openProject(dir));
        auto* nav = window.findChild<QListWidget*>(QStringLiteral("stageNav"));
        QVERIFY(nav->item(2)->flags() & Qt::ItemIsEnabled);
        nav->setCurrentRow(2);
        QCOMPARE(window.currentPage(), MainWindow::Page::Train);
        TrainPage* page = window.trainPage();
        QAbstractItemModelTester tester(page->history()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(page->history()->model()->rowCount(), 0);

        page->form()->setConfig(quickConfig(4));
        // The rest through the widgets, as a user would.
        child<QSpinBox>(page, "hpMaxSteps")->setValue(6);
        child<QLineEdit>(page, "hpLearningRate")->setText(QStringLiteral("5e-4"));
        QSignalSpy ended(page, &TrainPage::trainingEnded);
        QSignalSpy steps(page, &TrainPage::stepReported);
        child<QPushButton>(page, "startTrainingButton")->click();
        QVERIFY(page->isTraining());
        QVERIFY(!page->form()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kTimeout);
        const int64_t run = ended.at(0).at(0).toLongLong();
        QVERIFY(run > 0);
        QCOMPARE(ended.at(0).at(1).toInt(), static_cast<int>(RunStatus::Completed));
        QCOMPARE(status(dir, run), RunStatus::Completed);
        QCOMPARE(steps.count(), 6);
        QVERIFY(page->form()->isEnabled());

        // Every series shows exactly the stored points.
        QString why;
        for (const char* name :
             {"train_loss", "lr", "grad_norm", "val_loss", "val_accuracy", "val_macro_f1"}) {
            const auto db = metrics(dir, run, name);
            QVERIFY2(!db.empty(), name);
            QVERIFY2(sameAsDatabase(page->plots()->series(QLatin1String(name)), db, &why),
                     qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(name), why)));
        }
        QCOMPARE(metrics(dir, run, "train_loss").size(), size_t(6));
        QCOMPARE(metrics(dir, run, "val_loss").size(), size_t(2));  // steps 3 and 6
        QCOMPARE(page->plots()->series(QStringLiteral("train_loss_smoothed")).size(), 6);

        // History: the run, completed, with its best macro-F1; the log has the evaluations.
        QCOMPARE(page->history()->model()->rowCount(), 1);
        QCOMPARE(page->history()->selectedRun(), run);
        const auto* info = page->history()->model()->run(0);
        QCOMPARE(info->status, RunStatus::Completed);
        QVERIFY(ft::ui::RunHistoryModel::bestText(*info).startsWith(QStringLiteral("macro-F1")));
        QVERIFY(!child<QPushButton>(page, "historyResumeButton")->isEnabled());
        QVERIFY(child<QPushButton>(page, "useConfigButton")->isEnabled());
        const QString log = child<QPlainTextEdit>(page, "trainLog")->toPlainText();
        QVERIFY2(log.contains(QStringLiteral("Validation at step 3")), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("completed after 6 of 6 steps")), qPrintable(log));
        QVERIFY(child<QLabel>(page, "trainStatus")->text().contains(QStringLiteral("completed")));
        // A completed run fills the progress bar (early stopping included).
        auto* bar = child<QProgressBar>(page, "trainProgress");
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum());

        // The stall counter measured the run (its value is reported, not judged).
        QVERIFY(page->longestStallMs() >= 0);
        QVERIFY(child<QLabel>(page, "stallLabel")->text().contains(QStringLiteral("ms")));
        qInfo("longest GUI stall while training: %lld ms",
              static_cast<long long>(page->longestStallMs()));

        // The saved config runs headless, as `finetune train --config` does, to the same
        // losses (same seed, one thread).
        const QString path = tmp.filePath(QStringLiteral("run.json"));
        QString error;
        QVERIFY2(page->form()->saveToFile(path, &error), qPrintable(error));
        int64_t headless = 0;
        {
            Project p = Project::open(dir.toStdString());
            headless =
                ft::train::Trainer::createRun(p, ft::train::loadRunConfig(path.toStdString()));
        }
        const auto result = ft::train::Trainer::run(dir.toStdString(), headless);
        QCOMPARE(result.status, RunStatus::Completed);
        const auto a = metrics(dir, run, "train_loss");
        const auto b = metrics(dir, headless, "train_loss");
        QCOMPARE(a.size(), b.size());
        for (size_t i = 0; i < a.size(); ++i) QCOMPARE(b[i].value, a[i].value);

        // "Use this config" loads the run's config into the form.
        child<QLineEdit>(page, "hpLearningRate")->setText(QStringLiteral("1e-3"));
        child<QPushButton>(page, "useConfigButton")->click();
        QCOMPARE(child<QLineEdit>(page, "hpLearningRate")->text(), QStringLiteral("0.0005"));

        // A finished run selected in the history shows its stored curves.
        page->history()->refresh();
        page->history()->selectRun(headless);
        QCOMPARE(page->shownRunId(), headless);
        QVERIFY(sameAsDatabase(page->plots()->series(QStringLiteral("train_loss")), b, &why));
        page->history()->selectRun(run);
        QVERIFY(sameAsDatabase(page->plots()->series(QStringLiteral("train_loss")), a, &why));
    }

    void pauseAndResumeKeepTheStepsContinuous() {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("project"));
        QVERIFY(makeProject(dir));
        MainWindow window;
        window.show();
        QVERIFY(window.openProject(dir));
        window.showPage(MainWindow::Page::Train);
        TrainPage* page = window.trainPage();
        page->form()->setConfig(quickConfig(20));
        QSignalSpy ended(page, &TrainPage::trainingEnded);
        auto pauseAt3 = connect(page, &TrainPage::stepReported, this, [page](qint64, qint64 step) {
            if (step == 3) page->pauseTraining();
        });
        QVERIFY(page->startTraining());
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kTimeout);
        const int64_t run = ended.at(0).at(0).toLongLong();
        QCOMPARE(status(dir, run), RunStatus::Paused);
        const auto before = metrics(dir, run, "train_loss");
        QVERIFY(before.size() >= 3 && before.size() < 20);
        const int64_t pausedAt = before.back().step;
        auto* resume = child<QPushButton>(page, "resumeTrainingButton");
        QVERIFY(resume->isEnabled());
        QVERIFY(child<QPushButton>(page, "startTrainingButton")->isEnabled());
        QVERIFY(child<QLabel>(page, "trainStatus")->text().contains(QStringLiteral("paused")));

        disconnect(pauseAt3);
        QSignalSpy steps(page, &TrainPage::stepReported);
        resume->click();
        QVERIFY(page->isTraining());
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, kTimeout);
        QCOMPARE(ended.at(1).at(0).toLongLong(), run);
        QCOMPARE(status(dir, run), RunStatus::Completed);
        QCOMPARE(steps.count(), static_cast<int>(20 - pausedAt));
        QCOMPARE(steps.first().at(1).toLongLong(), pausedAt + 1);

        // One point per step 1..20: no gap, no duplicate, the old points kept.
        const auto after = metrics(dir, run, "train_loss");
        QCOMPARE(after.size(), size_t(20));
        for (size_t i = 0; i < after.size(); ++i) QCOMPARE(after[i].step, int64_t(i) + 1);
        for (size_t i = 0; i < before.size(); ++i) QCOMPARE(after[i].value, before[i].value);
        QString why;
        QVERIFY2(sameAsDatabase(page->plots()->series(QStringLiteral("train_loss")), after, &why),
                 qPrintable(why));
        QVERIFY2(sameAsDatabase(page->plots()->series(QStringLiteral("val_loss")),
                                metrics(dir, run, "val_loss"), &why),
                 qPrintable(why));
    }

    void stopLeavesStoppedAndResumeContinues() {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("project"));
        QVERIFY(makeProject(dir));
        MainWindow window;
        window.show();
        QVERIFY(window.openProject(dir));
        window.showPage(MainWindow::Page::Train);
        TrainPage* page = window.trainPage();
        page->form()->setConfig(quickConfig(12));
        QSignalSpy ended(page, &TrainPage::trainingEnded);
        auto stopAt2 = connect(page, &TrainPage::stepReported, this, [page](qint64, qint64 step) {
            if (step == 2) child<QPushButton>(page, "stopTrainingButton")->click();
        });
        QVERIFY(page->startTraining());
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kTimeout);
        disconnect(stopAt2);
        const int64_t run = ended.at(0).at(0).toLongLong();
        QCOMPARE(status(dir, run), RunStatus::Stopped);
        QCOMPARE(page->history()->model()->run(0)->status, RunStatus::Stopped);
        const int64_t stoppedAt = metrics(dir, run, "train_loss").back().step;
        QVERIFY(stoppedAt >= 2 && stoppedAt < 12);

        // Resumed from the history.
        page->history()->selectRun(run);
        auto* resume = child<QPushButton>(page, "historyResumeButton");
        QVERIFY(resume->isEnabled());
        resume->click();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, kTimeout);
        QCOMPARE(status(dir, run), RunStatus::Completed);
        const auto loss = metrics(dir, run, "train_loss");
        QCOMPARE(loss.size(), size_t(12));
        for (size_t i = 0; i < loss.size(); ++i) QCOMPARE(loss[i].step, int64_t(i) + 1);
        QCOMPARE(Project::open(dir.toStdString()).runs().size(), size_t(1));
    }

    // A run whose process died reads back as crashed; the history offers Resume, which
    // continues it at the step of its checkpoint.
    void crashedRunOffersResume() {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("project"));
        QVERIFY(makeProject(dir));
        int64_t run = 0;
        {
            Project p = Project::open(dir.toStdString());
            run = ft::train::Trainer::createRun(p, quickConfig(9));
        }
        int done = 0;
        ft::train::TrainCallbacks cb;
        cb.onStep = [&done](const ft::train::StepEvent&) { ++done; };
        cb.shouldStop = [&done] { return done >= 4; };
        QCOMPARE(ft::train::Trainer::run(dir.toStdString(), run, cb).status, RunStatus::Stopped);
        // As if the process training it had been killed: stored as running by a pid that
        // no longer exists on this host.
        const pid_t gone = fork();
        if (gone == 0) _exit(0);
        QVERIFY(gone > 0);
        QCOMPARE(waitpid(gone, nullptr, 0), gone);
        {
            Project p = Project::open(dir.toStdString());
            p.markRunStarted(run);
            ft::store::Statement s(p.handle(), "UPDATE runs SET pid = ? WHERE id = ?");
            s.bind(1, static_cast<int64_t>(gone)).bind(2, run);
            s.step();
            QCOMPARE(p.run(run)->status, RunStatus::Crashed);
        }

        MainWindow window;
        window.show();
        QVERIFY(window.openProject(dir));
        window.showPage(MainWindow::Page::Train);
        TrainPage* page = window.trainPage();
        // Opening the page selects the newest run and shows its stored curves.
        QCOMPARE(page->history()->selectedRun(), run);
        QCOMPARE(page->plots()->series(QStringLiteral("train_loss")).size(), 4);
        const auto* model = page->history()->model();
        QCOMPARE(model->data(model->index(0, ft::ui::RunHistoryModel::Status)).toString(),
                 QStringLiteral("crashed"));
        QVERIFY(child<QLabel>(page, "runSummary")->text().contains(QStringLiteral("Resume")));
        QVERIFY(child<QPushButton>(page, "resumeTrainingButton")->isEnabled());
        auto* resume = child<QPushButton>(page, "historyResumeButton");
        QVERIFY(resume->isEnabled());
        QSignalSpy ended(page, &TrainPage::trainingEnded);
        QSignalSpy steps(page, &TrainPage::stepReported);
        resume->click();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kTimeout);
        QCOMPARE(status(dir, run), RunStatus::Completed);
        QCOMPARE(steps.count(), 5);
        QCOMPARE(steps.first().at(1).toLongLong(), 5);
        const auto loss = metrics(dir, run, "train_loss");
        QCOMPARE(loss.size(), size_t(9));
        for (size_t i = 0; i < loss.size(); ++i) QCOMPARE(loss[i].step, int64_t(i) + 1);
        QString why;
        QVERIFY2(sameAsDatabase(page->plots()->series(QStringLiteral("train_loss")), loss, &why),
                 qPrintable(why));
    }

    // Errors of the config: at their field, in words; no run is created.
    void badConfigsCreateNoRun() {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("project"));
        QVERIFY(makeProject(dir));
        MainWindow window;
        window.show();
        QVERIFY(window.openProject(dir));
        window.showPage(MainWindow::Page::Train);
        TrainPage* page = window.trainPage();
        HyperparameterForm* form = page->form();
        form->setConfig(quickConfig());
        auto* banner = child<QLabel>(form, "trainConfigError");
        auto* start = child<QPushButton>(page, "startTrainingButton");
        const auto runs = [&dir] { return Project::open(dir.toStdString()).runs().size(); };

        // Flagged before starting (the core's parser and model check).
        child<QLineEdit>(form, "hpLearningRate")->setText(QStringLiteral("-1"));
        start->click();
        QVERIFY(!page->isTraining());
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("learning_rate: must be > 0")),
                 qPrintable(banner->text()));
        QVERIFY(child<QLabel>(form, "fieldError_learning_rate")->isVisible());
        child<QLineEdit>(form, "hpLearningRate")->setText(QStringLiteral("5e-4"));
        child<QSpinBox>(form, "hpFreezeLayers")->setValue(3);
        QVERIFY(!page->startTraining());
        QVERIFY(child<QLabel>(form, "fieldError_freeze_layers")
                    ->text()
                    .contains(QStringLiteral("has only 2")));
        child<QSpinBox>(form, "hpFreezeLayers")->setValue(0);
        child<QSpinBox>(form, "hpMaxLength")->setValue(600);
        QVERIFY(!page->startTraining());
        QVERIFY(child<QLabel>(form, "fieldError_max_length")
                    ->text()
                    .contains(QStringLiteral("512 positions")));
        child<QSpinBox>(form, "hpMaxLength")->setValue(32);
        QCOMPARE(runs(), size_t(0));

        // Refused by Trainer::createRun on the worker: shown at the form, no run.
        QSignalSpy ended(page, &TrainPage::trainingEnded);
        child<QComboBox>(form, "trainDataset")->setCurrentText(QStringLiteral("unsplit"));
        QVERIFY(page->startTraining());
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kTimeout);
        QCOMPARE(ended.at(0).at(0).toLongLong(), 0);
        QVERIFY2(banner->text().contains(QStringLiteral("no split yet")),
                 qPrintable(banner->text()));
        QVERIFY(child<QLabel>(form, "fieldError_dataset")->isVisible());
        QVERIFY(form->isEnabled());
        QCOMPARE(runs(), size_t(0));

        // A checkpoint whose head knows other labels.
        child<QComboBox>(form, "trainDataset")->setCurrentText(QStringLiteral("tickets"));
        ft::train::RunConfig folder = quickConfig();
        folder.model = kFixtureModel.toStdString();
        folder.tokenizer.clear();
        form->setConfig(folder);
        QVERIFY(form->validate());
        QVERIFY(page->startTraining());
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, kTimeout);
        QVERIFY2(banner->text().contains(QStringLiteral("head lacks")), qPrintable(banner->text()));
        QVERIFY(child<QLabel>(form, "fieldError_new_head")
                    ->text()
                    .contains(QStringLiteral("new_head")));
        QCOMPARE(runs(), size_t(0));
        QCOMPARE(page->history()->model()->rowCount(), 0);
        const QString log = child<QPlainTextEdit>(page, "trainLog")->toPlainText();
        QVERIFY(log.contains(QStringLiteral("Not started")));
    }

    // A run whose loss turns NaN fails; its error is in the history and the log.
    void failedRunShowsItsError() {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("project"));
        QVERIFY(makeProject(dir));
        MainWindow window;
        window.show();
        QVERIFY(window.openProject(dir));
        window.showPage(MainWindow::Page::Train);
        TrainPage* page = window.trainPage();
        ft::train::RunConfig c = quickConfig(6);
        c.learningRate = 1e30;
        c.maxGradNorm = 0;
        c.warmupRatio = 0;
        page->form()->setConfig(c);
        QSignalSpy ended(page, &TrainPage::trainingEnded);
        QVERIFY(page->startTraining());
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kTimeout);
        const int64_t run = ended.at(0).at(0).toLongLong();
        const auto info = Project::open(dir.toStdString()).run(run);
        QCOMPARE(info->status, RunStatus::Failed);
        QVERIFY(!info->error.empty());
        const QString error = QString::fromStdString(info->error);
        QCOMPARE(page->history()->selectedRun(), run);
        QCOMPARE(child<QLabel>(page, "runError")->text(), error);
        QVERIFY(child<QLabel>(page, "trainRunError")->text().contains(error));
        QVERIFY(child<QPlainTextEdit>(page, "trainLog")->toPlainText().contains(error));
        QVERIFY(page->history()->model()->data(page->history()->model()->index(0, 1)).toString() ==
                QStringLiteral("failed"));
        QVERIFY(!child<QPushButton>(page, "historyResumeButton")->isEnabled());
    }

    // Closing the window while training asks; "Keep training" keeps it, "Stop and close"
    // stops it cleanly (status stopped, resumable).
    void closingAsksThenStops() {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("project"));
        QVERIFY(makeProject(dir));
        auto window = std::make_unique<MainWindow>();
        window->show();
        QVERIFY(window->openProject(dir));
        window->showPage(MainWindow::Page::Train);
        TrainPage* page = window->trainPage();
        page->form()->setConfig(quickConfig(400));
        QSignalSpy steps(page, &TrainPage::stepReported);
        QVERIFY(page->startTraining());
        QTRY_VERIFY_WITH_TIMEOUT(steps.count() >= 1, kTimeout);
        const int64_t run = page->currentRunId();

        QMessageBox::StandardButton answer = QMessageBox::No;
        int asked = 0;
        auto answerBox = [&] {
            QTimer::singleShot(50, page, [&] {
                auto* box = window->findChild<QMessageBox*>(QStringLiteral("stopTrainingQuestion"));
                if (!box) return;
                ++asked;
                box->button(answer)->click();
            });
        };
        answerBox();
        QVERIFY(!window->close());
        QCOMPARE(asked, 1);
        QVERIFY(page->isTraining());

        answer = QMessageBox::Yes;
        answerBox();
        QVERIFY(window->close());
        QCOMPARE(asked, 2);
        QVERIFY(!page->isTraining());
        const auto info = Project::open(dir.toStdString()).run(run);
        QCOMPARE(info->status, RunStatus::Stopped);
        const auto loss = metrics(dir, run, "train_loss");
        QVERIFY(!loss.empty() && loss.back().step < 400);
    }
};

QTEST_MAIN(TestTrainPage)
#include "tst_trainpage.moc"
