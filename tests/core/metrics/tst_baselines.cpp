#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <QtTest>

#include "error.h"
#include "metrics/baselines.h"
#include "metrics/report.h"
#include "metrics/tfidf.h"
#include "util/random.h"
#include "util/text.h"

using namespace ft::metrics;
using ft::util::Random;

namespace {

struct Labelled {
    std::vector<std::string> texts;
    std::vector<int> labels;
    std::vector<std::string> classes;  // sorted label names; labels index into them
};

// Lines "label<TAB>text" (split at the first TAB) or, for TREC, "LABEL:fine text".
// Lines that are not valid UTF-8 are read as Latin-1 (TREC.train line 66 has 0xF0).
Labelled readLabelled(const std::string& path, bool trec, bool dropDuplicates) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot open " + path);
    }
    std::vector<std::pair<std::string, std::string>> rows;
    std::set<std::string> seen;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.empty()) {
            continue;
        }
        if (!ft::util::isValidUtf8(line)) {
            line = ft::util::windows1252ToUtf8(line);
        }
        const size_t cut = line.find(trec ? ' ' : '\t');
        if (cut == std::string::npos) {
            continue;
        }
        std::string label = line.substr(0, cut);
        if (trec) {
            label = label.substr(0, label.find(':'));
        }
        std::string text = line.substr(cut + 1);
        if (dropDuplicates && !seen.insert(text).second) {
            continue;
        }
        rows.emplace_back(std::move(label), std::move(text));
    }
    Labelled out;
    for (const auto& r : rows) {
        out.classes.push_back(r.first);
    }
    std::sort(out.classes.begin(), out.classes.end());
    out.classes.erase(std::unique(out.classes.begin(), out.classes.end()), out.classes.end());
    for (auto& r : rows) {
        out.labels.push_back(
            static_cast<int>(std::lower_bound(out.classes.begin(), out.classes.end(), r.first) -
                             out.classes.begin()));
        out.texts.push_back(std::move(r.second));
    }
    return out;
}

Labelled subset(const Labelled& d, const std::vector<size_t>& rows) {
    Labelled out;
    out.classes = d.classes;
    for (size_t i : rows) {
        out.texts.push_back(d.texts[i]);
        out.labels.push_back(d.labels[i]);
    }
    return out;
}

// Stratified split: per class (in class order) the row indices are shuffled by
// Fisher-Yates with one seeded generator, then the first round(0.70 n) go to train,
// the next round(0.15 n) to validation, the rest to test.
void stratifiedSplit(const Labelled& d, uint64_t seed, Labelled& train, Labelled& validation,
                     Labelled& test) {
    Random rng(seed);
    std::vector<size_t> tr, va, te;
    for (int k = 0; k < static_cast<int>(d.classes.size()); ++k) {
        std::vector<size_t> idx;
        for (size_t i = 0; i < d.labels.size(); ++i) {
            if (d.labels[i] == k) {
                idx.push_back(i);
            }
        }
        for (size_t i = idx.size(); i > 1; --i) {
            std::swap(idx[i - 1], idx[rng.below(i)]);
        }
        const auto n = static_cast<double>(idx.size());
        const auto nTrain = static_cast<size_t>(std::llround(0.70 * n));
        const auto nVal = static_cast<size_t>(std::llround(0.15 * n));
        for (size_t i = 0; i < idx.size(); ++i) {
            (i < nTrain ? tr : i < nTrain + nVal ? va : te).push_back(idx[i]);
        }
    }
    std::sort(tr.begin(), tr.end());
    std::sort(va.begin(), va.end());
    std::sort(te.begin(), te.end());
    train = subset(d, tr);
    validation = subset(d, va);
    test = subset(d, te);
}

struct Scores {
    double tfidf = 0;
    double majority = 0;
};

Scores evaluate(const Labelled& train, const Labelled& test) {
    const int k = static_cast<int>(train.classes.size());
    Scores s;
    TfidfBaseline tfidf;
    tfidf.fit(train.texts, train.labels, k);
    s.tfidf = accuracy(classify(tfidf, test.texts, test.labels, k));
    MajorityBaseline majority;
    majority.fit(train.texts, train.labels, k);
    s.majority = accuracy(classify(majority, test.texts, test.labels, k));
    qInfo(
        "train %zu rows, test %zu rows, vocabulary %zu, %d L-BFGS iterations: TF-IDF + "
        "logistic regression accuracy %.4f, majority class accuracy %.4f",
        train.texts.size(), test.texts.size(), tfidf.vectorizer().vocabularySize(),
        tfidf.regression().iterations(), s.tfidf, s.majority);
    return s;
}

}  // namespace

