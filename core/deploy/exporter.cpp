#include "deploy/exporter.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <numeric>
#include <set>
#include <sstream>
#include <unistd.h>

#include <torch/torch.h>
#include <torch/version.h>

#include "data/cleaner.h"
#include "deploy/fileio.h"
#include "deploy/modelcard.h"
#include "deploy/preprocessing.h"
#include "error.h"
#include "eval/batchpredict.h"
#include "io/modelconfig.h"
#include "io/safetensors.h"
#include "models/model.h"
#include "text/tokenizer.h"
#include "train/batcher.h"
#include "train/runconfig.h"
#include "util/sha256.h"
#include "version.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace ft::deploy {

namespace {

constexpr const char* kManifestFormat = "finetune-studio/export";
constexpr int kManifestVersion = 1;

const char* const kTokenizerFiles[] = {
    "tokenizer.json", "special_tokens_map.json", "vocab.txt", "vocab.json", "merges.txt",
    "spiece.model",   "added_tokens.json"};

const char* torchDtypeName(ExportDtype d) {
    switch (d) {
        case ExportDtype::F16:
            return "float16";
        case ExportDtype::BF16:
            return "bfloat16";
        case ExportDtype::F32:
            break;
    }
    return "float32";
}

void checkStop(const Progress& progress, const fs::path& target) {
    if (progress.stopRequested())
        throw Error(ErrorCode::Cancelled,
                    "export to " + target.string() + " cancelled; nothing was written");
}

std::string readText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::Io, path.string() + ": cannot be opened");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A copy through fileio, so a full disk or a read-only folder reports the OS's reason.
void copyFile(const fs::path& from, const fs::path& to) {
    fileio::writeFile(to.string(), readText(from));
}

std::string classifierArchitecture(const std::string& modelType) {
    static const std::map<std::string, std::string> kNames = {
        {"bert", "BertForSequenceClassification"},
        {"distilbert", "DistilBertForSequenceClassification"},
        {"roberta", "RobertaForSequenceClassification"},
        {"xlm-roberta", "XLMRobertaForSequenceClassification"},
        {"gpt2", "GPT2ForSequenceClassification"},
        {"xlnet", "XLNetForSequenceClassification"}};
    const auto it = kNames.find(modelType);
    return it == kNames.end() ? std::string() : it->second;
}

std::string tokenizerClass(const std::string& modelType) {
    static const std::map<std::string, std::string> kNames = {
        {"bert", "BertTokenizer"},       {"distilbert", "DistilBertTokenizer"},
        {"roberta", "RobertaTokenizer"}, {"xlm-roberta", "XLMRobertaTokenizer"},
        {"gpt2", "GPT2Tokenizer"},       {"xlnet", "XLNetTokenizer"}};
    const auto it = kNames.find(modelType);
    return it == kNames.end() ? std::string() : it->second;
}

// The export dtype of one float tensor value, rounded to nearest even as torch's
// Tensor.to(torch.float16 / torch.bfloat16) does (c10::Half and c10::BFloat16 are the
// conversions torch itself uses).
float readFloat(const uint8_t* p, io::Dtype dtype, size_t i) {
    switch (dtype) {
        case io::Dtype::F32: {
            float v;
            std::memcpy(&v, p + 4 * i, 4);
            return v;
        }
        case io::Dtype::F64: {
            double v;
            std::memcpy(&v, p + 8 * i, 8);
            return static_cast<float>(v);
        }
        case io::Dtype::F16: {
            uint16_t bits;
            std::memcpy(&bits, p + 2 * i, 2);
            return static_cast<float>(c10::Half(bits, c10::Half::from_bits()));
        }
        case io::Dtype::BF16: {
            uint16_t bits;
            std::memcpy(&bits, p + 2 * i, 2);
            return static_cast<float>(c10::BFloat16(bits, c10::BFloat16::from_bits()));
        }
        default:
            break;
    }
    return 0;
}

bool isFloat(io::Dtype d) {
    return d == io::Dtype::F32 || d == io::Dtype::F16 || d == io::Dtype::BF16 ||
           d == io::Dtype::F64;
}

struct WeightsInfo {
    int64_t parameters = 0;
    std::string sourceDtypes;
};

// Copies the checkpoint's tensors under their Hugging Face names, float tensors in the
// export dtype, other tensors (integer buffers) as they are.
WeightsInfo writeWeights(const fs::path& checkpoint, const fs::path& out, ExportDtype dtype,
                         const Progress& progress, const fs::path& target) {
    const fs::path src = checkpoint / "model.safetensors";
    if (!fs::is_regular_file(src))
        throw Error(ErrorCode::NotFound,
                    src.string() + ": the checkpoint has no model.safetensors");
    io::SafetensorsFile file(src.string());
    const io::Dtype want = dtype == ExportDtype::F16    ? io::Dtype::F16
                           : dtype == ExportDtype::BF16 ? io::Dtype::BF16
                                                        : io::Dtype::F32;
    WeightsInfo info;
    std::set<std::string> dtypes;
    std::vector<std::vector<uint8_t>> buffers;
    buffers.reserve(file.entries().size());
    std::vector<io::TensorView> views;
    const size_t n = file.entries().size();
    for (size_t t = 0; t < n; ++t) {
        const io::TensorEntry& e = file.entries()[t];
        dtypes.insert(io::dtypeName(e.dtype));
        io::TensorView v;
        v.name = e.name;
        v.shape = e.shape;
        if (!isFloat(e.dtype) || e.dtype == want) {
            v.dtype = e.dtype;
            v.data = file.data(e);
            v.bytes = e.byteSize();
        } else {
            const auto count = static_cast<size_t>(e.numel());
            std::vector<uint8_t> buf(count * io::dtypeSize(want));
            const uint8_t* p = file.data(e);
            for (size_t i = 0; i < count; ++i) {
                const float f = readFloat(p, e.dtype, i);
                if (want == io::Dtype::F32) {
                    std::memcpy(buf.data() + 4 * i, &f, 4);
                } else if (want == io::Dtype::F16) {
                    const uint16_t bits = c10::Half(f).x;
                    std::memcpy(buf.data() + 2 * i, &bits, 2);
                } else {
                    const uint16_t bits = c10::BFloat16(f).x;
                    std::memcpy(buf.data() + 2 * i, &bits, 2);
                }
            }
            buffers.push_back(std::move(buf));
            v.dtype = want;
            v.data = buffers.back().data();
            v.bytes = buffers.back().size();
        }
        if (isFloat(e.dtype)) info.parameters += e.numel();
        views.push_back(std::move(v));
        if (t % 16 == 0) {
            checkStop(progress, target);
            progress.progress(0.05 + 0.25 * static_cast<double>(t) / static_cast<double>(n),
                              "Converting weights");
        }
    }
    for (const auto& d : dtypes) info.sourceDtypes += (info.sourceDtypes.empty() ? "" : "+") + d;
    io::writeSafetensors((out / "model.safetensors").string(), views, {{"format", "pt"}});
    return info;
}

