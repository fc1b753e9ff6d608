// The evaluator on a real project: a generated three-class dataset, cleaned and split by
// the real pipeline, a real short training run of the built-in bert-tiny (with the
// WordPiece vocabulary the trainer builds from the train part), then the
// evaluation checked against models::Model::predict, computeReport, refitted baselines and
// re-predicted perturbations; bad input and cancel store nothing.
#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include "data/cleaner.h"
#include "data/splitter.h"
#include "error.h"
#include "eval/evaluator.h"
#include "metrics/baselines.h"
#include "metrics/sensitivity.h"
#include "metrics/significance.h"
#include "models/model.h"
#include "runtime.h"
#include "store/project.h"
#include "store/sqlite.h"
#include "text/tokenizer.h"
#include "train/runconfig.h"
#include "train/trainer.h"

namespace fs = std::filesystem;
using ft::store::Project;
using ft::store::SplitPart;
using nlohmann::json;

namespace {

const std::vector<std::string> kLabels = {"sport", "weather", "food"};

// Sentences whose label follows from their words, with capitals, punctuation and (in
// some rows) a URL that the cleaning removes, so the cleaned text is what the model
// sees and differs from the raw one in tokens.
std::vector<std::pair<std::string, std::string>> makeRows(int n) {
    const std::vector<std::vector<std::string>> words = {
        {"goal", "match", "team", "coach", "score", "league", "player", "win"},
        {"rain", "sunny", "storm", "cloud", "wind", "snow", "cold", "forecast"},
        {"pizza", "bread", "soup", "cheese", "salad", "cake", "rice", "pasta"}};
    const std::vector<std::string> filler = {"the", "a", "today", "really", "very", "new"};
    std::vector<std::pair<std::string, std::string>> rows;
    for (int i = 0; i < n; ++i) {
        const size_t k = static_cast<size_t>(i) % kLabels.size();
        std::string text;
        const int len = 3 + (i * 7) % 9;
        for (int w = 0; w < len; ++w) {
            // Every fifth row opens with filler words and names its topic only in its
            // second half, which the "truncated" perturbation cuts off. Fillers are
            // chosen independently of the label, so they tell the model nothing.
            const bool fill = i % 5 == 2 ? w < len / 2 + 1 : (i + w) % 3 == 0;
            std::string word = fill ? filler[static_cast<size_t>(i / 3 + w) % 6]
                                    : words[k][static_cast<size_t>(i * 3 + w) % 8];
            if (w == 0) word[0] = static_cast<char>(std::toupper(word[0]));
            text += (w ? " " : "") + word;
            if ((i + w) % 5 == 4) text += ",";
        }
        text += i % 4 == 0 ? "!" : ".";
        if (i % 6 == 1) text += " See https://news.example.com/item/" + std::to_string(i);
        rows.emplace_back(text, kLabels[k]);
    }
    // A row that is nothing but a URL: empty after cleaning, so dropped.
    rows.emplace_back("https://only.example.com/a-link", kLabels[0]);
    return rows;
}

int64_t importRows(Project& p, const std::string& name,
                   const std::vector<std::pair<std::string, std::string>>& rows) {
    const int64_t ds = p.createDataset(name);
    ft::store::Transaction tx(p.handle());
    ft::store::SourceInfo src;
    src.datasetId = ds;
    src.path = "/generated/" + name + ".tsv";
    src.sha256 = "0";
    src.formatJson = "{}";
    src.mappingJson = "{}";
    const int64_t sourceId = p.addSource(src);
    ft::store::RowInserter ins(p.handle(), ds, sourceId);
    for (size_t i = 0; i < rows.size(); ++i)
        ins.insert(static_cast<int64_t>(i), static_cast<int64_t>(i) + 1, rows[i].first,
                   std::nullopt, rows[i].second, rows[i].second);
    p.updateSourceCounts(sourceId, static_cast<int64_t>(rows.size()), 0, "[]");
    tx.commit();
    return ds;
}

// Batches of 8, about 13 steps an epoch; one thread (several threads only fight over a
// busy machine's cores at this size).
json runConfig(int64_t split, int epochs, double learningRate) {
    return {{"dataset", "topics"},
            {"split", split},
            {"model", "builtin:bert-tiny"},
            {"epochs", epochs},
            {"batch_size", 8},
            {"max_length", 32},
            {"learning_rate", learningRate},
            {"seed", 11},
            {"threads", 1}};
}

struct Part {
    std::vector<int64_t> rowIds;
    std::vector<std::string> texts;  // as the model reads them (cleaned)
    std::vector<std::string> labels;
};

Part readPart(const Project& p, int64_t splitId, SplitPart part) {
    Part out;
    for (int64_t id : p.splitRowIds(splitId, part)) {
        const auto row = p.row(id);
        if (!row || row->dropped || !row->label) continue;
        out.rowIds.push_back(id);
        out.texts.push_back(row->cleanText ? *row->cleanText : row->text);
        out.labels.push_back(*row->label);
    }
    return out;
}

int indexOf(const std::vector<std::string>& v, const std::string& s) {
    return static_cast<int>(std::find(v.begin(), v.end(), s) - v.begin());
}

// Doubles compared exactly (QCOMPARE would compare them with qFuzzyCompare).
#define COMPARE_EXACT(a, b) \
    QVERIFY2((a) == (b),    \
             qPrintable(QStringLiteral("%1 != %2").arg(a, 0, 'g', 17).arg(b, 0, 'g', 17)))

bool bitIdentical(const std::vector<float>& a, const std::vector<float>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

}  // namespace

class TstEvaluator : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void predictionsEqualModelPredict();
    void storedReportEqualsComputeReport();
    void baselinesFittedOnTrainPart();
    void sensitivityMatchesRepredictedTexts();
    void batchSizeAndThreads();
    void validationAgreesWithTrainer();
    void bestFallsBackToLast();
    void runWithoutCheckpoint();
    void unknownRun();
    void emptyTestPart();
    void labelTheModelNeverSaw();
    void labelsDoNotMatchAtAll();
    void cancelStoresNothing();
    void badOptions();
    void compareRuns();

private:
    int64_t evaluationCount() const;
    int64_t train(const json& config);
    QTemporaryDir m_dir;
    std::string m_project;
    int64_t m_dataset = 0, m_split = 0, m_noTestSplit = 0, m_run = 0, m_stopped = 0;
    ft::eval::EvalResult m_result;  // the default evaluation of m_run
};

