#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "cleaningpanel.h"
#include "datapage.h"
#include "importwizard.h"
#include "mainwindow.h"
#include "rowstablemodel.h"
#include "rowstableview.h"
#include "splitpanel.h"
#include "store/project.h"

using ft::ui::DataPage;
using ft::ui::MainWindow;
using ft::ui::RowsTableModel;

namespace {

constexpr int kTimeout = 15000;

// 20 ham and 20 spam rows with distinct texts (the spam ones hold an HTML entity
// for the cleaning to change), plus one exact duplicate.
QString writeCsv(const QTemporaryDir& dir, const QString& name, bool oneClass) {
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return {};
    file.write("text,label\n");
    for (int i = 0; i < 40; ++i) {
        const bool spam = !oneClass && i % 2 == 1;
        file.write(QStringLiteral("\"message number %1, about %2\",%3\n")
                       .arg(i)
                       .arg(spam ? QStringLiteral("a prize &amp; cash") : QStringLiteral("dinner"))
                       .arg(spam ? QStringLiteral("spam") : QStringLiteral("ham"))
                       .toUtf8());
    }
    file.write("\"message number 0, about dinner\",ham\n");
    return path;
}

// Goes through the wizard's pages like a user who accepts the detection.
std::vector<ft::data::ImportRequest> wizardRequests(const QString& csv) {
    ft::ui::ImportWizard wizard({}, QString());
    wizard.setFiles({csv});
    wizard.show();
    wizard.next();
    if (wizard.currentId() != ft::ui::ImportWizard::FormatPage || !wizard.detection()) return {};
    wizard.next();
    if (wizard.currentId() != ft::ui::ImportWizard::MappingPage) return {};
    auto* text = wizard.findChild<QComboBox*>(QStringLiteral("importTextColumn"));
    auto* label = wizard.findChild<QComboBox*>(QStringLiteral("importLabelColumn"));
    if (!text || !label || text->currentText() != QLatin1String("text") ||
        label->currentText() != QLatin1String("label")) {
        return {};
    }
    return wizard.requests();
}

}  // namespace

class TestDataPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void importLabelCleanAndSplit() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString csv = writeCsv(tmp, QStringLiteral("sms.csv"), false);
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.createProject(tmp.filePath(QStringLiteral("project"))));
        QCOMPARE(window.currentPage(), MainWindow::Page::Data);
        DataPage* page = window.dataPage();

        const auto requests = wizardRequests(csv);
        QCOMPARE(requests.size(), size_t(1));
        QVERIFY(page->startImportRequests(requests) != 0);

        auto* view = page->findChild<ft::ui::RowsTableView*>(QStringLiteral("rowsTable"));
        QVERIFY(view);
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 41, kTimeout);
        auto* legend = page->findChild<QLabel*>(QStringLiteral("labelLegend"));
        QVERIFY(legend->text().contains(QStringLiteral("<b>1</b> = ham")));
        QVERIFY(legend->text().contains(QStringLiteral("<b>2</b> = spam")));
        auto* labelList = page->findChild<QTableWidget*>(QStringLiteral("labelList"));
        QTRY_COMPARE_WITH_TIMEOUT(labelList->rowCount(), 2, kTimeout);

        // Keyboard labelling: 2 labels the current row spam and moves down; Ctrl+Z undoes.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto* model = qobject_cast<RowsTableModel*>(view->model());
        const int labelColumn = model->columnOf(RowsTableModel::Column::Label);
        view->setFocus();
        view->goToRow(0);
        QTest::keyClick(view, Qt::Key_2);
        QCOMPARE(model->index(0, labelColumn).data().toString(), QStringLiteral("spam"));
        QCOMPARE(view->currentIndex().row(), 1);
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(model->index(0, labelColumn).data().toString(), QStringLiteral("ham"));

        // Cleaning with the recommended steps drops the duplicate.
        auto* tabs = page->findChild<QTabWidget*>(QStringLiteral("dataTabs"));
        tabs->setCurrentIndex(1);
        auto* apply = page->findChild<QPushButton*>(QStringLiteral("cleaningApplyButton"));
        QVERIFY(apply && apply->isEnabled());
        apply->click();
        auto* report = page->findChild<QLabel*>(QStringLiteral("cleaningReport"));
        QTRY_VERIFY_WITH_TIMEOUT(report->text().contains(QStringLiteral("Cleaned")), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(report->text().contains(QStringLiteral("1 dropped as duplicates")),
                                 kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(model->columnOf(RowsTableModel::Column::CleanText) >= 0, kTimeout);

        // Split 70/15/15: every kept, labelled row lands in one part.
        tabs->setCurrentIndex(2);
        auto* split = page->findChild<QPushButton*>(QStringLiteral("splitButton"));
        QVERIFY(split && split->isEnabled());
        split->click();
        auto* counts = page->findChild<QTableWidget*>(QStringLiteral("splitCounts"));
        auto* leakage = page->findChild<QLabel*>(QStringLiteral("splitLeakage"));
        QTRY_VERIFY_WITH_TIMEOUT(leakage->text().contains(QStringLiteral("No text appears")),
                                 kTimeout);
        QCOMPARE(counts->rowCount(), 3);  // ham, spam, all labels
        QCOMPARE(counts->item(0, 0)->text(), QStringLiteral("ham"));
        QCOMPARE(counts->item(2, 4)->text(), QStringLiteral("40"));
        int partSum = 0;
        for (int c = 1; c <= 3; ++c) partSum += counts->item(2, c)->text().toInt();
        QCOMPARE(partSum, 40);
        QVERIFY(counts->item(2, 1)->text().toInt() >= 26);  // train, about 70 %
        // The saved split shows up as a column of the rows table.
        QTRY_VERIFY_WITH_TIMEOUT(model->columnOf(RowsTableModel::Column::Split) >= 0, kTimeout);

        const auto project = ft::store::Project::open(window.projectDir().toStdString());
        const auto savedSplit = project.latestSplit(page->datasetId());
        QVERIFY(savedSplit.has_value());
        QCOMPARE(savedSplit->seed, uint64_t(42));
    }

    void oneClassSplitShowsAnErrorAndSavesNothing() {
        QTemporaryDir tmp;
        const QString csv = writeCsv(tmp, QStringLiteral("ham.csv"), true);
        MainWindow window;
        window.show();
        QVERIFY(window.createProject(tmp.filePath(QStringLiteral("project"))));
        DataPage* page = window.dataPage();
        QVERIFY(page->startImportRequests(wizardRequests(csv)) != 0);
        auto* view = page->findChild<ft::ui::RowsTableView*>(QStringLiteral("rowsTable"));
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 41, kTimeout);

        page->findChild<QTabWidget*>(QStringLiteral("dataTabs"))->setCurrentIndex(2);
        auto* split = page->findChild<QPushButton*>(QStringLiteral("splitButton"));
        QTRY_VERIFY_WITH_TIMEOUT(split->isEnabled(), kTimeout);
        split->click();
        QMessageBox* box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (box = page->findChild<QMessageBox*>(QStringLiteral("splitErrorBox"))) != nullptr,
            kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(box->isVisible(), kTimeout);
        QVERIFY(!box->informativeText().isEmpty());
        auto* error = page->findChild<QLabel*>(QStringLiteral("splitError"));
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), box->informativeText());
        box->accept();

        const auto project = ft::store::Project::open(window.projectDir().toStdString());
        QVERIFY(!project.latestSplit(page->datasetId()).has_value());
        auto* counts = page->findChild<QTableWidget*>(QStringLiteral("splitCounts"));
        QCOMPARE(counts->rowCount(), 0);
        QVERIFY(split->isEnabled());
    }
};

QTEST_MAIN(TestDataPage)
#include "tst_datapage.moc"