// Predictions batched exactly as eval::Evaluator (and models::Model::predict) batch them:
// rows encoded alone (cut at maxLength), consecutive batches of batchSize in row order,
// each padded to its longest row by train::Batcher, softmax as Model::predict. The
// batching matters for bit-for-bit equality: a row's probabilities can move by an ulp with
// its place in a batch (GEMM kernels treat a block's edge rows differently), so the export
// is checked with the batches the evaluation had. Pairs are supported (Model::predict
// takes single texts only). onBatch(done, total) is called after every batch.
std::vector<models::Prediction> predictLikeEvaluator(
    const models::Model& model, const std::vector<std::string>& texts,
    const std::vector<std::string>& pairs, size_t maxLength, size_t batchSize,
    const std::function<void(size_t, size_t)>& onBatch) {
    const auto* tokenizer = model.tokenizer();
    if (!tokenizer)
        throw Error(ErrorCode::InvalidArgument, "the model has no tokenizer to encode text with");
    std::vector<models::Prediction> out(texts.size());
    if (texts.empty()) return out;
    const auto examples =
        eval::encodeExamples(*tokenizer, texts, pairs, static_cast<int64_t>(maxLength));
    std::vector<size_t> order(examples.size());
    std::iota(order.begin(), order.end(), size_t{0});
    const auto predicted = eval::predictBatches(model, examples, order,
                                                eval::predictionBatching(*tokenizer, batchSize),
                                                [&](size_t done, size_t total) {
                                                    if (done > 0 && onBatch) onBatch(done, total);
                                                });
    for (size_t i = 0; i < out.size(); ++i) {
        out[i].label = predicted.labels[i];
        out[i].probabilities = predicted.probabilities[i];
    }
    return out;
}

struct ReferenceRow {
    int64_t rowId = 0;
    std::string raw, rawPair;          // as imported: the export applies preprocessing.json itself
    std::string trained, trainedPair;  // what training saw (cleaned text)
    int predicted = 0;                 // in the model's label order
    std::vector<float> probabilities;  // in the model's label order
};

std::string hexOfFloat(float f) {
    uint32_t bits;
    std::memcpy(&bits, &f, 4);
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%08x", bits);
    return buf;
}

std::string formatPercent(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f %%", 100.0 * v);
    return buf;
}

// Loads the written folder the way `finetune predict` does and compares its answers with
// the reference rows.
Verification verifyFolder(const fs::path& folder, ExportDtype dtype,
                          const std::vector<ReferenceRow>& rows, bool hasPairs,
                          const std::vector<std::string>& labels, size_t batchSize,
                          const Progress& progress, const fs::path& target, Verification v) {
    models::LoadOptions lo;
    lo.requireTokenizer = true;
    const auto model = models::Model::open(folder.string(), lo);
    if (!model.report().newWeights.empty() || !model.report().unexpectedKeys.empty())
        throw Error(ErrorCode::Internal,
                    folder.string() + ": the written weights do not load cleanly (" +
                        std::to_string(model.report().newWeights.size()) + " missing, " +
                        std::to_string(model.report().unexpectedKeys.size()) + " unexpected)");
    if (model.config().common.labels != labels)
        throw Error(ErrorCode::Internal,
                    folder.string() + ": config.json's labels differ from the run's");
    const Preprocessing pre = loadPreprocessing(folder.string());
    v.performed = true;
    v.rows = static_cast<int64_t>(rows.size());
    int64_t preprocessingDiffers = 0;
    std::string firstMismatch;
    std::vector<std::string> texts, pairs;
    for (const auto& r : rows) {
        texts.push_back(pre.apply(r.raw));
        if (texts.back() != r.trained) ++preprocessingDiffers;
        if (hasPairs) pairs.push_back(pre.apply(r.rawPair));
    }
    checkStop(progress, target);
    const auto preds = predictLikeEvaluator(
        model, texts, pairs, model.tokenizer()->modelMaxLength(), batchSize,
        [&](size_t done, size_t total) {
            checkStop(progress, target);
            progress.progress(0.35 + 0.45 * static_cast<double>(done) / static_cast<double>(total),
                              "Verifying the export");
        });
    for (size_t i = 0; i < rows.size(); ++i) {
        const auto& ref = rows[i];
        const auto& got = preds[i];
        bool identical = got.probabilities.size() == ref.probabilities.size();
        size_t firstDiff = got.probabilities.size();
        for (size_t k = 0; k < got.probabilities.size() && k < ref.probabilities.size(); ++k) {
            const double d = std::fabs(static_cast<double>(got.probabilities[k]) -
                                       static_cast<double>(ref.probabilities[k]));
            v.maxProbabilityDifference = std::max(v.maxProbabilityDifference, d);
            if (got.probabilities[k] != ref.probabilities[k]) {
                identical = false;
                firstDiff = std::min(firstDiff, k);
            }
        }
        if (got.label == ref.predicted) ++v.sameLabel;
        if (identical) ++v.identicalRows;
        if ((!identical || got.label != ref.predicted) && firstMismatch.empty()) {
            firstMismatch = "row " + std::to_string(ref.rowId) + ": " +
                            labels.at(static_cast<size_t>(got.label)) + " vs " +
                            labels.at(static_cast<size_t>(ref.predicted));
            if (firstDiff < got.probabilities.size())
                firstMismatch += ", p(" + labels.at(firstDiff) + ") " +
                                 hexOfFloat(got.probabilities[firstDiff]) + " vs " +
                                 hexOfFloat(ref.probabilities[firstDiff]);
        }
    }
    v.agreement =
        v.rows == 0 ? 1.0 : static_cast<double>(v.sameLabel) / static_cast<double>(v.rows);
    char diff[64];
    std::snprintf(diff, sizeof diff, "%.3g", v.maxProbabilityDifference);
    if (dtype == ExportDtype::F32) {
        v.passed = v.rows > 0 && v.identicalRows == v.rows && v.sameLabel == v.rows;
        v.message = v.passed
                        ? "all " + std::to_string(v.rows) + " predictions are identical to the " +
                              v.reference + "'s (labels and every probability bit for bit)."
                        : std::to_string(v.rows - v.identicalRows) + " of " +
                              std::to_string(v.rows) + " predictions differ from the " +
                              v.reference + "'s (first: " + firstMismatch +
                              "; largest probability difference " + diff + ").";
    } else {
        v.passed = v.rows > 0 && v.sameLabel == v.rows;
        v.message = std::string(v.passed ? "every" : "not every") +
                    " predicted label agrees with the " + v.reference +
                    "'s after rounding the weights to " + toString(dtype) + ": agreement " +
                    formatPercent(v.agreement) + " (" + std::to_string(v.sameLabel) + " of " +
                    std::to_string(v.rows) + "), largest probability difference " + diff + ".";
    }
    if (preprocessingDiffers > 0)
        v.message += " preprocessing.json turns " + std::to_string(preprocessingDiffers) +
                     " of these texts into something other than the stored cleaned text: the "
                     "dataset was cleaned again after training.";
    return v;
}

