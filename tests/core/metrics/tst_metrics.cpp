#include <cmath>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <QtTest>

#include "error.h"
#include "metrics/calibration.h"
#include "metrics/classification.h"
#include "metrics/curves.h"
#include "metrics/report.h"
#include "metrics/significance.h"
#include "util/random.h"

using namespace ft::metrics;
using ft::util::Random;
using ft::util::splitmix64;
using nlohmann::json;

namespace {

constexpr double kTolerance = 1e-9;

json loadCases() {
    const std::string path = std::string(FT_SHARED_DIR) + "/fixtures/metrics/cases.json";
    std::ifstream in(path);
    if (!in) {
        return json();
    }
    return json::parse(in);
}

const json& cases() {
    static const json all = loadCases();
    return all;
}

Classification fromCase(const json& c) {
    Classification out;
    out.numClasses = c.at("num_classes").get<int>();
    out.yTrue = c.at("y_true").get<std::vector<int>>();
    out.yPred = c.at("y_pred").get<std::vector<int>>();
    out.scores = c.at("y_score").get<std::vector<std::vector<double>>>();
    return out;
}

// Collects every disagreement with the fixture as "case: metric: expected X, got Y".
class Checker {
public:
    explicit Checker(std::string caseName) : m_case(std::move(caseName)) {}

    void scalar(const std::string& metric, const json& expected, double got) {
        ++m_checked;
        const double e = expected.get<double>();
        if (!(std::fabs(e - got) <= kTolerance)) {
            fail(metric, expected.dump(), got);
        }
    }
    void optional(const std::string& metric, const json& expected,
                  const std::optional<double>& got) {
        if (expected.is_null()) {
            ++m_checked;
            if (got) {
                fail(metric, "null", *got);
            }
            return;
        }
        if (!got) {
            ++m_checked;
            m_failures.push_back(m_case + ": " + metric + ": expected " + expected.dump() +
                                 ", got nothing");
            return;
        }
        scalar(metric, expected, *got);
    }
    template <typename T>
    void series(const std::string& metric, const json& expected, const std::vector<T>& got) {
        if (expected.size() != got.size()) {
            ++m_checked;
            m_failures.push_back(m_case + ": " + metric + ": expected " +
                                 std::to_string(expected.size()) + " values, got " +
                                 std::to_string(got.size()));
            return;
        }
        for (size_t i = 0; i < got.size(); ++i) {
            scalar(metric + "[" + std::to_string(i) + "]", expected[i],
                   static_cast<double>(got[i]));
        }
    }
    void fail(const std::string& metric, const std::string& expected, double got) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g", got);
        m_failures.push_back(m_case + ": " + metric + ": expected " + expected + ", got " + buf);
    }
    void unknown(const std::string& key) {
        m_failures.push_back(m_case + ": " + key + ": no check for this fixture key");
    }

    int checked() const { return m_checked; }
    const std::vector<std::string>& failures() const { return m_failures; }

private:
    std::string m_case;
    int m_checked = 0;
    std::vector<std::string> m_failures;
};

void checkRoc(Checker& ch, const std::string& name, const json& e, const RocCurve& r) {
    ch.series(name + ".fpr", e.at("fpr"), r.fpr);
    ch.series(name + ".tpr", e.at("tpr"), r.tpr);
    ch.series(name + ".thresholds", e.at("thresholds"), r.thresholds);
}

}  // namespace

class TstMetrics : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void fixtureParity_data();
    void fixtureParity();
    void argmaxMatchesFixturePredictions();
    void rejectsInvalidInput();
    void logLossClipsAndRenormalises();
    void topKTies();
    void calibrationBins();
    void bootstrapIsDeterministic();
    void bootstrapIntervalBracketsEstimate();
    void mcnemar_data();
    void mcnemar();
    void mcnemarFromPredictions();
    void randomIsStable();
    void reportJson();
};

void TstMetrics::initTestCase() {
    QVERIFY2(cases().is_object(), "cannot read " FT_SHARED_DIR "/fixtures/metrics/cases.json");
    QCOMPARE(cases().at("cases").size(), size_t(9));
}

void TstMetrics::fixtureParity_data() {
    QTest::addColumn<int>("index");
    const json& all = cases().at("cases");
    for (size_t i = 0; i < all.size(); ++i) {
        QTest::newRow(all[i].at("name").get<std::string>().c_str()) << static_cast<int>(i);
    }
}