int64_t TstEvaluator::evaluationCount() const {
    return static_cast<int64_t>(Project::open(m_project).evaluations().size());
}

int64_t TstEvaluator::train(const json& config) {
    int64_t id = 0;
    {
        Project p = Project::open(m_project);
        id = ft::train::Trainer::createRun(p, ft::train::parseRunConfig(config));
    }
    const auto r = ft::train::Trainer::run(m_project, id);
    if (r.status != ft::store::RunStatus::Completed)
        qFatal("training run %lld failed: %s", static_cast<long long>(id), r.error.c_str());
    return id;
}

void TstEvaluator::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_project = m_dir.filePath("project").toStdString();
    {
        Project p = Project::create(m_project);
        m_dataset = importRows(p, "topics", makeRows(150));
        const auto cleaning = ft::data::applyCleaning(
            p, m_dataset, ft::data::Pipeline::fromStepList("urls,unicode,empty"));
        QCOMPARE(cleaning.droppedEmpty, int64_t(1));
        QVERIFY(cleaning.changed >= 25);
        m_split = ft::data::splitDataset(p, m_dataset, ft::data::SplitOptions{}).splitId;
    }
    m_run = train(runConfig(m_split, 3, 1e-3));

    // A second split without a test part, and a run on it stopped after two steps: it has
    // a last checkpoint but no best one (no validation ran).
    {
        Project p = Project::open(m_project);
        std::vector<std::pair<int64_t, SplitPart>> assignment;
        const auto rows = p.rows(m_dataset, {}, 0, 1000);
        for (size_t i = 0; i < rows.size(); ++i)
            assignment.emplace_back(rows[i].id,
                                    i % 4 == 3 ? SplitPart::Validation : SplitPart::Train);
        m_noTestSplit = p.saveSplit(m_dataset, 1, {0.75, 0.25, 0.0}, false, assignment, "{}");
        m_stopped = ft::train::Trainer::createRun(
            p, ft::train::parseRunConfig(runConfig(m_noTestSplit, 1, 5e-4)));
    }
    ft::train::TrainCallbacks cb;
    int steps = 0;
    cb.onStep = [&](const ft::train::StepEvent&) { ++steps; };
    cb.shouldStop = [&] { return steps >= 2; };
    const auto tr = ft::train::Trainer::run(m_project, m_stopped, cb);
    QCOMPARE(tr.status, ft::store::RunStatus::Stopped);
    QVERIFY(tr.bestCheckpoint.empty());

    m_result = ft::eval::Evaluator::run(m_project, m_run);
    QVERIFY(m_result.info.id > 0);
    QCOMPARE(m_result.info.checkpoint, std::string("best"));
    // The model learnt something, so the perturbations below have predictions to move.
    QVERIFY2(m_result.report.accuracy > 0.6, qPrintable(QString::number(m_result.report.accuracy)));
}