std::string datasetSha256(const std::vector<store::SourceInfo>& sources) {
    if (sources.size() == 1) return sources.front().sha256;
    // Several files: the hash of their hashes, one per line, in import order.
    util::Sha256 h;
    for (const auto& s : sources) h.update(s.sha256 + "\n");
    return h.hexDigest();
}

std::string dockerfile(const std::string& name, int64_t version) {
    std::ostringstream d;
    d << "# Serves this model folder with `finetune serve`. Build it from this folder:\n"
         "#   docker build -t "
      << name << ":v" << version
      << " .\n"
         "# The base image provides the finetune binary and LibTorch: build it once from the\n"
         "# Finetune Studio sources (packaging/container/Dockerfile) or pass another image:\n"
         "#   docker build --build-arg FINETUNE_IMAGE=registry.example.com/finetune:"
      << softwareVersion()
      << " ...\n"
         "ARG FINETUNE_IMAGE=finetune-studio:"
      << softwareVersion()
      << "\n"
         "FROM ${FINETUNE_IMAGE}\n"
         "COPY . /model\n"
         "USER 65534:65534\n"
         "EXPOSE 8080\n"
         "ENTRYPOINT [\"finetune\"]\n"
         "CMD [\"serve\", \"--model\", \"/model\", \"--host\", \"0.0.0.0\", \"--port\", "
         "\"8080\"]\n";
    return d.str();
}

