// The Export page on a real project: the bundled support tickets imported and split, a
// short real training of the built-in bert-tiny (its vocabulary built from the data) and a
// real evaluation of it, then exports made by clicking the page — registry rows, the folder
// on disk, the summary, the plots the export asked the GUI thread to draw — a second
// version, comparing, deleting, refused targets that must change nothing, cancelling, the
// Deploy stage in the main window, and the OpenAI JSONL export.
#include <algorithm>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "data/importer.h"
#include "data/splitter.h"
#include "deploy/exporter.h"
#include "error.h"
#include "eval/evaluator.h"
#include "exportpage.h"
#include "mainwindow.h"
#include "store/project.h"
#include "train/runconfig.h"
#include "train/trainer.h"

namespace fs = std::filesystem;
using ft::store::Project;
using ft::ui::ExportPage;
using nlohmann::json;

namespace {

constexpr int kTimeout = 60000;
const QString kSample = QStringLiteral(FT_SOURCE_DIR "/resources/samples/support-tickets.csv");

enum Column { Name, Version, Run, Weights, Verified, Accuracy, MacroF1, Exported, Folder };

template <typename T>
T* child(const QWidget& page, const char* name) {
    T* w = page.findChild<T*>(QLatin1String(name));
    if (!w) qWarning() << "no widget" << name;
    return w;
}

QAbstractItemModel* registry(const ExportPage& page) {
    return child<QTableView>(page, "registryTable")->model();
}

// The registry row whose Version cell reads "v<version>"; -1 if none.
int registryRow(const ExportPage& page, int version) {
    const QAbstractItemModel* m = registry(page);
    for (int r = 0; r < m->rowCount(); ++r) {
        if (m->index(r, Version).data().toString() == QStringLiteral("v%1").arg(version)) return r;
    }
    return -1;
}

void selectRegistryRows(const ExportPage& page, const QList<int>& rows) {
    QTableView* view = child<QTableView>(page, "registryTable");
    view->clearSelection();
    for (int r : rows) {
        view->selectionModel()->select(view->model()->index(r, 0),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

void chooseData(QComboBox* combo, const QVariant& data) {
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data.toString()));
    combo->setCurrentIndex(index);
    Q_EMIT combo->activated(index);
}

// Replaces a line edit's text the way typing does (textEdited is emitted).
void typeInto(QLineEdit* edit, const QString& text) {
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

std::vector<std::string> hiddenEntries(const fs::path& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (!name.empty() && name[0] == '.') out.push_back(name);
    }
    return out;
}

}  // namespace

class TestExportPage : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_projectDir;
    std::unique_ptr<Project> m_project;
    std::unique_ptr<ExportPage> m_page;
    int64_t m_run = 0;      // trained and evaluated (best checkpoint)
    int64_t m_bareRun = 0;  // marked completed, never trained: no checkpoint
    int64_t m_v1 = 0;       // registry ids
    int64_t m_v2 = 0;

    // Exports with the page's current choices by clicking Export; the result.
    bool clickExport() {
        QSignalSpy finished(m_page.get(), &ExportPage::exportFinished);
        QTest::mouseClick(child<QPushButton>(*m_page, "exportButton"), Qt::LeftButton);
        if (!m_page->isExporting()) return false;
        if (!finished.wait(kTimeout) && finished.isEmpty()) return false;
        return true;
    }

    void waitListed() { QTRY_VERIFY_WITH_TIMEOUT(!m_page->isListing(), kTimeout); }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listsRunsAndPrefills();
    void exportFromThePage();
    void secondExportIsVersionTwo();
    void compareTwoVersions();
    void existingTargetIsRefused();
    void unwritableTargetIsRefused();
    void runWithoutCheckpointIsRefused();
    void cancelLeavesNothing();
    void deleteVersionOne();
    void openAiJsonl();
    void deployStageInTheMainWindow();
    void closingDuringAnExport();
};

