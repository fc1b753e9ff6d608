#include "train/trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <unistd.h>

#include "error.h"
#include "io/checkpoint.h"
#include "io/modelconfig.h"
#include "metrics/classification.h"
#include "models/loader.h"
#include "runtime.h"
#include "text/tokenizer.h"
#include "text/wordpiecetrainer.h"
#include "train/batcher.h"
#include "train/stepper.h"
#include "train/tokencache.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace ft::train {

namespace {

using Clock = std::chrono::steady_clock;

const char* const kTokenizerFiles[] = {
    "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt", "vocab.json",
    "merges.txt",     "spiece.model",          "added_tokens.json"};

[[noreturn]] void configError(const std::string& key, const std::string& message) {
    throw Error(ErrorCode::InvalidArgument, "run config: " + key + ": " + message);
}

bool isBuiltin(const std::string& model) { return model.rfind("builtin:", 0) == 0; }

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
}

struct DataChoice {
    int64_t datasetId = 0, splitId = 0;
    std::vector<std::string> dataLabels;
};

DataChoice chooseData(const store::Project& p, const RunConfig& c) {
    DataChoice d;
    if (c.dataset.empty()) {
        d.datasetId = p.defaultDataset().id;
    } else {
        const auto ds = p.datasetByName(c.dataset);
        if (!ds) {
            std::vector<std::string> names;
            for (const auto& x : p.datasets()) names.push_back(x.name);
            configError("dataset", "no dataset named '" + c.dataset +
                                       "' in the project (datasets: " +
                                       (names.empty() ? "none" : join(names)) + ")");
        }
        d.datasetId = ds->id;
    }
    if (c.splitId) {
        d.splitId = *c.splitId;
    } else {
        const auto split = p.latestSplit(d.datasetId);
        if (!split)
            configError("split", "the dataset has no split yet (run 'finetune data split')");
        d.splitId = split->id;
    }
    if (p.splitRowIds(d.splitId, store::SplitPart::Train).empty())
        configError("split", "split " + std::to_string(d.splitId) +
                                 " has no rows in its train part (no such split?)");
    if (p.splitRowIds(d.splitId, store::SplitPart::Validation).empty())
        configError("split",
                    "split " + std::to_string(d.splitId) + " has no rows in its validation part");
    for (const auto& lc : p.labelCounts(d.datasetId))
        if (lc.count > 0) d.dataLabels.push_back(lc.label);
    if (d.dataLabels.size() < 2)
        configError("dataset", "a classifier needs at least two labels with rows (found " +
                                   std::to_string(d.dataLabels.size()) + ")");
    return d;
}

struct HeadChoice {
    std::vector<std::string> labels;
    bool keepHead = false;
    io::ConfigSummary summary;
};

bool genericLabels(const std::vector<std::string>& labels) {
    static const std::regex generic("LABEL_[0-9]+");
    for (const auto& l : labels)
        if (!std::regex_match(l, generic)) return false;
    return true;
}

HeadChoice chooseHead(const RunConfig& c, const std::vector<std::string>& dataLabels) {
    HeadChoice h;
    if (isBuiltin(c.model)) {
        try {
            h.summary = models::Model::builtinConfig(c.model.substr(8)).summary();
        } catch (const Error& e) {
            configError("model", e.what());
        }
        h.labels = dataLabels;
        return h;
    }
    io::ModelConfig cfg;
    try {
        cfg = io::readConfig(c.model);
    } catch (const Error& e) {
        configError("model", e.what());
    }
    h.summary = cfg.summary();
    bool classifier = false;
    for (const auto& a : cfg.common.architectures)
        classifier = classifier || a.find("ForSequenceClassification") != std::string::npos;
    const auto& head = cfg.common.labels;
    if (!classifier || c.newHead || head.empty() || genericLabels(head)) {
        h.labels = dataLabels;
        h.keepHead = classifier && !c.newHead && head.size() == dataLabels.size();
        return h;
    }
    for (const auto& l : dataLabels)
        if (std::find(head.begin(), head.end(), l) == head.end())
            configError("labels",
                        "the data has label '" + l +
                            "' that the model's classification head lacks (head labels: " +
                            join(head) + "); set \"new_head\": true to train a new head");
    h.labels = head;
    h.keepHead = true;
    return h;
}

// Files -----------------------------------------------------------------------

void fsyncPath(const fs::path& p, bool directory) {
    const int fd = ::open(p.c_str(), O_RDONLY | (directory ? O_DIRECTORY : 0));
    if (fd < 0)
        throw Error(ErrorCode::Io, p.string() + ": cannot open to sync: " + std::strerror(errno));
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0) throw Error(ErrorCode::Io, p.string() + ": fsync failed: " + std::strerror(err));
}

