#include "mainwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>

#include "aboutdialog.h"
#include "appsettings.h"
#include "datapage.h"
#include "error.h"
#include "evaluatepage.h"
#include "exportpage.h"
#include "guidedtour.h"
#include "hyperparameterform.h"
#include "jobcontroller.h"
#include "jobprogress.h"
#include "logpanel.h"
#include "modelpage.h"
#include "runtime.h"
#include "settingsdialog.h"
#include "shortcutsdialog.h"
#include "store/project.h"
#include "trainpage.h"
#include "welcomeview.h"

Q_LOGGING_CATEGORY(lcMainWindow, "ft.ui.mainwindow", QtInfoMsg)

namespace ft::ui {
namespace {

const char* const kRecentKey = "recentProjects";

// A round numbered badge for a stage of the navigation.
QIcon stageIcon(int number) {
    QIcon icon;
    for (const auto& [mode, color] : {std::pair{QIcon::Normal, QColor(0x1a, 0x73, 0xe8)},
                                      std::pair{QIcon::Disabled, QColor(0xbd, 0xc1, 0xc6)},
                                      std::pair{QIcon::Selected, QColor(0x19, 0x67, 0xd2)}}) {
        for (int size : {24, 48}) {
            QPixmap pixmap(size, size);
            pixmap.fill(Qt::transparent);
            QPainter painter(&pixmap);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(Qt::NoPen);
            painter.setBrush(color);
            painter.drawEllipse(QRectF(1, 1, size - 2, size - 2));
            QFont font = painter.font();
            font.setPixelSize(size * 11 / 20);
            font.setBold(true);
            painter.setFont(font);
            painter.setPen(Qt::white);
            painter.drawText(QRect(0, 0, size, size), Qt::AlignCenter, QString::number(number));
            painter.end();
            icon.addPixmap(pixmap, mode);
        }
    }
    return icon;
}

// The application icon: a rounded blue square with a white "F" and a spark.
QIcon appIcon() {
    QIcon icon;
    for (int size : {16, 32, 64, 128, 256}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0x1a, 0x73, 0xe8));
        painter.drawRoundedRect(QRectF(0, 0, size, size), size * 0.22, size * 0.22);
        QFont font = painter.font();
        font.setPixelSize(size * 3 / 4);
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(QRect(0, 0, size, size), Qt::AlignCenter, QStringLiteral("F"));
        painter.setBrush(QColor(0xf9, 0xab, 0x00));
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(QRectF(size * 0.68, size * 0.12, size * 0.2, size * 0.2));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_jobs(new JobController(this)),
      m_nav(nullptr),
      m_pages(new QStackedWidget),
      m_welcome(new WelcomeView),
      m_dataPage(new DataPage(m_jobs)),
      m_modelPage(new ModelPage),
      m_trainPage(new TrainPage),
      m_evaluatePage(new EvaluatePage),
      m_exportPage(new ExportPage),
      m_log(new LogPanel(this)),
      m_progress(new JobProgress(m_jobs)),
      m_rowCount(new QLabel) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(appIcon());
    resize(1360, 860);

    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->addWidget(m_welcome);
    m_pages->addWidget(m_dataPage);
    m_pages->addWidget(m_modelPage);
    m_pages->addWidget(m_trainPage);
    m_pages->addWidget(m_evaluatePage);
    m_pages->addWidget(m_exportPage);

    auto* central = new QWidget;
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_nav = createNavigation();
    layout->addWidget(m_nav);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    addDockWidget(Qt::BottomDockWidgetArea, m_log);
    m_log->hide();

    m_rowCount->setObjectName(QStringLiteral("rowCountLabel"));
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_rowCount);

    m_tour = new GuidedTour(this, m_nav, [this](int stage) {
        showPage(static_cast<Page>(static_cast<int>(Page::Data) + stage));
    });
    createMenus();