void TstEvaluator::predictionsEqualModelPredict() {
    const Project p = Project::open(m_project);
    const Part test = readPart(p, m_split, SplitPart::Test);
    QVERIFY(test.rowIds.size() >= 20);
    // The dropped row is left out even when it sits in the test part.
    const auto stored = p.predictions(m_result.info.id);
    QCOMPARE(stored.size(), test.rowIds.size());

    const auto model = ft::models::Model::open(m_result.info.checkpointPath);
    QCOMPARE(model.info().labels, m_result.info.labels);
    // Model::predict cuts at the tokenizer's 512; these texts stay under the run's 32
    // tokens, so both see the same ids.
    bool anyCleaned = false;
    for (size_t i = 0; i < test.texts.size(); ++i) {
        QVERIFY(model.tokenizer()->encode(test.texts[i]).ids.size() < 32);
        anyCleaned = anyCleaned || test.texts[i] != p.row(test.rowIds[i])->text;
    }
    QVERIFY(anyCleaned);
    // The evaluator batches as predict does, so even the last bits agree (another batch
    // size moves some logits by an ulp or two: BLAS picks its kernels by shape).
    const auto predicted = model.predict(test.texts, ft::eval::EvalOptions{}.batchSize);
    for (size_t i = 0; i < stored.size(); ++i) {
        QCOMPARE(stored[i].rowId, test.rowIds[i]);
        QCOMPARE(stored[i].trueLabel, indexOf(m_result.info.labels, test.labels[i]));
        QCOMPARE(stored[i].predicted, static_cast<int>(predicted[i].label));
        QVERIFY2(bitIdentical(stored[i].probabilities, predicted[i].probabilities),
                 qPrintable(QStringLiteral("row %1").arg(stored[i].rowId)));
        QVERIFY(bitIdentical(m_result.predictions[i].probabilities, stored[i].probabilities));
    }
    // The raw texts give other probabilities: the evaluator must have read the cleaned ones.
    std::vector<std::string> raw;
    for (int64_t id : test.rowIds) raw.push_back(p.row(id)->text);
    const auto rawPredicted = model.predict(raw, ft::eval::EvalOptions{}.batchSize);
    bool differs = false;
    for (size_t i = 0; i < raw.size(); ++i)
        differs = differs || !bitIdentical(rawPredicted[i].probabilities, stored[i].probabilities);
    QVERIFY(differs);
}

void TstEvaluator::storedReportEqualsComputeReport() {
    const Project p = Project::open(m_project);
    const auto info = p.evaluation(m_result.info.id);
    QVERIFY(info);
    QCOMPARE(info->runId, m_run);
    QCOMPARE(info->splitId, m_split);
    QCOMPARE(info->part, SplitPart::Test);
    QVERIFY(info->seconds > 0);
    ft::metrics::ReportOptions ro;
    ro.bootstrap.resamples = ft::eval::EvalOptions{}.bootstrapResamples;
    ro.bootstrap.seed = ft::eval::EvalOptions{}.seed;
    const auto report =
        ft::metrics::computeReport(ft::eval::classificationOf(*info, p.predictions(info->id)), ro);
    QCOMPARE(json::parse(info->reportJson), report.toJson());
    QCOMPARE(m_result.report.toJson(), report.toJson());
    QVERIFY(report.accuracyInterval && report.macroF1Interval);
    QCOMPARE(report.rows, static_cast<int64_t>(p.predictions(info->id).size()));
}

