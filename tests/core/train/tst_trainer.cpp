// The trainer on a tiny model and a generated dataset: batching, schedules, determinism,
// resume equivalence, NaN handling, early stopping, pausing, run-config validation, and
// built-in models with the WordPiece vocabulary they build from the data.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include "error.h"
#include "models/model.h"
#include "store/project.h"
#include "text/tokenizer.h"
#include "train/batcher.h"
#include "train/runconfig.h"
#include "train/schedule.h"
#include "train/tokencache.h"
#include "train/trainer.h"

namespace fs = std::filesystem;
using ft::store::Project;
using nlohmann::json;

namespace {

const std::string kModel = std::string(FT_SHARED_DIR) + "/fixtures/hf/models/bert-tiny";

// Short sentences whose label follows from their words, of varied lengths.
std::vector<std::pair<std::string, std::string>> makeRows(int n,
                                                          const std::vector<std::string>& labels) {
    const std::vector<std::vector<std::string>> words = {
        {"bad", "awful", "sad", "poor", "ugly"},
        {"table", "chair", "door", "paper", "box"},
        {"good", "great", "happy", "nice", "fine"}};
    std::vector<std::pair<std::string, std::string>> rows;
    for (int i = 0; i < n; ++i) {
        const size_t k = static_cast<size_t>(i) % labels.size();
        std::string text;
        const int len = 2 + (i * 7) % 11;
        for (int w = 0; w < len; ++w)
            text += (w ? " " : "") + words[k % 3][static_cast<size_t>((i + w) % 5)];
        rows.emplace_back(text, labels[k]);
    }
    return rows;
}

int64_t makeDataset(Project& p, const std::string& name,
                    const std::vector<std::pair<std::string, std::string>>& rows) {
    const int64_t ds = p.createDataset(name);
    std::vector<std::pair<int64_t, ft::store::SplitPart>> assignment;
    {
        ft::store::Transaction tx(p.handle());
        ft::store::SourceInfo src;
        src.datasetId = ds;
        src.path = "/generated/" + name;
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
    }
    const auto all = p.rows(ds, {}, 0, 100000);
    for (size_t i = 0; i < all.size(); ++i)
        assignment.emplace_back(
            all[i].id, i % 5 == 4 ? ft::store::SplitPart::Validation : ft::store::SplitPart::Train);
    p.saveSplit(ds, 1, {0.67, 0.33, 0.0}, false, assignment, "{}");
    return ds;
}

int64_t makeDataset(Project& p, const std::string& name, const std::vector<std::string>& labels,
                    int n = 90) {
    return makeDataset(p, name, makeRows(n, labels));
}

// Words with accents and CJK characters (and their own labels), in short sentences.
std::vector<std::pair<std::string, std::string>> accentedRows(int n) {
    const std::vector<std::vector<std::string>> words = {
        {"café", "naïve", "crème", "Über", "façade"},
        {"東京", "大阪", "京都", "日本", "東"},
        {"déjà", "vu", "señor", "Ångström", "résumé"}};
    const std::vector<std::string> labels = {"french", "japanese", "mixed"};
    std::vector<std::pair<std::string, std::string>> rows;
    for (int i = 0; i < n; ++i) {
        const size_t k = static_cast<size_t>(i) % 3;
        std::string text;
        for (int w = 0; w < 2 + (i * 5) % 7; ++w)
            text += (w ? " " : "") + words[k][static_cast<size_t>((i + w) % 5)];
        rows.emplace_back(text + (i % 4 == 0 ? "!" : ""), labels[k]);
    }
    return rows;
}

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

json baseConfig() {
    return {{"dataset", "words"},  {"model", kModel},
            {"epochs", 2},         {"batch_size", 8},
            {"max_length", 32},    {"learning_rate", 1e-3},
            {"warmup_ratio", 0.1}, {"seed", 7},
            {"threads", 1},        {"dropout", {{"hidden", 0.1}, {"attention", 0.1}}}};
}

json builtinConfig(const std::string& dataset) {
    json c = baseConfig();
    c["dataset"] = dataset;
    c["model"] = "builtin:bert-tiny";
    c["max_length"] = 24;
    return c;
}

std::vector<double> losses(const Project& p, int64_t run) {
    std::vector<double> out;
    for (const auto& m : p.runMetrics(run, "train_loss")) out.push_back(m.value);
    return out;
}

std::vector<int64_t> steps(const Project& p, int64_t run, const std::string& name) {
    std::vector<int64_t> out;
    for (const auto& m : p.runMetrics(run, name)) out.push_back(m.step);
    return out;
}

}  // namespace