    connect(m_welcome, &WelcomeView::newProjectRequested, this, &MainWindow::newProjectDialog);
    connect(m_welcome, &WelcomeView::openProjectRequested, this, &MainWindow::openProjectDialog);
    // The first start: the welcome view offers the sample project, and the tour follows it.
    connect(m_welcome, &WelcomeView::sampleProjectRequested, this, [this] {
        if (openSampleProject() && !AppSettings::tourShown()) startTour();
    });
    connect(m_welcome, &WelcomeView::recentProjectRequested, this,
            [this](const QString& dir) { openProject(dir); });
    connect(m_dataPage, &DataPage::rowCountChanged, this, &MainWindow::updateRowCount);
    connect(m_dataPage, &DataPage::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 6000); });
    connect(m_modelPage, &ModelPage::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 6000); });
    connect(m_modelPage, &ModelPage::modelLoadFailed, m_log, &QWidget::show);
    connect(m_trainPage, &TrainPage::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_evaluatePage, &EvaluatePage::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_exportPage, &ExportPage::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_exportPage, &ExportPage::evaluateRequested, this,
            [this] { showPage(Page::Evaluate); });
    connect(m_jobs, &JobController::jobFailed, this,
            [this](qint64, const QString& message, int code) {
                if (code != static_cast<int>(ErrorCode::Cancelled)) m_log->show();
                statusBar()->showMessage(message, 8000);
            });

    m_welcome->setRecentProjects(recentProjects());
    showPage(Page::Welcome);
    updateTitle();
}

MainWindow::~MainWindow() {
    // Jobs hold no pointer into the GUI's Project, but the page does: detach it
    // before the connection closes.
    m_jobs->cancelAll();
    m_dataPage->setProject(nullptr);
    m_modelPage->setProject(nullptr);
    m_trainPage->setProject(nullptr);
    m_evaluatePage->setProject(nullptr);
    m_exportPage->setProject(nullptr);
}

