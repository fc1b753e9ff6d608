#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include <QList>
#include <QString>
#include <QWidget>

#include "evalworker.h"

class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSlider;
class QStackedWidget;
class QStandardItemModel;
class QTabWidget;
class QTableView;
class QThread;

namespace ft::store {
class Project;
}

namespace ft::ui {

class ConfusionView;
class ExamplesModel;

// Stage 4, "Evaluate": pick a run and one of its evaluations (or evaluate it now), then
// read the metrics with their 95 % intervals, the confusion matrix whose cells list
// their rows, ROC / PR / calibration plots with a decision threshold for two classes,
// the baselines with McNemar's test, the sensitivity analysis, and runs side by side.
// Every plot saves as PNG / SVG / PDF and every table exports as CSV / JSON.
//
// Threads: evaluating runs eval::Evaluator on the page's evaluation thread (progress,
// Cancel); listing, loading an evaluation (its JSON, every prediction and row text) and
// comparing runs run on the page's reading thread. Each request has a job id and the
// result of a replaced request is dropped. The GUI thread only builds widgets from a
// loaded EvalBundle. Reads nothing from the GUI thread's Project but its folder.
// GUI thread only.
class EvaluatePage : public QWidget {
    Q_OBJECT
public:
    enum class Tab { Metrics, Confusion, Curves, Calibration, Baselines, Sensitivity, Compare };

    explicit EvaluatePage(QWidget* parent = nullptr);
    ~EvaluatePage() override;

    // nullptr closes (cancels a running evaluation). Lists the runs and shows the newest
    // evaluation.
    void setProject(store::Project* project);
    // Lists runs and evaluations again (after training, or when the page is shown).
    void refresh();
    // Loads and shows an evaluation; its run becomes the current run.
    void showEvaluation(int64_t evaluationId);
    void showTab(Tab tab);

    EvalBundlePtr bundle() const { return m_bundle; }
    int64_t currentRunId() const;
    bool isLoading() const { return m_loadJob != 0; }
    bool isEvaluating() const { return m_evalJob != 0; }
    ConfusionView* confusionView() const { return m_confusion; }
    ExamplesModel* examplesModel() const { return m_examples; }
    // Two classes: the metrics at the threshold the slider shows; nullopt otherwise.
    std::optional<ThresholdMetrics> thresholdMetrics() const;
    void setThreshold(double threshold);

public Q_SLOTS:
    // Evaluates the current run on the chosen part with the chosen checkpoint.
    void startEvaluation();
    void cancelEvaluation();
    // Compares the runs checked in the Compare tab.
    void compareSelectedRuns();

Q_SIGNALS:
    void listingChanged();
    void evaluationLoaded(qint64 evaluationId);
    void evaluationFinished(qint64 evaluationId);
    void evaluationFailed(const QString& message);
    void comparisonShown();
    void statusMessage(const QString& text);

    // Internal: queued to the worker threads.
    void listRequested(qint64 jobId, const QString& projectDir);
    void loadRequested(qint64 jobId, const QString& projectDir, qint64 evaluationId);
    void compareRequested(qint64 jobId, const QString& projectDir, const QList<qint64>& runIds);
    void evaluateRequested(qint64 jobId, const QString& projectDir, qint64 runId,
                           const ft::eval::EvalOptions& options, const ft::ui::StopFlag& stop);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* createHeader();
    QWidget* createMetricsTab();
    QWidget* createConfusionTab();
    QWidget* createCurvesTab();
    QWidget* createCalibrationTab();
    QWidget* createBaselinesTab();
    QWidget* createSensitivityTab();
    QWidget* createCompareTab();

    void onListed(qint64 jobId, const EvalListing& listing);
    void onLoaded(qint64 jobId, const EvalBundlePtr& bundle);
    void onCompared(qint64 jobId, const RunComparison& comparison);
    void onLoadFailed(qint64 jobId, const QString& message);
    void fillRunCombo();
    void fillEvaluationCombo();
    void onRunChosen();
    void onEvaluationChosen();
    void requestLoad(int64_t evaluationId);
    void updateState();
    void updateEvaluateButton();

    void showBundle();
    // Runs draw now if tab is current, else when it is next shown (latest request wins).
    void drawWhenShown(Tab tab, std::function<void()> draw);
    void runPendingDraw(int index);
    void fillMetrics();
    void fillBaselines();
    void fillSensitivity();
    void fillCalibration();
    void drawCurves();
    void updateThreshold();
    void showCell(int trueClass, int predicted);
    void showErrors();
    void sizeExampleColumns();
    void fillCompareRuns();
    QString fileBase(const QString& what) const;

    QString m_projectDir;
    EvalListing m_listing;
    EvalBundlePtr m_bundle;
    std::optional<int64_t> m_wantedEvaluation;  // select once listed
    std::optional<RunComparison> m_comparison;
    bool m_compareDirty = true;
    std::array<std::function<void()>, 7> m_pendingDraw;

    qint64 m_nextJob = 1;
    qint64 m_listJob = 0, m_loadJob = 0, m_compareJob = 0, m_evalJob = 0;
    int64_t m_evalRunId = 0;
    StopFlag m_evalStop;

    QThread* m_readThread;
    QThread* m_evalThread;
    EvalLoader* m_loader;
    EvalWorker* m_worker;

    // Header.
    QComboBox* m_runCombo;
    QComboBox* m_evalCombo;
    QComboBox* m_partCombo;
    QComboBox* m_checkpointCombo;
    QPushButton* m_evaluate;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QLabel* m_info;
    QLabel* m_warnings;
    QLabel* m_error;
    QStackedWidget* m_stack;
    QLabel* m_empty;
    QTabWidget* m_tabs;

    // Metrics.
    QStandardItemModel* m_summaryModel;
    QStandardItemModel* m_classModel;
    QTableView* m_summaryTable;
    QTableView* m_classTable;
    QCustomPlot* m_classPlot;

    // Confusion and examples.
    ConfusionView* m_confusion;
    ExamplesModel* m_examples;
    QTableView* m_examplesView;
    QLabel* m_examplesCaption;

    // Curves.
    QCustomPlot* m_rocPlot;
    QCustomPlot* m_prPlot;
    QWidget* m_thresholdBox;
    QLabel* m_thresholdHint;
    QSlider* m_thresholdSlider;
    QDoubleSpinBox* m_thresholdSpin;
    QLabel* m_thresholdRule;
    QLabel* m_thresholdPrecision;
    QLabel* m_thresholdRecall;
    QLabel* m_thresholdF1;
    QLabel* m_thresholdCounts;

    // Calibration.
    QCustomPlot* m_calibrationPlot;
    QStandardItemModel* m_binsModel;

    // Baselines.
    QCustomPlot* m_baselinePlot;
    QStandardItemModel* m_baselineModel;
    QLabel* m_baselineVerdict;

    // Sensitivity.
    QCustomPlot* m_sensitivityPlot;
    QStandardItemModel* m_lengthModel;
    QStandardItemModel* m_classSliceModel;
    QStandardItemModel* m_perturbationModel;

    // Compare.
    QListWidget* m_compareRuns;
    QStandardItemModel* m_compareModel;
    QStandardItemModel* m_differingModel;
    QCustomPlot* m_comparePlot;
    QLabel* m_compareHint;
};

}  // namespace ft::ui
