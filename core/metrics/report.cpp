#include "metrics/report.h"

#include <string>

namespace ft::metrics {

namespace {

std::string className(const Classification& c, int k) {
    return c.labels.empty() ? std::to_string(k) : c.labels[k];
}

nlohmann::json optionalJson(const std::optional<double>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

// NaN (a ROC axis with no positive or no negative) becomes null.
nlohmann::json seriesJson(const std::vector<double>& v) {
    nlohmann::json out = nlohmann::json::array();
    for (double x : v) {
        out.push_back(x == x ? nlohmann::json(x) : nlohmann::json(nullptr));
    }
    return out;
}

nlohmann::json rocJson(const RocCurve& r) {
    return {{"fpr", seriesJson(r.fpr)},
            {"tpr", seriesJson(r.tpr)},
            {"thresholds", seriesJson(r.thresholds)}};
}

nlohmann::json intervalJson(const std::optional<Interval>& i) {
    if (!i) {
        return nullptr;
    }
    return {{"estimate", i->estimate}, {"lower", i->lower},         {"upper", i->upper},
            {"level", i->level},       {"resamples", i->resamples}, {"seed", i->seed}};
}

}  // namespace

Report computeReport(const Classification& c, const ReportOptions& options) {
    validate(c);
    Report r;
    r.numClasses = c.numClasses;
    r.labels = c.labels;
    r.rows = static_cast<int64_t>(c.yTrue.size());
    r.confusion = confusionMatrix(c.yTrue, c.yPred, c.numClasses);
    r.accuracy = accuracy(c);
    r.balancedAccuracy = balancedAccuracy(c);
    r.scores = classScores(r.confusion);
    r.mcc = matthewsCorrelation(r.confusion);
    r.cohenKappa = cohenKappa(r.confusion);

    std::vector<int64_t> predicted(c.numClasses, 0);
    for (int p : c.yPred) {
        ++predicted[p];
    }
    bool anyAbsent = false;
    for (int k = 0; k < c.numClasses; ++k) {
        if (r.scores.support[k] == 0) {
            anyAbsent = true;
            r.warnings.push_back("class " + className(c, k) +
                                 " does not occur in the truth: its recall and F1 count as 0");
        }
        if (predicted[k] == 0) {
            r.warnings.push_back("class " + className(c, k) +
                                 " is never predicted: its precision counts as 0");
        }
    }

    if (hasScores(c)) {
        r.logLoss = logLoss(c);
        r.topK = options.topK;
        if (c.numClasses > options.topK) {
            r.topKAccuracy = topKAccuracy(c, options.topK);
        }
        r.calibration = calibration(c, options.calibrationBins);
        const int first = c.numClasses == 2 ? 1 : 0;
        for (int k = first; k < c.numClasses; ++k) {
            ClassCurves cc;
            cc.cls = k;
            const std::vector<bool> pos = isClass(c.yTrue, k);
            const std::vector<double> s = scoreColumn(c, k);
            cc.roc = rocCurve(pos, s, true);
            cc.rocAllThresholds = rocCurve(pos, s, false);
            cc.pr = precisionRecallCurve(pos, s);
            if (cc.roc.defined()) {
                cc.auc = trapezoidArea(cc.roc.fpr, cc.roc.tpr);
            }
            cc.averagePrecision = averagePrecision(pos, s);
            r.curves.push_back(std::move(cc));
        }
        if (c.numClasses == 2) {
            r.rocAuc = r.curves[0].auc;
            r.averagePrecision = r.curves[0].averagePrecision;
            r.brier = brierScore(c);
            if (!r.rocAuc) {
                r.warnings.push_back("only one class occurs in the truth: ROC AUC is undefined");
            }
        } else {
            r.rocAucOvrMacro = rocAucOvrMacro(c);
            r.rocAucOvrWeighted = rocAucOvrWeighted(c);
            r.rocAucOvoMacro = rocAucOvoMacro(c);
            r.rocAucMicro = rocAucMicro(c);
            if (anyAbsent) {
                r.warnings.push_back(
                    "a class does not occur in the truth: its ROC AUC and the macro, weighted "
                    "and one-vs-one AUCs are undefined");
            }
        }
    }

    if (options.bootstrap.resamples > 0) {
        r.accuracyInterval = bootstrapAccuracy(c, options.bootstrap);
        r.macroF1Interval = bootstrapMacroF1(c, options.bootstrap);
    }
    return r;
}

nlohmann::json Report::toJson() const {
    nlohmann::json j;
    j["num_classes"] = numClasses;
    j["labels"] = labels;
    j["rows"] = rows;
    j["accuracy"] = accuracy;
    j["balanced_accuracy"] = balancedAccuracy;
    j["confusion_matrix"] = confusion;
    j["precision_per_class"] = scores.precision;
    j["recall_per_class"] = scores.recall;
    j["f1_per_class"] = scores.f1;
    j["support"] = scores.support;
    j["precision_macro"] = scores.precisionMacro;
    j["recall_macro"] = scores.recallMacro;
    j["f1_macro"] = scores.f1Macro;
    j["precision_micro"] = scores.precisionMicro;
    j["recall_micro"] = scores.recallMicro;
    j["f1_micro"] = scores.f1Micro;
    j["precision_weighted"] = scores.precisionWeighted;
    j["recall_weighted"] = scores.recallWeighted;
    j["f1_weighted"] = scores.f1Weighted;
    j["mcc"] = mcc;
    j["cohen_kappa"] = cohenKappa;
    j["log_loss"] = optionalJson(logLoss);
    j["top_k"] = topK;
    j["top_k_accuracy"] = optionalJson(topKAccuracy);
    if (numClasses == 2) {
        j["roc_auc"] = optionalJson(rocAuc);
        j["average_precision"] = optionalJson(averagePrecision);
        j["brier"] = optionalJson(brier);
    } else {
        j["roc_auc_ovr_macro"] = optionalJson(rocAucOvrMacro);
        j["roc_auc_ovr_weighted"] = optionalJson(rocAucOvrWeighted);
        j["roc_auc_ovo_macro"] = optionalJson(rocAucOvoMacro);
        j["roc_auc_micro"] = optionalJson(rocAucMicro);
    }
    nlohmann::json curvesJson = nlohmann::json::array();
    for (const ClassCurves& cc : curves) {
        curvesJson.push_back({{"class", cc.cls},
                              {"auc", optionalJson(cc.auc)},
                              {"average_precision", optionalJson(cc.averagePrecision)},
                              {"roc_curve", rocJson(cc.roc)},
                              {"roc_curve_all_thresholds", rocJson(cc.rocAllThresholds)},
                              {"pr_curve",
                               {{"precision", cc.pr.precision},
                                {"recall", cc.pr.recall},
                                {"thresholds", cc.pr.thresholds}}}});
    }
    j["curves"] = curvesJson;
    if (calibration) {
        nlohmann::json bins = nlohmann::json::array();
        for (const CalibrationBin& b : calibration->bins) {
            bins.push_back({{"lower", b.lower},
                            {"upper", b.upper},
                            {"count", b.count},
                            {"mean_confidence", b.meanConfidence},
                            {"accuracy", b.accuracy}});
        }
        j["calibration"] = {{"bins", bins},
                            {"ece", calibration->expectedCalibrationError},
                            {"mce", calibration->maximumCalibrationError}};
    } else {
        j["calibration"] = nullptr;
    }
    j["accuracy_interval"] = intervalJson(accuracyInterval);
    j["f1_macro_interval"] = intervalJson(macroF1Interval);
    j["warnings"] = warnings;
    return j;
}

}  // namespace ft::metrics
