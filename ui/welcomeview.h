#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QListWidget;

namespace ft::ui {

// What the main window shows while no project is open: create, open, open the
// sample project, or pick a recent project. It only asks; MainWindow acts.
class WelcomeView : public QWidget {
    Q_OBJECT
public:
    explicit WelcomeView(QWidget* parent = nullptr);

    void setRecentProjects(const QStringList& dirs);

Q_SIGNALS:
    void newProjectRequested();
    void openProjectRequested();
    void sampleProjectRequested();
    void recentProjectRequested(const QString& dir);

private:
    QListWidget* m_recent;
    QLabel* m_recentEmpty;
};

}  // namespace ft::ui
