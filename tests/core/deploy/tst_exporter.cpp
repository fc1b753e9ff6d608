// The exporter on a real project: a generated dataset, cleaned and split, a short real
// training of the built-in bert-tiny, then exports checked file by file — hashes, config,
// weights bit for bit (f16 / bf16 rounding against values worked out by hand), verified
// re-prediction, the registry, and failures that must leave nothing behind.
#include <cmath>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

#include "data/cleaner.h"
#include "data/splitter.h"
#include "deploy/exporter.h"
#include "deploy/jsonlexport.h"
#include "deploy/modelcard.h"
#include "deploy/preprocessing.h"
#include "error.h"
#include "eval/evaluator.h"
#include "io/safetensors.h"
#include "models/model.h"
#include "store/project.h"
#include "store/sqlite.h"
#include "text/tokenizer.h"
#include "train/runconfig.h"
#include "train/trainer.h"
#include "util/sha256.h"

namespace fs = std::filesystem;
using ft::deploy::Exporter;
using ft::deploy::ExportOptions;
using ft::store::Project;
using nlohmann::json;

namespace {

const std::string kVocab = std::string(FT_SHARED_DIR) + "/data/vocab/bert-base-uncased";

// IEEE 754 binary32 -> binary16, round to nearest, ties to even, written from the
// definition (not torch's code) so the exporter's conversion is checked independently.
uint16_t halfBits(float f) {
    uint32_t x;
    std::memcpy(&x, &f, 4);
    const uint32_t sign = (x >> 16) & 0x8000u;
    const int exp = static_cast<int>((x >> 23) & 0xff);
    uint32_t mant = x & 0x7fffffu;
    if (exp == 0xff) return static_cast<uint16_t>(sign | 0x7c00u | (mant ? 0x200u : 0));
    const int e = exp - 127 + 15;  // rebiased exponent
    if (e >= 0x1f) return static_cast<uint16_t>(sign | 0x7c00u);
    uint32_t value;  // the half's bits above the 13 (or more) dropped ones
    int shift;
    if (e <= 0) {
        if (e < -10) return static_cast<uint16_t>(sign);  // below half the smallest subnormal
        mant |= 0x800000u;
        shift = 14 - e;
        value = mant >> shift;
    } else {
        shift = 13;
        value = (static_cast<uint32_t>(e) << 10) | (mant >> 13);
    }
    const uint32_t rest = mant & ((1u << shift) - 1);
    const uint32_t half = 1u << (shift - 1);
    if (rest > half || (rest == half && (value & 1u))) ++value;  // may carry into the exponent
    return static_cast<uint16_t>(sign | value);
}

uint16_t bfloatBits(float f) {
    uint32_t x;
    std::memcpy(&x, &f, 4);
    if ((x & 0x7fffffffu) > 0x7f800000u) return static_cast<uint16_t>((x >> 16) | 0x40u);
    const uint32_t rest = x & 0xffffu;
    uint32_t value = x >> 16;
    if (rest > 0x8000u || (rest == 0x8000u && (value & 1u))) ++value;
    return static_cast<uint16_t>(value);
}

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Short texts whose label follows from their words; some with HTML entities and capitals
// so that the cleaning pipeline (html, lowercase) changes them.
std::vector<std::pair<std::string, std::string>> makeRows(int n) {
    const std::vector<std::string> bad = {"bad", "awful", "sad", "poor", "ugly", "Terrible"};
    const std::vector<std::string> good = {"good", "great", "happy", "nice", "fine", "Lovely"};
    std::vector<std::pair<std::string, std::string>> rows;
    for (int i = 0; i < n; ++i) {
        const bool pos = i % 2 == 0;
        const auto& words = pos ? good : bad;
        std::string text = i % 7 == 0 ? "Really &amp; truly" : "It was";
        const int len = 2 + (i * 5) % 9;
        for (int w = 0; w < len; ++w) text += " " + words[static_cast<size_t>((i + w) % 6)];
        text += " #" + std::to_string(i);  // every text distinct: nothing dropped as duplicate
        rows.emplace_back(text, pos ? "pos" : "neg");
    }
    return rows;
}

std::vector<std::string> listDir(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

class TstExporter : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void halfRoundingByHand();
    void sanitizeName_data();
    void sanitizeName();
    void exportWritesEveryFile();
    void manifestMatchesFiles();
    void configAndTokenizer();
    void layoutMatchesHuggingFace();
    void exportPredictsAsCheckpoint();
    void verifiedAndRegistered();
    void modelCardWithoutEvaluation();
    void f16WeightsRoundToNearestEven();
    void bf16WeightsRoundToNearestEven();
    void registryVersionsCompareDelete();
    void existingTargetIsRefused();
    void unwritableTargetLeavesNothing();
    void fullDiskLeavesNothing();
    void fullAndReadOnlyFileSystems();
    void cancelLeavesNothing();
    void badArguments();
    void evaluatedExport();
    void jsonlExport();
    void weaknessesInWords();
    void everyFamilyExportsVerified_data();
    void everyFamilyExportsVerified();

private:
    QTemporaryDir m_tmp;
    std::string m_project;
    int64_t m_run = 0;
    ft::deploy::ExportResult m_first;
};

void TstExporter::initTestCase() {
    QVERIFY(m_tmp.isValid());
    m_project = m_tmp.filePath("project").toStdString();
    auto p = Project::create(m_project);
    const int64_t ds = p.createDataset("words");
    const auto rows = makeRows(120);
    const std::string sourcePath = m_tmp.filePath("words.tsv").toStdString();
    {
        std::ofstream out(sourcePath);
        for (const auto& [text, label] : rows) out << label << "\t" << text << "\n";
    }
    {
        ft::store::Transaction tx(p.handle());
        ft::store::SourceInfo src;
        src.datasetId = ds;
        src.path = sourcePath;
        src.size = static_cast<int64_t>(fs::file_size(sourcePath));
        src.sha256 = ft::util::sha256File(sourcePath);
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
    ft::data::applyCleaning(p, ds, ft::data::Pipeline::fromStepList("html,lowercase,empty"));
    ft::data::splitDataset(p, ds, ft::data::SplitOptions{});

    const json config = {{"name", "Words: tiny BERT!"},
                         {"model", "builtin:bert-tiny"},
                         {"tokenizer", kVocab},
                         {"max_steps", 8},
                         {"eval_steps", 4},
                         {"batch_size", 8},
                         {"max_length", 32},
                         {"learning_rate", 1e-3},
                         {"seed", 3},
                         // One thread: on a busy machine a second one mostly waits at
                         // barriers; the numbers are the same either way.
                         {"threads", 1}};
    m_run = ft::train::Trainer::createRun(p, ft::train::parseRunConfig(config));
    const auto trained = ft::train::Trainer::run(m_project, m_run);
    QCOMPARE(trained.status, ft::store::RunStatus::Completed);

    m_first = Exporter::exportRun(m_project, m_run);
}

void TstExporter::halfRoundingByHand() {
    // The reference conversion itself, on values worked out by hand.
    QCOMPARE(halfBits(1.0f), uint16_t(0x3c00));
    QCOMPARE(halfBits(-2.0f), uint16_t(0xc000));
    QCOMPARE(halfBits(0.1f), uint16_t(0x2e66));                        // 0.0999755859375
    QCOMPARE(halfBits(1.0f + 0x1p-11f), uint16_t(0x3c00));             // tie -> even (down)
    QCOMPARE(halfBits(1.0f + 3 * 0x1p-11f), uint16_t(0x3c02));         // tie -> even (up)
    QCOMPARE(halfBits(1.0f + 0x1p-11f + 0x1p-20f), uint16_t(0x3c01));  // above the tie
    QCOMPARE(halfBits(65504.0f), uint16_t(0x7bff));                    // largest half
    QCOMPARE(halfBits(65520.0f), uint16_t(0x7c00));                    // tie above it -> inf
    QCOMPARE(halfBits(0x1p-24f), uint16_t(0x0001));                    // smallest subnormal
    QCOMPARE(halfBits(0x1p-25f), uint16_t(0x0000));                    // its half: tie -> even 0
    QCOMPARE(halfBits(0x1p-25f + 0x1p-40f), uint16_t(0x0001));
    QCOMPARE(halfBits(3 * 0x1p-25f), uint16_t(0x0002));  // 1.5 ulp: tie -> even
    QCOMPARE(bfloatBits(1.0f), uint16_t(0x3f80));
    QCOMPARE(bfloatBits(1.0f + 0x1p-8f), uint16_t(0x3f80));      // tie -> even (down)
    QCOMPARE(bfloatBits(1.0f + 3 * 0x1p-8f), uint16_t(0x3f82));  // tie -> even (up)
    QCOMPARE(bfloatBits(-0.1f), uint16_t(0xbdcd));               // 0xbdcccccd rounds up
}

void TstExporter::sanitizeName_data() {
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("plain") << "spam-bert_2.0"
                           << "spam-bert_2.0";
    QTest::newRow("spaces") << "Words: tiny BERT!"
                            << "Words-tiny-BERT";
    QTest::newRow("dots") << "../../etc"
                          << "etc";
    QTest::newRow("unicode") << "Modèle été"
                             << "Mod-le-t";
    QTest::newRow("nothing") << "!!!"
                             << "";
}

void TstExporter::sanitizeName() {
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(QString::fromStdString(Exporter::sanitizeName(in.toStdString())), out);
}

void TstExporter::exportWritesEveryFile() {
    const fs::path folder(m_first.folder);
    QCOMPARE(folder, fs::path(m_project) / "exports" / "Words-tiny-BERT-v1");
    QCOMPARE(m_first.name, std::string("Words-tiny-BERT"));
    QCOMPARE(m_first.version, int64_t(1));
    for (const char* f :
         {"config.json", "model.safetensors", "vocab.txt", "tokenizer_config.json",
          "preprocessing.json", "README.md", "manifest.json", "Dockerfile", "k8s.yaml"})
        QVERIFY2(fs::is_regular_file(folder / f), f);
    // Nothing of the checkpoint's training state, and no temporary folder beside it.
    QVERIFY(!fs::exists(folder / "trainer_state.json"));
    QVERIFY(!fs::exists(folder / "optimizer.safetensors"));
    for (const auto& name : listDir(folder.parent_path())) QVERIFY2(name[0] != '.', name.c_str());

    const std::string docker = readFile(folder / "Dockerfile");
    QVERIFY(docker.find("COPY . /model") != std::string::npos);
    QVERIFY(docker.find("\"serve\", \"--model\", \"/model\", \"--host\", \"0.0.0.0\", \"--port\", "
                        "\"8080\"") != std::string::npos);
    const std::string k8s = readFile(folder / "k8s.yaml");
    QVERIFY(k8s.find("kind: Deployment") != std::string::npos);
    QVERIFY(k8s.find("kind: Service") != std::string::npos);
    QVERIFY(k8s.find("path: /healthz") != std::string::npos);
    QVERIFY(k8s.find("name: words-tiny-bert-v1") != std::string::npos);

    const auto pre = ft::deploy::loadPreprocessing(folder.string());
    QVERIFY(pre.cleaning.has_value());
    const auto p = Project::open(m_project);
    QCOMPARE(pre.cleaning->toJson(), p.latestCleaning(p.defaultDataset().id)->pipelineJson);
    QCOMPARE(pre.apply("Really &amp; GOOD"), std::string("really & good"));
}

void TstExporter::manifestMatchesFiles() {
    const fs::path folder(m_first.folder);
    const json m = json::parse(readFile(folder / "manifest.json"));
    QCOMPARE(m["software"]["finetune_studio"].get<std::string>(), std::string(FT_VERSION));
    QVERIFY(!m["software"]["libtorch"].get<std::string>().empty());
    QCOMPARE(m["run"]["id"].get<int64_t>(), m_run);
    QCOMPARE(m["run"]["config"]["max_length"].get<int64_t>(), int64_t(32));
    const auto p = Project::open(m_project);
    const auto sources = p.sources(p.defaultDataset().id);
    QCOMPARE(m["dataset"]["sha256"].get<std::string>(), ft::util::sha256File(sources[0].path));
    std::set<std::string> listed;
    for (const auto& f : m["files"]) {
        const std::string rel = f["path"].get<std::string>();
        listed.insert(rel);
        QCOMPARE(f["size"].get<uint64_t>(), static_cast<uint64_t>(fs::file_size(folder / rel)));
        QCOMPARE(f["sha256"].get<std::string>(), ft::util::sha256File((folder / rel).string()));
    }
    for (const auto& name : listDir(folder))
        if (name != "manifest.json") QVERIFY2(listed.count(name) == 1, name.c_str());
    QCOMPARE(listed.size(), listDir(folder).size() - 1);
    QCOMPARE(m["verification"]["passed"].get<bool>(), true);
}

void TstExporter::configAndTokenizer() {
    const fs::path folder(m_first.folder);
    const json c = json::parse(readFile(folder / "config.json"));
    QCOMPARE(c["architectures"], json::array({"BertForSequenceClassification"}));
    // The dataset's label order (first appearance: "pos" on row 0).
    const auto p = Project::open(m_project);
    QCOMPARE(p.labels(p.defaultDataset().id), (std::vector<std::string>{"pos", "neg"}));
    QCOMPARE(c["id2label"], (json{{"0", "pos"}, {"1", "neg"}}));
    QCOMPARE(c["label2id"], (json{{"pos", 0}, {"neg", 1}}));
    QCOMPARE(c["num_labels"].get<int>(), 2);
    QCOMPARE(c["torch_dtype"].get<std::string>(), std::string("float32"));
    QCOMPARE(c["model_type"].get<std::string>(), std::string("bert"));
    const json t = json::parse(readFile(folder / "tokenizer_config.json"));
    QCOMPARE(t["model_max_length"].get<int>(), 32);
    QCOMPARE(t["do_lower_case"].get<bool>(), true);
    QCOMPARE(t["tokenizer_class"].get<std::string>(), std::string("BertTokenizer"));
    QCOMPARE(readFile(folder / "vocab.txt"), readFile(fs::path(kVocab) / "vocab.txt"));
    const auto model = ft::models::Model::open(folder.string());
    QCOMPARE(model.tokenizer()->modelMaxLength(), size_t(32));
}

// A folder saved by transformers' save_pretrained (a BERT classifier of another size):
// the export must use the same tensor names and carry every config field it wrote.
void TstExporter::layoutMatchesHuggingFace() {
    const fs::path hf = fs::path(FT_SHARED_DIR) / "fixtures/hf/models/bert-tiny";
    ft::io::SafetensorsFile reference((hf / "model.safetensors").string());
    ft::io::SafetensorsFile exported((fs::path(m_first.folder) / "model.safetensors").string());
    std::set<std::string> want, got;
    for (const auto& e : reference.entries()) want.insert(e.name);
    for (const auto& e : exported.entries()) got.insert(e.name);
    QCOMPARE(got, want);
    QCOMPARE(exported.metadata(), reference.metadata());
    const json hfConfig = json::parse(readFile(hf / "config.json"));
    const json config = json::parse(readFile(fs::path(m_first.folder) / "config.json"));
    // Every field of the architecture and the labels; PretrainedConfig's generic defaults
    // (use_cache, is_decoder, ...) may be left out, transformers fills them in.
    for (const char* key : {"architectures",
                            "model_type",
                            "vocab_size",
                            "hidden_size",
                            "num_hidden_layers",
                            "num_attention_heads",
                            "intermediate_size",
                            "hidden_act",
                            "hidden_dropout_prob",
                            "attention_probs_dropout_prob",
                            "max_position_embeddings",
                            "type_vocab_size",
                            "layer_norm_eps",
                            "initializer_range",
                            "pad_token_id",
                            "classifier_dropout",
                            "id2label",
                            "label2id",
                            "dtype",
                            "tie_word_embeddings"}) {
        QVERIFY2(hfConfig.contains(key), key);
        QVERIFY2(config.contains(key), key);
        QCOMPARE(config[key].type(), hfConfig[key].type());
    }
}

void TstExporter::exportPredictsAsCheckpoint() {
    const auto p = Project::open(m_project);
    const auto checkpoint = ft::models::Model::open(m_first.checkpointPath);
    const auto exported = ft::models::Model::open(m_first.folder);
    QVERIFY(exported.report().newWeights.empty());
    QVERIFY(exported.report().unexpectedKeys.empty());
    // Every cleaned text (all shorter than max_length, so the checkpoint, which does not
    // know max_length, cuts none of them either).
    std::vector<std::string> texts;
    for (const auto& r : p.rows(p.defaultDataset().id, {}, 0, 1000)) texts.push_back(*r.cleanText);
    const auto a = checkpoint.predict(texts, 16);
    const auto b = exported.predict(texts, 16);
    QCOMPARE(a.size(), texts.size());
    int differ = 0;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].label != b[i].label || a[i].probabilities != b[i].probabilities) ++differ;
    QCOMPARE(differ, 0);
    // Not a constant model: the weights do depend on the text.
    QVERIFY(a.front().probabilities != a.back().probabilities);
}