// Kubernetes names: lowercase letters, digits and '-', at most 63 characters.
std::string dnsName(const std::string& name, int64_t version) {
    std::string out;
    for (char c : name) {
        const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9'))
            out += l;
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    const std::string suffix = "-v" + std::to_string(version);
    if (out.size() + suffix.size() > 63) out.resize(63 - suffix.size());
    while (!out.empty() && out.back() == '-') out.pop_back();
    if (out.empty()) out = "model";
    return out + suffix;
}

std::string kubernetesManifest(const std::string& name, int64_t version) {
    const std::string app = dnsName(name, version);
    std::ostringstream k;
    k << "# A minimal Deployment + Service for this model (image built from the Dockerfile\n"
         "# beside this file and pushed where the cluster can pull it):\n"
         "#   kubectl apply -f k8s.yaml\n"
         "apiVersion: apps/v1\n"
         "kind: Deployment\n"
         "metadata:\n"
         "  name: "
      << app << "\n  labels:\n    app: " << app
      << "\n"
         "spec:\n"
         "  replicas: 1\n"
         "  selector:\n"
         "    matchLabels:\n"
         "      app: "
      << app
      << "\n"
         "  template:\n"
         "    metadata:\n"
         "      labels:\n"
         "        app: "
      << app
      << "\n"
         "    spec:\n"
         "      containers:\n"
         "        - name: model\n"
         "          image: "
      << name << ":v" << version
      << "\n"
         "          args: [\"serve\", \"--model\", \"/model\", \"--host\", \"0.0.0.0\", "
         "\"--port\", \"8080\"]\n"
         "          ports:\n"
         "            - containerPort: 8080\n"
         "          readinessProbe:\n"
         "            httpGet:\n"
         "              path: /healthz\n"
         "              port: 8080\n"
         "            initialDelaySeconds: 2\n"
         "            periodSeconds: 5\n"
         "          livenessProbe:\n"
         "            httpGet:\n"
         "              path: /healthz\n"
         "              port: 8080\n"
         "            initialDelaySeconds: 10\n"
         "            periodSeconds: 20\n"
         "          resources:\n"
         "            requests:\n"
         "              cpu: \"1\"\n"
         "              memory: 1Gi\n"
         "---\n"
         "apiVersion: v1\n"
         "kind: Service\n"
         "metadata:\n"
         "  name: "
      << app
      << "\n"
         "spec:\n"
         "  selector:\n"
         "    app: "
      << app
      << "\n"
         "  ports:\n"
         "    - port: 80\n"
         "      targetPort: 8080\n";
    return k.str();
}

struct Plan {
    store::RunInfo run;
    std::string kind;  // the checkpoint actually exported
    std::string checkpointPath;
    std::string checkpointCreatedAt;
    int64_t checkpointStep = 0;
    std::string name;
    int64_t version = 0;
    fs::path target;
    std::vector<std::string> warnings;
};

Plan makePlan(const store::Project& project, int64_t runId, const ExportOptions& o) {
    Plan plan;
    const auto run = project.run(runId);
    if (!run)
        throw Error(ErrorCode::NotFound, project.dir() + ": no run " + std::to_string(runId) +
                                             " (finetune runs list shows the runs)");
    plan.run = *run;
    if (o.checkpoint != "best" && o.checkpoint != "last")
        throw Error(ErrorCode::InvalidArgument,
                    "checkpoint: '" + o.checkpoint + "' is not one of best, last");
    const auto checkpoints = project.checkpoints(runId);
    auto find = [&](const std::string& kind) -> const store::CheckpointInfo* {
        for (const auto& c : checkpoints)
            if (c.kind == kind) return &c;
        return nullptr;
    };
    const store::CheckpointInfo* cp = find(o.checkpoint);
    if (!cp && o.checkpoint == "best") {
        cp = find("last");
        if (cp)
            plan.warnings.push_back("run " + std::to_string(runId) +
                                    " has no best checkpoint (it was never evaluated during "
                                    "training); exporting its last checkpoint");
    }
    if (!cp)
        throw Error(ErrorCode::NotFound, "run " + std::to_string(runId) + " \"" + run->name +
                                             "\" has no " + o.checkpoint + " checkpoint in " +
                                             run->checkpointDir + ": train it first");
    if (!fs::is_directory(cp->path))
        throw Error(ErrorCode::NotFound,
                    cp->path + ": the run's " + cp->kind + " checkpoint folder is missing");
    plan.kind = cp->kind;
    plan.checkpointPath = cp->path;
    plan.checkpointStep = cp->step;
    plan.checkpointCreatedAt = cp->createdAt;
    if (run->status == store::RunStatus::Running)
        plan.warnings.push_back("run " + std::to_string(runId) +
                                " is still training: exporting its current " + cp->kind +
                                " checkpoint (step " + std::to_string(cp->step) + ")");

    if (!o.name.empty()) {
        plan.name = Exporter::sanitizeName(o.name);
        if (plan.name.empty())
            throw Error(ErrorCode::InvalidArgument,
                        "name: '" + o.name +
                            "' has no letter or digit to name an export with (use letters, "
                            "digits, '-', '_' or '.')");
    } else {
        plan.name = Exporter::sanitizeName(run->name);
        if (plan.name.empty()) plan.name = "run-" + std::to_string(runId);
    }
    plan.version = project.nextExportVersion(plan.name);
    plan.target = o.outDir.empty() ? fs::path(project.exportsDir()) /
                                         (plan.name + "-v" + std::to_string(plan.version))
                                   : fs::absolute(fs::path(o.outDir)).lexically_normal();
    if (plan.target.filename().empty()) plan.target = plan.target.parent_path();
    std::error_code ec;
    if (fs::exists(fs::symlink_status(plan.target, ec)))
        throw Error(ErrorCode::InvalidArgument,
                    plan.target.string() +
                        ": already exists; an export never overwrites a folder (choose another "
                        "--out or --name, or delete the old export)");
    return plan;
}

// Renames tmp onto target unless target exists meanwhile (renameat2 RENAME_NOREPLACE
// where the file system supports it: a plain rename would replace an empty folder).
void publish(const fs::path& tmp, const fs::path& target) {
#ifdef RENAME_NOREPLACE
    if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) == 0) return;
    if (errno != EINVAL && errno != ENOSYS) {
        if (errno == EEXIST)
            throw Error(ErrorCode::InvalidArgument,
                        target.string() + ": appeared while exporting; it was left untouched");
        throw Error(ErrorCode::Io,
                    target.string() + ": cannot be created (" + fileio::lastError() + ")");
    }
#endif
    std::error_code ec;
    if (fs::exists(fs::symlink_status(target, ec)))
        throw Error(ErrorCode::InvalidArgument,
                    target.string() + ": appeared while exporting; it was left untouched");
    if (std::rename(tmp.c_str(), target.c_str()) != 0)
        throw Error(ErrorCode::Io,
                    target.string() + ": cannot be created (" + fileio::lastError() + ")");
}

std::vector<ExportedFile> hashFiles(const fs::path& folder, const Progress& progress,
                                    const fs::path& target) {
    std::vector<std::string> names;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        if (!entry.is_regular_file()) continue;
        const std::string rel = fs::relative(entry.path(), folder).generic_string();
        if (rel == "manifest.json") continue;
        names.push_back(rel);
    }
    std::sort(names.begin(), names.end());
    std::vector<ExportedFile> files;
    for (const auto& rel : names) {
        checkStop(progress, target);
        ExportedFile f;
        f.path = rel;
        f.size = fs::file_size(folder / rel);
        f.sha256 = util::sha256File((folder / rel).string());
        files.push_back(std::move(f));
    }
    return files;
}

}  // namespace

const char* toString(ExportDtype dtype) {
    switch (dtype) {
        case ExportDtype::F16:
            return "f16";
        case ExportDtype::BF16:
            return "bf16";
        case ExportDtype::F32:
            break;
    }
    return "f32";
}

