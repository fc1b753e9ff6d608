// The WordPiece trainer: merges worked out by hand, caps, determinism, the alphabet limit,
// cancellation, and the written folder loaded back by loadTokenizer with every training
// word tokenized into its own pieces (no [UNK]).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include "error.h"
#include "text/tokenizer.h"
#include "text/unicode.h"
#include "text/wordpiecetrainer.h"

namespace fs = std::filesystem;
using ft::text::WordPieceTrainer;
using ft::text::WordPieceTrainerOptions;

namespace {

const std::vector<std::string> kSpecials = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};

// The texts of the first n SMS Spam rows (label TAB text).
std::vector<std::string> sms(size_t n) {
    std::ifstream in(FT_SHARED_DIR "/data/sms-spam/SMSSpamCollection", std::ios::binary);
    std::vector<std::string> out;
    std::string line;
    while (out.size() < n && std::getline(in, line)) {
        const size_t tab = line.find('\t');
        out.push_back(tab == std::string::npos ? line : line.substr(tab + 1));
    }
    return out;
}

// hug x10, pug x5, pun x12, bun x4, hugs x5, in mixed case and punctuation.
std::vector<std::string> hugTexts() {
    std::vector<std::string> t;
    for (int i = 0; i < 10; ++i) t.push_back(i % 2 ? "HUG!" : "hug");
    for (int i = 0; i < 5; ++i) t.push_back("pug hugs");
    for (int i = 0; i < 12; ++i) t.push_back(i < 4 ? "Pun, bun" : "pun");
    return t;
}

std::vector<std::string> trained(const std::vector<std::string>& texts,
                                 WordPieceTrainerOptions o = {}) {
    WordPieceTrainer t(std::move(o));
    t.feed(texts);
    return t.train();
}

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

class TstWordPieceTrainer : public QObject {
    Q_OBJECT

private slots:
    void mergesByHand();
    void stopsAtVocabSizeAndMinFrequency();
    void cutsWordsLikeTheTokenizer();
    void deterministic();
    void alphabetLimit();
    void folderLoadsAndRoundTrips();
    void nonAsciiWords();
    void cancel();
    void badInput();
};

void TstWordPieceTrainer::mergesByHand() {
    // Pairs: (##u ##g) 20, (p ##u) 17, (##u ##n) 16, (h ##u) 15, (##g ##s) 5, (b ##u) 4.
    // ##ug (20); ##un (16); then (h ##ug) 15 -> hug; (p ##un) 12 -> pun; (p ##ug) 5 ties
    // (hug ##s) 5 and wins on the smaller ids; (b ##un) 4 last.
    const std::vector<std::string> expected = {
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "!",    ",",   "b",   "g",
        "h",     "n",     "p",     "s",     "u",      "##g",  "##n", "##s", "##u",
        "##ug",  "##un",  "hug",   "pun",   "pug",    "hugs", "bun"};
    WordPieceTrainer t;
    t.feed(hugTexts());
    QCOMPARE(t.distinctWords(), size_t(7));  // hug pug pun bun hugs ! ,
    QCOMPARE(t.totalWords(), uint64_t(10 + 5 + 5 + 12 + 4 + 5 + 4));
    QCOMPARE(t.train(), expected);
}

void TstWordPieceTrainer::stopsAtVocabSizeAndMinFrequency() {
    WordPieceTrainerOptions o;
    o.vocabSize = 22;
    auto v = trained(hugTexts(), o);
    QCOMPARE(v.size(), size_t(22));
    QCOMPARE(v.back(), std::string("pun"));
    // Smaller than specials + alphabet: the alphabet is kept whole, nothing is merged.
    o.vocabSize = 3;
    QCOMPARE(trained(hugTexts(), o).size(), size_t(18));
    // min_frequency 5 stops before (b ##un), seen 4 times.
    o.vocabSize = 8000;
    o.minFrequency = 5;
    v = trained(hugTexts(), o);
    QCOMPARE(v.back(), std::string("hugs"));
    QCOMPARE(v.size(), size_t(24));
    // min_frequency 13: only ##ug (20), ##un (16) and hug (15) qualify.
    o.minFrequency = 13;
    QCOMPARE(trained(hugTexts(), o).back(), std::string("hug"));
}