void TstExporter::verifiedAndRegistered() {
    const auto& v = m_first.verification;
    QVERIFY(v.performed);
    QVERIFY2(v.passed, v.message.c_str());
    QCOMPARE(v.reference, std::string("checkpoint"));
    QCOMPARE(v.part, std::string("test"));
    const auto p = Project::open(m_project);
    ft::store::RowFilter f;
    f.part = ft::store::SplitPart::Test;
    f.includeDropped = false;
    QCOMPARE(v.rows, p.rowCount(p.defaultDataset().id, f));
    QCOMPARE(v.identicalRows, v.rows);
    QCOMPARE(v.maxProbabilityDifference, 0.0);
    const auto info = p.exportInfo(m_first.exportId);
    QVERIFY(info.has_value());
    QVERIFY(info->verified);
    QCOMPARE(info->path, m_first.folder);
    QCOMPARE(info->runId, m_run);
    QCOMPARE(info->dtype, std::string("f32"));
    QCOMPARE(info->checkpoint, std::string("best"));
    QCOMPARE(info->datasetSha256,
             json::parse(info->manifestJson)["dataset"]["sha256"].get<std::string>());
    QCOMPARE(info->manifestJson, readFile(fs::path(m_first.folder) / "manifest.json"));
}

void TstExporter::modelCardWithoutEvaluation() {
    const std::string card = readFile(fs::path(m_first.folder) / "README.md");
    QVERIFY(card.find("This model was not evaluated") != std::string::npos);
    QVERIFY(card.find("## Intended use") != std::string::npos);
    const auto p = Project::open(m_project);
    const auto src = p.sources(p.defaultDataset().id).front();
    QVERIFY(card.find(src.sha256) != std::string::npos);
    QVERIFY(card.find("| learning_rate | 0.001 |") != std::string::npos);
    QVERIFY(card.find("Cleaning steps: html, lowercase, empty") != std::string::npos);
    QVERIFY(card.find("identical") != std::string::npos);
    // Split sizes, per label.
    ft::store::RowFilter f;
    f.part = ft::store::SplitPart::Train;
    f.includeDropped = false;
    f.label = "pos";
    const std::string trainPos = std::to_string(p.rowCount(p.defaultDataset().id, f));
    f.label.reset();
    const std::string train = std::to_string(p.rowCount(p.defaultDataset().id, f));
    QVERIFY(card.find("| train | " + train + " |") != std::string::npos);
    QVERIFY(card.find(trainPos + " |") != std::string::npos);
    QVERIFY(!m_first.evaluationId);
    QVERIFY(!m_first.warnings.empty());
    QVERIFY(m_first.warnings.front().find("not evaluated") != std::string::npos);
}