void writeTextFile(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) throw Error(ErrorCode::Io, p.string() + ": cannot write (disk full?)");
}

std::string toHex(const uint8_t* data, size_t n) {
    static const char* digits = "0123456789abcdef";
    std::string s(n * 2, '0');
    for (size_t i = 0; i < n; ++i) {
        s[2 * i] = digits[data[i] >> 4];
        s[2 * i + 1] = digits[data[i] & 15];
    }
    return s;
}

std::vector<uint8_t> fromHex(const std::string& s) {
    std::vector<uint8_t> out(s.size() / 2);
    for (size_t i = 0; i < out.size(); ++i)
        out[i] = static_cast<uint8_t>(std::stoi(s.substr(2 * i, 2), nullptr, 16));
    return out;
}

// The state of a device's default generator (CPU, or the CUDA device dropout draws from
// when training there), as hex.
std::string torchRngState(const torch::Device& device) {
    auto gen = at::globalContext().defaultGenerator(device);
    std::lock_guard<std::mutex> lock(gen.mutex());
    const at::Tensor state = gen.get_state();
    return toHex(state.data_ptr<uint8_t>(), static_cast<size_t>(state.numel()));
}

void setTorchRngState(const torch::Device& device, const std::string& hex) {
    const auto bytes = fromHex(hex);
    at::Tensor state = torch::empty({static_cast<int64_t>(bytes.size())}, torch::kUInt8);
    std::memcpy(state.data_ptr<uint8_t>(), bytes.data(), bytes.size());
    auto gen = at::globalContext().defaultGenerator(device);
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_state(state);
}

// The folder of a checkpoint kind, falling back to the previous one when a crash hit
// between the two renames of a replacement.
fs::path existingCheckpoint(const fs::path& dir, const std::string& kind) {
    std::error_code ec;
    if (fs::is_regular_file(dir / kind / "trainer_state.json", ec)) return dir / kind;
    if (fs::is_regular_file(dir / (".old-" + kind) / "trainer_state.json", ec))
        return dir / (".old-" + kind);
    return {};
}

// A built-in model run without a tokenizer: a WordPiece vocabulary built from the text the
// token cache feeds the model (the train part's labelled, kept rows; cleaned text when the
// dataset was cleaned; the pair text too), written once into runDir/tokenizer. A resumed
// run finds it there and reuses it, so its ids never change under a checkpoint.
std::string ensureVocabulary(const store::Project& project, int64_t splitId, const fs::path& runDir,
                             const RunConfig& config, const TrainCallbacks& cb) {
    const fs::path folder = runDir / "tokenizer";
    std::error_code ec;
    if (fs::is_regular_file(folder / "vocab.txt", ec)) return folder.string();
    // Left behind by a process that died while writing it.
    for (const auto& entry : fs::directory_iterator(runDir, ec))
        if (entry.path().filename().string().rfind("tokenizer.tmp-", 0) == 0)
            fs::remove_all(entry.path(), ec);
    const auto t0 = Clock::now();
    std::vector<std::string> texts;
    size_t rows = 0;
    for (int64_t rowId : project.splitRowIds(splitId, store::SplitPart::Train)) {
        const auto row = project.row(rowId);
        if (!row || row->dropped != 0 || !row->label) continue;
        ++rows;
        texts.push_back(row->cleanText ? *row->cleanText : row->text);
        const auto& pair = row->cleanText ? row->cleanPair : row->textPair;
        if (pair) texts.push_back(*pair);
    }
    text::WordPieceTrainerOptions options;
    options.threads = static_cast<unsigned>(std::max<int64_t>(0, config.threads));
    text::WordPieceTrainer trainer(options);
    Progress progress;
    progress.shouldStop = cb.shouldStop;
    trainer.feed(texts, progress);
    const auto vocab = trainer.train(progress);
    fs::create_directories(runDir, ec);
    if (ec) throw Error(ErrorCode::Io, runDir.string() + ": " + ec.message());
    text::saveWordPieceFolder(folder.string(), vocab, options);
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f",
                  std::chrono::duration<double>(Clock::now() - t0).count());
    if (cb.onEvent)
        cb.onEvent(LogLevel::Info, "built a WordPiece vocabulary of " +
                                       std::to_string(vocab.size()) + " tokens from " +
                                       std::to_string(rows) + " training rows in " + seconds +
                                       " s (" + folder.string() + ")");
    return folder.string();
}

// Minimum-is-better for losses, maximum-is-better otherwise.
bool lowerIsBetter(const std::string& metric) { return metric == "val_loss"; }