void TstMetrics::fixtureParity() {
    QFETCH(int, index);
    const json& cs = cases().at("cases")[index];
    const std::string name = cs.at("name").get<std::string>();
    const Classification c = fromCase(cs);
    ReportOptions options;
    options.bootstrap.resamples = 0;
    const Report r = computeReport(c, options);
    Checker ch(name);
    const json& expected = cs.at("expected");
    for (const auto& [key, e] : expected.items()) {
        if (key == "accuracy") {
            ch.scalar(key, e, r.accuracy);
        } else if (key == "balanced_accuracy") {
            ch.scalar(key, e, r.balancedAccuracy);
        } else if (key == "confusion_matrix") {
            QCOMPARE(e.size(), r.confusion.size());
            for (size_t t = 0; t < r.confusion.size(); ++t) {
                ch.series(key + "[" + std::to_string(t) + "]", e[t], r.confusion[t]);
            }
        } else if (key == "precision_macro") {
            ch.scalar(key, e, r.scores.precisionMacro);
        } else if (key == "recall_macro") {
            ch.scalar(key, e, r.scores.recallMacro);
        } else if (key == "f1_macro") {
            ch.scalar(key, e, r.scores.f1Macro);
        } else if (key == "precision_micro") {
            ch.scalar(key, e, r.scores.precisionMicro);
        } else if (key == "recall_micro") {
            ch.scalar(key, e, r.scores.recallMicro);
        } else if (key == "f1_micro") {
            ch.scalar(key, e, r.scores.f1Micro);
        } else if (key == "precision_weighted") {
            ch.scalar(key, e, r.scores.precisionWeighted);
        } else if (key == "recall_weighted") {
            ch.scalar(key, e, r.scores.recallWeighted);
        } else if (key == "f1_weighted") {
            ch.scalar(key, e, r.scores.f1Weighted);
        } else if (key == "precision_per_class") {
            ch.series(key, e, r.scores.precision);
        } else if (key == "recall_per_class") {
            ch.series(key, e, r.scores.recall);
        } else if (key == "f1_per_class") {
            ch.series(key, e, r.scores.f1);
        } else if (key == "support") {
            ch.series(key, e, r.scores.support);
        } else if (key == "mcc") {
            ch.scalar(key, e, r.mcc);
        } else if (key == "cohen_kappa") {
            ch.scalar(key, e, r.cohenKappa);
        } else if (key == "log_loss") {
            ch.optional(key, e, r.logLoss);
        } else if (key == "top2_accuracy") {
            QCOMPARE(r.topK, 2);
            ch.optional(key, e, r.topKAccuracy);
        } else if (key == "brier") {
            ch.optional(key, e, r.brier);
        } else if (key == "roc_auc") {
            ch.optional(key, e, r.rocAuc);
        } else if (key == "average_precision") {
            ch.optional(key, e, r.averagePrecision);
        } else if (key == "roc_curve") {
            QCOMPARE(r.curves.size(), size_t(1));
            checkRoc(ch, key, e, r.curves[0].roc);
        } else if (key == "roc_curve_all_thresholds") {
            QCOMPARE(r.curves.size(), size_t(1));
            checkRoc(ch, key, e, r.curves[0].rocAllThresholds);
        } else if (key == "pr_curve") {
            QCOMPARE(r.curves.size(), size_t(1));
            ch.series(key + ".precision", e.at("precision"), r.curves[0].pr.precision);
            ch.series(key + ".recall", e.at("recall"), r.curves[0].pr.recall);
            ch.series(key + ".thresholds", e.at("thresholds"), r.curves[0].pr.thresholds);
        } else if (key == "roc_auc_ovr_macro") {
            ch.optional(key, e, r.rocAucOvrMacro);
        } else if (key == "roc_auc_ovr_weighted") {
            ch.optional(key, e, r.rocAucOvrWeighted);
        } else if (key == "roc_auc_ovo_macro") {
            ch.optional(key, e, r.rocAucOvoMacro);
        } else if (key == "roc_auc_micro") {
            ch.optional(key, e, r.rocAucMicro);
        } else if (key == "one_vs_rest") {
            QCOMPARE(e.size(), r.curves.size());
            for (const auto& [cls, ce] : e.items()) {
                const int k = std::stoi(cls);
                QCOMPARE(r.curves[k].cls, k);
                const std::string prefix = "one_vs_rest[" + cls + "].";
                for (const auto& [sub, se] : ce.items()) {
                    if (sub == "auc") {
                        ch.optional(prefix + sub, se, r.curves[k].auc);
                    } else if (sub == "average_precision") {
                        ch.optional(prefix + sub, se, r.curves[k].averagePrecision);
                    } else if (sub == "fpr") {
                        ch.series(prefix + sub, se, r.curves[k].roc.fpr);
                    } else if (sub == "tpr") {
                        ch.series(prefix + sub, se, r.curves[k].roc.tpr);
                    } else if (sub == "thresholds") {
                        ch.series(prefix + sub, se, r.curves[k].roc.thresholds);
                    } else {
                        ch.unknown(prefix + sub);
                    }
                }
            }
        } else {
            ch.unknown(key);
        }
    }
    // scikit-learn refuses the macro / weighted / one-vs-one AUC when a class is absent
    // from the truth; the fixture then has no such key and neither may we.
    if (c.numClasses > 2 && !expected.contains("roc_auc_ovr_macro")) {
        QVERIFY(!r.rocAucOvrMacro);
        QVERIFY(!r.rocAucOvrWeighted);
        QVERIFY(!r.rocAucOvoMacro);
        QVERIFY(!r.warnings.empty());
    }
    std::string report;
    for (const std::string& f : ch.failures()) {
        report += "\n  " + f;
    }
    qInfo("%s: %d values checked, %d mismatches", name.c_str(), ch.checked(),
          static_cast<int>(ch.failures().size()));
    QVERIFY2(ch.failures().empty(), report.c_str());
    QVERIFY(ch.checked() > 20);
}