void TstExporter::f16WeightsRoundToNearestEven() {
    ExportOptions o;
    o.dtype = ft::deploy::ExportDtype::F16;
    o.name = "half";
    const auto r = Exporter::exportRun(m_project, m_run, o);
    const fs::path folder(r.folder);
    QCOMPARE(json::parse(readFile(folder / "config.json"))["torch_dtype"].get<std::string>(),
             std::string("float16"));
    ft::io::SafetensorsFile src((fs::path(r.checkpointPath) / "model.safetensors").string());
    ft::io::SafetensorsFile dst((folder / "model.safetensors").string());
    QCOMPARE(dst.entries().size(), src.entries().size());
    int64_t values = 0, inexact = 0;
    for (const auto& e : src.entries()) {
        const auto* d = dst.find(e.name);
        QVERIFY2(d, e.name.c_str());
        QCOMPARE(d->shape, e.shape);
        if (e.dtype != ft::io::Dtype::F32) {
            QCOMPARE(d->dtype, e.dtype);  // integer buffers stay as they are
            continue;
        }
        QCOMPARE(d->dtype, ft::io::Dtype::F16);
        const uint8_t* s = src.data(e);
        const uint8_t* h = dst.data(*d);
        for (int64_t i = 0; i < e.numel(); ++i) {
            float f;
            uint16_t bits;
            std::memcpy(&f, s + 4 * i, 4);
            std::memcpy(&bits, h + 2 * i, 2);
            if (bits != halfBits(f))
                QFAIL(qPrintable(QString("%1[%2]: %3 -> 0x%4, expected 0x%5")
                                     .arg(QString::fromStdString(e.name))
                                     .arg(i)
                                     .arg(double(f), 0, 'g', 9)
                                     .arg(bits, 4, 16, QChar('0'))
                                     .arg(halfBits(f), 4, 16, QChar('0'))));
            ++values;
            uint32_t fb;
            std::memcpy(&fb, &f, 4);
            if (fb & 0x1fffu) ++inexact;
        }
    }
    QVERIFY(values > 4000000);      // bert-tiny: 4.4 M parameters
    QVERIFY(inexact > values / 2);  // trained weights really needed rounding
    // Verification compares labels, reporting how far the probabilities moved.
    const auto& v = r.verification;
    QVERIFY(v.performed);
    QVERIFY(v.rows > 0);
    QCOMPARE(v.agreement, double(v.sameLabel) / double(v.rows));
    QCOMPARE(v.passed, v.sameLabel == v.rows);
    QVERIFY(v.maxProbabilityDifference > 0);
    QVERIFY(v.maxProbabilityDifference < 0.05);
    QVERIFY(v.message.find("agreement") != std::string::npos);
    const auto p = Project::open(m_project);
    QCOMPARE(p.exportInfo(r.exportId)->verified, v.passed);
    QCOMPARE(p.exportInfo(r.exportId)->dtype, std::string("f16"));
    QVERIFY(r.totalBytes < m_first.totalBytes);
}

