#include <QTemporaryDir>
#include <QtTest>

#include "error.h"
#include "store/project.h"
#include "store/sqlite.h"

using namespace ft::store;

class TestProject : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createThenOpen() {
        QTemporaryDir tmp;
        const std::string dir = tmp.filePath("p").toStdString();
        {
            Project p = Project::create(dir);
            QCOMPARE(p.schemaVersion(), Project::kSchemaVersion);
            p.createDataset("d");
        }
        Project p = Project::open(dir);
        QCOMPARE(p.datasets().size(), size_t(1));
        QVERIFY(QFileInfo::exists(tmp.filePath("p/runs")));
        QVERIFY_THROWS_EXCEPTION(ft::Error, Project::create(dir));
    }

    // A version-2 project (before evaluations and the registry) opens and gains them.
    void migratesFromVersion2() {
        QTemporaryDir tmp;
        const std::string dir = tmp.filePath("p").toStdString();
        {
            Project p = Project::create(dir);
            p.createDataset("d");
            exec(p.handle(),
                 "DROP TABLE exports; DROP TABLE predictions; DROP TABLE evaluations; "
                 "UPDATE meta SET value = '2' WHERE key = 'schema_version'");
            QCOMPARE(p.schemaVersion(), 2);
        }
        Project p = Project::open(dir);
        QCOMPARE(p.schemaVersion(), 3);
        QCOMPARE(p.datasets().size(), size_t(1));
        QVERIFY(p.exports().empty());
    }

    void evaluationsKeepEveryPrediction() {
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        const int64_t d = p.createDataset("d");
        RunInfo r;
        r.name = "r";
        r.datasetId = d;
        r.modelDir = "builtin:bert-tiny";
        r.configJson = "{}";
        const int64_t run = p.createRun(r);

        EvaluationInfo e;
        e.runId = run;
        e.splitId = 7;
        e.checkpoint = "best";
        e.checkpointPath = "runs/1/checkpoints/best";
        e.labels = {"ham", "spam, \"quoted\""};
        e.reportJson = R"({"accuracy":0.5})";
        e.seconds = 1.5;
        std::vector<PredictionRecord> preds = {{11, 0, 1, {0.25f, 0.75f}},
                                               {10, 1, 1, {1e-8f, 0.99999994f}}};
        const int64_t id = p.saveEvaluation(e, preds);
        const auto back = p.evaluation(id);
        QVERIFY(back);
        QCOMPARE(back->labels, e.labels);
        QCOMPARE(back->reportJson, e.reportJson);
        QCOMPARE(back->checkpoint, std::string("best"));
        QCOMPARE(back->seconds, 1.5);
        const auto rows = p.predictions(id);
        QCOMPARE(rows.size(), size_t(2));
        QCOMPARE(rows[0].rowId, int64_t(10));                     // row id order
        QCOMPARE(rows[0].probabilities, preds[1].probabilities);  // exact round trip
        QCOMPARE(rows[1].probabilities, preds[0].probabilities);
        QCOMPARE(rows[1].predicted, 1);
        QCOMPARE(p.latestEvaluation(run)->id, id);
        QCOMPARE(p.evaluations(run).size(), size_t(1));
        QVERIFY_THROWS_EXCEPTION(ft::Error, [&] {
            auto bad = e;
            bad.runId = 99;
            p.saveEvaluation(bad, preds);
        }());
        p.deleteEvaluation(id);
        QVERIFY(!p.evaluation(id));
        QVERIFY(p.predictions(id).empty());
    }

    void registryCountsVersionsPerName() {
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        QCOMPARE(p.nextExportVersion("spam"), int64_t(1));
        ExportInfo x;
        x.name = "spam";
        x.version = 1;
        x.path = "exports/spam-v1";
        x.checkpoint = "best";
        x.dtype = "f32";
        x.verified = true;
        const int64_t a = p.recordExport(x);
        QCOMPARE(p.nextExportVersion("spam"), int64_t(2));
        QCOMPARE(p.nextExportVersion("other"), int64_t(1));
        // The same version twice is refused and records nothing.
        QVERIFY_THROWS_EXCEPTION(ft::Error, p.recordExport(x));
        x.version = 2;
        p.recordExport(x);
        const auto all = p.exports();
        QCOMPARE(all.size(), size_t(2));
        QCOMPARE(all[0].version, int64_t(1));
        QVERIFY(all[0].verified);
        QVERIFY(!all[0].evaluationId);
        p.deleteExport(a);
        QCOMPARE(p.exports().size(), size_t(1));
        QVERIFY_THROWS_EXCEPTION(ft::Error, p.deleteExport(a));
        // Versions are never reused after a delete of an older one.
        QCOMPARE(p.nextExportVersion("spam"), int64_t(3));
        // Nor after deleting the newest: v2 stays retired, also across a reopen.
        const int64_t b = p.exports().back().id;
        p.deleteExport(b);
        QVERIFY(p.exports().empty());
        QCOMPARE(p.nextExportVersion("spam"), int64_t(3));
        x.version = 2;
        QVERIFY_THROWS_EXCEPTION(ft::Error, p.recordExport(x));
        QCOMPARE(p.nextExportVersion("other"), int64_t(1));
        const std::string dir = p.dir();
        p = Project::open(dir);
        QCOMPARE(p.nextExportVersion("spam"), int64_t(3));
        x.version = 3;
        p.recordExport(x);
        QCOMPARE(p.nextExportVersion("spam"), int64_t(4));
    }
};

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
