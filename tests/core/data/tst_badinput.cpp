#include <fstream>
#include <vector>

#include <QTemporaryDir>
#include <QtTest>

#include "data/importer.h"
#include "error.h"
#include "store/project.h"

using namespace ft;
using namespace ft::data;

Q_DECLARE_METATYPE(ft::ErrorCode)

namespace {

// What a failed import must leave untouched.
struct Snapshot {
    std::vector<std::tuple<int64_t, std::string, int64_t, size_t, size_t>> datasets;
    bool operator==(const Snapshot& o) const { return datasets == o.datasets; }
};

Snapshot snapshot(const store::Project& p) {
    Snapshot s;
    for (const auto& d : p.datasets()) {
        s.datasets.emplace_back(d.id, d.name, d.rowCount, p.sources(d.id).size(),
                                p.labels(d.id).size());
    }
    return s;
}

QByteArray utf16le(const QString& s) {
    QByteArray out("\xFF\xFE", 2);
    for (const QChar c : s) {
        out.append(char(c.unicode() & 0xFF));
        out.append(char(c.unicode() >> 8));
    }
    return out;
}

QByteArray manyRows(int n, int nulAtRow) {
    QByteArray out("text,label\n");
    for (int i = 1; i <= n; ++i) {
        out += "row number " + QByteArray::number(i);
        if (i == nulAtRow) out += QByteArray(1, '\0');
        out += i % 2 ? ",odd\n" : ",even\n";
    }
    return out;
}

}  // namespace

// Each row is a file that must fail with a clear ft::Error (code, file name, line)
// and leave the project exactly as it was, or (code -1) must import.
class TestBadInput : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void badInput_data() {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("format");  // "" = detect
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("label");
        QTest::addColumn<bool>("skipRagged");
        QTest::addColumn<int>("code");          // ft::ErrorCode, or -1 = must succeed
        QTest::addColumn<int>("line");          // expected ":line:" in the message, 0 = none
        QTest::addColumn<QString>("mentions");  // more text the message must contain
        QTest::addColumn<int>("rows");          // rows imported when it must succeed

        const int parse = int(ErrorCode::Parse), mapping = int(ErrorCode::Mapping);
        const int encoding = int(ErrorCode::Encoding), notFound = int(ErrorCode::NotFound);
        const QByteArray good("text,label\nhello there,pos\nbad day,neg\n");

