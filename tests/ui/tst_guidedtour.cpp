// The first-run tour and the keyboard shortcuts of the main window: steps switch pages and
// highlight the navigation, Skip / Esc / Done record the tour as shown, Help → Guided tour
// reopens it, the welcome view's sample project starts it once; Ctrl+1..5 and the Run
// actions, their tooltips, and the shortcut list built from the menus.
#include <QAction>
#include <QHelpEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolTip>
#include <QTreeWidget>
#include <QtTest>

#include "appsettings.h"
#include "guidedtour.h"
#include "jobcontroller.h"
#include "mainwindow.h"
#include "shortcutsdialog.h"

using ft::ui::AppSettings;
using ft::ui::GuidedTour;
using ft::ui::MainWindow;
using Page = ft::ui::MainWindow::Page;

class TestGuidedTour : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("finetune-studio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_guidedtour"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }
    void cleanupTestCase() { QSettings().clear(); }

    void stepsSwitchPages() {
        MainWindow window;
        window.show();
        QVERIFY(window.createProject(m_dir.filePath(QStringLiteral("steps"))));
        GuidedTour* tour = window.guidedTour();
        QVERIFY(tour);
        QVERIFY(!tour->isVisible());
        auto* nav = window.findChild<QListWidget*>(QStringLiteral("stageNav"));
        auto* next = tour->findChild<QPushButton*>(QStringLiteral("tourNext"));
        auto* back = tour->findChild<QPushButton*>(QStringLiteral("tourBack"));
        auto* title = tour->findChild<QLabel*>(QStringLiteral("tourTitle"));

        window.showPage(Page::Evaluate);
        window.startTour();
        QVERIFY(tour->isVisible());
        QCOMPARE(tour->stepCount(), 5);
        QCOMPARE(tour->currentStep(), 0);
        QCOMPARE(window.currentPage(), Page::Data);
        QVERIFY(!back->isEnabled());

        const Page pages[] = {Page::Data, Page::Model, Page::Train, Page::Evaluate, Page::Export};
        for (int i = 1; i < 5; ++i) {
            next->click();
            QCOMPARE(tour->currentStep(), i);
            QCOMPARE(window.currentPage(), pages[i]);
            QCOMPARE(nav->currentRow(), i);
            QVERIFY(nav->item(i)->isSelected());
            QCOMPARE(title->text(), nav->item(i)->text());
            // The panel points at the entry: it sits right of the navigation.
            QVERIFY(tour->geometry().left() >= nav->mapTo(&window, QPoint(nav->width(), 0)).x());
        }
        QVERIFY(back->isEnabled());
        back->click();
        QCOMPARE(window.currentPage(), Page::Evaluate);
        QCOMPARE(tour->currentStep(), 3);
        QVERIFY(!AppSettings::tourShown());

        // Done at the last step closes it and records it.
        next->click();
        QCOMPARE(next->text(), GuidedTour::tr("Done"));
        next->click();
        QVERIFY(!tour->isVisible());
        QVERIFY(!tour->isRunning());
        QVERIFY(AppSettings::tourShown());
    }

    void skipAndReopen() {
        AppSettings::setTourShown(false);
        MainWindow window;
        window.show();
        QVERIFY(window.createProject(m_dir.filePath(QStringLiteral("skip"))));
        GuidedTour* tour = window.guidedTour();
        QSignalSpy dismissed(tour, &GuidedTour::dismissed);
        window.startTour();
        tour->findChild<QPushButton*>(QStringLiteral("tourNext"))->click();
        QCOMPARE(window.currentPage(), Page::Model);
        tour->findChild<QPushButton*>(QStringLiteral("tourSkip"))->click();
        QVERIFY(!tour->isVisible());
        QCOMPARE(dismissed.count(), 1);
        QVERIFY(AppSettings::tourShown());
        QCOMPARE(QSettings().value(QStringLiteral("tour/shown")).toBool(), true);

        // Help → Guided tour opens it again, at the start.
        auto* action = window.findChild<QAction*>(QStringLiteral("guidedTourAction"));
        QVERIFY(action);
        action->trigger();
        QVERIFY(tour->isVisible());
        QCOMPARE(tour->currentStep(), 0);
        QCOMPARE(window.currentPage(), Page::Data);

        // Esc dismisses it.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(window.windowHandle(), Qt::Key_Escape);
        QTRY_VERIFY(!tour->isVisible());
        QCOMPARE(dismissed.count(), 2);

        // Closing the project closes a running tour.
        action->trigger();
        QVERIFY(tour->isVisible());
        QVERIFY(window.closeProject());
        QVERIFY(!tour->isVisible());
        // Without a project there is nothing to tour.
        action->trigger();
        QVERIFY(!tour->isVisible());
    }

    // The welcome view's sample project starts the tour on the first start only.
    void firstRun() {
        AppSettings::setTourShown(false);
        {
            MainWindow window;
            window.show();
            auto* sample = window.findChild<QPushButton*>(QStringLiteral("welcomeSampleProject"));
            QVERIFY(sample);
            sample->click();
            QVERIFY(!window.projectDir().isEmpty());
            QVERIFY(window.guidedTour()->isRunning());
            QCOMPARE(window.currentPage(), Page::Data);
            window.guidedTour()->dismiss();
            // The sample's import runs as a job; closing asks while it writes.
            QTRY_VERIFY_WITH_TIMEOUT(!window.jobs()->hasWriteJobs(), 60000);
            QVERIFY(window.closeProject());
        }
        {
            MainWindow window;
            window.show();
            window.findChild<QPushButton*>(QStringLiteral("welcomeSampleProject"))->click();
            QVERIFY(!window.projectDir().isEmpty());
            QVERIFY(!window.guidedTour()->isRunning());
            QVERIFY(window.closeProject());
        }
    }

    void stageShortcuts() {
        MainWindow window;
        window.show();
        for (int i = 1; i <= 5; ++i) {
            auto* action = window.findChild<QAction*>(QStringLiteral("goStage%1Action").arg(i));
            QVERIFY(action);
            QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+%1").arg(i)));
            QVERIFY(!action->isEnabled());  // no project yet
        }
        QVERIFY(window.createProject(m_dir.filePath(QStringLiteral("keys"))));
        const Page pages[] = {Page::Data, Page::Model, Page::Train, Page::Evaluate, Page::Export};
        for (int i = 5; i >= 1; --i) {
            auto* action = window.findChild<QAction*>(QStringLiteral("goStage%1Action").arg(i));
            QVERIFY(action->isEnabled());
            action->trigger();
            QCOMPARE(window.currentPage(), pages[i - 1]);
        }
    }

    void runActions() {
        MainWindow window;
        window.show();
        QVERIFY(window.createProject(m_dir.filePath(QStringLiteral("run"))));
        struct Expect {
            const char* action;
            const char* button;
            const char* key;
        };
        const Expect expected[] = {{"startTrainingAction", "startTrainingButton", "Ctrl+R"},
                                   {"stopTrainingAction", "stopTrainingButton", "Ctrl+."},
                                   {"evaluateAction", "evaluateButton", "Ctrl+E"},
                                   {"exportAction", "exportButton", "Ctrl+Shift+E"}};
        QSet<QString> keys;
        for (const Expect& e : expected) {
            auto* action = window.findChild<QAction*>(QLatin1String(e.action));
            QVERIFY2(action, e.action);
            QCOMPARE(action->shortcut(), QKeySequence(QLatin1String(e.key)));
            auto* button = window.findChild<QPushButton*>(QLatin1String(e.button));
            QVERIFY2(button, e.button);
            QCOMPARE(action->isEnabled(), button->isEnabled());
            button->setEnabled(!button->isEnabled());
            QCOMPARE(action->isEnabled(), button->isEnabled());
            button->setEnabled(!button->isEnabled());
            QCOMPARE(action->isEnabled(), button->isEnabled());

            // The button's tooltip, whatever the page set, gets the shortcut.
            button->setToolTip(QStringLiteral("Does the thing"));
            QHelpEvent help(QEvent::ToolTip, QPoint(4, 4), button->mapToGlobal(QPoint(4, 4)));
            QApplication::sendEvent(button, &help);
            const QString shown =
                QKeySequence(QLatin1String(e.key)).toString(QKeySequence::NativeText);
            QTRY_COMPARE(QToolTip::text(), QStringLiteral("Does the thing (%1)").arg(shown));
            QToolTip::hideText();
            keys.insert(QLatin1String(e.key));
        }
        // A disabled action does nothing: the Stop button is disabled without a run.
        auto* stop = window.findChild<QAction*>(QStringLiteral("stopTrainingAction"));
        QVERIFY(!stop->isEnabled());
        window.showPage(Page::Data);
        stop->trigger();
        QCOMPARE(window.currentPage(), Page::Data);

        // No two actions of the menu bar share a shortcut.
        QHash<QString, QString> seen;
        for (const auto& row : ft::ui::ShortcutsDialog::rows(window.menuBar())) {
            for (const QString& key : row.shortcut.split(QStringLiteral(", "))) {
                QVERIFY2(
                    !seen.contains(key),
                    qPrintable(
                        QStringLiteral("%1: %2 and %3").arg(key, seen.value(key), row.action)));
                seen.insert(key, row.action);
            }
        }
    }

    // The list is built from the actions, so it follows a changed shortcut.
    void shortcutList() {
        MainWindow window;
        const auto find = [&window](const QString& name) {
            for (const auto& row : ft::ui::ShortcutsDialog::rows(window.menuBar())) {
                if (row.action == name) return row.shortcut;
            }
            return QString();
        };
        const auto native = [](const char* key) {
            return QKeySequence(QLatin1String(key)).toString(QKeySequence::NativeText);
        };
        QCOMPARE(find(QStringLiteral("Start Training")), native("Ctrl+R"));
        QCOMPARE(find(QStringLiteral("Export Run")), native("Ctrl+Shift+E"));
        QCOMPARE(find(QStringLiteral("Import Data")), native("Ctrl+I"));
        QVERIFY(!find(QStringLiteral("Keyboard Shortcuts")).isEmpty());
        QVERIFY(!find(QStringLiteral("Preferences")).isEmpty());
        QCOMPARE(find(QStringLiteral("Evaluate")), native("Ctrl+4"));
        window.findChild<QAction*>(QStringLiteral("startTrainingAction"))
            ->setShortcut(QKeySequence(QStringLiteral("Ctrl+T")));
        QCOMPARE(find(QStringLiteral("Start Training")), native("Ctrl+T"));

        ft::ui::ShortcutsDialog dialog(window.menuBar());
        auto* tree = dialog.findChild<QTreeWidget*>(QStringLiteral("shortcutsTree"));
        QVERIFY(tree);
        QVERIFY(!tree->findItems(QStringLiteral("Start Training"),
                                 Qt::MatchExactly | Qt::MatchRecursive)
                     .isEmpty());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestGuidedTour)
#include "tst_guidedtour.moc"
