#include "eval/evaluator.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <numeric>
#include <set>

#include "error.h"
#include "eval/batchpredict.h"
#include "metrics/baselines.h"
#include "metrics/sensitivity.h"
#include "models/model.h"
#include "runtime.h"
#include "text/tokenizer.h"
#include "train/batcher.h"
#include "train/runconfig.h"
#include "train/tokencache.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace ft::eval {

namespace {

using Clock = std::chrono::steady_clock;

std::string quoted(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "'" : ", '") + s + "'";
    return out;
}

std::string runName(const store::RunInfo& run) {
    return "run " + std::to_string(run.id) + (run.name.empty() ? "" : " ('" + run.name + "')");
}

[[noreturn]] void cancelled(const store::RunInfo& run) {
    throw Error(ErrorCode::Cancelled,
                "evaluation of " + runName(run) + " cancelled; nothing was stored");
}

// The rows of a split part the way the trainer reads them (train::TokenCache): labelled,
// not dropped, in row id order; the cleaned text (and pair) when the dataset was cleaned.
struct PartRows {
    std::vector<int64_t> rowIds, lines;
    std::vector<std::string> texts, pairs, labels;
    bool anyPair = false;
};

PartRows readPart(const store::Project& project, int64_t splitId, store::SplitPart part) {
    PartRows out;
    for (int64_t rowId : project.splitRowIds(splitId, part)) {
        const auto row = project.row(rowId);
        if (!row || row->dropped != 0 || !row->label) continue;
        out.rowIds.push_back(rowId);
        out.lines.push_back(row->line);
        out.texts.push_back(row->cleanText ? *row->cleanText : row->text);
        const auto& pair = row->cleanText ? row->cleanPair : row->textPair;
        out.pairs.push_back(pair ? *pair : std::string());
        out.anyPair = out.anyPair || pair.has_value();
        out.labels.push_back(*row->label);
    }
    return out;
}

// What the TF-IDF baseline reads of a row: the text, and the pair after a space.
std::vector<std::string> baselineTexts(const PartRows& rows) {
    std::vector<std::string> out;
    out.reserve(rows.texts.size());
    for (size_t i = 0; i < rows.texts.size(); ++i)
        out.push_back(rows.pairs[i].empty() ? rows.texts[i] : rows.texts[i] + " " + rows.pairs[i]);
    return out;
}

// The checkpoint folder of a kind, as the trainer leaves it (falling back to the previous
// folder when a crash hit between the two renames of a replacement).
fs::path checkpointFolder(const fs::path& dir, const std::string& kind) {
    std::error_code ec;
    for (const fs::path& p : {dir / kind, dir / (".old-" + kind)})
        if (fs::is_regular_file(p / "config.json", ec)) return p;
    return {};
}

using Predicted = BatchPredictions;

// Runs the model over examples in batches of batchSize rows, each padded to its longest row,
// with probabilities and argmax computed as Model::predict does.
//
// inOrder: consecutive rows in row order, the batches predict(texts, batchSize) and the
// export's verification make, so the stored probabilities equal theirs bit for bit.
// Otherwise the rows are sorted by length first, which pads far less (SMS spam test part,
// bert-tiny: 2.4x fewer token slots, 2.5-3x faster) but moves some logits by an ulp or two
// (BLAS picks its kernels by the batch's shape; 31 of 774 rows, at most 4.8e-7, no label
// changed): good for the perturbed texts, of which only the labels count, not for the
// predictions the evaluation stores.
Predicted predictExamples(const models::Model& model, const std::vector<train::Example>& examples,
                          bool inOrder, const train::BatcherOptions& batcherOptions,
                          const Progress& progress, double from, double to, const std::string& what,
                          const store::RunInfo& run) {
    std::vector<size_t> order(examples.size());
    std::iota(order.begin(), order.end(), size_t{0});
    if (!inOrder)
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            return examples[a].ids.size() < examples[b].ids.size();
        });
    return predictBatches(model, examples, order, batcherOptions, [&](size_t done, size_t total) {
        if (done < total && progress.stopRequested()) cancelled(run);
        if (done > 0)
            progress.progress(
                from + (to - from) * static_cast<double>(done) / static_cast<double>(total), what);
    });
}