bool parseExportDtype(const std::string& name, ExportDtype& out) {
    if (name == "f32" || name == "float32") {
        out = ExportDtype::F32;
    } else if (name == "f16" || name == "float16") {
        out = ExportDtype::F16;
    } else if (name == "bf16" || name == "bfloat16") {
        out = ExportDtype::BF16;
    } else {
        return false;
    }
    return true;
}

json Verification::toJson() const {
    json j = {{"performed", performed},
              {"passed", passed},
              {"reference", reference},
              {"evaluation", evaluationId ? json(*evaluationId) : json(nullptr)},
              {"part", part},
              {"rows", rows},
              {"same_label", sameLabel},
              {"identical_rows", identicalRows},
              {"agreement", agreement},
              {"max_probability_difference", maxProbabilityDifference},
              {"message", message}};
    return j;
}

json ExportComparison::toJson() const {
    json j;
    j["exports"] = json::array();
    for (const auto& e : exports)
        j["exports"].push_back({{"id", e.id},
                                {"name", e.name},
                                {"version", e.version},
                                {"run", e.runId},
                                {"evaluation", e.evaluationId ? json(*e.evaluationId) : json()},
                                {"dtype", e.dtype},
                                {"checkpoint", e.checkpoint},
                                {"verified", e.verified},
                                {"created_at", e.createdAt},
                                {"path", e.path}});
    j["metrics"] = json::object();
    for (const auto& m : metrics) {
        json values = json::array();
        for (const auto& v : m.values) values.push_back(v ? json(*v) : json());
        j["metrics"][m.key] = values;
    }
    j["config_differences"] = json::object();
    for (const auto& [key, values] : configDifferences) {
        json arr = json::array();
        for (const auto& v : values) {
            try {
                arr.push_back(json::parse(v));
            } catch (const json::exception&) {
                arr.push_back(v);
            }
        }
        j["config_differences"][key] = arr;
    }
    return j;
}

std::string Exporter::sanitizeName(const std::string& name) {
    std::string out;
    for (unsigned char c : name) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        if (keep)
            out += static_cast<char>(c);
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    // No leading dots ("..", hidden folders) or dashes (option-like names).
    const size_t first = out.find_first_not_of("-.");
    out = first == std::string::npos ? std::string() : out.substr(first);
    while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
    if (out.size() > 64) {
        out.resize(64);
        while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
    }
    return out;
}

std::string Exporter::plannedFolder(const std::string& projectDir, int64_t runId,
                                    const ExportOptions& options) {
    const auto project = store::Project::open(projectDir);
    return makePlan(project, runId, options).target.string();
}