void TstEvaluator::baselinesFittedOnTrainPart() {
    const Project p = Project::open(m_project);
    const auto& info = m_result.info;
    const json b = json::parse(info.baselinesJson);
    const Part train = readPart(p, m_split, SplitPart::Train);
    const Part test = readPart(p, m_split, SplitPart::Test);
    QCOMPARE(b.at("train_rows").get<size_t>(), train.rowIds.size());
    QCOMPARE(b.at("model").at("name").get<std::string>(), p.run(m_run)->name);
    COMPARE_EXACT(b.at("model").at("accuracy").get<double>(), m_result.report.accuracy);

    std::vector<int> trainY, testY, modelPred;
    for (const auto& l : train.labels) trainY.push_back(indexOf(info.labels, l));
    for (const auto& l : test.labels) testY.push_back(indexOf(info.labels, l));
    for (const auto& r : m_result.predictions) modelPred.push_back(r.predicted);
    const int k = static_cast<int>(info.labels.size());
    ft::metrics::MajorityBaseline majority;
    ft::metrics::TfidfBaseline tfidf;
    const std::vector<ft::metrics::TextClassifier*> baselines = {&majority, &tfidf};
    QCOMPARE(b.at("baselines").size(), baselines.size());
    for (size_t i = 0; i < baselines.size(); ++i) {
        const json& stored = b["baselines"][i];
        QCOMPARE(stored.at("name").get<std::string>(), baselines[i]->name());
        baselines[i]->fit(train.texts, trainY, k);
        auto c = ft::metrics::classify(*baselines[i], test.texts, testY, k);
        c.labels = info.labels;
        COMPARE_EXACT(stored.at("accuracy").get<double>(), ft::metrics::accuracy(c));
        // Every probability counts (log loss, curves): fitted on the cleaned train texts
        // and scored on the cleaned test texts, as the model was.
        ft::metrics::ReportOptions ro;
        ro.bootstrap.resamples = ft::eval::EvalOptions{}.bootstrapResamples;
        QCOMPARE(stored.at("report"), ft::metrics::computeReport(c, ro).toJson());
        const auto m = ft::metrics::mcnemar(testY, modelPred, c.yPred);
        QCOMPARE(stored.at("mcnemar").at("only_model").get<int64_t>(), m.onlyA);
        QCOMPARE(stored.at("mcnemar").at("only_baseline").get<int64_t>(), m.onlyB);
        COMPARE_EXACT(stored.at("mcnemar").at("p_value").get<double>(), m.pValue);
    }
}

void TstEvaluator::sensitivityMatchesRepredictedTexts() {
    const Project p = Project::open(m_project);
    const json s = json::parse(m_result.info.sensitivityJson);
    const Part test = readPart(p, m_split, SplitPart::Test);
    int64_t byClassRows = 0, byLengthRows = 0;
    for (const auto& c : s.at("by_class")) byClassRows += c.at("rows").get<int64_t>();
    for (const auto& c : s.at("by_length")) byLengthRows += c.at("rows").get<int64_t>();
    QCOMPARE(byClassRows, static_cast<int64_t>(test.rowIds.size()));
    QCOMPARE(byLengthRows, static_cast<int64_t>(test.rowIds.size()));
    QCOMPARE(s.at("by_class").size(), kLabels.size());
    QVERIFY(s.at("by_length").size() >= 2);

    const auto model = ft::models::Model::open(m_result.info.checkpointPath);
    const std::vector<std::pair<std::string, ft::metrics::Perturbation>> kinds = {
        {"lowercased", ft::metrics::Perturbation::Lowercase},
        {"no punctuation", ft::metrics::Perturbation::NoPunctuation},
        {"typos", ft::metrics::Perturbation::Typos},
        {"truncated", ft::metrics::Perturbation::TruncateHalf}};
    QCOMPARE(s.at("perturbations").size(), kinds.size());
    int64_t changedSomewhere = 0;
    for (size_t k = 0; k < kinds.size(); ++k) {
        const json& stored = s["perturbations"][k];
        QCOMPARE(stored.at("name").get<std::string>(), kinds[k].first);
        const auto texts = ft::metrics::perturb(test.texts, kinds[k].second, 0.05, 42);
        // Under the run's 32 tokens, so Model::predict (which cuts at 512) sees the same ids.
        for (const auto& t : texts) QVERIFY(model.tokenizer()->encode(t).ids.size() < 32);
        const auto predicted = model.predict(texts, ft::eval::EvalOptions{}.batchSize);
        int64_t changed = 0, correct = 0;
        for (size_t i = 0; i < texts.size(); ++i) {
            changed += predicted[i].label != m_result.predictions[i].predicted;
            correct += predicted[i].label == m_result.predictions[i].trueLabel;
        }
        QCOMPARE(stored.at("changed_predictions").get<int64_t>(), changed);
        const double accuracy = static_cast<double>(correct) / static_cast<double>(texts.size());
        COMPARE_EXACT(stored.at("accuracy").get<double>(), accuracy);
        COMPARE_EXACT(stored.at("accuracy_delta").get<double>(),
                      accuracy - m_result.report.accuracy);
        changedSomewhere += changed;
    }
    // An uncased tokenizer reads lowercased texts as the originals.
    QCOMPARE(s["perturbations"][0].at("changed_predictions").get<int64_t>(), int64_t(0));
    QVERIFY(changedSomewhere > 0);
}