metrics::Classification classificationFrom(const std::vector<int>& yTrue, const Predicted& p,
                                           const std::vector<std::string>& labels) {
    metrics::Classification c;
    c.numClasses = static_cast<int>(labels.size());
    c.labels = labels;
    c.yTrue = yTrue;
    c.yPred = p.labels;
    c.scores.reserve(p.probabilities.size());
    for (const auto& row : p.probabilities) c.scores.emplace_back(row.begin(), row.end());
    return c;
}

json sliceJson(const std::vector<metrics::SliceMetrics>& slices) {
    json out = json::array();
    for (const auto& s : slices)
        out.push_back({{"name", s.name},
                       {"rows", s.rows},
                       {"accuracy", s.accuracy},
                       {"macro_f1", s.macroF1}});
    return out;
}

// The name the stored JSON gives a perturbation (core/eval/evaluator.h).
const char* perturbationName(metrics::Perturbation p) {
    switch (p) {
        case metrics::Perturbation::Lowercase:
            return "lowercased";
        case metrics::Perturbation::NoPunctuation:
            return "no punctuation";
        case metrics::Perturbation::Typos:
            return "typos";
        case metrics::Perturbation::TruncateHalf:
            return "truncated";
    }
    return "unknown";
}

// A Progress for a sub-task that maps its fractions into [from, to] of the whole and
// passes the stop request through.
Progress subProgress(const Progress& parent, double from, double to, const std::string& what) {
    Progress p;
    p.onProgress = [&parent, from, to, what](double f, const std::string&) {
        parent.progress(from + (to - from) * f, what);
    };
    p.onEvent = parent.onEvent;
    p.shouldStop = parent.shouldStop;
    return p;
}

void checkOptions(const EvalOptions& o) {
    if (o.checkpoint != "best" && o.checkpoint != "last")
        throw Error(ErrorCode::InvalidArgument,
                    "checkpoint: '" + o.checkpoint + "' is not 'best' or 'last'");
    if (o.part != store::SplitPart::Test && o.part != store::SplitPart::Validation &&
        o.part != store::SplitPart::Train)
        throw Error(ErrorCode::InvalidArgument, "part: not train, validation or test");
    if (o.batchSize == 0) throw Error(ErrorCode::InvalidArgument, "batch size: must be at least 1");
    if (o.lengthBuckets < 1)
        throw Error(ErrorCode::InvalidArgument,
                    "length buckets: " + std::to_string(o.lengthBuckets) + " (must be at least 1)");
    if (!(o.typoRate >= 0 && o.typoRate <= 1))
        throw Error(ErrorCode::InvalidArgument,
                    "typo rate: " + std::to_string(o.typoRate) + " is not in [0, 1]");
    if (o.bootstrapResamples < 0)
        throw Error(ErrorCode::InvalidArgument,
                    "bootstrap resamples: " + std::to_string(o.bootstrapResamples) +
                        " (must be 0 or more)");
}

class Evaluation {
public:
    Evaluation(const std::string& projectDir, int64_t runId, const EvalOptions& options,
               const Progress& progress)
        : m_project(store::Project::open(projectDir)),
          m_runId(runId),
          m_options(options),
          m_progress(progress) {}

    EvalResult execute();

private:
    void openRun();
    void openModel();
    void checkLabels();
    json baselines(const metrics::Classification& model);
    json sensitivity(const metrics::Classification& model);

    store::Project m_project;
    int64_t m_runId;
    const EvalOptions& m_options;
    const Progress& m_progress;
    Clock::time_point m_start = Clock::now();

    store::RunInfo m_run;
    train::RunConfig m_config;
    std::string m_kind;
    fs::path m_folder;
    std::optional<models::Model> m_model;
    std::vector<std::string> m_labels;
    std::map<std::string, int> m_index;
    train::BatcherOptions m_batcher;
    unsigned m_threads = 0;
    PartRows m_rows;
    std::vector<int> m_yTrue;
    std::vector<train::Example> m_examples;  // the part as the model reads it
};

