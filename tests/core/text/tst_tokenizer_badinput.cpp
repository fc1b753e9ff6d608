// Broken tokenizer files must fail with an ft::Error that names the file and the place;
// invalid UTF-8 text must never fail.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "error.h"
#include "text/tokenizer.h"

namespace {

void write(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

const QByteArray kVocabJson = R"({"a": 0, "b": 1, "ab": 2, "Ġ": 3})";

}  // namespace

class TestTokenizerBadInput : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void brokenFolders_data() {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QList<QByteArray>>("contents");
        QTest::addColumn<int>("code");
        QTest::addColumn<QStringList>("mustContain");
        const int parse = static_cast<int>(ft::ErrorCode::Parse);
        QTest::newRow("empty folder")
            << QStringList{} << QList<QByteArray>{} << static_cast<int>(ft::ErrorCode::NotFound)
            << QStringList{"no tokenizer", "tokenizer.json", "vocab.txt", "merges.txt",
                           "spiece.model"};
        QTest::newRow("tokenizer.json truncated")
            << QStringList{"tokenizer.json"}
            << QList<QByteArray>{R"({"model": {"type": "WordPiece", "vocab": {"a")"} << parse
            << QStringList{"tokenizer.json", "truncated JSON", "at byte"};
        QTest::newRow("tokenizer.json malformed")
            << QStringList{"tokenizer.json"}
            << QList<QByteArray>{R"({"model": {"type": WordPiece}})"} << parse
            << QStringList{"tokenizer.json", "malformed JSON", "at byte 20"};
        QTest::newRow("tokenizer.json unknown model")
            << QStringList{"tokenizer.json"}
            << QList<QByteArray>{R"({"model": {"type": "Magic", "vocab": {}}})"} << parse
            << QStringList{"tokenizer.json", "Magic"};
        QTest::newRow("tokenizer.json no model")
            << QStringList{"tokenizer.json"} << QList<QByteArray>{R"({"version": "1.0"})"} << parse
            << QStringList{"tokenizer.json", "model"};
        QTest::newRow("tokenizer.json merge of unknown token")
            << QStringList{"tokenizer.json"}
            << QList<
                   QByteArray>{R"({"model": {"type": "BPE", "vocab": {"a": 0, "b": 1, "ab": 2}, "merges": ["a b", "a c"]}})"}
            << parse << QStringList{"tokenizer.json", ":2:", "'c'"};
        QTest::newRow("vocab.txt duplicate")
            << QStringList{"vocab.txt"}
            << QList<QByteArray>{"[PAD]\n[UNK]\n[CLS]\nhello\n[UNK]\nworld\n"} << parse
            << QStringList{"vocab.txt:5:", "duplicate", "[UNK]"};
        QTest::newRow("merges.txt unknown token")
            << QStringList{"vocab.json", "merges.txt"}
            << QList<QByteArray>{kVocabJson, "#version: 0.2\na b\nb c\n"} << parse
            << QStringList{"merges.txt:3:", "'c'"};
        QTest::newRow("merges.txt malformed line")
            << QStringList{"vocab.json", "merges.txt"}
            << QList<QByteArray>{kVocabJson, "#version: 0.2\na b\nab\n"} << parse
            << QStringList{"merges.txt:3:", "two tokens"};
        QTest::newRow("vocab.json malformed")
            << QStringList{"vocab.json", "merges.txt"}
            << QList<QByteArray>{R"({"a": 0,, "b": 1})", "a b\n"} << parse
            << QStringList{"vocab.json", "malformed JSON", "at byte"};
        QTest::newRow("spiece.model garbage")
            << QStringList{"spiece.model"}
            << QList<QByteArray>{"this is not a protobuf \xff\xff\xff"} << parse
            << QStringList{"spiece.model", "not a SentencePiece model"};
        QTest::newRow("spiece.model empty")
            << QStringList{"spiece.model"} << QList<QByteArray>{""} << parse
            << QStringList{"spiece.model", "not a SentencePiece model"};
    }

    void brokenFolders() {
        QFETCH(QStringList, names);
        QFETCH(QList<QByteArray>, contents);
        QFETCH(int, code);
        QFETCH(QStringList, mustContain);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (int i = 0; i < names.size(); ++i) write(dir.filePath(names[i]), contents[i]);
        try {
            ft::text::loadTokenizer(dir.path().toStdString());
            QFAIL("loading succeeded");
        } catch (const ft::Error& e) {
            const QString msg = QString::fromUtf8(e.what());
            QCOMPARE(static_cast<int>(e.code()), code);
            for (const QString& s : mustContain) QVERIFY2(msg.contains(s), qPrintable(msg));
        }
    }

    void missingFolder() {
        try {
            ft::text::loadTokenizer("/nonexistent/folder");
            QFAIL("loading succeeded");
        } catch (const ft::Error& e) {
            QCOMPARE(e.code(), ft::ErrorCode::NotFound);
        }
    }

    void invalidUtf8Text_data() {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("replacements");  // U+FFFD Python would see
        const QString shared = QStringLiteral(FT_SHARED_DIR);
        for (const QString& f :
             {shared + "/data/vocab/bert-base-uncased", shared + "/data/vocab/gpt2",
              shared + "/fixtures/hf/models/xlnet-tiny"}) {
            const QString name = QDir(f).dirName();
            QTest::newRow(qPrintable(name + " lone F0")) << f << QByteArray("caf\xF0 ok") << 1;
            QTest::newRow(qPrintable(name + " truncated emoji"))
                << f << QByteArray("a \xF0\x9F\x98") << 1;
            QTest::newRow(qPrintable(name + " overlong")) << f << QByteArray("\xC0\x80x") << 2;
            QTest::newRow(qPrintable(name + " surrogate")) << f << QByteArray("\xED\xA0\x80") << 3;
            QTest::newRow(qPrintable(name + " stray continuation"))
                << f << QByteArray("\x80\xBFz\xFF") << 3;
        }
    }

    void invalidUtf8Text() {
        QFETCH(QString, folder);
        QFETCH(QByteArray, text);
        QFETCH(int, replacements);
        const auto tk = ft::text::loadTokenizer(folder.toStdString());
        const std::string s(text.constData(), static_cast<size_t>(text.size()));
        const auto e = tk->encode(s);
        QCOMPARE(e.offsets.size(), e.ids.size());
        for (const auto& b : e.byteOffsets) QVERIFY(b.end <= s.size() && b.begin <= b.end);
        // Byte-level BPE keeps every U+FFFD as its three bytes EF BF BD: decoding shows them.
        if (folder.endsWith("gpt2")) {
            const QString decoded = QString::fromStdString(tk->decode(e.ids));
            QCOMPARE(decoded.count(QChar(0xFFFD)), replacements);
        }
    }
};

QTEST_GUILESS_MAIN(TestTokenizerBadInput)
#include "tst_tokenizer_badinput.moc"
