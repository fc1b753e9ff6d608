#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

#include "io/modelconfig.h"
#include "models/model.h"

// The torch-side interface every architecture implements, and the small building blocks
// they share. Only core/models and core/train include this header (it includes torch);
// ui/ and the CLI use the torch-free facade in models/model.h.
namespace ft::models {

// Undefined tensors mean "absent". inputIds, attentionMask, tokenTypeIds: int64 [B, T].
// labels: int64 [B] (classification; float [B] for a one-label regression head) or
// int64 [B, T] for language modelling (-100 = ignored).
struct Inputs {
    torch::Tensor inputIds, attentionMask, tokenTypeIds, labels;
};

// logits: [B, labels] or [B, T, vocab]; loss: a scalar when labels were given;
// hiddenStates (on request): embedding output first, final layer last, [B, T, H] each.
struct Outputs {
    torch::Tensor logits, loss;
    std::vector<torch::Tensor> hiddenStates;
};

// Dropout probabilities, shared by all submodules of one model so that the trainer can
// change them after loading. Unset override fields keep the config's values.
struct DropoutRates {
    double hidden = 0.1, attention = 0.1, classifier = 0.1;
};

// Base of every model. Parameter and buffer names are exactly Hugging Face's state-dict
// keys, so named_parameters() is what the optimizer, the checkpoint writer and the
// loader use. Not thread-safe: one thread drives a model at a time.
class PretrainedModelImpl : public torch::nn::Module {
public:
    // Eval mode gives Hugging Face's numbers exactly (dropout off).
    virtual Outputs forward(const Inputs& inputs, bool outputHiddenStates = false) = 0;
    virtual Task task() const { return Task::SequenceClassification; }
    // The model class Hugging Face would name ("BertForSequenceClassification").
    virtual std::string className() const = 0;
    // The prefix of the encoder's keys ("bert."): a checkpoint of the bare encoder
    // stores the same keys without it.
    virtual std::string basePrefix() const = 0;
    // Key prefixes a checkpoint may lack; such weights are initialised as Hugging Face
    // does (a fresh head, a pooler a masked-LM checkpoint has no use for).
    virtual std::vector<std::string> initialisablePrefixes() const = 0;
    // Checkpoint keys that are tied copies or derived buffers (skipped silently).
    virtual bool ignorableKey(const std::string& key) const;
    virtual std::string embeddingsPrefix() const = 0;
    virtual std::string layerPrefix(int64_t layer) const = 0;
    virtual int64_t numLayers() const = 0;
    virtual int64_t embeddingRows() const = 0;
    // Labels of a classifier (logits [B, numLabels()]); 0 for language models.
    virtual int64_t numLabels() const { return 0; }
    // The classifier interface: logits of forward() without labels or hidden states.
    torch::Tensor logits(const torch::Tensor& inputIds, const torch::Tensor& attentionMask,
                         const torch::Tensor& tokenTypeIds = {});

    const DropoutRates& dropout() const { return *m_dropout; }
    void setDropout(const DropoutOverrides& overrides);
    // Initialises the parameters under prefix ("" = all) as transformers'
    // _init_weights: Linear / Conv1D / Embedding weights ~ normal(0, initializerRange),
    // biases 0, embedding padding rows 0, LayerNorm weight 1 and bias 0.
    void initWeights(const std::string& prefix = "");
    // requires_grad = false for the embeddings and the first n layers (n is clamped).
    void freezeBottomLayers(int64_t n);
    // Parameters then buffers, Hugging Face names, in registration order.
    std::vector<std::pair<std::string, torch::Tensor>> stateDict() const;
    int64_t parameterCount() const;

protected:
    PretrainedModelImpl(double initializerRange, DropoutRates rates);
    std::shared_ptr<DropoutRates> m_dropout;
    double m_initializerRange;
    std::optional<int64_t> m_paddingIdx;  // embedding rows kept at zero by initWeights
};

// A sequence classifier is a PretrainedModelImpl whose task() is SequenceClassification.
using SequenceClassifierImpl = PretrainedModelImpl;

// GPT-2's Conv1D: a linear layer whose weight is stored [in, out].
class Conv1DImpl : public torch::nn::Module {
public:
    Conv1DImpl(int64_t in, int64_t out);
    torch::Tensor forward(const torch::Tensor& x);
    torch::Tensor weight, bias;
};
TORCH_MODULE(Conv1D);

torch::Tensor activate(const torch::Tensor& x, io::Activation a);
// The additive attention bias transformers uses: 0 where attended, the float32 minimum
// where masked; [B, 1, 1, T] from a [B, T] 0/1 mask (undefined mask -> undefined bias).
torch::Tensor paddingBias(const torch::Tensor& attentionMask);
// Causal plus padding bias [B or 1, 1, T, T].
torch::Tensor causalBias(const torch::Tensor& attentionMask, int64_t length);
// softmax(q k^T * scale + bias) v over [B, heads, T, d]; dropout p when training.
torch::Tensor attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                        const torch::Tensor& bias, double scale, double p, bool training);
// Mean cross entropy over labels != -100 (language models shift before calling).
torch::Tensor crossEntropy(const torch::Tensor& logits, const torch::Tensor& labels);
// Classification loss as transformers chooses it: MSE for one label, else cross entropy.
torch::Tensor classificationLoss(const torch::Tensor& logits, const torch::Tensor& labels);

}  // namespace ft::models