void Evaluation::openRun() {
    const auto run = m_project.run(m_runId);
    if (!run)
        throw Error(ErrorCode::NotFound, "run " + std::to_string(m_runId) + " does not exist in " +
                                             m_project.dir() + " (see 'finetune runs list')");
    m_run = *run;
    try {
        m_config =
            train::parseRunConfig(json::parse(m_run.configJson), runName(m_run) + " stored config");
    } catch (const json::exception& e) {
        throw Error(ErrorCode::Parse, runName(m_run) + ": stored config: " + e.what());
    }
    const fs::path dir = fs::path(m_run.checkpointDir) / "checkpoints";
    m_kind = m_options.checkpoint;
    m_folder = checkpointFolder(dir, m_kind);
    if (m_folder.empty() && m_kind == "best") {
        m_folder = checkpointFolder(dir, "last");
        if (!m_folder.empty()) {
            m_kind = "last";
            m_progress.event(LogLevel::Info, runName(m_run) +
                                                 " has no best checkpoint (it was never "
                                                 "evaluated on validation); using the last one");
        }
    }
    if (m_folder.empty())
        throw Error(
            ErrorCode::NotFound,
            runName(m_run) + " has no " +
                (m_options.checkpoint == "best" ? std::string("checkpoint")
                                                : "'" + m_options.checkpoint + "' checkpoint") +
                " in " + dir.string() + " (status " + store::toString(m_run.status) +
                "; train it first with 'finetune train')");
}

void Evaluation::openModel() {
    m_progress.progress(0, "Loading the checkpoint");
    models::LoadOptions lo;
    lo.task = models::Task::SequenceClassification;
    lo.requireTokenizer = true;
    m_model = models::Model::open(m_folder.string(), lo);
    m_labels = m_model->info().labels;
    if (m_labels.size() < 2)
        throw Error(ErrorCode::Mapping, m_folder.string() + "/config.json: the checkpoint names " +
                                            std::to_string(m_labels.size()) +
                                            " labels (id2label); a classifier needs two or more");
    for (size_t i = 0; i < m_labels.size(); ++i) m_index[m_labels[i]] = static_cast<int>(i);
    const text::Tokenizer& tok = *m_model->tokenizer();
    m_batcher = predictionBatching(tok, m_options.batchSize);
}

void Evaluation::checkLabels() {
    const std::string partName = store::toString(m_options.part);
    if (m_rows.rowIds.empty())
        throw Error(ErrorCode::InvalidArgument,
                    runName(m_run) + ": the " + partName + " part of split " +
                        std::to_string(m_run.splitId) +
                        " has no labelled rows to evaluate (split the data again, e.g. "
                        "'finetune data split --ratios 70,15,15')");
    std::set<std::string> seen(m_rows.labels.begin(), m_rows.labels.end());
    const bool overlap = std::any_of(seen.begin(), seen.end(),
                                     [&](const std::string& l) { return m_index.count(l) > 0; });
    if (!overlap)
        throw Error(ErrorCode::Mapping,
                    "the labels of " + runName(m_run) + "'s model (" + quoted(m_labels) +
                        ", from " + m_folder.string() +
                        "/config.json) do not match the dataset's at all: the " + partName +
                        " part has " + quoted(std::vector<std::string>(seen.begin(), seen.end())) +
                        " (were the labels renamed after training?)");
    for (size_t i = 0; i < m_rows.rowIds.size(); ++i) {
        const auto it = m_index.find(m_rows.labels[i]);
        if (it == m_index.end())
            throw Error(ErrorCode::Mapping,
                        "row " + std::to_string(m_rows.rowIds[i]) + " (line " +
                            std::to_string(m_rows.lines[i]) + "): label '" + m_rows.labels[i] +
                            "' is not one of the model's labels (" + quoted(m_labels) +
                            "); the model of " + runName(m_run) +
                            " never saw it, so it cannot be evaluated on this row");
        m_yTrue.push_back(it->second);
    }
}