void TstMetrics::argmaxMatchesFixturePredictions() {
    for (const json& cs : cases().at("cases")) {
        const Classification c = fromCase(cs);
        for (size_t i = 0; i < c.yTrue.size(); ++i) {
            int best = 0;
            for (int k = 1; k < c.numClasses; ++k) {
                if (c.scores[i][k] > c.scores[i][best]) {
                    best = k;
                }
            }
            QCOMPARE(best, c.yPred[i]);
        }
    }
}

void TstMetrics::rejectsInvalidInput() {
    Classification c;
    c.numClasses = 2;
    c.yTrue = {0, 1};
    c.yPred = {0};
    QVERIFY_THROWS_EXCEPTION(ft::Error, validate(c));
    c.yPred = {0, 2};
    QVERIFY_THROWS_EXCEPTION(ft::Error, computeReport(c));
    c.yPred = {0, 1};
    c.scores = {{0.5, 0.5}, {0.5}};
    QVERIFY_THROWS_EXCEPTION(ft::Error, computeReport(c));
    c.scores = {{0.5, 0.5}, {NAN, 0.5}};
    QVERIFY_THROWS_EXCEPTION(ft::Error, computeReport(c));
    c.scores.clear();
    QVERIFY_THROWS_EXCEPTION(ft::Error, logLoss(c));
    const Report r = computeReport(c);  // hard predictions only: no score metrics
    QCOMPARE(r.accuracy, 1.0);
    QVERIFY(!r.logLoss);
    QVERIFY(r.curves.empty());
}

void TstMetrics::logLossClipsAndRenormalises() {
    // scikit-learn 1.2.1, eps="auto": a zero probability of the true class is clipped to
    // DBL_EPSILON, so the loss is -ln(2^-52) = 36.04365338911715 for that row.
    Classification c;
    c.numClasses = 2;
    c.yTrue = {1, 0};
    c.yPred = {0, 0};
    c.scores = {{1.0, 0.0}, {1.0, 0.0}};
    const double expected = (52 * std::log(2.0) - std::log1p(-0x1p-52)) / 2;
    QVERIFY(std::fabs(logLoss(c) - expected) < 1e-12);
    // Rows that do not sum to 1 are renormalised: 0.2 / 0.4 = 0.5.
    c.yTrue = {0, 1};
    c.scores = {{0.2, 0.2}, {0.3, 0.3}};
    QVERIFY(std::fabs(logLoss(c) - std::log(2.0)) < 1e-12);
}

void TstMetrics::topKTies() {
    // Equal scores: the higher class index ranks first (sklearn's reversed stable argsort).
    Classification c;
    c.numClasses = 3;
    c.yTrue = {0, 1};
    c.yPred = {0, 0};
    c.scores = {{0.4, 0.4, 0.2}, {0.4, 0.4, 0.2}};
    QCOMPARE(topKAccuracy(c, 1), 0.5);
    QCOMPARE(topKAccuracy(c, 2), 1.0);
    QVERIFY_THROWS_EXCEPTION(ft::Error, topKAccuracy(c, 0));
}