QListWidget* MainWindow::createNavigation() {
    auto* nav = new QListWidget;
    nav->setObjectName(QStringLiteral("stageNav"));
    nav->setIconSize(QSize(24, 24));
    nav->setFixedWidth(196);
    nav->setFocusPolicy(Qt::NoFocus);
    nav->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    struct Stage {
        QString title;
        QString later;
    };
    const Stage stages[] = {
        {tr("Prepare data"), QString()}, {tr("Select model"), QString()},
        {tr("Fine-tune"), QString()},    {tr("Evaluate"), QString()},
        {tr("Deploy"), QString()},
    };
    for (int i = 0; i < 5; ++i) {
        auto* item = new QListWidgetItem(stageIcon(i + 1), stages[i].title);
        item->setSizeHint(QSize(180, 44));
        if (i == 4) {
            item->setToolTip(
                tr("Export a run as a verified folder, keep its versions in the "
                   "registry, and write the data as OpenAI JSONL"));
        } else if (i == 3) {
            item->setToolTip(
                tr("Metrics with intervals, the confusion matrix and its rows, "
                   "ROC / PR curves, baselines and run comparison"));
        } else if (i == 2) {
            item->setToolTip(
                tr("Set the hyperparameters, train with live curves, pause, "
                   "resume and compare runs"));
        } else if (i == 1) {
            item->setToolTip(
                tr("Choose a pre-trained model, preview its tokenizer and check "
                   "memory and speed"));
        } else {
            item->setToolTip(tr("Import, label, clean and split your data"));
        }
        nav->addItem(item);
    }
    connect(nav, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row == 0 && m_project) showPage(Page::Data);
        if (row == 1 && m_project) showPage(Page::Model);
        if (row == 2 && m_project) showPage(Page::Train);
        if (row == 3 && m_project) showPage(Page::Evaluate);
        if (row == 4 && m_project) showPage(Page::Export);
    });
    return nav;
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newAction = file->addAction(tr("&New Project…"), this, &MainWindow::newProjectDialog);
    newAction->setShortcut(QKeySequence::New);
    newAction->setObjectName(QStringLiteral("newProjectAction"));
    QAction* openAction =
        file->addAction(tr("&Open Project…"), this, &MainWindow::openProjectDialog);
    openAction->setShortcut(QKeySequence::Open);
    openAction->setObjectName(QStringLiteral("openProjectAction"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addAction(tr("Open the &Sample Project"), this, [this] { openSampleProject(); });
    file->addSeparator();
    file->addAction(m_dataPage->importAction());
    file->addSeparator();
    m_closeAction = file->addAction(tr("&Close Project"), this, [this] { closeProject(); });
    m_closeAction->setShortcut(QKeySequence::Close);
    m_closeAction->setObjectName(QStringLiteral("closeProjectAction"));
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_dataPage->undoAction());
    edit->addSeparator();
    QAction* preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::showSettings);
    preferences->setObjectName(QStringLiteral("preferencesAction"));
    preferences->setMenuRole(QAction::PreferencesRole);
    // Some desktops have no standard key for Preferences; Ctrl+, is the common choice.
    preferences->setShortcuts(QKeySequence::keyBindings(QKeySequence::Preferences).isEmpty()
                                  ? QList<QKeySequence>{QKeySequence(tr("Ctrl+,"))}
                                  : QKeySequence::keyBindings(QKeySequence::Preferences));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* logAction = m_log->toggleViewAction();
    logAction->setText(tr("&Log"));
    logAction->setShortcut(QKeySequence(tr("Ctrl+L")));
    view->addAction(logAction);

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    go->setObjectName(QStringLiteral("goMenu"));
    for (int i = 0; i < 5; ++i) {
        QAction* stage = go->addAction(m_nav->item(i)->text(), this, [this, i] {
            showPage(static_cast<Page>(static_cast<int>(Page::Data) + i));
        });
        stage->setObjectName(QStringLiteral("goStage%1Action").arg(i + 1));
        stage->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        stage->setEnabled(false);
        m_stageActions << stage;
    }

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->setObjectName(QStringLiteral("runMenu"));
    createRunActions(run);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* shortcuts =
        help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    shortcuts->setShortcut(QKeySequence::HelpContents);
    if (shortcuts->shortcut().isEmpty()) shortcuts->setShortcut(QKeySequence(Qt::Key_F1));
    QAction* tour = help->addAction(tr("&Guided Tour"), this, &MainWindow::startTour);
    tour->setObjectName(QStringLiteral("guidedTourAction"));
    tour->setToolTip(tr("A short walk through the five stages (needs an open project)"));
    help->addSeparator();
    QAction* about = help->addAction(tr("&About Finetune Studio"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    updateRecentMenu();
}

// The main button of each stage, as an action with a shortcut: it shows the page and
// presses the button, and it is enabled exactly when the button is.
void MainWindow::createRunActions(QMenu* menu) {
    struct RunAction {
        const char* objectName;
        QString text;
        QKeySequence key;
        Page page;
        QWidget* pageWidget;
        const char* button;
    };
    const RunAction actions[] = {
        {"startTrainingAction", tr("&Start Training"), QKeySequence(tr("Ctrl+R")), Page::Train,
         m_trainPage, "startTrainingButton"},
        {"stopTrainingAction", tr("S&top Training"), QKeySequence(tr("Ctrl+.")), Page::Train,
         m_trainPage, "stopTrainingButton"},
        {"evaluateAction", tr("&Evaluate Run"), QKeySequence(tr("Ctrl+E")), Page::Evaluate,
         m_evaluatePage, "evaluateButton"},
        {"exportAction", tr("E&xport Run"), QKeySequence(tr("Ctrl+Shift+E")), Page::Export,
         m_exportPage, "exportButton"},
    };
    QAction* import = m_dataPage->importAction();
    menu->addAction(import);
    menu->addSeparator();
    for (const RunAction& a : actions) {
        auto* button = a.pageWidget->findChild<QAbstractButton*>(QLatin1String(a.button));
        if (!button) {
            qCWarning(lcMainWindow) << "no button" << a.button << "for" << a.objectName;
            continue;
        }
        QAction* action = menu->addAction(a.text);
        action->setObjectName(QLatin1String(a.objectName));
        action->setShortcut(a.key);
        const Page page = a.page;
        const QPointer<QAbstractButton> target(button);
        connect(action, &QAction::triggered, this, [this, page, target] {
            if (!target || !target->isEnabled()) return;
            showPage(page);
            // The page may disable the button while it updates for being shown.
            if (target->isEnabled()) target->click();
        });
        linkButtonToAction(button, action);
    }
    // The Data page's import button shows the action's tooltip.
    import->setToolTip(withShortcut(import->toolTip(), import));
}

QString MainWindow::projectDir() const {
    return m_project ? QString::fromStdString(m_project->dir()) : QString();
}

MainWindow::Page MainWindow::currentPage() const {
    if (m_pages->currentWidget() == m_dataPage) return Page::Data;
    if (m_pages->currentWidget() == m_modelPage) return Page::Model;
    if (m_pages->currentWidget() == m_trainPage) return Page::Train;
    if (m_pages->currentWidget() == m_evaluatePage) return Page::Evaluate;
    if (m_pages->currentWidget() == m_exportPage) return Page::Export;
    return Page::Welcome;
}

void MainWindow::showPage(Page page) {
    if (page != Page::Welcome && !m_project) page = Page::Welcome;
    // The epoch estimate counts the training rows of the dataset the Data page shows.
    if (page == Page::Model) m_modelPage->setDatasetId(m_dataPage->datasetId());
    if (page == Page::Train) m_trainPage->setDatasetId(m_dataPage->datasetId());
    QWidget* widgets[] = {m_welcome,   m_dataPage,     m_modelPage,
                          m_trainPage, m_evaluatePage, m_exportPage};
    m_pages->setCurrentWidget(widgets[static_cast<int>(page)]);
    const QSignalBlocker block(m_nav);
    const int row = page == Page::Data       ? 0
                    : page == Page::Model    ? 1
                    : page == Page::Train    ? 2
                    : page == Page::Evaluate ? 3
                    : page == Page::Export   ? 4
                                             : -1;
    m_nav->setCurrentRow(row);
    for (int i : {0, 1, 2, 3, 4}) {
        m_nav->item(i)->setFlags(m_project ? Qt::ItemIsEnabled | Qt::ItemIsSelectable
                                           : Qt::NoItemFlags);
        m_nav->item(i)->setSelected(i == row);
    }
}

bool MainWindow::createProject(const QString& dir) {
    try {
        store::Project::create(QDir::cleanPath(dir).toStdString());
    } catch (const Error& e) {
        qCWarning(lcMainWindow).noquote() << e.what();
        QMessageBox::warning(this, tr("New project"),
                             tr("The project could not be created.\n\n%1").arg(e.what()));
        return false;
    }
    qCInfo(lcMainWindow).noquote() << "created project" << dir;
    return openProject(dir);
}

bool MainWindow::openProject(const QString& dir) {
    const QString clean = QDir(dir).absolutePath();
    std::unique_ptr<store::Project> project;
    try {
        project = std::make_unique<store::Project>(store::Project::open(clean.toStdString()));
    } catch (const Error& e) {
        qCWarning(lcMainWindow).noquote() << e.what();
        QMessageBox::warning(this, tr("Open project"),
                             tr("%1 could not be opened as a project.\n\n%2")
                                 .arg(QDir::toNativeSeparators(clean), e.what()));
        return false;
    }
    if (!closeProject()) return false;
    m_project = std::move(project);
    qCInfo(lcMainWindow).noquote() << "opened project" << clean;
    m_dataPage->setProject(m_project.get());
    m_modelPage->setProject(m_project.get());
    m_trainPage->setProject(m_project.get());
    m_evaluatePage->setProject(m_project.get());
    m_exportPage->setProject(m_project.get());
    addRecent(clean);
    showPage(Page::Data);
    updateTitle();
    return true;
}

bool MainWindow::closeProject() {
    if (!m_project) return true;
    // A training run is stopped cleanly (checkpointed, resumable) only if the user agrees.
    if (!m_trainPage->stopForClose()) return false;
    if (m_jobs->hasWriteJobs()) {
        const auto answer = QMessageBox::question(
            this, tr("Close project"),
            tr("A job is still changing this project. Cancel it and close? Nothing it has "
               "started is saved."),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) return false;
    }
    m_jobs->cancelAll();
    if (m_tour->isRunning()) m_tour->dismiss();
    m_dataPage->setProject(nullptr);
    m_modelPage->setProject(nullptr);
    m_trainPage->setProject(nullptr);
    m_evaluatePage->setProject(nullptr);
    m_exportPage->setProject(nullptr);
    m_project.reset();
    m_rowCount->clear();
    m_welcome->setRecentProjects(recentProjects());
    showPage(Page::Welcome);
    updateTitle();
    return true;
}

bool MainWindow::openSampleProject() {
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString dir = base + QStringLiteral("/sample-project");
    if (store::Project::exists(dir.toStdString())) return openProject(dir);

    // Core reads files from disk: copy the bundled CSV out of the resources first.
    const QString resource = QStringLiteral(":/samples/support-tickets.csv");
    const QString csv = base + QStringLiteral("/support-tickets.csv");
    if (!QFile::exists(resource)) {
        QMessageBox::warning(this, tr("Sample project"),
                             tr("This build does not contain the sample dataset."));
        return false;
    }
    QDir().mkpath(base);
    QFile::remove(csv);
    if (!QFile::copy(resource, csv)) {
        QMessageBox::warning(this, tr("Sample project"),
                             tr("The sample dataset could not be written to %1.")
                                 .arg(QDir::toNativeSeparators(csv)));
        return false;
    }
    QFile::setPermissions(csv, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
    if (!createProject(dir)) return false;

    data::ImportRequest request;
    request.path = csv.toStdString();
    request.format.format = data::Format::Csv;
    request.mapping.text = "text";
    request.mapping.label = "intent";
    request.datasetName = "support-tickets";
    m_dataPage->startImportRequests({request});
    return true;
}

void MainWindow::newProjectDialog() {
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("newProjectDialog"));
    dialog.setWindowTitle(tr("New project"));
    auto* name = new QLineEdit(tr("my-classifier"));
    name->setObjectName(QStringLiteral("newProjectName"));
    auto* location = new QLineEdit(projectsStartFolder());
    location->setObjectName(QStringLiteral("newProjectLocation"));
    location->setMinimumWidth(360);
    auto* browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, &dialog, [&dialog, location] {
        const QString dir =
            QFileDialog::getExistingDirectory(&dialog, tr("Location"), location->text());
        if (!dir.isEmpty()) location->setText(dir);
    });
    auto* where = new QLabel;
    where->setProperty("role", QStringLiteral("hint"));
    auto updateWhere = [name, location, where] {
        where->setText(tr("The project folder will be %1")
                           .arg(QDir::toNativeSeparators(
                               QDir(location->text()).filePath(name->text().trimmed()))));
    };
    updateWhere();
    connect(name, &QLineEdit::textChanged, &dialog, updateWhere);
    connect(location, &QLineEdit::textChanged, &dialog, updateWhere);
    auto* locationRow = new QHBoxLayout;
    locationRow->addWidget(location, 1);
    locationRow->addWidget(browse);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("Name:"), name);
    form->addRow(tr("Location:"), locationRow);
    form->addRow(where);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted || name->text().trimmed().isEmpty()) return;
    QSettings().setValue(QStringLiteral("lastProjectLocation"), location->text());
    createProject(QDir(location->text()).filePath(name->text().trimmed()));
}