class TstTrainer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void batching();
    void dynamicPadding();
    void scheduleValues();
    void sameSeedSameLosses();
    void resumeEquivalence();
    void pauseAndResume();
    void nanStopsAndKeepsCheckpoint();
    void earlyStopping();
    void crashedRunIsReported();
    void migratesVersion1Project();
    void badConfig_data();
    void badConfig();
    void unknownKeySuggestion();
    void builtinBuildsVocabulary();
    void builtinNonAsciiCheckpointReopens();

private:
    int64_t create(const json& config);
    QTemporaryDir m_dir;
    std::string m_project;
};

void TstTrainer::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_project = m_dir.filePath("project").toStdString();
    Project p = Project::create(m_project);
    makeDataset(p, "words", {"negative", "neutral", "positive"});
    makeDataset(p, "spam", {"ham", "spam", "neutral"}, 30);
    makeDataset(p, "accents", accentedRows(60));
}

int64_t TstTrainer::create(const json& config) {
    Project p = Project::open(m_project);
    return ft::train::Trainer::createRun(p, ft::train::parseRunConfig(config));
}

void TstTrainer::batching() {
    std::vector<ft::train::Example> examples;
    for (int i = 0; i < 200; ++i) {
        ft::train::Example e;
        e.ids.assign(static_cast<size_t>(1 + (i * 37) % 50), 5);
        e.label = i % 2;
        examples.push_back(e);
    }
    ft::train::BatcherOptions o;
    o.batchSize = 16;
    o.seed = 3;
    o.megaBatchFactor = 4;
    const ft::train::Batcher b(examples, o);
    const auto e0 = b.epochBatches(0);
    QCOMPARE(static_cast<int64_t>(e0.size()), b.batchesPerEpoch());
    QCOMPARE(e0, b.epochBatches(0));   // seeded: the same order again
    QVERIFY(e0 != b.epochBatches(1));  // a new order each epoch
    std::multiset<size_t> seen;
    for (const auto& batch : e0) seen.insert(batch.begin(), batch.end());
    QCOMPARE(seen.size(), examples.size());
    QCOMPARE(std::set<size_t>(seen.begin(), seen.end()).size(), examples.size());
    // Grouped by length: within a mega-batch rows are sorted, so a batch spans a narrow
    // range of lengths compared with a random batch.
    double groupedSpread = 0, randomSpread = 0;
    o.groupByLength = false;
    const ft::train::Batcher plain(examples, o);
    auto spread = [&](const std::vector<std::vector<size_t>>& batches) {
        double total = 0;
        for (const auto& batch : batches) {
            size_t lo = SIZE_MAX, hi = 0;
            for (size_t i : batch) {
                lo = std::min(lo, examples[i].ids.size());
                hi = std::max(hi, examples[i].ids.size());
            }
            total += static_cast<double>(hi - lo);
        }
        return total / static_cast<double>(batches.size());
    };
    groupedSpread = spread(e0);
    randomSpread = spread(plain.epochBatches(0));
    QVERIFY2(groupedSpread * 3 < randomSpread,
             qPrintable(QString("grouped %1 vs random %2").arg(groupedSpread).arg(randomSpread)));
    o.seed = 4;
    QVERIFY(ft::train::Batcher(examples, o).epochBatches(0) != plain.epochBatches(0));
}

