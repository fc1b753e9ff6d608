#include <fstream>

#include <QTemporaryDir>
#include <QtTest>

#include "data/reader.h"
#include "error.h"
#include "util/sha256.h"
#include "util/text.h"

using namespace ft;
using namespace ft::data;

namespace {

std::string writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content) {
    const std::string path = dir.filePath(name).toStdString();
    std::ofstream(path, std::ios::binary).write(content.constData(), content.size());
    return path;
}

std::vector<Record> readAll(const std::string& path, const Detection& d,
                            ReadStats* stats = nullptr) {
    std::vector<Record> out;
    const ReadStats s = readRecords(path, d.options, d.columns, [&](Record&& r) {
        out.push_back(std::move(r));
        return true;
    });
    if (stats) *stats = s;
    return out;
}

// "a|b;c|d" -> records of fields (';' between records, '|' between fields).
QString joined(const std::vector<Record>& recs) {
    QStringList rows;
    for (const auto& r : recs) {
        QStringList fields;
        for (const auto& f : r.fields) fields << QString::fromStdString(f);
        rows << fields.join('|');
    }
    return rows.join(';');
}

}  // namespace

class TestReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // RFC 4180 parsing, through detect() + readRecords() on real files.
    void csv_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QList<int>>("lines");
        QTest::newRow("plain LF") << QByteArray("text,label\na,x\nb,y\n") << "a|x;b|y"
                                  << QList<int>{2, 3};
        QTest::newRow("CRLF") << QByteArray("text,label\r\na,x\r\nb,y\r\n") << "a|x;b|y"
                              << QList<int>{2, 3};
        QTest::newRow("no final newline")
            << QByteArray("text,label\na,x\nb,y") << "a|x;b|y" << QList<int>{2, 3};
        QTest::newRow("quoted delimiter")
            << QByteArray("text,label\n\"a, b\",x\nc,y\n") << "a, b|x;c|y" << QList<int>{2, 3};
        QTest::newRow("doubled quotes") << QByteArray("text,label\n\"say \"\"hi\"\"\",x\nc,y\n")
                                        << "say \"hi\"|x;c|y" << QList<int>{2, 3};
        QTest::newRow("newline in quotes") << QByteArray("text,label\n\"one\ntwo\",x\nc,y\n")
                                           << "one\ntwo|x;c|y" << QList<int>{2, 4};
        QTest::newRow("CRLF in quotes") << QByteArray("text,label\r\n\"one\r\ntwo\",x\r\nc,y\r\n")
                                        << "one\r\ntwo|x;c|y" << QList<int>{2, 4};
        QTest::newRow("empty fields")
            << QByteArray("text,label\na,\n,y\n") << "a|;|y" << QList<int>{2, 3};
        QTest::newRow("quote inside unquoted")
            << QByteArray("text,label\n5\" tall,x\nc,y\n") << "5\" tall|x;c|y" << QList<int>{2, 3};
        QTest::newRow("blank lines skipped")
            << QByteArray("text,label\na,x\n\n\nb,y\n") << "a|x;b|y" << QList<int>{2, 5};
    }
    void csv() {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QFETCH(QList<int>, lines);
        QTemporaryDir tmp;
        const std::string path = writeFile(tmp, "data.csv", content);
        FormatOptions hint;
        hint.format = Format::Csv;
        hint.delimiter = ',';
        hint.header = true;
        const Detection d = detect(path, hint);
        QCOMPARE(d.columns, (std::vector<std::string>{"text", "label"}));
        const auto recs = readAll(path, d);
        QCOMPARE(joined(recs), expected);
        QCOMPARE(int(recs.size()), lines.size());
        for (int i = 0; i < lines.size(); ++i) QCOMPARE(recs[size_t(i)].line, int64_t(lines[i]));
    }

    // Delimiter, header and format detection.
    void detection_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("delimiter");  // Csv / Tsv delimiter or Lines separator
        QTest::addColumn<bool>("header");
        QTest::addColumn<QString>("columns");
        const QByteArray rows =
            "the cat sat on the mat|pos\nwhat a terrible day|neg\nI loved every minute|pos\nnot "
            "for me|neg\n";
        QByteArray comma = rows, tab = rows, semi = rows, pipe = rows;
        comma.replace('|', ','), tab.replace('|', '\t'), semi.replace('|', ';');
        QTest::newRow("comma, header") << "a.csv"
                                       << "text,label\n" + comma << "csv"
                                       << "," << true << "text|label";
        QTest::newRow("comma, no header") << "a.csv" << comma << "csv"
                                          << "," << false << "column 1|column 2";
        QTest::newRow("tab in .csv") << "a.csv"
                                     << "text\tlabel\n" + tab << "csv"
                                     << "\t" << true << "text|label";
        QTest::newRow("semicolon") << "a.csv"
                                   << "text;label\n" + semi << "csv"
                                   << ";" << true << "text|label";
        QTest::newRow("pipe") << "a.csv"
                              << "text|label\n" + pipe << "csv"
                              << "|" << true << "text|label";
        QTest::newRow("numeric first column")
            << "a.csv"
            << QByteArray("\"3\",\"Title\",\"Body text here\"\n\"1\",\"Other\",\"More text\"\n")
            << "csv"
            << "," << false << "column 1|column 2|column 3";
        QTest::newRow("header over numbers")
            << "a.csv" << QByteArray("id,score,text\n1,0.5,hello there\n2,0.7,good bye\n") << "csv"
            << "," << true << "id|score|text";
        QTest::newRow(".tsv") << "a.tsv"
                              << "text\tlabel\n" + tab << "tsv"
                              << "\t" << true << "text|label";
        QTest::newRow("label TAB text, no extension")
            << "sms" << QByteArray("ham\tsee \"you\" there\nspam\tWIN now\nham\tok\nham\tfine \"\n")
            << "lines"
            << "\t" << false << "label|text";
        QTest::newRow("text;label .txt")
            << "a.txt"
            << QByteArray("great; really great;pos\nawful;neg\nfine, I guess;pos\nmeh;neg\n")
            << "lines"
            << ";" << false << "label|text";
        QTest::newRow("COARSE:fine text")
            << "trec"
            << QByteArray(
                   "DESC:manner How did it start ?\nHUM:ind Who was he ?\nDESC:def What is it "
                   "?\nHUM:ind Who is she ?\nNUM:date When ?\n")
            << "lines"
            << " " << false << "label|text";
        QTest::newRow("json") << "a.json" << QByteArray("[{\"text\": \"a\", \"label\": 1}]")
                              << "json"
                              << "" << false << "text|label";
        QTest::newRow("jsonl") << "a.jsonl"
                               << QByteArray(
                                      "{\"text\": \"a\"}\n{\"label\": \"x\", \"text\": \"b\"}\n")
                               << "jsonl"
                               << "" << false << "text|label";
        QTest::newRow("json by content") << "data" << QByteArray("  [{\"t\": \"a\"}]") << "json"
                                         << "" << false << "t";
    }
    void detection() {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, format);
        QFETCH(QString, delimiter);
        QFETCH(bool, header);
        QFETCH(QString, columns);
        QTemporaryDir tmp;
        const Detection d = detect(writeFile(tmp, name, content));
        QCOMPARE(QString(toString(d.options.format)), format);
        if (format == "csv" || format == "tsv") {
            QCOMPARE(QString(QChar(d.options.delimiter)), delimiter);
            QCOMPARE(d.options.header.value(), header);
        } else if (format == "lines") {
            QCOMPARE(QString::fromStdString(d.options.separator), delimiter);
        }
        QStringList names;
        for (const auto& c : d.columns) names << QString::fromStdString(c);
        QCOMPARE(names.join('|'), columns);
        QVERIFY(!d.notes.empty());
        QVERIFY(!d.preview.empty());
        QCOMPARE(d.options.encoding, Encoding::Utf8);
    }

    void linesSides_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("separator");
        QTest::addColumn<int>("side");
        QTest::addColumn<QString>("expected");
        QTest::newRow("first TAB") << QByteArray("ham\ta\tb\nspam\tc\n") << "\t"
                                   << int(LabelSide::First) << "ham|a\tb;spam|c";
        QTest::newRow("last semicolon")
            << QByteArray("a;b;pos\nc;neg\n") << ";" << int(LabelSide::Last) << "pos|a;b;neg|c";
        QTest::newRow("first space") << QByteArray("A:x what is it ?\nB:y who\n") << " "
                                     << int(LabelSide::First) << "A:x|what is it ?;B:y|who";
        QTest::newRow("multi-char separator")
            << QByteArray("pos :: good :: very\nneg :: bad\n") << " :: " << int(LabelSide::First)
            << "pos|good :: very;neg|bad";
        QTest::newRow("quotes are text") << QByteArray("ham\t\"quoted\nspam\tx\"\n") << "\t"
                                         << int(LabelSide::First) << "ham|\"quoted;spam|x\"";
    }
    void linesSides() {
        QFETCH(QByteArray, content);
        QFETCH(QString, separator);
        QFETCH(int, side);
        QFETCH(QString, expected);
        QTemporaryDir tmp;
        const std::string path = writeFile(tmp, "lines.txt", content);
        FormatOptions o;
        o.format = Format::Lines;
        o.separator = separator.toStdString();
        o.labelSide = LabelSide(side);
        const Detection d = detect(path, o);
        QCOMPARE(d.columns, (std::vector<std::string>{"label", "text"}));
        QCOMPARE(joined(readAll(path, d)), expected);
    }

    void tsvKeepsQuotes() {
        QTemporaryDir tmp;
        const std::string path = writeFile(tmp, "a.tsv", "text\tlabel\n\"open quote\tx\nb\"\ty\n");
        const Detection d = detect(path);
        QCOMPARE(joined(readAll(path, d)), QString("\"open quote|x;b\"|y"));
    }

    void json() {
        QTemporaryDir tmp;
        const std::string path = writeFile(
            tmp, "a.json",
            "[\n  {\"text\": \"caf\\u00e9\", \"label\": 1, \"score\": 1.50, \"ok\": true},\n"
            "  {\"text\": \"b\", \"label\": null, \"meta\": {\"k\": [1, 2]}},\n"
            "  {\"label\": \"z\"}\n]\n");
        const Detection d = detect(path);
        QCOMPARE(d.columns, (std::vector<std::string>{"text", "label", "score", "ok", "meta"}));
        const auto recs = readAll(path, d);
        QCOMPARE(recs.size(), size_t(3));
        QCOMPARE(recs[0].fields,
                 (std::vector<std::string>{"caf\xC3\xA9", "1", "1.50", "true", ""}));
        QCOMPARE(recs[0].line, int64_t(2));
        QCOMPARE(recs[1].fields[4], std::string("{\"k\":[1,2]}"));
        QCOMPARE(recs[1].line, int64_t(3));
        QCOMPARE(recs[2].fields[0], std::string());
        QCOMPARE(recs[2].missing, (std::vector<bool>{true, false, true, true, true}));
    }

    void jsonl() {
        QTemporaryDir tmp;
        const std::string path = writeFile(
            tmp, "a.jsonl", "{\"text\": \"a\", \"n\": 2}\n\n  \n{\"text\": \"b\", \"n\": false}\n");
        const Detection d = detect(path);
        const auto recs = readAll(path, d);
        QCOMPARE(joined(recs), QString("a|2;b|false"));
        QCOMPARE(recs[1].line, int64_t(4));
    }

    void encodings_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("encoding");
        const QString text =
            QString::fromUtf8("text,label\nna\xC3\xAFve \xF0\x9F\x98\x80,pos\nb,neg\n");
        QByteArray le("\xFF\xFE", 2), be("\xFE\xFF", 2), leNoBom;
        for (const QChar c : text) {
            le.append(char(c.unicode() & 0xFF)).append(char(c.unicode() >> 8));
            leNoBom.append(char(c.unicode() & 0xFF)).append(char(c.unicode() >> 8));
            be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xFF));
        }
        QTest::newRow("utf-8") << text.toUtf8() << int(Encoding::Utf8);
        QTest::newRow("utf-8 bom") << "\xEF\xBB\xBF" + text.toUtf8() << int(Encoding::Utf8Bom);
        QTest::newRow("utf-16le") << le << int(Encoding::Utf16LE);
        QTest::newRow("utf-16be") << be << int(Encoding::Utf16BE);
        QTest::newRow("utf-16le without bom") << leNoBom << int(Encoding::Utf16LE);
    }
    void encodings() {
        QFETCH(QByteArray, content);
        QFETCH(int, encoding);
        QTemporaryDir tmp;
        const std::string path = writeFile(tmp, "a.csv", content);
        const Detection d = detect(path);
        QCOMPARE(int(d.options.encoding), encoding);
        QCOMPARE(d.columns, (std::vector<std::string>{"text", "label"}));
        QCOMPARE(joined(readAll(path, d)),
                 QString::fromUtf8("na\xC3\xAFve \xF0\x9F\x98\x80|pos;b|neg"));
    }

    void invalidUtf8FallsBackPerRow() {
        QTemporaryDir tmp;
        const std::string path =
            writeFile(tmp, "a.csv", "text,label\ncaf\xE9 \x93quoted\x94,pos\nna\xC3\xAFve,neg\n");
        const Detection d = detect(path);
        ReadStats stats;
        const auto recs = readAll(path, d, &stats);
        QCOMPARE(recs[0].fields[0], std::string("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D"));
        QCOMPARE(recs[1].fields[0], std::string("na\xC3\xAFve"));  // valid rows stay as they are
        QCOMPARE(stats.warnings.size(), size_t(1));
        QCOMPARE(stats.warnings[0].line, int64_t(2));
    }

    // Records that straddle the 1 MiB read buffer come out whole.
    void bufferBoundaries() {
        QTemporaryDir tmp;
        QByteArray content("text,label\n");
        std::vector<std::string> expected;
        for (int i = 0; i < 30000; ++i) {
            std::string t = "row " + std::to_string(i) + std::string(size_t(i % 97), 'x');
            if (i % 7 == 0) t += ", with \"\"comma\"\"\nand newline";
            expected.push_back(i % 7 == 0
                                   ? "row " + std::to_string(i) + std::string(size_t(i % 97), 'x') +
                                         ", with \"comma\"\nand newline"
                                   : t);
            content += i % 7 == 0 ? "\"" + QByteArray::fromStdString(t) + "\""
                                  : QByteArray::fromStdString(t);
            content += i % 2 ? ",a\r\n" : ",b\n";
        }
        const std::string path = writeFile(tmp, "big.csv", content);
        const Detection d = detect(path);
        std::vector<double> fractions;
        Progress progress;
        progress.onProgress = [&](double f, const std::string&) { fractions.push_back(f); };
        size_t i = 0;
        bool allEqual = true;
        const ReadStats stats = readRecords(
            path, d.options, d.columns,
            [&](Record&& r) {
                allEqual =
                    allEqual && r.fields[0] == expected[i] && r.fields[1] == (i % 2 ? "a" : "b");
                ++i;
                return true;
            },
            progress);
        QVERIFY(allEqual);
        QCOMPARE(i, expected.size());
        QCOMPARE(stats.bytes, int64_t(content.size()));
        QVERIFY(fractions.size() > 2);
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(fractions.back(), 1.0);
    }

    void sinkStopsEarly() {
        QTemporaryDir tmp;
        const std::string path = writeFile(tmp, "a.csv", "text,label\na,x\nb,y\nc,z\n");
        const Detection d = detect(path);
        int n = 0;
        const ReadStats s =
            readRecords(path, d.options, d.columns, [&](Record&&) { return ++n < 2; });
        QCOMPARE(n, 2);
        QCOMPARE(s.records, int64_t(2));
    }

    void cancel() {
        QTemporaryDir tmp;
        QByteArray content("text,label\n");
        for (int i = 0; i < 20000; ++i) content += "row,x\n";
        const std::string path = writeFile(tmp, "a.csv", content);
        const Detection d = detect(path);
        Progress p;
        p.shouldStop = [] { return true; };
        try {
            readRecords(
                path, d.options, d.columns, [](Record&&) { return true; }, p);
            QFAIL("not cancelled");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Cancelled);
        }
    }

    void formatOptionsJson() {
        FormatOptions o;
        o.format = Format::Lines;
        o.encoding = Encoding::Utf16BE;
        o.delimiter = ';';
        o.header = false;
        o.separator = "\t";
        o.labelSide = LabelSide::Last;
        o.labelPart = LabelPart::Coarse;
        o.skipRagged = true;
        const FormatOptions back = formatOptionsFromJson(toJson(o));
        QCOMPARE(toJson(back), toJson(o));
        QCOMPARE(back.labelPart, LabelPart::Coarse);
        QCOMPARE(back.header, std::optional<bool>(false));
        QVERIFY(!formatOptionsFromJson(toJson(FormatOptions{})).header);
        QCOMPARE(formatFromString("jsonl"), Format::Jsonl);
        QVERIFY_THROWS_EXCEPTION(Error, formatFromString("xml"));
    }

    // ft::util text helpers the reader is built on.
    void utf8Validation_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("firstInvalid");
        QTest::newRow("ascii") << QByteArray("hello world, long enough for the fast path") << -1;
        QTest::newRow("2-4 byte") << QByteArray("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80") << -1;
        QTest::newRow("lone continuation") << QByteArray("ab\x80") << 2;
        QTest::newRow("overlong") << QByteArray("\xC0\xAF") << 0;
        QTest::newRow("surrogate") << QByteArray("x\xED\xA0\x80") << 1;
        QTest::newRow("above max") << QByteArray("\xF4\x90\x80\x80") << 0;
        QTest::newRow("truncated") << QByteArray("abcdefghij\xE2\x82") << 10;
        QTest::newRow("0xF0 in TREC") << QByteArray(
                                             "sister\xF0"
                                             "city")
                                      << 6;
    }
    void utf8Validation() {
        QFETCH(QByteArray, bytes);
        QFETCH(int, firstInvalid);
        const size_t r =
            util::findInvalidUtf8(std::string_view(bytes.constData(), size_t(bytes.size())));
        QCOMPARE(r == std::string_view::npos ? -1 : int(r), firstInvalid);
    }

    void textConversions() {
        QCOMPARE(util::windows1252ToUtf8("\x80\x93\xE9\x81"),
                 std::string("\xE2\x82\xAC\xE2\x80\x9C\xC3\xA9\xC2\x81"));
        const QString s = QString::fromUtf8("a\xC3\xA9\xF0\x9F\x98\x80");
        std::string le, be;
        for (const QChar c : s) {
            le += char(c.unicode() & 0xFF), le += char(c.unicode() >> 8);
            be += char(c.unicode() >> 8), be += char(c.unicode() & 0xFF);
        }
        QCOMPARE(util::utf16ToUtf8(le, false), s.toStdString());
        QCOMPARE(util::utf16ToUtf8(be, true), s.toStdString());
        // Fed one byte at a time, the surrogate pair still joins.
        util::Utf16Decoder dec(false);
        std::string out;
        for (const char c : le) dec.feed(&c, 1, out);
        dec.finish(out);
        QCOMPARE(out, s.toStdString());
        QCOMPARE(util::utf16ToUtf8(std::string("\x00\xD8", 2), false), std::string("\xEF\xBF\xBD"));
        QCOMPARE(util::codePointCount(s.toStdString()), size_t(3));
    }

    void sha256_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("digest");
        QTest::newRow("empty")
            << QByteArray() << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        QTest::newRow("abc") << QByteArray("abc")
                             << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        QTest::newRow("two blocks")
            << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
        QTest::newRow("million a")
            << QByteArray(1000000, 'a')
            << "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    }
    void sha256() {
        QFETCH(QByteArray, input);
        QFETCH(QString, digest);
        const std::string_view data(input.constData(), size_t(input.size()));
        QCOMPARE(QString::fromStdString(util::Sha256::hex(data)), digest);
        // The same bytes in uneven pieces.
        util::Sha256 h;
        for (size_t at = 0, step = 1; at < data.size(); at += step, step = step * 3 % 200 + 1) {
            h.update(data.substr(at, step));
        }
        QCOMPARE(QString::fromStdString(h.hexDigest()), digest);
    }

    void sha256FileMatchesSha256sum() {
        const std::string path = std::string(FT_SHARED_DIR) + "/data/ag-news/test.csv";
        if (!QFileInfo::exists(QString::fromStdString(path))) QSKIP("shared data folder not found");
        QProcess proc;
        proc.start("sha256sum", {QString::fromStdString(path)});
        QVERIFY(proc.waitForFinished(30000));
        QCOMPARE(util::sha256File(path), proc.readAllStandardOutput().left(64).toStdString());
        QVERIFY_THROWS_EXCEPTION(Error, util::sha256File(path + ".absent"));
    }
};

QTEST_GUILESS_MAIN(TestReader)
#include "tst_reader.moc"
