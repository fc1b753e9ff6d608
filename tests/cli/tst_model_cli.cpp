// Runs `finetune model info` and `finetune model predict` on the fixture checkpoint
// folders and the real tiny-gpt2 folder.
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

QString fixture(const char* name) {
    return QStringLiteral(FT_SHARED_DIR "/fixtures/hf/models/") + QLatin1String(name);
}

}  // namespace

class TestModelCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void infoJson_data() {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("architecture");
        QTest::addColumn<int>("layers");
        QTest::addColumn<int>("hidden");
        QTest::addColumn<int>("vocab");
        QTest::addColumn<int>("maxPositions");
        QTest::addColumn<QString>("tokenizer");
        QTest::addColumn<int>("labels");
        QTest::newRow("bert-tiny") << fixture("bert-tiny") << "BertForSequenceClassification" << 2
                                   << 32 << 1000 << 64 << "WordPiece" << 3;
        QTest::newRow("roberta-tiny")
            << fixture("roberta-tiny") << "RobertaForSequenceClassification" << 2 << 32 << 1000
            << 64 << "BPE" << 3;
        QTest::newRow("distilbert-tiny")
            << fixture("distilbert-tiny") << "DistilBertForSequenceClassification" << 2 << 32
            << 1000 << 64 << "WordPiece" << 3;
        QTest::newRow("gpt2-tiny") << fixture("gpt2-tiny") << "GPT2ForSequenceClassification" << 2
                                   << 32 << 1000 << 64 << "BPE" << 3;
        QTest::newRow("tiny-gpt2") << QStringLiteral(FT_SHARED_DIR "/data/models/tiny-gpt2")
                                   << "GPT2LMHeadModel" << 2 << 2 << 50257 << 1024 << "BPE" << 0;
    }
    void infoJson() {
        QFETCH(QString, folder);
        QFETCH(QString, architecture);
        QFETCH(int, layers);
        QFETCH(int, hidden);
        QFETCH(int, vocab);
        QFETCH(int, maxPositions);
        QFETCH(QString, tokenizer);
        QFETCH(int, labels);
        const Result r = run({"model", "info", folder, "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value("architecture").toString(), architecture);
        QCOMPARE(o.value("layers").toInt(), layers);
        QCOMPARE(o.value("hidden_size").toInt(), hidden);
        QCOMPARE(o.value("vocab_size").toInt(), vocab);
        QCOMPARE(o.value("max_positions").toInt(), maxPositions);
        QCOMPARE(o.value("tokenizer").toString(), tokenizer);
        QCOMPARE(o.value("labels").toArray().size(), labels);
        QCOMPARE(o.value("dtype").toString(), QString("float32"));
        QVERIFY(o.value("parameters").toInt() > 0);
        QVERIFY(o.value("file_bytes").toInt() > 0);
    }

    void infoText() {
        const Result r = run({"model", "info", fixture("bert-tiny")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("BertForSequenceClassification"));
        QVERIFY(r.out.contains("negative, neutral, positive"));
    }

    void predictJson_data() {
        QTest::addColumn<QString>("folder");
        for (const char* n : {"bert-tiny", "distilbert-tiny", "roberta-tiny", "gpt2-tiny"})
            QTest::newRow(n) << fixture(n);
    }
    void predictJson() {
        QFETCH(QString, folder);
        const Result r = run({"model", "predict", folder, "--json", "a good film",
                              "the plot was thin but the actors were fine"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(a.size(), 2);
        for (const auto& v : a) {
            const QJsonObject p = v.toObject().value("probabilities").toObject();
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
        // Alone or in a padded batch, a text gets the same probabilities.
        const Result alone = run({"model", "predict", folder, "--json", "a good film"});
        const QJsonObject p0 = a.at(0).toObject().value("probabilities").toObject();
        const QJsonObject p1 = QJsonDocument::fromJson(alone.out.toUtf8())
                                   .array()
                                   .at(0)
                                   .toObject()
                                   .value("probabilities")
                                   .toObject();
        for (const auto& k : p0.keys())
            QVERIFY(std::abs(p0.value(k).toDouble() - p1.value(k).toDouble()) < 1e-6);
    }

    void predictText() {
        const Result r = run({"model", "predict", fixture("bert-tiny"), "hello there"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("hello there"));
        QVERIFY(r.out.contains("positive"));
    }

    void failures_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mustContain");
        QTest::newRow("language model has no head")
            << QStringList{"model", "predict",
                           QStringLiteral(FT_SHARED_DIR "/data/models/tiny-gpt2"), "hi"}
            << "classification head";
        QTest::newRow("not a checkpoint folder")
            << QStringList{"model", "info", QStringLiteral(FT_SHARED_DIR "/fixtures")}
            << "config.json";
    }
    void failures() {
        QFETCH(QStringList, args);
        QFETCH(QString, mustContain);
        const Result r = run(args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(mustContain), qPrintable(r.err));
        QCOMPARE(r.err.count('\n'), 1);
    }
};

QTEST_GUILESS_MAIN(TestModelCli)
#include "tst_model_cli.moc"
