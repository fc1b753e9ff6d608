#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include <QWidget>

#include "data/cleaner.h"

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;
class QTimer;

namespace ft::ui {

class JobController;

// The Clean tab of the Data page: the cleaning steps as checkable items in the
// order they run, a before/after preview of the first rows (refreshed on a
// worker whenever the steps change; changed rows highlighted, dropped rows
// struck through), "Apply" (data::applyCleaning on a worker) and its report.
// GUI thread only.
class CleaningPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kPreviewRows = 50;

    explicit CleaningPanel(JobController* jobs, QWidget* parent = nullptr);

    // Loads the dataset's latest pipeline (or the recommended one); datasetId 0
    // disables the panel. For the dataset already shown it only refreshes the
    // preview and keeps the steps and the last report.
    void setDataset(const QString& projectDir, const std::string& pipelineJson, int64_t datasetId);
    data::Pipeline pipeline() const;
    void setPipeline(const data::Pipeline& pipeline);

public Q_SLOTS:
    void startApply();
    void startPreview();
    void resetToRecommended();
    void editStopWords();

Q_SIGNALS:
    void cleaningApplied(const ft::data::CleaningReport& report);

private:
    void schedulePreview();
    void showPreview(const std::vector<data::PreviewRow>& rows);
    void showReport(const data::CleaningReport& report);
    void updateButtons();

    JobController* m_jobs;
    QString m_projectDir;
    int64_t m_datasetId = 0;
    qint64 m_previewJob = 0;
    qint64 m_applyJob = 0;
    std::set<std::string> m_stopWords;  // empty = the built-in list

    QListWidget* m_steps;
    QComboBox* m_unicodeForm;
    QPushButton* m_stopWordsButton;
    QPushButton* m_recommended;
    QPushButton* m_apply;
    QLabel* m_previewCaption;
    QTableWidget* m_preview;
    QLabel* m_report;
    QTableWidget* m_conflicts;
    QTimer* m_previewTimer;
};

}  // namespace ft::ui