void TestExportPage::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_projectDir = m_dir.filePath(QStringLiteral("project"));
    try {
        Project p = Project::create(m_projectDir.toStdString());
        ft::data::ImportRequest request;
        request.path = kSample.toStdString();
        request.format.format = ft::data::Format::Csv;
        request.mapping.text = "text";
        request.mapping.label = "intent";
        request.datasetName = "tickets";
        const auto imported = ft::data::importFile(p, request);
        ft::data::splitDataset(p, imported.datasetId, ft::data::SplitOptions{});

        // No "threads": training, the evaluation and the page's export all run with the
        // default number of compute threads, since the f32 export is verified bit for bit
        // against the evaluation. No "tokenizer": the trainer builds the built-in model's
        // vocabulary from the train part.
        const json config = {{"name", "Tickets: tiny BERT!"},
                             {"model", "builtin:bert-tiny"},
                             {"max_steps", 6},
                             {"eval_steps", 3},
                             {"batch_size", 8},
                             {"max_length", 32},
                             {"learning_rate", 1e-3},
                             {"seed", 3}};
        m_run = ft::train::Trainer::createRun(p, ft::train::parseRunConfig(config));
        const auto trained = ft::train::Trainer::run(m_projectDir.toStdString(), m_run);
        QCOMPARE(trained.status, ft::store::RunStatus::Completed);

        ft::eval::EvalOptions eval;
        eval.checkpoint = "best";
        eval.sensitivity = false;
        eval.bootstrapResamples = 50;
        ft::eval::Evaluator::run(m_projectDir.toStdString(), m_run, eval);

        ft::store::RunInfo bare;
        bare.name = "never trained";
        bare.datasetId = imported.datasetId;
        bare.splitId = p.latestSplit(imported.datasetId)->id;
        bare.modelDir = "builtin:bert-tiny";
        bare.configJson = json{{"model", "builtin:bert-tiny"}}.dump();
        m_bareRun = p.createRun(bare);
        p.finishRun(m_bareRun, ft::store::RunStatus::Completed);
    } catch (const ft::Error& e) {
        QFAIL(e.what());
    }
    m_project = std::make_unique<Project>(Project::open(m_projectDir.toStdString()));

    m_page = std::make_unique<ExportPage>();
    m_page->resize(1200, 900);
    new QAbstractItemModelTester(
        registry(*m_page), QAbstractItemModelTester::FailureReportingMode::QtTest, m_page.get());
    new QAbstractItemModelTester(child<QTableView>(*m_page, "exportFilesTable")->model(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_page.get());
    m_page->show();
    QSignalSpy listed(m_page.get(), &ExportPage::listingChanged);
    m_page->setProject(m_project.get());
    QVERIFY(listed.wait(kTimeout));
    waitListed();
}

void TestExportPage::cleanupTestCase() {
    m_page.reset();
    m_project.reset();
}