        QTest::newRow("missing file") << "absent.csv" << QByteArray() << ""
                                      << "text"
                                      << "label" << false << notFound << 0 << "no such file" << 0;
        QTest::newRow("empty file") << "empty.csv" << QByteArray("") << ""
                                    << "text"
                                    << "label" << false << parse << 0 << "empty" << 0;
        QTest::newRow("only white space") << "blank.csv" << QByteArray(" \n\r\n\n") << ""
                                          << "text"
                                          << "label" << false << parse << 0 << "empty" << 0;
        QTest::newRow("header only") << "header.csv" << QByteArray("text,label\n") << ""
                                     << "text"
                                     << "label" << false << parse << 0 << "no data rows" << 0;
        QTest::newRow("binary") << "image.csv"
                                << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 24) << ""
                                << "text"
                                << "label" << false << encoding << 3 << "NUL" << 0;
        QTest::newRow("ragged row")
            << "ragged.csv" << QByteArray("text,label\na b,x\nc d,y,extra\ne f,x\n") << ""
            << "text"
            << "label" << false << parse << 3 << "3 fields, expected 2" << 0;
        QTest::newRow("ragged row skipped")
            << "ragged.csv" << QByteArray("text,label\na b,x\nc d,y,extra\ne f,x\n") << ""
            << "text"
            << "label" << true << -1 << 0 << "" << 2;
        QTest::newRow("unterminated quote")
            << "quote.csv" << QByteArray("text,label\nhello,pos\n\"never closed,neg\nmore,pos\n")
            << ""
            << "text"
            << "label" << false << parse << 3 << "column 1: unterminated quote" << 0;
        QTest::newRow("10 MB field")
            << "big.csv"
            << QByteArray("text,label\n\"" + QByteArray(10 << 20, 'x') + "\",long\nshort,tiny\n")
            << ""
            << "text"
            << "label" << false << -1 << 0 << "" << 2;
        QTest::newRow("missing label column")
            << "nolabel.csv" << QByteArray("text,category\nhello,pos\nbye,neg\n") << ""
            << "text"
            << "label" << false << mapping << 0 << "'text', 'category'" << 0;
        QTest::newRow("empty label column")
            << "emptylabel.csv" << QByteArray("text,label\nhello there,\nbad day,\n") << ""
            << "text"
            << "label" << false << mapping << 0 << "empty in every row" << 0;
        QTest::newRow("empty text column")
            << "emptytext.csv" << QByteArray("text,label\n,pos\n,neg\n") << ""
            << "text"
            << "label" << false << mapping << 0 << "empty in every row" << 0;
        QTest::newRow("unknown text column")
            << "good.csv" << good << ""
            << "body"
            << "label" << false << mapping << 0
            << "'body' does not exist; the file has 'text', 'label'" << 0;
        QTest::newRow("malformed json") << "bad.json"
                                        << QByteArray(
                                               "[\n{\"text\": \"a\", \"label\": "
                                               "\"x\"},\n{\"text\": \"b\" \"label\": \"y\"}\n]\n")
                                        << ""
                                        << "text"
                                        << "label" << false << parse << 3 << "column" << 0;
        QTest::newRow("json of numbers") << "numbers.json" << QByteArray("[1, 2, 3]") << ""
                                         << "text"
                                         << "label" << false << parse << 1 << "not an object" << 0;
        QTest::newRow("json object")
            << "object.json" << QByteArray("\n  {\"rows\": [\n{\"text\": \"a\"}]}") << "json"
            << "text"
            << "label" << false << parse << 2 << "not an array of objects" << 0;
        QTest::newRow("jsonl bad line")
            << "bad.jsonl"
            << QByteArray(
                   "{\"text\": \"a\", \"label\": \"x\"}\n\n{\"text\": \"b\", \"label\": "
                   "\"y\"}\n{\"text\": \"c\", label: \"z\"}\n")
            << ""
            << "text"
            << "label" << false << parse << 4 << "column" << 0;
        QTest::newRow("jsonl array line")
            << "array.jsonl" << QByteArray("{\"text\": \"a\", \"label\": \"x\"}\n[\"b\", \"y\"]\n")
            << ""
            << "text"
            << "label" << false << parse << 2 << "expected a JSON object" << 0;
        QTest::newRow("utf-16 works")
            << "utf16.csv"
            << utf16le(QString::fromUtf8("text,label\nna\xC3\xAFve caf\xC3\xA9,pos\nbad day,neg\n"))
            << ""
            << "text"
            << "label" << false << -1 << 0 << "" << 2;
        QTest::newRow("nul in the middle") << "nul.csv" << manyRows(20000, 15000) << ""
                                           << "text"
                                           << "label" << false << encoding << 15001 << "NUL" << 0;
        QTest::newRow("line without separator")
            << "sms.txt" << QByteArray("ham\thello\nspam\tbuy now\nno separator here\nham\tok\n")
            << "lines"
            << "text"
            << "label" << false << parse << 3 << "no TAB separator" << 0;
    }

    void badInput() {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, content);
        QFETCH(QString, format);
        QFETCH(QString, text);
        QFETCH(QString, label);
        QFETCH(bool, skipRagged);
        QFETCH(int, code);
        QFETCH(int, line);
        QFETCH(QString, mentions);
        QFETCH(int, rows);

        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const std::string path = tmp.filePath(fileName).toStdString();
        if (QString(QTest::currentDataTag()) != "missing file") {
            std::ofstream(path, std::ios::binary).write(content.constData(), content.size());
        }
        // A project that already holds data the failed import must not touch.
        store::Project p = store::Project::create(tmp.filePath("project").toStdString());
        const std::string seed = tmp.filePath("seed.csv").toStdString();
        std::ofstream(seed) << "text,label\nalpha beta,one\ngamma delta,two\n";
        ImportRequest first;
        first.path = seed;
        first.mapping.text = "text";
        first.mapping.label = "label";
        importFile(p, first);
        const Snapshot before = snapshot(p);

        ImportRequest req;
        req.path = path;
        if (!format.isEmpty()) req.format.format = formatFromString(format.toStdString());
        if (format == "lines") req.format.separator = "\t";
        req.format.skipRagged = skipRagged;
        req.mapping.text = text.toStdString();
        req.mapping.label = label.toStdString();

        if (code < 0) {
            const ImportResult r = importFile(p, req);
            QCOMPARE(r.rows, int64_t(rows));
            QCOMPARE(p.defaultDataset().rowCount, int64_t(2 + rows));
            if (skipRagged) {
                QCOMPARE(r.skipped, int64_t(1));
                QCOMPARE(p.sources(r.datasetId).back().skipped, int64_t(1));
            }
            return;
        }
        try {
            importFile(p, req);
            QFAIL("the import should have failed");
        } catch (const Error& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(int(e.code()) == code, qPrintable("wrong code for: " + message));
            QVERIFY2(message.contains(fileName), qPrintable(message));
            if (line > 0) {
                QVERIFY2(message.contains(fileName + ":" + QString::number(line) + ":"),
                         qPrintable(message));
            }
            QVERIFY2(message.contains(mentions), qPrintable(message));
        }
        QVERIFY(snapshot(p) == before);
        // The connection is still usable: no transaction was left open.
        QCOMPARE(p.createDataset("after"), int64_t(2));
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
