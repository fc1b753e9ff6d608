#include <set>

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSlider>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "confusionview.h"
#include "data/reader.h"
#include "evalexport.h"
#include "evaluatepage.h"
#include "examplesmodel.h"
#include "qcp.h"
#include "ui/evalfixture.h"

using ft::ui::EvaluatePage;
using ft::ui::ExamplesModel;
using nlohmann::json;

namespace {

constexpr int kTimeout = 20000;

// The row of a two-column table whose first cell reads `name`; -1 if none.
int rowNamed(const QAbstractItemModel* model, const QString& name) {
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 0).data().toString() == name) return r;
    }
    return -1;
}

QTableView* table(const QWidget* page, const char* name) {
    return page->findChild<QTableView*>(QLatin1String(name));
}

// Reads a CSV file with the project's own reader: header names and rows of fields.
std::vector<std::vector<std::string>> readCsv(const QString& path) {
    ft::data::FormatOptions hint;
    hint.format = ft::data::Format::Csv;
    hint.delimiter = ',';
    hint.header = true;
    const ft::data::Detection det = ft::data::detect(path.toStdString(), hint);
    std::vector<std::vector<std::string>> rows{det.columns};
    ft::data::readRecords(path.toStdString(), det.options, det.columns,
                          [&rows](ft::data::Record&& r) {
                              rows.push_back(std::move(r.fields));
                              return true;
                          });
    return rows;
}

}  // namespace