void TestExportPage::listsRunsAndPrefills() {
    auto* runs = child<QComboBox>(*m_page, "exportRunCombo");
    QVERIFY(runs->findData(QVariant::fromValue<qlonglong>(m_run)) >= 0);
    QVERIFY(runs->findData(QVariant::fromValue<qlonglong>(m_bareRun)) >= 0);
    chooseData(runs, QVariant::fromValue<qlonglong>(m_run));
    QCOMPARE(m_page->currentRunId(), m_run);

    // Name: the run's name as the registry spells it; folder: the planned one.
    QCOMPARE(child<QLineEdit>(*m_page, "exportName")->text(),
             QString::fromStdString(ft::deploy::Exporter::sanitizeName("Tickets: tiny BERT!")));
    const QString planned = QString::fromStdString(
        ft::deploy::Exporter::plannedFolder(m_projectDir.toStdString(), m_run));
    QTRY_COMPARE_WITH_TIMEOUT(m_page->targetFolder(), planned, kTimeout);
    QCOMPARE(QDir::fromNativeSeparators(child<QLineEdit>(*m_page, "exportFolder")->text()),
             planned);
    QVERIFY(planned.endsWith(QStringLiteral("/exports/Tickets-tiny-BERT-v1")));

    // The best checkpoint was evaluated: its metrics, no advice to evaluate first.
    auto* info = child<QLabel>(*m_page, "exportRunEvaluated");
    const auto evaluation = m_project->latestEvaluation(m_run);
    QVERIFY(evaluation);
    QVERIFY2(info->text().contains(QStringLiteral("evaluation %1").arg(evaluation->id)),
             qPrintable(info->text()));
    QVERIFY(!info->isHidden());
    QVERIFY(child<QWidget>(*m_page, "exportEvaluateNote")->isHidden());

    // The last checkpoint was not: the page says so and still lets it export.
    auto* checkpoint = child<QComboBox>(*m_page, "exportCheckpointCombo");
    chooseData(checkpoint, QStringLiteral("last"));
    QVERIFY(!child<QWidget>(*m_page, "exportEvaluateNote")->isHidden());
    QVERIFY(info->isHidden());
    QVERIFY(child<QPushButton>(*m_page, "exportButton")->isEnabled());
    chooseData(checkpoint, QStringLiteral("best"));
    QVERIFY(child<QWidget>(*m_page, "exportEvaluateNote")->isHidden());

    // Every dtype has its one-line explanation.
    auto* dtype = child<QComboBox>(*m_page, "exportDtypeCombo");
    auto* hint = child<QLabel>(*m_page, "exportDtypeHint");
    QSet<QString> hints;
    for (int i = 0; i < dtype->count(); ++i) {
        dtype->setCurrentIndex(i);
        QVERIFY(!hint->text().isEmpty());
        hints.insert(hint->text());
    }
    QCOMPARE(hints.size(), 3);
    dtype->setCurrentIndex(0);
    QVERIFY(registry(*m_page)->rowCount() == 0);
}

void TestExportPage::exportFromThePage() {
    const QString folder = m_page->targetFolder();
    QVERIFY(!QFileInfo::exists(folder));
    QVERIFY(clickExport());
    QVERIFY(!m_page->isExporting());
    QVERIFY(m_page->lastResult());
    const ft::deploy::ExportResult& r = *m_page->lastResult();
    m_v1 = r.exportId;
    QCOMPARE(QString::fromStdString(r.folder), folder);
    QCOMPARE(r.version, int64_t(1));
    QVERIFY(QFileInfo(folder).isDir());
    QVERIFY(QFileInfo(folder + QStringLiteral("/model.safetensors")).isFile());
    QVERIFY(QFileInfo(folder + QStringLiteral("/manifest.json")).isFile());

    // The plots the exporter asked for were drawn (on the GUI thread) into the folder.
    QVERIFY(r.plotsRendered);
    QVERIFY(QFileInfo(folder + QStringLiteral("/confusion_matrix.png")).isFile());
    QVERIFY(r.verification.performed);
    QVERIFY2(r.verification.passed, r.verification.message.c_str());

    // The registry table, re-read from the project.
    QTRY_COMPARE_WITH_TIMEOUT(registry(*m_page)->rowCount(), 1, kTimeout);
    const QAbstractItemModel* m = registry(*m_page);
    QCOMPARE(m->index(0, Name).data().toString(), QStringLiteral("Tickets-tiny-BERT"));
    QCOMPARE(m->index(0, Version).data().toString(), QStringLiteral("v1"));
    QCOMPARE(m->index(0, Verified).data().toString(), QStringLiteral("yes"));
    QVERIFY(m->index(0, Run).data().toString().contains(QStringLiteral("#%1").arg(m_run)));
    QCOMPARE(QDir::fromNativeSeparators(m->index(0, Folder).data().toString()), folder);
    const auto stored = m_project->exportInfo(m_v1);
    QVERIFY(stored);
    const json metrics = json::parse(stored->metricsJson);
    QCOMPARE(m->index(0, Accuracy).data(Qt::UserRole).toDouble(),
             metrics.at("accuracy").get<double>());
    QCOMPARE(m->index(0, MacroF1).data(Qt::UserRole).toDouble(),
             metrics.at("f1_macro").get<double>());

    // The summary: folder, verification in words, every file with its size, the total.
    QCOMPARE(QDir::fromNativeSeparators(child<QLabel>(*m_page, "exportSummaryFolder")->text()),
             folder);
    auto* verification = child<QLabel>(*m_page, "exportVerification");
    QVERIFY(verification->isVisible());
    QVERIFY2(verification->text().contains(QStringLiteral("Verified")),
             qPrintable(verification->text()));
    QVERIFY(verification->text().contains(
        QStringLiteral("%1 bit-identical")
            .arg(QLocale().toString(static_cast<qlonglong>(r.verification.rows)))));
    const QAbstractItemModel* files = child<QTableView>(*m_page, "exportFilesTable")->model();
    QCOMPARE(files->rowCount(), static_cast<int>(r.files.size()));
    bool sawWeights = false;
    for (int row = 0; row < files->rowCount(); ++row) {
        if (files->index(row, 0).data().toString() == QLatin1String("model.safetensors")) {
            sawWeights = true;
            const auto size =
                fs::file_size((folder + QStringLiteral("/model.safetensors")).toStdString());
            QVERIFY(files->index(row, 1)
                        .data(Qt::ToolTipRole)
                        .toString()
                        .contains(QLocale().toString(static_cast<qlonglong>(size))));
        }
    }
    QVERIFY(sawWeights);
    QVERIFY(child<QLabel>(*m_page, "exportSummaryTotal")->isVisible());
    QVERIFY(child<QLabel>(*m_page, "exportError")->isHidden());

    // The folder moves on to the next version.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_page->targetFolder().endsWith(QStringLiteral("Tickets-tiny-BERT-v2")), kTimeout);
}

