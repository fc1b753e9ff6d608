#pragma once

#include <cstdint>
#include <optional>

#include <QList>
#include <QString>
#include <QWidget>

#include "exportworker.h"

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QThread;
class QTimer;

namespace ft::store {
class Project;
}

namespace ft::ui {

// Stage 5, "Deploy": one-click export of a trained run (Exporter::exportRun) into a
// verified folder, a summary of what was written, the project's model registry (open,
// compare two versions, delete) and the labelled rows as an OpenAI chat fine-tuning file
// (JSONL).
//
// Threads: listing the runs / registry / datasets, the planned folder and comparisons run
// on the page's reading thread (ExportLoader); an export and deleting versions on its
// export thread, the JSONL export on a third (ExportWorker), each with a job id whose
// stale results are dropped. The evaluation plots of the model card are drawn on the GUI
// thread when the export asks for them (ExportPlotBridge explains why). Reads nothing from
// the GUI thread's Project but its folder. The destructor cancels running jobs and waits
// for them. GUI thread only.
class ExportPage : public QWidget {
    Q_OBJECT
public:
    explicit ExportPage(QWidget* parent = nullptr);
    ~ExportPage() override;

    // nullptr closes (cancels running jobs). Lists the runs and the registry.
    void setProject(store::Project* project);
    // Lists runs, registry and datasets again (after training, when the page is shown).
    void refresh();
    // Makes runId the chosen run once it is listed.
    void selectRun(int64_t runId);

    const ExportListing& listing() const { return m_listing; }
    int64_t currentRunId() const;
    bool isListing() const { return m_listJob != 0; }
    bool isExporting() const { return m_exportJob != 0; }
    bool isRemoving() const { return m_removeJob != 0; }
    bool isExportingJsonl() const { return m_jsonlJob != 0; }
    // The last finished export of this page, if any.
    const std::optional<deploy::ExportResult>& lastResult() const { return m_lastResult; }
    // The folder the next export writes (the planned one, or the one typed in).
    QString targetFolder() const;

public Q_SLOTS:
    // Exports the chosen run with the chosen options (errors appear next to the button).
    void startExport();
    void cancelExport();
    // Compares the two (or more) versions selected in the registry.
    void compareSelected();
    // Asks, then deletes the versions selected in the registry.
    void deleteSelected();
    void openSelectedFolder();
    // Asks for a file name, then writes the chosen dataset part as OpenAI JSONL.
    void exportJsonl();
    // The same without the file dialog.
    void exportJsonlTo(const QString& path);
    void cancelJsonl();

Q_SIGNALS:
    void listingChanged();
    void exportFinished(qint64 exportId);
    void exportFailed(const QString& message);
    void exportsRemoved(int count);
    void comparisonShown();
    void jsonlFinished(qint64 lines);
    void jsonlFailed(const QString& message);
    // The user asked to evaluate the run first (the main window shows stage 4).
    void evaluateRequested(qint64 runId);
    void statusMessage(const QString& text);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* createExportBox();
    QWidget* createSummaryBox();
    QWidget* createRegistryBox();
    QWidget* createJsonlBox();

    void onListed(qint64 jobId, const ExportListing& listing);
    void onExportFinished(qint64 jobId, const deploy::ExportResult& result);
    void fillRunCombo();
    void fillRegistry();
    void fillDatasets();
    void fillJsonlParts();
    void onRunChosen();
    void updateRunInfo();
    void updateDtypeHint();
    void requestPlan();
    void updateState();
    void showSummary(const deploy::ExportResult& result);
    void showComparison(const deploy::ExportComparison& comparison);
    void setError(const QString& message);
    QList<qint64> selectedExportIds() const;
    const ExportRunEntry* currentRun() const;
    deploy::ExportOptions currentOptions() const;

    QString m_projectDir;
    ExportListing m_listing;
    std::optional<int64_t> m_wantedRun;
    std::optional<deploy::ExportResult> m_lastResult;
    std::optional<int64_t> m_selectExport;  // select this registry row once listed
    bool m_nameEdited = false;
    bool m_folderEdited = false;
    QString m_plannedFolder;

    qint64 m_nextJob = 1;
    qint64 m_listJob = 0, m_planJob = 0, m_compareJob = 0;
    qint64 m_exportJob = 0, m_removeJob = 0, m_jsonlJob = 0;
    ExportStopFlag m_exportStop, m_jsonlStop;

    QThread* m_readThread;
    QThread* m_exportThread;
    QThread* m_jsonlThread;
    ExportLoader* m_loader;
    ExportPlotBridge* m_plots;
    ExportWorker* m_worker;
    ExportWorker* m_jsonlWorker;
    QTimer* m_planTimer;

    // Export.
    QComboBox* m_runCombo;
    QLabel* m_runInfo;
    QLabel* m_runEvaluated;
    QWidget* m_evaluateNote;
    QLabel* m_evaluateNoteText;
    QComboBox* m_checkpointCombo;
    QComboBox* m_dtypeCombo;
    QLabel* m_dtypeHint;
    QLineEdit* m_name;
    QLineEdit* m_folder;
    QPushButton* m_browse;
    QPushButton* m_resetFolder;
    QLabel* m_folderHint;
    QPushButton* m_export;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QLabel* m_error;

    // Summary of the last export.
    QGroupBox* m_summaryBox;
    QLabel* m_summaryIntro;
    QLabel* m_summaryTitle;
    QLabel* m_summaryDetails;
    QLabel* m_summaryFolder;
    QLabel* m_verification;
    QLabel* m_summaryWarnings;
    QStandardItemModel* m_filesModel;
    QTableView* m_filesView;
    QLabel* m_summaryTotal;

    // Registry.
    QStandardItemModel* m_registryModel;
    QTableView* m_registryView;
    QLabel* m_registryEmpty;
    QPushButton* m_openFolder;
    QPushButton* m_compare;
    QPushButton* m_delete;
    QLabel* m_registryError;
    QWidget* m_comparePanel;
    QLabel* m_compareTitle;
    QStandardItemModel* m_compareMetrics;
    QStandardItemModel* m_compareConfig;
    QTableView* m_compareMetricsView;
    QTableView* m_compareConfigView;

    // OpenAI JSONL.
    QComboBox* m_jsonlDataset;
    QComboBox* m_jsonlPart;
    QLineEdit* m_jsonlSystem;
    QCheckBox* m_jsonlRaw;
    QPushButton* m_jsonlButton;
    QProgressBar* m_jsonlProgress;
    QPushButton* m_jsonlCancel;
    QLabel* m_jsonlResult;
};

}  // namespace ft::ui
