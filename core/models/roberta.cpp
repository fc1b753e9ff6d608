// Paper: Liu et al. 2019, "RoBERTa: A Robustly Optimized BERT Pretraining Approach".
// Reference: transformers 5.x models/roberta/modeling_roberta.py.
#include "models/roberta.h"

namespace ft::models {

RobertaClassificationHeadImpl::RobertaClassificationHeadImpl(int64_t hidden, int64_t numLabels,
                                                             std::shared_ptr<DropoutRates> dropout)
    : m_dropout(std::move(dropout)) {
    dense = register_module("dense", torch::nn::Linear(hidden, hidden));
    out_proj = register_module("out_proj", torch::nn::Linear(hidden, numLabels));
}

torch::Tensor RobertaClassificationHeadImpl::forward(const torch::Tensor& features) {
    auto x = torch::dropout(features.select(1, 0), m_dropout->classifier, is_training());
    x = torch::tanh(dense(x));
    x = torch::dropout(x, m_dropout->classifier, is_training());
    return out_proj(x);
}

RobertaForSequenceClassificationImpl::RobertaForSequenceClassificationImpl(
    const io::ModelConfig& config)
    : SequenceClassifierImpl(config.common.initializerRange,
                             bertDropout(std::get<io::BertConfig>(config.arch))),
      m_config(std::get<io::BertConfig>(config.arch)),
      m_numLabels(static_cast<int64_t>(config.common.labels.size())) {
    m_paddingIdx = config.common.padTokenId;
    roberta = register_module("roberta", BertModel(m_config, config.common.padTokenId.value_or(1),
                                                   false, true, m_dropout));
    classifier = register_module(
        "classifier", RobertaClassificationHead(m_config.hiddenSize, m_numLabels, m_dropout));
}

Outputs RobertaForSequenceClassificationImpl::forward(const Inputs& in, bool outputHiddenStates) {
    auto enc = roberta(in.inputIds, in.attentionMask, in.tokenTypeIds, outputHiddenStates);
    Outputs out;
    out.logits = classifier(enc.sequence);
    if (in.labels.defined()) out.loss = classificationLoss(out.logits, in.labels);
    out.hiddenStates = std::move(enc.hiddenStates);
    return out;
}

bool RobertaForSequenceClassificationImpl::ignorableKey(const std::string& key) const {
    return isBertDerivedKey(key);
}

std::string RobertaForSequenceClassificationImpl::layerPrefix(int64_t i) const {
    return "roberta.encoder.layer." + std::to_string(i) + ".";
}

}  // namespace ft::models