ExportResult Exporter::exportRun(const std::string& projectDir, int64_t runId,
                                 const ExportOptions& options, const Progress& progress,
                                 const PlotRenderer& renderPlots) {
    const auto started = std::chrono::steady_clock::now();
    auto project = store::Project::open(projectDir);
    Plan plan = makePlan(project, runId, options);
    for (const auto& w : plan.warnings) progress.event(LogLevel::Warning, w);

    ExportResult result;
    result.name = plan.name;
    result.version = plan.version;
    result.folder = plan.target.string();
    result.checkpoint = plan.kind;
    result.checkpointPath = plan.checkpointPath;
    result.dtype = options.dtype;
    result.warnings = plan.warnings;

    // Everything project-side is read before a byte is written.
    const train::RunConfig config =
        train::parseRunConfig(json::parse(plan.run.configJson), "run " + std::to_string(runId));
    const auto dataset = project.dataset(plan.run.datasetId);
    if (!dataset)
        throw Error(ErrorCode::NotFound, "run " + std::to_string(runId) + ": its dataset " +
                                             std::to_string(plan.run.datasetId) +
                                             " is no longer in the project");
    const auto sources = project.sources(dataset->id);
    const std::string dataSha = datasetSha256(sources);
    const auto cleaning = project.latestCleaning(dataset->id);
    Preprocessing pre;
    if (cleaning && !cleaning->pipelineJson.empty()) {
        pre.cleaning = data::Pipeline::fromJson(cleaning->pipelineJson);
        if (!plan.run.startedAt.empty() && cleaning->appliedAt > plan.run.startedAt) {
            result.warnings.push_back(
                "the dataset was cleaned again (" + cleaning->appliedAt + ") after run " +
                std::to_string(runId) +
                " started: preprocessing.json holds the newer steps, not those the model "
                "trained with");
        }
    }
    const io::ModelConfig modelConfig = io::readConfig(plan.checkpointPath);
    const std::vector<std::string> labels = modelConfig.common.labels;
    if (labels.empty())
        throw Error(ErrorCode::InvalidArgument,
                    plan.checkpointPath + "/config.json: no id2label: not a classifier");

    // The evaluation the card and the verification use: the newest of this checkpoint,
    // unless the checkpoint was rewritten after it (a resumed run).
    std::optional<store::EvaluationInfo> evaluation;
    std::string notEvaluated;
    for (const auto& e : project.evaluations(runId)) {
        if (e.checkpoint != plan.kind) continue;
        if (!plan.checkpointCreatedAt.empty() && e.createdAt < plan.checkpointCreatedAt) {
            notEvaluated = "Its latest evaluation (" + std::to_string(e.id) + ", " + e.createdAt +
                           ") predates the checkpoint (" + plan.checkpointCreatedAt +
                           "), so its numbers do not describe these weights.";
            break;
        }
        evaluation = e;
        break;
    }
    if (!evaluation) {
        if (notEvaluated.empty())
            notEvaluated = "Run " + std::to_string(runId) + " has no evaluation of its " +
                           plan.kind + " checkpoint.";
        result.warnings.push_back("not evaluated: " + notEvaluated +
                                  " The model card says so; evaluate the run and export again "
                                  "for metrics.");
    }
    result.evaluationId = evaluation ? std::optional<int64_t>(evaluation->id) : std::nullopt;

    // The rows verification predicts again, with the answers to compare against.
    Verification verification;
    std::vector<ReferenceRow> refRows;
    bool hasPairs = false;
    if (options.verify) {
        if (evaluation) {
            verification.reference = "evaluation " + std::to_string(evaluation->id);
            verification.evaluationId = evaluation->id;
            verification.part = store::toString(evaluation->part);
            std::vector<int> toModel;
            for (const auto& l : evaluation->labels) {
                const auto it = std::find(labels.begin(), labels.end(), l);
                if (it == labels.end())
                    throw Error(ErrorCode::Mapping, "evaluation " + std::to_string(evaluation->id) +
                                                        ": label '" + l +
                                                        "' is not one of the checkpoint's labels");
                toModel.push_back(static_cast<int>(it - labels.begin()));
            }
            for (const auto& p : project.predictions(evaluation->id)) {
                const auto row = project.row(p.rowId);
                if (!row) continue;
                ReferenceRow r;
                r.rowId = p.rowId;
                r.raw = row->text;
                r.trained = row->cleanText ? *row->cleanText : row->text;
                if (row->textPair) {
                    hasPairs = true;
                    r.rawPair = *row->textPair;
                    r.trainedPair = row->cleanText ? row->cleanPair.value_or("") : *row->textPair;
                }
                r.predicted = toModel.at(static_cast<size_t>(p.predicted));
                r.probabilities.assign(labels.size(), 0.0f);
                for (size_t k = 0; k < p.probabilities.size() && k < toModel.size(); ++k)
                    r.probabilities[static_cast<size_t>(toModel[k])] = p.probabilities[k];
                refRows.push_back(std::move(r));
            }
        } else {
            verification.reference = "checkpoint";
            for (auto part : {store::SplitPart::Test, store::SplitPart::Validation}) {
                for (int64_t id : project.splitRowIds(plan.run.splitId, part)) {
                    const auto row = project.row(id);
                    if (!row || row->dropped != 0) continue;
                    ReferenceRow r;
                    r.rowId = id;
                    r.raw = row->text;
                    r.trained = row->cleanText ? *row->cleanText : row->text;
                    if (row->textPair) {
                        hasPairs = true;
                        r.rawPair = *row->textPair;
                        r.trainedPair =
                            row->cleanText ? row->cleanPair.value_or("") : *row->textPair;
                    }
                    refRows.push_back(std::move(r));
                }
                verification.part = store::toString(part);
                if (!refRows.empty()) break;
            }
        }
    } else {
        verification.message = "verification was switched off";
    }

    const fs::path target = plan.target;
    const fs::path parent = target.parent_path();
    const fs::path tmp =
        parent / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()));
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec)
        throw Error(ErrorCode::Io, parent.string() + ": cannot create the folder for the export (" +
                                       ec.message() + ")");
    fs::remove_all(tmp, ec);
    if (!fs::create_directory(tmp, ec) || ec)
        throw Error(ErrorCode::Io, parent.string() + ": cannot write the export there (" +
                                       (ec ? ec.message() : std::string("folder exists")) + ")");

    try {
        checkStop(progress, target);
        progress.progress(0.02, "Writing config.json");

        // The reference answers for a run without evaluation: the checkpoint itself, cut
        // at the run's max_length as training and evaluation did.
        if (options.verify && !evaluation && !refRows.empty()) {
            models::LoadOptions lo;
            lo.requireTokenizer = true;
            const auto cp = models::Model::open(plan.checkpointPath, lo);
            std::vector<std::string> texts, pairs;
            for (const auto& r : refRows) {
                texts.push_back(r.trained);
                if (hasPairs) pairs.push_back(r.trainedPair);
            }
            const auto preds = predictLikeEvaluator(
                cp, texts, pairs, static_cast<size_t>(config.maxLength), options.batchSize,
                [&](size_t, size_t) { checkStop(progress, target); });
            for (size_t i = 0; i < refRows.size(); ++i) {
                refRows[i].predicted = static_cast<int>(preds[i].label);
                refRows[i].probabilities = preds[i].probabilities;
            }
        }

        const WeightsInfo weights =
            writeWeights(plan.checkpointPath, tmp, options.dtype, progress, target);
        checkStop(progress, target);

        json cfg = modelConfig.toJson();
        const std::string arch = classifierArchitecture(modelConfig.common.modelType);
        if (!arch.empty()) cfg["architectures"] = json::array({arch});
        cfg["torch_dtype"] = torchDtypeName(options.dtype);
        cfg["dtype"] = torchDtypeName(options.dtype);
        cfg["num_labels"] = labels.size();
        if (!cfg.contains("problem_type") || cfg["problem_type"].is_null())
            cfg["problem_type"] = "single_label_classification";
        fileio::writeFile((tmp / "config.json").string(), cfg.dump(2) + "\n");

        // Tokenizer files as the run used them, and a tokenizer_config.json that carries
        // what the bare vocabulary files leave to guessing: the casing and the run's length.
        const fs::path cpDir(plan.checkpointPath);
        for (const char* name : kTokenizerFiles)
            if (fs::is_regular_file(cpDir / name)) copyFile(cpDir / name, tmp / name);
        json tokConfig = json::object();
        if (fs::is_regular_file(cpDir / "tokenizer_config.json")) {
            try {
                tokConfig = json::parse(readText(cpDir / "tokenizer_config.json"));
            } catch (const json::exception& e) {
                throw Error(ErrorCode::Parse, (cpDir / "tokenizer_config.json").string() +
                                                  ": not valid JSON (" + e.what() + ")");
            }
            if (!tokConfig.is_object()) tokConfig = json::object();
        }
        if (!tokConfig.contains("tokenizer_class") &&
            !fs::is_regular_file(cpDir / "tokenizer.json")) {
            const std::string cls = tokenizerClass(modelConfig.common.modelType);
            if (!cls.empty()) tokConfig["tokenizer_class"] = cls;
        }
        if (fs::is_regular_file(cpDir / "vocab.txt") && !tokConfig.contains("do_lower_case")) {
            // The loader infers casing from the vocabulary when no config says it;
            // transformers would assume lowercase. Write down what ours decided.
            const auto tok = text::loadTokenizer(cpDir.string());
            text::EncodeOptions raw;
            raw.addSpecialTokens = false;
            tokConfig["do_lower_case"] = tok->encode("A", raw).ids == tok->encode("a", raw).ids;
        }
        tokConfig["model_max_length"] = config.maxLength;
        fileio::writeFile((tmp / "tokenizer_config.json").string(), tokConfig.dump(2) + "\n");

        writePreprocessing(tmp.string(), pre);
        checkStop(progress, target);
        progress.progress(0.35, "Verifying the export");

        if (options.verify) {
            if (refRows.empty()) {
                verification.message = "the split has no test or validation rows to re-predict";
            } else {
                verification = verifyFolder(tmp, options.dtype, refRows, hasPairs, labels,
                                            options.batchSize, progress, target, verification);
            }
            if (!verification.passed)
                result.warnings.push_back("verification: " + verification.message);
        }
        result.verification = verification;
        checkStop(progress, target);

        ModelCardInput card;
        if (evaluation) {
            progress.progress(0.82, "Drawing the evaluation plots");
            if (renderPlots) {
                try {
                    for (const auto& f : renderPlots(*evaluation, tmp.string()))
                        if (fs::is_regular_file(tmp / f)) card.plotFiles.push_back(f);
                    result.plotsRendered = !card.plotFiles.empty();
                    if (card.plotFiles.empty()) card.plotsNote = "the evaluation has no plot data";
                } catch (const std::exception& e) {
                    card.plotsNote = std::string("drawing them failed (") + e.what() + ")";
                    result.warnings.push_back("plots: " + card.plotsNote);
                }
            } else {
                card.plotsNote =
                    "this build has no plotting (the command-line tool was built without Qt); "
                    "the Evaluate page of Finetune Studio shows them";
                result.warnings.push_back(
                    "no plot images: this build cannot draw them (built without Qt); the model "
                    "card says so");
            }
        }
        checkStop(progress, target);

        const std::string createdAt = store::Project::nowUtc();
        card.name = plan.name;
        card.version = plan.version;
        card.createdAt = createdAt;
        card.dtype = toString(options.dtype);
        card.checkpoint = plan.kind;
        card.checkpointStep = plan.checkpointStep;
        card.run = plan.run;
        card.runConfig = train::toJson(config);
        card.architecture = arch.empty() ? modelConfig.common.modelType : arch;
        card.parameters = weights.parameters;
        card.maxLength = config.maxLength;
        card.labels = labels;
        card.datasetName = dataset->name;
        card.datasetSha256 = dataSha;
        card.sources = sources;
        for (auto part :
             {store::SplitPart::Train, store::SplitPart::Validation, store::SplitPart::Test}) {
            ModelCardPart mp;
            mp.part = store::toString(part);
            store::RowFilter f;
            f.labelled = store::RowFilter::Labelled::Labelled;
            f.includeDropped = false;
            f.part = part;
            mp.rows = project.rowCount(dataset->id, f);
            for (const auto& l : labels) {
                f.label = l;
                mp.labels.push_back({l, project.rowCount(dataset->id, f)});
            }
            card.parts.push_back(std::move(mp));
        }
        card.cleaningJson = pre.cleaning ? pre.cleaning->toJson() : std::string();
        card.evaluation = evaluation;
        card.notEvaluatedReason = notEvaluated;
        card.verification = verification.toJson();
        card.softwareVersion = softwareVersion();
        card.torchVersion = TORCH_VERSION;
        fileio::writeFile((tmp / "README.md").string(), renderModelCard(card));
        fileio::writeFile((tmp / "Dockerfile").string(), dockerfile(plan.name, plan.version));
        fileio::writeFile((tmp / ".dockerignore").string(), "Dockerfile\nk8s.yaml\n");
        fileio::writeFile((tmp / "k8s.yaml").string(), kubernetesManifest(plan.name, plan.version));
        progress.progress(0.9, "Hashing the files");

        result.files = hashFiles(tmp, progress, target);
        const json metrics = headlineMetrics(evaluation);
        json manifest = {
            {"format", kManifestFormat},
            {"version", kManifestVersion},
            {"name", plan.name},
            {"model_version", plan.version},
            {"created_at", createdAt},
            {"software", {{"finetune_studio", softwareVersion()}, {"libtorch", TORCH_VERSION}}},
            {"dtype", toString(options.dtype)},
            {"source_dtypes", weights.sourceDtypes},
            {"labels", labels},
            {"max_length", config.maxLength}};
        manifest["run"] = {{"id", plan.run.id},
                           {"name", plan.run.name},
                           {"status", store::toString(plan.run.status)},
                           {"model", plan.run.modelDir},
                           {"checkpoint", plan.kind},
                           {"checkpoint_step", plan.checkpointStep},
                           {"checkpoint_path", plan.checkpointPath},
                           {"config", train::toJson(config)}};
        json sourcesJson = json::array();
        for (const auto& s : sources)
            sourcesJson.push_back(
                {{"path", s.path}, {"sha256", s.sha256}, {"size", s.size}, {"rows", s.rowCount}});
        manifest["dataset"] = {{"id", dataset->id},
                               {"name", dataset->name},
                               {"sha256", dataSha},
                               {"split", plan.run.splitId},
                               {"sources", sourcesJson}};
        manifest["evaluation"] = evaluation ? json(evaluation->id) : json(nullptr);
        manifest["metrics"] = metrics;
        manifest["verification"] = verification.toJson();
        json files = json::array();
        for (const auto& f : result.files)
            files.push_back({{"path", f.path}, {"size", f.size}, {"sha256", f.sha256}});
        manifest["files"] = files;
        const std::string manifestText = manifest.dump(2) + "\n";
        fileio::writeFile((tmp / "manifest.json").string(), manifestText);
        result.manifest = manifest;
        result.totalBytes = manifestText.size();
        for (const auto& f : result.files) result.totalBytes += f.size;

        checkStop(progress, target);
        fileio::syncFolder(tmp.string());
        publish(tmp, target);
        fileio::syncFolder(parent.string());

        store::ExportInfo info;
        info.name = plan.name;
        info.version = plan.version;
        info.runId = runId;
        info.evaluationId = result.evaluationId;
        info.path = target.string();
        info.checkpoint = plan.kind;
        info.dtype = toString(options.dtype);
        info.datasetSha256 = dataSha;
        info.metricsJson = metrics.dump();
        info.manifestJson = manifestText;
        info.verified = verification.passed;
        try {
            result.exportId = project.recordExport(info);
        } catch (...) {
            // The folder is complete but unregistered: take it back so that a retry finds
            // the same state as before.
            std::error_code ignored;
            fs::remove_all(target, ignored);
            throw;
        }
    } catch (const Error& e) {
        fs::remove_all(tmp, ec);
        // A write that failed names a file in the temporary folder; say which export it
        // was and that nothing is left of it.
        if (e.code() == ErrorCode::Io)
            throw Error(
                ErrorCode::Io,
                target.string() + ": the export failed and nothing was written: " + e.what());
        throw;
    } catch (const std::exception& e) {
        fs::remove_all(tmp, ec);
        throw Error(ErrorCode::Io, target.string() + ": the export failed (" + e.what() +
                                       "); nothing was written");
    }
    progress.progress(1.0, "Exported");
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

