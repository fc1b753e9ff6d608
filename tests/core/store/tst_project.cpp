#include <QTemporaryDir>
#include <QtTest>

#include "error.h"
#include "store/project.h"

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
};

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
