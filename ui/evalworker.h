#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include "eval/evaluator.h"
#include "plots/evalplots.h"
#include "store/project.h"

namespace ft::ui {

// One stored evaluation as the run picker lists it (without its JSON).
struct EvaluationSummary {
    int64_t id = 0;
    int64_t runId = 0;
    store::SplitPart part = store::SplitPart::Test;
    std::string checkpoint;
    std::string createdAt;
    double seconds = 0;
};

// The runs of a project and their evaluations (newest first).
struct EvalListing {
    std::vector<store::RunInfo> runs;
    std::vector<EvaluationSummary> evaluations;
};

// Precision / recall / F1 of the positive class (class 1) when a row counts as positive
// once its class-1 probability is at least the threshold (scikit-learn's >= rule).
struct ThresholdMetrics {
    double threshold = 0.5;
    int64_t tp = 0, fp = 0, fn = 0, tn = 0;
    double precision = 0, recall = 0, f1 = 0;  // 0 where the denominator is 0
};

// Everything the Evaluate page shows of one evaluation, built off the GUI thread: the
// parsed JSON and derived curves, every prediction and the text of its row, and for two
// classes the sorted class-1 probabilities so a threshold is answered in O(log n).
// Immutable once built; shared between the page's views.
struct EvalBundle {
    store::EvaluationInfo info;
    std::optional<store::RunInfo> run;
    plots::EvalPlotData plots;
    std::vector<store::PredictionRecord> predictions;  // in row id order
    QStringList texts;  // the text the model saw per prediction (cleaned when cleaned)
    std::vector<float> positiveScores, negativeScores;  // binary only, ascending

    bool isBinary() const { return plots.numClasses() == 2; }
    ThresholdMetrics atThreshold(double threshold) const;
};
using EvalBundlePtr = std::shared_ptr<const EvalBundle>;

// Builds a bundle from a project (any thread that owns `project`). Throws ft::Error.
EvalBundlePtr loadEvalBundle(const store::Project& project, int64_t evaluationId);

// Runs side by side: eval::compareRuns' table plus, per run with an evaluation, the ROC
// curve to overlay (binary: class 1; more classes: the micro average).
struct RunComparison {
    nlohmann::json table;
    std::vector<plots::CurveData> curves;  // name = run name; cls = run id
};

// Reads evaluations for the Evaluate page on the page's reading thread: lists runs,
// loads one evaluation, compares runs. Each request opens its own connection to the
// project (one per thread) and ends with exactly one result signal or `failed`.
// Exceptions never leave a slot.
class EvalLoader : public QObject {
    Q_OBJECT
public Q_SLOTS:
    void list(qint64 jobId, const QString& projectDir);
    void load(qint64 jobId, const QString& projectDir, qint64 evaluationId);
    void compare(qint64 jobId, const QString& projectDir, const QList<qint64>& runIds);

Q_SIGNALS:
    void listed(qint64 jobId, const ft::ui::EvalListing& listing);
    void loaded(qint64 jobId, const ft::ui::EvalBundlePtr& bundle);
    void compared(qint64 jobId, const ft::ui::RunComparison& comparison);
    void failed(qint64 jobId, const QString& message);
};

using StopFlag = std::shared_ptr<std::atomic_bool>;

// Runs eval::Evaluator::run on the page's evaluation thread: minutes of model inference,
// baselines and sensitivity. Progress is forwarded at most ~20 times a second; setting
// the stop flag cancels at the next batch (nothing is stored). Ends with exactly one of
// evaluationFinished, evaluationFailed, evaluationCancelled.
class EvalWorker : public QObject {
    Q_OBJECT
public Q_SLOTS:
    void evaluate(qint64 jobId, const QString& projectDir, qint64 runId,
                  const ft::eval::EvalOptions& options, const ft::ui::StopFlag& stop);

Q_SIGNALS:
    void progressChanged(qint64 jobId, double fraction, const QString& text);
    void evaluationFinished(qint64 jobId, qint64 evaluationId);
    void evaluationFailed(qint64 jobId, const QString& message);
    void evaluationCancelled(qint64 jobId);
};

}  // namespace ft::ui

Q_DECLARE_METATYPE(ft::ui::EvalListing)
Q_DECLARE_METATYPE(ft::ui::EvalBundlePtr)
Q_DECLARE_METATYPE(ft::ui::RunComparison)
Q_DECLARE_METATYPE(ft::eval::EvalOptions)
Q_DECLARE_METATYPE(ft::ui::StopFlag)