void TstMetrics::calibrationBins() {
    // Four bins of width 0.25. Confidences (highest score) 0.9, 0.8 and 1.0 fall in
    // bin 3 (the last bin holds 1.0), 0.6 and 0.7 in bin 2. yPred is taken as given:
    // row 3 is wrong although its highest score is for the true class.
    Classification c;
    c.numClasses = 2;
    c.yTrue = {0, 0, 1, 1, 1};
    c.yPred = {0, 1, 1, 0, 1};
    c.scores = {{0.9, 0.1}, {0.2, 0.8}, {0.4, 0.6}, {0.3, 0.7}, {0.0, 1.0}};
    const Calibration cal = calibration(c, 4);
    QCOMPARE(cal.bins.size(), size_t(4));
    QCOMPARE(cal.bins[0].count, int64_t(0));
    QCOMPARE(cal.bins[1].count, int64_t(0));
    QCOMPARE(cal.bins[2].count, int64_t(2));
    QCOMPARE(cal.bins[3].count, int64_t(3));
    QVERIFY(std::fabs(cal.bins[2].meanConfidence - 0.65) < 1e-12);
    QVERIFY(std::fabs(cal.bins[2].accuracy - 0.5) < 1e-12);
    QVERIFY(std::fabs(cal.bins[3].meanConfidence - 0.9) < 1e-12);
    QVERIFY(std::fabs(cal.bins[3].accuracy - 2.0 / 3.0) < 1e-12);
    QCOMPARE(cal.bins[3].lower, 0.75);
    QCOMPARE(cal.bins[3].upper, 1.0);
    // ECE = 2/5 * |0.5 - 0.65| + 3/5 * |2/3 - 0.9| = 0.06 + 0.14 = 0.2
    QVERIFY(std::fabs(cal.expectedCalibrationError - 0.2) < 1e-12);
    QVERIFY(std::fabs(cal.maximumCalibrationError - (0.9 - 2.0 / 3.0)) < 1e-12);
    QVERIFY_THROWS_EXCEPTION(ft::Error, calibration(c, 0));
}

void TstMetrics::bootstrapIsDeterministic() {
    const Classification c = fromCase(cases().at("cases")[5]);
    BootstrapOptions o;
    o.resamples = 300;
    o.seed = 7;
    const Interval a = bootstrapAccuracy(c, o);
    const Interval b = bootstrapAccuracy(c, o);
    QCOMPARE(a.lower, b.lower);
    QCOMPARE(a.upper, b.upper);
    const Interval f1a = bootstrapMacroF1(c, o);
    const Interval f1b = bootstrapMacroF1(c, o);
    QCOMPARE(f1a.lower, f1b.lower);
    QCOMPARE(f1a.upper, f1b.upper);
    o.seed = 8;
    const Interval other = bootstrapAccuracy(c, o);
    QVERIFY(other.lower != a.lower || other.upper != a.upper);
    o.resamples = 0;
    QVERIFY_THROWS_EXCEPTION(ft::Error, bootstrapAccuracy(c, o));
}

void TstMetrics::bootstrapIntervalBracketsEstimate() {
    // multiclass3: 400 rows, accuracy 0.7075. The normal approximation gives a 95 %
    // half-width of 1.96 * sqrt(0.7075 * 0.2925 / 400) = 0.0446; the percentile
    // interval must be close to it.
    const Classification c = fromCase(cases().at("cases")[5]);
    BootstrapOptions o;
    o.resamples = 2000;
    const Interval a = bootstrapAccuracy(c, o);
    QCOMPARE(a.estimate, 0.7075);
    QVERIFY(a.lower < a.estimate && a.estimate < a.upper);
    QVERIFY2(std::fabs((a.upper - a.lower) / 2 - 0.0446) < 0.006,
             qPrintable(QString("interval [%1, %2]").arg(a.lower).arg(a.upper)));
    const Interval f = bootstrapMacroF1(c, o);
    QVERIFY(f.lower < f.estimate && f.estimate < f.upper);
}

