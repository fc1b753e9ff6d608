#include <array>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include "core/data/datasetfixture.h"
#include "data/cleaner.h"
#include "data/splitter.h"
#include "error.h"
#include "store/project.h"
#include "store/sqlite.h"

using namespace ft::data;
using ft::store::Project;
using ft::store::SplitPart;

namespace {

using ft::test::makeDataset;
using ft::test::TestRow;

// "a:100,b:37" -> 100 rows labelled a and 37 labelled b, all texts distinct.
std::vector<TestRow> classRows(const QString& spec) {
    std::vector<TestRow> rows;
    for (const QString& item : spec.split(',')) {
        const QStringList kv = item.split(':');
        const int n = kv[1].toInt();
        for (int i = 0; i < n; ++i) {
            rows.push_back(
                {kv[0].toStdString() + " text " + std::to_string(i), kv[0].toStdString()});
        }
    }
    return rows;
}

constexpr SplitPart kParts[] = {SplitPart::Train, SplitPart::Validation, SplitPart::Test};

// Part of every row in the latest split, read back from the project.
std::map<int64_t, int> partsOf(const Project& p, int64_t splitId) {
    std::map<int64_t, int> out;
    for (SplitPart part : kParts) {
        for (int64_t id : p.splitRowIds(splitId, part)) {
            out.emplace(id, static_cast<int>(part));
        }
    }
    return out;
}

std::vector<std::vector<int64_t>> partIds(const Project& p, int64_t splitId) {
    std::vector<std::vector<int64_t>> out;
    for (SplitPart part : kParts) out.push_back(p.splitRowIds(splitId, part));
    return out;
}

// Checks from the stored split that every class's part sizes are within one row
// of ratio x class size; `total` gets the number of rows split.
void verifyStratified(const Project& p, int64_t ds, int64_t splitId,
                      const std::vector<double>& ratios, int64_t* total) {
    const auto parts = partsOf(p, splitId);
    std::map<std::string, std::array<int64_t, 3>> perClass;
    for (const auto& row : p.rows(ds, {}, 0, 1000000)) {
        const auto it = parts.find(row.id);
        if (it == parts.end()) continue;
        perClass[*row.label][it->second] += 1;
    }
    *total = 0;
    for (const auto& [label, counts] : perClass) {
        const int64_t n = counts[0] + counts[1] + counts[2];
        *total += n;
        for (int k = 0; k < 3; ++k) {
            const double quota = ratios[k] * static_cast<double>(n);
            const QString what = QString("class %1 part %2: %3 rows, quota %4")
                                     .arg(QString::fromStdString(label))
                                     .arg(k)
                                     .arg(counts[k])
                                     .arg(quota);
            QVERIFY2(std::fabs(static_cast<double>(counts[k]) - quota) < 1.0 + 1e-9,
                     qPrintable(what));
        }
    }
}

// Identical effective texts never in two parts, checked from the stored split.
int textsInTwoParts(const Project& p, int64_t ds, int64_t splitId) {
    const auto parts = partsOf(p, splitId);
    std::map<std::string, std::set<int>> partsOfText;
    for (const auto& row : p.rows(ds, {}, 0, 1000000)) {
        const auto it = parts.find(row.id);
        if (it != parts.end()) partsOfText[row.cleanText.value_or(row.text)].insert(it->second);
    }
    int n = 0;
    for (const auto& [text, set] : partsOfText) n += set.size() > 1;
    return n;
}

void expectRefusal(Project& p, int64_t ds, const SplitOptions& options, const QString& mentions) {
    try {
        splitDataset(p, ds, options);
        QFAIL("the split was not refused");
    } catch (const ft::Error& e) {
        QCOMPARE(e.code(), ft::ErrorCode::InvalidArgument);
        QVERIFY2(QString::fromUtf8(e.what()).contains(mentions), e.what());
    }
    QVERIFY(!p.latestSplit(ds));
}

}  // namespace

