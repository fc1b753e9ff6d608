#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace ft::ui {

class JobController;

// A progress bar, a caption and a Cancel button for the write jobs of a
// JobController (import, cleaning, split), for the status bar. It appears only
// once a job has run for kShowAfterMs, so quick jobs do not flash, and shows the
// oldest running job. GUI thread only.
class JobProgress : public QWidget {
    Q_OBJECT
public:
    static constexpr int kShowAfterMs = 300;

    explicit JobProgress(JobController* jobs, QWidget* parent = nullptr);
    qint64 shownJob() const { return m_jobId; }

private:
    void watch(qint64 jobId, const QString& title);
    void finish(qint64 jobId);

    JobController* m_jobs;
    qint64 m_jobId = 0;
    QList<qint64> m_waiting;
    QLabel* m_caption;
    QProgressBar* m_bar;
    QPushButton* m_cancel;
    QTimer* m_showTimer;
};

}  // namespace ft::ui
