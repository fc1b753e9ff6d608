#include <filesystem>
#include <fstream>

#include <QTemporaryDir>
#include <QtTest>

#include "data/importer.h"
#include "error.h"
#include "store/project.h"
#include "util/sha256.h"

using namespace ft;
using namespace ft::data;

namespace {

std::string writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content) {
    const std::string path = dir.filePath(name).toStdString();
    std::ofstream(path, std::ios::binary).write(content.constData(), content.size());
    return path;
}

ImportRequest request(const std::string& path, const std::string& text, const std::string& label) {
    ImportRequest r;
    r.path = path;
    r.mapping.text = text;
    r.mapping.label = label;
    return r;
}

}  // namespace

class TestImporter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Rows, labels (renamed, raw kept, empty -> NULL) and the recorded source.
    void csvWithRenamesAndUnlabelled() {
        QTemporaryDir tmp;
        const QByteArray content =
            "text,label\ngreat film,pos\nawful film,neg\nno idea, \nloved it, pos\n";
        const std::string path = writeFile(tmp, "reviews.csv", content);
        store::Project p = store::Project::create(tmp.filePath("p").toStdString());
        ImportRequest req = request(path, "text", "label");
        req.mapping.labelRenames = {{"pos", "positive"}};
        const ImportResult r = importFile(p, req);
        QCOMPARE(r.rows, int64_t(4));
        QCOMPARE(r.unlabelled, int64_t(1));
        QCOMPARE(r.labelCounts,
                 (std::vector<std::pair<std::string, int64_t>>{{"positive", 2}, {"neg", 1}}));
        QCOMPARE(p.dataset(r.datasetId)->name, std::string("reviews"));
        QCOMPARE(p.labels(r.datasetId), (std::vector<std::string>{"positive", "neg"}));
        const auto rows = p.rows(r.datasetId, {}, 0, 10);
        QCOMPARE(rows.size(), size_t(4));
        QCOMPARE(rows[0].text, std::string("great film"));
        QCOMPARE(rows[0].label, std::optional<std::string>("positive"));
        QCOMPARE(rows[0].rawLabel, std::optional<std::string>("pos"));
        QCOMPARE(rows[0].line, int64_t(2));
        QCOMPARE(rows[2].label, std::nullopt);
        QCOMPARE(rows[2].rawLabel, std::nullopt);
        QCOMPARE(rows[3].rawLabel, std::optional<std::string>(" pos"));
        QCOMPARE(rows[3].rowIndex, int64_t(3));

        const auto src = p.sources(r.datasetId).at(0);
        QVERIFY(std::filesystem::path(src.path).is_absolute());
        QCOMPARE(src.path, std::filesystem::canonical(path).string());
        QCOMPARE(src.size, int64_t(content.size()));
        QCOMPARE(src.sha256,
                 util::Sha256::hex(std::string_view(content.constData(), size_t(content.size()))));
        QCOMPARE(src.rowCount, int64_t(4));
        const FormatOptions fo = formatOptionsFromJson(src.formatJson);
        QCOMPARE(fo.format, Format::Csv);
        QCOMPARE(fo.delimiter, ',');
        QCOMPARE(fo.header, std::optional<bool>(true));
        const ColumnMapping m = columnMappingFromJson(src.mappingJson);
        QCOMPARE(m.text, std::string("text"));
        QCOMPARE(m.labelRenames.at("pos"), std::string("positive"));
        QCOMPARE(src.warningsJson, std::string("[]"));
    }

    void formats_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("expected");  // text=label;...
        QTest::newRow("json") << "a.json"
                              << QByteArray(
                                     "[{\"body\": \"x y\", \"stars\": 5}, {\"body\": \"z\", "
                                     "\"stars\": 1.0}, {\"body\": \"w\"}]")
                              << "body"
                              << "stars"
                              << "x y=5;z=1.0;w=";
        QTest::newRow("jsonl")
            << "a.jsonl"
            << QByteArray("{\"t\": \"a\", \"ok\": true}\n\n{\"t\": \"b\", \"ok\": false}\n") << "t"
            << "ok"
            << "a=true;b=false";
        QTest::newRow("tsv") << "a.tsv"
                             << QByteArray("text\tlabel\n\"quoted\" text\tpos\nplain\tneg\n")
                             << "text"
                             << "label"
                             << "\"quoted\" text=pos;plain=neg";
        QTest::newRow("text;label lines")
            << "a.txt" << QByteArray("good; very;pos\nbad;neg\nok;pos\nno;neg\n") << "text"
            << "label"
            << "good; very=pos;bad=neg;ok=pos;no=neg";
    }
    void formats() {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, text);
        QFETCH(QString, label);
        QFETCH(QString, expected);
        QTemporaryDir tmp;
        store::Project p = store::Project::create(tmp.filePath("p").toStdString());
        const ImportResult r = importFile(
            p, request(writeFile(tmp, name, content), text.toStdString(), label.toStdString()));
        QStringList got;
        for (const auto& row : p.rows(r.datasetId, {}, 0, 100)) {
            got << QString::fromStdString(row.text) + "=" +
                       QString::fromStdString(row.label.value_or(""));
        }
        QCOMPARE(got.join(';'), expected);
    }

    void textPair() {
        QTemporaryDir tmp;
        const std::string path = writeFile(tmp, "nli.csv",
                                           "premise,hypothesis,label\nA man eats,Someone "
                                           "eats,entail\nA dog runs,A cat sleeps,contradict\n");
        store::Project p = store::Project::create(tmp.filePath("p").toStdString());
        ImportRequest req = request(path, "premise", "label");
        req.mapping.textPair = "hypothesis";
        const ImportResult r = importFile(p, req);
        QVERIFY(p.dataset(r.datasetId)->hasPair);
        const auto row = p.rows(r.datasetId, {}, 1, 1).at(0);
        QCOMPARE(row.text, std::string("A dog runs"));
        QCOMPARE(row.textPair, std::optional<std::string>("A cat sleeps"));
    }

    void unlabelledImport() {
        QTemporaryDir tmp;
        const std::string path = writeFile(tmp, "texts.csv", "text,label\nfirst,a\nsecond,b\n");
        store::Project p = store::Project::create(tmp.filePath("p").toStdString());
        const ImportResult r = importFile(p, request(path, "text", ""));
        QCOMPARE(r.unlabelled, int64_t(2));
        QVERIFY(p.labels(r.datasetId).empty());
    }

    void severalFilesOneDataset() {
        QTemporaryDir tmp;
        const std::string a = writeFile(tmp, "a.csv", "text,label\none,x\ntwo,y\n");
        const std::string b = writeFile(
            tmp, "b.jsonl",
            "{\"text\": \"three\", \"label\": \"z\"}\n{\"text\": \"four\", \"label\": \"x\"}\n");
        store::Project p = store::Project::create(tmp.filePath("p").toStdString());
        const int64_t other = p.createDataset("other");
        ImportRequest ra = request(a, "text", "label");
        ra.datasetName = "mixed";
        ImportRequest rb = request(b, "text", "label");
        rb.datasetName = "mixed";
        const ImportResult x = importFile(p, ra);
        const ImportResult y = importFile(p, rb);
        QCOMPARE(x.datasetId, y.datasetId);
        QVERIFY(x.datasetId != other);
        const auto rows = p.rows(x.datasetId, {}, 0, 10);
        QCOMPARE(rows.size(), size_t(4));
        QCOMPARE(rows[1].sourceId, x.sourceId);
        QCOMPARE(rows[2].sourceId, y.sourceId);
        QCOMPARE(rows[2].rowIndex, int64_t(0));
        QCOMPARE(p.labels(x.datasetId), (std::vector<std::string>{"x", "y", "z"}));
        QCOMPARE(p.sources(x.datasetId).size(), size_t(2));
        QCOMPARE(p.dataset(other)->rowCount, int64_t(0));
        // "" imports into the default dataset (the newest).
        const ImportResult z = importFile(p, request(a, "text", "label"));
        QCOMPARE(z.datasetId, x.datasetId);
    }

    void progressAndCancel() {
        QTemporaryDir tmp;
        QByteArray content("text,label\n");
        for (int i = 0; i < 30000; ++i)
            content += "row number " + QByteArray::number(i) + (i % 3 ? ",a\n" : ",b\n");
        const std::string path = writeFile(tmp, "many.csv", content);
        store::Project p = store::Project::create(tmp.filePath("p").toStdString());
        p.createDataset("keep");

        std::vector<double> fractions;
        int polls = 0;
        Progress cancelling;
        cancelling.onProgress = [&](double f, const std::string&) { fractions.push_back(f); };
        cancelling.shouldStop = [&] { return ++polls >= 3; };
        try {
            importFile(p, request(path, "text", "label"), cancelling);
            QFAIL("not cancelled");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Cancelled);
            QVERIFY(QString(e.what()).contains("many.csv"));
        }
        QVERIFY(fractions.size() >= 2);
        QVERIFY(fractions.back() < 1.0);
        const auto datasets = p.datasets();
        QCOMPARE(datasets.size(), size_t(1));
        QCOMPARE(datasets[0].rowCount, int64_t(0));
        QVERIFY(p.sources(datasets[0].id).empty());

        fractions.clear();
        Progress plain;
        plain.onProgress = [&](double f, const std::string&) { fractions.push_back(f); };
        const ImportResult r = importFile(p, request(path, "text", "label"), plain);
        QCOMPARE(r.rows, int64_t(30000));
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(fractions.back(), 1.0);
        QVERIFY(fractions.size() > 3);
    }

    void mappingJsonRoundTrip() {
        ColumnMapping m;
        m.text = "a";
        m.textPair = "b";
        m.label = "c";
        m.labelRenames = {{"1", "one"}, {"2", "two"}};
        const ColumnMapping back = columnMappingFromJson(toJson(m));
        QCOMPARE(back.text, m.text);
        QCOMPARE(back.textPair, m.textPair);
        QCOMPARE(back.label, m.label);
        QCOMPARE(back.labelRenames, m.labelRenames);
        QVERIFY_THROWS_EXCEPTION(Error, columnMappingFromJson("[1"));
    }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