void TstEvaluator::batchSizeAndThreads() {
    // Batches of 5 on two threads: equal to predict(texts, 5) on one thread bit for bit.
    ft::eval::EvalOptions options;
    options.batchSize = 5;
    options.baselines = false;
    options.sensitivity = false;
    options.threads = 2;
    const auto r = ft::eval::Evaluator::run(m_project, m_run, options);
    ft::initRuntime(1);
    QVERIFY(r.info.baselinesJson.empty());
    QVERIFY(r.info.sensitivityJson.empty());
    const Project p = Project::open(m_project);
    const Part test = readPart(p, m_split, SplitPart::Test);
    const auto model = ft::models::Model::open(r.info.checkpointPath);
    const auto predicted = model.predict(test.texts, 5);
    QCOMPARE(r.predictions.size(), predicted.size());
    int64_t sameLabel = 0;
    for (size_t i = 0; i < r.predictions.size(); ++i) {
        QCOMPARE(r.predictions[i].predicted, static_cast<int>(predicted[i].label));
        QVERIFY(bitIdentical(r.predictions[i].probabilities, predicted[i].probabilities));
        sameLabel += r.predictions[i].predicted == m_result.predictions[i].predicted;
    }
    QCOMPARE(sameLabel, static_cast<int64_t>(r.predictions.size()));
    Project::open(m_project).deleteEvaluation(r.info.id);
}

void TstEvaluator::validationAgreesWithTrainer() {
    // The best checkpoint on the validation part: the trainer's own numbers at that step.
    ft::eval::EvalOptions options;
    options.part = SplitPart::Validation;
    options.baselines = false;
    options.sensitivity = false;
    const auto r = ft::eval::Evaluator::run(m_project, m_run, options);
    const Project p = Project::open(m_project);
    const auto run = p.run(m_run);
    QVERIFY(run->bestStep);
    auto at = [&](const std::string& name) {
        for (const auto& m : p.runMetrics(m_run, name))
            if (m.step == *run->bestStep) return m.value;
        return -1.0;
    };
    COMPARE_EXACT(r.report.accuracy, at("val_accuracy"));
    COMPARE_EXACT(r.report.scores.f1Macro, at("val_macro_f1"));
    QCOMPARE(r.report.rows,
             static_cast<int64_t>(readPart(p, m_split, SplitPart::Validation).rowIds.size()));
    Project::open(m_project).deleteEvaluation(r.info.id);
}

void TstEvaluator::bestFallsBackToLast() {
    std::vector<std::string> notes;
    ft::Progress progress;
    progress.onEvent = [&](ft::LogLevel, const std::string& m) { notes.push_back(m); };
    ft::eval::EvalOptions options;
    options.part = SplitPart::Validation;
    options.sensitivity = false;
    const auto r = ft::eval::Evaluator::run(m_project, m_stopped, options, progress);
    QCOMPARE(r.info.checkpoint, std::string("last"));
    QCOMPARE(r.info.part, SplitPart::Validation);
    QCOMPARE(r.info.splitId, m_noTestSplit);
    QVERIFY(r.info.checkpointPath.find("checkpoints/last") != std::string::npos);
    QVERIFY(std::any_of(notes.begin(), notes.end(), [](const std::string& m) {
        return m.find("no best checkpoint") != std::string::npos;
    }));
    const Project p = Project::open(m_project);
    QCOMPARE(r.predictions.size(), readPart(p, m_noTestSplit, SplitPart::Validation).rowIds.size());
}

