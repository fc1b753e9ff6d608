// Edit → Preferences and Help → About: the preferences round-trip through QSettings, the
// CUDA entry follows LibTorch, the dark theme makes plots readable, and the About text
// carries what a bug report needs.
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "aboutdialog.h"
#include "appsettings.h"
#include "charts.h"
#include "qcp.h"
#include "runtime.h"
#include "settingsdialog.h"
#include "theme.h"

using ft::ui::AboutDialog;
using ft::ui::AppSettings;
using ft::ui::SettingsDialog;

class TestSettingsDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("finetune-studio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_settingsdialog"));
        QVERIFY(m_dir.isValid());
    }
    void init() { QSettings().clear(); }
    void cleanupTestCase() { QSettings().clear(); }

    void defaults() {
        QCOMPARE(AppSettings::threads(), 0);
        QCOMPARE(AppSettings::device(), QStringLiteral("cpu"));
        QCOMPARE(AppSettings::language(), QStringLiteral("system"));
        QCOMPARE(AppSettings::theme(), QStringLiteral("system"));
        QVERIFY(AppSettings::projectsFolder().isEmpty());
        QCOMPARE(AppSettings::hfCacheDirs(), AppSettings::defaultHfCacheDirs());
        QVERIFY(!AppSettings::tourShown());
    }

    void roundTrip() {
        const QString projects = m_dir.filePath(QStringLiteral("projects"));
        const QString exports = m_dir.filePath(QStringLiteral("exports"));
        const QString cache = m_dir.filePath(QStringLiteral("hub"));
        {
            SettingsDialog dialog(true, nullptr);
            dialog.findChild<QSpinBox*>(QStringLiteral("settingsThreads"))->setValue(3);
            auto* device = dialog.findChild<QComboBox*>(QStringLiteral("settingsDevice"));
            device->setCurrentIndex(device->findData(QStringLiteral("cuda")));
            dialog.findChild<QLineEdit*>(QStringLiteral("settingsProjectsFolder"))
                ->setText(projects);
            dialog.findChild<QLineEdit*>(QStringLiteral("settingsExportsFolder"))
                ->setText(exports + QStringLiteral("/"));
            dialog.findChild<QLineEdit*>(QStringLiteral("settingsHfCache"))->setText(cache);
            auto* language = dialog.findChild<QComboBox*>(QStringLiteral("settingsLanguage"));
            language->setCurrentIndex(language->findData(QStringLiteral("de")));
            auto* theme = dialog.findChild<QComboBox*>(QStringLiteral("settingsTheme"));
            theme->setCurrentIndex(theme->findData(QStringLiteral("dark")));
            QSignalSpy saved(&dialog, &SettingsDialog::settingsSaved);
            dialog.accept();
            QCOMPARE(saved.count(), 1);
        }
        // The raw keys other code (and other versions) read.
        QSettings settings;
        QCOMPARE(settings.value(QStringLiteral("runtime/threads")).toInt(), 3);
        QCOMPARE(settings.value(QStringLiteral("runtime/device")).toString(),
                 QStringLiteral("cuda"));
        QCOMPARE(settings.value(QStringLiteral("paths/projects")).toString(), projects);
        QCOMPARE(settings.value(QStringLiteral("paths/exports")).toString(), exports);
        QCOMPARE(settings.value(QStringLiteral("paths/hfCache")).toString(), cache);
        QCOMPARE(settings.value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));
        QCOMPARE(settings.value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
        QCOMPARE(AppSettings::hfCacheDirs(), QStringList{cache});

        // A new dialog shows what was saved.
        SettingsDialog again(true, nullptr);
        QCOMPARE(again.findChild<QSpinBox*>(QStringLiteral("settingsThreads"))->value(), 3);
        QCOMPARE(again.findChild<QComboBox*>(QStringLiteral("settingsDevice"))->currentData(),
                 QVariant(QStringLiteral("cuda")));
        QCOMPARE(QDir::fromNativeSeparators(
                     again.findChild<QLineEdit*>(QStringLiteral("settingsProjectsFolder"))->text()),
                 projects);
        QCOMPARE(again.findChild<QComboBox*>(QStringLiteral("settingsLanguage"))->currentData(),
                 QVariant(QStringLiteral("de")));
        QCOMPARE(again.findChild<QComboBox*>(QStringLiteral("settingsTheme"))->currentData(),
                 QVariant(QStringLiteral("dark")));
        QVERIFY(!again.restartNeeded());

        // Cancel writes nothing; emptied folders go back to "not set".
        again.findChild<QSpinBox*>(QStringLiteral("settingsThreads"))->setValue(7);
        again.reject();
        QCOMPARE(AppSettings::threads(), 3);
        SettingsDialog clearing(true, nullptr);
        clearing.findChild<QLineEdit*>(QStringLiteral("settingsHfCache"))->clear();
        clearing.findChild<QSpinBox*>(QStringLiteral("settingsThreads"))->setValue(0);
        clearing.accept();
        QVERIFY(AppSettings::hfCache().isEmpty());
        QCOMPARE(AppSettings::threads(), 0);
        QCOMPARE(AppSettings::hfCacheDirs(), AppSettings::defaultHfCacheDirs());
    }

    void restartNote() {
        SettingsDialog dialog(false, nullptr);
        auto* note = dialog.findChild<QLabel*>(QStringLiteral("settingsRestartNote"));
        QVERIFY(note);
        QVERIFY(note->isHidden());
        auto* language = dialog.findChild<QComboBox*>(QStringLiteral("settingsLanguage"));
        language->setCurrentIndex(language->findData(QStringLiteral("en")));
        QVERIFY(!note->isHidden());
        QVERIFY(dialog.restartNeeded());
        language->setCurrentIndex(language->findData(QStringLiteral("system")));
        QVERIFY(note->isHidden());
    }

    void cudaEntry_data() {
        QTest::addColumn<bool>("available");
        QTest::newRow("without CUDA") << false;
        QTest::newRow("with CUDA") << true;
    }
    void cudaEntry() {
        QFETCH(bool, available);
        QSettings().setValue(QStringLiteral("runtime/device"), QStringLiteral("cuda"));
        SettingsDialog dialog(available, nullptr);
        auto* device = dialog.findChild<QComboBox*>(QStringLiteral("settingsDevice"));
        auto* model = qobject_cast<QStandardItemModel*>(device->model());
        QVERIFY(model);
        QStandardItem* cuda = model->item(device->findData(QStringLiteral("cuda")));
        QCOMPARE(cuda->isEnabled(), available);
        QVERIFY(!cuda->toolTip().isEmpty());
        // A stored "cuda" cannot be shown (or saved back) where there is none.
        QCOMPARE(device->currentData().toString(),
                 available ? QStringLiteral("cuda") : QStringLiteral("cpu"));
        dialog.accept();
        QCOMPARE(AppSettings::device(), available ? QStringLiteral("cuda") : QStringLiteral("cpu"));
    }

    // The default constructor asks LibTorch.
    void cudaEntryFollowsLibTorch() {
        SettingsDialog dialog;
        auto* device = dialog.findChild<QComboBox*>(QStringLiteral("settingsDevice"));
        auto* model = qobject_cast<QStandardItemModel*>(device->model());
        QCOMPARE(model->item(device->findData(QStringLiteral("cuda")))->isEnabled(),
                 ft::cudaAvailable());
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("settingsCores"))
                    ->text()
                    .contains(QString::number(ft::hardwareThreads())));
    }

    void aboutText() {
        AppSettings::setThreads(2);
        const QString report = AboutDialog::systemReport();
        QVERIFY2(report.contains(QString::fromLatin1(qVersion())), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("Threads: %1 of %2 cores")
                                     .arg(ft::computeThreads())
                                     .arg(ft::hardwareThreads())),
                 qPrintable(report));
        QVERIFY(report.contains(QStringLiteral("preference: 2")));
        QVERIFY(report.contains(QString::fromStdString(ft::torchVersion())));
        QVERIFY(report.contains(QStringLiteral("BLAS: ")));

        AboutDialog dialog;
        auto* text = dialog.findChild<QPlainTextEdit*>(QStringLiteral("aboutReport"));
        QVERIFY(text);
        QVERIFY(text->isReadOnly());
        QCOMPARE(text->toPlainText(), report);
        QApplication::clipboard()->clear();
        dialog.findChild<QPushButton*>(QStringLiteral("aboutCopyButton"))->click();
        QCOMPARE(QApplication::clipboard()->text(), report);
    }

    // Light stays the house light look; dark gives plots a background darker than their text.
    void plotColours_data() {
        QTest::addColumn<QString>("theme");
        QTest::newRow("light") << QStringLiteral("light");
        QTest::newRow("dark") << QStringLiteral("dark");
    }
    void plotColours() {
        QFETCH(QString, theme);
        ft::ui::applyTheme(*qApp, theme);
        const bool dark = theme == QLatin1String("dark");
        QCOMPARE(ft::ui::isDark(QApplication::palette()), dark);

        QCustomPlot plot;
        plot.resize(400, 300);
        ft::ui::charts::applyStyle(&plot);
        ft::ui::charts::showLengthHistogram(&plot, {3, 5, 2}, 10, 0, QStringLiteral("none"));
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.replot();
        const QImage image = plot.toPixmap(400, 300).toImage();
        const QColor background = image.pixelColor(2, 2);
        const QColor text = plot.xAxis->tickLabelColor();
        if (dark) {
            QVERIFY2(
                background.lightness() + 100 < text.lightness(),
                qPrintable(
                    QStringLiteral("background %1, text %2").arg(background.name(), text.name())));
            QVERIFY(plot.xAxis->grid()->pen().color().lightness() < 128);
        } else {
            QCOMPARE(background, QColor(Qt::white));
            QCOMPARE(text, QColor(0x3c, 0x40, 0x43));
            QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(0xf6, 0xf7, 0xf9));
        }
        ft::ui::applyTheme(*qApp, QStringLiteral("light"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