json Evaluation::baselines(const metrics::Classification& model) {
    const double from = 0.35, to = 0.5;
    m_progress.progress(from, "Fitting the baselines");
    const PartRows train = readPart(m_project, m_run.splitId, store::SplitPart::Train);
    std::vector<std::string> trainTexts;
    std::vector<int> trainLabels;
    const std::vector<std::string> all = baselineTexts(train);
    int64_t unknown = 0;
    for (size_t i = 0; i < all.size(); ++i) {
        const auto it = m_index.find(train.labels[i]);
        if (it == m_index.end()) {
            ++unknown;
            continue;
        }
        trainTexts.push_back(all[i]);
        trainLabels.push_back(it->second);
    }
    if (unknown > 0)
        m_progress.event(LogLevel::Warning, std::to_string(unknown) +
                                                " train rows have labels the model does not "
                                                "know; the baselines are fitted without them");
    json out;
    out["model"] = {{"name", m_run.name},
                    {"accuracy", metrics::accuracy(model)},
                    {"f1_macro", metrics::classScores(model).f1Macro}};
    out["baselines"] = json::array();
    out["train_rows"] = trainTexts.size();
    if (trainTexts.empty()) {
        m_progress.event(LogLevel::Warning,
                         "the train part has no labelled rows; the baselines are left out");
        return out;
    }
    const std::vector<std::string> testTexts = baselineTexts(m_rows);
    const int k = static_cast<int>(m_labels.size());
    metrics::ReportOptions ro;
    ro.bootstrap.resamples = m_options.bootstrapResamples;
    ro.bootstrap.seed = m_options.seed;
    metrics::MajorityBaseline majority;
    metrics::TfidfBaseline tfidf;
    const std::vector<std::pair<metrics::TextClassifier*, std::pair<double, double>>> models = {
        {&majority, {from, from + 0.01}}, {&tfidf, {from + 0.01, to}}};
    for (const auto& [baseline, range] : models) {
        if (m_progress.stopRequested()) cancelled(m_run);
        baseline->fit(trainTexts, trainLabels, k,
                      subProgress(m_progress, range.first, range.second, "Fitting the baselines"));
        metrics::Classification c = metrics::classify(*baseline, testTexts, m_yTrue, k);
        c.labels = m_labels;
        const metrics::Report report = metrics::computeReport(c, ro);
        const metrics::McNemar m = metrics::mcnemar(m_yTrue, model.yPred, c.yPred);
        out["baselines"].push_back({{"name", baseline->name()},
                                    {"accuracy", report.accuracy},
                                    {"f1_macro", report.scores.f1Macro},
                                    {"report", report.toJson()},
                                    {"mcnemar",
                                     {{"only_model", m.onlyA},
                                      {"only_baseline", m.onlyB},
                                      {"exact", m.exact},
                                      {"statistic", m.statistic},
                                      {"p_value", m.pValue}}}});
    }
    return out;
}

json Evaluation::sensitivity(const metrics::Classification& model) {
    json out;
    std::vector<std::string> words = baselineTexts(m_rows);
    out["by_length"] = sliceJson(metrics::metricsByLength(model, words, m_options.lengthBuckets));
    out["by_class"] = sliceJson(metrics::metricsByClass(model));
    out["perturbations"] = json::array();
    const std::vector<metrics::Perturbation> kinds = {
        metrics::Perturbation::Lowercase, metrics::Perturbation::NoPunctuation,
        metrics::Perturbation::Typos, metrics::Perturbation::TruncateHalf};
    const std::vector<train::Example>& originals = m_examples;
    const double from = 0.5, to = 0.98, step = (to - from) / static_cast<double>(kinds.size());
    for (size_t k = 0; k < kinds.size(); ++k) {
        const metrics::Perturbation p = kinds[k];
        const std::string what = std::string("Perturbed texts: ") + perturbationName(p);
        if (m_progress.stopRequested()) cancelled(m_run);
        const auto texts = metrics::perturb(m_rows.texts, p, m_options.typoRate, m_options.seed);
        // The pair gets its own typos (another seed), so text and pair do not mirror them.
        const auto pairs = m_rows.anyPair ? metrics::perturb(m_rows.pairs, p, m_options.typoRate,
                                                             m_options.seed ^ 0x9e3779b97f4a7c15ULL)
                                          : m_rows.pairs;
        std::vector<train::Example> examples = encodeExamples(
            *m_model->tokenizer(), texts, m_rows.anyPair ? pairs : std::vector<std::string>{},
            m_config.maxLength, m_threads);
        // A text a perturbation empties (punctuation alone) encodes to no tokens with a
        // tokenizer that adds none (GPT-2): that row keeps its text, so its prediction
        // counts as unchanged.
        for (size_t i = 0; i < examples.size(); ++i)
            if (examples[i].ids.empty()) examples[i] = originals[i];
        const Predicted predicted = predictExamples(
            *m_model, examples, false, m_batcher, m_progress, from + step * static_cast<double>(k),
            from + step * static_cast<double>(k + 1), what, m_run);
        const metrics::SensitivityDelta d = metrics::compareMetrics(
            perturbationName(p), model, classificationFrom(m_yTrue, predicted, m_labels));
        out["perturbations"].push_back({{"name", d.name},
                                        {"accuracy", d.accuracy},
                                        {"accuracy_delta", d.accuracyDelta},
                                        {"macro_f1", d.macroF1},
                                        {"macro_f1_delta", d.macroF1Delta},
                                        {"changed_predictions", d.changedPredictions}});
    }
    return out;
}