void TstEvaluator::runWithoutCheckpoint() {
    int64_t id = 0;
    {
        Project p = Project::open(m_project);
        id = ft::train::Trainer::createRun(p,
                                           ft::train::parseRunConfig(runConfig(m_split, 1, 1e-3)));
    }
    const int64_t before = evaluationCount();
    for (const char* kind : {"best", "last"}) {
        ft::eval::EvalOptions options;
        options.checkpoint = kind;
        try {
            ft::eval::Evaluator::run(m_project, id, options);
            QFAIL("a run without a checkpoint was evaluated");
        } catch (const ft::Error& e) {
            QCOMPARE(e.code(), ft::ErrorCode::NotFound);
            const std::string m = e.what();
            QVERIFY2(m.find("run " + std::to_string(id)) != std::string::npos, e.what());
            QVERIFY2(
                m.find(
                    (fs::path(m_project) / "runs" / std::to_string(id) / "checkpoints").string()) !=
                    std::string::npos,
                e.what());
        }
    }
    QCOMPARE(evaluationCount(), before);
}

void TstEvaluator::unknownRun() {
    try {
        ft::eval::Evaluator::run(m_project, 999);
        QFAIL("run 999 was evaluated");
    } catch (const ft::Error& e) {
        QCOMPARE(e.code(), ft::ErrorCode::NotFound);
        QVERIFY2(std::string(e.what()).find("run 999 does not exist") != std::string::npos,
                 e.what());
    }
}

void TstEvaluator::emptyTestPart() {
    const int64_t before = evaluationCount();
    try {
        ft::eval::Evaluator::run(m_project, m_stopped);
        QFAIL("an empty test part was evaluated");
    } catch (const ft::Error& e) {
        QCOMPARE(e.code(), ft::ErrorCode::InvalidArgument);
        const std::string m = e.what();
        QVERIFY2(m.find("test part of split " + std::to_string(m_noTestSplit)) != std::string::npos,
                 e.what());
        QVERIFY2(m.find("no labelled rows") != std::string::npos, e.what());
    }
    QCOMPARE(evaluationCount(), before);
}

void TstEvaluator::labelTheModelNeverSaw() {
    const int64_t before = evaluationCount();
    int64_t rowId = 0;
    {
        Project p = Project::open(m_project);
        rowId = readPart(p, m_split, SplitPart::Test).rowIds.at(3);
        p.setLabel(rowId, std::string("travel"));
    }
    try {
        ft::eval::Evaluator::run(m_project, m_run);
        QFAIL("a row with a label the model never saw was evaluated");
    } catch (const ft::Error& e) {
        QCOMPARE(e.code(), ft::ErrorCode::Mapping);
        const std::string m = e.what();
        QVERIFY2(m.find("row " + std::to_string(rowId)) != std::string::npos, e.what());
        QVERIFY2(m.find("'travel'") != std::string::npos, e.what());
        for (const auto& l : kLabels)
            QVERIFY2(m.find("'" + l + "'") != std::string::npos, e.what());
    }
    QCOMPARE(evaluationCount(), before);
    Project p = Project::open(m_project);
    QCOMPARE(p.undoLabelChange(m_dataset), std::optional<int64_t>(rowId));
}

void TstEvaluator::labelsDoNotMatchAtAll() {
    const int64_t before = evaluationCount();
    {
        Project p = Project::open(m_project);
        for (const auto& l : kLabels) p.renameLabel(m_dataset, l, "topic " + l);
    }
    try {
        ft::eval::Evaluator::run(m_project, m_run);
        QFAIL("a model whose labels do not match the dataset was evaluated");
    } catch (const ft::Error& e) {
        QCOMPARE(e.code(), ft::ErrorCode::Mapping);
        const std::string m = e.what();
        QVERIFY2(m.find("do not match") != std::string::npos, e.what());
        QVERIFY2(m.find("'topic sport'") != std::string::npos, e.what());
        QVERIFY2(m.find("'sport'") != std::string::npos, e.what());
    }
    QCOMPARE(evaluationCount(), before);
    Project p = Project::open(m_project);
    for (const auto& l : kLabels) p.renameLabel(m_dataset, "topic " + l, l);
}

