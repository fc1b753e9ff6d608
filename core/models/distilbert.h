#pragma once

#include <string>
#include <vector>

#include <torch/torch.h>

#include "io/modelconfig.h"
#include "models/pretrained.h"

// DistilBERT. Keys: "distilbert.embeddings.*", "distilbert.transformer.layer.N.*",
// "pre_classifier.*", "classifier.*".
namespace ft::models {

class DistilBertEmbeddingsImpl : public torch::nn::Module {
public:
    DistilBertEmbeddingsImpl(const io::DistilBertConfig& c, std::optional<int64_t> padTokenId,
                             std::shared_ptr<DropoutRates> dropout);
    torch::Tensor forward(const torch::Tensor& inputIds);
    torch::nn::Embedding word_embeddings{nullptr}, position_embeddings{nullptr};
    torch::nn::LayerNorm LayerNorm{nullptr};

private:
    std::shared_ptr<DropoutRates> m_dropout;
};
TORCH_MODULE(DistilBertEmbeddings);

class DistilBertAttentionImpl : public torch::nn::Module {
public:
    DistilBertAttentionImpl(const io::DistilBertConfig& c, std::shared_ptr<DropoutRates> dropout);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& bias);
    torch::nn::Linear q_lin{nullptr}, k_lin{nullptr}, v_lin{nullptr}, out_lin{nullptr};

private:
    int64_t m_heads, m_headDim;
    std::shared_ptr<DropoutRates> m_dropout;
};
TORCH_MODULE(DistilBertAttention);

class DistilBertFfnImpl : public torch::nn::Module {
public:
    DistilBertFfnImpl(const io::DistilBertConfig& c, std::shared_ptr<DropoutRates> dropout);
    torch::Tensor forward(const torch::Tensor& x);
    torch::nn::Linear lin1{nullptr}, lin2{nullptr};

private:
    io::Activation m_act;
    std::shared_ptr<DropoutRates> m_dropout;
};
TORCH_MODULE(DistilBertFfn);

class DistilBertLayerImpl : public torch::nn::Module {
public:
    DistilBertLayerImpl(const io::DistilBertConfig& c, std::shared_ptr<DropoutRates> dropout);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& bias);
    DistilBertAttention attention{nullptr};
    torch::nn::LayerNorm sa_layer_norm{nullptr};
    DistilBertFfn ffn{nullptr};
    torch::nn::LayerNorm output_layer_norm{nullptr};
};
TORCH_MODULE(DistilBertLayer);

class DistilBertTransformerImpl : public torch::nn::Module {
public:
    DistilBertTransformerImpl(const io::DistilBertConfig& c, std::shared_ptr<DropoutRates> dropout);
    torch::nn::ModuleList layer{nullptr};
};
TORCH_MODULE(DistilBertTransformer);

class DistilBertModelImpl : public torch::nn::Module {
public:
    DistilBertModelImpl(const io::DistilBertConfig& c, std::optional<int64_t> padTokenId,
                        std::shared_ptr<DropoutRates> dropout);
    // Final hidden states [B, T, dim]; hidden states appended when asked.
    torch::Tensor forward(const torch::Tensor& inputIds, const torch::Tensor& attentionMask,
                          std::vector<torch::Tensor>* hiddenStates);
    DistilBertEmbeddings embeddings{nullptr};
    DistilBertTransformer transformer{nullptr};
};
TORCH_MODULE(DistilBertModel);

// DistilBertForSequenceClassification: first token -> pre_classifier -> ReLU -> dropout
// (seq_classif_dropout) -> classifier. Token type ids are ignored.
class DistilBertForSequenceClassificationImpl : public SequenceClassifierImpl {
public:
    explicit DistilBertForSequenceClassificationImpl(const io::ModelConfig& config);
    Outputs forward(const Inputs& in, bool outputHiddenStates = false) override;
    std::string className() const override { return "DistilBertForSequenceClassification"; }
    std::string basePrefix() const override { return "distilbert."; }
    std::vector<std::string> initialisablePrefixes() const override {
        return {"pre_classifier.", "classifier."};
    }
    bool ignorableKey(const std::string& key) const override;
    std::string embeddingsPrefix() const override { return "distilbert.embeddings."; }
    std::string layerPrefix(int64_t i) const override;
    int64_t numLayers() const override { return m_config.nLayers; }
    int64_t embeddingRows() const override { return m_config.vocabSize; }
    int64_t numLabels() const override { return m_numLabels; }

    DistilBertModel distilbert{nullptr};
    torch::nn::Linear pre_classifier{nullptr}, classifier{nullptr};

private:
    io::DistilBertConfig m_config;
    int64_t m_numLabels;
};

}  // namespace ft::models
