#pragma once

#include <memory>

#include <QMainWindow>
#include <QStringList>

class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace ft::store {
class Project;
}

namespace ft::ui {

class DataPage;
class EvaluatePage;
class ExportPage;
class GuidedTour;
class JobController;
class JobProgress;
class LogPanel;
class ModelPage;
class TrainPage;
class WelcomeView;

// The main window: the five stages in a side navigation (only what works is
// enabled), the welcome view while no project is open, the Data and Model pages, the log
// dock and a status bar with the row count and the progress of running jobs.
// Holds the GUI thread's store::Project (its reading connection) and the
// JobController. GUI thread only.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Page { Welcome, Data, Model, Train, Evaluate, Export };
    static constexpr int kMaxRecent = 8;

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    QString projectDir() const;
    DataPage* dataPage() const { return m_dataPage; }
    ModelPage* modelPage() const { return m_modelPage; }
    TrainPage* trainPage() const { return m_trainPage; }
    EvaluatePage* evaluatePage() const { return m_evaluatePage; }
    ExportPage* exportPage() const { return m_exportPage; }
    JobController* jobs() const { return m_jobs; }
    GuidedTour* guidedTour() const { return m_tour; }
    Page currentPage() const;

    // Each shows a message box and returns false on failure.
    bool openProject(const QString& dir);
    bool createProject(const QString& dir);
    // Opens (creating it on first use) the sample project in the app data folder.
    bool openSampleProject();
    // Asks first if a job is still writing; false if the user kept it open.
    bool closeProject();

public Q_SLOTS:
    void showPage(ft::ui::MainWindow::Page page);
    void newProjectDialog();
    void openProjectDialog();
    void showAbout();
    void showSettings();
    void showShortcuts();
    // Starts the guided tour at its first step (Help → Guided tour).
    void startTour();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void createRunActions(QMenu* menu);
    // Where New / Open project start: Preferences → Projects, else the last location.
    QString projectsStartFolder() const;
    QListWidget* createNavigation();
    void addRecent(const QString& dir);
    QStringList recentProjects() const;
    void updateRecentMenu();
    void updateTitle();
    void updateRowCount(qint64 datasetRows, qint64 shownRows);

    std::unique_ptr<store::Project> m_project;
    JobController* m_jobs;
    QListWidget* m_nav;
    QStackedWidget* m_pages;
    WelcomeView* m_welcome;
    DataPage* m_dataPage;
    ModelPage* m_modelPage;
    TrainPage* m_trainPage;
    EvaluatePage* m_evaluatePage;
    ExportPage* m_exportPage;
    LogPanel* m_log;
    JobProgress* m_progress;
    QLabel* m_rowCount;
    QMenu* m_recentMenu = nullptr;
    QAction* m_closeAction = nullptr;
    QList<QAction*> m_stageActions;
    GuidedTour* m_tour = nullptr;
};

}  // namespace ft::ui
