// Runs the real `finetune` binary on real data from ../shared/data, as a user would.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "cli/cliprocess.h"

namespace {

using Result = ft::test::CliResult;

Result run(const QStringList& args) { return ft::test::runCli(args); }

using ft::test::shared;

QJsonObject stats(const QString& project) {
    const Result r = run({"data", "stats", "--project", project, "--json"});
    if (r.exitCode != 0) qWarning() << r.err;
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QMap<QString, int> labelCounts(const QJsonObject& s) {
    QMap<QString, int> m;
    for (const auto& v : s.value("labels").toArray()) {
        m[v.toObject().value("label").toString()] = v.toObject().value("count").toInt();
    }
    return m;
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFileInfo::exists(shared("data")), FT_SHARED_DIR); }

    // OpenMP threads wait passively unless the user set a policy: libgomp reads it once
    // at load, so the executable sets it before any library starts
    // (core/startup/openmp_preinit.cpp). libgomp itself prints what it started with.
    void openMpWaitPolicyIsPassiveUnlessChosen_data() {
        QTest::addColumn<QString>("userPolicy");
        QTest::addColumn<QString>("libgompSees");
        QTest::addColumn<QString>("infoSays");
        QTest::addColumn<QString>("spinCount");
        // libgomp shows an unset policy as PASSIVE too, but spins 300000 times before it
        // sleeps; passive waits do not spin at all.
        const QString passive = QStringLiteral("PASSIVE");
        QTest::newRow("unset") << QString() << passive << passive << QStringLiteral("0");
        QTest::newRow("user active") << QStringLiteral("active") << QStringLiteral("ACTIVE")
                                     << QStringLiteral("active") << QStringLiteral("30000000000");
        QTest::newRow("user passive") << QStringLiteral("passive") << passive
                                      << QStringLiteral("passive") << QStringLiteral("0");
    }
    void openMpWaitPolicyIsPassiveUnlessChosen() {
        QFETCH(QString, userPolicy);
        QFETCH(QString, libgompSees);
        QFETCH(QString, infoSays);
        QFETCH(QString, spinCount);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("OMP_WAIT_POLICY"));
        if (!userPolicy.isEmpty()) env.insert(QStringLiteral("OMP_WAIT_POLICY"), userPolicy);
        env.remove(QStringLiteral("GOMP_SPINCOUNT"));
        env.insert(QStringLiteral("OMP_DISPLAY_ENV"), QStringLiteral("verbose"));
        // The rest of the user's OpenMP settings still reach libgomp.
        env.insert(QStringLiteral("OMP_MAX_ACTIVE_LEVELS"), QStringLiteral("3"));
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(FT_CLI_PATH), {QStringLiteral("info")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const QString err = QString::fromUtf8(p.readAllStandardError());
        const QString all = out + err;  // libgomp writes its display to stderr
        QVERIFY2(all.contains(QStringLiteral("OMP_WAIT_POLICY = '%1'").arg(libgompSees)),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("GOMP_SPINCOUNT = '%1'").arg(spinCount)),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("OMP_MAX_ACTIVE_LEVELS = '3'")), qPrintable(all));
        QVERIFY2(out.contains(QStringLiteral("OpenMP wait policy %1").arg(infoSays)),
                 qPrintable(out));
    }

    // Debian's LibTorch is about 20x slower on the reference BLAS: the install list
    // (scripts/install-deps.sh) brings OpenBLAS, and `finetune info` says which one runs.
    void infoNamesTheLoadedBlas() {
        const auto r = run({QStringLiteral("info")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("BLAS OpenBLAS")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("threads ")), qPrintable(r.out));
    }

    void initRefusesExistingProject() {
        QTemporaryDir tmp;
        const QString project = tmp.filePath("p");
        QCOMPARE(run({"project", "init", project}).exitCode, 0);
        QVERIFY(QFileInfo::exists(project + "/project.db"));
        const Result again = run({"project", "init", project});
        QVERIFY(again.exitCode != 0);
        QVERIFY2(again.err.contains("already exists"), qPrintable(again.err));
    }

    void smsSpamEndToEnd() {
        QTemporaryDir tmp;
        const QString project = tmp.filePath("sms");
        QCOMPARE(run({"project", "init", project}).exitCode, 0);
        const Result imported = run({"data", "import", "--project", project, "--input",
                                     shared("data/sms-spam/SMSSpamCollection")});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.contains("5574"), qPrintable(imported.out));

        QJsonObject s = stats(project);
        QCOMPARE(s.value("rows").toInt(), 5574);
        QCOMPARE(labelCounts(s).value("ham"), 4827);
        QCOMPARE(labelCounts(s).value("spam"), 747);

        const Result cleaned =
            run({"data", "clean", "--project", project, "--steps", "duplicates"});
        QVERIFY2(cleaned.exitCode == 0, qPrintable(cleaned.err));
        s = stats(project);
        QCOMPARE(s.value("dropped").toInt(), 403);

        const Result split =
            run({"data", "split", "--project", project, "--seed", "7", "--stratify"});
        QVERIFY2(split.exitCode == 0, qPrintable(split.err));
        QVERIFY2(split.out.contains("0 texts in two parts"), qPrintable(split.out));
        s = stats(project);
        const QJsonObject parts = s.value("split").toObject();
        const int total = parts.value("train").toInt() + parts.value("validation").toInt() +
                          parts.value("test").toInt();
        QCOMPARE(total, 5574 - 403);
    }

    void trecCoarseLabelsAndEncodingWarning() {
        QTemporaryDir tmp;
        const QString project = tmp.filePath("trec");
        QCOMPARE(run({"project", "init", project}).exitCode, 0);
        const Result r = run({"data", "import", "--project", project, "--input",
                              shared("data/trec/TREC.train"), "--label-part", "coarse"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(":66:"), qPrintable(r.err));
        const auto counts = labelCounts(stats(project));
        QCOMPARE(counts.size(), 6);
        QCOMPARE(counts.value("DESC"), 1162);
        QCOMPARE(counts.value("ABBR"), 86);
    }

    void agNewsWithRenamedLabels() {
        QTemporaryDir tmp;
        const QString project = tmp.filePath("ag");
        QCOMPARE(run({"project", "init", project}).exitCode, 0);
        const Result r = run({"data",           "import",
                              "--project",      project,
                              "--input",        shared("data/ag-news/test.csv"),
                              "--header",       "no",
                              "--text-column",  "column 3",
                              "--label-column", "column 1",
                              "--rename",       "1=World",
                              "--rename",       "2=Sports",
                              "--rename",       "3=Business",
                              "--rename",       "4=Sci/Tech"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto counts = labelCounts(stats(project));
        QCOMPARE(counts.value("World"), 1900);
        QCOMPARE(counts.value("Sci/Tech"), 1900);
        QCOMPARE(counts.size(), 4);
    }

    void errorsNameTheProblemAndChangeNothing() {
        QTemporaryDir tmp;
        const QString project = tmp.filePath("e");
        QCOMPARE(run({"project", "init", project}).exitCode, 0);

        const Result missing =
            run({"data", "import", "--project", project, "--input", tmp.filePath("nope.csv")});
        QVERIFY(missing.exitCode != 0);
        QVERIFY2(missing.err.contains("nope.csv"), qPrintable(missing.err));

        QFile csv(tmp.filePath("one.csv"));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("text,label\nhello there,greeting\nhi,greeting\nhey you,greeting\n");
        csv.close();
        const Result badColumn =
            run({"data", "import", "--project", project, "--input", csv.fileName(), "--text-column",
                 "body", "--label-column", "label"});
        QVERIFY(badColumn.exitCode != 0);
        QVERIFY2(badColumn.err.contains("body"), qPrintable(badColumn.err));
        QVERIFY(run({"data", "stats", "--project", project}).exitCode != 0);  // still no dataset

        QCOMPARE(run({"data", "import", "--project", project, "--input", csv.fileName()}).exitCode,
                 0);
        const Result oneClass = run({"data", "split", "--project", project});
        QVERIFY(oneClass.exitCode != 0);
        QVERIFY2(oneClass.err.contains("class"), qPrintable(oneClass.err));
        QVERIFY(stats(project).value("split").isNull());

        const Result badStep =
            run({"data", "clean", "--project", project, "--steps", "lowercase,sparkle"});
        QVERIFY(badStep.exitCode != 0);
        QVERIFY2(badStep.err.contains("sparkle"), qPrintable(badStep.err));

        const Result noProject = run({"data", "stats", "--project", tmp.filePath("nowhere")});
        QVERIFY(noProject.exitCode != 0);
        QVERIFY2(noProject.err.contains("nowhere"), qPrintable(noProject.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