void TstWordPieceTrainer::cutsWordsLikeTheTokenizer() {
    const WordPieceTrainer t;
    auto utf8 = [](const std::vector<std::u32string>& w) {
        std::vector<std::string> out;
        for (const auto& s : w) out.push_back(ft::text::unicode::toUtf8(s));
        return out;
    };
    // Special tokens are cut out of the raw text; accents stripped, CJK isolated,
    // punctuation split, control characters dropped.
    QCOMPARE(
        utf8(t.words("Héllo [CLS]wörld[SEP] 東京x, it's\x01 ok")),
        (std::vector<std::string>{"hello", "world", "東", "京", "x", ",", "it", "'", "s", "ok"}));
    // A word over 100 characters becomes [UNK] in BERT: it is not counted.
    QVERIFY(t.words(std::string(101, 'a')).empty());
    QCOMPARE(t.words(std::string(100, 'a')).size(), size_t(1));

    // Against an independent cut: BERT's own vocabulary, its pieces joined back into words
    // (ASCII text takes a fast path of its own in the trainer; the rest the normalizer's).
    const auto bert = ft::text::loadTokenizer(FT_SHARED_DIR "/data/vocab/bert-base-uncased");
    ft::text::EncodeOptions plain;
    plain.addSpecialTokens = false;
    std::vector<std::string> texts = {"Tabs\tand\r\nnew\vlines\f here\x7f!",
                                      "x\x01y [MASK]z[PAD] (a)-b_c `d` {e}~ $5.00 a@b.c",
                                      "  lead and trail  ",
                                      "Ünïcödé ÀÉÎ ﬁ ① Ⅻ café",
                                      "[CLS] [SEP]",
                                      ""};
    std::ifstream in(FT_SHARED_DIR "/data/ag-news/test.csv", std::ios::binary);
    std::string line;
    while (texts.size() < 1500 && std::getline(in, line)) texts.push_back(line);
    for (const auto& s : sms(1000)) texts.push_back(s);
    size_t compared = 0;
    for (const std::string& text : texts) {
        const auto e = bert->encode(text, plain);
        if (std::find(e.ids.begin(), e.ids.end(), bert->unkId()) != e.ids.end()) continue;
        std::vector<std::string> words;
        for (size_t i = 0; i < e.size(); ++i) {
            const std::string& tok = e.tokens[i];
            if (std::find(kSpecials.begin(), kSpecials.end(), tok) != kSpecials.end()) continue;
            if (tok.rfind("##", 0) == 0)
                words.back() += tok.substr(2);
            else
                words.push_back(tok);
        }
        const auto ours = utf8(t.words(text));
        auto joined = [](const std::vector<std::string>& v) {
            std::string out;
            for (const auto& w : v) out += "|" + w;
            return out;
        };
        QVERIFY2(ours == words,
                 qPrintable(QString::fromStdString(text + "\n  trainer: " + joined(ours) +
                                                   "\n  bert:    " + joined(words))));
        ++compared;
    }
    QVERIFY2(compared > 2400, qPrintable(QString::number(compared)));
}

void TstWordPieceTrainer::deterministic() {
    const auto texts = sms(2000);
    WordPieceTrainerOptions o;
    o.vocabSize = 3000;
    o.threads = 1;
    const auto a = trained(texts, o);
    QCOMPARE(a.size(), size_t(3000));
    QCOMPARE(std::vector<std::string>(a.begin(), a.begin() + 5), kSpecials);
    QCOMPARE(trained(texts, o), a);
    // The order of the texts, the number of threads and feeding in parts change nothing.
    auto shuffled = texts;
    std::mt19937 rng(5);
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    o.threads = 4;
    QCOMPARE(trained(shuffled, o), a);
    WordPieceTrainer parts(o);
    parts.feed(std::vector<std::string>(texts.begin(), texts.begin() + 700));
    parts.feed(std::vector<std::string>(texts.begin() + 700, texts.end()));
    QCOMPARE(parts.train(), a);
    // Different data, different vocabulary.
    QVERIFY(trained(std::vector<std::string>(texts.begin(), texts.begin() + 1000), o) != a);
}

