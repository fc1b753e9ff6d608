#pragma once

#include <cstdint>
#include <vector>

#include <QWidget>

#include "data/importer.h"
#include "store/project.h"
#include "workers.h"

class QAction;
class QComboBox;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableWidget;
class QTimer;

namespace ft::ui {

class CleaningPanel;
class JobController;
class RowsTableModel;
class RowsTableView;
class SplitPanel;

// Stage 1, "Prepare data": import, browse and label the rows of a dataset,
// look at its label distribution and text lengths, clean it and split it.
// Reads through the GUI thread's Project (not owned); every import, cleaning,
// split and statistics job runs on the JobController's threads. GUI thread only.
class DataPage : public QWidget {
    Q_OBJECT
public:
    explicit DataPage(JobController* jobs, QWidget* parent = nullptr);
    ~DataPage() override;

    // nullptr closes; the Project must outlive the page or be replaced first.
    void setProject(store::Project* project);
    int64_t datasetId() const { return m_datasetId; }
    RowsTableModel* rowsModel() const { return m_model; }
    RowsTableView* rowsView() const { return m_view; }
    QAction* importAction() const { return m_importAction; }
    QAction* undoAction() const { return m_undoAction; }
    // The id of the running import, 0 if none.
    qint64 importJob() const { return m_importJob; }

public Q_SLOTS:
    // Opens the import wizard (optionally with files chosen) and starts the import.
    void startImport(const QStringList& files = {});
    // Starts an import without the wizard (the sample project, tests).
    qint64 startImportRequests(std::vector<data::ImportRequest> requests);
    void selectDataset(int64_t datasetId);
    void undoLabelChange();
    // Re-reads the datasets, rows and statistics.
    void reload();

Q_SIGNALS:
    void rowCountChanged(qint64 datasetRows, qint64 shownRows);
    void statusMessage(const QString& text);
    void importFinished(const ft::ui::ImportSummary& summary);

private:
    QWidget* createOverview();
    void reloadDatasets();
    void reloadRows();
    void rebuildFilter();
    void applyFilter();
    store::RowFilter currentFilter() const;
    void afterFilterChange();
    void updateLegend();
    void scheduleStats();
    void showStats(const StatsSummary& summary);
    void renameLabel(int row);
    void addLabel();

    JobController* m_jobs;
    store::Project* m_project = nullptr;
    QString m_projectDir;
    int64_t m_datasetId = 0;
    int64_t m_datasetRows = 0;
    qint64 m_importJob = 0;
    qint64 m_statsJob = 0;

    QAction* m_importAction;
    QAction* m_undoAction;
    QStackedWidget* m_stack;
    QComboBox* m_dataset;
    QLabel* m_datasetLabel;
    QComboBox* m_filter;
    QLineEdit* m_search;
    QLabel* m_legend;
    QSplitter* m_splitter;
    RowsTableModel* m_model;
    RowsTableView* m_view;
    QTabWidget* m_tabs;
    QLabel* m_summary;
    QTableWidget* m_labelList;
    QCustomPlot* m_labelChart;
    QCustomPlot* m_lengthChart;
    CleaningPanel* m_cleaning;
    SplitPanel* m_split;
    QTimer* m_searchTimer;
    QTimer* m_statsTimer;
};

}  // namespace ft::ui
