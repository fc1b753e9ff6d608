// Paper: Radford et al. 2019, "Language Models are Unsupervised Multitask Learners".
// Reference: transformers 5.x models/gpt2/modeling_gpt2.py (HF numbers are the truth).
#include "models/gpt2.h"

#include <cmath>

namespace ft::models {

namespace {

bool endsWith(const std::string& s, const std::string& p) {
    return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

torch::nn::LayerNorm layerNorm(int64_t n, double eps) {
    return torch::nn::LayerNorm(torch::nn::LayerNormOptions({n}).eps(eps));
}

DropoutRates gpt2Dropout(const io::Gpt2Config& c) {
    // "classifier" is the embedding dropout (embd_pdrop): GPT-2's heads have none.
    return {c.residPdrop, c.attnPdrop, c.embdPdrop};
}

}  // namespace

Gpt2AttentionImpl::Gpt2AttentionImpl(const io::Gpt2Config& c, int64_t layerIdx,
                                     std::shared_ptr<DropoutRates> dropout)
    : m_heads(c.nHead), m_headDim(c.nEmbd / c.nHead), m_dropout(std::move(dropout)) {
    c_attn = register_module("c_attn", Conv1D(c.nEmbd, 3 * c.nEmbd));
    c_proj = register_module("c_proj", Conv1D(c.nEmbd, c.nEmbd));
    m_scale = c.scaleAttnWeights ? 1.0 / std::sqrt(static_cast<double>(m_headDim)) : 1.0;
    if (c.scaleAttnByInverseLayerIdx) m_scale /= static_cast<double>(layerIdx + 1);
}

torch::Tensor Gpt2AttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& bias) {
    const int64_t b = x.size(0), t = x.size(1), e = x.size(2);
    const auto qkv = c_attn(x).split(e, 2);
    auto split = [&](const torch::Tensor& y) {
        return y.view({b, t, m_heads, m_headDim}).transpose(1, 2);
    };
    const auto context = attention(split(qkv[0]), split(qkv[1]), split(qkv[2]), bias, m_scale,
                                   m_dropout->attention, is_training());
    const auto out = c_proj(context.transpose(1, 2).reshape({b, t, e}));
    return torch::dropout(out, m_dropout->hidden, is_training());
}

Gpt2MlpImpl::Gpt2MlpImpl(const io::Gpt2Config& c, std::shared_ptr<DropoutRates> dropout)
    : m_act(c.activationFunction), m_dropout(std::move(dropout)) {
    c_fc = register_module("c_fc", Conv1D(c.nEmbd, c.innerDim()));
    c_proj = register_module("c_proj", Conv1D(c.innerDim(), c.nEmbd));
}

torch::Tensor Gpt2MlpImpl::forward(const torch::Tensor& x) {
    return torch::dropout(c_proj(activate(c_fc(x), m_act)), m_dropout->hidden, is_training());
}

Gpt2BlockImpl::Gpt2BlockImpl(const io::Gpt2Config& c, int64_t layerIdx,
                             std::shared_ptr<DropoutRates> dropout) {
    ln_1 = register_module("ln_1", layerNorm(c.nEmbd, c.layerNormEpsilon));
    attn = register_module("attn", Gpt2Attention(c, layerIdx, dropout));
    ln_2 = register_module("ln_2", layerNorm(c.nEmbd, c.layerNormEpsilon));
    mlp = register_module("mlp", Gpt2Mlp(c, dropout));
}

torch::Tensor Gpt2BlockImpl::forward(const torch::Tensor& x, const torch::Tensor& bias) {
    const auto a = x + attn(ln_1(x), bias);
    return a + mlp(ln_2(a));
}

Gpt2ModelImpl::Gpt2ModelImpl(const io::Gpt2Config& c, std::shared_ptr<DropoutRates> dropout)
    : m_dropout(std::move(dropout)) {
    wte = register_module("wte", torch::nn::Embedding(c.vocabSize, c.nEmbd));
    wpe = register_module("wpe", torch::nn::Embedding(c.nPositions, c.nEmbd));
    h = register_module("h", torch::nn::ModuleList());
    for (int64_t i = 0; i < c.nLayer; ++i) h->push_back(Gpt2Block(c, i, m_dropout));
    ln_f = register_module("ln_f", layerNorm(c.nEmbd, c.layerNormEpsilon));
}

torch::Tensor Gpt2ModelImpl::forward(const torch::Tensor& inputIds,
                                     const torch::Tensor& attentionMask,
                                     std::vector<torch::Tensor>* hiddenStates) {
    const int64_t t = inputIds.size(1);
    const auto positions = torch::arange(t, inputIds.options()).unsqueeze(0);
    auto x = wte(inputIds) + wpe(positions);
    x = torch::dropout(x, m_dropout->classifier, is_training());
    const auto bias = causalBias(attentionMask, t);
    for (const auto& m : *h) {
        if (hiddenStates) hiddenStates->push_back(x);
        x = m->as<Gpt2BlockImpl>()->forward(x, bias);
    }
    x = ln_f(x);
    if (hiddenStates) hiddenStates->push_back(x);
    return x;
}

Gpt2BaseImpl::Gpt2BaseImpl(const io::ModelConfig& config)
    : PretrainedModelImpl(config.common.initializerRange,
                          gpt2Dropout(std::get<io::Gpt2Config>(config.arch))),
      m_config(std::get<io::Gpt2Config>(config.arch)) {
    transformer = register_module("transformer", Gpt2Model(m_config, m_dropout));
}

bool Gpt2BaseImpl::ignorableKey(const std::string& key) const {
    // The causal-mask buffers older transformers saved.
    return endsWith(key, ".attn.bias") || endsWith(key, ".attn.masked_bias");
}

std::string Gpt2BaseImpl::layerPrefix(int64_t i) const {
    return "transformer.h." + std::to_string(i) + ".";
}

Gpt2ForSequenceClassificationImpl::Gpt2ForSequenceClassificationImpl(const io::ModelConfig& config)
    : Gpt2BaseImpl(config),
      m_padTokenId(config.common.padTokenId),
      m_numLabels(static_cast<int64_t>(config.common.labels.size())) {
    score = register_module(
        "score",
        torch::nn::Linear(torch::nn::LinearOptions(m_config.nEmbd, m_numLabels).bias(false)));
}

Outputs Gpt2ForSequenceClassificationImpl::forward(const Inputs& in, bool outputHiddenStates) {
    Outputs out;
    const auto x = transformer(in.inputIds, in.attentionMask,
                               outputHiddenStates ? &out.hiddenStates : nullptr);
    const auto logits = score(x);
    const int64_t b = in.inputIds.size(0), t = in.inputIds.size(1);
    torch::Tensor last;
    if (m_padTokenId) {
        const auto nonPad = in.inputIds.ne(*m_padTokenId).to(torch::kInt64);
        last = (torch::arange(t, in.inputIds.options()).unsqueeze(0) * nonPad).argmax(-1);
    } else {
        last = torch::full({b}, t - 1, in.inputIds.options());
    }
    out.logits = logits.index({torch::arange(b, in.inputIds.options()), last});
    if (in.labels.defined()) out.loss = classificationLoss(out.logits, in.labels);
    return out;
}

Gpt2LMHeadModelImpl::Gpt2LMHeadModelImpl(const io::ModelConfig& config)
    : Gpt2BaseImpl(config), m_tied(config.common.tieWordEmbeddings) {
    if (!m_tied)
        lm_head = register_module(
            "lm_head",
            torch::nn::Linear(
                torch::nn::LinearOptions(m_config.nEmbd, m_config.vocabSize).bias(false)));
}

Outputs Gpt2LMHeadModelImpl::forward(const Inputs& in, bool outputHiddenStates) {
    Outputs out;
    const auto x = transformer(in.inputIds, in.attentionMask,
                               outputHiddenStates ? &out.hiddenStates : nullptr);
    out.logits = m_tied ? torch::nn::functional::linear(x, transformer->wte->weight) : lm_head(x);
    if (in.labels.defined()) {
        const int64_t t = out.logits.size(1);
        out.loss = crossEntropy(out.logits.narrow(1, 0, t - 1), in.labels.narrow(1, 1, t - 1));
    }
    return out;
}

bool Gpt2LMHeadModelImpl::ignorableKey(const std::string& key) const {
    return Gpt2BaseImpl::ignorableKey(key) || (m_tied && key == "lm_head.weight");
}

}  // namespace ft::models