void TstMetrics::mcnemar_data() {
    QTest::addColumn<qint64>("onlyA");
    QTest::addColumn<qint64>("onlyB");
    QTest::addColumn<bool>("exact");
    QTest::addColumn<double>("statistic");
    QTest::addColumn<double>("pValue");
    // Exact: 2 * P[Bin(10, 1/2) <= 1] = 2 * 11 / 1024.
    QTest::newRow("exact 1 vs 9") << qint64(1) << qint64(9) << true << 1.0 << 22.0 / 1024;
    // 2 * (1 + 8 + 28 + 56) / 256 = 0.7265625.
    QTest::newRow("exact 5 vs 3") << qint64(5) << qint64(3) << true << 3.0 << 0.7265625;
    QTest::newRow("exact equal") << qint64(4) << qint64(4) << true << 4.0 << 1.0;
    QTest::newRow("no discordant pairs") << qint64(0) << qint64(0) << true << 0.0 << 1.0;
    // Chi-square: (|30 - 10| - 1)^2 / 40 = 9.025; chi2(1).sf(9.025) = 0.0026631...
    QTest::newRow("chi-square 30 vs 10")
        << qint64(30) << qint64(10) << false << 9.025 << 0.002663119259138554;
    // (|12 - 13| - 1)^2 / 25 = 0 -> p = 1.
    QTest::newRow("chi-square 12 vs 13") << qint64(12) << qint64(13) << false << 0.0 << 1.0;
}

void TstMetrics::mcnemar() {
    QFETCH(qint64, onlyA);
    QFETCH(qint64, onlyB);
    QFETCH(bool, exact);
    QFETCH(double, statistic);
    QFETCH(double, pValue);
    const McNemar m = ft::metrics::mcnemar(onlyA, onlyB);
    QCOMPARE(m.exact, exact);
    QVERIFY(std::fabs(m.statistic - statistic) < 1e-12);
    QVERIFY2(std::fabs(m.pValue - pValue) < 1e-12, qPrintable(QString::number(m.pValue, 'g', 17)));
}

void TstMetrics::mcnemarFromPredictions() {
    const std::vector<int> truth{0, 1, 1, 0, 1, 0};
    const std::vector<int> a{0, 1, 0, 0, 1, 1};  // right on 0 1 3 4
    const std::vector<int> b{1, 1, 1, 1, 1, 0};  // right on 1 2 4 5
    const McNemar m = ft::metrics::mcnemar(truth, a, b);
    QCOMPARE(m.onlyA, int64_t(2));
    QCOMPARE(m.onlyB, int64_t(2));
    QCOMPARE(m.pValue, 1.0);
    QVERIFY_THROWS_EXCEPTION(ft::Error, ft::metrics::mcnemar(truth, a, {0}));
}

void TstMetrics::randomIsStable() {
    // Reference outputs of splitmix64 from seed 0 (Vigna's splitmix64.c).
    uint64_t state = 0;
    QCOMPARE(splitmix64(state), uint64_t(0xe220a8397b1dcdafULL));
    QCOMPARE(splitmix64(state), uint64_t(0x6e789e6aa1b965f4ULL));
    Random r1(123), r2(123);
    for (int i = 0; i < 100; ++i) {
        QCOMPARE(r1.next(), r2.next());
    }
    Random r(5);
    std::vector<int> counts(3, 0);
    for (int i = 0; i < 3000; ++i) {
        const uint64_t v = r.below(3);
        QVERIFY(v < 3);
        ++counts[v];
        const double u = r.uniform();
        QVERIFY(u >= 0 && u < 1);
    }
    for (int n : counts) {
        QVERIFY(n > 900 && n < 1100);
    }
}

void TstMetrics::reportJson() {
    Classification c = fromCase(cases().at("cases")[7]);  // a class never predicted
    c.labels = {"a", "b", "c", "d"};
    ReportOptions o;
    o.bootstrap.resamples = 50;
    const json j = computeReport(c, o).toJson();
    QCOMPARE(j.at("labels")[3].get<std::string>(), std::string("d"));
    QVERIFY(j.at("f1_macro").is_number());
    QVERIFY(j.at("roc_auc_ovo_macro").is_number());
    QCOMPARE(j.at("curves").size(), size_t(4));
    QCOMPARE(j.at("calibration").at("bins").size(), size_t(15));
    QVERIFY(j.at("accuracy_interval").at("lower").is_number());
    bool warned = false;
    for (const json& w : j.at("warnings")) {
        warned = warned || w.get<std::string>().find("class d is never predicted") == 0;
    }
    QVERIFY(warned);
    const json absent = computeReport(fromCase(cases().at("cases")[8]), o).toJson();
    QVERIFY(absent.at("roc_auc_ovr_macro").is_null());
    QVERIFY(absent.at("curves")[2].at("auc").is_null());
    QVERIFY(absent.at("curves")[2].at("roc_curve").at("tpr")[0].is_null());
}

QTEST_GUILESS_MAIN(TstMetrics)
#include "tst_metrics.moc"
