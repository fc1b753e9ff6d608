#include <filesystem>
#include <map>
#include <set>

#include <QTemporaryDir>
#include <QtTest>

#include "data/importer.h"
#include "data/reader.h"
#include "error.h"
#include "store/project.h"
#include "util/sha256.h"

using namespace ft;
using namespace ft::data;

namespace {

std::string sharedFile(const char* relative) {
    return std::string(FT_SHARED_DIR) + "/data/" + relative;
}

std::map<std::string, int64_t> countsOf(const store::Project& p, int64_t datasetId) {
    std::map<std::string, int64_t> out;
    for (const auto& lc : p.labelCounts(datasetId)) out[lc.label] = lc.count;
    return out;
}

std::string sha256sum(const std::string& path) {
    QProcess proc;
    proc.start("sha256sum", {QString::fromStdString(path)});
    if (!proc.waitForFinished(30000)) return {};
    return proc.readAllStandardOutput().left(64).toStdString();
}

}  // namespace

// Every file of ../shared/data/{sms-spam,trec,ag-news} through the real detector and
// importer, checked against the counts their SOURCE.md documents.
class TestSharedData : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        if (!QFileInfo::exists(QString::fromStdString(sharedFile("sms-spam/SMSSpamCollection")))) {
            QSKIP("shared data folder not found");
        }
    }

    void detection_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("separator");
        QTest::addColumn<int>("columns");
        QTest::newRow("sms") << "sms-spam/SMSSpamCollection"
                             << "lines"
                             << "\t" << 2;
        QTest::newRow("trec train") << "trec/TREC.train"
                                    << "lines"
                                    << " " << 2;
        QTest::newRow("trec test") << "trec/TREC.test"
                                   << "lines"
                                   << " " << 2;
        QTest::newRow("ag news") << "ag-news/test.csv"
                                 << "csv"
                                 << "" << 3;
    }
    void detection() {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(QString, separator);
        QFETCH(int, columns);
        const Detection d = detect(sharedFile(file.toUtf8().constData()));
        QCOMPARE(QString(toString(d.options.format)), format);
        QCOMPARE(QString::fromStdString(d.options.separator), separator);
        QCOMPARE(int(d.columns.size()), columns);
        QVERIFY(!d.notes.empty());
        QCOMPARE(int(d.preview.size()), 20);
        if (format == "csv") {
            // AG News has no header: its first field is the class number "3".
            QCOMPARE(d.options.header, std::optional<bool>(false));
            QCOMPARE(d.options.delimiter, ',');
            QCOMPARE(d.columns[0], std::string("column 1"));
            QCOMPARE(d.preview[0].fields[0], std::string("3"));
        } else {
            QCOMPARE(d.options.labelSide, LabelSide::First);
        }
    }

    void smsSpam() {
        QTemporaryDir tmp;
        store::Project p = store::Project::create(tmp.filePath("p").toStdString());
        ImportRequest req;
        req.path = sharedFile("sms-spam/SMSSpamCollection");
        req.mapping.text = "text";
        req.mapping.label = "label";
        const ImportResult r = importFile(p, req);
        QCOMPARE(r.rows, int64_t(5574));
        QCOMPARE(r.unlabelled, int64_t(0));
        QVERIFY(r.warnings.empty());
        const auto counts = countsOf(p, r.datasetId);
        QCOMPARE(counts.size(), size_t(2));
        QCOMPARE(counts.at("ham"), int64_t(4827));
        QCOMPARE(counts.at("spam"), int64_t(747));
        // Quotes are text here, not CSV quoting: 145 messages contain '"'.
        store::RowFilter quoted;
        quoted.contains = "\"";
        QCOMPARE(p.rowCount(r.datasetId, quoted), int64_t(145));
        const auto sources = p.sources(r.datasetId);
        QCOMPARE(sources.size(), size_t(1));
        QCOMPARE(sources[0].size, int64_t(477907));
        QCOMPARE(sources[0].sha256, sha256sum(req.path));
        QCOMPARE(sources[0].rowCount, int64_t(5574));
    }

    void trec_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("rows");
        QTest::addColumn<QList<int>>("coarse");  // ABBR DESC ENTY HUM LOC NUM
        QTest::addColumn<int>("fine");
        QTest::newRow("train") << "trec/TREC.train" << 5452
                               << QList<int>{86, 1162, 1250, 1223, 835, 896} << 50;
        QTest::newRow("test") << "trec/TREC.test" << 500 << QList<int>{9, 138, 94, 65, 81, 113}
                              << 42;
    }
    void trec() {
        QFETCH(QString, file);
        QFETCH(int, rows);
        QFETCH(QList<int>, coarse);
        QFETCH(int, fine);
        QTemporaryDir tmp;
        store::Project p = store::Project::create(tmp.filePath("p").toStdString());
        ImportRequest req;
        req.path = sharedFile(file.toUtf8().constData());
        req.format.labelPart = LabelPart::Coarse;
        req.mapping.text = "text";
        req.mapping.label = "label";
        const ImportResult r = importFile(p, req);
        QCOMPARE(r.rows, int64_t(rows));
        const auto counts = countsOf(p, r.datasetId);
        const char* names[] = {"ABBR", "DESC", "ENTY", "HUM", "LOC", "NUM"};
        QCOMPARE(counts.size(), size_t(6));
        for (int i = 0; i < 6; ++i) QCOMPARE(counts.at(names[i]), int64_t(coarse[i]));
        // raw_label keeps the fine label.
        std::set<std::string> fineLabels;
        for (const auto& row : p.rows(r.datasetId, {}, 0, rows)) {
            QVERIFY(row.rawLabel);
            QVERIFY(row.rawLabel->rfind(*row.label + ":", 0) == 0);
            fineLabels.insert(*row.rawLabel);
        }
        QCOMPARE(int(fineLabels.size()), fine);
        // The same file with the whole label gives the fine classes as labels.
        ImportRequest full = req;
        full.format.labelPart = LabelPart::Full;
        full.datasetName = "fine";
        const ImportResult f = importFile(p, full);
        QCOMPARE(int(p.labels(f.datasetId).size()), fine);
    }

    void trecLine66Warning() {
        QTemporaryDir tmp;
        store::Project p = store::Project::create(tmp.filePath("p").toStdString());
        ImportRequest req;
        req.path = sharedFile("trec/TREC.train");
        req.mapping.text = "text";
        req.mapping.label = "label";
        const ImportResult r = importFile(p, req);
        QCOMPARE(r.warnings.size(), size_t(1));
        QCOMPARE(r.warnings[0].line, int64_t(66));
        QVERIFY(QString::fromStdString(r.warnings[0].message).contains("0xF0"));
        // The row is kept, its byte read as Windows-1252 (0xF0 = U+00F0).
        store::RowFilter f;
        f.contains =
            "sister\xC3\xB0"
            "city";
        const auto rows = p.rows(r.datasetId, f, 0, 10);
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].line, int64_t(66));
        QCOMPARE(rows[0].label, std::optional<std::string>("LOC:city"));
        const auto sources = p.sources(r.datasetId);
        QVERIFY(QString::fromStdString(sources[0].warningsJson).contains("\"line\":66"));
    }

    void agNews_data() {
        QTest::addColumn<bool>("pair");
        QTest::newRow("text") << false;
        QTest::newRow("title + text pair") << true;
    }
    void agNews() {
        QFETCH(bool, pair);
        QTemporaryDir tmp;
        store::Project p = store::Project::create(tmp.filePath("p").toStdString());
        ImportRequest req;
        req.path = sharedFile("ag-news/test.csv");
        req.mapping.label = "column 1";
        req.mapping.text = pair ? "column 2" : "column 3";
        if (pair) req.mapping.textPair = "column 3";
        req.mapping.labelRenames = {
            {"1", "World"}, {"2", "Sports"}, {"3", "Business"}, {"4", "Sci/Tech"}};
        const ImportResult r = importFile(p, req);
        QCOMPARE(r.rows, int64_t(7600));
        const auto counts = countsOf(p, r.datasetId);
        QCOMPARE(counts.size(), size_t(4));
        for (const char* name : {"World", "Sports", "Business", "Sci/Tech"}) {
            QCOMPARE(counts.at(name), int64_t(1900));
        }
        QCOMPARE(p.dataset(r.datasetId)->hasPair, pair);
        const auto first = p.rows(r.datasetId, {}, 0, 1).at(0);
        QCOMPARE(first.rawLabel, std::optional<std::string>("3"));
        QCOMPARE(first.label, std::optional<std::string>("Business"));
        if (pair) {
            QCOMPARE(first.text, std::string("Fears for T N pension after talks"));
            QVERIFY(first.textPair && first.textPair->rfind("Unions representing", 0) == 0);
        } else {
            QVERIFY(first.text.rfind("Unions representing", 0) == 0);
        }
        QCOMPARE(p.sources(r.datasetId).at(0).sha256,
                 std::string("521465c2428ed7f02f8d6db6ffdd4b5447c1c701962353eb2c40d548c3c85699"));
    }

    // Several files in one dataset: each row keeps its source.
    void allTrecIntoOneDataset() {
        QTemporaryDir tmp;
        store::Project p = store::Project::create(tmp.filePath("p").toStdString());
        ImportRequest req;
        req.format.labelPart = LabelPart::Coarse;
        req.mapping.text = "text";
        req.mapping.label = "label";
        req.datasetName = "trec";
        req.path = sharedFile("trec/TREC.train");
        const ImportResult a = importFile(p, req);
        req.path = sharedFile("trec/TREC.test");
        const ImportResult b = importFile(p, req);
        QCOMPARE(a.datasetId, b.datasetId);
        QVERIFY(a.sourceId != b.sourceId);
        QCOMPARE(p.dataset(a.datasetId)->rowCount, int64_t(5952));
        QCOMPARE(p.sources(a.datasetId).size(), size_t(2));
        QCOMPARE(p.rows(a.datasetId, {}, 5451, 1).at(0).sourceId, a.sourceId);
        QCOMPARE(p.rows(a.datasetId, {}, 5452, 1).at(0).sourceId, b.sourceId);
        QCOMPARE(p.rows(a.datasetId, {}, 5452, 1).at(0).rowIndex, int64_t(0));
        QCOMPARE(countsOf(p, a.datasetId).at("NUM"), int64_t(896 + 113));
    }
};

QTEST_GUILESS_MAIN(TestSharedData)
#include "tst_shareddata.moc"