double metricValue(const EvalEvent& e, const std::string& metric) {
    if (metric == "val_loss") return e.valLoss;
    if (metric == "val_accuracy") return e.accuracy;
    return e.macroF1;
}

// The run ----------------------------------------------------------------------

class Run {
public:
    Run(const std::string& projectDir, int64_t runId, const TrainCallbacks& cb)
        : m_project(store::Project::open(projectDir)), m_runId(runId), m_cb(cb) {}

    TrainResult execute();

private:
    void log(LogLevel level, const std::string& message) const {
        if (m_cb.onEvent) m_cb.onEvent(level, message);
    }
    void prepare();
    void loadCheckpoint(const fs::path& dir);
    void writeCheckpoint(const std::string& kind);
    json trainerState() const;
    EvalEvent evaluate();
    void flushMetrics(bool force);
    void addMetric(const std::string& name, double value) {
        m_pending.push_back(store::MetricPoint{m_step, epochProgress(), name, value});
    }
    double epochProgress() const {
        const double perEpoch =
            static_cast<double>(std::max<int64_t>(1, m_batcher->batchesPerEpoch()));
        return static_cast<double>(m_epoch) + static_cast<double>(m_batchInEpoch) / perEpoch;
    }
    // Evaluates, records the metrics, keeps the best checkpoint; true when early stopping
    // says to stop.
    bool evaluateAndTrack();
    TrainResult finish(store::RunStatus status, const std::string& error = {});

    store::Project m_project;
    int64_t m_runId;
    const TrainCallbacks& m_cb;
    store::RunInfo m_info;
    RunConfig m_config;
    std::string m_device = "cpu";
    std::optional<models::Model> m_model;
    std::string m_tokenizerFolder;
    std::vector<std::string> m_labels;
    int64_t m_datasetId = 0, m_splitId = 0;
    TokenizedPart m_train, m_validation;
    std::unique_ptr<Batcher> m_batcher, m_evalBatcher;
    std::unique_ptr<Stepper> m_stepper;
    fs::path m_checkpointDir;

    int64_t m_step = 0, m_totalSteps = 0, m_stepsPerEpoch = 0;
    int64_t m_epoch = 0, m_batchInEpoch = 0;
    std::optional<double> m_best;
    int64_t m_bestStep = 0;
    std::optional<double> m_earlyBest;
    int64_t m_patienceCount = 0;
    std::optional<EvalEvent> m_lastEval;
    std::vector<store::MetricPoint> m_pending;
    Clock::time_point m_lastFlush = Clock::now();
    Clock::time_point m_start = Clock::now();
    double m_trainSeconds = 0;
    int64_t m_samples = 0, m_stepsHere = 0;
    TrainResult m_result;
};