void TstExporter::bf16WeightsRoundToNearestEven() {
    ExportOptions o;
    o.dtype = ft::deploy::ExportDtype::BF16;
    o.name = "brain";
    o.checkpoint = "last";
    const auto r = Exporter::exportRun(m_project, m_run, o);
    QCOMPARE(r.checkpoint, std::string("last"));
    ft::io::SafetensorsFile src((fs::path(r.checkpointPath) / "model.safetensors").string());
    ft::io::SafetensorsFile dst((fs::path(r.folder) / "model.safetensors").string());
    QVERIFY(r.checkpointPath.find("last") != std::string::npos);
    for (const auto& e : src.entries()) {
        if (e.dtype != ft::io::Dtype::F32) continue;
        const auto* d = dst.find(e.name);
        QCOMPARE(d->dtype, ft::io::Dtype::BF16);
        for (int64_t i = 0; i < e.numel(); ++i) {
            float f;
            uint16_t bits;
            std::memcpy(&f, src.data(e) + 4 * i, 4);
            std::memcpy(&bits, dst.data(*d) + 2 * i, 2);
            if (bits != bfloatBits(f)) QFAIL(qPrintable(QString::fromStdString(e.name)));
        }
    }
    QCOMPARE(json::parse(readFile(fs::path(r.folder) / "config.json"))["torch_dtype"],
             json("bfloat16"));
    QVERIFY(r.verification.performed);
}