std::vector<store::ExportInfo> Exporter::list(const std::string& projectDir) {
    return store::Project::open(projectDir).exports();
}

void Exporter::remove(const std::string& projectDir, int64_t exportId) {
    auto project = store::Project::open(projectDir);
    const auto info = project.exportInfo(exportId);
    if (!info)
        throw Error(ErrorCode::NotFound, projectDir + ": no export with id " +
                                             std::to_string(exportId) +
                                             " (finetune export list shows them)");
    const fs::path folder(info->path);
    std::error_code ec;
    if (fs::exists(fs::symlink_status(folder, ec))) {
        // Only a folder this program wrote is deleted wholesale: a path in the registry
        // that now holds something else is left alone.
        if (!fs::is_directory(folder) || !fs::is_regular_file(folder / "manifest.json"))
            throw Error(ErrorCode::InvalidArgument,
                        folder.string() +
                            ": has no manifest.json, so it is not an export folder; not deleting "
                            "it (remove it yourself, then delete the export again)");
        // Renamed aside first, so a folder that cannot be removed whole is not left half.
        const fs::path aside = folder.parent_path() / ("." + folder.filename().string() +
                                                       ".deleting-" + std::to_string(::getpid()));
        if (std::rename(folder.c_str(), aside.c_str()) != 0)
            throw Error(ErrorCode::Io, folder.string() + ": cannot be deleted (" +
                                           fileio::lastError() + "); the export is kept");
        fs::remove_all(aside, ec);
        if (ec) {
            std::error_code ignored;
            fs::rename(aside, folder, ignored);
            throw Error(ErrorCode::Io, folder.string() + ": cannot be deleted (" + ec.message() +
                                           "); the export is kept");
        }
    }
    project.deleteExport(exportId);
}