void TstEvaluator::cancelStoresNothing() {
    const int64_t before = evaluationCount();
    // Stop in the middle of the predictions, then in the middle of the perturbations.
    for (const char* stage : {"Predicting", "Perturbed"}) {
        std::atomic<bool> stop{false};
        int batchesSeen = 0;
        ft::Progress progress;
        progress.onProgress = [&](double, const std::string& what) {
            if (what.rfind(stage, 0) == 0 && ++batchesSeen == 2) stop = true;
        };
        progress.shouldStop = [&] { return stop.load(); };
        ft::eval::EvalOptions options;
        options.batchSize = 4;
        try {
            ft::eval::Evaluator::run(m_project, m_run, options, progress);
            QFAIL("a cancelled evaluation finished");
        } catch (const ft::Error& e) {
            QCOMPARE(e.code(), ft::ErrorCode::Cancelled);
            QVERIFY2(std::string(e.what()).find("nothing was stored") != std::string::npos,
                     e.what());
        }
        QVERIFY(stop.load());
        QCOMPARE(evaluationCount(), before);
    }
}

void TstEvaluator::badOptions() {
    ft::eval::EvalOptions options;
    options.checkpoint = "newest";
    QVERIFY_THROWS_EXCEPTION(ft::Error, ft::eval::Evaluator::run(m_project, m_run, options));
    options = {};
    options.batchSize = 0;
    QVERIFY_THROWS_EXCEPTION(ft::Error, ft::eval::Evaluator::run(m_project, m_run, options));
    options = {};
    options.typoRate = 1.5;
    QVERIFY_THROWS_EXCEPTION(ft::Error, ft::eval::Evaluator::run(m_project, m_run, options));
}

void TstEvaluator::compareRuns() {
    const Project p = Project::open(m_project);
    const auto second = p.latestEvaluation(m_stopped);
    QVERIFY(second);
    const json table = ft::eval::compareRuns(p, {m_run, m_stopped});
    QCOMPARE(table.at("runs").size(), size_t(2));
    const json& a = table["runs"][0];
    const json& b = table["runs"][1];
    QCOMPARE(a.at("run").get<int64_t>(), m_run);
    QCOMPARE(a.at("evaluation").get<int64_t>(), p.latestEvaluation(m_run)->id);
    QCOMPARE(b.at("evaluation").get<int64_t>(), second->id);
    QCOMPARE(b.at("status").get<std::string>(), std::string("stopped"));
    QCOMPARE(b.at("part").get<std::string>(), std::string("validation"));
    QCOMPARE(a.at("status").get<std::string>(), std::string("completed"));
    const json reportA = json::parse(p.latestEvaluation(m_run)->reportJson);
    QCOMPARE(a.at("metrics").at("accuracy"), reportA.at("accuracy"));
    QCOMPARE(a.at("metrics").at("f1_macro"), reportA.at("f1_macro"));
    QCOMPARE(a.at("metrics").at("log_loss"), reportA.at("log_loss"));
    QCOMPARE(a.at("metrics").at("roc_auc"), reportA.at("roc_auc_ovr_macro"));
    COMPARE_EXACT(b.at("metrics").at("accuracy").get<double>(),
                  json::parse(second->reportJson).at("accuracy").get<double>());

    const json& differing = table.at("differing");
    QVERIFY2(differing.contains("learning_rate"), differing.dump().c_str());
    QCOMPARE(differing["learning_rate"], json::array({1e-3, 5e-4}));
    QCOMPARE(differing["epochs"], json::array({3, 1}));
    QCOMPARE(differing["split"], json::array({m_split, m_noTestSplit}));
    QVERIFY(!differing.contains("max_length"));
    QVERIFY(!differing.contains("model"));

    QVERIFY_THROWS_EXCEPTION(ft::Error, ft::eval::compareRuns(p, {m_run, 999}));
    QVERIFY_THROWS_EXCEPTION(ft::Error, ft::eval::compareRuns(p, {}));
}

QTEST_GUILESS_MAIN(TstEvaluator)
#include "tst_evaluator.moc"
