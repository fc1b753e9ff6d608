// finetune-studio: the desktop application (a thin main over ftui).
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenuBar>
#include <QTabWidget>
#include <QTimer>
#include <QTranslator>

#include "aboutdialog.h"
#include "appsettings.h"
#include "datapage.h"
#include "evaluatepage.h"
#include "exportpage.h"
#include "guidedtour.h"
#include "importwizard.h"
#include "mainwindow.h"
#include "modelpage.h"
#include "runtime.h"
#include "settingsdialog.h"
#include "shortcutsdialog.h"
#include "theme.h"
#include "trainpage.h"

namespace {

// Preferences → Language: "system" follows the desktop, "en" / "de" choose one.
void loadTranslations(QApplication& app) {
    const QString choice = ft::ui::AppSettings::language();
    const QLocale locale = choice == QLatin1String("system") ? QLocale::system() : QLocale(choice);
    QLocale::setDefault(locale);
    auto* own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("finetune-studio"), QStringLiteral("_"),
                  QStringLiteral(":/i18n"))) {
        QApplication::installTranslator(own);
    }
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QApplication::installTranslator(qt);
    }
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    // Names for paths (~/.local/share/finetune-studio/...) and settings; the display
    // name is what the window title and dialogs show.
    QApplication::setApplicationName(QStringLiteral("finetune-studio"));
    QApplication::setOrganizationName(QStringLiteral("finetune-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("Finetune Studio"));
    QApplication::setApplicationVersion(QStringLiteral(FT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("finetune-studio"));
    loadTranslations(app);
    ft::initRuntime(ft::ui::AppSettings::threads());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Fine-tune pre-trained language models without code."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT_DIR"),
                                 QApplication::translate("main", "The project folder to open."),
                                 QStringLiteral("[PROJECT_DIR]"));
    const QCommandLineOption sample(
        QStringLiteral("sample"),
        QApplication::translate("main", "Open the bundled sample project (created on first use)."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a picture of the window to FILE, then quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption page(
        QStringLiteral("page"),
        QApplication::translate("main",
                                "Page to show: welcome, data, model, train, evaluate, export or "
                                "import (the wizard)."),
        QStringLiteral("PAGE"), QStringLiteral("data"));
    const QCommandLineOption tab(
        QStringLiteral("tab"),
        QApplication::translate("main",
                                "Tab to show: overview, clean or split (data page); metrics, "
                                "confusion, curves, calibration, baselines, sensitivity or "
                                "compare (evaluate page)."),
        QStringLiteral("TAB"), QStringLiteral("overview"));
    const QCommandLineOption importFile(
        QStringLiteral("import"),
        QApplication::translate("main", "Open the import wizard with FILE (with --page import)."),
        QStringLiteral("FILE"));
    const QCommandLineOption wizardPage(
        QStringLiteral("wizard-page"),
        QApplication::translate("main", "Import wizard page to show: 1, 2 or 3."),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption model(
        QStringLiteral("model"),
        QApplication::translate("main",
                                "Load a checkpoint folder (or a built-in shape such as "
                                "bert-tiny) on the Model page."),
        QStringLiteral("DIR"));
    const QCommandLineOption measure(
        QStringLiteral("measure"),
        QApplication::translate("main", "Measure the training speed once the --model has loaded."));
    const QCommandLineOption trainConfig(
        QStringLiteral("train-config"),
        QApplication::translate("main",
                                "Load a run config (JSON, as 'finetune train --config' reads) on "
                                "the Train page and start training."),
        QStringLiteral("FILE"));
    const QCommandLineOption exportRun(
        QStringLiteral("export-run"),
        QApplication::translate("main", "Export run N from the Export page once it is listed."),
        QStringLiteral("N"));
    const QCommandLineOption delay(
        QStringLiteral("delay"),
        QApplication::translate("main", "Milliseconds to wait before the screenshot."),
        QStringLiteral("MS"), QStringLiteral("1500"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QApplication::translate("main", "Window size, e.g. 1400x880."),
                                  QStringLiteral("WxH"));
    // For screenshots of the dialogs and the dark theme (not in --help).
    QCommandLineOption show(QStringLiteral("show"),
                            QStringLiteral("Dialog to show: settings, about, tour or shortcuts."),
                            QStringLiteral("WHAT"));
    show.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption themeOption(QStringLiteral("theme"),
                                   QStringLiteral("Theme for this start: system, light or dark."),
                                   QStringLiteral("THEME"));
    themeOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption tourStep(QStringLiteral("tour-step"),
                                QStringLiteral("Tour step to show (1-5, with --show tour)."),
                                QStringLiteral("N"), QStringLiteral("1"));
    tourStep.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({sample, screenshot, page, tab, importFile, wizardPage, model, measure,
                       trainConfig, exportRun, delay, size, show, themeOption, tourStep});
    parser.process(app);

    if (parser.isSet(themeOption)) {
        ft::ui::applyTheme(app, parser.value(themeOption));
    } else {
        ft::ui::applyTheme(app);
    }
    ft::ui::MainWindow window;
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        if (wh.size() == 2) window.resize(wh[0].toInt(), wh[1].toInt());
    }
    window.show();

    if (parser.isSet(sample)) {
        window.openSampleProject();
    } else if (!parser.positionalArguments().isEmpty()) {
        window.openProject(parser.positionalArguments().first());
    }
    if (parser.value(page) == QLatin1String("welcome")) {
        window.showPage(ft::ui::MainWindow::Page::Welcome);
    } else if (parser.value(page) == QLatin1String("model")) {
        window.showPage(ft::ui::MainWindow::Page::Model);
    } else if (parser.value(page) == QLatin1String("train") || parser.isSet(trainConfig)) {
        window.showPage(ft::ui::MainWindow::Page::Train);
    } else if (parser.value(page) == QLatin1String("evaluate")) {
        window.showPage(ft::ui::MainWindow::Page::Evaluate);
        const QStringList evaluateTabs{QStringLiteral("metrics"),   QStringLiteral("confusion"),
                                       QStringLiteral("curves"),    QStringLiteral("calibration"),
                                       QStringLiteral("baselines"), QStringLiteral("sensitivity"),
                                       QStringLiteral("compare")};
        if (const int i = evaluateTabs.indexOf(parser.value(tab)); i >= 0) {
            window.evaluatePage()->showTab(static_cast<ft::ui::EvaluatePage::Tab>(i));
        }
    }
    if (parser.value(page) == QLatin1String("export") || parser.isSet(exportRun)) {
        window.showPage(ft::ui::MainWindow::Page::Export);
    }
    if (parser.isSet(exportRun)) {
        const qint64 runId = parser.value(exportRun).toLongLong();
        QObject::connect(
            window.exportPage(), &ft::ui::ExportPage::listingChanged, window.exportPage(),
            [&window, runId] {
                window.exportPage()->selectRun(runId);
                window.exportPage()->startExport();
            },
            Qt::SingleShotConnection);
    }
    if (parser.isSet(trainConfig) && window.trainPage()->loadConfigFile(parser.value(trainConfig)))
        window.trainPage()->startTraining();
    if (parser.isSet(model)) {
        const QString which = parser.value(model);
        if (QDir(which).exists()) {
            window.modelPage()->openFolder(which);
        } else {
            window.modelPage()->openBuiltin(which);
        }
        if (parser.isSet(measure)) {
            QObject::connect(window.modelPage(), &ft::ui::ModelPage::modelChanged,
                             window.modelPage(), &ft::ui::ModelPage::measureSpeed,
                             Qt::SingleShotConnection);
        }
    }
    if (auto* tabs = window.dataPage()->findChild<QTabWidget*>(QStringLiteral("dataTabs"))) {
        const QString which = parser.value(tab);
        tabs->setCurrentIndex(which == QLatin1String("clean")   ? 1
                              : which == QLatin1String("split") ? 2
                                                                : 0);
    }

    if (!parser.isSet(screenshot)) return QApplication::exec();

    // Headless pictures for documentation and review: render after the delay and quit.
    QWidget* target = &window;
    ft::ui::ImportWizard* wizard = nullptr;
    if (parser.value(page) == QLatin1String("import")) {
        wizard = new ft::ui::ImportWizard({}, QString(), &window);
        if (parser.isSet(importFile)) wizard->setFiles(parser.values(importFile));
        wizard->show();
        for (int i = 1; i < parser.value(wizardPage).toInt(); ++i) wizard->next();
        target = wizard;
    }
    const QString dialog = parser.value(show);
    if (dialog == QLatin1String("settings")) {
        auto* d = new ft::ui::SettingsDialog(&window);
        d->show();
        target = d;
    } else if (dialog == QLatin1String("about")) {
        auto* d = new ft::ui::AboutDialog(&window);
        d->show();
        target = d;
    } else if (dialog == QLatin1String("shortcuts")) {
        auto* d = new ft::ui::ShortcutsDialog(window.menuBar(), &window);
        d->show();
        target = d;
    } else if (dialog == QLatin1String("tour")) {
        window.startTour();
        window.guidedTour()->showStep(parser.value(tourStep).toInt() - 1);
    }
    const QString file = parser.value(screenshot);
    int status = 0;
    QTimer::singleShot(parser.value(delay).toInt(), &app, [&window, target, file, &status] {
        status = target->grab().save(file) ? 0 : 1;
        // Quitting closes the window, which would ask whether to stop a training run.
        window.trainPage()->stopAndWait();
        QApplication::quit();
    });
    QApplication::exec();
    return status;
}
