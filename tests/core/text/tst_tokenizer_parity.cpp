// Every record of ../shared/fixtures/hf/tokenizers/*.jsonl (Hugging Face tokenizers
// 0.23.2 / transformers 5.17.0), encoded by our tokenizers loaded from the real
// vocabularies, the tiny fixture tokenizers and every checkpoint folder that carries
// one; plus the input ids of ../shared/data/models/tiny-gpt2's reference.
#include <fstream>
#include <map>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include <QtTest>

#include "text/sentencepiece.h"
#include "text/tokenizer.h"
#include "text/tokenizerjson.h"
#include "text/unicode.h"

using ft::text::Tokenizer;
using nlohmann::json;

Q_DECLARE_METATYPE(std::string)

namespace {

std::string shared(const std::string& rel) { return std::string(FT_SHARED_DIR "/") + rel; }

// How a test variant obtains its tokenizer: "dir:<path>" (loadTokenizer),
// "json:<path>" (loadTokenizerJson), "spraw:<path>" (SentencePiece without XLNet
// conventions).
std::shared_ptr<Tokenizer> tokenizerFor(const std::string& how) {
    static std::map<std::string, std::shared_ptr<Tokenizer>> cache;
    auto it = cache.find(how);
    if (it != cache.end()) return it->second;
    std::shared_ptr<Tokenizer> tk;
    const std::string path = how.substr(how.find(':') + 1);
    if (how.rfind("dir:", 0) == 0) {
        tk = ft::text::loadTokenizer(path);
    } else if (how.rfind("json:", 0) == 0) {
        tk = ft::text::loadTokenizerJson(path);
    } else {
        ft::text::SentencePieceTokenizer::Options o;
        o.xlnet = false;
        tk = std::make_shared<ft::text::SentencePieceTokenizer>(path, o);
    }
    cache[how] = tk;
    return tk;
}

std::vector<json> readRecords(const std::string& file) {
    std::vector<json> out;
    std::ifstream in(shared("fixtures/hf/tokenizers/" + file));
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) out.push_back(json::parse(line));
    return out;
}

// The tokenizer sources that must reproduce the records of a fixture tokenizer name.
std::vector<std::string> sourcesFor(const std::string& name) {
    const std::string fx = "fixtures/hf/";
    if (name == "bert-base-cased") return {"dir:" + shared("data/vocab/bert-base-cased")};
    if (name == "bert-base-uncased")
        return {"dir:" + shared("data/vocab/bert-base-uncased"),
                "json:" + shared("data/vocab/bert-base-uncased/bert-base-uncased.json")};
    if (name == "gpt2") return {"dir:" + shared("data/vocab/gpt2")};
    if (name == "roberta-base") return {"dir:" + shared("data/vocab/roberta-base")};
    if (name == "tiny-wordpiece")
        return {"dir:" + shared(fx + "tokenizers/tiny-wordpiece"),
                "dir:" + shared(fx + "models/bert-tiny"),
                "dir:" + shared(fx + "models/bert-tiny-lm"),
                "dir:" + shared(fx + "models/distilbert-tiny")};
    if (name == "tiny-bytelevel-bpe")
        return {"dir:" + shared(fx + "tokenizers/tiny-bytelevel-bpe"),
                "dir:" + shared(fx + "models/gpt2-tiny"),
                "dir:" + shared(fx + "models/gpt2-tiny-lm"),
                "dir:" + shared(fx + "models/roberta-tiny")};
    if (name.rfind("tiny-sentencepiece", 0) == 0)
        return {"spraw:" + shared(fx + "tokenizers/tiny-sentencepiece-xlnet/spiece.model"),
                "spraw:" + shared(fx + "models/xlnet-tiny/spiece.model")};
    return {};
}

std::vector<int32_t> ints(const json& j) { return j.get<std::vector<int32_t>>(); }

QString show(const std::vector<int32_t>& v) {
    QStringList s;
    for (int32_t x : v) s << QString::number(x);
    return "[" + s.join(",") + "]";
}

QString show(const std::vector<std::string>& v) {
    QStringList s;
    for (const auto& x : v) s << QString::fromStdString(x);
    return "[" + s.join("|") + "]";
}

QString show(const std::vector<ft::text::Span>& v) {
    QStringList s;
    for (const auto& x : v) s << QString("(%1,%2)").arg(x.begin).arg(x.end);
    return s.join("");
}

}  // namespace

