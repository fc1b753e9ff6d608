#include <unistd.h>

#include <QFile>
#include <QImage>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "error.h"
#include "metrics/curves.h"
#include "plots/evalplots.h"
#include "qcp.h"
#include "ui/evalfixture.h"

using ft::plots::EvalPlotData;
using nlohmann::json;

namespace {

template <typename T>
T* findPlottable(QCustomPlot* plot, const QString& name) {
    for (int i = 0; i < plot->plottableCount(); ++i) {
        if (plot->plottable(i)->objectName() == name) return qobject_cast<T*>(plot->plottable(i));
    }
    return nullptr;
}

std::vector<double> doubles(const json& j) {
    std::vector<double> out;
    for (const json& v : j) out.push_back(v.get<double>());
    return out;
}

std::vector<double> graphKeys(QCPGraph* g) {
    std::vector<double> out;
    for (const auto& p : *g->data()) out.push_back(p.key);
    return out;
}

std::vector<double> graphValues(QCPGraph* g) {
    std::vector<double> out;
    for (const auto& p : *g->data()) out.push_back(p.value);
    return out;
}

std::vector<double> barValues(QCPBars* b) {
    std::vector<double> out;
    for (const auto& p : *b->data()) out.push_back(p.value);
    return out;
}

double trapezoid(const std::vector<double>& x, const std::vector<double>& y) {
    double area = 0;
    for (size_t i = 1; i < x.size(); ++i) area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
    return area;
}

}  // namespace