void TstWordPieceTrainer::alphabetLimit() {
    // Character counts: a 7, b 4, c 4, z 4 (only inside a word), d 2, e 1.
    WordPieceTrainerOptions o;
    o.limitAlphabet = 3;
    o.minFrequency = 1;
    WordPieceTrainer t(o);
    t.feed({"aaa aaa", "bb bb", "cc cc", "dd", "e", "azzzz"});
    const auto v = t.train();
    auto has = [&](const char* s) { return std::find(v.begin(), v.end(), s) != v.end(); };
    // The tie at 4 keeps the smaller code points: the alphabet is a, b, c.
    QVERIFY(has("a"));
    QVERIFY(has("b"));
    QVERIFY(has("c"));
    QVERIFY(!has("d"));
    QVERIFY(!has("e"));
    QVERIFY(!has("z"));
    QVERIFY(!has("##z"));
    QCOMPARE(std::vector<std::string>(v.begin() + 5, v.begin() + 8),
             (std::vector<std::string>{"a", "b", "c"}));
}

void TstWordPieceTrainer::folderLoadsAndRoundTrips() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto texts = sms(3000);
    WordPieceTrainerOptions o;
    o.vocabSize = 4000;
    WordPieceTrainer t(o);
    t.feed(texts);
    const auto vocab = t.train();
    const std::string folder = dir.filePath("tok").toStdString();
    ft::text::saveWordPieceFolder(folder, vocab, o);

    QCOMPARE(readAll(fs::path(folder) / "vocab.txt").substr(0, 31),
             std::string("[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n"));
    const auto config = nlohmann::json::parse(readAll(fs::path(folder) / "tokenizer_config.json"));
    QCOMPARE(config.at("tokenizer_class").get<std::string>(), std::string("BertTokenizer"));
    QCOMPARE(config.at("do_lower_case").get<bool>(), true);
    QCOMPARE(config.at("model_max_length").get<int>(), 512);
    QCOMPARE(config.at("mask_token").get<std::string>(), std::string("[MASK]"));
    const auto map = nlohmann::json::parse(readAll(fs::path(folder) / "special_tokens_map.json"));
    QCOMPARE(map.at("pad_token").get<std::string>(), std::string("[PAD]"));
    QVERIFY(!fs::exists(folder + ".tmp-" + std::to_string(getpid())));

    const auto tk = ft::text::loadTokenizer(folder);
    QCOMPARE(tk->vocabSize(), vocab.size());
    QCOMPARE(tk->padId(), 0);
    QCOMPARE(tk->unkId(), 1);
    QCOMPARE(tk->clsId(), 2);
    QCOMPARE(tk->sepId(), 3);
    QCOMPARE(tk->specialTokens().maskId, 4);
    QCOMPARE(tk->modelMaxLength(), size_t(512));
    for (size_t i = 0; i < vocab.size(); ++i)
        QCOMPARE(tk->tokenToId(vocab[i]), static_cast<int32_t>(i));

    // Every training text: no [UNK], and the pieces put back together are the words the
    // trainer counted (training and use cut text the same way).
    ft::text::EncodeOptions plain;
    plain.addSpecialTokens = false;
    size_t tokens = 0;
    for (const std::string& text : texts) {
        const auto e = tk->encode(text, plain);
        std::vector<std::string> words;
        for (const std::string& tok : e.tokens) {
            QVERIFY2(tok != "[UNK]", text.c_str());
            if (tok.rfind("##", 0) == 0)
                words.back() += tok.substr(2);
            else
                words.push_back(tok);
        }
        std::vector<std::string> expected;
        for (const auto& w : t.words(text)) expected.push_back(ft::text::unicode::toUtf8(w));
        QCOMPARE(words, expected);
        tokens += e.size();
    }
    // A vocabulary trained on these texts cuts few of their words: under 1.3 pieces a word.
    QVERIFY2(tokens < t.totalWords() * 13 / 10,
             qPrintable(QString("%1 tokens for %2 words").arg(tokens).arg(t.totalWords())));

    // Saving again replaces the folder in one rename.
    ft::text::saveWordPieceFolder(folder, {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "x"}, o);
    QCOMPARE(ft::text::loadTokenizer(folder)->vocabSize(), size_t(6));
}