void MainWindow::openProjectDialog() {
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Open project folder"), projectsStartFolder());
    if (!dir.isEmpty()) openProject(dir);
}

QString MainWindow::projectsStartFolder() const {
    const QString preferred = AppSettings::projectsFolder();
    if (!preferred.isEmpty()) return QDir::toNativeSeparators(preferred);
    return QSettings()
        .value(QStringLiteral("lastProjectLocation"),
               QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .toString();
}

void MainWindow::showAbout() {
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::showSettings() {
    const int previousThreads = AppSettings::threads();
    const QString previousDevice = AppSettings::device();
    const QString previousCache = AppSettings::hfCache();
    auto* dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::settingsSaved, this,
            [this, previousThreads, previousDevice, previousCache] {
                // Threads started from now on (new runs, evaluations, exports) use the count.
                if (AppSettings::threads() != previousThreads) initRuntime(AppSettings::threads());
                m_trainPage->form()->followRuntimeDefaults(previousThreads, previousDevice);
                if (AppSettings::hfCache() != previousCache) m_modelPage->refreshCatalog();
                statusBar()->showMessage(tr("Preferences saved"), 4000);
            });
    dialog->open();
}

void MainWindow::showShortcuts() {
    auto* dialog = new ShortcutsDialog(menuBar(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::startTour() {
    if (!m_project) {
        statusBar()->showMessage(tr("Open a project (or the sample project) to take the tour"),
                                 6000);
        return;
    }
    m_tour->start();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!closeProject()) {
        event->ignore();
        return;
    }
    event->accept();
}

QStringList MainWindow::recentProjects() const {
    QStringList out;
    for (const QString& dir : QSettings().value(QLatin1String(kRecentKey)).toStringList()) {
        if (store::Project::exists(dir.toStdString())) out << dir;
    }
    return out;
}

void MainWindow::addRecent(const QString& dir) {
    QStringList list = QSettings().value(QLatin1String(kRecentKey)).toStringList();
    list.removeAll(dir);
    list.prepend(dir);
    while (list.size() > kMaxRecent) list.removeLast();
    QSettings().setValue(QLatin1String(kRecentKey), list);
    updateRecentMenu();
    m_welcome->setRecentProjects(recentProjects());
}

void MainWindow::updateRecentMenu() {
    if (!m_recentMenu) return;
    m_recentMenu->clear();
    const QStringList dirs = recentProjects();
    for (const QString& dir : dirs) {
        m_recentMenu->addAction(QDir::toNativeSeparators(dir), this,
                                [this, dir] { openProject(dir); });
    }
    if (!dirs.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear the List"), this, [this] {
            QSettings().remove(QLatin1String(kRecentKey));
            updateRecentMenu();
            m_welcome->setRecentProjects({});
        });
    }
    m_recentMenu->setEnabled(!dirs.isEmpty());
}

void MainWindow::updateTitle() {
    if (m_project) {
        setWindowTitle(tr("%1 — Finetune Studio").arg(QDir::toNativeSeparators(projectDir())));
    } else {
        setWindowTitle(tr("Finetune Studio"));
    }
    if (m_closeAction) m_closeAction->setEnabled(m_project != nullptr);
    for (QAction* stage : m_stageActions) stage->setEnabled(m_project != nullptr);
}

void MainWindow::updateRowCount(qint64 datasetRows, qint64 shownRows) {
    if (!m_project || datasetRows == 0) {
        m_rowCount->setText(m_project ? tr("No rows") : QString());
        return;
    }
    const QLocale locale;
    if (shownRows == datasetRows) {
        m_rowCount->setText(tr("%1 rows").arg(locale.toString(datasetRows)));
    } else {
        m_rowCount->setText(tr("%1 of %2 rows shown")
                                .arg(locale.toString(shownRows), locale.toString(datasetRows)));
    }
}

}  // namespace ft::ui