class TestEvalPlots : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ft::test::StoredEvaluation m_binary;      // SMS spam: ham / spam
    ft::test::StoredEvaluation m_multiclass;  // TREC: six coarse classes
    json m_binaryReport, m_multiReport;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        auto project =
            ft::store::Project::create(m_dir.filePath(QStringLiteral("p")).toStdString());
        m_binary = ft::test::storeEvaluation(project, ft::test::smsSpamRequest(), "sms tf-idf");
        m_multiclass = ft::test::storeEvaluation(project, ft::test::trecRequest(), "trec tf-idf");
        m_binaryReport = json::parse(m_binary.info.reportJson);
        m_multiReport = json::parse(m_multiclass.info.reportJson);
        QCOMPARE(m_binaryReport["num_classes"].get<int>(), 2);
        QCOMPARE(m_multiReport["num_classes"].get<int>(), 6);
    }

    void confusionCountsAndShares() {
        for (bool normalized : {false, true}) {
            QCustomPlot plot;
            plot.resize(700, 600);
            ft::plots::confusionMatrix(&plot, m_multiclass.info, normalized);
            auto* map = findPlottable<QCPColorMap>(&plot, QStringLiteral("confusion"));
            QVERIFY(map);
            const json& cm = m_multiReport["confusion_matrix"];
            const int n = static_cast<int>(cm.size());
            QCOMPARE(map->data()->keySize(), n);
            QCOMPARE(map->data()->valueSize(), n);
            for (int t = 0; t < n; ++t) {
                int64_t rowSum = 0;
                for (int p = 0; p < n; ++p) rowSum += cm[t][p].get<int64_t>();
                for (int p = 0; p < n; ++p) {
                    const double count = cm[t][p].get<double>();
                    QCOMPARE(map->data()->cell(p, t),
                             normalized ? count / static_cast<double>(rowSum) : count);
                }
            }
            // Both axes name the classes in the model's order.
            auto ticker = qSharedPointerDynamicCast<QCPAxisTickerText>(plot.xAxis->ticker());
            QVERIFY(ticker);
            for (int k = 0; k < n; ++k) {
                QCOMPARE(ticker->ticks().value(k),
                         QString::fromStdString(m_multiclass.info.labels[static_cast<size_t>(k)]));
            }
            QVERIFY(qSharedPointerDynamicCast<QCPAxisTickerText>(plot.yAxis->ticker()));
            QCOMPARE(plot.itemCount(), n * n);  // a number in every cell
            // The cell under the centre of (true 2, predicted 3) is that cell.
            plot.replot();
            const QPointF centre(plot.xAxis->coordToPixel(3), plot.yAxis->coordToPixel(2));
            const auto cell = ft::plots::confusionCellAt(&plot, centre);
            QVERIFY(cell);
            QCOMPARE(cell->first, 2);
            QCOMPARE(cell->second, 3);
            QVERIFY(!ft::plots::confusionCellAt(&plot, QPointF(1, 1)));
        }
    }

    void binaryRocIsTheStoredCurve() {
        QCustomPlot plot;
        ft::plots::rocCurves(&plot, m_binary.info);
        auto* roc = findPlottable<QCPGraph>(&plot, QStringLiteral("roc:1"));
        QVERIFY(roc);
        const json& curve = m_binaryReport["curves"][0];
        QCOMPARE(curve["class"].get<int>(), 1);
        QCOMPARE(graphKeys(roc), doubles(curve["roc_curve"]["fpr"]));
        QCOMPARE(graphValues(roc), doubles(curve["roc_curve"]["tpr"]));
        QVERIFY(!findPlottable<QCPGraph>(&plot, QStringLiteral("roc:micro")));
        QVERIFY(roc->name().contains(
            QStringLiteral("AUC %1").arg(m_binaryReport["roc_auc"].get<double>(), 0, 'f', 3)));
        QVERIFY(roc->name().startsWith(QStringLiteral("spam")));
    }

    void multiclassRocHasEveryClassAndExactAverages() {
        QCustomPlot plot;
        const EvalPlotData d = ft::plots::preparePlotData(m_multiclass.info);
        ft::plots::rocCurves(&plot, d);
        for (const json& c : m_multiReport["curves"]) {
            auto* g =
                findPlottable<QCPGraph>(&plot, QStringLiteral("roc:%1").arg(c["class"].get<int>()));
            QVERIFY(g);
            QCOMPARE(graphKeys(g), doubles(c["roc_curve"]["fpr"]));
            QCOMPARE(graphValues(g), doubles(c["roc_curve"]["tpr"]));
            QVERIFY(g->name().contains(
                QStringLiteral("AUC %1").arg(c["auc"].get<double>(), 0, 'f', 3)));
        }
        // The micro average, rebuilt from the per-class curves, has exactly the stored
        // micro AUC (computed by the metrics code from the pooled scores).
        auto* micro = findPlottable<QCPGraph>(&plot, QStringLiteral("roc:micro"));
        QVERIFY(micro);
        const double microAuc = m_multiReport["roc_auc_micro"].get<double>();
        QVERIFY(std::abs(trapezoid(graphKeys(micro), graphValues(micro)) - microAuc) < 1e-12);
        QVERIFY(micro->name().contains(QStringLiteral("AUC %1").arg(microAuc, 0, 'f', 3)));
        // The macro average runs from (0, y0) to (1, 1), never decreases, and its legend
        // shows the stored macro AUC.
        auto* macro = findPlottable<QCPGraph>(&plot, QStringLiteral("roc:macro"));
        QVERIFY(macro);
        const auto mx = graphKeys(macro), my = graphValues(macro);
        QCOMPARE(mx.front(), 0.0);
        QCOMPARE(mx.back(), 1.0);
        QCOMPARE(my.back(), 1.0);
        QVERIFY(std::is_sorted(my.begin(), my.end()));
        QVERIFY(macro->name().contains(QStringLiteral("AUC %1").arg(
            m_multiReport["roc_auc_ovr_macro"].get<double>(), 0, 'f', 3)));
    }

    void prCurvesAndMicroAveragePrecision() {
        QCustomPlot plot;
        ft::plots::prCurves(&plot, m_multiclass.info);
        for (const json& c : m_multiReport["curves"]) {
            auto* curve =
                findPlottable<QCPGraph>(&plot, QStringLiteral("pr:%1").arg(c["class"].get<int>()));
            QVERIFY(curve);
            // The stored curve (increasing threshold), drawn over increasing recall.
            std::vector<double> recall = graphKeys(curve), precision = graphValues(curve);
            std::reverse(recall.begin(), recall.end());
            std::reverse(precision.begin(), precision.end());
            QCOMPARE(recall, doubles(c["pr_curve"]["recall"]));
            QCOMPARE(precision, doubles(c["pr_curve"]["precision"]));
            QVERIFY(curve->name().contains(
                QStringLiteral("AP %1").arg(c["average_precision"].get<double>(), 0, 'f', 3)));
        }
        // Micro AP equals average_precision_score(average="micro") on the stored
        // probabilities: the flattened one-hot truth against the flattened scores.
        std::vector<bool> positives;
        std::vector<double> scores;
        for (const auto& p : m_multiclass.predictions) {
            for (size_t k = 0; k < p.probabilities.size(); ++k) {
                positives.push_back(static_cast<int>(k) == p.trueLabel);
                scores.push_back(static_cast<double>(p.probabilities[k]));
            }
        }
        const auto expected = ft::metrics::averagePrecision(positives, scores);
        QVERIFY(expected);
        const EvalPlotData d = ft::plots::preparePlotData(m_multiclass.info);
        const auto micro = std::find_if(d.pr.begin(), d.pr.end(), [](const auto& c) {
            return c.key == QLatin1String("micro");
        });
        QVERIFY(micro != d.pr.end());
        QVERIFY(micro->area);
        QVERIFY(std::abs(*micro->area - *expected) < 1e-12);
        // Its curve is the pooled precision_recall_curve: it ends at (recall 0, precision 1)
        // and starts at full recall.
        QCOMPARE(micro->x.back(), 0.0);
        QCOMPARE(micro->y.back(), 1.0);
        QCOMPARE(micro->x.front(), 1.0);

        QCustomPlot binary;
        ft::plots::prCurves(&binary, m_binary.info);
        auto* spam = findPlottable<QCPGraph>(&binary, QStringLiteral("pr:1"));
        QVERIFY(spam);
        QCOMPARE(static_cast<size_t>(spam->dataCount()),
                 m_binaryReport["curves"][0]["pr_curve"]["recall"].size());
    }

    void calibrationBinsAndCounts() {
        QCustomPlot plot;
        ft::plots::calibration(&plot, m_binary.info);
        auto* accuracy = findPlottable<QCPBars>(&plot, QStringLiteral("calibration:accuracy"));
        auto* counts = findPlottable<QCPBars>(&plot, QStringLiteral("calibration:counts"));
        QVERIFY(accuracy && counts);
        std::vector<double> expectedAccuracy, expectedCounts;
        for (const json& b : m_binaryReport["calibration"]["bins"]) {
            if (b["count"].get<int64_t>() == 0) continue;
            expectedAccuracy.push_back(b["accuracy"].get<double>());
            expectedCounts.push_back(b["count"].get<double>());
        }
        QVERIFY(!expectedCounts.empty());
        QCOMPARE(barValues(accuracy), expectedAccuracy);
        QCOMPARE(barValues(counts), expectedCounts);
        // The title carries the ECE.
        auto* title = qobject_cast<QCPTextElement*>(plot.plotLayout()->element(0, 0));
        QVERIFY(title);
        QVERIFY(title->text().contains(QStringLiteral("ECE %1").arg(
            m_binaryReport["calibration"]["ece"].get<double>(), 0, 'f', 3)));
    }

    void baselinesWithIntervalAndMcNemar() {
        QCustomPlot plot;
        ft::plots::baselineComparison(&plot, m_binary.info);
        const json b = json::parse(m_binary.info.baselinesJson);
        auto* model = findPlottable<QCPBars>(&plot, QStringLiteral("baselines:model"));
        QVERIFY(model);
        QCOMPARE(barValues(model), (std::vector<double>{b["model"]["accuracy"].get<double>(),
                                                        b["model"]["f1_macro"].get<double>()}));
        for (const json& base : b["baselines"]) {
            auto* bars = findPlottable<QCPBars>(
                &plot, QStringLiteral("baselines:") +
                           QString::fromStdString(base["name"].get<std::string>()));
            QVERIFY(bars);
            QCOMPARE(barValues(bars), (std::vector<double>{base["accuracy"].get<double>(),
                                                           base["f1_macro"].get<double>()}));
            QVERIFY(bars->name().contains(
                QStringLiteral("McNemar p ") +
                ft::plots::formatPValue(base["mcnemar"]["p_value"].get<double>())));
        }
        auto* errors = findPlottable<QCPErrorBars>(&plot, QStringLiteral("baselines:interval"));
        QVERIFY(errors);
        QCOMPARE(errors->dataPlottable(), model);
        const json& acc = m_binaryReport["accuracy_interval"];
        const double a = b["model"]["accuracy"].get<double>();
        QCOMPARE(errors->data()->at(0).errorMinus, a - acc["lower"].get<double>());
        QCOMPARE(errors->data()->at(0).errorPlus, acc["upper"].get<double>() - a);
        const json& f1 = m_binaryReport["f1_macro_interval"];
        const double f = b["model"]["f1_macro"].get<double>();
        QCOMPARE(errors->data()->at(1).errorMinus, f - f1["lower"].get<double>());
        QCOMPARE(errors->data()->at(1).errorPlus, f1["upper"].get<double>() - f);
    }

    void sensitivityBars() {
        QCustomPlot plot;
        ft::plots::sensitivity(&plot, m_multiclass.info);
        const json s = json::parse(m_multiclass.info.sensitivityJson);
        const std::pair<const char*, const char*> parts[] = {
            {"by_length", "length"}, {"by_class", "class"}, {"perturbations", "perturbation"}};
        for (const auto& [key, id] : parts) {
            const bool deltas = std::string(key) == "perturbations";
            for (const char* metric : {"accuracy", "macro_f1"}) {
                auto* bars = findPlottable<QCPBars>(
                    &plot, QStringLiteral("sensitivity:%1:%2")
                               .arg(QLatin1String(id), QLatin1String(metric)));
                QVERIFY2(bars, key);
                std::vector<double> expected;
                const std::string field = std::string(metric) + (deltas ? "_delta" : "");
                for (const json& e : s[key]) expected.push_back(e[field].get<double>());
                QCOMPARE(barValues(bars), expected);
            }
        }
    }

    void missingDataSaysSo() {
        ft::store::EvaluationInfo bare = m_binary.info;
        bare.baselinesJson.clear();
        bare.sensitivityJson.clear();
        QCustomPlot plot;
        ft::plots::baselineComparison(&plot, bare);
        QCOMPARE(plot.plottableCount(), 0);
        QCOMPARE(plot.itemCount(), 1);
        QVERIFY(qobject_cast<QCPItemText*>(plot.item(0))
                    ->text()
                    .contains(QStringLiteral("No baselines")));
        ft::store::EvaluationInfo broken = m_binary.info;
        broken.reportJson = "{\"accuracy\": ";
        try {
            ft::plots::preparePlotData(broken);
            QFAIL("a malformed report was accepted");
        } catch (const ft::Error& e) {
            QCOMPARE(e.code(), ft::ErrorCode::Parse);
            QVERIFY(
                QString::fromUtf8(e.what()).contains(QStringLiteral("report is not valid JSON")));
        }
    }

    void savesEveryPlotInEveryFormat() {
        QTemporaryDir out;
        QVERIFY(out.isValid());
        const QString dir = out.filePath(QStringLiteral("plots"));
        const QStringList files =
            ft::plots::saveEvaluationPlots(m_multiclass.info, dir, {"png", "svg", "pdf"});
        const QStringList names{"confusion_matrix",
                                "confusion_matrix_normalized",
                                "roc",
                                "pr",
                                "calibration",
                                "baselines",
                                "sensitivity"};
        QCOMPARE(files.size(), names.size() * 3);
        for (const QString& name : names) {
            const QString base = QDir(dir).filePath(name);
            QImage png(base + QStringLiteral(".png"));
            QVERIFY2(!png.isNull(), qPrintable(base));
            QVERIFY(png.width() >= 640 && png.height() >= 560);
            QFile svg(base + QStringLiteral(".svg"));
            QVERIFY(svg.open(QIODevice::ReadOnly));
            const QByteArray svgBytes = svg.readAll();
            QVERIFY(svgBytes.contains("<svg"));
            QVERIFY(svgBytes.size() > 2000);
            QFile pdf(base + QStringLiteral(".pdf"));
            QVERIFY(pdf.open(QIODevice::ReadOnly));
            QVERIFY(pdf.read(5) == "%PDF-");
            QVERIFY(pdf.size() > 1000);
        }
        // No temporary files are left behind.
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden).size(), names.size() * 3);
        // An evaluation without baselines or sensitivity writes the other plots only.
        ft::store::EvaluationInfo bare = m_binary.info;
        bare.baselinesJson.clear();
        bare.sensitivityJson.clear();
        QCOMPARE(ft::plots::saveEvaluationPlots(bare, out.filePath(QStringLiteral("bare"))).size(),
                 5);
        // The names, without drawing, are the plots it writes; `only` draws a subset
        // (the export page draws one plot per event-loop turn this way).
        QCOMPARE(ft::plots::evaluationPlotNames(m_multiclass.info), names);
        QCOMPARE(ft::plots::evaluationPlotNames(bare),
                 QStringList({"confusion_matrix", "confusion_matrix_normalized", "roc", "pr",
                              "calibration"}));
        const QString one = out.filePath(QStringLiteral("one"));
        const QStringList roc = ft::plots::saveEvaluationPlots(m_multiclass.info, one, {"png"},
                                                               {QStringLiteral("roc")});
        QCOMPARE(roc, QStringList{QDir(one).filePath(QStringLiteral("roc.png"))});
        QCOMPARE(QDir(one).entryList(QDir::Files | QDir::Hidden), QStringList{"roc.png"});
    }

    void unwritableFolderGivesAClearError() {
        QVERIFY_THROWS_EXCEPTION(ft::Error,
                                 ft::plots::saveEvaluationPlots(m_binary.info, "/tmp", {"gif"}));
        // /proc refuses new files even to root.
        try {
            ft::plots::saveEvaluationPlots(m_binary.info, QStringLiteral("/proc"));
            QFAIL("writing into /proc succeeded");
        } catch (const ft::Error& e) {
            QCOMPARE(e.code(), ft::ErrorCode::Io);
            QVERIFY2(
                QString::fromUtf8(e.what()).contains(QStringLiteral("/proc/confusion_matrix.png")),
                e.what());
        }
        // A read-only folder (meaningful when not running as root).
        QTemporaryDir out;
        const QString ro = out.filePath(QStringLiteral("ro"));
        QVERIFY(QDir().mkpath(ro));
        QFile::setPermissions(ro, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        if (::geteuid() != 0) {
            QCustomPlot plot;
            ft::plots::rocCurves(&plot, m_binary.info);
            QString error;
            QVERIFY(!ft::plots::savePlot(&plot, ro + QStringLiteral("/roc.pdf"), 400, 300, &error));
            QVERIFY2(error.contains(ro + QStringLiteral("/roc.pdf")), qPrintable(error));
            try {
                ft::plots::saveEvaluationPlots(m_binary.info, ro);
                QFAIL("writing into a read-only folder succeeded");
            } catch (const ft::Error& e) {
                QCOMPARE(e.code(), ft::ErrorCode::Io);
                QVERIFY(QString::fromUtf8(e.what()).contains(ro));
            }
            QCOMPARE(QDir(ro).entryList(QDir::Files | QDir::Hidden).size(), 0);
        }
        QFile::setPermissions(
            ro, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QString error;
        QCustomPlot plot;
        QVERIFY(!ft::plots::savePlot(&plot, out.filePath(QStringLiteral("missing/roc.png")), 400,
                                     300, &error));
        QVERIFY(error.contains(QStringLiteral("does not exist")));
    }
};

QTEST_MAIN(TestEvalPlots)
#include "tst_evalplots.moc"
