#include <string>
#include <vector>

#include <QtTest>

#include "error.h"
#include "metrics/sensitivity.h"
#include "util/text.h"

using namespace ft::metrics;

class TstSensitivity : public QObject {
    Q_OBJECT

private slots:
    void wordCounts();
    void lengthBuckets();
    void lengthBucketsMerge();
    void byClass();
    void lowercase();
    void punctuation();
    void typos();
    void truncation_data();
    void truncation();
    void perturbAll();
    void deltas();
};

void TstSensitivity::wordCounts() {
    QCOMPARE(wordCount("  a bb\tccc\n"), int64_t(3));
    QCOMPARE(wordCount(""), int64_t(0));
    QCOMPARE(wordCount("東京 tower"), int64_t(2));
}

void TstSensitivity::lengthBuckets() {
    // Lengths 1..8 in four buckets: quantile edges 2, 4, 6, 8 (positions 1, 3, 5, 7).
    std::vector<std::string> texts;
    for (int n = 1; n <= 8; ++n) {
        std::string t;
        for (int w = 0; w < n; ++w) {
            t += "w ";
        }
        texts.push_back(t);
    }
    Classification c;
    c.numClasses = 2;
    c.yTrue = {0, 1, 0, 1, 0, 1, 0, 1};
    c.yPred = {0, 1, 0, 0, 1, 0, 1, 0};  // right on 1, 2, 3; wrong from 4 words on
    const std::vector<SliceMetrics> b = metricsByLength(c, texts, 4);
    QCOMPARE(b.size(), size_t(4));
    QCOMPARE(b[0].name, std::string("1-2 words"));
    QCOMPARE(b[3].name, std::string("7-8 words"));
    for (const SliceMetrics& s : b) {
        QCOMPARE(s.rows, int64_t(2));
    }
    QCOMPARE(b[0].accuracy, 1.0);
    QCOMPARE(b[0].macroF1, 1.0);
    QCOMPARE(b[1].accuracy, 0.5);
    QCOMPARE(b[2].accuracy, 0.0);
    QCOMPARE(b[3].accuracy, 0.0);
    QVERIFY_THROWS_EXCEPTION(ft::Error, metricsByLength(c, {"a"}, 4));
    QVERIFY_THROWS_EXCEPTION(ft::Error, metricsByLength(c, texts, 0));
}

void TstSensitivity::lengthBucketsMerge() {
    Classification c;
    c.numClasses = 2;
    c.yTrue = {0, 1, 1};
    c.yPred = {0, 1, 0};
    const std::vector<SliceMetrics> b = metricsByLength(c, {"a b", "c d", "e f"}, 4);
    QCOMPARE(b.size(), size_t(1));
    QCOMPARE(b[0].name, std::string("2-2 words"));
    QCOMPARE(b[0].rows, int64_t(3));
    QVERIFY(std::fabs(b[0].accuracy - 2.0 / 3.0) < 1e-12);
}

void TstSensitivity::byClass() {
    Classification c;
    c.numClasses = 3;
    c.labels = {"neg", "neu", "pos"};
    c.yTrue = {0, 0, 1, 1, 2, 2};
    c.yPred = {0, 1, 1, 1, 0, 2};
    const std::vector<SliceMetrics> s = metricsByClass(c);
    QCOMPARE(s.size(), size_t(3));
    QCOMPARE(s[0].name, std::string("neg"));
    QCOMPARE(s[0].rows, int64_t(2));
    QCOMPARE(s[0].accuracy, 0.5);
    QCOMPARE(s[1].accuracy, 1.0);
    // Class 1: precision 2/3, recall 1 -> F1 0.8.
    QVERIFY(std::fabs(s[1].macroF1 - 0.8) < 1e-12);
}

void TstSensitivity::lowercase() { QCOMPARE(lowercased("ÀB Ça ΣΑ"), std::string("àb ça σα")); }

void TstSensitivity::punctuation() {
    QCOMPARE(withoutPunctuation("Hello, world! (it's) «fine» 5$ a_b"),
             std::string("Hello world its fine 5 ab"));
}

void TstSensitivity::typos() {
    const std::string text = "héllo wörld, this is a sentence with ✓ marks";
    QCOMPARE(withTypos(text, 0.0, 1), text);
    const std::string a = withTypos(text, 0.3, 7);
    QCOMPARE(withTypos(text, 0.3, 7), a);
    QVERIFY(a != text);
    QVERIFY(withTypos(text, 0.3, 8) != a);
    QVERIFY(ft::util::isValidUtf8(a));
    QVERIFY(a.find("✓") != std::string::npos);  // symbols are never touched
    QVERIFY(a.find(", ") != std::string::npos);
    // At rate 1 every letter is swapped, dropped or followed by an insertion.
    const std::string all = withTypos("abcdefgh", 1.0, 3);
    QVERIFY(all != "abcdefgh");
    QVERIFY_THROWS_EXCEPTION(ft::Error, withTypos(text, 1.5, 1));
}

void TstSensitivity::truncation_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("odd words") << "one two three four five"
                               << "one two three";
    QTest::newRow("even words") << "one  two three four"
                                << "one  two";
    QTest::newRow("spaces around") << "  a b  "
                                   << "a";
    QTest::newRow("one word") << "abcdefg"
                              << "abcd";
    QTest::newRow("one word, multibyte") << "ñandú"
                                         << "ñan";
    QTest::newRow("empty") << ""
                           << "";
}

void TstSensitivity::truncation() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(truncatedToHalf(text.toStdString())), expected);
}

void TstSensitivity::perturbAll() {
    const std::vector<std::string> texts{"Hello, World!", "Hello, World!", "A b c d"};
    const auto typos = perturb(texts, Perturbation::Typos, 0.5, 11);
    QCOMPARE(typos.size(), size_t(3));
    QCOMPARE(typos[0], withTypos(texts[0], 0.5, 11));
    QCOMPARE(typos[1], withTypos(texts[1], 0.5, 12));  // row i uses seed + i
    QCOMPARE(perturb(texts, Perturbation::Lowercase)[0], std::string("hello, world!"));
    QCOMPARE(perturb(texts, Perturbation::NoPunctuation)[0], std::string("Hello World"));
    QCOMPARE(perturb(texts, Perturbation::TruncateHalf)[2], std::string("A b"));
    QCOMPARE(std::string(toString(Perturbation::TruncateHalf)), std::string("truncate-half"));
}

void TstSensitivity::deltas() {
    Classification base;
    base.numClasses = 2;
    base.yTrue = {0, 0, 1, 1};
    base.yPred = {0, 0, 1, 1};
    Classification worse = base;
    worse.yPred = {0, 1, 1, 0};
    const SensitivityDelta d = compareMetrics("typos", base, worse);
    QCOMPARE(d.name, std::string("typos"));
    QCOMPARE(d.accuracy, 0.5);
    QCOMPARE(d.accuracyDelta, -0.5);
    QCOMPARE(d.macroF1Delta, -0.5);
    QCOMPARE(d.changedPredictions, int64_t(2));
    Classification other = base;
    other.yTrue = {1, 0, 1, 1};
    QVERIFY_THROWS_EXCEPTION(ft::Error, compareMetrics("x", base, other));
}

QTEST_GUILESS_MAIN(TstSensitivity)
#include "tst_sensitivity.moc"
