#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

// A fine-tuning run as a JSON document: the file the GUI saves and `finetune train
// --config` reads (every key is documented in docs/run-config.md). Torch-free; values,
// safe from any thread.
namespace ft::train {

struct EarlyStopping {
    bool enabled = false;
    std::string metric = "val_loss";  // val_loss (lower is better), val_accuracy, val_macro_f1
    int64_t patience = 3;             // evaluations without improvement before stopping
    double minDelta = 0.0;            // an improvement must exceed this
};

struct RunConfig {
    std::string name;
    std::string dataset;             // "" = the project's default dataset
    std::optional<int64_t> splitId;  // unset = the dataset's latest split
    std::string model;               // a checkpoint folder or "builtin:<name>"
    std::string tokenizer;           // folder; "" = the model folder's own tokenizer
    // Replace a checkpoint's classification head by a new one for the dataset's labels.
    bool newHead = false;

    int64_t epochs = 3;
    int64_t maxSteps = 0;  // > 0 caps the optimizer steps of the run
    int64_t batchSize = 16;
    int64_t evalBatchSize = 64;
    int64_t maxLength = 128;
    double learningRate = 5e-5;
    double weightDecay = 0.01;
    double adamBeta1 = 0.9, adamBeta2 = 0.999, adamEpsilon = 1e-8;
    std::string schedule = "linear";  // linear, cosine, constant
    int64_t warmupSteps = 0;
    double warmupRatio = 0.0;
    double maxGradNorm = 1.0;
    int64_t gradientAccumulationSteps = 1;
    // "none", "balanced" (n / (classes x count), as scikit-learn), or one weight per label.
    std::string classWeightsMode = "none";
    std::vector<double> classWeights;
    std::optional<double> hiddenDropout, attentionDropout, classifierDropout;
    bool freezeEmbeddings = false;
    int64_t freezeLayers = 0;  // embeddings and the bottom N encoder layers
    bool headOnly = false;     // train the classification head alone
    bool groupByLength = true;
    int64_t evalSteps = 0;  // 0: evaluate at each epoch end
    int64_t saveSteps = 0;  // 0: checkpoint at each epoch end only
    std::string metricForBest = "val_loss";
    EarlyStopping earlyStopping;
    uint64_t seed = 42;
    int64_t threads = 0;         // 0 = all cores
    std::string device = "cpu";  // cpu, cuda, cuda:N, auto (cuda when available)
};

// The keys a run config may hold (top level), in documentation order.
const std::vector<std::string>& runConfigKeys();

// Parses and validates the values that need no project or model: a wrong type, a value
// out of range or an unknown key (with the nearest known key as a suggestion) throws
// ft::Error (InvalidArgument or Parse) whose message starts with "<source>: <key>: ".
// Relative model / tokenizer paths are resolved against baseDir when it is not empty.
RunConfig parseRunConfig(const nlohmann::json& j, const std::string& source = "run config",
                         const std::string& baseDir = {});
// Reads a file and parses it (baseDir = the file's folder).
RunConfig loadRunConfig(const std::string& path);
nlohmann::json toJson(const RunConfig& c);

// Checks the values that depend on the model: layers to freeze, max length against the
// model's positions. Throws ft::Error (InvalidArgument) naming the key.
void checkAgainstModel(const RunConfig& c, int64_t modelLayers, int64_t maxPositions,
                       const std::string& modelName);

// The closest of candidates to key by edit distance ("" when none is close).
std::string nearestKey(const std::string& key, const std::vector<std::string>& candidates);

}  // namespace ft::train