void TstTrainer::dynamicPadding() {
    std::vector<ft::train::Example> examples(3);
    examples[0].ids = {2, 10, 3};
    examples[1].ids = {2, 11, 12, 13, 3};
    examples[2].ids = {2, 3};
    examples[1].typeIds = {0, 0, 0, 1, 1};
    examples[2].label = 2;
    ft::train::BatcherOptions o;
    o.padId = 9;
    const ft::train::Batcher right(examples, o);
    auto b = right.makeBatch({0, 1, 2});
    QCOMPARE(b.batch, int64_t(3));
    QCOMPARE(b.length, int64_t(5));  // the longest row, not max_length
    QCOMPARE(b.inputIds, (std::vector<int64_t>{2, 10, 3, 9, 9, 2, 11, 12, 13, 3, 2, 3, 9, 9, 9}));
    QCOMPARE(b.attentionMask, (std::vector<int64_t>{1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0}));
    QCOMPARE(b.tokenTypeIds, (std::vector<int64_t>{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0}));
    QCOMPARE(b.labels, (std::vector<int64_t>{0, 0, 2}));
    b = right.makeBatch({0, 2});
    QCOMPARE(b.length, int64_t(3));
    o.padLeft = true;
    const ft::train::Batcher left(examples, o);
    b = left.makeBatch({0, 2});
    QCOMPARE(b.inputIds, (std::vector<int64_t>{2, 10, 3, 9, 2, 3}));
    QCOMPARE(b.attentionMask, (std::vector<int64_t>{1, 1, 1, 0, 1, 1}));
}

void TstTrainer::scheduleValues() {
    using ft::train::Schedule;
    using ft::train::ScheduleKind;
    // transformers' get_*_schedule_with_warmup through LambdaLR (base lr 1e-3).
    const Schedule linear(ScheduleKind::Linear, 1e-3, 2, 10);
    QCOMPARE(linear.lrAt(0), 0.0);
    QCOMPARE(linear.lrAt(1), 0.0005);
    QCOMPARE(linear.lrAt(2), 0.001);
    QCOMPARE(linear.lrAt(3), 0.001 * (7.0 / 8.0));
    QCOMPARE(linear.lrAt(10), 0.0);
    QCOMPARE(linear.lrAt(12), 0.0);
    const Schedule cosine(ScheduleKind::Cosine, 1e-3, 2, 10);
    QCOMPARE(cosine.lrAt(2), 0.001);
    QCOMPARE(cosine.lrAt(6), 0.001 * (0.5 * (1.0 + std::cos(M_PI * 0.5 * 2.0 * 0.5))));
    QCOMPARE(cosine.lrAt(10), 0.001 * (0.5 * (1.0 + std::cos(M_PI))));
    const Schedule constant(ScheduleKind::Constant, 1e-3, 4, 10);
    QCOMPARE(constant.lrAt(1), 0.001 * 0.25);
    QCOMPARE(constant.lrAt(9), 0.001);
    QCOMPARE(Schedule::warmupFor(100, 0, 0.06), int64_t(6));
    QCOMPARE(Schedule::warmupFor(101, 0, 0.06), int64_t(7));
    QCOMPARE(Schedule::warmupFor(100, 3, 0.5), int64_t(3));
}

void TstTrainer::sameSeedSameLosses() {
    const int64_t a = create(baseConfig());
    const int64_t b = create(baseConfig());
    const auto ra = ft::train::Trainer::run(m_project, a);
    const auto rb = ft::train::Trainer::run(m_project, b);
    QCOMPARE(ra.status, ft::store::RunStatus::Completed);
    QCOMPARE(rb.status, ft::store::RunStatus::Completed);
    QCOMPARE(ra.steps, int64_t(18));  // 72 rows / 8 = 9 steps, 2 epochs
    Project p = Project::open(m_project);
    const auto la = losses(p, a);
    QCOMPARE(la.size(), size_t(18));
    QCOMPARE(la, losses(p, b));
    QVERIFY(ra.lastEvaluation.has_value());
    QCOMPARE(ra.lastEvaluation->valLoss, rb.lastEvaluation->valLoss);
    QCOMPARE(p.run(a)->status, ft::store::RunStatus::Completed);
    QCOMPARE(steps(p, a, "val_loss"), (std::vector<int64_t>{9, 18}));
    QVERIFY(fs::exists(fs::path(p.run(a)->checkpointDir) / "checkpoints/best/model.safetensors"));
    // The best checkpoint is a Hugging Face folder that opens as a classifier.
    const auto best = ft::models::Model::open(ra.bestCheckpoint);
    QCOMPARE(best.info().labels, (std::vector<std::string>{"negative", "neutral", "positive"}));
}

