// Runs `finetune tokenize` on fixture checkpoint folders and checks the JSON ids against
// the Hugging Face reference encodings.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include "cli/cliprocess.h"

namespace {

using Result = ft::test::CliResult;

Result run(const QStringList& args) { return ft::test::runCli(args); }

using ft::test::shared;

QList<int> ids(const QJsonObject& o) {
    QList<int> out;
    for (const auto& v : o.value("ids").toArray()) out << v.toInt();
    return out;
}

}  // namespace

class TestTokenizeCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jsonIds_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QList<int>>("expected");
        // From fixtures/hf/tokenizers/real-vocab-encodings.jsonl and the tiny-gpt2 reference.
        QTest::newRow("bert-base-uncased")
            << QStringList{"--model", shared("data/vocab/bert-base-uncased"), "Hello, world!"}
            << QList<int>{101, 7592, 1010, 2088, 999, 102};
        QTest::newRow("roberta-base")
            << QStringList{"--model", shared("data/vocab/roberta-base"), "Hello, world!"}
            << QList<int>{0, 31414, 6, 232, 328, 2};
        QTest::newRow("tiny-gpt2") << QStringList{"--model", shared("data/models/tiny-gpt2"),
                                                  "Hello world, this is a test."}
                                   << QList<int>{15496, 995, 11, 428, 318, 257, 1332, 13};
        QTest::newRow("pair truncated")
            << QStringList{"--model",
                           shared("data/vocab/bert-base-uncased"),
                           "--max-length",
                           "16",
                           "--pair",
                           "Paris is the capital and largest city of France.",
                           "What is the capital of France?"}
            << QList<int>{101,  2054, 2003, 1996, 3007, 1997, 2605, 102,
                          3000, 2003, 1996, 3007, 1998, 2922, 2103, 102};
        QTest::newRow("no special")
            << QStringList{"--model", shared("data/vocab/bert-base-uncased"), "--no-special",
                           "Hello, world!"}
            << QList<int>{7592, 1010, 2088, 999};
    }

    void jsonIds() {
        QFETCH(QStringList, args);
        QFETCH(QList<int>, expected);
        const Result r = run(QStringList{"tokenize", "--json"} + args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(ids(o), expected);
        QCOMPARE(o.value("tokens").toArray().size(), expected.size());
        QCOMPARE(o.value("type_ids").toArray().size(), expected.size());
        QCOMPARE(o.value("offsets").toArray().size(), expected.size());
    }

    void folderWithoutTokenizerFails() {
        const Result r =
            run({"tokenize", "--model", shared("fixtures/hf/models/bert-tiny-train-init"), "hi"});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("tokenizer.json") && r.err.contains("spiece.model"),
                 qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestTokenizeCli)
#include "tst_tokenize_cli.moc"