class TstBaselines : public QObject {
    Q_OBJECT

private slots:
    void wordTokens_data();
    void wordTokens();
    void tfidfMatchesScikitLearn();
    void tfidfOptions();
    void logisticRegressionSeparates();
    void logisticRegressionIsDeterministic();
    void majorityBaseline();
    void rejectsBadInput();
    void smsSpam();
    void trec();
};

void TstBaselines::wordTokens_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("tokens");
    QTest::newRow("punctuation") << "Hello, World!" << QStringList{"hello", "world"};
    QTest::newRow("single characters dropped") << "I'm a x_y 42 b" << QStringList{"x_y", "42"};
    QTest::newRow("unicode letters")
        << QString::fromUtf8("Ça VA über-Straße 東京")
        << QStringList{QString::fromUtf8("ça"), "va", QString::fromUtf8("über"),
                       QString::fromUtf8("straße"), QString::fromUtf8("東京")};
    QTest::newRow("empty") << "" << QStringList{};
}

void TstBaselines::wordTokens() {
    QFETCH(QString, text);
    QFETCH(QStringList, tokens);
    QStringList got;
    for (const std::string& t : ft::metrics::wordTokens(text.toStdString())) {
        got << QString::fromStdString(t);
    }
    QCOMPARE(got, tokens);
}

void TstBaselines::tfidfMatchesScikitLearn() {
    // The corpus of scikit-learn's TfidfVectorizer documentation; its printed output
    // for the first document with TfidfVectorizer() (unigrams, smooth idf, l2).
    const std::vector<std::string> corpus{
        "This is the first document.", "This document is the second document.",
        "And this is the third one.", "Is this the first document?"};
    TfidfOptions o;
    o.maxN = 1;
    TfidfVectorizer v(o);
    const SparseMatrix x = v.fitTransform(corpus);
    const std::vector<std::string> terms{"and",    "document", "first", "is",  "one",
                                         "second", "the",      "third", "this"};
    QCOMPARE(v.terms(), terms);
    const std::vector<double> row0{0, 0.46979139, 0.58028582, 0.38408524, 0,
                                   0, 0.38408524, 0,          0.38408524};
    std::vector<double> dense(terms.size(), 0);
    for (size_t p = x.rowStart[0]; p < x.rowStart[1]; ++p) {
        dense[x.col[p]] = x.value[p];
    }
    for (size_t j = 0; j < terms.size(); ++j) {
        QVERIFY2(std::fabs(dense[j] - row0[j]) < 1e-8, terms[j].c_str());
    }
    QCOMPARE(x.rows, size_t(4));
}

void TstBaselines::tfidfOptions() {
    const std::vector<std::string> corpus{"red apple red", "green apple", "red car"};
    TfidfOptions o;
    o.minDf = 2;
    TfidfVectorizer v(o);
    v.fit(corpus);
    QCOMPARE(v.terms(), (std::vector<std::string>{"apple", "red"}));
    o.minDf = 1;
    o.maxFeatures = 2;  // by corpus frequency: red 3, apple 2
    TfidfVectorizer capped(o);
    capped.fit(corpus);
    QCOMPARE(capped.terms(), (std::vector<std::string>{"apple", "red"}));
    o.maxFeatures = 0;
    o.sublinearTf = true;
    o.maxN = 1;
    TfidfVectorizer sub(o);
    const SparseMatrix x = sub.fitTransform({"red red red apple", "apple"});
    // Row 0: red tf 3 -> 1 + ln 3, idf ln(3/2) + 1; apple tf 1, idf 1.
    const double red = (1 + std::log(3.0)) * (std::log(1.5) + 1);
    const double norm = std::sqrt(red * red + 1);
    QCOMPARE(x.rowStart[1], size_t(2));
    QVERIFY(std::fabs(x.value[0] - 1 / norm) < 1e-12);    // apple
    QVERIFY(std::fabs(x.value[1] - red / norm) < 1e-12);  // red
    // Unknown words give an all-zero row, not a NaN.
    const SparseMatrix unknown = sub.transform({"zebra"});
    QCOMPARE(unknown.rowStart[1], size_t(0));
    QVERIFY_THROWS_EXCEPTION(ft::Error, TfidfVectorizer().fit({"a b c"}));
}

void TstBaselines::logisticRegressionSeparates() {
    const std::vector<std::string> texts{
        "good great fine", "great fun",   "fine good day", "bad awful",      "awful terrible day",
        "terrible bad",    "table chair", "chair desk",    "desk table lamp"};
    const std::vector<int> labels{0, 0, 0, 1, 1, 1, 2, 2, 2};
    TfidfBaselineOptions o;
    o.regression.c = 100;
    TfidfBaseline model(o);
    model.fit(texts, labels, 3);
    const Classification c =
        classify(model, {"good fun", "terrible awful", "lamp chair"}, {0, 1, 2}, 3);
    QCOMPARE(c.yPred, (std::vector<int>{0, 1, 2}));
    for (const auto& row : c.scores) {
        double sum = 0;
        for (double p : row) {
            sum += p;
        }
        QVERIFY(std::fabs(sum - 1) < 1e-12);
    }
    QVERIFY(model.regression().iterations() > 1);
}

