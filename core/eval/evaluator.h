#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "metrics/report.h"
#include "progress.h"
#include "store/project.h"

// Stage 4: runs a trained run's checkpoint on a part of its split (the test part unless
// told otherwise), stores every prediction in the project database, scores the baselines
// on the same rows and measures sensitivity. Torch-free facade (the model is reached
// through models::Model); the GUI's evaluation worker and `finetune eval` drive it.
//
// Threads: Evaluator::run blocks the calling thread (a worker, never the GUI thread) and
// opens its own connection to the project. Progress callbacks come on that thread;
// progress.shouldStop() is polled every batch and a stop throws ErrorCode::Cancelled with
// nothing stored.
//
// What it stores (store::EvaluationInfo), so every number can be traced to rows:
//  - reportJson: metrics::Report::toJson() of the model's predictions (bootstrap 95 %
//    intervals for accuracy and macro-F1, seeded).
//  - baselinesJson:
//    {"model": {"name": "<run name>", "accuracy": a, "f1_macro": f},
//     "baselines": [{"name": "majority" | "tfidf-logreg", "accuracy": a, "f1_macro": f,
//                    "report": <Report::toJson()>,
//                    "mcnemar": {"only_model": b, "only_baseline": c, "exact": bool,
//                                "statistic": s, "p_value": p}}, ...],
//     "train_rows": n}   // the baselines are fitted on the run's train part
//  - sensitivityJson:
//    {"by_length": [{"name": "1-6 words", "rows": n, "accuracy": a, "macro_f1": f}, ...],
//     "by_class": [...same fields, name = label...],
//     "perturbations": [{"name": "lowercased" | "no punctuation" | "typos" | "truncated",
//                        "accuracy": a, "accuracy_delta": d, "macro_f1": f,
//                        "macro_f1_delta": d, "changed_predictions": n}, ...]}
//  - one store::PredictionRecord per row of the part (labelled, not dropped), in row id
//    order, computed in the batches models::Model::predict(texts, batchSize) makes, so its
//    probabilities equal predict's (and the export verification's) bit for bit.
namespace ft::eval {

struct EvalOptions {
    std::string checkpoint = "best";  // "best" or "last"; best falls back to last
    store::SplitPart part = store::SplitPart::Test;
    size_t batchSize = 64;
    // > 0: initRuntime(threads) (process-wide). 0: the compute threads as the process set
    // them up (initRuntime at start-up: all cores, or finetune --threads).
    unsigned threads = 0;
    bool baselines = true;
    bool sensitivity = true;
    int lengthBuckets = 4;
    double typoRate = 0.05;
    uint64_t seed = 42;  // bootstrap and typos
    int bootstrapResamples = 1000;
};

struct EvalResult {
    store::EvaluationInfo info;  // as stored; info.id is the new evaluation's id
    metrics::Report report;
    std::vector<store::PredictionRecord> predictions;
};

class Evaluator {
public:
    // Evaluates run runId of the project in projectDir. Throws ft::Error with a clear
    // message when: the run does not exist or has no checkpoint (NotFound, naming the
    // run and the folder), the part has no labelled rows (InvalidArgument), a row's
    // label is not one of the model's labels (Mapping, naming the row id and label and
    // listing the model's labels), the checkpoint cannot be loaded (the loader's error).
    static EvalResult run(const std::string& projectDir, int64_t runId,
                          const EvalOptions& options = {}, const Progress& progress = {});
};

// The stored predictions of an evaluation packed for metrics::computeReport.
metrics::Classification classificationOf(const store::EvaluationInfo& info,
                                         const std::vector<store::PredictionRecord>& predictions);

// Several runs side by side (the latest evaluation of each):
// {"runs": [{"run": id, "name": n, "status": s, "evaluation": id | null,
//            "split": id, "part": "test", "checkpoint": "best",  // when evaluated
//            "metrics": {"accuracy": a, "f1_macro": f, "roc_auc": ..., "log_loss": ...}}, ...],
//  // metrics is {} for a run never evaluated; roc_auc is roc_auc_ovr_macro for > 2 classes
//  "differing": {"learning_rate": [v1, v2, ...], ...}}  // config keys whose values differ
//  // (nested keys dotted: "early_stopping.patience"; a key a run lacks counts as null).
// Throws NotFound naming a run that does not exist, InvalidArgument for an empty list.
nlohmann::json compareRuns(const store::Project& project, const std::vector<int64_t>& runIds);

}  // namespace ft::eval