void TstExporter::registryVersionsCompareDelete() {
    const auto second = Exporter::exportRun(m_project, m_run);
    QCOMPARE(second.version, int64_t(2));
    QCOMPARE(fs::path(second.folder).filename().string(), std::string("Words-tiny-BERT-v2"));
    // The same weights give the same bytes: the folders differ only where they must.
    QCOMPARE(ft::util::sha256File(second.folder + "/model.safetensors"),
             ft::util::sha256File(m_first.folder + "/model.safetensors"));
    std::vector<int64_t> versions;
    for (const auto& e : Exporter::list(m_project))
        if (e.name == "Words-tiny-BERT") versions.push_back(e.version);
    QCOMPARE(versions, (std::vector<int64_t>{1, 2}));

    const auto c = Exporter::compare(m_project, {m_first.exportId, second.exportId});
    QCOMPARE(c.exports.size(), size_t(2));
    QCOMPARE(c.exports[1].version, int64_t(2));
    QVERIFY(c.configDifferences.empty());  // same run
    const json cj = c.toJson();
    QCOMPARE(cj["exports"][0]["id"].get<int64_t>(), m_first.exportId);

    Exporter::remove(m_project, second.exportId);
    QVERIFY(!fs::exists(second.folder));
    QVERIFY(!Project::open(m_project).exportInfo(second.exportId));
    QVERIFY_THROWS_EXCEPTION(ft::Error, Exporter::remove(m_project, second.exportId));
    // A deleted version's number is retired, also when it was the newest: the next export
    // is v3 in its own folder, so a copy of the old v2 elsewhere can never be mistaken
    // for a different model of the same name and version.
    const auto third = Exporter::exportRun(m_project, m_run);
    QCOMPARE(third.version, int64_t(3));
    QCOMPARE(fs::path(third.folder).filename().string(), std::string("Words-tiny-BERT-v3"));
    QVERIFY(!fs::exists(second.folder));
    Exporter::remove(m_project, third.exportId);
}

void TstExporter::existingTargetIsRefused() {
    const fs::path target = fs::path(m_tmp.path().toStdString()) / "taken";
    fs::create_directories(target);
    { std::ofstream(target / "keep.txt") << "mine"; }
    const size_t before = Exporter::list(m_project).size();
    ExportOptions o;
    o.outDir = target.string();
    try {
        Exporter::exportRun(m_project, m_run, o);
        QFAIL("exported over an existing folder");
    } catch (const ft::Error& e) {
        QCOMPARE(e.code(), ft::ErrorCode::InvalidArgument);
        QVERIFY2(
            std::string(e.what()).find(target.string() + ": already exists") != std::string::npos,
            e.what());
    }
    QCOMPARE(listDir(target), std::vector<std::string>{"keep.txt"});
    QCOMPARE(readFile(target / "keep.txt"), std::string("mine"));
    QCOMPARE(Exporter::list(m_project).size(), before);
    // The default target taken by a folder the registry does not know: refused as well.
    const fs::path v =
        fs::path(m_project) / "exports" /
        ("Words-tiny-BERT-v" +
         std::to_string(Project::open(m_project).nextExportVersion("Words-tiny-BERT")));
    fs::create_directories(v);
    QVERIFY_THROWS_EXCEPTION(ft::Error, Exporter::exportRun(m_project, m_run));
    QVERIFY(fs::is_empty(v));
    fs::remove(v);
}