void Run::prepare() {
    const auto info = m_project.run(m_runId);
    if (!info)
        throw Error(ErrorCode::NotFound, "run " + std::to_string(m_runId) + " does not exist");
    m_info = *info;
    if (m_info.status == store::RunStatus::Completed)
        throw Error(ErrorCode::InvalidArgument,
                    "run " + std::to_string(m_runId) + " has already completed");
    if (m_info.status == store::RunStatus::Running)
        throw Error(ErrorCode::InvalidArgument,
                    "run " + std::to_string(m_runId) + " is being trained by process " +
                        std::to_string(m_info.pid) + " on " + m_info.host);
    json j;
    try {
        j = json::parse(m_info.configJson);
    } catch (const json::exception& e) {
        throw Error(ErrorCode::Parse,
                    "run " + std::to_string(m_runId) + ": stored config: " + e.what());
    }
    m_config = parseRunConfig(j, "run " + std::to_string(m_runId) + " config");
    if (m_config.threads > 0) initRuntime(static_cast<int>(m_config.threads));
    m_device =
        m_config.device == "auto" ? (Stepper::cudaAvailable() ? "cuda" : "cpu") : m_config.device;

    const DataChoice data = chooseData(m_project, m_config);
    m_datasetId = data.datasetId;
    m_splitId = data.splitId;
    const HeadChoice head = chooseHead(m_config, data.dataLabels);
    m_labels = head.labels;
    checkAgainstModel(m_config, head.summary.layers, head.summary.maxPositions, m_config.model);

    // Seeded before the model exists: a built-in model or a new head is initialised from
    // the same generator, so the same seed gives the same run.
    torch::manual_seed(m_config.seed);
    models::DropoutOverrides dropout;
    dropout.hidden = m_config.hiddenDropout;
    dropout.attention = m_config.attentionDropout;
    dropout.classifier = m_config.classifierDropout;
    if (isBuiltin(m_config.model)) {
        m_tokenizerFolder =
            m_config.tokenizer.empty()
                ? ensureVocabulary(m_project, m_splitId, m_info.checkpointDir, m_config, m_cb)
                : m_config.tokenizer;
        m_model =
            models::Model::createBuiltin(m_config.model.substr(8), m_labels, m_tokenizerFolder);
        m_model->internals().module->setDropout(dropout);
    } else {
        models::LoadOptions lo;
        lo.task = models::Task::SequenceClassification;
        lo.labels = m_labels;
        lo.dropout = dropout;
        lo.requireTokenizer = m_config.tokenizer.empty();
        m_model = models::Model::open(m_config.model, lo);
        auto& loaded = m_model->internals();
        if (!head.keepHead && loaded.report.newWeights.empty())
            for (const auto& prefix : loaded.module->initialisablePrefixes())
                loaded.module->initWeights(prefix);
        m_tokenizerFolder = m_config.model;
        if (!m_config.tokenizer.empty()) {
            m_tokenizerFolder = m_config.tokenizer;
            loaded.tokenizer = text::loadTokenizer(m_tokenizerFolder);
        }
    }
    auto& loaded = m_model->internals();
    if (!loaded.tokenizer)
        configError("tokenizer", m_tokenizerFolder + ": no tokenizer files found");
    auto& module = *loaded.module;
    if (m_config.headOnly) {
        const std::string base = module.basePrefix();
        for (auto& p : module.named_parameters())
            p.value().set_requires_grad(p.key().rfind(base, 0) != 0);
    } else {
        module.freezeBottomLayers(m_config.freezeLayers);
        if (m_config.freezeEmbeddings)
            for (auto& p : module.named_parameters())
                if (p.key().rfind(module.embeddingsPrefix(), 0) == 0)
                    p.value().set_requires_grad(false);
    }

    const auto& tok = *loaded.tokenizer;
    const unsigned threads = static_cast<unsigned>(std::max<int64_t>(0, m_config.threads));
    m_train = TokenCache::load(m_project, m_datasetId, m_splitId, store::SplitPart::Train, tok,
                               m_tokenizerFolder, m_config.maxLength, m_labels, threads);
    m_validation = TokenCache::load(m_project, m_datasetId, m_splitId, store::SplitPart::Validation,
                                    tok, m_tokenizerFolder, m_config.maxLength, m_labels, threads);
    if (m_train.examples.empty())
        configError("split", "the train part of split " + std::to_string(m_splitId) +
                                 " has no labelled rows");
    if (m_validation.examples.empty())
        configError("split", "the validation part of split " + std::to_string(m_splitId) +
                                 " has no labelled rows");
    log(LogLevel::Info, "tokenized " + std::to_string(m_train.examples.size()) + " training and " +
                            std::to_string(m_validation.examples.size()) + " validation rows" +
                            (m_train.fromCache ? " (from the cache)" : ""));

    BatcherOptions bo;
    bo.batchSize = m_config.batchSize;
    bo.seed = m_config.seed;
    bo.groupByLength = m_config.groupByLength;
    bo.padId = std::max<int32_t>(0, tok.padId());
    bo.padTypeId = tok.padTypeId();
    bo.padLeft = tok.paddingSide() == text::PaddingSide::Left;
    m_batcher = std::make_unique<Batcher>(m_train.examples, bo);
    BatcherOptions eo = bo;
    eo.batchSize = m_config.evalBatchSize;
    eo.shuffle = false;
    eo.groupByLength = false;
    m_evalBatcher = std::make_unique<Batcher>(m_validation.examples, eo);

    const int64_t accumulation = m_config.gradientAccumulationSteps;
    m_stepsPerEpoch = (m_batcher->batchesPerEpoch() + accumulation - 1) / accumulation;
    m_totalSteps = m_stepsPerEpoch * m_config.epochs;
    if (m_config.maxSteps > 0) m_totalSteps = std::min(m_totalSteps, m_config.maxSteps);

    OptimizerOptions oo;
    oo.learningRate = m_config.learningRate;
    oo.weightDecay = m_config.weightDecay;
    oo.beta1 = m_config.adamBeta1;
    oo.beta2 = m_config.adamBeta2;
    oo.eps = m_config.adamEpsilon;
    parseScheduleKind(m_config.schedule, oo.schedule);
    oo.warmupSteps = m_config.warmupSteps;
    oo.warmupRatio = m_config.warmupRatio;
    oo.totalSteps = m_totalSteps;
    oo.maxGradNorm = m_config.maxGradNorm;
    oo.device = m_device;
    if (m_config.classWeightsMode == "custom") {
        if (m_config.classWeights.size() != m_labels.size())
            configError("class_weights", std::to_string(m_config.classWeights.size()) +
                                             " weights for " + std::to_string(m_labels.size()) +
                                             " labels (" + join(m_labels) + ")");
        oo.classWeights = m_config.classWeights;
    } else if (m_config.classWeightsMode == "balanced") {
        std::vector<double> counts(m_labels.size(), 0.0);
        for (const auto& e : m_train.examples) counts[static_cast<size_t>(e.label)] += 1;
        const double n = static_cast<double>(m_train.examples.size());
        for (double c : counts)
            oo.classWeights.push_back(c > 0 ? n / (static_cast<double>(m_labels.size()) * c) : 1.0);
    }
    m_stepper = std::make_unique<Stepper>(*m_model, oo);
    m_checkpointDir = fs::path(m_info.checkpointDir) / "checkpoints";
}