class TestEvaluatePage : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_projectDir;
    std::unique_ptr<ft::store::Project> m_project;
    ft::test::StoredEvaluation m_sms;   // two classes
    ft::test::StoredEvaluation m_trec;  // six classes, newest
    int64_t m_untrainedRun = 0;

    // A page showing evaluation `id` (loaded on the page's thread).
    void showOn(EvaluatePage& page, int64_t id) {
        QSignalSpy loaded(&page, &EvaluatePage::evaluationLoaded);
        page.showEvaluation(id);
        QTRY_VERIFY_WITH_TIMEOUT(page.bundle() && page.bundle()->info.id == id && !page.isLoading(),
                                 kTimeout);
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_projectDir = m_dir.filePath(QStringLiteral("project"));
        m_project = std::make_unique<ft::store::Project>(
            ft::store::Project::create(m_projectDir.toStdString()));
        m_sms = ft::test::storeEvaluation(*m_project, ft::test::smsSpamRequest(), "sms tf-idf");
        m_trec = ft::test::storeEvaluation(*m_project, ft::test::trecRequest(), "trec tf-idf", 1500,
                                           200, 1e-3);
        ft::store::RunInfo run;
        run.name = "never trained";
        run.datasetId = m_sms.datasetId;
        run.splitId = m_sms.splitId;
        run.modelDir = "builtin:bert-tiny";
        run.configJson = R"({"name": "never trained", "model": "builtin:bert-tiny"})";
        m_untrainedRun = m_project->createRun(run);
        m_project->finishRun(m_untrainedRun, ft::store::RunStatus::Failed, "stopped by the test");
    }

    void opensOnTheNewestEvaluation() {
        EvaluatePage page;
        page.resize(1300, 820);
        page.show();
        page.setProject(m_project.get());
        QTRY_VERIFY_WITH_TIMEOUT(page.bundle() != nullptr, kTimeout);
        QCOMPARE(page.bundle()->info.id, m_trec.evaluationId);
        QCOMPARE(page.currentRunId(), m_trec.runId);
        QCOMPARE(page.bundle()->predictions.size(), m_trec.predictions.size());
        // Every prediction comes with the text of its row.
        for (size_t i = 0; i < m_trec.predictions.size(); i += 97) {
            QCOMPARE(page.bundle()->texts.value(static_cast<int>(i)).toStdString(),
                     m_trec.texts[i]);
        }
        page.setProject(nullptr);
        QVERIFY(!page.bundle());
    }

    void metricsTableShowsTheStoredNumbers() {
        EvaluatePage page;
        page.show();
        page.setProject(m_project.get());
        showOn(page, m_sms.evaluationId);
        const json r = json::parse(m_sms.info.reportJson);
        QAbstractItemModel* summary = table(&page, "evalSummaryTable")->model();
        QAbstractItemModelTester tester(summary);
        const std::pair<const char*, const char*> scalars[] = {
            {"Accuracy", "accuracy"},
            {"Balanced accuracy", "balanced_accuracy"},
            {"Macro-F1", "f1_macro"},
            {"Weighted F1", "f1_weighted"},
            {"Matthews correlation (MCC)", "mcc"},
            {"Cohen's kappa", "cohen_kappa"},
            {"Log loss", "log_loss"},
            {"ROC AUC", "roc_auc"},
            {"Average precision", "average_precision"},
            {"Brier score", "brier"}};
        for (const auto& [name, key] : scalars) {
            const int row = rowNamed(summary, QString::fromLatin1(name));
            QVERIFY2(row >= 0, name);
            const double stored = r[key].get<double>();
            QCOMPARE(summary->index(row, 1).data(Qt::UserRole).toDouble(), stored);
            QCOMPARE(summary->index(row, 1).data().toString(), QString::number(stored, 'f', 4));
        }
        for (const auto& [name, key] : {std::pair{"Accuracy", "accuracy_interval"},
                                        std::pair{"Macro-F1", "f1_macro_interval"}}) {
            const int row = rowNamed(summary, QString::fromLatin1(name));
            QCOMPARE(summary->index(row, 2).data(Qt::UserRole).toDouble(),
                     r[key]["lower"].get<double>());
            QCOMPARE(summary->index(row, 3).data(Qt::UserRole).toDouble(),
                     r[key]["upper"].get<double>());
        }
        QCOMPARE(summary->index(rowNamed(summary, QStringLiteral("Expected calibration error")), 1)
                     .data(Qt::UserRole)
                     .toDouble(),
                 r["calibration"]["ece"].get<double>());

        QAbstractItemModel* perClass = table(&page, "evalClassTable")->model();
        for (int k = 0; k < 2; ++k) {
            const int row = rowNamed(perClass, QString::fromStdString(m_sms.info.labels[k]));
            QCOMPARE(row, k);
            QCOMPARE(perClass->index(row, 1).data(Qt::UserRole).toDouble(),
                     r["precision_per_class"][k].get<double>());
            QCOMPARE(perClass->index(row, 2).data(Qt::UserRole).toDouble(),
                     r["recall_per_class"][k].get<double>());
            QCOMPARE(perClass->index(row, 3).data(Qt::UserRole).toDouble(),
                     r["f1_per_class"][k].get<double>());
            QCOMPARE(perClass->index(row, 4).data(Qt::UserRole).toLongLong(),
                     r["support"][k].get<qlonglong>());
        }
        for (const auto& [name, key] :
             {std::pair{"macro average", "macro"}, std::pair{"micro average", "micro"},
              std::pair{"weighted average", "weighted"}}) {
            const int row = rowNamed(perClass, QString::fromLatin1(name));
            QVERIFY(row >= 2);
            QCOMPARE(perClass->index(row, 3).data(Qt::UserRole).toDouble(),
                     r[std::string("f1_") + key].get<double>());
        }
        // Six classes: the multiclass AUCs instead of the binary ones.
        showOn(page, m_trec.evaluationId);
        const json t = json::parse(m_trec.info.reportJson);
        summary = table(&page, "evalSummaryTable")->model();
        QCOMPARE(rowNamed(summary, QStringLiteral("ROC AUC")), -1);
        QCOMPARE(
            summary->index(rowNamed(summary, QStringLiteral("ROC AUC (one-vs-rest, macro)")), 1)
                .data(Qt::UserRole)
                .toDouble(),
            t["roc_auc_ovr_macro"].get<double>());
        QCOMPARE(summary->index(rowNamed(summary, QStringLiteral("Top-2 accuracy")), 1)
                     .data(Qt::UserRole)
                     .toDouble(),
                 t["top_k_accuracy"].get<double>());
        QCOMPARE(table(&page, "evalClassTable")->model()->rowCount(), 6 + 3);
    }

    void reportWarningsAreShownInWords() {
        // The same rows with every prediction forced to the first class: spam is never
        // predicted, which the report warns about.
        std::vector<ft::store::PredictionRecord> preds = m_sms.predictions;
        for (auto& p : preds) p.predicted = 0;
        ft::metrics::Classification c = ft::test::classificationOf(preds, m_sms.info.labels);
        ft::metrics::ReportOptions options;
        options.bootstrap.resamples = 0;
        const ft::metrics::Report report = ft::metrics::computeReport(c, options);
        QVERIFY(!report.warnings.empty());
        ft::store::EvaluationInfo info = m_sms.info;
        info.reportJson = report.toJson().dump();
        info.baselinesJson.clear();
        info.sensitivityJson.clear();
        const int64_t id = m_project->saveEvaluation(info, preds);

        EvaluatePage page;
        page.show();
        page.setProject(m_project.get());
        showOn(page, id);
        auto* warnings = page.findChild<QLabel*>(QStringLiteral("evaluateWarnings"));
        QVERIFY(warnings->isVisible());
        QVERIFY2(warnings->text().contains(QStringLiteral("class spam is never predicted")),
                 qPrintable(warnings->text()));
        // The intervals were not computed: their cells are empty, not zero.
        QAbstractItemModel* summary = table(&page, "evalSummaryTable")->model();
        QVERIFY(!summary->index(rowNamed(summary, QStringLiteral("Accuracy")), 2)
                     .data(Qt::UserRole)
                     .isValid());
        showOn(page, m_sms.evaluationId);
        QVERIFY(!warnings->isVisible());
        m_project->deleteEvaluation(id);
    }

    void clickingACellListsExactlyItsRows() {
        EvaluatePage page;
        page.resize(1300, 820);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setProject(m_project.get());
        showOn(page, m_trec.evaluationId);
        page.showTab(EvaluatePage::Tab::Confusion);
        ExamplesModel* model = page.examplesModel();
        QAbstractItemModelTester tester(model);

        // The largest off-diagonal cell is listed from the start.
        QVERIFY(page.confusionView()->selectedCell());

        const json cm = json::parse(m_trec.info.reportJson)["confusion_matrix"];
        ft::ui::ConfusionView* view = page.confusionView();
        view->plot()->replot();
        for (const auto& [t, p] :
             {std::pair{1, 2}, std::pair{2, 2}, std::pair{4, 0}, std::pair{5, 1}}) {
            std::set<int64_t> expected;
            for (const auto& pred : m_trec.predictions) {
                if (pred.trueLabel == t && pred.predicted == p) expected.insert(pred.rowId);
            }
            QCOMPARE(static_cast<int64_t>(expected.size()), cm[t][p].get<int64_t>());
            QTest::mouseClick(view->plot(), Qt::LeftButton, {}, view->cellCenter(t, p));
            QTRY_VERIFY_WITH_TIMEOUT(model->cell() == std::make_pair(t, p), kTimeout);
            std::set<int64_t> listed;
            for (int r = 0; r < model->rowCount(); ++r) {
                listed.insert(model->rowIdAt(r));
                QCOMPARE(model->index(r, ExamplesModel::TrueLabel).data().toString(),
                         QString::fromStdString(m_trec.info.labels[static_cast<size_t>(t)]));
                QCOMPARE(model->index(r, ExamplesModel::Predicted).data().toString(),
                         QString::fromStdString(m_trec.info.labels[static_cast<size_t>(p)]));
            }
            QCOMPARE(listed, expected);
            QCOMPARE(static_cast<size_t>(model->rowCount()), expected.size());
        }
        // Text and confidence come from the row and the stored probabilities (on the
        // fullest diagonal cell).
        int fullest = 0;
        for (int k = 1; k < static_cast<int>(cm.size()); ++k) {
            if (cm[k][k].get<int64_t>() > cm[fullest][fullest].get<int64_t>()) fullest = k;
        }
        page.confusionView()->selectCell(fullest, fullest);
        QVERIFY(model->rowCount() > 0);
        const int64_t rowId = model->rowIdAt(0);
        QCOMPARE(model->index(0, ExamplesModel::Text).data(ExamplesModel::RawRole).toString(),
                 QString::fromStdString(m_project->row(rowId)->text));
        const auto pred = std::find_if(m_trec.predictions.begin(), m_trec.predictions.end(),
                                       [rowId](const auto& p) { return p.rowId == rowId; });
        QCOMPARE(model->index(0, ExamplesModel::Confidence).data(ExamplesModel::RawRole).toDouble(),
                 static_cast<double>(pred->probabilities[static_cast<size_t>(pred->predicted)]));

        // Sorting by confidence (the header click) orders the rows, and survives a new cell.
        auto* examples = table(&page, "evalExamplesTable");
        page.confusionView()->selectCell(1, 2);
        examples->sortByColumn(ExamplesModel::Confidence, Qt::DescendingOrder);
        page.confusionView()->selectCell(fullest, fullest);
        QVERIFY(model->rowCount() > 10);
        for (int r = 1; r < model->rowCount(); ++r) {
            QVERIFY(
                model->index(r - 1, ExamplesModel::Confidence)
                    .data(ExamplesModel::RawRole)
                    .toDouble() >=
                model->index(r, ExamplesModel::Confidence).data(ExamplesModel::RawRole).toDouble());
        }
        // All errors: every row whose prediction differs from its truth.
        page.findChild<QPushButton*>(QStringLiteral("evalAllErrors"))->click();
        int64_t errors = 0;
        for (const auto& p : m_trec.predictions) errors += p.trueLabel != p.predicted;
        QCOMPARE(static_cast<int64_t>(model->rowCount()), errors);
        QVERIFY(model->showsErrors());
    }

    void thresholdEqualsADirectComputation() {
        EvaluatePage page;
        page.show();
        page.setProject(m_project.get());
        showOn(page, m_sms.evaluationId);
        page.showTab(EvaluatePage::Tab::Curves);
        QVERIFY(page.findChild<QWidget*>(QStringLiteral("thresholdBox"))->isVisible());
        // Thresholds on the grid and exactly at stored probabilities (the >= rule).
        std::vector<double> thresholds{0.0, 0.2, 0.5, 0.73, 1.0};
        thresholds.push_back(static_cast<double>(m_sms.predictions[3].probabilities[1]));
        thresholds.push_back(static_cast<double>(m_sms.predictions[10].probabilities[1]));
        auto* slider = page.findChild<QSlider*>(QStringLiteral("thresholdSlider"));
        for (double threshold : thresholds) {
            page.setThreshold(threshold);
            int64_t tp = 0, fp = 0, fn = 0;
            const double t = page.thresholdMetrics()->threshold;
            for (const auto& p : m_sms.predictions) {
                const bool positive = static_cast<double>(p.probabilities[1]) >= t;
                tp += positive && p.trueLabel == 1;
                fp += positive && p.trueLabel == 0;
                fn += !positive && p.trueLabel == 1;
            }
            const double precision = tp + fp > 0 ? double(tp) / double(tp + fp) : 0.0;
            const double recall = double(tp) / double(tp + fn);
            const auto m = page.thresholdMetrics();
            QVERIFY(m);
            QCOMPARE(m->tp, tp);
            QCOMPARE(m->fp, fp);
            QCOMPARE(m->fn, fn);
            QCOMPARE(m->precision, precision);
            QCOMPARE(m->recall, recall);
            QVERIFY(page.findChild<QLabel*>(QStringLiteral("thresholdPrecision"))
                        ->text()
                        .contains(QString::number(precision, 'f', 3)));
            QVERIFY(page.findChild<QLabel*>(QStringLiteral("thresholdRecall"))
                        ->text()
                        .contains(QString::number(recall, 'f', 3)));
        }
        // The slider drives the same numbers: 0.25 is step 250.
        slider->setValue(250);
        QCOMPARE(page.thresholdMetrics()->threshold, 0.25);
        // The operating point sits on the ROC plot at (fpr, tpr) of that threshold.
        auto* roc = page.findChild<QCustomPlot*>(QStringLiteral("rocPlot"));
        QCPGraph* point = nullptr;
        for (int i = 0; i < roc->graphCount(); ++i) {
            if (roc->graph(i)->objectName() == QLatin1String("threshold")) point = roc->graph(i);
        }
        QVERIFY(point);
        QCOMPARE(point->data()->at(0)->value, page.thresholdMetrics()->recall);

        // More than two classes: no threshold.
        showOn(page, m_trec.evaluationId);
        QVERIFY(!page.thresholdMetrics());
        QVERIFY(!page.findChild<QWidget*>(QStringLiteral("thresholdBox"))->isVisible());
    }

    void exportedCsvAndJsonRoundTrip() {
        EvaluatePage page;
        page.show();
        page.setProject(m_project.get());
        showOn(page, m_trec.evaluationId);
        QTemporaryDir out;
        for (const char* name : {"evalSummaryTable", "evalClassTable", "evalExamplesTable",
                                 "evalBaselineTable", "evalPerturbationTable"}) {
            const QAbstractItemModel* model = table(&page, name)->model();
            QVERIFY2(model->rowCount() > 0, name);
            const QString csv = out.filePath(QLatin1String(name) + QStringLiteral(".csv"));
            QString error;
            QVERIFY2(ft::ui::evalexport::exportTable(model, csv, &error), qPrintable(error));
            const auto rows = readCsv(csv);
            QCOMPARE(static_cast<int>(rows.size()), model->rowCount() + 1);
            for (int c = 0; c < model->columnCount(); ++c) {
                QCOMPARE(QString::fromStdString(rows[0][static_cast<size_t>(c)]),
                         model->headerData(c, Qt::Horizontal).toString());
            }
            for (int r = 0; r < model->rowCount(); ++r) {
                for (int c = 0; c < model->columnCount(); ++c) {
                    const QModelIndex index = model->index(r, c);
                    const QString field = QString::fromStdString(
                        rows[static_cast<size_t>(r) + 1][static_cast<size_t>(c)]);
                    const QVariant raw = index.data(Qt::UserRole);
                    if (raw.typeId() == QMetaType::Double) {
                        QCOMPARE(field.toDouble(), raw.toDouble());  // full precision
                    } else if (raw.isValid()) {
                        QCOMPARE(field, raw.toString());
                    } else {
                        QCOMPARE(field, index.data().toString());
                    }
                }
            }
            const QString jsonFile = out.filePath(QLatin1String(name) + QStringLiteral(".json"));
            QVERIFY2(ft::ui::evalexport::exportTable(model, jsonFile, &error), qPrintable(error));
            QFile f(jsonFile);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QJsonArray array = QJsonDocument::fromJson(f.readAll()).array();
            QCOMPARE(array.size(), model->rowCount());
            const QString firstHeader = model->headerData(1, Qt::Horizontal).toString();
            const QVariant raw = model->index(0, 1).data(Qt::UserRole);
            if (raw.typeId() == QMetaType::Double) {
                QCOMPARE(array[0].toObject()[firstHeader].toDouble(), raw.toDouble());
            }
        }
        // Texts with commas, quotes and line breaks survive (the examples' texts).
        QString error;
        QVERIFY(!ft::ui::evalexport::exportTable(table(&page, "evalSummaryTable")->model(),
                                                 out.filePath(QStringLiteral("t.xlsx")), &error));
        QVERIFY(error.contains(QStringLiteral("t.xlsx")));
        QVERIFY(!ft::ui::evalexport::exportTable(table(&page, "evalSummaryTable")->model(),
                                                 QStringLiteral("/proc/metrics.csv"), &error));
        QVERIFY(error.contains(QStringLiteral("/proc/metrics.csv")));
    }

    void baselinesAndSensitivityTables() {
        EvaluatePage page;
        page.show();
        page.setProject(m_project.get());
        showOn(page, m_sms.evaluationId);
        const json b = json::parse(m_sms.info.baselinesJson);
        QAbstractItemModel* baselines = table(&page, "evalBaselineTable")->model();
        QCOMPARE(baselines->rowCount(), 1 + static_cast<int>(b["baselines"].size()));
        const int tfidf = rowNamed(baselines, QStringLiteral("TF-IDF + logistic regression"));
        QVERIFY(tfidf > 0);
        const json& m = b["baselines"][1]["mcnemar"];
        QCOMPARE(baselines->index(tfidf, 3).data(Qt::UserRole).toLongLong(),
                 m["only_model"].get<qlonglong>());
        QCOMPARE(baselines->index(tfidf, 4).data(Qt::UserRole).toLongLong(),
                 m["only_baseline"].get<qlonglong>());
        QCOMPARE(baselines->index(tfidf, 5).data(Qt::UserRole).toDouble(),
                 m["p_value"].get<double>());
        const QString verdict = page.findChild<QLabel*>(QStringLiteral("baselineVerdict"))->text();
        QVERIFY2(verdict.contains(QStringLiteral("TF-IDF + logistic regression")),
                 qPrintable(verdict));

        const json s = json::parse(m_sms.info.sensitivityJson);
        QAbstractItemModel* perturbations = table(&page, "evalPerturbationTable")->model();
        QCOMPARE(perturbations->rowCount(), static_cast<int>(s["perturbations"].size()));
        for (int r = 0; r < perturbations->rowCount(); ++r) {
            QCOMPARE(perturbations->index(r, 2).data(Qt::UserRole).toDouble(),
                     s["perturbations"][r]["accuracy_delta"].get<double>());
            QCOMPARE(perturbations->index(r, 5).data(Qt::UserRole).toLongLong(),
                     s["perturbations"][r]["changed_predictions"].get<qlonglong>());
        }
    }

    void evaluatingARunWithoutCheckpointSaysWhy() {
        EvaluatePage page;
        page.show();
        page.setProject(m_project.get());
        QTRY_VERIFY_WITH_TIMEOUT(page.bundle() != nullptr, kTimeout);
        auto* runs = page.findChild<QComboBox*>(QStringLiteral("evalRunCombo"));
        const int index = runs->findData(QVariant::fromValue<qlonglong>(m_untrainedRun));
        QVERIFY(index >= 0);
        runs->setCurrentIndex(index);
        Q_EMIT runs->activated(index);
        QVERIFY(!page.bundle());
        auto* evaluate = page.findChild<QPushButton*>(QStringLiteral("evaluateButton"));
        QVERIFY(evaluate->isEnabled());
        QSignalSpy failed(&page, &EvaluatePage::evaluationFailed);
        evaluate->click();
        QVERIFY(page.isEvaluating());
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kTimeout);
        auto* error = page.findChild<QLabel*>(QStringLiteral("evaluateError"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("run %1").arg(m_untrainedRun)),
                 qPrintable(error->text()));
        QVERIFY(!page.isEvaluating());
        QVERIFY(evaluate->isEnabled());
        // Nothing was stored.
        QVERIFY(!m_project->latestEvaluation(m_untrainedRun));
    }

    void compareRunsShowsMetricsCurvesAndSettings() {
        EvaluatePage page;
        page.resize(1300, 820);
        page.show();
        page.setProject(m_project.get());
        QTRY_VERIFY_WITH_TIMEOUT(page.bundle() != nullptr, kTimeout);
        QSignalSpy shown(&page, &EvaluatePage::comparisonShown);
        page.showTab(EvaluatePage::Tab::Compare);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, kTimeout);
        auto* list = page.findChild<QListWidget*>(QStringLiteral("compareRunList"));
        QCOMPARE(list->count(), 3);
        QAbstractItemModel* metrics = table(&page, "compareTable")->model();
        QCOMPARE(metrics->rowCount(), 2);  // the two evaluated runs are ticked
        int accuracyColumn = -1;
        for (int c = 0; c < metrics->columnCount(); ++c) {
            if (metrics->headerData(c, Qt::Horizontal).toString() == QLatin1String("Accuracy")) {
                accuracyColumn = c;
            }
        }
        QVERIFY(accuracyColumn > 0);
        for (const auto* e : {&m_sms, &m_trec}) {
            const int row = [&] {
                for (int r = 0; r < metrics->rowCount(); ++r) {
                    if (metrics->index(r, 1).data(Qt::UserRole).toLongLong() == e->runId) return r;
                }
                return -1;
            }();
            QVERIFY(row >= 0);
            QCOMPARE(metrics->index(row, accuracyColumn).data(Qt::UserRole).toDouble(),
                     json::parse(e->info.reportJson)["accuracy"].get<double>());
        }
        auto* plot = page.findChild<QCustomPlot*>(QStringLiteral("comparePlot"));
        int overlays = 0;
        for (int i = 0; i < plot->plottableCount(); ++i) {
            overlays += plot->plottable(i)->objectName().startsWith(QLatin1String("overlay:"));
        }
        QCOMPARE(overlays, 2);
        // The learning rates differ between the two runs.
        QAbstractItemModel* differing = table(&page, "compareDiffering")->model();
        QVERIFY(rowNamed(differing, QStringLiteral("learning_rate")) >= 0);
    }
};

QTEST_MAIN(TestEvaluatePage)
#include "tst_evaluatepage.moc"
