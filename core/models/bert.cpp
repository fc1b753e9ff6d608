// Paper: Devlin et al. 2019, "BERT: Pre-training of Deep Bidirectional Transformers".
// Reference: transformers 5.x models/bert/modeling_bert.py (HF numbers are the truth).
#include "models/bert.h"

#include <cmath>

namespace ft::models {

namespace {

bool endsWith(const std::string& s, const std::string& p) {
    return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

torch::nn::LayerNorm layerNorm(int64_t n, double eps) {
    return torch::nn::LayerNorm(torch::nn::LayerNormOptions({n}).eps(eps));
}

}  // namespace

bool isBertDerivedKey(const std::string& key) { return endsWith(key, "embeddings.position_ids"); }

DropoutRates bertDropout(const io::BertConfig& c) {
    return {c.hiddenDropoutProb, c.attentionProbsDropoutProb,
            c.classifierDropout.value_or(c.hiddenDropoutProb)};
}

BertEmbeddingsImpl::BertEmbeddingsImpl(const io::BertConfig& c, std::optional<int64_t> padTokenId,
                                       bool roberta, std::shared_ptr<DropoutRates> dropout)
    : m_roberta(roberta), m_paddingIdx(padTokenId.value_or(0)), m_dropout(std::move(dropout)) {
    auto wordOptions = torch::nn::EmbeddingOptions(c.vocabSize, c.hiddenSize);
    if (padTokenId && *padTokenId >= 0 && *padTokenId < c.vocabSize)
        wordOptions.padding_idx(*padTokenId);
    word_embeddings = register_module("word_embeddings", torch::nn::Embedding(wordOptions));
    auto posOptions = torch::nn::EmbeddingOptions(c.maxPositionEmbeddings, c.hiddenSize);
    if (roberta) posOptions.padding_idx(m_paddingIdx);
    position_embeddings = register_module("position_embeddings", torch::nn::Embedding(posOptions));
    token_type_embeddings = register_module("token_type_embeddings",
                                            torch::nn::Embedding(c.typeVocabSize, c.hiddenSize));
    LayerNorm = register_module("LayerNorm", layerNorm(c.hiddenSize, c.layerNormEps));
}

torch::Tensor BertEmbeddingsImpl::forward(const torch::Tensor& inputIds,
                                          const torch::Tensor& tokenTypeIds) {
    const int64_t length = inputIds.size(1);
    torch::Tensor positions;
    if (m_roberta) {
        // create_position_ids_from_input_ids: cumsum of the non-pad mask + padding_idx.
        const auto mask = inputIds.ne(m_paddingIdx).to(torch::kInt64);
        positions = torch::cumsum(mask, 1).mul_(mask).add_(m_paddingIdx);
    } else {
        positions = torch::arange(length, inputIds.options()).unsqueeze(0);
    }
    const auto types = tokenTypeIds.defined() ? tokenTypeIds : torch::zeros_like(inputIds);
    auto x = word_embeddings(inputIds) + token_type_embeddings(types);
    x += position_embeddings(positions);
    x = LayerNorm(x);
    return torch::dropout(x, m_dropout->hidden, is_training());
}

BertSelfAttentionImpl::BertSelfAttentionImpl(const io::BertConfig& c,
                                             std::shared_ptr<DropoutRates> dropout)
    : m_heads(c.numAttentionHeads),
      m_headDim(c.hiddenSize / c.numAttentionHeads),
      m_dropout(std::move(dropout)) {
    query = register_module("query", torch::nn::Linear(c.hiddenSize, c.hiddenSize));
    key = register_module("key", torch::nn::Linear(c.hiddenSize, c.hiddenSize));
    value = register_module("value", torch::nn::Linear(c.hiddenSize, c.hiddenSize));
}

torch::Tensor BertSelfAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& bias) {
    const int64_t b = x.size(0), t = x.size(1);
    auto split = [&](const torch::Tensor& y) {
        return y.view({b, t, m_heads, m_headDim}).transpose(1, 2);
    };
    const auto context = attention(split(query(x)), split(key(x)), split(value(x)), bias,
                                   1.0 / std::sqrt(static_cast<double>(m_headDim)),
                                   m_dropout->attention, is_training());
    return context.transpose(1, 2).reshape({b, t, m_heads * m_headDim});
}

BertResidualImpl::BertResidualImpl(int64_t in, int64_t out, double eps,
                                   std::shared_ptr<DropoutRates> dropout)
    : m_dropout(std::move(dropout)) {
    dense = register_module("dense", torch::nn::Linear(in, out));
    LayerNorm = register_module("LayerNorm", layerNorm(out, eps));
}

torch::Tensor BertResidualImpl::forward(const torch::Tensor& x, const torch::Tensor& input) {
    return LayerNorm(torch::dropout(dense(x), m_dropout->hidden, is_training()) + input);
}

BertAttentionImpl::BertAttentionImpl(const io::BertConfig& c,
                                     std::shared_ptr<DropoutRates> dropout) {
    self = register_module("self", BertSelfAttention(c, dropout));
    output = register_module("output",
                             BertResidual(c.hiddenSize, c.hiddenSize, c.layerNormEps, dropout));
}

torch::Tensor BertAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& bias) {
    return output(self(x, bias), x);
}