json Run::trainerState() const {
    json j = {
        {"version", 1},
        {"run_id", m_runId},
        {"global_step", m_step},
        {"total_steps", m_totalSteps},
        {"epoch", m_epoch},
        {"batch_in_epoch", m_batchInEpoch},
        {"scheduler_step", m_stepper->step()},
        {"seed", m_config.seed},
        {"shuffle", {{"generator", "xoshiro256**"}, {"seed", m_config.seed}, {"epoch", m_epoch}}},
        {"torch_rng_state", torchRngState(torch::Device(torch::kCPU))},
        {"best_step", m_bestStep},
        {"patience_count", m_patienceCount},
        {"labels", m_labels}};
    const torch::Device device(m_device);
    if (device.is_cuda()) j["cuda_rng_state"] = torchRngState(device);
    j["best_metric"] = m_best ? json(*m_best) : json(nullptr);
    j["early_stopping_best"] = m_earlyBest ? json(*m_earlyBest) : json(nullptr);
    if (m_lastEval)
        j["last_evaluation"] = {{"step", m_lastEval->step},
                                {"epoch", m_lastEval->epoch},
                                {"val_loss", m_lastEval->valLoss},
                                {"val_accuracy", m_lastEval->accuracy},
                                {"val_macro_f1", m_lastEval->macroF1}};
    return j;
}

void Run::writeCheckpoint(const std::string& kind) {
    const bool full = kind == "last";
    const fs::path tmp = m_checkpointDir / (".tmp-" + kind + "-" + std::to_string(getpid()));
    const fs::path final = m_checkpointDir / kind;
    const fs::path old = m_checkpointDir / (".old-" + kind);
    std::error_code ec;
    try {
        fs::create_directories(m_checkpointDir, ec);
        if (ec) throw Error(ErrorCode::Io, m_checkpointDir.string() + ": " + ec.message());
        fs::remove_all(tmp, ec);
        auto& loaded = m_model->internals();
        models::saveWeights(tmp.string(), *loaded.module, loaded.config);
        if (full) m_stepper->saveState((tmp / "optimizer.safetensors").string());
        writeTextFile(tmp / "trainer_state.json", trainerState().dump(2));
        for (const char* name : kTokenizerFiles) {
            const fs::path src = fs::path(m_tokenizerFolder) / name;
            if (!fs::is_regular_file(src, ec)) continue;
            fs::copy_file(src, tmp / name, fs::copy_options::overwrite_existing, ec);
            if (ec) throw Error(ErrorCode::Io, (tmp / name).string() + ": " + ec.message());
        }
        for (const auto& entry : fs::directory_iterator(tmp)) fsyncPath(entry.path(), false);
        fsyncPath(tmp, true);
        fs::remove_all(old, ec);
        if (fs::exists(final)) {
            fs::rename(final, old, ec);
            if (ec) throw Error(ErrorCode::Io, final.string() + ": " + ec.message());
        }
        fs::rename(tmp, final, ec);
        if (ec) {
            std::error_code ignored;
            fs::rename(old, final, ignored);
            throw Error(ErrorCode::Io, final.string() + ": " + ec.message());
        }
        fsyncPath(m_checkpointDir, true);
        fs::remove_all(old, ec);
    } catch (const std::exception& e) {
        fs::remove_all(tmp, ec);
        throw Error(ErrorCode::Io, "step " + std::to_string(m_step) + ": the " + kind +
                                       " checkpoint could not be written (" + e.what() +
                                       "); the previous checkpoint in " + final.string() +
                                       " is intact");
    }
    const bool flushNow = full;
    m_project.recordCheckpoint(m_runId, m_step, kind, final.string(),
                               flushNow ? m_pending : std::vector<store::MetricPoint>{});
    if (flushNow) {
        m_pending.clear();
        m_lastFlush = Clock::now();
    }
    if (full)
        m_result.lastCheckpoint = final.string();
    else
        m_result.bestCheckpoint = final.string();
    if (m_cb.onCheckpoint) m_cb.onCheckpoint(CheckpointEvent{m_step, kind, final.string()});
}

