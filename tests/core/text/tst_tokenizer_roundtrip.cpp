// encode -> decode round trips, batch encoding equal to single encoding, padding and
// XLNet's conventions.
#include <fstream>

#include <QtTest>

#include "text/tokenizer.h"

namespace {

std::string shared(const std::string& rel) { return std::string(FT_SHARED_DIR "/") + rel; }

// The first n texts of AG News (title and description of each row, quotes kept).
std::vector<std::string> agNews(size_t n) {
    std::ifstream in(shared("data/ag-news/test.csv"));
    std::vector<std::string> out;
    std::string line;
    while (out.size() < n && std::getline(in, line)) out.push_back(line);
    return out;
}

bool same(const ft::text::Encoding& a, const ft::text::Encoding& b) {
    return a.ids == b.ids && a.tokens == b.tokens && a.typeIds == b.typeIds &&
           a.attentionMask == b.attentionMask && a.offsets == b.offsets &&
           a.byteOffsets == b.byteOffsets && a.specialTokensMask == b.specialTokensMask;
}

}  // namespace

class TestTokenizerRoundtrip : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data() {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        const QString s = QStringLiteral(FT_SHARED_DIR);
        const QString uni = QString::fromUtf8("Ünïcödé 中文 😀 tabs\tand\nnewlines  two spaces");
        QTest::newRow("gpt2 exact") << s + "/data/vocab/gpt2" << uni << uni;
        QTest::newRow("roberta exact") << s + "/data/vocab/roberta-base" << uni << uni;
        QTest::newRow("tiny-gpt2 exact") << s + "/data/models/tiny-gpt2" << uni << uni;
        QTest::newRow("bert lowercased") << s + "/data/vocab/bert-base-uncased"
                                         << "The Quick brown fox, jumps!"
                                         << "the quick brown fox, jumps!";
        QTest::newRow("bert cased") << s + "/data/vocab/bert-base-cased"
                                    << "The Quick brown fox."
                                    << "The Quick brown fox.";
        QTest::newRow("xlnet") << s + "/fixtures/hf/models/xlnet-tiny"
                               << "The quick brown fox jumps."
                               << "The quick brown fox jumps.";
    }

    void roundTrip() {
        QFETCH(QString, folder);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto tk = ft::text::loadTokenizer(folder.toStdString());
        const auto e = tk->encode(text.toStdString());
        QCOMPARE(QString::fromStdString(tk->decode(e.ids, true)), expected);
        for (size_t i = 0; i < e.size(); ++i) {
            QCOMPARE(tk->tokenToId(e.tokens[i]), e.ids[i]);
            QCOMPARE(tk->idToToken(e.ids[i]), e.tokens[i]);
        }
    }

    void batchEqualsSingle_data() {
        QTest::addColumn<QString>("folder");
        const QString s = QStringLiteral(FT_SHARED_DIR);
        QTest::newRow("bert") << s + "/data/vocab/bert-base-uncased";
        QTest::newRow("gpt2") << s + "/data/vocab/gpt2";
        QTest::newRow("roberta tokenizer.json") << s + "/fixtures/hf/models/roberta-tiny";
        QTest::newRow("xlnet") << s + "/fixtures/hf/models/xlnet-tiny";
    }

    void batchEqualsSingle() {
        QFETCH(QString, folder);
        const auto tk = ft::text::loadTokenizer(folder.toStdString());
        const auto texts = agNews(300);
        QCOMPARE(texts.size(), size_t(300));
        std::vector<std::string> pairs(texts.rbegin(), texts.rend());
        ft::text::EncodeOptions o;
        o.threads = 4;
        o.maxLength = 64;
        const auto batch = tk->encodeBatch(texts, pairs, o);
        QCOMPARE(batch.size(), texts.size());
        for (size_t i = 0; i < texts.size(); ++i)
            QVERIFY2(same(batch[i], tk->encode(texts[i], pairs[i], o)), texts[i].c_str());
        o.threads = 1;
        const auto serial = tk->encodeBatch(texts, pairs, o);
        for (size_t i = 0; i < texts.size(); ++i) QVERIFY(same(batch[i], serial[i]));
    }

    void paddingRightForBert() {
        const auto tk = ft::text::loadTokenizer(shared("data/vocab/bert-base-uncased"));
        ft::text::EncodeOptions o;
        o.padding = ft::text::PaddingStrategy::Longest;
        const auto b = tk->encodeBatch({"short", "a somewhat longer text"}, o);
        QCOMPARE(b[0].size(), b[1].size());
        QCOMPARE(b[0].ids.back(), tk->padId());
        QCOMPARE(b[0].ids.front(), tk->clsId());
        QCOMPARE(b[0].attentionMask.back(), 0);
        QCOMPARE(tk->padId(), 0);
        o.padding = ft::text::PaddingStrategy::MaxLength;
        o.padLength = 10;
        QCOMPARE(tk->encode("short", o).size(), size_t(10));
    }

    void gpt2HasNoPadToken() {
        const auto tk = ft::text::loadTokenizer(shared("data/models/tiny-gpt2"));
        ft::text::EncodeOptions o;
        o.padding = ft::text::PaddingStrategy::Longest;
        QVERIFY_EXCEPTION_THROWN(tk->encodeBatch({"a", "a b c"}, o), std::exception);
    }

    void xlnetConventions() {
        const auto tk = ft::text::loadTokenizer(shared("fixtures/hf/models/xlnet-tiny"));
        QCOMPARE(tk->sepId(), 4);
        QCOMPARE(tk->clsId(), 3);
        QCOMPARE(tk->padId(), 5);
        // Raw SentencePiece ids of "Hello, world!" (tiny-sentencepiece-encodings.jsonl).
        const std::vector<int32_t> raw{333, 80, 25, 16, 452, 143};
        ft::text::EncodeOptions o;
        auto e = tk->encode("Hello, world!", o);
        QCOMPARE(e.ids, (std::vector<int32_t>{333, 80, 25, 16, 452, 143, 4, 3}));
        QCOMPARE(e.typeIds.back(), 2);
        QCOMPARE(e.specialTokensMask.back(), 1);

        e = tk->encode("Hello, world!", "Hello, world!", o);
        QCOMPARE(e.size(), 2 * raw.size() + 3);
        QCOMPARE(e.typeIds[0], 0);
        QCOMPARE(e.typeIds[raw.size()], 0);      // first <sep>
        QCOMPARE(e.typeIds[raw.size() + 1], 1);  // B
        QCOMPARE(e.typeIds[e.size() - 2], 1);    // second <sep>
        QCOMPARE(e.typeIds.back(), 2);           // <cls>

        o.padding = ft::text::PaddingStrategy::MaxLength;
        o.padLength = 12;
        e = tk->encode("Hello, world!", o);
        QCOMPARE(e.size(), size_t(12));
        QCOMPARE(e.ids.front(), 5);  // left padding
        QCOMPARE(e.typeIds.front(), 3);
        QCOMPARE(e.attentionMask.front(), 0);
        QCOMPARE(e.ids.back(), 3);
        QCOMPARE(e.attentionMask.back(), 1);
    }

    void truncationStrategies() {
        const auto tk = ft::text::loadTokenizer(shared("data/vocab/bert-base-uncased"));
        ft::text::EncodeOptions o;
        o.maxLength = 8;
        o.truncation = ft::text::TruncationStrategy::OnlySecond;
        auto e = tk->encode("a b", "c d e f g h i j", o);
        QCOMPARE(e.size(), size_t(8));
        QCOMPARE(e.tokens[1], std::string("a"));
        QCOMPARE(e.tokens[2], std::string("b"));
        o.truncation = ft::text::TruncationStrategy::OnlyFirst;
        QVERIFY_EXCEPTION_THROWN(tk->encode("a b", "c d e f g h i j", o), std::exception);
        e = tk->encode("c d e f g h i j", "a b", o);
        QCOMPARE(e.size(), size_t(8));
        QCOMPARE(e.tokens[e.size() - 2], std::string("b"));
    }
};

QTEST_GUILESS_MAIN(TestTokenizerRoundtrip)
#include "tst_tokenizer_roundtrip.moc"