void TstTrainer::resumeEquivalence() {
    json c = baseConfig();
    c["save_steps"] = 3;
    const int64_t straight = create(c);
    QCOMPARE(ft::train::Trainer::run(m_project, straight).status, ft::store::RunStatus::Completed);

    const int64_t interrupted = create(c);
    int stepsSeen = 0;
    ft::train::TrainCallbacks cb;
    cb.onStep = [&](const ft::train::StepEvent&) { ++stepsSeen; };
    cb.shouldStop = [&] { return stepsSeen == 5; };
    auto r = ft::train::Trainer::run(m_project, interrupted, cb);
    QCOMPARE(r.status, ft::store::RunStatus::Stopped);
    QCOMPARE(r.steps, int64_t(5));
    r = ft::train::Trainer::run(m_project, interrupted);
    QVERIFY(r.resumed);
    QCOMPARE(r.status, ft::store::RunStatus::Completed);

    Project p = Project::open(m_project);
    QCOMPARE(losses(p, interrupted), losses(p, straight));
    std::vector<int64_t> expected(18);
    for (int i = 0; i < 18; ++i) expected[static_cast<size_t>(i)] = i + 1;
    QCOMPARE(steps(p, interrupted, "train_loss"), expected);  // no seam, no duplicate
    QCOMPARE(steps(p, interrupted, "lr"), expected);
    QCOMPARE(p.runMetrics(interrupted, "val_loss").back().value,
             p.runMetrics(straight, "val_loss").back().value);
}

void TstTrainer::pauseAndResume() {
    const int64_t run = create(baseConfig());
    int n = 0;
    ft::train::TrainCallbacks cb;
    cb.onStep = [&](const ft::train::StepEvent&) { ++n; };
    cb.shouldPause = [&] { return n == 10; };
    auto r = ft::train::Trainer::run(m_project, run, cb);
    QCOMPARE(r.status, ft::store::RunStatus::Paused);
    QCOMPARE(r.steps, int64_t(10));
    {
        Project p = Project::open(m_project);
        QCOMPARE(p.run(run)->status, ft::store::RunStatus::Paused);
        bool hasLast = false;
        for (const auto& c : p.checkpoints(run))
            hasLast = hasLast || (c.kind == "last" && c.step == 10);
        QVERIFY(hasLast);
    }
    r = ft::train::Trainer::run(m_project, run);
    QCOMPARE(r.status, ft::store::RunStatus::Completed);
    QCOMPARE(r.steps, int64_t(18));
    QVERIFY_THROWS_EXCEPTION(ft::Error, ft::train::Trainer::run(m_project, run));
}

void TstTrainer::nanStopsAndKeepsCheckpoint() {
    json c = baseConfig();
    c["save_steps"] = 2;
    const int64_t run = create(c);
    ft::train::TrainCallbacks cb;
    cb.lossHook = [](int64_t step, double loss) { return step == 5 ? std::nan("") : loss; };
    const auto r = ft::train::Trainer::run(m_project, run, cb);
    QCOMPARE(r.status, ft::store::RunStatus::Failed);
    QVERIFY2(r.error.find("step 5") != std::string::npos, r.error.c_str());
    QVERIFY2(r.error.find("NaN") != std::string::npos, r.error.c_str());
    QCOMPARE(r.steps, int64_t(4));
    Project p = Project::open(m_project);
    const auto info = p.run(run);
    QCOMPARE(info->status, ft::store::RunStatus::Failed);
    QVERIFY(info->error.find("step 5") != std::string::npos);
    const fs::path last = fs::path(info->checkpointDir) / "checkpoints/last";
    std::ifstream in(last / "trainer_state.json");
    QCOMPARE(json::parse(in).at("global_step").get<int64_t>(), int64_t(4));
    const auto model = ft::models::Model::open(last.string());  // intact and loadable
    QCOMPARE(model.info().labels.size(), size_t(3));
}