void Run::loadCheckpoint(const fs::path& dir) {
    std::ifstream in(dir / "trainer_state.json");
    json s;
    try {
        s = json::parse(in);
        auto& module = *m_model->internals().module;
        const io::CheckpointReader reader(dir.string());
        torch::NoGradGuard noGrad;
        for (auto& [name, tensor] : module.stateDict()) reader.copyInto(name, tensor);
        m_stepper->loadState((dir / "optimizer.safetensors").string());
        m_step = s.at("global_step").get<int64_t>();
        m_epoch = s.at("epoch").get<int64_t>();
        m_batchInEpoch = s.at("batch_in_epoch").get<int64_t>();
        if (s.at("total_steps").get<int64_t>() != m_totalSteps)
            throw Error(ErrorCode::InvalidArgument,
                        "the run now has " + std::to_string(m_totalSteps) +
                            " steps in all but its checkpoint was made for " +
                            s.at("total_steps").dump() + " (the data changed?)");
        if (!s.at("best_metric").is_null()) m_best = s.at("best_metric").get<double>();
        m_bestStep = s.at("best_step").get<int64_t>();
        if (!s.at("early_stopping_best").is_null())
            m_earlyBest = s.at("early_stopping_best").get<double>();
        m_patienceCount = s.at("patience_count").get<int64_t>();
        if (s.contains("last_evaluation")) {
            const auto& e = s.at("last_evaluation");
            EvalEvent ev;
            ev.step = e.at("step");
            ev.epoch = e.at("epoch");
            ev.valLoss = e.at("val_loss");
            ev.accuracy = e.at("val_accuracy");
            ev.macroF1 = e.at("val_macro_f1");
            m_lastEval = ev;
        }
        setTorchRngState(torch::Device(torch::kCPU), s.at("torch_rng_state").get<std::string>());
        const torch::Device device(m_device);
        if (device.is_cuda() && s.contains("cuda_rng_state"))
            setTorchRngState(device, s.at("cuda_rng_state").get<std::string>());
    } catch (const json::exception& e) {
        throw Error(ErrorCode::Parse, (dir / "trainer_state.json").string() + ": " + e.what());
    }
}

EvalEvent Run::evaluate() {
    metrics::Classification c;
    c.numClasses = static_cast<int>(m_labels.size());
    double lossSum = 0;
    // Rows sorted by length so that batches pad little; the metrics do not depend on order.
    std::vector<size_t> order(m_validation.examples.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return m_validation.examples[a].ids.size() < m_validation.examples[b].ids.size();
    });
    const auto bs = static_cast<size_t>(m_config.evalBatchSize);
    for (size_t start = 0; start < order.size(); start += bs) {
        const std::vector<size_t> idx(
            order.begin() + static_cast<std::ptrdiff_t>(start),
            order.begin() + static_cast<std::ptrdiff_t>(std::min(order.size(), start + bs)));
        const auto r = m_stepper->evaluate(m_evalBatcher->makeBatch(idx));
        lossSum += r.lossSum;
        const size_t k = m_labels.size();
        for (size_t row = 0; row < idx.size(); ++row) {
            const float* l = r.logits.data() + row * k;
            c.yPred.push_back(static_cast<int>(std::max_element(l, l + k) - l));
            c.yTrue.push_back(m_validation.examples[idx[row]].label);
        }
    }
    EvalEvent e;
    e.step = m_step;
    e.epoch = epochProgress();
    e.valLoss = lossSum / static_cast<double>(c.yTrue.size());
    e.accuracy = metrics::accuracy(c);
    e.macroF1 =
        metrics::classScores(metrics::confusionMatrix(c.yTrue, c.yPred, c.numClasses)).f1Macro;
    return e;
}

bool Run::evaluateAndTrack() {
    EvalEvent e = evaluate();
    addMetric("val_loss", e.valLoss);
    addMetric("val_accuracy", e.accuracy);
    addMetric("val_macro_f1", e.macroF1);
    const std::string& metric = m_config.metricForBest;
    const double v = metricValue(e, metric);
    const bool better = !m_best || (lowerIsBetter(metric) ? v < *m_best : v > *m_best);
    if (better) {
        m_best = v;
        m_bestStep = m_step;
        e.best = true;
    }
    m_lastEval = e;
    if (m_cb.onEvaluation) m_cb.onEvaluation(e);
    if (better) {
        writeCheckpoint("best");
        m_project.setRunBest(m_runId, v, m_step);
    }
    if (!m_config.earlyStopping.enabled) return false;
    const auto& es = m_config.earlyStopping;
    const double ev = metricValue(e, es.metric);
    const bool improved =
        !m_earlyBest || (lowerIsBetter(es.metric) ? ev < *m_earlyBest - es.minDelta
                                                  : ev > *m_earlyBest + es.minDelta);
    if (improved) {
        m_earlyBest = ev;
        m_patienceCount = 0;
        return false;
    }
    ++m_patienceCount;
    return m_patienceCount >= es.patience;
}

