#pragma once

#include <cstdint>

#include <QWidget>

#include "data/splitter.h"

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace ft::ui {

class JobController;

// The Split tab of the Data page: train / validation / test ratios (must sum to
// 100), seed, stratified; "Split" runs data::splitDataset on a worker, then the
// per-part per-label counts, the leakage check and the excluded rows are shown.
// A refused split (one class, too few rows) is explained in a message box and
// inline; nothing is saved then. GUI thread only.
class SplitPanel : public QWidget {
    Q_OBJECT
public:
    explicit SplitPanel(JobController* jobs, QWidget* parent = nullptr);

    // datasetId 0 disables the panel; the dataset already shown keeps its result.
    void setDataset(const QString& projectDir, int64_t datasetId);
    // Shows the counts of the dataset's stored split (from the statistics job),
    // unless that split (with its fresh report) is already shown.
    void showStoredSplit(const data::SplitReport& counts);
    void clearResult();

public Q_SLOTS:
    void startSplit();

Q_SIGNALS:
    void splitSaved(const ft::data::SplitReport& report);

private:
    void updateSum();
    void showReport(const data::SplitReport& report, bool fresh);
    void showError(const QString& message);

    JobController* m_jobs;
    QString m_projectDir;
    int64_t m_datasetId = 0;
    qint64 m_jobId = 0;
    int64_t m_shownSplitId = 0;  // the split whose counts the table shows

    QSpinBox* m_train;
    QSpinBox* m_validation;
    QSpinBox* m_test;
    QLabel* m_sum;
    QSpinBox* m_seed;
    QCheckBox* m_stratified;
    QPushButton* m_splitButton;
    QLabel* m_status;
    QLabel* m_error;
    QTableWidget* m_counts;
    QLabel* m_leakage;
    QLabel* m_excluded;
};

}  // namespace ft::ui
