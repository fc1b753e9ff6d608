#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "progress.h"
#include "store/project.h"

// Stage 5: one-click export of a trained run into a self-contained, verified folder, and
// the project's model registry (store::Project's exports table). Torch-free facade: the
// GUI's Export page and `finetune export` drive it; the torch work happens in the .cpp.
//
// An export folder (default <project>/exports/<name>-v<N>/) holds:
//   config.json              the checkpoint's config with architectures, id2label,
//                            label2id, num_labels and torch_dtype set for the export dtype
//   model.safetensors        Hugging Face keys, converted to the export dtype (f16 / bf16
//                            rounded to nearest even, as torch's .to() does)
//   tokenizer files          as the run used them, plus tokenizer_config.json whose
//                            model_max_length is the run's max_length (so the folder cuts
//                            texts where training and evaluation did)
//   preprocessing.json       the dataset's latest cleaning pipeline (deploy/preprocessing.h)
//   README.md                the model card (deploy/modelcard.h), with the evaluation
//                            plots as PNG files beside it when a PlotRenderer is given
//   Dockerfile, k8s.yaml     serve the folder with `finetune serve --model /model`
//   manifest.json            versions, run config, dataset SHA-256, SHA-256 and size of
//                            every other file, and the verification result
//   .dockerignore
//
// Metrics come from the newest stored evaluation of the exported checkpoint (one older
// than the checkpoint is ignored). exportRun never evaluates: without an evaluation the
// export still works, the card says the model was not evaluated, and verification
// compares the folder with the checkpoint itself run on the split's test part.
//
// Safety: everything is written into a hidden temporary folder beside the target
// (".<target>.tmp-<pid>") and renamed onto the target at the end, so the target is either
// complete or absent. An existing target is never overwritten. Any failure (a full disk,
// a read-only folder, a cancel) removes the temporary folder, records nothing in the
// registry and throws ft::Error naming the folder and the reason.
//
// Threads: exportRun blocks the calling thread (a worker, never the GUI thread) and opens
// its own connection to the project; callbacks come on that thread. progress.shouldStop()
// is polled between files and between verification batches; a stop throws
// ErrorCode::Cancelled with nothing left behind.
namespace ft::deploy {

enum class ExportDtype { F32, F16, BF16 };
// "f32", "f16", "bf16".
const char* toString(ExportDtype dtype);
// Accepts f32/f16/bf16 (also float32/float16/bfloat16); false for anything else.
bool parseExportDtype(const std::string& name, ExportDtype& out);

struct ExportOptions {
    std::string checkpoint = "best";  // "best" or "last"; best falls back to last when the
                                      // run never wrote a best checkpoint
    ExportDtype dtype = ExportDtype::F32;
    std::string name;    // registry name; "" = the run name, sanitized (sanitizeName)
    std::string outDir;  // "" = <project>/exports/<name>-v<N>, N = the next version
    bool verify = true;  // re-predict from the written folder before the rename
    // Verification batches as the evaluator makes them (consecutive rows, batches of this
    // size): the batch size of the evaluation compared against (eval::EvalOptions's
    // default). A row's probabilities can differ by an ulp in another batch layout.
    size_t batchSize = 64;
};

// What the verified export found when it loaded the written folder back (models::Model
// + preprocessing.json) and predicted the reference rows again.
struct Verification {
    bool performed = false;
    // f32: every row's label and every probability bit-identical to the reference.
    // f16 / bf16: every row's label equal (probabilities differ by rounding; see below).
    bool passed = false;
    // "evaluation <id>": the stored predictions of the checkpoint's latest evaluation
    // (its part of the split, normally test). "checkpoint": no evaluation of that
    // checkpoint exists, so the checkpoint folder itself was run on the split's test part
    // (rows not dropped) and the export compared against it.
    std::string reference;
    std::optional<int64_t> evaluationId;
    std::string part;  // "test", "validation", "train"
    int64_t rows = 0;
    int64_t sameLabel = 0;
    int64_t identicalRows = 0;  // rows whose probabilities are bit-identical
    double agreement = 0;       // sameLabel / rows (1 when rows == 0)
    double maxProbabilityDifference = 0;
    std::string message;  // one line for people: what passed or what differed, and where

