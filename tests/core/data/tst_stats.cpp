#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include "core/data/datasetfixture.h"
#include "data/cleaner.h"
#include "data/splitter.h"
#include "data/stats.h"
#include "error.h"
#include "store/project.h"
#include "store/sqlite.h"

using namespace ft::data;
using ft::store::Project;

namespace {

using ft::test::TestRow;

int64_t makeDataset(Project& p, const std::string& name, const std::vector<TestRow>& rows) {
    return ft::test::makeDataset(p, rows, name, "/data/" + name + ".tsv", "abc123");
}

// Lengths in code points: 1, 3, 5 ("héllo" is 6 bytes), 3 (CJK, 9 bytes),
// 2 (unlabelled); the last row repeats "abc" and is dropped by the duplicates step.
const std::vector<TestRow> kRows{{"a", "ham"},       {"abc", "spam"},      {"héllo", "ham"},
                                 {"日本語", "spam"}, {"xy", std::nullopt}, {"abc", "ham"}};

}  // namespace

class TestStats : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countsAndLengths() {
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        const int64_t ds = makeDataset(p, "small", kRows);
        Pipeline dedupe;
        dedupe.steps = {Step::DropDuplicates};
        applyCleaning(p, ds, dedupe);

        const DatasetStats st = computeStats(p, ds);
        QCOMPARE(st.name, std::string("small"));
        QCOMPARE(st.rows, int64_t(6));
        QCOMPARE(st.dropped, int64_t(1));
        QCOMPARE(st.labelled, int64_t(4));
        QCOMPARE(st.unlabelled, int64_t(1));
        QCOMPARE(st.labelCounts.size(), size_t(2));
        QCOMPARE(st.labelCounts[0], (std::pair<std::string, int64_t>{"ham", 2}));
        QCOMPARE(st.labelCounts[1], (std::pair<std::string, int64_t>{"spam", 2}));
        // Kept lengths 1, 2, 3, 3, 5.
        QCOMPARE(st.minLength, int64_t(1));
        QCOMPARE(st.maxLength, int64_t(5));
        QCOMPARE(st.meanLength, 2.8);
        QCOMPARE(st.medianLength, 3.0);
        QCOMPARE(st.lengthBinWidth, int64_t(1));
        QVERIFY(st.lengthHistogram == (std::vector<int64_t>{1, 1, 2, 0, 1}));