BertIntermediateImpl::BertIntermediateImpl(const io::BertConfig& c) : m_act(c.hiddenAct) {
    dense = register_module("dense", torch::nn::Linear(c.hiddenSize, c.intermediateSize));
}

torch::Tensor BertIntermediateImpl::forward(const torch::Tensor& x) {
    return activate(dense(x), m_act);
}

BertLayerImpl::BertLayerImpl(const io::BertConfig& c, std::shared_ptr<DropoutRates> dropout) {
    attention = register_module("attention", BertAttention(c, dropout));
    intermediate = register_module("intermediate", BertIntermediate(c));
    output = register_module(
        "output", BertResidual(c.intermediateSize, c.hiddenSize, c.layerNormEps, dropout));
}

torch::Tensor BertLayerImpl::forward(const torch::Tensor& x, const torch::Tensor& bias) {
    const auto a = attention(x, bias);
    return output(intermediate(a), a);
}

BertPoolerImpl::BertPoolerImpl(int64_t hidden) {
    dense = register_module("dense", torch::nn::Linear(hidden, hidden));
}

torch::Tensor BertPoolerImpl::forward(const torch::Tensor& sequence) {
    return torch::tanh(dense(sequence.select(1, 0)));
}

BertEncoderImpl::BertEncoderImpl(const io::BertConfig& c, std::shared_ptr<DropoutRates> dropout) {
    layer = register_module("layer", torch::nn::ModuleList());
    for (int64_t i = 0; i < c.numHiddenLayers; ++i) layer->push_back(BertLayer(c, dropout));
}

BertModelImpl::BertModelImpl(const io::BertConfig& c, std::optional<int64_t> padTokenId,
                             bool addPooler, bool roberta, std::shared_ptr<DropoutRates> dropout) {
    embeddings = register_module("embeddings", BertEmbeddings(c, padTokenId, roberta, dropout));
    encoder = register_module("encoder", BertEncoder(c, dropout));
    if (addPooler) pooler = register_module("pooler", BertPooler(c.hiddenSize));
}

EncoderOutput BertModelImpl::forward(const torch::Tensor& inputIds,
                                     const torch::Tensor& attentionMask,
                                     const torch::Tensor& tokenTypeIds, bool outputHiddenStates) {
    EncoderOutput out;
    auto x = embeddings(inputIds, tokenTypeIds);
    const auto bias = paddingBias(attentionMask);
    if (outputHiddenStates) out.hiddenStates.push_back(x);
    for (const auto& m : *encoder->layer) {
        x = m->as<BertLayerImpl>()->forward(x, bias);
        if (outputHiddenStates) out.hiddenStates.push_back(x);
    }
    out.sequence = x;
    if (pooler) out.pooled = pooler(x);
    return out;
}