void TestExportPage::secondExportIsVersionTwo() {
    auto* dtype = child<QComboBox>(*m_page, "exportDtypeCombo");
    dtype->setCurrentIndex(dtype->findData(static_cast<int>(ft::deploy::ExportDtype::F16)));
    const QString folder = m_page->targetFolder();
    QVERIFY(clickExport());
    const ft::deploy::ExportResult& r = *m_page->lastResult();
    m_v2 = r.exportId;
    QCOMPARE(r.version, int64_t(2));
    QCOMPARE(QString::fromStdString(r.folder), folder);
    QVERIFY(QFileInfo(folder).isDir());
    QTRY_COMPARE_WITH_TIMEOUT(registry(*m_page)->rowCount(), 2, kTimeout);
    const int row = registryRow(*m_page, 2);
    QVERIFY(row >= 0);
    QVERIFY(
        registry(*m_page)->index(row, Weights).data().toString().startsWith(QStringLiteral("f16")));
    // Whatever the verification found, the table and the summary say the same.
    QCOMPARE(registry(*m_page)->index(row, Verified).data().toString(),
             r.verification.passed ? QStringLiteral("yes") : QStringLiteral("no"));
    auto* verification = child<QLabel>(*m_page, "exportVerification");
    QVERIFY2(verification->text().contains(QStringLiteral("largest probability difference")),
             qPrintable(verification->text()));
    QVERIFY(verification->text().contains(
        QString::number(r.verification.maxProbabilityDifference, 'g', 3)));
    dtype->setCurrentIndex(dtype->findData(static_cast<int>(ft::deploy::ExportDtype::F32)));
}

