#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "metrics/calibration.h"
#include "metrics/classification.h"
#include "metrics/curves.h"
#include "metrics/significance.h"

// Everything the evaluation page and `finetune eval` show for one set of predictions,
// computed in one call. Pure computation; safe from any thread.
namespace ft::metrics {

struct ReportOptions {
    int topK = 2;  // top-k accuracy is reported when numClasses > topK
    int calibrationBins = 15;
    BootstrapOptions bootstrap;  // resamples = 0 skips the intervals
};

// One-vs-rest curves of one class (for two classes: class 1 against class 0).
// auc and averagePrecision are nullopt when the class is absent from the truth.
struct ClassCurves {
    int cls = 0;
    RocCurve roc;               // drop_intermediate = true
    RocCurve rocAllThresholds;  // drop_intermediate = false
    PrCurve pr;
    std::optional<double> auc;
    std::optional<double> averagePrecision;
};

struct Report {
    int numClasses = 0;
    std::vector<std::string> labels;
    int64_t rows = 0;
    double accuracy = 0;
    double balancedAccuracy = 0;
    Matrix confusion;
    ClassScores scores;
    double mcc = 0;
    double cohenKappa = 0;

    // Present when the Classification has scores.
    std::optional<double> logLoss;
    std::optional<double> topKAccuracy;  // only when numClasses > topK
    int topK = 2;
    std::optional<Calibration> calibration;
    // Binary: curves[0] is class 1. Multiclass: one entry per class (one-vs-rest).
    std::vector<ClassCurves> curves;
    std::optional<double> rocAuc;             // binary
    std::optional<double> averagePrecision;   // binary
    std::optional<double> brier;              // binary
    std::optional<double> rocAucOvrMacro;     // multiclass, all classes in the truth
    std::optional<double> rocAucOvrWeighted;  // multiclass, all classes in the truth
    std::optional<double> rocAucOvoMacro;     // multiclass, all classes in the truth
    std::optional<double> rocAucMicro;        // multiclass

    std::optional<Interval> accuracyInterval;
    std::optional<Interval> macroF1Interval;

    // Conditions a reader must know about, in words: classes absent from the truth or
    // never predicted (their zero-division precision / recall / F1 count as 0), AUCs
    // left undefined.
    std::vector<std::string> warnings;

    // Field names follow scikit-learn's (accuracy, f1_macro, roc_auc_ovr_macro, ...);
    // undefined values are null.
    nlohmann::json toJson() const;
};

// Validates `c` (throws InvalidArgument as validate()) and computes the report.
Report computeReport(const Classification& c, const ReportOptions& options = {});

}  // namespace ft::metrics