void TstTrainer::earlyStopping() {
    json c = baseConfig();
    c["epochs"] = 5;
    c["eval_steps"] = 2;
    // No later evaluation can beat the first by 1e9: patience 2 stops after 3 evaluations.
    c["early_stopping"] = {{"metric", "val_loss"}, {"patience", 2}, {"min_delta", 1e9}};
    const int64_t run = create(c);
    const auto r = ft::train::Trainer::run(m_project, run);
    QCOMPARE(r.status, ft::store::RunStatus::Completed);
    QVERIFY(r.earlyStopped);
    QCOMPARE(r.steps, int64_t(6));
    QVERIFY(!r.bestCheckpoint.empty());
    QVERIFY(fs::exists(fs::path(r.bestCheckpoint) / "model.safetensors"));
}

void TstTrainer::crashedRunIsReported() {
    Project p = Project::open(m_project);
    const int64_t run = create(baseConfig());
    p.markRunStarted(run);
    QCOMPARE(p.run(run)->status, ft::store::RunStatus::Running);  // this process is alive
    ft::store::exec(p.handle(),
                    "UPDATE runs SET pid = 999999999 WHERE id = " + std::to_string(run));
    QCOMPARE(p.run(run)->status, ft::store::RunStatus::Crashed);
    p.finishRun(run, ft::store::RunStatus::Stopped);
}

void TstTrainer::migratesVersion1Project() {
    const std::string dir = m_dir.filePath("v1").toStdString();
    {
        Project p = Project::create(dir);
        p.createDataset("kept");
        // Back to what schema version 1 had: no run tables (nor version 3's evaluations and
        // exports, which refer to runs).
        ft::store::exec(p.handle(),
                        "DROP TABLE exports; DROP TABLE predictions; DROP TABLE evaluations; "
                        "DROP TABLE checkpoints; DROP TABLE run_metrics; DROP TABLE runs; "
                        "UPDATE meta SET value = '1' WHERE key = 'schema_version'");
        QCOMPARE(p.schemaVersion(), 1);
    }
    Project p = Project::open(dir);
    QCOMPARE(p.schemaVersion(), Project::kSchemaVersion);
    QCOMPARE(p.datasets().size(), size_t(1));
    QVERIFY(p.runs().empty());
}

void TstTrainer::badConfig_data() {
    QTest::addColumn<QString>("patch");
    QTest::addColumn<QString>("key");
    QTest::newRow("learning rate 0") << R"({"learning_rate": 0})"
                                     << "learning_rate";
    QTest::newRow("learning rate negative") << R"({"learning_rate": -1e-5})"
                                            << "learning_rate";
    QTest::newRow("batch size 0") << R"({"batch_size": 0})"
                                  << "batch_size";
    QTest::newRow("epochs 0") << R"({"epochs": 0})"
                              << "epochs";
    QTest::newRow("seed above 2^31 - 1") << R"({"seed": 2147483648})"
                                         << "seed";
    QTest::newRow("seed negative") << R"({"seed": -1})"
                                   << "seed";
    QTest::newRow("too many frozen layers") << R"({"freeze_layers": 3})"
                                            << "freeze_layers";
    QTest::newRow("max length above positions") << R"({"max_length": 65})"
                                                << "max_length";
    QTest::newRow("labels the head lacks") << R"({"dataset": "spam"})"
                                           << "labels";
    QTest::newRow("split without rows") << R"({"split": 999})"
                                        << "split";
    QTest::newRow("unknown dataset") << R"({"dataset": "nope"})"
                                     << "dataset";
    QTest::newRow("unknown schedule") << R"({"schedule": "triangle"})"
                                      << "schedule";
    QTest::newRow("dropout out of range") << R"({"dropout": {"hidden": 1.5}})"
                                          << "dropout.hidden";
    QTest::newRow("warmup ratio") << R"({"warmup_ratio": 2})"
                                  << "warmup_ratio";
    QTest::newRow("class weights count") << R"({"class_weights": [1, 2]})"
                                         << "class_weights";
    QTest::newRow("device") << R"({"device": "tpu"})"
                            << "device";
    QTest::newRow("wrong type") << R"({"batch_size": "16"})"
                                << "batch_size";
    QTest::newRow("built-in with an empty tokenizer folder")
        << R"({"model": "builtin:bert-tiny", "tokenizer": "/nonexistent-vocabulary"})"
        << "tokenizer";
    QTest::newRow("unknown built-in") << R"({"model": "builtin:bert-huge", "tokenizer": "."})"
                                      << "model";
}

