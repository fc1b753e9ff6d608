#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "io/modelconfig.h"

namespace ft::text {
class Tokenizer;
}

// The torch-free face of a model: what the GUI, the CLI and the benchmarks use to open a
// Hugging Face checkpoint folder, show it, run it and save it. The torch module behind it
// (for the trainer) is reached through models/loader.h.
namespace ft::models {

enum class Task { SequenceClassification, MaskedLM, CausalLM };
const char* toString(Task task);

// Dropout probabilities that replace the config's (unset = keep). "classifier" is the
// head's dropout (for GPT-2, which has no head dropout, the embedding dropout).
struct DropoutOverrides {
    std::optional<double> hidden, attention, classifier;
};

struct LoadOptions {
    // Unset: from config.json's architectures (a bare encoder becomes a classifier).
    std::optional<Task> task;
    // A classifier's labels. When they differ in number from the checkpoint's, the head
    // is created afresh (reported in LoadReport::newWeights). Empty: the config's.
    std::vector<std::string> labels;
    DropoutOverrides dropout;
    // Fail with NotFound when the folder has no tokenizer (otherwise tokenizer() is null).
    bool requireTokenizer = false;
};

struct LoadReport {
    // Weights the checkpoint lacked and that were initialised as transformers does.
    std::vector<std::string> newWeights;
    // Checkpoint keys the model has no use for (a warning, not an error).
    std::vector<std::string> unexpectedKeys;
    std::string format;       // "safetensors", "sharded safetensors", "pytorch_model.bin", ""
    std::string storedDtype;  // dtypes of the stored tensors, e.g. "F32" or "BF16+F32"
    std::vector<std::string> files;
    uint64_t fileBytes = 0;
    int64_t parameterCount = 0;
    bool randomlyInitialised = false;  // built from a config, no checkpoint at all
};

struct ModelInfo {
    std::string modelType, architecture;
    Task task = Task::SequenceClassification;
    int64_t parameters = 0, layers = 0, hidden = 0, heads = 0, vocab = 0, maxPositions = 0;
    std::string tokenizerKind;  // "WordPiece", "BPE", "Unigram", "" without a tokenizer
    uint64_t fileBytes = 0;
    std::string dtype;                // config dtype, e.g. "float32"
    std::vector<std::string> labels;  // classifiers only
};

// A padded batch, row-major [batch, length]. attentionMask and tokenTypeIds may be empty
// (all ones / all zeros); labels: empty, [batch] or (language models) [batch, length].
struct Batch {
    int64_t batch = 0, length = 0;
    std::vector<int64_t> inputIds, attentionMask, tokenTypeIds, labels;
};

struct ForwardResult {
    std::vector<int64_t> logitsShape;              // [B, labels] or [B, T, vocab]
    std::vector<float> logits;                     // row-major
    std::optional<double> loss;                    // when labels were given
    std::vector<int64_t> hiddenShape;              // [B, T, H]
    std::vector<std::vector<float>> hiddenStates;  // on request: embeddings first
};

struct Prediction {
    std::vector<float> probabilities;  // softmax of the logits, one per label
    int64_t label = 0;                 // argmax
};

// One row's logits (labels of them) as a Prediction: torch's softmax and argmax, the one
// computation predict, the evaluation, the export's verification and serve all use, so
// that their probabilities agree bit for bit.
Prediction predictionFromLogits(const float* logits, int64_t labels);

struct LoadedModel;

// A loaded model. Copies share the same weights. Not thread-safe: one thread at a time
// (the GUI hands it to a worker). Every failure throws ft::Error with the file, key or
// value in the message; a failed open hands nothing on.
class Model {
public:
    // Opens a checkpoint folder (config.json, weights, tokenizer files).
    static Model open(const std::string& folder, const LoadOptions& options = {});
    // A randomly initialised model of a built-in shape ("bert-tiny" 2x128,
    // "bert-mini" 4x256, "bert-small" 4x512); report().randomlyInitialised is set. When
    // tokenizerFolder is not empty its tokenizer is loaded and the embedding matrix gets
    // one row per token (config().summary().vocab = the tokenizer's vocabSize(), e.g. a
    // vocabulary built by text::WordPieceTrainer); save() then copies its files. Without
    // one the vocabulary is BERT's 30,522 and tokenizer() is null.
    static Model createBuiltin(const std::string& name, const std::vector<std::string>& labels = {},
                               const std::string& tokenizerFolder = {});
    // A randomly initialised model of any supported config.
    static Model create(const io::ModelConfig& config, Task task = Task::SequenceClassification);
    static std::vector<std::string> builtinNames();
    // The config of a built-in shape; throws ft::Error (InvalidArgument) listing the names.
    static io::ModelConfig builtinConfig(const std::string& name);
    // A BERT config of any shape (vocab 30522, 512 positions, intermediate 4 x hidden).
    static io::ModelConfig bertConfig(int64_t layers, int64_t hidden, int64_t heads);

    ModelInfo info() const;
    const LoadReport& report() const;
    const io::ModelConfig& config() const;
    // Null when the folder had no tokenizer.
    const text::Tokenizer* tokenizer() const;

    // Runs the model in eval and inference mode (no autograd).
    ForwardResult forward(const Batch& batch, bool hiddenStates = false) const;
    // Classifiers: tokenizes (truncating to the model's positions), runs in batches of
    // batchSize and returns softmax probabilities. Throws InvalidArgument for a language
    // model or a model without a tokenizer.
    std::vector<Prediction> predict(const std::vector<std::string>& texts,
                                    size_t batchSize = 32) const;
    // Writes folder/config.json and folder/model.safetensors (atomically each) and copies
    // the tokenizer files of the folder the model came from. Creates folder if needed.
    void save(const std::string& folder) const;

    // The torch side (models/loader.h), for the trainer.
    LoadedModel& internals() const { return *m_impl; }

private:
    explicit Model(std::shared_ptr<LoadedModel> impl) : m_impl(std::move(impl)) {}
    std::shared_ptr<LoadedModel> m_impl;
};

}  // namespace ft::models
