#pragma once

#include <functional>

#include <QFrame>
#include <QString>
#include <QVector>

class QLabel;
class QListWidget;
class QPushButton;
class QShortcut;

namespace ft::ui {

// The first-run tour: a small non-modal panel floating in the main window beside the
// stage navigation, one step per stage (Prepare data, Select model, Fine-tune, Evaluate,
// Deploy) saying what the stage is for and what to click. Each step selects its entry in
// the navigation and switches the page through `showStage(index)`. Back / Next / Skip
// tour; Esc and Skip close it. Closing it in any way, or finishing it, records
// AppSettings::tourShown(), so the first-run start happens once; start() reopens it at the
// first step. Owned by (and a child of) `host`; GUI thread only.
class GuidedTour : public QFrame {
    Q_OBJECT
public:
    struct Step {
        QString title;
        QString body;
    };

    GuidedTour(QWidget* host, QListWidget* navigation, std::function<void(int)> showStage);

    int stepCount() const { return static_cast<int>(m_steps.size()); }
    int currentStep() const { return m_step; }  // -1 while closed
    bool isRunning() const { return m_step >= 0; }
    const Step& step(int index) const { return m_steps.at(index); }

public Q_SLOTS:
    void start();
    void showStep(int index);
    void next();
    void back();
    // Closes the tour and records it as shown (Skip tour, Esc, and Done at the end).
    void dismiss();

Q_SIGNALS:
    void stepChanged(int index);
    void dismissed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void place();

    QWidget* m_host;
    QListWidget* m_nav;
    std::function<void(int)> m_showStage;
    QVector<Step> m_steps;
    int m_step = -1;
    int m_arrowY = 0;
    QLabel* m_counter;
    QLabel* m_title;
    QLabel* m_body;
    QPushButton* m_back;
    QPushButton* m_next;
    QPushButton* m_skip;
    QShortcut* m_escape;
};

}  // namespace ft::ui