EvalResult Evaluation::execute() {
    checkOptions(m_options);
    if (m_options.threads > 0) initRuntime(static_cast<int>(m_options.threads));
    m_threads = m_options.threads;
    openRun();
    m_rows = readPart(m_project, m_run.splitId, m_options.part);
    // The rows are read as they are now; a cleaning applied after the run started means the
    // model is scored on texts unlike the ones it was trained on.
    const auto cleaning = m_project.latestCleaning(m_run.datasetId);
    if (cleaning && !m_run.startedAt.empty() && cleaning->appliedAt > m_run.startedAt)
        m_progress.event(LogLevel::Warning,
                         "the dataset was cleaned again (" + cleaning->appliedAt + ") after " +
                             runName(m_run) + " started training (" + m_run.startedAt +
                             "); it is evaluated on the texts as they are cleaned now");
    openModel();
    checkLabels();

    // The ids the model was trained on come from the same cache the trainer fills (same
    // tokenizer files, max length, cleaning and labels), so the part is tokenized once.
    train::TokenizedPart part = train::TokenCache::load(
        m_project, m_run.datasetId, m_run.splitId, m_options.part, *m_model->tokenizer(),
        m_folder.string(), m_config.maxLength, m_labels, m_threads);
    if (part.rowIds != m_rows.rowIds)
        throw Error(ErrorCode::Internal, runName(m_run) +
                                             ": the tokenized rows do not match the part's rows "
                                             "(the dataset changed during the evaluation?)");
    for (size_t i = 0; i < part.examples.size(); ++i)
        if (part.examples[i].ids.empty())
            throw Error(ErrorCode::InvalidArgument,
                        "row " + std::to_string(m_rows.rowIds[i]) + " (line " +
                            std::to_string(m_rows.lines[i]) +
                            "): the text encodes to no tokens; clean the data with the 'empty' "
                            "step");

    m_examples = std::move(part.examples);
    const double predictEnd = m_options.baselines || m_options.sensitivity ? 0.35 : 0.98;
    const Predicted predicted = predictExamples(
        *m_model, m_examples, true, m_batcher, m_progress, 0.02, predictEnd,
        "Predicting the " + std::string(store::toString(m_options.part)) + " part", m_run);
    const metrics::Classification c = classificationFrom(m_yTrue, predicted, m_labels);

    metrics::ReportOptions ro;
    ro.bootstrap.resamples = m_options.bootstrapResamples;
    ro.bootstrap.seed = m_options.seed;
    EvalResult result;
    result.report = metrics::computeReport(c, ro);

    store::EvaluationInfo& info = result.info;
    info.runId = m_run.id;
    info.splitId = m_run.splitId;
    info.part = m_options.part;
    info.checkpoint = m_kind;
    info.checkpointPath = m_folder.string();
    info.labels = m_labels;
    info.reportJson = result.report.toJson().dump();
    if (m_options.baselines) info.baselinesJson = baselines(c).dump();
    if (m_options.sensitivity) info.sensitivityJson = sensitivity(c).dump();

    result.predictions.reserve(m_rows.rowIds.size());
    for (size_t i = 0; i < m_rows.rowIds.size(); ++i) {
        store::PredictionRecord r;
        r.rowId = m_rows.rowIds[i];
        r.trueLabel = m_yTrue[i];
        r.predicted = predicted.labels[i];
        r.probabilities = predicted.probabilities[i];
        result.predictions.push_back(std::move(r));
    }
    if (m_progress.stopRequested()) cancelled(m_run);
    m_progress.progress(0.99, "Storing the predictions");
    info.seconds = std::chrono::duration<double>(Clock::now() - m_start).count();
    const int64_t id = m_project.saveEvaluation(info, result.predictions);
    result.info = *m_project.evaluation(id);
    m_progress.progress(1, "Done");
    return result;
}

