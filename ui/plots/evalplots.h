#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <QPointF>
#include <QString>
#include <QStringList>
#include <QVector>

#include "store/project.h"

class QCustomPlot;
class QWidget;

// The evaluation plots, built from what an evaluation stored (store::EvaluationInfo's
// JSON and its predictions), shared by the Evaluate page, `finetune eval --plots` and the
// export's model card. Library ftplots: Qt Widgets + QCustomPlot, no torch. Needs a
// QApplication (the CLI makes one on the offscreen platform).
//
// Every plottable a builder adds carries an objectName, so tests and the page can find
// it: "confusion" (QCPColorMap, cell (predicted, true)), "roc:<class index>" /
// "roc:micro" / "roc:macro" (QCPGraph), "pr:<class index>" / "pr:micro" (QCPGraph over
// increasing recall: the stored curve in reverse order),
// "calibration:accuracy" / "calibration:counts" (QCPBars over the non-empty bins),
// "baselines:model" / "baselines:<name>" (QCPBars: accuracy, then macro-F1, beside the
// ticks 1 and 2),
// "baselines:interval" (QCPErrorBars on the model's bars), "sensitivity:<part>:<metric>"
// (QCPBars, part = length / class / perturbation, metric = accuracy / macro_f1, one bar
// per entry at keys 1, 2, ...).
namespace ft::plots {

// A curve ready to draw: x / y in the stored order.
struct CurveData {
    QString key;   // "0", "1", ... (the class index), "micro" or "macro"
    QString name;  // the class label, "micro average" or "macro average"
    int cls = -1;  // the class index; -1 for an average
    QVector<double> x, y;
    std::optional<double> area;  // AUC (ROC) or average precision (PR)
};

// An evaluation's JSON parsed once, plus the curves the plots derive from it. Parsing
// megabytes of stored curves is the slow part of drawing, so build this off the GUI
// thread (it touches no widget; any thread) and hand it to the builders below.
//  - roc: one curve per class whose ROC is defined (binary: class 1 alone), then for
//    three or more classes the micro average (all one-vs-rest decisions pooled, rebuilt
//    exactly from the per-class curves at every threshold) and the macro average (the
//    mean of the per-class curves at every false-positive rate; its area is the stored
//    roc_auc_ovr_macro, the mean of the class AUCs).
//  - pr: one curve per class with a positive, then for three or more classes the micro
//    average with its average precision (scikit-learn's average="micro").
struct EvalPlotData {
    QStringList labels;
    nlohmann::json report;       // null when the evaluation stored no report
    nlohmann::json baselines;    // null when no baselines were computed
    nlohmann::json sensitivity;  // null when no sensitivity was measured
    std::vector<CurveData> roc, pr;

    int numClasses() const { return static_cast<int>(labels.size()); }
    bool hasScores() const;  // the report has curves (the predictions had probabilities)
};

// Throws ft::Error (Parse) naming the column (report / baselines / sensitivity) and the
// JSON error when a stored column is not valid JSON.
EvalPlotData preparePlotData(const store::EvaluationInfo& e);

// Each builder fills an existing plot (cleared first, layout included). Without the data
// a plot needs it shows a sentence that says what is missing.
void confusionMatrix(QCustomPlot* plot, const store::EvaluationInfo& e, bool rowNormalized);
void rocCurves(QCustomPlot* plot, const store::EvaluationInfo& e);  // per class + micro/macro
void prCurves(QCustomPlot* plot, const store::EvaluationInfo& e);
void calibration(QCustomPlot* plot, const store::EvaluationInfo& e);
void baselineComparison(QCustomPlot* plot, const store::EvaluationInfo& e);
void sensitivity(QCustomPlot* plot, const store::EvaluationInfo& e);

// The same from prepared data (GUI thread: only creates the plottables).
void confusionMatrix(QCustomPlot* plot, const EvalPlotData& d, bool rowNormalized);
void rocCurves(QCustomPlot* plot, const EvalPlotData& d);
void prCurves(QCustomPlot* plot, const EvalPlotData& d);
void calibration(QCustomPlot* plot, const EvalPlotData& d);
void baselineComparison(QCustomPlot* plot, const EvalPlotData& d);
void sensitivity(QCustomPlot* plot, const EvalPlotData& d);

// Precision, recall and F1 of every class as grouped bars (the Metrics view; not among
// the saved files). Plottables: QCPBars "classes:precision" / "classes:recall" /
// "classes:f1", one bar per class in label order.
void classScores(QCustomPlot* plot, const EvalPlotData& d);

// Curves of several sources on one plot (the Compare runs view): one line per curve,
// "<name> (AUC <area>)" in the legend, and the chance diagonal. Plottables are QCPGraphs
// named "overlay:<index>".
void curveOverlay(QCustomPlot* plot, const QString& title, const std::vector<CurveData>& curves,
                  const QString& xLabel, const QString& yLabel);

// The confusion matrix cell under a widget position of a plot that confusionMatrix()
// drew: {true class, predicted class}, or nullopt outside the cells.
std::optional<std::pair<int, int>> confusionCellAt(QCustomPlot* plot, const QPointF& pos);

// "0.003", "< 0.001": a p-value as the plots and the page print it.
QString formatPValue(double p);

// Saves plot as PNG, SVG or PDF by the file's suffix (0 for width or height: the plot's
// own size); false (and error set) on failure. Writes to a temporary name in the target
// folder and renames, so a failure never leaves a half-written file.
bool savePlot(QCustomPlot* plot, const QString& file, int width, int height, QString* error);

// Writes every plot of an evaluation into dir as <name>.<format> for each format in
// formats ("png", "svg", "pdf"): confusion_matrix, confusion_matrix_normalized, roc, pr,
// calibration, baselines, sensitivity (those the evaluation has data for). Returns the
// files written; throws ft::Error (Io) naming the file that could not be written.
// only: just the plots of these names (empty: all), so a caller on the GUI thread can
// draw one per event-loop turn.
QStringList saveEvaluationPlots(const store::EvaluationInfo& e, const QString& dir,
                                const QStringList& formats = {"png"}, const QStringList& only = {});

// The names of the plots saveEvaluationPlots would write for e, in order (no drawing;
// any thread).
QStringList evaluationPlotNames(const store::EvaluationInfo& e);

}  // namespace ft::plots
