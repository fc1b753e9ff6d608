// `finetune train` end to end through the real binary: a tiny built-in BERT on a generated
// dataset, killed with SIGKILL mid-run, then resumed; `finetune runs list`.
#include <csignal>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "cli/cliprocess.h"
#include "store/project.h"

namespace {

using Result = ft::test::CliResult;

Result run(const QStringList& args) { return ft::test::runCli(args); }

QList<QJsonObject> events(const QString& out) {
    QList<QJsonObject> list;
    for (const auto& line : out.split('\n', Qt::SkipEmptyParts))
        list << QJsonDocument::fromJson(line.toUtf8()).object();
    return list;
}

}  // namespace

class TestTrainCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void killAndResume();
    void interruptStopsCleanly();
    void badConfigNamesKey();

private:
    QString writeConfig(const QString& name, const QJsonObject& extra = {});
    QTemporaryDir m_dir;
    QString m_project;
};

void TestTrainCli::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_project = m_dir.filePath("project");
    QFile data(m_dir.filePath("data.csv"));
    QVERIFY(data.open(QIODevice::WriteOnly));
    data.write("text,label\n");
    const char* good[] = {"great", "lovely", "happy", "wonderful", "nice"};
    const char* bad[] = {"awful", "terrible", "sad", "horrible", "bad"};
    for (int i = 0; i < 160; ++i) {
        const bool positive = i % 2 == 0;
        QByteArray text = "this was";
        for (int w = 0; w < 1 + i % 9; ++w)
            text += QByteArray(" ") + (positive ? good : bad)[(i + w) % 5];
        data.write(text + " number " + QByteArray::number(i) + (positive ? ",pos\n" : ",neg\n"));
    }
    data.close();
    Result r = run({"project", "init", m_project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = run({"data", "import", "--project", m_project, "--input", m_dir.filePath("data.csv"),
             "--text-column", "text", "--label-column", "label"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = run({"data", "split", "--project", m_project, "--seed", "3", "--stratify"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

QString TestTrainCli::writeConfig(const QString& name, const QJsonObject& extra) {
    QJsonObject c{{"model", "builtin:bert-tiny"},
                  {"tokenizer", QStringLiteral(FT_SHARED_DIR "/data/vocab/bert-base-uncased")},
                  {"epochs", 2},
                  {"batch_size", 8},
                  {"max_length", 32},
                  {"learning_rate", 1e-3},
                  {"save_steps", 3},
                  {"threads", 1},
                  {"seed", 5}};
    for (auto it = extra.begin(); it != extra.end(); ++it) c.insert(it.key(), it.value());
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write(QJsonDocument(c).toJson());
    return path;
}

void TestTrainCli::killAndResume() {
    const QString config = writeConfig("run.json");
    QProcess p;
    p.start(QStringLiteral(FT_CLI_PATH),
            {"train", "--project", m_project, "--config", config, "--json"});
    QVERIFY(p.waitForStarted());
    // Read events until a step after the step-6 checkpoint, then SIGKILL.
    QByteArray out;
    int runId = 0;
    bool killed = false;
    QElapsedTimer timer;
    timer.start();
    while (!killed && timer.elapsed() < 90000 && p.state() == QProcess::Running) {
        p.waitForReadyRead(1000);
        out += p.readAllStandardOutput();
        for (const auto& e : events(QString::fromUtf8(out))) {
            if (e.value("event").toString() == "run") runId = e.value("run_id").toInt();
            if (e.value("event").toString() == "step" && e.value("step").toInt() >= 7) {
                p.kill();
                killed = true;
                break;
            }
        }
    }
    QVERIFY2(killed, qPrintable(QString::fromUtf8(out) + p.readAllStandardError()));
    p.waitForFinished();
    QVERIFY(runId > 0);

    Result r = run({"runs", "list", "--project", m_project, "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QJsonObject listed;
    for (const auto& v : QJsonDocument::fromJson(r.out.toUtf8()).array())
        if (v.toObject().value("id").toInt() == runId) listed = v.toObject();
    QCOMPARE(listed.value("status").toString(), QString("crashed"));
    QVERIFY(listed.value("resumable").toBool());

    r = run({"train", "--project", m_project, "--resume", QString::number(runId), "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    const auto ev = events(r.out);
    QVERIFY(!ev.isEmpty());
    const QJsonObject finished = ev.last();
    QCOMPARE(finished.value("event").toString(), QString("finished"));
    QCOMPARE(finished.value("status").toString(), QString("completed"));
    const int total = finished.value("total_steps").toInt();
    QCOMPARE(finished.value("steps").toInt(), total);
    QVERIFY(finished.value("validation").toObject().value("val_accuracy").toDouble() >= 0.0);
    int firstStep = 0;
    for (const auto& e : ev)
        if (e.value("event").toString() == "step") {
            firstStep = e.value("step").toInt();
            break;
        }
    // Resumed right after a checkpoint (every 3 steps; the kill came after step 7).
    QVERIFY2(firstStep >= 7 && (firstStep - 1) % 3 == 0, qPrintable(QString::number(firstStep)));

    const auto project = ft::store::Project::open(m_project.toStdString());
    for (const char* name : {"train_loss", "lr", "grad_norm"}) {
        const auto points = project.runMetrics(runId, name);
        QCOMPARE(static_cast<int>(points.size()), total);
        for (size_t i = 0; i < points.size(); ++i)
            QCOMPARE(points[i].step, static_cast<int64_t>(i + 1));
    }
    QCOMPARE(project.run(runId)->status, ft::store::RunStatus::Completed);

    r = run({"runs", "list", "--project", m_project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("completed"));
}

void TestTrainCli::interruptStopsCleanly() {
    const QString config = writeConfig("run2.json");
    QProcess p;
    p.start(QStringLiteral(FT_CLI_PATH),
            {"train", "--project", m_project, "--config", config, "--json"});
    QVERIFY(p.waitForStarted());
    QByteArray out;
    bool sent = false;
    QElapsedTimer timer;
    timer.start();
    while (!sent && timer.elapsed() < 90000 && p.state() == QProcess::Running) {
        p.waitForReadyRead(1000);
        out += p.readAllStandardOutput();
        if (out.contains("\"event\":\"step\"")) {
            ::kill(static_cast<pid_t>(p.processId()), SIGINT);
            sent = true;
        }
    }
    QVERIFY(sent);
    QVERIFY(p.waitForFinished(60000));
    out += p.readAllStandardOutput();
    QCOMPARE(p.exitCode(), 130);
    const auto ev = events(QString::fromUtf8(out));
    QCOMPARE(ev.last().value("status").toString(), QString("stopped"));
    QVERIFY(!ev.last().value("last_checkpoint").toString().isEmpty());
}

void TestTrainCli::badConfigNamesKey() {
    const QString config = writeConfig("bad.json", {{"batch_size", 0}});
    const Result r = run({"train", "--project", m_project, "--config", config});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("batch_size:"), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestTrainCli)
#include "tst_train_cli.moc"
