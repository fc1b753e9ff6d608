#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "deploy/preprocessing.h"
#include "error.h"

using namespace ft;

class TestPreprocessing : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripAppliesTheTrainingSteps() {
        QTemporaryDir tmp;
        deploy::Preprocessing p;
        p.cleaning = data::Pipeline::fromStepList("html,urls,lowercase,punctuation,duplicates");
        deploy::writePreprocessing(tmp.path().toStdString(), p);
        const auto back = deploy::loadPreprocessing(tmp.path().toStdString());
        QVERIFY(back.cleaning);
        const std::string text = "WIN a prize!!! see https://x.example/a &amp; reply";
        QCOMPARE(back.apply(text), data::cleanText(*p.cleaning, text));
        QVERIFY(back.apply(text) != text);
    }

    void aPlainFolderIsTheIdentity() {
        QTemporaryDir tmp;
        const auto p = deploy::loadPreprocessing(tmp.path().toStdString());
        QVERIFY(!p.cleaning);
        QCOMPARE(p.apply("As Is!"), std::string("As Is!"));
    }

    void badFilesNameTheFileAndKey_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("mention");
        QTest::newRow("not json") << QByteArray("{oops") << "not valid JSON";
        QTest::newRow("other format") << QByteArray(R"({"format":"x","version":1})") << "'format'";
        QTest::newRow("newer") << QByteArray(
                                      R"({"format":"finetune-studio/preprocessing","version":9})")
                               << "version 9";
        QTest::newRow("bad step")
            << QByteArray(
                   R"({"format":"finetune-studio/preprocessing","version":1,"cleaning":{"steps":["shout"]}})")
            << "'cleaning'";
    }
    void badFilesNameTheFileAndKey() {
        QFETCH(QByteArray, content);
        QFETCH(QString, mention);
        QTemporaryDir tmp;
        QFile f(tmp.filePath("preprocessing.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        try {
            deploy::loadPreprocessing(tmp.path().toStdString());
            QFAIL("no error");
        } catch (const Error& e) {
            const QString m = QString::fromStdString(e.what());
            QVERIFY2(m.contains("preprocessing.json") && m.contains(mention), qPrintable(m));
        }
    }
};

QTEST_GUILESS_MAIN(TestPreprocessing)
#include "tst_preprocessing.moc"
