#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

// config.json of a Hugging Face checkpoint folder: raw JSON -> validated per-architecture
// structs. Torch-free, so the GUI and the CLI can show a model without loading it.
namespace ft::io {

enum class Activation { Gelu, GeluNew, GeluPytorchTanh, Relu, Silu, Tanh };

// "gelu", "gelu_new", "gelu_pytorch_tanh", "relu", "silu", "tanh".
const char* activationName(Activation a);

// Fields every architecture shares.
struct CommonConfig {
    std::string modelType;                   // "bert", "distilbert", "roberta", "gpt2", "xlnet"
    std::vector<std::string> architectures;  // e.g. {"BertForSequenceClassification"}
    std::string dtype = "float32";           // `dtype` (transformers 5) or `torch_dtype`
    std::vector<std::string> labels;         // id2label in id order; size = num_labels
    std::optional<int64_t> padTokenId, bosTokenId, eosTokenId;
    double initializerRange = 0.02;
    bool tieWordEmbeddings = true;
    std::string problemType;  // "" when absent
};

// BERT and RoBERTa (RoBERTa differs in positions and special ids, not in fields).
struct BertConfig {
    int64_t vocabSize = 30522;
    int64_t hiddenSize = 768;
    int64_t numHiddenLayers = 12;
    int64_t numAttentionHeads = 12;
    int64_t intermediateSize = 3072;
    Activation hiddenAct = Activation::Gelu;
    double hiddenDropoutProb = 0.1;
    double attentionProbsDropoutProb = 0.1;
    std::optional<double> classifierDropout;
    int64_t maxPositionEmbeddings = 512;
    int64_t typeVocabSize = 2;
    double layerNormEps = 1e-12;
};

struct DistilBertConfig {
    int64_t vocabSize = 30522;
    int64_t dim = 768;
    int64_t nLayers = 6;
    int64_t nHeads = 12;
    int64_t hiddenDim = 3072;
    Activation activation = Activation::Gelu;
    double dropout = 0.1;
    double attentionDropout = 0.1;
    double seqClassifDropout = 0.2;
    int64_t maxPositionEmbeddings = 512;
    bool sinusoidalPosEmbds = false;
};

struct Gpt2Config {
    int64_t vocabSize = 50257;
    int64_t nEmbd = 768;
    int64_t nLayer = 12;
    int64_t nHead = 12;
    std::optional<int64_t> nInner;  // unset: 4 * nEmbd
    Activation activationFunction = Activation::GeluNew;
    double residPdrop = 0.1, embdPdrop = 0.1, attnPdrop = 0.1;
    int64_t nPositions = 1024;
    double layerNormEpsilon = 1e-5;
    bool scaleAttnWeights = true;
    bool scaleAttnByInverseLayerIdx = false;
    int64_t innerDim() const { return nInner.value_or(4 * nEmbd); }
};

// XLNet (transformers' XLNetConfig). Only what fine-tuning a classifier uses is modelled;
// mem_len, reuse_len, same_length, use_mems_* and the SQuAD fields stay in
// ModelConfig::raw. Only attn_type "bi" with bi_data false is accepted: the layout every
// released checkpoint fine-tunes with.
struct XLNetConfig {
    int64_t vocabSize = 32000;
    int64_t dModel = 1024;
    int64_t nLayer = 24;
    int64_t nHead = 16;
    int64_t dHead = 64;  // always dModel / nHead (transformers rejects anything else)
    int64_t dInner = 4096;
    Activation ffActivation = Activation::Gelu;
    bool untieR = true;
    int64_t clampLen = -1;  // <= 0: relative distances are not clamped
    double layerNormEps = 1e-12;
    double dropout = 0.1;
    // The sequence summary in front of logits_proj.
    std::string summaryType = "last";  // "last", "first", "mean"; "cls_index" reads as "last"
    bool summaryUseProj = true;
    std::optional<Activation> summaryActivation = Activation::Tanh;  // unset: identity
    std::optional<double> summaryFirstDropout;  // unset: no dropout before the projection
    double summaryLastDropout = 0.1;
    // XLNet has relative positions and no position table (transformers reports -1). This
    // is the longest input offered: the length it was pretrained with.
    static constexpr int64_t kMaxPositions = 512;
};

// The shape of a model in the words the GUI and `finetune model info` use.
struct ConfigSummary {
    int64_t layers = 0, hidden = 0, heads = 0, vocab = 0, maxPositions = 0;
};

struct ModelConfig {
    CommonConfig common;
    std::variant<BertConfig, DistilBertConfig, Gpt2Config, XLNetConfig> arch;
    // The parsed file, kept so that saving preserves fields this program does not model.
    nlohmann::json raw = nlohmann::json::object();

    ConfigSummary summary() const;
    // The config.json to write: raw with the modelled fields (labels, dtype,
    // architectures, dropout) brought up to date.
    nlohmann::json toJson() const;
};

// model_type values parseConfig accepts, comma separated ("bert, distilbert, ...").
std::string supportedModelTypes();

// Validates raw config.json content. `file` names the source in messages. Throws
// ft::Error: Mapping naming a missing required field or an unsupported model_type (the
// message lists the supported ones), InvalidArgument naming a field whose value is out
// of range (e.g. hidden size not divisible by the heads, an unknown activation).
ModelConfig parseConfig(const nlohmann::json& json, const std::string& file = "config.json");

// Reads and validates folder/config.json (Io / NotFound / Parse naming the file).
ModelConfig readConfig(const std::string& folder);

// Writes folder/config.json atomically (temporary file + rename). Throws ft::Error (Io).
void writeConfig(const std::string& folder, const ModelConfig& config);

}  // namespace ft::io