class TestTokenizerParity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void records_data() {
        QTest::addColumn<std::string>("source");
        QTest::addColumn<std::string>("record");
        size_t total = 0;
        for (const char* file : {"real-vocab-encodings.jsonl", "tiny-encodings.jsonl",
                                 "tiny-sentencepiece-encodings.jsonl"}) {
            const auto recs = readRecords(file);
            QVERIFY2(!recs.empty(), file);
            for (size_t i = 0; i < recs.size(); ++i) {
                const auto sources = sourcesFor(recs[i]["tokenizer"].get<std::string>());
                QVERIFY2(!sources.empty(), recs[i]["tokenizer"].dump().c_str());
                for (const std::string& src : sources) {
                    const std::string row = std::string(file) + ":" + std::to_string(i + 1) + " " +
                                            src.substr(src.rfind('/') + 1);
                    QTest::newRow(row.c_str()) << src << recs[i].dump();
                    ++total;
                }
            }
        }
        QVERIFY(total > 160);
    }

    void records() {
        QFETCH(std::string, source);
        QFETCH(std::string, record);
        const json r = json::parse(record);
        const std::string text = r["text"].get<std::string>();
        const QString where = "text " + QString::fromStdString(json(text).dump()) + ": ";
        std::shared_ptr<Tokenizer> tk;
        try {
            tk = tokenizerFor(source);
        } catch (const std::exception& e) {
            QFAIL(qPrintable(where + e.what()));
        }

        if (r.contains("text_pair")) {
            ft::text::EncodeOptions o;
            o.maxLength = r["max_length"].get<size_t>();
            const std::string strategy = r["truncation"].get<std::string>();
            o.truncation = strategy == "only_first"    ? ft::text::TruncationStrategy::OnlyFirst
                           : strategy == "only_second" ? ft::text::TruncationStrategy::OnlySecond
                                                       : ft::text::TruncationStrategy::LongestFirst;
            const auto e = tk->encode(text, r["text_pair"].get<std::string>(), o);
            QVERIFY2(e.ids == ints(r["ids_with_special"]),
                     qPrintable(where + "ids " + show(e.ids)));
            QVERIFY2(e.typeIds == ints(r["type_ids"]),
                     qPrintable(where + "type ids " + show(e.typeIds)));
            QVERIFY2(e.attentionMask == ints(r["attention_mask"]), qPrintable(where + "mask"));
            QVERIFY2(e.tokens == r["tokens"].get<std::vector<std::string>>(),
                     qPrintable(where + "tokens " + show(e.tokens)));
            return;
        }

        ft::text::EncodeOptions plain;
        plain.addSpecialTokens = false;
        const auto e = tk->encode(text, plain);
        QVERIFY2(e.ids == ints(r["ids"]), qPrintable(where + "ids " + show(e.ids)));
        const auto expectedTokens = r.contains("pieces") ? r["pieces"] : r["tokens"];
        QVERIFY2(e.tokens == expectedTokens.get<std::vector<std::string>>(),
                 qPrintable(where + "tokens " + show(e.tokens)));
        if (r.contains("offsets")) {
            std::vector<ft::text::Span> expected;
            for (const json& o : r["offsets"])
                expected.push_back({o[0].get<uint32_t>(), o[1].get<uint32_t>()});
            QVERIFY2(e.offsets == expected, qPrintable(where + "offsets " + show(e.offsets)));
            // Byte offsets cover the same text as the code point offsets.
            const std::u32string cps = ft::text::unicode::decodeUtf8(text);
            for (size_t i = 0; i < e.size(); ++i) {
                const auto& c = e.offsets[i];
                const auto& b = e.byteOffsets[i];
                QCOMPARE(text.substr(b.begin, b.end - b.begin),
                         ft::text::unicode::toUtf8(cps.substr(c.begin, c.end - c.begin)));
            }
        }
        if (r.contains("ids_with_special")) {
            const auto s = tk->encode(text);
            QVERIFY2(s.ids == ints(r["ids_with_special"]),
                     qPrintable(where + "ids with special " + show(s.ids)));
            const std::string decoded = tk->decode(s.ids, true);
            QVERIFY2(decoded == r["decoded"].get<std::string>(),
                     qPrintable(where + "decoded " + QString::fromStdString(json(decoded).dump())));
        }
    }

    void tinyGpt2ReferenceIds() {
        std::ifstream in(shared("fixtures/hf/external-models/tiny-gpt2.reference.json"));
        const json ref = json::parse(in);
        const auto tk = ft::text::loadTokenizer(shared("data/models/tiny-gpt2"));
        ft::text::EncodeOptions o;
        o.addSpecialTokens = true;
        const auto& texts = ref["texts"];
        QCOMPARE(texts.size(), ref["input_ids"].size());
        for (size_t i = 0; i < texts.size(); ++i) {
            const auto e = tk->encode(texts[i].get<std::string>(), o);
            QVERIFY2(e.ids == ints(ref["input_ids"][i]),
                     qPrintable(texts[i].dump().c_str() + QString(" ") + show(e.ids)));
        }
        QCOMPARE(tk->vocabSize(), size_t(50257));
        QCOMPARE(tk->modelMaxLength(), size_t(1024));
        QCOMPARE(tk->padId(), -1);
    }
};

QTEST_GUILESS_MAIN(TestTokenizerParity)
#include "tst_tokenizer_parity.moc"
