#pragma once

#include <cstdint>
#include <map>
#include <variant>
#include <vector>

#include <QPointF>
#include <QString>
#include <QVector>
#include <QWidget>

#include "store/project.h"
#include "train/trainer.h"

class QCustomPlot;
class QCPGraph;
class QCPItemText;
class QTimer;

namespace ft::ui {

// The Train page's four live plots: the training loss per step (raw and smoothed) with the
// validation loss per evaluation, the validation accuracy and macro-F1, the learning rate,
// and the gradient norm before clipping with the clipping threshold. x is the optimizer
// step throughout.
//
// Live events are buffered and drawn at most every kRefreshMs (a single-shot QTimer and
// replot(rpQueuedReplot)), so a fast run never floods the GUI thread. A step at or before
// the last one drawn (a resumed run logging again from its checkpoint) replaces the points
// from there on, so a resumed run's curves continue without gaps or duplicates.
//
// Series names are the project's metric names (train_loss, val_loss, val_accuracy,
// val_macro_f1, lr, grad_norm) plus train_loss_smoothed. GUI thread only.
class TrainPlots : public QWidget {
    Q_OBJECT
public:
    // The smoothing of the loss: an exponential moving average with this weight on the
    // past, bias-corrected like TensorBoard's so the first points are not pulled to 0.
    static constexpr double kSmoothing = 0.9;
    static constexpr int kRefreshMs = 100;

    explicit TrainPlots(QWidget* parent = nullptr);

    // Forgets every point; the empty plots show what will appear there.
    void clear();
    // Shows a stored run's points (Project::runMetrics) at once.
    void setMetrics(const std::vector<store::MetricPoint>& points);
    // The run's total steps fix the step axis (0: the axis follows the data).
    void setTotalSteps(int64_t totalSteps);
    // The threshold drawn on the gradient norm plot (0: no clipping, no line).
    void setClipNorm(double maxGradNorm);
    // What the empty validation plot says (when the first evaluation will come).
    void setEvaluationHint(const QString& hint);

    void addStep(const train::StepEvent& event);
    void addEvaluation(const train::EvalEvent& event);
    // Draws what is buffered now (the refresh timer calls it).
    void flush();

    // The points a series shows, in step order (for tests and the status row).
    QVector<QPointF> series(const QString& name) const;
    // How many times buffered events were drawn (each a single queued replot).
    int refreshCount() const { return m_refreshes; }
    bool hasPending() const { return !m_pending.empty(); }

private:
    QCustomPlot* makePlot(const QString& title, const QString& yLabel);
    QCPGraph* addGraph(QCustomPlot* plot, const QString& name, const QString& legend,
                       const QColor& color, double width, bool markers);
    QCPItemText* addHint(QCustomPlot* plot, const QString& text);
    void truncateFrom(double step, bool stepSeries, bool evalSeries);
    void recomputeSmoothed();
    void appendSmoothed(double step, double loss);
    void rescale();
    void scheduleRefresh();

    QCustomPlot* m_lossPlot;
    QCustomPlot* m_metricPlot;
    QCustomPlot* m_lrPlot;
    QCustomPlot* m_gradPlot;
    std::map<QString, QCPGraph*> m_graphs;
    QCPItemText* m_lossHint;
    QCPItemText* m_metricHint;
    QCPItemText* m_lrHint;
    QCPItemText* m_gradHint;
    QCPGraph* m_clipGraph;  // the clipping threshold, two points across the plot
    double m_clipNorm = 0;
    int64_t m_totalSteps = 0;
    double m_ema = 0;
    int64_t m_emaCount = 0;

    std::vector<std::variant<train::StepEvent, train::EvalEvent>> m_pending;
    QTimer* m_refresh;
    int m_refreshes = 0;
};

}  // namespace ft::ui