void TestExportPage::compareTwoVersions() {
    auto* compare = child<QPushButton>(*m_page, "registryCompare");
    selectRegistryRows(*m_page, {registryRow(*m_page, 1)});
    QVERIFY(!compare->isEnabled());
    selectRegistryRows(*m_page, {registryRow(*m_page, 1), registryRow(*m_page, 2)});
    QVERIFY(compare->isEnabled());
    QSignalSpy shown(m_page.get(), &ExportPage::comparisonShown);
    QTest::mouseClick(compare, Qt::LeftButton);
    QVERIFY(shown.wait(kTimeout));
    QVERIFY(child<QWidget>(*m_page, "comparePanel")->isVisible());

    // Same run, same checkpoint: the same metrics side by side; the weights differ.
    const QAbstractItemModel* metrics = child<QTableView>(*m_page, "compareMetricsTable")->model();
    QCOMPARE(metrics->columnCount(), 3);
    int accuracyRow = -1;
    for (int r = 0; r < metrics->rowCount(); ++r) {
        if (metrics->index(r, 0).data().toString() == QLatin1String("Accuracy")) accuracyRow = r;
    }
    QVERIFY(accuracyRow >= 0);
    const json stored = json::parse(m_project->exportInfo(m_v1)->metricsJson);
    QCOMPARE(metrics->index(accuracyRow, 1).data(Qt::UserRole).toDouble(),
             stored.at("accuracy").get<double>());
    QCOMPARE(metrics->index(accuracyRow, 2).data(Qt::UserRole).toDouble(),
             stored.at("accuracy").get<double>());
    const QAbstractItemModel* config = child<QTableView>(*m_page, "compareConfigTable")->model();
    bool sawWeights = false;
    for (int r = 0; r < config->rowCount(); ++r) {
        if (config->index(r, 0).data().toString() != QLatin1String("weights")) continue;
        sawWeights = true;
        QCOMPARE(config->index(r, 1).data().toString(), QStringLiteral("f32"));
        QCOMPARE(config->index(r, 2).data().toString(), QStringLiteral("f16"));
    }
    QVERIFY(sawWeights);
}