BertForSequenceClassificationImpl::BertForSequenceClassificationImpl(const io::ModelConfig& config)
    : SequenceClassifierImpl(config.common.initializerRange,
                             bertDropout(std::get<io::BertConfig>(config.arch))),
      m_config(std::get<io::BertConfig>(config.arch)),
      m_numLabels(static_cast<int64_t>(config.common.labels.size())) {
    m_paddingIdx = config.common.padTokenId;
    bert = register_module("bert",
                           BertModel(m_config, config.common.padTokenId, true, false, m_dropout));
    classifier = register_module("classifier", torch::nn::Linear(m_config.hiddenSize, m_numLabels));
}

Outputs BertForSequenceClassificationImpl::forward(const Inputs& in, bool outputHiddenStates) {
    auto enc = bert(in.inputIds, in.attentionMask, in.tokenTypeIds, outputHiddenStates);
    Outputs out;
    out.logits = classifier(torch::dropout(enc.pooled, m_dropout->classifier, is_training()));
    if (in.labels.defined()) out.loss = classificationLoss(out.logits, in.labels);
    out.hiddenStates = std::move(enc.hiddenStates);
    return out;
}

std::vector<std::string> BertForSequenceClassificationImpl::initialisablePrefixes() const {
    return {"classifier.", "bert.pooler."};
}

bool BertForSequenceClassificationImpl::ignorableKey(const std::string& key) const {
    return isBertDerivedKey(key);
}

std::string BertForSequenceClassificationImpl::layerPrefix(int64_t i) const {
    return "bert.encoder.layer." + std::to_string(i) + ".";
}

BertPredictionHeadTransformImpl::BertPredictionHeadTransformImpl(const io::BertConfig& c)
    : m_act(c.hiddenAct) {
    dense = register_module("dense", torch::nn::Linear(c.hiddenSize, c.hiddenSize));
    LayerNorm = register_module("LayerNorm", layerNorm(c.hiddenSize, c.layerNormEps));
}

torch::Tensor BertPredictionHeadTransformImpl::forward(const torch::Tensor& x) {
    return LayerNorm(activate(dense(x), m_act));
}

BertLMPredictionHeadImpl::BertLMPredictionHeadImpl(const io::BertConfig& c) {
    transform = register_module("transform", BertPredictionHeadTransform(c));
    bias = register_parameter("bias", torch::zeros({c.vocabSize}));
}

torch::Tensor BertLMPredictionHeadImpl::forward(const torch::Tensor& x,
                                                const torch::Tensor& decoderWeight) {
    return torch::nn::functional::linear(transform(x), decoderWeight, bias);
}

BertOnlyMLMHeadImpl::BertOnlyMLMHeadImpl(const io::BertConfig& c) {
    predictions = register_module("predictions", BertLMPredictionHead(c));
}

BertForMaskedLMImpl::BertForMaskedLMImpl(const io::ModelConfig& config)
    : PretrainedModelImpl(config.common.initializerRange,
                          bertDropout(std::get<io::BertConfig>(config.arch))),
      m_config(std::get<io::BertConfig>(config.arch)) {
    m_paddingIdx = config.common.padTokenId;
    bert = register_module("bert",
                           BertModel(m_config, config.common.padTokenId, false, false, m_dropout));
    cls = register_module("cls", BertOnlyMLMHead(m_config));
}

Outputs BertForMaskedLMImpl::forward(const Inputs& in, bool outputHiddenStates) {
    auto enc = bert(in.inputIds, in.attentionMask, in.tokenTypeIds, outputHiddenStates);
    Outputs out;
    // The decoder is tied to the input embeddings (cls.predictions.decoder.weight).
    out.logits = cls->predictions(enc.sequence, bert->embeddings->word_embeddings->weight);
    if (in.labels.defined()) out.loss = crossEntropy(out.logits, in.labels);
    out.hiddenStates = std::move(enc.hiddenStates);
    return out;
}

bool BertForMaskedLMImpl::ignorableKey(const std::string& key) const {
    // Tied copies (decoder weight = word embeddings, decoder bias = predictions.bias) and
    // the pooler a BertForPreTraining checkpoint carries.
    return isBertDerivedKey(key) || key == "cls.predictions.decoder.weight" ||
           key == "cls.predictions.decoder.bias";
}

std::string BertForMaskedLMImpl::layerPrefix(int64_t i) const {
    return "bert.encoder.layer." + std::to_string(i) + ".";
}

}  // namespace ft::models