void Run::flushMetrics(bool force) {
    if (m_pending.empty()) return;
    if (!force && Clock::now() - m_lastFlush < std::chrono::seconds(1)) return;
    m_project.addMetrics(m_runId, m_pending);
    m_pending.clear();
    m_lastFlush = Clock::now();
}

TrainResult Run::finish(store::RunStatus status, const std::string& error) {
    try {
        flushMetrics(true);
    } catch (const Error& e) {
        log(LogLevel::Warning, std::string("metrics could not be saved: ") + e.what());
    }
    m_project.finishRun(m_runId, status, error);
    m_result.status = status;
    m_result.error = error;
    m_result.steps = m_step;
    m_result.totalSteps = m_totalSteps;
    m_result.lastEvaluation = m_lastEval;
    m_result.bestMetric = m_best;
    m_result.bestStep = m_bestStep;
    m_result.wallSeconds = std::chrono::duration<double>(Clock::now() - m_start).count();
    if (!error.empty()) log(LogLevel::Error, error);
    return m_result;
}

TrainResult Run::execute() {
    m_result.runId = m_runId;
    try {
        prepare();
    } catch (const c10::Error& e) {
        throw Error(ErrorCode::Internal,
                    std::string("preparing the run: ") + e.what_without_backtrace());
    }
    const fs::path last = existingCheckpoint(m_checkpointDir, "last");
    if (!last.empty()) {
        loadCheckpoint(last);
        m_result.resumed = true;
        m_result.lastCheckpoint = last.string();
        log(LogLevel::Info, "resuming run " + std::to_string(m_runId) + " at step " +
                                std::to_string(m_step) + " of " + std::to_string(m_totalSteps));
    }
    m_project.truncateRunMetrics(m_runId, m_step);
    m_project.markRunStarted(m_runId);

    try {
        const int64_t accumulation = m_config.gradientAccumulationSteps;
        while (m_step < m_totalSteps) {
            const auto batches = m_batcher->epochBatches(m_epoch);
            const auto nb = static_cast<int64_t>(batches.size());
            while (m_batchInEpoch < nb && m_step < m_totalSteps) {
                if (m_cb.shouldStop && m_cb.shouldStop()) {
                    writeCheckpoint("last");
                    log(LogLevel::Info,
                        "stopped at step " + std::to_string(m_step) + "; resume continues here");
                    return finish(store::RunStatus::Stopped);
                }
                if (m_cb.shouldPause && m_cb.shouldPause()) {
                    writeCheckpoint("last");
                    log(LogLevel::Info, "paused at step " + std::to_string(m_step));
                    return finish(store::RunStatus::Paused);
                }
                const auto t0 = Clock::now();
                const int64_t group = std::min(accumulation, nb - m_batchInEpoch);
                double lossSum = 0;
                int64_t samples = 0;
                for (int64_t k = 0; k < group; ++k) {
                    const auto& idx = batches[static_cast<size_t>(m_batchInEpoch + k)];
                    lossSum += m_stepper->accumulate(m_batcher->makeBatch(idx),
                                                     static_cast<int>(accumulation));
                    samples += static_cast<int64_t>(idx.size());
                }
                double loss = lossSum / static_cast<double>(group);
                if (m_cb.lossHook) loss = m_cb.lossHook(m_step + 1, loss);
                if (!std::isfinite(loss)) {
                    const std::string where =
                        m_result.lastCheckpoint.empty()
                            ? std::string("no checkpoint had been written yet")
                            : "the last good checkpoint is kept in " + m_result.lastCheckpoint;
                    return finish(store::RunStatus::Failed,
                                  "step " + std::to_string(m_step + 1) + " (epoch " +
                                      std::to_string(m_epoch + 1) + "): the training loss is " +
                                      (std::isnan(loss) ? "NaN" : "infinite") +
                                      "; training stopped (" + where +
                                      "). Try a lower learning_rate or max_grad_norm.");
                }
                const StepStats s = m_stepper->update();
                m_step = s.step;
                m_batchInEpoch += group;
                const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
                m_trainSeconds += seconds;
                m_samples += samples;
                ++m_stepsHere;
                if (!std::isfinite(s.gradNorm))
                    return finish(store::RunStatus::Failed,
                                  "step " + std::to_string(m_step) +
                                      ": the gradient norm is not finite; "
                                      "training stopped (the last good checkpoint is kept in " +
                                      (m_result.lastCheckpoint.empty() ? std::string("none")
                                                                       : m_result.lastCheckpoint) +
                                      ")");
                StepEvent ev;
                ev.epoch = m_epoch;
                ev.epochProgress = epochProgress();
                ev.step = m_step;
                ev.totalSteps = m_totalSteps;
                ev.loss = loss;
                ev.lr = s.lr;
                ev.gradNorm = s.gradNorm;
                ev.samplesPerSecond =
                    m_trainSeconds > 0 ? static_cast<double>(m_samples) / m_trainSeconds : 0;
                ev.elapsed = std::chrono::duration<double>(Clock::now() - m_start).count();
                ev.eta = m_trainSeconds / static_cast<double>(m_stepsHere) *
                         static_cast<double>(m_totalSteps - m_step);
                addMetric("train_loss", loss);
                addMetric("lr", s.lr);
                addMetric("grad_norm", s.gradNorm);
                addMetric("samples_per_second", ev.samplesPerSecond);
                if (m_cb.onStep) m_cb.onStep(ev);

                bool stopEarly = false;
                const bool epochEnd = m_batchInEpoch >= nb;
                const bool runEnd = m_step >= m_totalSteps;
                if ((m_config.evalSteps > 0 && m_step % m_config.evalSteps == 0) ||
                    ((epochEnd || runEnd) && m_config.evalSteps == 0) ||
                    (runEnd && (!m_lastEval || m_lastEval->step != m_step)))
                    stopEarly = evaluateAndTrack();
                if (epochEnd) {
                    m_batchInEpoch = 0;
                    ++m_epoch;
                }
                if (stopEarly) {
                    writeCheckpoint("last");
                    m_result.earlyStopped = true;
                    log(LogLevel::Info, "early stopping at step " + std::to_string(m_step) + ": " +
                                            m_config.earlyStopping.metric +
                                            " did not improve for " +
                                            std::to_string(m_patienceCount) + " evaluations");
                    return finish(store::RunStatus::Completed);
                }
                if (epochEnd || runEnd ||
                    (m_config.saveSteps > 0 && m_step % m_config.saveSteps == 0))
                    writeCheckpoint("last");
                else
                    flushMetrics(false);
            }
            if (m_batchInEpoch >= nb) {
                m_batchInEpoch = 0;
                ++m_epoch;
            }
        }
        if (!m_lastEval || m_lastEval->step != m_step) evaluateAndTrack();
        return finish(store::RunStatus::Completed);
    } catch (const Error& e) {
        return finish(store::RunStatus::Failed, e.what());
    } catch (const c10::Error& e) {
        return finish(store::RunStatus::Failed,
                      std::string("training: ") + e.what_without_backtrace());
    } catch (const std::exception& e) {
        return finish(store::RunStatus::Failed, std::string("training: ") + e.what());
    }
}

}  // namespace