void TstExporter::unwritableTargetLeavesNothing() {
    const fs::path locked = fs::path(m_tmp.path().toStdString()) / "locked";
    fs::create_directories(locked);
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                fs::perms::group_exec | fs::perms::others_read |
                                fs::perms::others_exec);
    auto restore = qScopeGuard([&] { fs::permissions(locked, fs::perms::owner_all); });
    // Root (CI containers) writes through 0555: then the case cannot be made this way.
    const fs::path probe = locked / "probe";
    if (std::ofstream(probe).good()) {
        fs::remove(probe);
        QSKIP("running with privileges that ignore a 0555 folder (root): cannot make it read-only");
    }
    const size_t before = Exporter::list(m_project).size();
    ExportOptions o;
    o.outDir = (locked / "model").string();
    try {
        Exporter::exportRun(m_project, m_run, o);
        QFAIL("exported into a read-only folder");
    } catch (const ft::Error& e) {
        QCOMPARE(e.code(), ft::ErrorCode::Io);
        QVERIFY2(std::string(e.what()).find(locked.string()) != std::string::npos, e.what());
        QVERIFY2(std::string(e.what()).find("Permission denied") != std::string::npos, e.what());
    }
    QVERIFY(fs::is_empty(locked));
    QCOMPARE(Exporter::list(m_project).size(), before);
}

void TstExporter::fullDiskLeavesNothing() {
    // A full disk, simulated by a file size limit: write() then fails with EFBIG as it
    // would with ENOSPC on a full one (both go through the same error path), and root is
    // bound by it too. SIGXFSZ would kill the process first: ignore it meanwhile.
    const fs::path parent = fs::path(m_tmp.path().toStdString()) / "small";
    fs::create_directories(parent);
    const size_t before = Exporter::list(m_project).size();
    rlimit old{};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
    auto* oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = old;
    small.rlim_cur = 1 << 20;  // 1 MiB: the weights (17 MB) do not fit
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
    std::string message;
    try {
        ExportOptions o;
        o.outDir = (parent / "model").string();
        Exporter::exportRun(m_project, m_run, o);
    } catch (const ft::Error& e) {
        message = e.what();
        QCOMPARE(e.code(), ft::ErrorCode::Io);
    }
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, oldHandler);
    QVERIFY2(!message.empty(), "the export did not fail");
    QVERIFY2(message.find("model.safetensors") != std::string::npos, message.c_str());
    QVERIFY(fs::is_empty(parent));
    QCOMPARE(Exporter::list(m_project).size(), before);
}

