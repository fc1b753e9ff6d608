// Runs `finetune model info` and `finetune model predict` on the xlnet-tiny fixture
// checkpoint (SentencePiece tokenizer, left padding, summary of the last position).
#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include "cli/cliprocess.h"

namespace {

using Result = ft::test::CliResult;

Result run(const QStringList& args) { return ft::test::runCli(args); }

const QString kFolder = QStringLiteral(FT_SHARED_DIR "/fixtures/hf/models/xlnet-tiny");

QJsonObject probabilities(const QJsonValue& prediction) {
    return prediction.toObject().value("probabilities").toObject();
}

}  // namespace

class TestXLNetCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void infoJson() {
        const Result r = run({"model", "info", kFolder, "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value("architecture").toString(), QString("XLNetForSequenceClassification"));
        QCOMPARE(o.value("model_type").toString(), QString("xlnet"));
        QCOMPARE(o.value("task").toString(), QString("sequence classification"));
        QCOMPARE(o.value("layers").toInt(), 2);
        QCOMPARE(o.value("hidden_size").toInt(), 32);
        QCOMPARE(o.value("heads").toInt(), 4);
        QCOMPARE(o.value("vocab_size").toInt(), 1000);
        QCOMPARE(o.value("max_positions").toInt(), 512);
        QCOMPARE(o.value("tokenizer").toString(), QString("Unigram"));
        QCOMPARE(o.value("format").toString(), QString("safetensors"));
        QCOMPARE(o.value("dtype").toString(), QString("float32"));
        QCOMPARE(o.value("labels").toArray(),
                 (QJsonArray{QStringLiteral("negative"), QStringLiteral("neutral"),
                             QStringLiteral("positive")}));
        QVERIFY(o.value("new_weights").toArray().isEmpty());
        QVERIFY(o.value("unexpected_keys").toArray().isEmpty());
        QVERIFY(o.value("parameters").toInt() > 0);
        QVERIFY(o.value("file_bytes").toInt() > 0);
    }

    void infoText() {
        const Result r = run({"model", "info", kFolder});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("XLNetForSequenceClassification (xlnet"));
        QVERIFY(r.out.contains("Unigram"));
        QVERIFY(r.out.contains("negative, neutral, positive"));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));  // no new weights to warn about
    }

    void predictJson() {
        const Result r = run({"model", "predict", kFolder, "--json", "a good film",
                              "the plot was thin but the actors were fine"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(a.size(), 2);
        for (const auto& v : a) {
            const QJsonObject p = probabilities(v);
            QCOMPARE(p.keys(), (QStringList{"negative", "neutral", "positive"}));
            double sum = 0, best = -1;
            QString bestLabel;
            for (const auto& k : p.keys()) {
                sum += p.value(k).toDouble();
                if (p.value(k).toDouble() > best) best = p.value(k).toDouble(), bestLabel = k;
            }
            QVERIFY(std::abs(sum - 1.0) < 1e-5);
            QCOMPARE(v.toObject().value("label").toString(), bestLabel);
        }
        // The short text is padded on the left in the batch: alone it gets the same
        // probabilities (relative positions, <cls> last either way).
        const Result alone = run({"model", "predict", kFolder, "--json", "a good film"});
        QVERIFY2(alone.exitCode == 0, qPrintable(alone.err));
        const QJsonObject p0 = probabilities(a.at(0));
        const QJsonObject p1 =
            probabilities(QJsonDocument::fromJson(alone.out.toUtf8()).array().at(0));
        for (const auto& k : p0.keys())
            QVERIFY(std::abs(p0.value(k).toDouble() - p1.value(k).toDouble()) < 1e-6);
        // Different texts get different probabilities (the model reads its input).
        const QJsonObject other = probabilities(a.at(1));
        bool differ = false;
        for (const auto& k : p0.keys())
            differ = differ || p0.value(k).toDouble() != other.value(k).toDouble();
        QVERIFY(differ);
    }

    void predictText() {
        const Result r = run({"model", "predict", kFolder, "hello there"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("hello there"));
        QVERIFY(r.out.contains("negative"));
        QVERIFY(r.out.contains("positive"));
        QCOMPARE(r.out.count('*'), 1);  // exactly one predicted label
    }
};

QTEST_GUILESS_MAIN(TestXLNetCli)
#include "tst_xlnet_cli.moc"
