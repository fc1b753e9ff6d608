#include "train/runconfig.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "error.h"
#include "train/schedule.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace ft::train {

namespace {

const std::vector<std::string> kKeys = {"name",
                                        "dataset",
                                        "split",
                                        "model",
                                        "tokenizer",
                                        "new_head",
                                        "epochs",
                                        "max_steps",
                                        "batch_size",
                                        "eval_batch_size",
                                        "max_length",
                                        "learning_rate",
                                        "weight_decay",
                                        "adam_beta1",
                                        "adam_beta2",
                                        "adam_epsilon",
                                        "schedule",
                                        "warmup_steps",
                                        "warmup_ratio",
                                        "max_grad_norm",
                                        "gradient_accumulation_steps",
                                        "class_weights",
                                        "dropout",
                                        "freeze_embeddings",
                                        "freeze_layers",
                                        "head_only",
                                        "group_by_length",
                                        "eval_steps",
                                        "save_steps",
                                        "metric_for_best",
                                        "early_stopping",
                                        "seed",
                                        "threads",
                                        "device"};

const std::vector<std::string> kMetrics = {"val_loss", "val_accuracy", "val_macro_f1"};

class Reader {
public:
    Reader(const json& j, std::string source) : m_j(j), m_source(std::move(source)) {}

    [[noreturn]] void fail(const std::string& key, const std::string& message) const {
        throw Error(ErrorCode::InvalidArgument, m_source + ": " + key + ": " + message);
    }
    bool has(const std::string& key) const { return m_j.contains(key) && !m_j.at(key).is_null(); }
    const json& at(const std::string& key) const { return m_j.at(key); }