void TstBaselines::logisticRegressionIsDeterministic() {
    std::vector<std::string> texts;
    std::vector<int> labels;
    Random rng(3);
    const char* words[] = {"alpha", "beta", "gamma", "delta", "eps", "zeta", "eta", "theta"};
    for (int i = 0; i < 300; ++i) {
        std::string t;
        const int label = static_cast<int>(rng.below(3));
        for (int w = 0; w < 6; ++w) {
            t += words[(rng.below(6) + 2 * label) % 8];
            t += ' ';
        }
        texts.push_back(t);
        labels.push_back(label);
    }
    TfidfBaselineOptions o;
    o.regression.balancedClassWeight = true;
    TfidfBaseline a(o), b(o);
    a.fit(texts, labels, 3);
    b.fit(texts, labels, 3);
    const auto pa = a.predictProba(texts);
    const auto pb = b.predictProba(texts);
    QVERIFY(pa == pb);
    QCOMPARE(a.regression().iterations(), b.regression().iterations());
}

void TstBaselines::majorityBaseline() {
    MajorityBaseline m;
    m.fit({"a", "b", "c", "d"}, {2, 1, 2, 0}, 3);
    QCOMPARE(m.majorityClass(), 2);
    const Classification c = classify(m, {"x", "y"}, {2, 0}, 3);
    QCOMPARE(c.yPred, (std::vector<int>{2, 2}));
    QCOMPARE(c.scores[0], (std::vector<double>{0.25, 0.25, 0.5}));
    MajorityBaseline tie;
    tie.fit({"a", "b"}, {1, 0}, 2);
    QCOMPARE(tie.majorityClass(), 0);
}

void TstBaselines::rejectsBadInput() {
    TfidfBaseline model;
    QVERIFY_THROWS_EXCEPTION(ft::Error, model.fit({"aa bb"}, {0, 1}, 2));
    QVERIFY_THROWS_EXCEPTION(ft::Error, model.fit({"aa bb", "cc dd"}, {0, 2}, 2));
    QVERIFY_THROWS_EXCEPTION(ft::Error, model.predictProba({"aa"}));
    MajorityBaseline majority;
    QVERIFY_THROWS_EXCEPTION(ft::Error, majority.fit({"aa"}, {0}, 1));
    ft::Progress stop;
    stop.shouldStop = [] { return true; };
    try {
        model.fit({"aa bb", "cc dd"}, {0, 1}, 2, stop);
        QFAIL("fit did not stop");
    } catch (const ft::Error& e) {
        QCOMPARE(e.code(), ft::ErrorCode::Cancelled);
    }
}

void TstBaselines::smsSpam() {
    const Labelled all =
        readLabelled(std::string(FT_SHARED_DIR) + "/data/sms-spam/SMSSpamCollection", false, true);
    QCOMPARE(all.classes, (std::vector<std::string>{"ham", "spam"}));
    Labelled train, validation, test;
    stratifiedSplit(all, 42, train, validation, test);
    qInfo("SMS spam: %zu unique texts", all.texts.size());
    QCOMPARE(train.texts.size() + validation.texts.size() + test.texts.size(), all.texts.size());
    const Scores s = evaluate(train, test);
    QVERIFY2(s.tfidf >= 0.95, qPrintable(QString::number(s.tfidf)));
    QVERIFY(s.majority > 0.8 && s.majority < 0.9);  // ham is ~87 % of the texts
    QVERIFY(s.tfidf > s.majority);
}

void TstBaselines::trec() {
    const std::string dir = std::string(FT_SHARED_DIR) + "/data/trec/";
    const Labelled train = readLabelled(dir + "TREC.train", true, false);
    Labelled test = readLabelled(dir + "TREC.test", true, false);
    const std::vector<std::string> coarse{"ABBR", "DESC", "ENTY", "HUM", "LOC", "NUM"};
    QCOMPARE(train.classes, coarse);
    QCOMPARE(test.classes, coarse);
    QCOMPARE(train.texts.size(), size_t(5452));
    QCOMPARE(test.texts.size(), size_t(500));
    QVERIFY(ft::util::isValidUtf8(train.texts[65]));
    const Scores s = evaluate(train, test);
    QVERIFY2(s.tfidf >= 0.80, qPrintable(QString::number(s.tfidf)));
    QVERIFY(s.tfidf > s.majority);
}

QTEST_GUILESS_MAIN(TstBaselines)
#include "tst_baselines.moc"
