#pragma once

#include <QString>
#include <QStringList>

#include "store/project.h"

class QCustomPlot;
class QWidget;

// The evaluation plots, built from what an evaluation stored (store::EvaluationInfo's
// JSON and its predictions), shared by the Evaluate page, `finetune eval --plots` and the
// export's model card. Library ftplots: Qt Widgets + QCustomPlot, no torch. Needs a
// QApplication (the CLI makes one on the offscreen platform).
namespace ft::plots {

// Each builder fills an existing plot (cleared first).
void confusionMatrix(QCustomPlot* plot, const store::EvaluationInfo& e, bool rowNormalized);
void rocCurves(QCustomPlot* plot, const store::EvaluationInfo& e);  // per class + micro/macro
void prCurves(QCustomPlot* plot, const store::EvaluationInfo& e);
void calibration(QCustomPlot* plot, const store::EvaluationInfo& e);
void baselineComparison(QCustomPlot* plot, const store::EvaluationInfo& e);
void sensitivity(QCustomPlot* plot, const store::EvaluationInfo& e);

// Saves plot as PNG, SVG or PDF by the file's suffix; false (and error set) on failure.
bool savePlot(QCustomPlot* plot, const QString& file, int width, int height, QString* error);

// Writes every plot of an evaluation into dir as <name>.<format> for each format in
// formats ("png", "svg", "pdf"): confusion_matrix, confusion_matrix_normalized, roc, pr,
// calibration, baselines, sensitivity (those the evaluation has data for). Returns the
// files written; throws ft::Error (Io) naming the file that could not be written.
QStringList saveEvaluationPlots(const store::EvaluationInfo& e, const QString& dir,
                                const QStringList& formats = {"png"});

}  // namespace ft::plots