    std::string string(const std::string& key, std::string fallback) const {
        if (!has(key)) return fallback;
        if (!at(key).is_string()) fail(key, "expected a string, found " + at(key).dump());
        return at(key).get<std::string>();
    }
    int64_t integer(const std::string& key, int64_t fallback, int64_t min,
                    const std::string& rule) const {
        if (!has(key)) return fallback;
        const json& v = at(key);
        if (!v.is_number_integer() &&
            !(v.is_number_float() &&
              v.get<double>() == static_cast<double>(static_cast<int64_t>(v.get<double>()))))
            fail(key, "expected a whole number, found " + v.dump());
        const auto n =
            v.is_number_integer() ? v.get<int64_t>() : static_cast<int64_t>(v.get<double>());
        if (n < min) fail(key, rule + " (found " + std::to_string(n) + ")");
        return n;
    }
    double number(const std::string& key, double fallback) const {
        if (!has(key)) return fallback;
        if (!at(key).is_number()) fail(key, "expected a number, found " + at(key).dump());
        return at(key).get<double>();
    }
    bool boolean(const std::string& key, bool fallback) const {
        if (!has(key)) return fallback;
        if (!at(key).is_boolean()) fail(key, "expected true or false, found " + at(key).dump());
        return at(key).get<bool>();
    }

private:
    const json& m_j;
    std::string m_source;
};

std::string formatNumber(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

void checkProbability(const Reader& r, const std::string& key, double v) {
    if (!(v >= 0.0 && v < 1.0)) r.fail(key, "must be in [0, 1) (found " + formatNumber(v) + ")");
}

size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min(
                {prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string resolve(const std::string& path, const std::string& baseDir) {
    if (path.empty() || baseDir.empty() || path.rfind("builtin:", 0) == 0) return path;
    const fs::path p(path);
    if (p.is_absolute()) return path;
    return (fs::path(baseDir) / p).lexically_normal().string();
}

}  // namespace

const std::vector<std::string>& runConfigKeys() { return kKeys; }

std::string nearestKey(const std::string& key, const std::vector<std::string>& candidates) {
    std::string best;
    size_t bestDistance = SIZE_MAX;
    for (const auto& c : candidates) {
        const size_t d = editDistance(key, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    // Also accept a candidate that contains the key or the other way round ("lr" is far).
    if (bestDistance <= std::max<size_t>(2, key.size() / 3)) return best;
    for (const auto& c : candidates)
        if (key.size() >= 3 &&
            (c.find(key) != std::string::npos || key.find(c) != std::string::npos))
            return c;
    return {};
}

RunConfig parseRunConfig(const json& j, const std::string& source, const std::string& baseDir) {
    if (!j.is_object())
        throw Error(ErrorCode::Parse, source + ": a run config is a JSON object, found " +
                                          std::string(j.type_name()));
    const Reader r(j, source);
    for (const auto& item : j.items()) {
        if (std::find(kKeys.begin(), kKeys.end(), item.key()) != kKeys.end()) continue;
        const std::string near = nearestKey(item.key(), kKeys);
        r.fail(item.key(),
               near.empty() ? "unknown key" : "unknown key (did you mean '" + near + "'?)");
    }
    RunConfig c;
    c.name = r.string("name", "");
    c.dataset = r.string("dataset", "");
    if (r.has("split")) {
        const json& s = r.at("split");
        if (s.is_string() && s.get<std::string>() == "latest") {
            c.splitId.reset();
        } else if (s.is_number_integer() && s.get<int64_t>() > 0) {
            c.splitId = s.get<int64_t>();
        } else {
            r.fail("split",
                   "expected \"latest\" or a split id (a positive number), found " + s.dump());
        }
    }
    c.model = resolve(r.string("model", ""), baseDir);
    if (c.model.empty())
        r.fail("model",
               "missing: a checkpoint folder or \"builtin:bert-tiny|bert-mini|bert-small\"");
    // Empty for a built-in model: the trainer builds a WordPiece vocabulary from the data.
    c.tokenizer = resolve(r.string("tokenizer", ""), baseDir);

    c.newHead = r.boolean("new_head", c.newHead);
    c.epochs = r.integer("epochs", c.epochs, 1, "must be at least 1");
    c.maxSteps = r.integer("max_steps", c.maxSteps, 0, "must be 0 (no cap) or more");
    c.batchSize = r.integer("batch_size", c.batchSize, 1, "must be at least 1");
    c.evalBatchSize = r.integer("eval_batch_size", c.evalBatchSize, 1, "must be at least 1");
    c.maxLength = r.integer("max_length", c.maxLength, 2, "must be at least 2");
    c.learningRate = r.number("learning_rate", c.learningRate);
    if (!(c.learningRate > 0) || !std::isfinite(c.learningRate))
        r.fail("learning_rate", "must be > 0 (found " + formatNumber(c.learningRate) + ")");
    c.weightDecay = r.number("weight_decay", c.weightDecay);
    if (!(c.weightDecay >= 0))
        r.fail("weight_decay", "must be >= 0 (found " + formatNumber(c.weightDecay) + ")");
    c.adamBeta1 = r.number("adam_beta1", c.adamBeta1);
    checkProbability(r, "adam_beta1", c.adamBeta1);
    c.adamBeta2 = r.number("adam_beta2", c.adamBeta2);
    checkProbability(r, "adam_beta2", c.adamBeta2);
    c.adamEpsilon = r.number("adam_epsilon", c.adamEpsilon);
    if (!(c.adamEpsilon > 0))
        r.fail("adam_epsilon", "must be > 0 (found " + formatNumber(c.adamEpsilon) + ")");
    c.schedule = r.string("schedule", c.schedule);
    ScheduleKind kind;
    if (!parseScheduleKind(c.schedule, kind))
        r.fail("schedule", "expected linear, cosine or constant, found \"" + c.schedule + "\"");
    c.warmupSteps = r.integer("warmup_steps", c.warmupSteps, 0, "must be >= 0");
    c.warmupRatio = r.number("warmup_ratio", c.warmupRatio);
    if (!(c.warmupRatio >= 0 && c.warmupRatio <= 1))
        r.fail("warmup_ratio", "must be in [0, 1] (found " + formatNumber(c.warmupRatio) + ")");
    c.maxGradNorm = r.number("max_grad_norm", c.maxGradNorm);
    if (!(c.maxGradNorm >= 0)) r.fail("max_grad_norm", "must be >= 0 (0 = no clipping)");
    c.gradientAccumulationSteps = r.integer("gradient_accumulation_steps",
                                            c.gradientAccumulationSteps, 1, "must be at least 1");
    if (r.has("class_weights")) {
        const json& w = r.at("class_weights");
        if (w.is_string() && (w == "none" || w == "balanced")) {
            c.classWeightsMode = w.get<std::string>();
        } else if (w.is_array() && !w.empty()) {
            c.classWeightsMode = "custom";
            for (const auto& v : w) {
                if (!v.is_number() || !(v.get<double>() > 0))
                    r.fail("class_weights", "every weight must be a number > 0, found " + v.dump());
                c.classWeights.push_back(v.get<double>());
            }
        } else {
            r.fail("class_weights",
                   "expected \"none\", \"balanced\" or a list of weights, found " + w.dump());
        }
    }
    if (r.has("dropout")) {
        const json& d = r.at("dropout");
        if (!d.is_object()) r.fail("dropout", "expected an object {hidden, attention, classifier}");
        for (const auto& item : d.items()) {
            const std::string key = "dropout." + item.key();
            if (!item.value().is_number())
                r.fail(key, "expected a number, found " + item.value().dump());
            const double v = item.value().get<double>();
            checkProbability(r, key, v);
            if (item.key() == "hidden")
                c.hiddenDropout = v;
            else if (item.key() == "attention")
                c.attentionDropout = v;
            else if (item.key() == "classifier")
                c.classifierDropout = v;
            else {
                const std::string near =
                    nearestKey(item.key(), {"hidden", "attention", "classifier"});
                r.fail(key,
                       near.empty() ? "unknown key" : "unknown key (did you mean '" + near + "'?)");
            }
        }
    }
    c.freezeEmbeddings = r.boolean("freeze_embeddings", c.freezeEmbeddings);
    c.freezeLayers = r.integer("freeze_layers", c.freezeLayers, 0, "must be >= 0");
    c.headOnly = r.boolean("head_only", c.headOnly);
    c.groupByLength = r.boolean("group_by_length", c.groupByLength);
    c.evalSteps = r.integer("eval_steps", c.evalSteps, 0, "must be 0 (each epoch) or more");
    c.saveSteps = r.integer("save_steps", c.saveSteps, 0, "must be 0 (each epoch) or more");
    c.metricForBest = r.string("metric_for_best", c.metricForBest);
    if (std::find(kMetrics.begin(), kMetrics.end(), c.metricForBest) == kMetrics.end())
        r.fail("metric_for_best", "expected val_loss, val_accuracy or val_macro_f1, found \"" +
                                      c.metricForBest + "\"");
    if (r.has("early_stopping")) {
        const json& e = r.at("early_stopping");
        if (e.is_boolean()) {
            c.earlyStopping.enabled = e.get<bool>();
            c.earlyStopping.metric = c.metricForBest;
        } else if (e.is_object()) {
            const Reader er(e, source);
            for (const auto& item : e.items())
                if (item.key() != "metric" && item.key() != "patience" &&
                    item.key() != "min_delta") {
                    const std::string near =
                        nearestKey(item.key(), {"metric", "patience", "min_delta"});
                    r.fail("early_stopping." + item.key(),
                           near.empty() ? "unknown key"
                                        : "unknown key (did you mean '" + near + "'?)");
                }
            c.earlyStopping.enabled = true;
            c.earlyStopping.metric = e.value("metric", c.metricForBest);
            if (std::find(kMetrics.begin(), kMetrics.end(), c.earlyStopping.metric) ==
                kMetrics.end())
                r.fail("early_stopping.metric", "expected val_loss, val_accuracy or val_macro_f1");
            if (e.contains("patience") &&
                (!e["patience"].is_number_integer() || e["patience"].get<int64_t>() < 1))
                r.fail("early_stopping.patience",
                       "must be a whole number >= 1, found " + e["patience"].dump());
            c.earlyStopping.patience = e.value("patience", c.earlyStopping.patience);
            if (e.contains("min_delta") &&
                (!e["min_delta"].is_number() || e["min_delta"].get<double>() < 0))
                r.fail("early_stopping.min_delta",
                       "must be a number >= 0, found " + e["min_delta"].dump());
            c.earlyStopping.minDelta = e.value("min_delta", c.earlyStopping.minDelta);
        } else {
            r.fail("early_stopping", "expected false, true or {metric, patience, min_delta}");
        }
    }
    // 2^31 - 1 at most: the range every tool of the workflow takes (the GUI's field,
    // NumPy / Python seeds) so a config means the same run everywhere.
    c.seed = static_cast<uint64_t>(
        r.integer("seed", static_cast<int64_t>(c.seed), 0, "must be between 0 and 2147483647"));
    if (c.seed > 2147483647ULL)
        r.fail("seed", "must be between 0 and 2147483647 (found " + std::to_string(c.seed) + ")");
    c.threads = r.integer("threads", c.threads, 0, "must be 0 (all cores) or more");
    c.device = r.string("device", c.device);
    if (c.device != "cpu" && c.device != "auto" && c.device.rfind("cuda", 0) != 0)
        r.fail("device", "expected cpu, cuda, cuda:N or auto, found \"" + c.device + "\"");
    return c;
}

RunConfig loadRunConfig(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw Error(ErrorCode::Io, path + ": cannot open the run config");
    json j;
    try {
        j = json::parse(in);
    } catch (const json::parse_error& e) {
        throw Error(ErrorCode::Parse, path + ": not valid JSON: " + e.what());
    }
    return parseRunConfig(j, path, fs::path(path).parent_path().string());
}

json toJson(const RunConfig& c) {
    json j = {{"name", c.name},
              {"dataset", c.dataset},
              {"model", c.model},
              {"new_head", c.newHead},
              {"epochs", c.epochs},
              {"max_steps", c.maxSteps},
              {"batch_size", c.batchSize},
              {"eval_batch_size", c.evalBatchSize},
              {"max_length", c.maxLength},
              {"learning_rate", c.learningRate},
              {"weight_decay", c.weightDecay},
              {"adam_beta1", c.adamBeta1},
              {"adam_beta2", c.adamBeta2},
              {"adam_epsilon", c.adamEpsilon},
              {"schedule", c.schedule},
              {"warmup_steps", c.warmupSteps},
              {"warmup_ratio", c.warmupRatio},
              {"max_grad_norm", c.maxGradNorm},
              {"gradient_accumulation_steps", c.gradientAccumulationSteps},
              {"freeze_embeddings", c.freezeEmbeddings},
              {"freeze_layers", c.freezeLayers},
              {"head_only", c.headOnly},
              {"group_by_length", c.groupByLength},
              {"eval_steps", c.evalSteps},
              {"save_steps", c.saveSteps},
              {"metric_for_best", c.metricForBest},
              {"seed", c.seed},
              {"threads", c.threads},
              {"device", c.device}};
    j["split"] = c.splitId ? json(*c.splitId) : json("latest");
    if (!c.tokenizer.empty()) j["tokenizer"] = c.tokenizer;
    if (c.classWeightsMode == "custom")
        j["class_weights"] = c.classWeights;
    else
        j["class_weights"] = c.classWeightsMode;
    json d = json::object();
    if (c.hiddenDropout) d["hidden"] = *c.hiddenDropout;
    if (c.attentionDropout) d["attention"] = *c.attentionDropout;
    if (c.classifierDropout) d["classifier"] = *c.classifierDropout;
    if (!d.empty()) j["dropout"] = d;
    if (c.earlyStopping.enabled)
        j["early_stopping"] = {{"metric", c.earlyStopping.metric},
                               {"patience", c.earlyStopping.patience},
                               {"min_delta", c.earlyStopping.minDelta}};
    else
        j["early_stopping"] = false;
    return j;
}

void checkAgainstModel(const RunConfig& c, int64_t modelLayers, int64_t maxPositions,
                       const std::string& modelName) {
    if (c.freezeLayers > modelLayers)
        throw Error(ErrorCode::InvalidArgument,
                    "run config: freeze_layers: " + std::to_string(c.freezeLayers) +
                        " layers to freeze but " + modelName + " has only " +
                        std::to_string(modelLayers));
    if (c.maxLength > maxPositions)
        throw Error(ErrorCode::InvalidArgument,
                    "run config: max_length: " + std::to_string(c.maxLength) + " is above the " +
                        std::to_string(maxPositions) + " positions of " + modelName);
}

}  // namespace ft::train