    nlohmann::json toJson() const;
};

struct ExportedFile {
    std::string path;  // relative to the export folder, '/' separated
    uint64_t size = 0;
    std::string sha256;
};

struct ExportResult {
    int64_t exportId = 0;  // registry row
    std::string name;
    int64_t version = 0;
    std::string folder;  // absolute path of the finished folder
    std::string checkpoint;
    std::string checkpointPath;
    ExportDtype dtype = ExportDtype::F32;
    std::optional<int64_t> evaluationId;  // the evaluation the card and metrics come from
    std::vector<ExportedFile> files;      // manifest.json excluded (it lists these)
    uint64_t totalBytes = 0;              // manifest.json included
    Verification verification;
    bool plotsRendered = false;
    std::vector<std::string> warnings;  // e.g. "not evaluated", "plots unavailable: ..."
    nlohmann::json manifest;
    double seconds = 0;
};

// Draws an evaluation's plots into dir (PNG) and returns the file names written (relative
// to dir). Core cannot draw: the CLI and the GUI pass one built on
// ft::plots::saveEvaluationPlots. Called on exportRun's thread (the CLI's offscreen
// QApplication / QCustomPlot are used from that thread only). May throw; the export then
// goes on without images and the card says why.
using PlotRenderer = std::function<std::vector<std::string>(const store::EvaluationInfo& evaluation,
                                                            const std::string& dir)>;

// Two or more registry versions side by side.
struct ExportComparison {
    struct Metric {
        std::string key;                            // "accuracy", "f1_macro", ...
        std::vector<std::optional<double>> values;  // one per export, in ids order
    };
    std::vector<store::ExportInfo> exports;  // in the order asked
    std::vector<Metric> metrics;             // union of the exports' headline metrics
    // Run-config keys whose values differ between the exports' runs, values as JSON text.
    std::vector<std::pair<std::string, std::vector<std::string>>> configDifferences;

    // {"exports": [{"id", "name", "version", "run", "dtype", "checkpoint", "verified",
    //               "created_at", "path"}...],
    //  "metrics": {"accuracy": [a1, a2], ...}, "config_differences": {"learning_rate": [..]}}
    nlohmann::json toJson() const;
};

class Exporter {
public:
    // Exports run runId of the project in projectDir (see the top of this file). Throws
    // ft::Error: NotFound (no such project / run / checkpoint, naming the folder),
    // InvalidArgument (bad checkpoint name, an empty name after sanitizing, a target that
    // already exists — naming it), Io (cannot write: naming the folder and the OS reason),
    // Cancelled. On any throw nothing is written and the registry is unchanged.
    static ExportResult exportRun(const std::string& projectDir, int64_t runId,
                                  const ExportOptions& options = {}, const Progress& progress = {},
                                  const PlotRenderer& renderPlots = {});

    // The folder exportRun would write with these options (name and version resolved),
    // for the GUI to show before exporting. Same errors as exportRun's argument checks.
    static std::string plannedFolder(const std::string& projectDir, int64_t runId,
                                     const ExportOptions& options = {});

    // Registry: every version, by name then version.
    static std::vector<store::ExportInfo> list(const std::string& projectDir);
    // Removes the export's folder and its registry row (the folder first: a folder that
    // cannot be removed leaves the row, and the error names the folder). A folder already
    // gone is not an error. Throws NotFound for an unknown id.
    static void remove(const std::string& projectDir, int64_t exportId);
    // Throws NotFound naming an unknown id, InvalidArgument for fewer than two ids.
    static ExportComparison compare(const std::string& projectDir,
                                    const std::vector<int64_t>& exportIds);

    // A registry name from free text: letters, digits, '-', '_' and '.' kept (ASCII),
    // runs of anything else become one '-', trimmed of '-' and '.', at most 64 bytes.
    static std::string sanitizeName(const std::string& name);
};

}  // namespace ft::deploy