void TstWordPieceTrainer::nonAsciiWords() {
    QTemporaryDir dir;
    const std::vector<std::string> texts = {"Café au lait",   "un café naïve", "NAÏVE café",
                                            "東京 est grand", "東京タワー",    "Ångström café"};
    WordPieceTrainerOptions o;
    o.minFrequency = 1;
    const auto vocab = trained(texts, o);
    auto has = [&](const char* s) {
        return std::find(vocab.begin(), vocab.end(), s) != vocab.end();
    };
    QVERIFY(has("cafe"));  // accents stripped, as the uncased tokenizer will see it
    QVERIFY(has("naive"));
    QVERIFY(has("東"));
    QVERIFY(has("京"));
    QVERIFY(!has("café"));
    const std::string folder = dir.filePath("tok").toStdString();
    ft::text::saveWordPieceFolder(folder, vocab, o);
    const auto tk = ft::text::loadTokenizer(folder);
    ft::text::EncodeOptions plain;
    plain.addSpecialTokens = false;
    QCOMPARE(tk->encode("CAFÉ Naïve 東", plain).tokens,
             (std::vector<std::string>{"cafe", "naive", "東"}));
    // A character never seen is unknown.
    QCOMPARE(tk->encode("café ß", plain).tokens, (std::vector<std::string>{"cafe", "[UNK]"}));
}

void TstWordPieceTrainer::cancel() {
    const auto texts = sms(3000);
    for (unsigned threads : {1u, 3u}) {
        WordPieceTrainerOptions o;
        o.threads = threads;
        WordPieceTrainer t(o);
        ft::Progress stop;
        stop.shouldStop = [] { return true; };
        try {
            t.feed(texts, stop);
            QFAIL("feed was not cancelled");
        } catch (const ft::Error& e) {
            QCOMPARE(e.code(), ft::ErrorCode::Cancelled);
        }
        QCOMPARE(t.distinctWords(), size_t(0));  // nothing counted
        QCOMPARE(t.totalWords(), uint64_t(0));
        std::vector<double> fractions;
        ft::Progress p;
        p.onProgress = [&](double f, const std::string&) { fractions.push_back(f); };
        t.feed(texts, p);
        QVERIFY(!fractions.empty());
        QCOMPARE(fractions.back(), 1.0);
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QVERIFY_THROWS_EXCEPTION(ft::Error, t.train(stop));
        QVERIFY(t.train().size() > 1000);
    }
}

void TstWordPieceTrainer::badInput() {
    WordPieceTrainerOptions o;
    o.specialTokens = {"[PAD]", "[CLS]"};
    try {
        WordPieceTrainer t(o);
        QFAIL("a vocabulary without [UNK] was accepted");
    } catch (const ft::Error& e) {
        QVERIFY2(std::string(e.what()).find("[UNK]") != std::string::npos, e.what());
    }
    o.specialTokens = {"[UNK]", "[UNK]"};
    QVERIFY_THROWS_EXCEPTION(ft::Error, WordPieceTrainer{o});
    o = {};
    o.vocabSize = 0;
    QVERIFY_THROWS_EXCEPTION(ft::Error, WordPieceTrainer{o});

    QTemporaryDir dir;
    const std::string folder = dir.filePath("tok").toStdString();
    auto refused = [&](const std::vector<std::string>& vocab, const std::string& what) {
        try {
            ft::text::saveWordPieceFolder(folder, vocab);
            return std::string("accepted");
        } catch (const ft::Error& e) {
            const std::string m = e.what();
            if (m.find(what) == std::string::npos) return m;
        }
        return fs::exists(folder) ? std::string("the folder was created") : std::string();
    };
    std::vector<std::string> v = kSpecials;
    v.push_back("ab");
    v.push_back("ab");
    QCOMPARE(refused(v, "entry 6 ('ab') is a duplicate"), std::string());
    v = kSpecials;
    v.push_back("a\nb");
    QCOMPARE(refused(v, "entry 5"), std::string());
    QCOMPARE(refused({"[PAD]", "[CLS]", "[SEP]", "[MASK]"}, "[UNK]"), std::string());
    // An existing good folder survives a refused save.
    ft::text::saveWordPieceFolder(folder, kSpecials);
    v = kSpecials;
    v.push_back("");
    try {
        ft::text::saveWordPieceFolder(folder, v);
        QFAIL("an empty entry was accepted");
    } catch (const ft::Error&) {
    }
    QCOMPARE(ft::text::loadTokenizer(folder)->vocabSize(), size_t(5));
}

QTEST_GUILESS_MAIN(TstWordPieceTrainer)
#include "tst_wordpiecetrainer.moc"