void TstTrainer::badConfig() {
    QFETCH(QString, patch);
    QFETCH(QString, key);
    json c = baseConfig();
    c.merge_patch(json::parse(patch.toStdString()));
    Project p = Project::open(m_project);
    const auto before = p.runs().size();
    try {
        ft::train::Trainer::createRun(p, ft::train::parseRunConfig(c));
        QFAIL("the config was accepted");
    } catch (const ft::Error& e) {
        const std::string m = e.what();
        QVERIFY2(m.find(key.toStdString() + ":") != std::string::npos, m.c_str());
    }
    QCOMPARE(p.runs().size(), before);  // nothing recorded
}

void TstTrainer::unknownKeySuggestion() {
    json c = baseConfig();
    c["learning_rat"] = 1e-4;
    try {
        ft::train::parseRunConfig(c);
        QFAIL("an unknown key was accepted");
    } catch (const ft::Error& e) {
        const std::string m = e.what();
        QVERIFY2(m.find("learning_rat: unknown key (did you mean 'learning_rate'?)") !=
                     std::string::npos,
                 m.c_str());
    }
    // The sample run config of the repository parses.
    const auto sample =
        ft::train::loadRunConfig(std::string(FT_SOURCE_DIR) + "/resources/samples/sample-run.json");
    QCOMPARE(sample.model, std::string("builtin:bert-mini"));
    QVERIFY(sample.tokenizer.empty());  // it builds its own vocabulary
}

void TstTrainer::builtinBuildsVocabulary() {
    // No tokenizer: each run builds runs/<id>/tokenizer from its train part. The same
    // seed and data give the same vocabulary and the same losses.
    std::vector<std::string> events;
    ft::train::TrainCallbacks cb;
    cb.onEvent = [&](ft::LogLevel, const std::string& m) { events.push_back(m); };
    const int64_t a = create(builtinConfig("words"));
    const int64_t b = create(builtinConfig("words"));
    const auto ra = ft::train::Trainer::run(m_project, a, cb);
    QCOMPARE(ra.status, ft::store::RunStatus::Completed);
    const auto built = std::find_if(events.begin(), events.end(), [](const std::string& m) {
        return m.rfind("built a WordPiece vocabulary of ", 0) == 0;
    });
    QVERIFY2(built != events.end(), "no vocabulary event");
    QVERIFY2(built->find(" tokens from 72 training rows in ") != std::string::npos, built->c_str());

    // Stopped after 5 steps and resumed: the vocabulary is built once and reused.
    int stepsSeen = 0;
    cb.onStep = [&](const ft::train::StepEvent&) { ++stepsSeen; };
    cb.shouldStop = [&] { return stepsSeen == 5; };
    events.clear();
    QCOMPARE(ft::train::Trainer::run(m_project, b, cb).status, ft::store::RunStatus::Stopped);
    QCOMPARE(
        std::count_if(events.begin(), events.end(),
                      [](const std::string& m) { return m.rfind("built a WordPiece", 0) == 0; }),
        1L);
    Project p = Project::open(m_project);
    const fs::path dirA = p.run(a)->checkpointDir, dirB = p.run(b)->checkpointDir;
    const auto vocabB = fs::last_write_time(dirB / "tokenizer/vocab.txt");
    events.clear();
    cb.shouldStop = nullptr;
    const auto rb = ft::train::Trainer::run(m_project, b, cb);
    QVERIFY(rb.resumed);
    QCOMPARE(rb.status, ft::store::RunStatus::Completed);
    for (const auto& m : events) QVERIFY2(m.rfind("built a WordPiece", 0) != 0, m.c_str());
    QVERIFY(fs::last_write_time(dirB / "tokenizer/vocab.txt") == vocabB);
    QCOMPARE(losses(p, a).size(), size_t(18));
    QCOMPARE(losses(p, b), losses(p, a));

    const std::string vocab = readAll(dirA / "tokenizer/vocab.txt");
    QCOMPARE(readAll(dirB / "tokenizer/vocab.txt"), vocab);
    const auto lines = static_cast<int64_t>(std::count(vocab.begin(), vocab.end(), '\n'));
    QVERIFY2(lines > 40 && lines < 200, qPrintable(QString::number(lines)));
    QVERIFY(vocab.rfind("[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n", 0) == 0);

    // The checkpoint is a complete Hugging Face folder: config.json's vocab_size is the
    // vocabulary's size, the tokenizer files are there, and it reopens with them.
    const fs::path best = ra.bestCheckpoint;
    for (const char* f : {"vocab.txt", "tokenizer_config.json", "special_tokens_map.json"})
        QCOMPARE(readAll(best / f), readAll(dirA / "tokenizer" / f));
    QCOMPARE(json::parse(readAll(best / "config.json")).at("vocab_size").get<int64_t>(), lines);
    const auto model = ft::models::Model::open(best.string(), {});
    QVERIFY(model.tokenizer() != nullptr);
    QCOMPARE(model.info().vocab, lines);
    QCOMPARE(static_cast<int64_t>(model.tokenizer()->vocabSize()), lines);
    QCOMPARE(model.info().tokenizerKind, std::string("WordPiece"));
    // 2 x 128 BERT: 30,522 rows of 128 would be 3.9M parameters more.
    const auto bertVocab = ft::models::Model::createBuiltin("bert-tiny", {"a", "b", "c"});
    QCOMPARE(bertVocab.info().parameters - model.info().parameters, (30522 - lines) * 128);
}