void TestExportPage::existingTargetIsRefused() {
    const QString existing = QString::fromStdString(m_project->exportInfo(m_v1)->path);
    const auto before = m_project->exports().size();
    auto* folder = child<QLineEdit>(*m_page, "exportFolder");
    typeInto(folder, existing);
    QCOMPARE(m_page->targetFolder(), existing);
    QVERIFY(child<QPushButton>(*m_page, "exportResetFolder")->isVisible());

    QSignalSpy failed(m_page.get(), &ExportPage::exportFailed);
    QTest::mouseClick(child<QPushButton>(*m_page, "exportButton"), Qt::LeftButton);
    QVERIFY(failed.wait(kTimeout));
    auto* error = child<QLabel>(*m_page, "exportError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("already exists")), qPrintable(error->text()));
    QVERIFY(error->text().contains(existing));
    QCOMPARE(m_project->exports().size(), before);
    QCOMPARE(registry(*m_page)->rowCount(), static_cast<int>(before));
    QVERIFY(hiddenEntries(fs::path(existing.toStdString()).parent_path()).empty());

    // Default brings back the next version's folder and clears the error.
    QTest::mouseClick(child<QPushButton>(*m_page, "exportResetFolder"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->targetFolder().endsWith(QStringLiteral("-v3")), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(error->isHidden(), kTimeout);
}

void TestExportPage::unwritableTargetIsRefused() {
    const auto before = m_project->exports().size();
    const QString target = QStringLiteral("/proc/ft-export-page-test/model");
    typeInto(child<QLineEdit>(*m_page, "exportFolder"), target);
    QSignalSpy failed(m_page.get(), &ExportPage::exportFailed);
    QTest::mouseClick(child<QPushButton>(*m_page, "exportButton"), Qt::LeftButton);
    QVERIFY(failed.wait(kTimeout));
    auto* error = child<QLabel>(*m_page, "exportError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("/proc")), qPrintable(error->text()));
    QCOMPARE(m_project->exports().size(), before);
    QCOMPARE(registry(*m_page)->rowCount(), static_cast<int>(before));
    QTest::mouseClick(child<QPushButton>(*m_page, "exportResetFolder"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->targetFolder().endsWith(QStringLiteral("-v3")), kTimeout);
}

void TestExportPage::runWithoutCheckpointIsRefused() {
    const auto before = m_project->exports().size();
    auto* runs = child<QComboBox>(*m_page, "exportRunCombo");
    chooseData(runs, QVariant::fromValue<qlonglong>(m_bareRun));
    QCOMPARE(child<QLineEdit>(*m_page, "exportName")->text(), QStringLiteral("never-trained"));
    auto* error = child<QLabel>(*m_page, "exportError");
    // Said before the click (the plan fails) ...
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kTimeout);
    QVERIFY2(error->text().contains(QStringLiteral("no best checkpoint")),
             qPrintable(error->text()));
    // ... and again after it.
    QSignalSpy failed(m_page.get(), &ExportPage::exportFailed);
    QTest::mouseClick(child<QPushButton>(*m_page, "exportButton"), Qt::LeftButton);
    QVERIFY(failed.wait(kTimeout));
    QVERIFY(error->text().contains(QStringLiteral("never trained")));
    QCOMPARE(m_project->exports().size(), before);
    QCOMPARE(registry(*m_page)->rowCount(), static_cast<int>(before));
    chooseData(runs, QVariant::fromValue<qlonglong>(m_run));
    QTRY_VERIFY_WITH_TIMEOUT(error->isHidden(), kTimeout);
}

void TestExportPage::cancelLeavesNothing() {
    const auto before = m_project->exports().size();
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->targetFolder().isEmpty(), kTimeout);
    const QString folder = m_page->targetFolder();
    QSignalSpy failed(m_page.get(), &ExportPage::exportFailed);
    QSignalSpy finished(m_page.get(), &ExportPage::exportFinished);
    QTest::mouseClick(child<QPushButton>(*m_page, "exportButton"), Qt::LeftButton);
    QVERIFY(m_page->isExporting());
    QVERIFY(child<QPushButton>(*m_page, "exportCancel")->isVisible());
    QTest::mouseClick(child<QPushButton>(*m_page, "exportCancel"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isExporting(), kTimeout);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(failed.size(), 0);
    QVERIFY(!QFileInfo::exists(folder));
    QVERIFY(hiddenEntries(fs::path(folder.toStdString()).parent_path()).empty());
    QCOMPARE(m_project->exports().size(), before);
}

void TestExportPage::deleteVersionOne() {
    const QString v1Folder = QString::fromStdString(m_project->exportInfo(m_v1)->path);
    QVERIFY(QFileInfo(v1Folder).isDir());
    selectRegistryRows(*m_page, {registryRow(*m_page, 1)});
    auto* remove = child<QPushButton>(*m_page, "registryDelete");
    QVERIFY(remove->isEnabled());

    // Cancelling the question deletes nothing.
    int asked = 0;
    auto answer = [this, &asked](const char* button) {
        QTimer::singleShot(50, this, [this, &asked, button] {
            auto* box = m_page->findChild<QMessageBox*>(QStringLiteral("deleteExportsBox"));
            QVERIFY(box);
            ++asked;
            QVERIFY(box->informativeText().contains(QStringLiteral("version 1")));
            if (qstrcmp(button, "cancel") == 0) {
                box->button(QMessageBox::Cancel)->click();
            } else {
                box->findChild<QPushButton*>(QStringLiteral("deleteExportsConfirm"))->click();
            }
        });
    };
    answer("cancel");
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(asked, 1);
    QVERIFY(!m_page->isRemoving());
    QVERIFY(QFileInfo(v1Folder).isDir());

    QSignalSpy removed(m_page.get(), &ExportPage::exportsRemoved);
    answer("delete");
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(asked, 2);
    QVERIFY(removed.wait(kTimeout));
    QCOMPARE(removed.first().first().toInt(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(registry(*m_page)->rowCount(), 1, kTimeout);
    QCOMPARE(registryRow(*m_page, 1), -1);
    QVERIFY(registryRow(*m_page, 2) >= 0);
    QVERIFY(!QFileInfo::exists(v1Folder));
    QVERIFY(!m_project->exportInfo(m_v1));
    QVERIFY(QFileInfo(QString::fromStdString(m_project->exportInfo(m_v2)->path)).isDir());
}

void TestExportPage::openAiJsonl() {
    auto* parts = child<QComboBox>(*m_page, "jsonlPartCombo");
    parts->setCurrentIndex(parts->findData(static_cast<int>(ft::store::SplitPart::Train)));
    QVERIFY(parts->currentIndex() >= 0);
    child<QLineEdit>(*m_page, "jsonlSystem")->setText(QStringLiteral("Name the ticket's intent."));
    const QString path = m_dir.filePath(QStringLiteral("train.jsonl"));
    QSignalSpy finished(m_page.get(), &ExportPage::jsonlFinished);
    m_page->exportJsonlTo(path);
    QVERIFY(finished.wait(kTimeout));

    const auto dataset = m_project->datasetByName("tickets");
    ft::store::RowFilter filter;
    filter.labelled = ft::store::RowFilter::Labelled::Labelled;
    filter.includeDropped = false;
    filter.part = ft::store::SplitPart::Train;
    const int64_t expected = m_project->rowCount(dataset->id, filter);
    QCOMPARE(finished.first().first().toLongLong(), expected);

    std::ifstream in(path.toStdString());
    std::string line;
    int64_t lines = 0;
    const auto labels = m_project->labels(dataset->id);
    while (std::getline(in, line)) {
        const json j = json::parse(line);
        const json& messages = j.at("messages");
        QCOMPARE(messages.size(), size_t(3));
        QCOMPARE(messages[0].at("content").get<std::string>(),
                 std::string("Name the ticket's intent."));
        QCOMPARE(messages[2].at("role").get<std::string>(), std::string("assistant"));
        QVERIFY(std::find(labels.begin(), labels.end(),
                          messages[2].at("content").get<std::string>()) != labels.end());
        ++lines;
    }
    QCOMPARE(lines, expected);
    auto* result = child<QLabel>(*m_page, "jsonlResult");
    QVERIFY(result->isVisible());
    QVERIFY(result->text().contains(QLocale().toString(static_cast<qlonglong>(expected))));

    // An unwritable file is an error in words, and nothing is written.
    QSignalSpy failed(m_page.get(), &ExportPage::jsonlFailed);
    m_page->exportJsonlTo(QStringLiteral("/proc/no-such-dir/train.jsonl"));
    QVERIFY(failed.wait(kTimeout));
    QVERIFY(result->text().contains(QStringLiteral("/proc/no-such-dir")));
}

void TestExportPage::deployStageInTheMainWindow() {
    ft::ui::MainWindow window;
    window.show();
    auto* nav = window.findChild<QListWidget*>(QStringLiteral("stageNav"));
    QVERIFY(nav);
    QVERIFY(!(nav->item(4)->flags() & Qt::ItemIsEnabled));  // no project yet
    QVERIFY(window.openProject(m_projectDir));
    QVERIFY(nav->item(4)->flags() & Qt::ItemIsEnabled);
    nav->setCurrentRow(4);
    QCOMPARE(window.currentPage(), ft::ui::MainWindow::Page::Export);
    QVERIFY(window.exportPage()->isVisible());
    const int versions = static_cast<int>(m_project->exports().size());
    QTRY_COMPARE_WITH_TIMEOUT(registry(*window.exportPage())->rowCount(), versions, kTimeout);
    QCOMPARE(window.exportPage()->currentRunId(), m_run);
    QVERIFY(window.closeProject());
    QCOMPARE(registry(*window.exportPage())->rowCount(), 0);
}

void TestExportPage::closingDuringAnExport() {
    // Closing the page while an export runs must neither hang nor leave anything behind.
    const auto before = m_project->exports().size();
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->targetFolder().isEmpty(), kTimeout);
    const QString folder = m_page->targetFolder();
    QTest::mouseClick(child<QPushButton>(*m_page, "exportButton"), Qt::LeftButton);
    QVERIFY(m_page->isExporting());
    QTest::qWait(200);
    m_page.reset();
    // Cancelled (nothing written) — or, had it got past its last check, complete and
    // registered; never half.
    const auto after = m_project->exports();
    if (QFileInfo::exists(folder)) {
        QCOMPARE(after.size(), before + 1);
        QCOMPARE(QString::fromStdString(after.back().path), folder);
    } else {
        QCOMPARE(after.size(), before);
    }
    QVERIFY(hiddenEntries(fs::path(folder.toStdString()).parent_path()).empty());
}

QTEST_MAIN(TestExportPage)
#include "tst_exportpage.moc"