// A real full disk and a real read-only file system: a 2 MB tmpfs (the weights alone are
// 17 MB), then the same remounted read-only. Needs the right to mount (root in a container
// with CAP_SYS_ADMIN, as CI runs); skipped, naming why, without it.
void TstExporter::fullAndReadOnlyFileSystems() {
    const fs::path mnt = fs::path(m_tmp.path().toStdString()) / "tmpfs";
    fs::create_directories(mnt);
    if (::mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=2m") != 0)
        QSKIP(qPrintable(QString("cannot mount a small tmpfs to fill (%1): needs CAP_SYS_ADMIN")
                             .arg(QString::fromLocal8Bit(std::strerror(errno)))));
    auto unmount = qScopeGuard([&] { ::umount2(mnt.c_str(), MNT_DETACH); });
    const size_t before = Exporter::list(m_project).size();
    ExportOptions o;
    o.outDir = (mnt / "model").string();
    std::string message;
    try {
        Exporter::exportRun(m_project, m_run, o);
    } catch (const ft::Error& e) {
        QCOMPARE(e.code(), ft::ErrorCode::Io);
        message = e.what();
    }
    QVERIFY2(message.find(o.outDir + ": the export failed and nothing was written") == 0,
             message.c_str());
    QVERIFY2(message.find("model.safetensors") != std::string::npos, message.c_str());
    QVERIFY(fs::is_empty(mnt));
    QCOMPARE(Exporter::list(m_project).size(), before);

    QCOMPARE(::mount("tmpfs", mnt.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, "size=2m"), 0);
    message.clear();
    try {
        Exporter::exportRun(m_project, m_run, o);
    } catch (const ft::Error& e) {
        QCOMPARE(e.code(), ft::ErrorCode::Io);
        message = e.what();
    }
    QVERIFY2(
        message.find(mnt.string() + ": cannot write the export there (Read-only file system)") !=
            std::string::npos,
        message.c_str());
    QVERIFY(fs::is_empty(mnt));
    QCOMPARE(Exporter::list(m_project).size(), before);
}

void TstExporter::cancelLeavesNothing() {
    const fs::path parent = fs::path(m_tmp.path().toStdString()) / "cancelled";
    fs::create_directories(parent);
    ft::Progress progress;
    double seen = 0;
    progress.onProgress = [&](double f, const std::string&) { seen = std::max(seen, f); };
    progress.shouldStop = [&] { return seen >= 0.35; };  // once verification starts
    ExportOptions o;
    o.outDir = (parent / "model").string();
    try {
        Exporter::exportRun(m_project, m_run, o, progress);
        QFAIL("not cancelled");
    } catch (const ft::Error& e) {
        QCOMPARE(e.code(), ft::ErrorCode::Cancelled);
    }
    QVERIFY(fs::is_empty(parent));
}

void TstExporter::badArguments() {
    ExportOptions o;
    o.checkpoint = "middle";
    QVERIFY_THROWS_EXCEPTION(ft::Error, Exporter::exportRun(m_project, m_run, o));
    o = {};
    o.name = "///";
    QVERIFY_THROWS_EXCEPTION(ft::Error, Exporter::exportRun(m_project, m_run, o));
    try {
        Exporter::exportRun(m_project, 999);
        QFAIL("no such run");
    } catch (const ft::Error& e) {
        QCOMPARE(e.code(), ft::ErrorCode::NotFound);
        QVERIFY(std::string(e.what()).find("no run 999") != std::string::npos);
    }
    QVERIFY_THROWS_EXCEPTION(ft::Error, Exporter::compare(m_project, {m_first.exportId}));
    QVERIFY_THROWS_EXCEPTION(ft::Error, Exporter::compare(m_project, {m_first.exportId, 12345}));
    QCOMPARE(Exporter::plannedFolder(m_project, m_run),
             (fs::path(m_project) / "exports" /
              ("Words-tiny-BERT-v" +
               std::to_string(Project::open(m_project).nextExportVersion("Words-tiny-BERT"))))
                 .string());
}

void TstExporter::evaluatedExport() {
    ft::eval::EvalOptions eo;
    eo.bootstrapResamples = 200;
    const auto ev = ft::eval::Evaluator::run(m_project, m_run, eo);
    ExportOptions o;
    o.name = "evaluated";
    // The renderer is the GUI's or CLI's (ft::plots); one that fails must not sink the
    // export, and the card must say why it has no images.
    int calls = 0;
    ft::deploy::PlotRenderer failing = [&](const ft::store::EvaluationInfo& e,
                                           const std::string& dir) -> std::vector<std::string> {
        ++calls;
        if (e.id != ev.info.id || !fs::is_directory(dir)) return {};
        throw ft::Error(ft::ErrorCode::Io, dir + "/roc.png: cannot be written");
    };
    const auto r = Exporter::exportRun(m_project, m_run, o, {}, failing);
    QCOMPARE(calls, 1);
    QVERIFY(!r.plotsRendered);
    QCOMPARE(r.evaluationId, std::optional<int64_t>(ev.info.id));
    const auto& v = r.verification;
    QCOMPARE(v.reference, "evaluation " + std::to_string(ev.info.id));
    QCOMPARE(v.rows, static_cast<int64_t>(ev.predictions.size()));
    // The folder answers exactly as the evaluation did: every probability, bit for bit.
    QVERIFY2(v.passed, v.message.c_str());
    QCOMPARE(v.identicalRows, v.rows);

    const auto info = Project::open(m_project).exportInfo(r.exportId);
    QVERIFY(info->verified);
    QCOMPARE(info->evaluationId, std::optional<int64_t>(ev.info.id));
    const json metrics = json::parse(info->metricsJson);
    QCOMPARE(metrics["accuracy"].get<double>(), ev.report.accuracy);
    QCOMPARE(metrics["f1_macro"].get<double>(), ev.report.scores.f1Macro);
    QCOMPARE(metrics["accuracy_lower"].get<double>(), ev.report.accuracyInterval->lower);
    QCOMPARE(metrics["accuracy_upper"].get<double>(), ev.report.accuracyInterval->upper);
    QCOMPARE(
        json::parse(readFile(fs::path(r.folder) / "manifest.json"))["evaluation"].get<int64_t>(),
        ev.info.id);

    const std::string card = readFile(fs::path(r.folder) / "README.md");
    const std::string acc = QString::number(100 * ev.report.accuracy, 'f', 1).toStdString() + " %";
    QVERIFY2(card.find("| Accuracy | " + acc + " | ") != std::string::npos, card.c_str());
    QVERIFY(card.find("95 % interval") != std::string::npos);
    QVERIFY(card.find("## Baselines") != std::string::npos);
    QVERIFY(card.find("| majority |") != std::string::npos);
    QVERIFY(card.find("McNemar") != std::string::npos);
    QVERIFY(card.find("## Known weaknesses") != std::string::npos);
    QVERIFY(card.find("is recognised least often") != std::string::npos);
    QVERIFY(card.find("Confusion matrix (rows: true label") != std::string::npos);
    QVERIFY(card.find("drawing them failed") != std::string::npos);
    QVERIFY(card.find("not evaluated") == std::string::npos);
    QVERIFY(card.find("identical to the evaluation " + std::to_string(ev.info.id)) !=
            std::string::npos);
}

void TstExporter::jsonlExport() {
    const auto p = Project::open(m_project);
    const int64_t ds = p.defaultDataset().id;
    for (auto part : {ft::store::SplitPart::Train, ft::store::SplitPart::Test}) {
        const std::string path =
            m_tmp.filePath(QString("part-%1.jsonl").arg(int(part))).toStdString();
        ft::deploy::JsonlExportOptions o;
        o.part = part;
        o.system = "Label the review as pos or neg.";
        const auto r = ft::deploy::exportOpenAiJsonl(p, path, o);
        ft::store::RowFilter f;
        f.part = part;
        f.includeDropped = false;
        f.labelled = ft::store::RowFilter::Labelled::Labelled;
        const auto rows = p.rows(ds, f, 0, 1000);
        QCOMPARE(r.lines, static_cast<int64_t>(rows.size()));
        std::ifstream in(path);
        std::string line;
        size_t n = 0;
        while (std::getline(in, line)) {
            const json j = json::parse(line);
            const auto& m = j["messages"];
            QCOMPARE(m.size(), size_t(3));
            QCOMPARE(m[0]["role"], json("system"));
            QCOMPARE(m[0]["content"], json(o.system));
            QCOMPARE(m[1]["role"], json("user"));
            QCOMPARE(m[1]["content"].get<std::string>(), *rows[n].cleanText);
            QCOMPARE(m[2]["role"], json("assistant"));
            QCOMPARE(m[2]["content"].get<std::string>(), *rows[n].label);
            ++n;
        }
        QCOMPARE(n, rows.size());
    }
    // Every part, raw text, no system message.
    const std::string all = m_tmp.filePath("all.jsonl").toStdString();
    ft::deploy::JsonlExportOptions o;
    o.rawText = true;
    const auto r = ft::deploy::exportOpenAiJsonl(p, all, o);
    QCOMPARE(r.lines, int64_t(120));
    std::ifstream in(all);
    std::string first;
    std::getline(in, first);
    const json j = json::parse(first);
    QCOMPARE(j["messages"].size(), size_t(2));
    QCOMPARE(j["messages"][0]["content"].get<std::string>(), makeRows(1)[0].first);
}

void TstExporter::weaknessesInWords() {
    const std::string sensitivity = R"({
        "by_length": [{"name": "1-6 words", "rows": 40, "accuracy": 0.8, "macro_f1": 0.7},
                      {"name": "7-12 words", "rows": 50, "accuracy": 0.96, "macro_f1": 0.95},
                      {"name": "13+ words", "rows": 0, "accuracy": 0.0, "macro_f1": 0.0}],
        "by_class": [{"name": "ham", "rows": 80, "accuracy": 0.99, "macro_f1": 0.99},
                     {"name": "spam", "rows": 10, "accuracy": 0.7, "macro_f1": 0.8}],
        "perturbations": [{"name": "lowercased", "accuracy": 0.9, "accuracy_delta": -0.01,
                           "macro_f1": 0.9, "macro_f1_delta": -0.01, "changed_predictions": 1},
                          {"name": "typos", "accuracy": 0.8, "accuracy_delta": -0.115,
                           "macro_f1": 0.8, "macro_f1_delta": -0.1, "changed_predictions": 9}]})";
    const auto w = ft::deploy::knownWeaknesses(sensitivity, 0.915);
    QCOMPARE(w.size(), size_t(3));
    QVERIFY2(w[0] ==
                 "Texts of 1-6 words are its weakest length: accuracy 80.0 % (overall "
                 "91.5 %) on 40 rows.",
             w[0].c_str());
    QVERIFY2(w[1].find("\"spam\"") != std::string::npos && w[1].find("70.0 %") != std::string::npos,
             w[1].c_str());
    QVERIFY2(
        w[2].find("typos") != std::string::npos && w[2].find("11.5 points") != std::string::npos,
        w[2].c_str());
    QVERIFY(ft::deploy::knownWeaknesses("not json", 0.9).empty());
}