        const DatasetStats coarse = computeStats(p, ds, 2);
        QCOMPARE(coarse.lengthBinWidth, int64_t(3));
        QVERIFY(coarse.lengthHistogram == (std::vector<int64_t>{4, 1}));
    }

    void median_data() {
        QTest::addColumn<QStringList>("texts");
        QTest::addColumn<double>("median");
        QTest::addColumn<double>("mean");
        QTest::newRow("even") << QStringList{"a", "abcd"} << 2.5 << 2.5;
        QTest::newRow("odd") << QStringList{"aaaaaaaaaa", "a", "ab"} << 2.0 << 13.0 / 3;
        QTest::newRow("emoji") << QStringList{"😀", "😀😀😀", "ü"} << 1.0 << 5.0 / 3;
        QTest::newRow("one") << QStringList{"hello"} << 5.0 << 5.0;
    }
    void median() {
        QFETCH(QStringList, texts);
        QFETCH(double, median);
        QFETCH(double, mean);
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        std::vector<TestRow> rows;
        for (const QString& t : texts) rows.push_back({t.toStdString(), "x"});
        const int64_t ds = makeDataset(p, "m", rows);
        const DatasetStats st = computeStats(p, ds);
        QCOMPARE(st.medianLength, median);
        QVERIFY(std::abs(st.meanLength - mean) < 1e-12);
        int64_t inHistogram = 0;
        for (int64_t n : st.lengthHistogram) inHistogram += n;
        QCOMPARE(inHistogram, int64_t(texts.size()));
        QVERIFY(st.lengthHistogram.size() <= 30);
    }

    void cleanedTextIsMeasured() {
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        const int64_t ds = makeDataset(p, "c", {{"a!!!", "x"}, {"b?", "y"}});
        QCOMPARE(computeStats(p, ds).maxLength, int64_t(4));
        Pipeline punct;
        punct.steps = {Step::Punctuation};
        applyCleaning(p, ds, punct);
        QCOMPARE(computeStats(p, ds).maxLength, int64_t(1));
    }

    void emptyDataset() {
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        const int64_t ds = p.createDataset("empty");
        const DatasetStats st = computeStats(p, ds);
        QCOMPARE(st.rows, int64_t(0));
        QCOMPARE(st.medianLength, 0.0);
        QVERIFY(st.lengthHistogram.empty());
        const auto j = nlohmann::json::parse(st.toJson());
        QVERIFY(j["split"].is_null());
        QVERIFY(j["cleaning"].is_null());
        QVERIFY(j["sources"].empty());
    }

    void json() {
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        const int64_t ds = makeDataset(p, "small", kRows);

        auto j = nlohmann::json::parse(computeStats(p, ds).toJson());
        for (const char* key : {"dataset", "rows", "labelled", "unlabelled", "dropped", "labels",
                                "length", "split", "cleaning", "sources"}) {
            QVERIFY2(j.contains(key), key);
        }
        for (const char* key : {"min", "max", "mean", "median", "bin_width", "histogram"}) {
            QVERIFY2(j["length"].contains(key), key);
        }
        QCOMPARE(j["dataset"]["name"].get<std::string>(), std::string("small"));
        QCOMPARE(j["rows"].get<int64_t>(), int64_t(6));
        QCOMPARE(j["labels"][1]["label"].get<std::string>(), std::string("spam"));
        QCOMPARE(j["labels"][0]["count"].get<int64_t>(), int64_t(3));
        QVERIFY(j["split"].is_null());
        QVERIFY(j["cleaning"].is_null());
        QCOMPARE(j["sources"].size(), size_t(1));
        QCOMPARE(j["sources"][0]["path"].get<std::string>(), std::string("/data/small.tsv"));
        QCOMPARE(j["sources"][0]["rows"].get<int64_t>(), int64_t(6));
        QCOMPARE(j["sources"][0]["sha256"].get<std::string>(), std::string("abc123"));

        Pipeline pipeline;
        pipeline.steps = {Step::Lowercase, Step::DropDuplicates};
        applyCleaning(p, ds, pipeline);
        SplitOptions options;
        options.ratios = {0.5, 0.0, 0.5};
        const SplitReport split = splitDataset(p, ds, options);

        j = nlohmann::json::parse(computeStats(p, ds).toJson());
        QCOMPARE(j["dropped"].get<int64_t>(), int64_t(1));
        QCOMPARE(j["cleaning"]["steps"], nlohmann::json({"lowercase", "duplicates"}));
        QCOMPARE(j["split"]["id"].get<int64_t>(), split.splitId);
        QCOMPARE(j["split"]["train"].get<int64_t>(), split.train.total);
        QCOMPARE(j["split"]["validation"].get<int64_t>(), int64_t(0));
        QCOMPARE(j["split"]["test"].get<int64_t>(), split.test.total);
        QCOMPARE(j["split"]["train"].get<int64_t>() + j["split"]["test"].get<int64_t>(),
                 int64_t(4));
        // Stable: the same project gives the same text.
        QCOMPARE(computeStats(p, ds).toJson(), computeStats(p, ds).toJson());
    }

    void errors() {
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        QVERIFY_THROWS_EXCEPTION(ft::Error, computeStats(p, 99));
        const int64_t ds = p.createDataset("d");
        QVERIFY_THROWS_EXCEPTION(ft::Error, computeStats(p, ds, 0));
    }
};

QTEST_GUILESS_MAIN(TestStats)
#include "tst_stats.moc"