int64_t Trainer::createRun(store::Project& project, const RunConfig& config) {
    const DataChoice data = chooseData(project, config);
    const HeadChoice head = chooseHead(config, data.dataLabels);
    checkAgainstModel(config, head.summary.layers, head.summary.maxPositions, config.model);
    if (!isBuiltin(config.model) || !config.tokenizer.empty()) {
        const std::string folder = config.tokenizer.empty() ? config.model : config.tokenizer;
        bool found = false;
        for (const char* name : kTokenizerFiles)
            found = found || fs::is_regular_file(fs::path(folder) / name);
        if (!found)
            configError("tokenizer",
                        folder + ": no tokenizer files (vocab.txt, tokenizer.json, ...)");
    }
    if (config.classWeightsMode == "custom" && config.classWeights.size() != head.labels.size())
        configError("class_weights", std::to_string(config.classWeights.size()) + " weights for " +
                                         std::to_string(head.labels.size()) + " labels (" +
                                         join(head.labels) + ")");
    RunConfig c = config;
    c.splitId = data.splitId;
    if (c.dataset.empty()) c.dataset = project.dataset(data.datasetId)->name;
    store::RunInfo info;
    info.name = c.name.empty() ? (isBuiltin(c.model) ? c.model.substr(8)
                                                     : fs::path(c.model).filename().string()) +
                                     " on " + c.dataset
                               : c.name;
    info.datasetId = data.datasetId;
    info.splitId = data.splitId;
    info.modelDir = c.model;
    info.configJson = toJson(c).dump();
    return project.createRun(info);
}

TrainResult Trainer::run(const std::string& projectDir, int64_t runId,
                         const TrainCallbacks& callbacks) {
    Run run(projectDir, runId, callbacks);
    return run.execute();
}

}  // namespace ft::train
