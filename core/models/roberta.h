#pragma once

#include <string>
#include <vector>

#include <torch/torch.h>

#include "models/bert.h"

// RoBERTa: BERT's encoder with positions counted from the padding index and a
// two-layer classification head on <s>. Keys: "roberta.*", "classifier.dense.*",
// "classifier.out_proj.*".
namespace ft::models {

class RobertaClassificationHeadImpl : public torch::nn::Module {
public:
    RobertaClassificationHeadImpl(int64_t hidden, int64_t numLabels,
                                  std::shared_ptr<DropoutRates> dropout);
    // features [B, T, H] -> logits [B, numLabels] from the first token.
    torch::Tensor forward(const torch::Tensor& features);
    torch::nn::Linear dense{nullptr}, out_proj{nullptr};

private:
    std::shared_ptr<DropoutRates> m_dropout;
};
TORCH_MODULE(RobertaClassificationHead);

class RobertaForSequenceClassificationImpl : public SequenceClassifierImpl {
public:
    explicit RobertaForSequenceClassificationImpl(const io::ModelConfig& config);
    Outputs forward(const Inputs& in, bool outputHiddenStates = false) override;
    std::string className() const override { return "RobertaForSequenceClassification"; }
    std::string basePrefix() const override { return "roberta."; }
    std::vector<std::string> initialisablePrefixes() const override { return {"classifier."}; }
    bool ignorableKey(const std::string& key) const override;
    std::string embeddingsPrefix() const override { return "roberta.embeddings."; }
    std::string layerPrefix(int64_t i) const override;
    int64_t numLayers() const override { return m_config.numHiddenLayers; }
    int64_t embeddingRows() const override { return m_config.vocabSize; }
    int64_t numLabels() const override { return m_numLabels; }

    BertModel roberta{nullptr};
    RobertaClassificationHead classifier{nullptr};

private:
    io::BertConfig m_config;
    int64_t m_numLabels;
};

}  // namespace ft::models