// Nested objects become dotted keys, so {"dropout": {"hidden": 0.1}} compares as
// "dropout.hidden".
void flatten(const json& j, const std::string& prefix, std::map<std::string, json>& out) {
    for (const auto& [key, value] : j.items()) {
        const std::string name = prefix.empty() ? key : prefix + "." + key;
        if (value.is_object() && !value.empty())
            flatten(value, name, out);
        else
            out[name] = value;
    }
}

}  // namespace

EvalResult Evaluator::run(const std::string& projectDir, int64_t runId, const EvalOptions& options,
                          const Progress& progress) {
    Evaluation e(projectDir, runId, options, progress);
    try {
        return e.execute();
    } catch (const Error& err) {
        // A stop seen inside a baseline's fit says so in its own words; the user asked to
        // stop the evaluation.
        if (err.code() == ErrorCode::Cancelled &&
            std::string(err.what()).find("nothing was stored") == std::string::npos)
            throw Error(ErrorCode::Cancelled, "evaluation of run " + std::to_string(runId) +
                                                  " cancelled; nothing was stored");
        throw;
    } catch (const c10::Error& err) {
        throw Error(ErrorCode::Internal, "evaluating run " + std::to_string(runId) + ": " +
                                             err.what_without_backtrace());
    }
}

metrics::Classification classificationOf(const store::EvaluationInfo& info,
                                         const std::vector<store::PredictionRecord>& predictions) {
    metrics::Classification c;
    c.numClasses = static_cast<int>(info.labels.size());
    c.labels = info.labels;
    c.yTrue.reserve(predictions.size());
    c.yPred.reserve(predictions.size());
    c.scores.reserve(predictions.size());
    for (const auto& p : predictions) {
        c.yTrue.push_back(p.trueLabel);
        c.yPred.push_back(p.predicted);
        c.scores.emplace_back(p.probabilities.begin(), p.probabilities.end());
    }
    return c;
}

json compareRuns(const store::Project& project, const std::vector<int64_t>& runIds) {
    if (runIds.empty()) throw Error(ErrorCode::InvalidArgument, "compare: name at least one run");
    json out;
    out["runs"] = json::array();
    std::vector<std::map<std::string, json>> configs;
    for (int64_t id : runIds) {
        const auto run = project.run(id);
        if (!run)
            throw Error(ErrorCode::NotFound, "run " + std::to_string(id) + " does not exist in " +
                                                 project.dir() + " (see 'finetune runs list')");
        json r = {{"run", run->id}, {"name", run->name}, {"status", store::toString(run->status)}};
        const auto evaluation = project.latestEvaluation(id);
        if (evaluation) {
            r["evaluation"] = evaluation->id;
            r["split"] = evaluation->splitId;
            r["part"] = store::toString(evaluation->part);
            r["checkpoint"] = evaluation->checkpoint;
            json report;
            try {
                report = json::parse(evaluation->reportJson);
            } catch (const json::exception& e) {
                throw Error(ErrorCode::Parse,
                            "evaluation " + std::to_string(evaluation->id) +
                                ": the stored report is not valid JSON: " + e.what());
            }
            const json rocAuc = report.value("num_classes", 0) == 2
                                    ? report.value("roc_auc", json())
                                    : report.value("roc_auc_ovr_macro", json());
            r["metrics"] = {{"accuracy", report.value("accuracy", json())},
                            {"f1_macro", report.value("f1_macro", json())},
                            {"roc_auc", rocAuc},
                            {"log_loss", report.value("log_loss", json())}};
        } else {
            r["evaluation"] = nullptr;
            r["metrics"] = json::object();
        }
        out["runs"].push_back(r);
        std::map<std::string, json> config;
        try {
            flatten(json::parse(run->configJson), "", config);
        } catch (const json::exception& e) {
            throw Error(ErrorCode::Parse,
                        "run " + std::to_string(id) + ": stored config: " + e.what());
        }
        configs.push_back(std::move(config));
    }
    std::set<std::string> keys;
    for (const auto& c : configs)
        for (const auto& kv : c) keys.insert(kv.first);
    out["differing"] = json::object();
    for (const auto& key : keys) {
        json values = json::array();
        for (const auto& c : configs) {
            const auto it = c.find(key);
            values.push_back(it == c.end() ? json() : it->second);
        }
        if (std::any_of(values.begin(), values.end(),
                        [&](const json& v) { return v != values.front(); }))
            out["differing"][key] = values;
    }
    return out;
}

}  // namespace ft::eval