void TstTrainer::builtinNonAsciiCheckpointReopens() {
    json c = builtinConfig("accents");
    c["epochs"] = 1;
    const int64_t run = create(c);
    const auto r = ft::train::Trainer::run(m_project, run);
    QCOMPARE(r.status, ft::store::RunStatus::Completed);
    Project p = Project::open(m_project);
    const fs::path folder = fs::path(p.run(run)->checkpointDir) / "tokenizer";
    const std::string vocab = readAll(folder / "vocab.txt");
    for (const char* token : {"\ncafe\n", "\nnaive\n", "\n東\n", "\n京\n"})
        QVERIFY2(vocab.find(token) != std::string::npos, token);

    // The ids the run trained on (the token cache, keyed by the tokenizer files) are the
    // ids the reopened checkpoint's tokenizer produces, and none is [UNK].
    const auto model = ft::models::Model::open(r.lastCheckpoint);
    const auto* tk = model.tokenizer();
    QVERIFY(tk != nullptr);
    const int64_t ds = p.datasetByName("accents")->id;
    const auto labels = model.info().labels;
    const auto part =
        ft::train::TokenCache::load(p, ds, p.run(run)->splitId, ft::store::SplitPart::Train, *tk,
                                    folder.string(), 24, labels, 1);
    QVERIFY(part.fromCache);
    QCOMPARE(part.examples.size(), size_t(48));
    ft::text::EncodeOptions eo;
    eo.maxLength = 24;
    for (size_t i = 0; i < part.examples.size(); ++i) {
        const auto row = p.row(part.rowIds[i]);
        const auto ids = tk->encode(row->text, eo).ids;
        QCOMPARE(ids, part.examples[i].ids);
        QVERIFY2(std::find(ids.begin(), ids.end(), tk->unkId()) == ids.end(), row->text.c_str());
    }
    QCOMPARE(tk->encode("Café NAÏVE 東京", eo).tokens,
             (std::vector<std::string>{"[CLS]", "cafe", "naive", "東", "京", "[SEP]"}));
    const auto predictions = model.predict({"café crème", "東京 大阪"});
    QCOMPARE(predictions.size(), size_t(2));
    QCOMPARE(predictions[0].probabilities.size(), size_t(3));
}

QTEST_GUILESS_MAIN(TstTrainer)
#include "tst_trainer.moc"