class TestSplitter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void stratifiedProportions_data() {
        QTest::addColumn<QString>("classes");
        QTest::addColumn<QString>("ratios");
        QTest::addColumn<qulonglong>("seed");
        QTest::newRow("two classes") << "ham:100,spam:37"
                                     << "70,15,15" << 42ull;
        QTest::newRow("uneven") << "a:1001,b:17,c:5,d:3"
                                << "70,15,15" << 7ull;
        QTest::newRow("80/10/10") << "a:333,b:334,c:335"
                                  << "0.8,0.1,0.1" << 1ull;
        QTest::newRow("no validation") << "x:50,y:51"
                                       << "80,0,20" << 3ull;
        QTest::newRow("thirds") << "x:10,y:11,z:12"
                                << "0.34,0.33,0.33" << 99ull;
    }
    void stratifiedProportions() {
        QFETCH(QString, classes);
        QFETCH(QString, ratios);
        QFETCH(qulonglong, seed);
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        const auto rows = classRows(classes);
        const int64_t ds = makeDataset(p, rows);
        SplitOptions options;
        options.ratios = SplitOptions::parseRatios(ratios.toStdString());
        options.seed = seed;
        const SplitReport report = splitDataset(p, ds, options);
        QVERIFY(report.splitId > 0);
        QCOMPARE(p.latestSplit(ds)->id, report.splitId);
        int64_t total = -1;
        verifyStratified(p, ds, report.splitId, options.ratios, &total);
        if (QTest::currentTestFailed()) return;
        QCOMPARE(total, static_cast<int64_t>(rows.size()));
        // The report agrees with the stored split.
        const auto ids = partIds(p, report.splitId);
        QCOMPARE(report.train.total, static_cast<int64_t>(ids[0].size()));
        QCOMPARE(report.validation.total, static_cast<int64_t>(ids[1].size()));
        QCOMPARE(report.test.total, static_cast<int64_t>(ids[2].size()));
        QCOMPARE(report.train.perLabel.size(), size_t(classes.count(':')));
        QCOMPARE(report.textsInTwoParts, int64_t(0));
        QCOMPARE(report.duplicateGroups, int64_t(0));
    }

    void randomSplitSizes_data() {
        QTest::addColumn<int>("rows");
        QTest::addColumn<QString>("ratios");
        QTest::newRow("101") << 101 << "70,15,15";
        QTest::newRow("1000") << 1000 << "0.6,0.2,0.2";
        QTest::newRow("7") << 7 << "50,25,25";
        QTest::newRow("odd ratios") << 997 << "0.333,0.333,0.334";
    }
    void randomSplitSizes() {
        QFETCH(int, rows);
        QFETCH(QString, ratios);
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        std::vector<TestRow> data;
        // Very unbalanced on purpose: random mode must not care about labels.
        for (int i = 0; i < rows; ++i)
            data.push_back({"t" + std::to_string(i), i % 10 ? "a" : "b"});
        const int64_t ds = makeDataset(p, data);
        SplitOptions options;
        options.stratify = false;
        options.ratios = SplitOptions::parseRatios(ratios.toStdString());
        const SplitReport report = splitDataset(p, ds, options);
        const auto ids = partIds(p, report.splitId);
        int64_t total = 0;
        for (int k = 0; k < 3; ++k) {
            const double quota = options.ratios[k] * rows;
            QVERIFY2(
                std::fabs(static_cast<double>(ids[k].size()) - quota) < 1.0,
                qPrintable(
                    QString("part %1: %2 rows, quota %3").arg(k).arg(ids[k].size()).arg(quota)));
            total += static_cast<int64_t>(ids[k].size());
        }
        QCOMPARE(total, int64_t(rows));
        QVERIFY(!p.latestSplit(ds)->stratified);
    }

    void seeds() {
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        const int64_t ds = makeDataset(p, classRows("a:200,b:60,c:40"));
        SplitOptions options;
        options.seed = 1234;
        const auto first = partIds(p, splitDataset(p, ds, options).splitId);
        const auto again = partIds(p, splitDataset(p, ds, options).splitId);
        QVERIFY(first == again);
        options.seed = 1235;
        const auto other = partIds(p, splitDataset(p, ds, options).splitId);
        QVERIFY(first != other);
        QCOMPARE(other[0].size(), first[0].size());  // same sizes, other rows
        options.stratify = false;
        options.seed = 1234;
        const auto random = partIds(p, splitDataset(p, ds, options).splitId);
        QVERIFY(random == partIds(p, splitDataset(p, ds, options).splitId));
    }

    void goldenSplit() {
        // The generator is ours (xoshiro256** + Fisher-Yates), so this exact split
        // must come out on every platform and standard library.
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        std::vector<TestRow> data;
        for (int i = 0; i < 20; ++i)
            data.push_back({"row " + std::to_string(i), i < 12 ? "a" : "b"});
        const int64_t ds = makeDataset(p, data);
        SplitOptions options;
        options.ratios = {0.6, 0.2, 0.2};
        const auto ids = partIds(p, splitDataset(p, ds, options).splitId);
        const std::vector<std::vector<int64_t>> expected = {
            {1, 2, 3, 4, 5, 11, 12, 15, 16, 17, 19, 20}, {6, 7, 10, 14}, {8, 9, 13, 18}};
        QCOMPARE(ids, expected);
    }

    void noTextInTwoParts_data() {
        QTest::addColumn<bool>("stratify");
        QTest::newRow("stratified") << true;
        QTest::newRow("random") << false;
    }
    void noTextInTwoParts() {
        QFETCH(bool, stratify);
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        std::vector<TestRow> data;
        // 30 texts repeated 15 times each (t % 4 == 0 never occurs for i % 4 != 0),
        // with a third label mixed into every group, plus 150 unique texts; a
        // third of the duplicates differ only in case, which the cleaning removes,
        // so they must be grouped by their cleaned text.
        for (int i = 0; i < 600; ++i) {
            const int t = (i * 7) % 40;
            const std::string label = (i % 5 == 0) ? "c" : (t % 2 ? "a" : "b");
            std::string text = "text " + std::to_string(t);
            if (i % 3 == 0) text = "TEXT " + std::to_string(t);
            data.push_back({i % 4 == 0 ? "unique " + std::to_string(i) : text, label});
        }
        const int64_t ds = makeDataset(p, data);
        Pipeline lower;
        lower.steps = {Step::Lowercase};
        applyCleaning(p, ds, lower);
        SplitOptions options;
        options.stratify = stratify;
        for (uint64_t seed : {1ull, 2ull, 3ull, 42ull}) {
            options.seed = seed;
            const SplitReport report = splitDataset(p, ds, options);
            QCOMPARE(report.duplicateGroups, int64_t(30));
            QCOMPARE(report.textsInTwoParts, int64_t(0));
            QCOMPARE(textsInTwoParts(p, ds, report.splitId), 0);
            QCOMPARE(report.train.total + report.validation.total + report.test.total,
                     int64_t(600));
            QVERIFY(report.validation.total > 0 && report.test.total > 0);
        }
    }

    void exclusions() {
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        auto data = classRows("a:30,b:30");
        data.push_back({"no label", std::nullopt});
        data.push_back({"no label 2", std::nullopt});
        data.push_back({"a text 0", "a"});  // exact duplicate, dropped below
        const int64_t ds = makeDataset(p, data);
        Pipeline dedupe;
        dedupe.steps = {Step::DropDuplicates};
        QCOMPARE(applyCleaning(p, ds, dedupe).droppedDuplicates, int64_t(1));
        const SplitReport report = splitDataset(p, ds, SplitOptions{});
        QCOMPARE(report.excludedUnlabelled, int64_t(2));
        QCOMPARE(report.excludedDropped, int64_t(1));
        QCOMPARE(report.train.total + report.validation.total + report.test.total, int64_t(60));
        QCOMPARE(static_cast<int64_t>(partsOf(p, report.splitId).size()), int64_t(60));

        // The JSON the CLI prints.
        const auto j = nlohmann::json::parse(report.toJson());
        QCOMPARE(j["split_id"].get<int64_t>(), report.splitId);
        QCOMPARE(j["seed"].get<uint64_t>(), uint64_t(42));
        QCOMPARE(j["excluded"]["unlabelled"].get<int64_t>(), int64_t(2));
        QCOMPARE(j["excluded"]["dropped"].get<int64_t>(), int64_t(1));
        QCOMPARE(j["leakage"]["texts_in_two_parts"].get<int64_t>(), int64_t(0));
        QCOMPARE(j["parts"]["train"]["labels"][0]["label"].get<std::string>(), std::string("a"));
        QCOMPARE(j["parts"]["train"]["labels"][0]["count"].get<int64_t>(), int64_t(21));
        QCOMPARE(j["parts"]["test"]["total"].get<int64_t>(), report.test.total);
        // The stored report has the same content.
        const auto stored = nlohmann::json::parse(p.latestSplit(ds)->reportJson);
        QCOMPARE(stored["parts"], j["parts"]);
    }

    void oneClassRefused() {
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        auto data = classRows("ham:50");
        data.push_back({"unlabelled spam", std::nullopt});
        const int64_t ds = makeDataset(p, data);
        p.ensureLabel(ds, "spam");  // in the label set, but no row has it
        expectRefusal(p, ds, SplitOptions{},
                      "only one class ('ham') has labelled rows: a classifier needs at least two");
        const int64_t empty = p.createDataset("empty");
        expectRefusal(p, empty, SplitOptions{}, "no labelled rows");
    }

    void badRatios_data() {
        QTest::addColumn<QList<double>>("ratios");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("sum") << QList<double>{0.7, 0.2, 0.2} << "sum to 1.1";
        QTest::newRow("negative") << QList<double>{1.1, -0.1, 0.0} << "-0.1";
        QTest::newRow("two values") << QList<double>{0.8, 0.2} << "three values";
        QTest::newRow("no train") << QList<double>{0.0, 0.5, 0.5} << "no rows to train";
        QTest::newRow("nan") << QList<double>{NAN, 0.5, 0.5} << "nan";
    }
    void badRatios() {
        QFETCH(QList<double>, ratios);
        QFETCH(QString, mentions);
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        const int64_t ds = makeDataset(p, classRows("a:50,b:50"));
        SplitOptions options;
        options.ratios.assign(ratios.begin(), ratios.end());
        expectRefusal(p, ds, options, mentions);
    }

    void tooFewRows() {
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        const int64_t ds = makeDataset(p, classRows("a:2,b:2"));
        expectRefusal(p, ds, SplitOptions{}, "the validation part would be empty");
        // Without a validation part the same rows split.
        SplitOptions options;
        options.ratios = {0.5, 0.0, 0.5};
        const SplitReport report = splitDataset(p, ds, options);
        QCOMPARE(report.train.total, int64_t(2));
        QCOMPARE(report.validation.total, int64_t(0));
        QCOMPARE(report.test.total, int64_t(2));
    }

    void parseRatios_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<double>>("expected");
        QTest::newRow("percent") << "70,15,15" << QList<double>{0.7, 0.15, 0.15};
        QTest::newRow("fractions") << "0.8, 0.1, 0.1" << QList<double>{0.8, 0.1, 0.1};
        QTest::newRow("percent signs") << "80%,0%,20%" << QList<double>{0.8, 0.0, 0.2};
        QTest::newRow("one") << "1,0,0" << QList<double>{1.0, 0.0, 0.0};
    }
    void parseRatios() {
        QFETCH(QString, text);
        QFETCH(QList<double>, expected);
        const auto r = SplitOptions::parseRatios(text.toStdString());
        QCOMPARE(r.size(), size_t(expected.size()));
        for (size_t i = 0; i < r.size(); ++i) QVERIFY(std::fabs(r[i] - expected[int(i)]) < 1e-12);
    }

    void parseRatiosRefused_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("two") << "80,20"
                             << "'80,20'";
        QTest::newRow("sum") << "70,20,20"
                             << "'70,20,20' sum to 110";
        QTest::newRow("word") << "70,abc,15"
                              << "'abc'";
        QTest::newRow("negative") << "110,-10,0"
                                  << "'-10'";
        QTest::newRow("empty item") << "70,,30"
                                    << "''";
        QTest::newRow("empty") << ""
                               << "''";
    }
    void parseRatiosRefused() {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        try {
            SplitOptions::parseRatios(text.toStdString());
            QFAIL("accepted");
        } catch (const ft::Error& e) {
            QCOMPARE(e.code(), ft::ErrorCode::InvalidArgument);
            QVERIFY2(QString::fromUtf8(e.what()).contains(mentions), e.what());
        }
    }

    void cancelSavesNothing() {
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        const int64_t ds = makeDataset(p, classRows("a:50,b:50"));
        ft::Progress progress;
        progress.shouldStop = [] { return true; };
        try {
            splitDataset(p, ds, SplitOptions{}, progress);
            QFAIL("cancel was ignored");
        } catch (const ft::Error& e) {
            QCOMPARE(e.code(), ft::ErrorCode::Cancelled);
        }
        QVERIFY(!p.latestSplit(ds));
    }

    void smsSpam() {
        // The real UCI SMS Spam Collection: label<TAB>text, split at the first TAB.
        std::ifstream in(FT_SHARED_DIR "/data/sms-spam/SMSSpamCollection", std::ios::binary);
        QVERIFY2(in, FT_SHARED_DIR "/data/sms-spam/SMSSpamCollection is missing");
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        const int64_t ds = p.createDataset("sms");
        {
            ft::store::Transaction tx(p.handle());
            ft::store::SourceInfo src;
            src.datasetId = ds;
            src.path = "SMSSpamCollection";
            src.sha256 = "7d039a24a6083ed9ef0f806ebad56bbb976e3aeb8de05669173bfdc4996c239d";
            src.formatJson = "{}";
            src.mappingJson = "{}";
            const int64_t sourceId = p.addSource(src);
            ft::store::RowInserter ins(p.handle(), ds, sourceId);
            std::string line;
            int64_t n = 0;
            while (std::getline(in, line)) {
                const size_t tab = line.find('\t');
                QVERIFY(tab != std::string::npos);
                const std::string label = line.substr(0, tab);
                ins.insert(n, n + 1, std::string_view(line).substr(tab + 1), std::nullopt, label,
                           label);
                ++n;
            }
            QCOMPARE(n, int64_t(5574));
            tx.commit();
        }
        Pipeline dedupe;
        dedupe.steps = {Step::DropDuplicates};
        const CleaningReport cleaning = applyCleaning(p, ds, dedupe);
        QCOMPARE(cleaning.rows, int64_t(5574));
        QCOMPARE(cleaning.droppedDuplicates, int64_t(403));
        QCOMPARE(cleaning.droppedExactDuplicates, int64_t(403));
        QCOMPARE(cleaning.conflicts.size(), size_t(0));  // no duplicate carries both labels

        SplitOptions options;
        options.ratios = SplitOptions::parseRatios("70,15,15");
        options.seed = 42;
        options.stratify = true;
        const SplitReport report = splitDataset(p, ds, options);
        QCOMPARE(report.excludedDropped, int64_t(403));
        QCOMPARE(report.train.total + report.validation.total + report.test.total, int64_t(5171));
        int64_t total = -1;
        verifyStratified(p, ds, report.splitId, options.ratios, &total);
        if (QTest::currentTestFailed()) return;
        QCOMPARE(total, int64_t(5171));
        QCOMPARE(report.duplicateGroups, int64_t(0));
        QCOMPARE(report.textsInTwoParts, int64_t(0));
        QCOMPARE(textsInTwoParts(p, ds, report.splitId), 0);
        // Per-class proportions from the report too: spam is about 13 % of each part.
        for (const PartCounts* part : {&report.train, &report.validation, &report.test}) {
            QCOMPARE(part->perLabel.size(), size_t(2));
            QCOMPARE(part->perLabel[0].first, std::string("ham"));
            const double spamShare =
                static_cast<double>(part->perLabel[1].second) / static_cast<double>(part->total);
            QVERIFY2(spamShare > 0.12 && spamShare < 0.14, qPrintable(QString::number(spamShare)));
        }
    }
};

QTEST_GUILESS_MAIN(TestSplitter)
#include "tst_splitter.moc"
