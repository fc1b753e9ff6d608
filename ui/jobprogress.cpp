#include "jobprogress.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>

#include "jobcontroller.h"

namespace ft::ui {

JobProgress::JobProgress(JobController* jobs, QWidget* parent)
    : QWidget(parent),
      m_jobs(jobs),
      m_caption(new QLabel),
      m_bar(new QProgressBar),
      m_cancel(new QPushButton(tr("Cancel"))),
      m_showTimer(new QTimer(this)) {
    setObjectName(QStringLiteral("jobProgress"));
    m_caption->setObjectName(QStringLiteral("jobCaption"));
    m_bar->setObjectName(QStringLiteral("jobProgressBar"));
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(false);
    m_bar->setFixedWidth(180);
    m_bar->setFixedHeight(12);
    m_cancel->setObjectName(QStringLiteral("jobCancelButton"));
    m_cancel->setToolTip(tr("Stop this job; nothing it started is saved"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_caption);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    hide();

    m_showTimer->setSingleShot(true);
    m_showTimer->setInterval(kShowAfterMs);
    connect(m_showTimer, &QTimer::timeout, this, [this] {
        if (m_jobId != 0 && m_jobs->isRunning(m_jobId)) show();
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_jobId == 0) return;
        m_jobs->cancel(m_jobId);
        m_caption->setText(tr("Cancelling…"));
        m_cancel->setEnabled(false);
    });
    connect(m_jobs, &JobController::jobStarted, this, &JobProgress::watch);
    connect(m_jobs, &JobController::progressChanged, this,
            [this](qint64 jobId, double fraction, const QString& text) {
                if (jobId != m_jobId) return;
                m_bar->setRange(0, 1000);
                m_bar->setValue(static_cast<int>(fraction * 1000));
                if (!text.isEmpty() && m_cancel->isEnabled()) {
                    m_caption->setText(m_jobs->title(jobId) + QStringLiteral(": ") + text);
                }
            });
    connect(m_jobs, &JobController::jobEnded, this, &JobProgress::finish);
}

void JobProgress::watch(qint64 jobId, const QString& title) {
    // Only jobs that write are worth a Cancel button; previews and statistics
    // are short and replaced by the next one anyway.
    if (!m_jobs->isWriteJob(jobId)) return;
    if (m_jobId != 0) {
        m_waiting << jobId;
        return;
    }
    m_jobId = jobId;
    m_caption->setText(title + QStringLiteral("…"));
    m_bar->setRange(0, 0);
    m_cancel->setEnabled(true);
    m_showTimer->start();
}

void JobProgress::finish(qint64 jobId) {
    m_waiting.removeAll(jobId);
    if (jobId != m_jobId) return;
    m_jobId = 0;
    m_showTimer->stop();
    hide();
    while (!m_waiting.isEmpty()) {
        const qint64 next = m_waiting.takeFirst();
        if (m_jobs->isRunning(next)) {
            watch(next, m_jobs->title(next));
            break;
        }
    }
}

}  // namespace ft::ui
