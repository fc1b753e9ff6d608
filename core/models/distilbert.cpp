// Paper: Sanh et al. 2019, "DistilBERT, a distilled version of BERT".
// Reference: transformers 5.x models/distilbert/modeling_distilbert.py.
#include "models/distilbert.h"

#include <cmath>

namespace ft::models {

namespace {

// DistilBERT's LayerNorms use a fixed eps of 1e-12 (not in config.json).
constexpr double kEps = 1e-12;

torch::nn::LayerNorm layerNorm(int64_t n) {
    return torch::nn::LayerNorm(torch::nn::LayerNormOptions({n}).eps(kEps));
}

}  // namespace

DistilBertEmbeddingsImpl::DistilBertEmbeddingsImpl(const io::DistilBertConfig& c,
                                                   std::optional<int64_t> padTokenId,
                                                   std::shared_ptr<DropoutRates> dropout)
    : m_dropout(std::move(dropout)) {
    auto wordOptions = torch::nn::EmbeddingOptions(c.vocabSize, c.dim);
    if (padTokenId && *padTokenId >= 0 && *padTokenId < c.vocabSize)
        wordOptions.padding_idx(*padTokenId);
    word_embeddings = register_module("word_embeddings", torch::nn::Embedding(wordOptions));
    position_embeddings = register_module("position_embeddings",
                                          torch::nn::Embedding(c.maxPositionEmbeddings, c.dim));
    LayerNorm = register_module("LayerNorm", layerNorm(c.dim));
}

torch::Tensor DistilBertEmbeddingsImpl::forward(const torch::Tensor& inputIds) {
    const auto positions = torch::arange(inputIds.size(1), inputIds.options()).unsqueeze(0);
    auto x = word_embeddings(inputIds) + position_embeddings(positions);
    return torch::dropout(LayerNorm(x), m_dropout->hidden, is_training());
}

DistilBertAttentionImpl::DistilBertAttentionImpl(const io::DistilBertConfig& c,
                                                 std::shared_ptr<DropoutRates> dropout)
    : m_heads(c.nHeads), m_headDim(c.dim / c.nHeads), m_dropout(std::move(dropout)) {
    q_lin = register_module("q_lin", torch::nn::Linear(c.dim, c.dim));
    k_lin = register_module("k_lin", torch::nn::Linear(c.dim, c.dim));
    v_lin = register_module("v_lin", torch::nn::Linear(c.dim, c.dim));
    out_lin = register_module("out_lin", torch::nn::Linear(c.dim, c.dim));
}

torch::Tensor DistilBertAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& bias) {
    const int64_t b = x.size(0), t = x.size(1);
    auto split = [&](const torch::Tensor& y) {
        return y.view({b, t, m_heads, m_headDim}).transpose(1, 2);
    };
    const auto context = attention(split(q_lin(x)), split(k_lin(x)), split(v_lin(x)), bias,
                                   1.0 / std::sqrt(static_cast<double>(m_headDim)),
                                   m_dropout->attention, is_training());
    return out_lin(context.transpose(1, 2).reshape({b, t, m_heads * m_headDim}));
}

DistilBertFfnImpl::DistilBertFfnImpl(const io::DistilBertConfig& c,
                                     std::shared_ptr<DropoutRates> dropout)
    : m_act(c.activation), m_dropout(std::move(dropout)) {
    lin1 = register_module("lin1", torch::nn::Linear(c.dim, c.hiddenDim));
    lin2 = register_module("lin2", torch::nn::Linear(c.hiddenDim, c.dim));
}

torch::Tensor DistilBertFfnImpl::forward(const torch::Tensor& x) {
    return torch::dropout(lin2(activate(lin1(x), m_act)), m_dropout->hidden, is_training());
}

DistilBertLayerImpl::DistilBertLayerImpl(const io::DistilBertConfig& c,
                                         std::shared_ptr<DropoutRates> dropout) {
    attention = register_module("attention", DistilBertAttention(c, dropout));
    sa_layer_norm = register_module("sa_layer_norm", layerNorm(c.dim));
    ffn = register_module("ffn", DistilBertFfn(c, dropout));
    output_layer_norm = register_module("output_layer_norm", layerNorm(c.dim));
}

torch::Tensor DistilBertLayerImpl::forward(const torch::Tensor& x, const torch::Tensor& bias) {
    const auto sa = sa_layer_norm(attention(x, bias) + x);
    return output_layer_norm(ffn(sa) + sa);
}

DistilBertTransformerImpl::DistilBertTransformerImpl(const io::DistilBertConfig& c,
                                                     std::shared_ptr<DropoutRates> dropout) {
    layer = register_module("layer", torch::nn::ModuleList());
    for (int64_t i = 0; i < c.nLayers; ++i) layer->push_back(DistilBertLayer(c, dropout));
}

DistilBertModelImpl::DistilBertModelImpl(const io::DistilBertConfig& c,
                                         std::optional<int64_t> padTokenId,
                                         std::shared_ptr<DropoutRates> dropout) {
    embeddings = register_module("embeddings", DistilBertEmbeddings(c, padTokenId, dropout));
    transformer = register_module("transformer", DistilBertTransformer(c, dropout));
}

torch::Tensor DistilBertModelImpl::forward(const torch::Tensor& inputIds,
                                           const torch::Tensor& attentionMask,
                                           std::vector<torch::Tensor>* hiddenStates) {
    auto x = embeddings(inputIds);
    const auto bias = paddingBias(attentionMask);
    if (hiddenStates) hiddenStates->push_back(x);
    for (const auto& m : *transformer->layer) {
        x = m->as<DistilBertLayerImpl>()->forward(x, bias);
        if (hiddenStates) hiddenStates->push_back(x);
    }
    return x;
}

DistilBertForSequenceClassificationImpl::DistilBertForSequenceClassificationImpl(
    const io::ModelConfig& config)
    : SequenceClassifierImpl(config.common.initializerRange, {}),
      m_config(std::get<io::DistilBertConfig>(config.arch)),
      m_numLabels(static_cast<int64_t>(config.common.labels.size())) {
    *m_dropout = {m_config.dropout, m_config.attentionDropout, m_config.seqClassifDropout};
    m_paddingIdx = config.common.padTokenId;
    distilbert = register_module("distilbert",
                                 DistilBertModel(m_config, config.common.padTokenId, m_dropout));
    pre_classifier =
        register_module("pre_classifier", torch::nn::Linear(m_config.dim, m_config.dim));
    classifier = register_module("classifier", torch::nn::Linear(m_config.dim, m_numLabels));
}

Outputs DistilBertForSequenceClassificationImpl::forward(const Inputs& in,
                                                         bool outputHiddenStates) {
    Outputs out;
    const auto x =
        distilbert(in.inputIds, in.attentionMask, outputHiddenStates ? &out.hiddenStates : nullptr);
    auto pooled = torch::relu(pre_classifier(x.select(1, 0)));
    pooled = torch::dropout(pooled, m_dropout->classifier, is_training());
    out.logits = classifier(pooled);
    if (in.labels.defined()) out.loss = classificationLoss(out.logits, in.labels);
    return out;
}

bool DistilBertForSequenceClassificationImpl::ignorableKey(const std::string& key) const {
    return key.size() >= 12 && key.compare(key.size() - 12, 12, "position_ids") == 0;
}

std::string DistilBertForSequenceClassificationImpl::layerPrefix(int64_t i) const {
    return "distilbert.transformer.layer." + std::to_string(i) + ".";
}

}  // namespace ft::models
