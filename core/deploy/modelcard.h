#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/project.h"

// The model card (README.md) of an export folder: what the model is for, the data it
// learned from, how it was trained, how well it did with 95 % intervals, how it compares
// with simple baselines (McNemar's test) and where it is weak. Built only from what the
// project stored, so every number in it can be traced back. Pure text; torch-free, no
// I/O; safe from any thread.
namespace ft::deploy {

struct ModelCardPart {
    std::string part;  // "train", "validation", "test"
    int64_t rows = 0;  // labelled rows that are not dropped
    std::vector<store::LabelCount> labels;
};

struct ModelCardInput {
    std::string name;
    int64_t version = 0;
    std::string createdAt;
    std::string dtype;       // "f32", "f16", "bf16"
    std::string checkpoint;  // "best" / "last"
    int64_t checkpointStep = 0;
    store::RunInfo run;
    nlohmann::json runConfig = nlohmann::json::object();  // train::toJson of the run's config
    std::string architecture;                             // e.g. "BertForSequenceClassification"
    int64_t parameters = 0;
    int64_t maxLength = 0;  // the run's max_length (tokens)
    std::vector<std::string> labels;

    std::string datasetName;
    std::string datasetSha256;
    std::vector<store::SourceInfo> sources;
    std::vector<ModelCardPart> parts;
    std::string cleaningJson;  // data::Pipeline::toJson() or "" when the texts are raw

    // The evaluation the metrics come from; nullopt = not evaluated.
    std::optional<store::EvaluationInfo> evaluation;
    std::string notEvaluatedReason;  // when evaluation is nullopt: why, in words
    // Image files beside README.md (relative names); plotsNote says why there are none.
    std::vector<std::string> plotFiles;
    std::string plotsNote;
    nlohmann::json verification;  // Verification::toJson()
    std::string softwareVersion, torchVersion;
};

// The card as Markdown. Evaluation JSON that is malformed or lacks a section leaves that
// section out with a sentence saying so; it never throws for missing data.
std::string renderModelCard(const ModelCardInput& input);

// The sentences of the card's "Known weaknesses" section, from an evaluation's
// sensitivity JSON (see eval/evaluator.h): the worst length bucket, the worst class and
// the perturbation that costs the most accuracy, each against the overall accuracy.
// Empty when the JSON has none of these.
std::vector<std::string> knownWeaknesses(const std::string& sensitivityJson,
                                         std::optional<double> overallAccuracy);

// Headline metrics of an evaluation for the registry and `finetune export compare`:
// {"evaluation": id, "part": "test", "rows": n, "accuracy": a, "accuracy_lower": l,
//  "accuracy_upper": u, "f1_macro": f, "f1_macro_lower", "f1_macro_upper", "mcc",
//  "log_loss", "roc_auc" (binary) or "roc_auc_ovr_macro" (multiclass)}; absent values are
// left out. {} without an evaluation.
nlohmann::json headlineMetrics(const std::optional<store::EvaluationInfo>& evaluation);

}  // namespace ft::deploy