ExportComparison Exporter::compare(const std::string& projectDir,
                                   const std::vector<int64_t>& exportIds) {
    if (exportIds.size() < 2)
        throw Error(ErrorCode::InvalidArgument, "compare: give at least two export ids");
    const auto project = store::Project::open(projectDir);
    ExportComparison c;
    std::vector<json> metrics, configs;
    for (int64_t id : exportIds) {
        const auto info = project.exportInfo(id);
        if (!info)
            throw Error(ErrorCode::NotFound, projectDir + ": no export with id " +
                                                 std::to_string(id) +
                                                 " (finetune export list shows them)");
        c.exports.push_back(*info);
        json m = json::object();
        try {
            m = json::parse(info->metricsJson.empty() ? "{}" : info->metricsJson);
        } catch (const json::exception&) {
        }
        metrics.push_back(m.is_object() ? m : json::object());
        json cfg = json::object();
        if (const auto run = project.run(info->runId)) {
            try {
                cfg = json::parse(run->configJson);
            } catch (const json::exception&) {
            }
        }
        configs.push_back(cfg.is_object() ? cfg : json::object());
    }
    std::vector<std::string> keys;
    for (const auto& m : metrics)
        for (const auto& [k, v] : m.items())
            if (v.is_number() && k != "evaluation" && k != "rows" &&
                std::find(keys.begin(), keys.end(), k) == keys.end())
                keys.push_back(k);
    for (const auto& k : keys) {
        ExportComparison::Metric metric;
        metric.key = k;
        for (const auto& m : metrics)
            metric.values.push_back(m.contains(k) && m[k].is_number()
                                        ? std::optional<double>(m[k].get<double>())
                                        : std::nullopt);
        c.metrics.push_back(std::move(metric));
    }
    std::set<std::string> configKeys;
    for (const auto& cfg : configs)
        for (const auto& [k, v] : cfg.items()) configKeys.insert(k);
    for (const auto& k : configKeys) {
        std::vector<std::string> values;
        for (const auto& cfg : configs) values.push_back(cfg.contains(k) ? cfg[k].dump() : "null");
        if (std::adjacent_find(values.begin(), values.end(), std::not_equal_to<>()) != values.end())
            c.configDifferences.emplace_back(k, values);
    }
    return c;
}

}  // namespace ft::deploy