void TstExporter::everyFamilyExportsVerified_data() {
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("modelType");
    QTest::addColumn<QString>("tokenizerFile");
    for (const auto& [name, type, file] :
         std::initializer_list<std::tuple<const char*, const char*, const char*>>{
             {"distilbert-tiny", "distilbert", "vocab.txt"},
             {"roberta-tiny", "roberta", "merges.txt"},
             {"gpt2-tiny", "gpt2", "merges.txt"},
             {"xlnet-tiny", "xlnet", "spiece.model"}})
        QTest::newRow(name) << QString::fromLatin1(name) << QString::fromLatin1(type)
                            << QString::fromLatin1(file);
}

// Each family from a real Hugging Face folder: a few steps with a new head, evaluated,
// exported; the folder reloads through our loader and answers bit for bit as the
// evaluation did, and keeps the family's tokenizer files and config.
void TstExporter::everyFamilyExportsVerified() {
    QFETCH(QString, folder);
    QFETCH(QString, modelType);
    QFETCH(QString, tokenizerFile);
    const std::string source =
        std::string(FT_SHARED_DIR) + "/fixtures/hf/models/" + folder.toStdString();
    int64_t run = 0;
    {
        auto p = Project::open(m_project);
        const json config = {{"name", folder.toStdString()},
                             {"model", source},
                             {"new_head", true},
                             {"max_steps", 3},
                             {"eval_steps", 3},
                             {"batch_size", 8},
                             {"max_length", 24},
                             {"learning_rate", 1e-3},
                             {"seed", 5},
                             {"threads", 1}};
        run = ft::train::Trainer::createRun(p, ft::train::parseRunConfig(config));
    }
    QCOMPARE(ft::train::Trainer::run(m_project, run).status, ft::store::RunStatus::Completed);
    ft::eval::EvalOptions eo;
    eo.baselines = false;
    eo.sensitivity = false;
    eo.bootstrapResamples = 50;
    eo.threads = 1;
    const auto ev = ft::eval::Evaluator::run(m_project, run, eo);
    ExportOptions o;
    o.name = folder.toStdString() + "-words";
    const auto r = Exporter::exportRun(m_project, run, o);
    QVERIFY2(r.verification.passed, r.verification.message.c_str());
    QCOMPARE(r.verification.identicalRows, static_cast<int64_t>(ev.predictions.size()));
    QVERIFY(r.verification.rows > 0);

    const fs::path dir(r.folder);
    QVERIFY(fs::exists(dir / tokenizerFile.toStdString()));
    const json config = json::parse(readFile(dir / "config.json"));
    QCOMPARE(QString::fromStdString(config["model_type"].get<std::string>()), modelType);
    // The dataset's labels in the order first seen (row 0 is "pos"), as every run has them.
    const std::vector<std::string> labels{"pos", "neg"};
    QCOMPARE(config["num_labels"].get<int>(), 2);
    QCOMPARE(QString::fromStdString(config["id2label"].dump()),
             QStringLiteral(R"({"0":"pos","1":"neg"})"));
    const auto arch = config["architectures"][0].get<std::string>();
    QVERIFY2(arch.find("ForSequenceClassification") != std::string::npos, arch.c_str());
    // The export is a model folder like any other: it opens and keeps the labels.
    const auto reopened = ft::models::Model::open(r.folder);
    QCOMPARE(reopened.config().common.labels, labels);
}

QTEST_GUILESS_MAIN(TstExporter)
#include "tst_exporter.moc"
