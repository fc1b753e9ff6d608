#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "io/modelconfig.h"
#include "models/pretrained.h"

// BERT (also the encoder RoBERTa reuses). Module names reproduce the Hugging Face
// state-dict keys ("bert.encoder.layer.0.attention.self.query.weight", ...).
namespace ft::models {

class BertEmbeddingsImpl : public torch::nn::Module {
public:
    // roberta: positions count from pad_token_id + 1 over non-pad tokens.
    BertEmbeddingsImpl(const io::BertConfig& c, std::optional<int64_t> padTokenId, bool roberta,
                       std::shared_ptr<DropoutRates> dropout);
    torch::Tensor forward(const torch::Tensor& inputIds, const torch::Tensor& tokenTypeIds);

    torch::nn::Embedding word_embeddings{nullptr}, position_embeddings{nullptr},
        token_type_embeddings{nullptr};
    torch::nn::LayerNorm LayerNorm{nullptr};

private:
    bool m_roberta;
    int64_t m_paddingIdx;
    std::shared_ptr<DropoutRates> m_dropout;
};
TORCH_MODULE(BertEmbeddings);

class BertSelfAttentionImpl : public torch::nn::Module {
public:
    BertSelfAttentionImpl(const io::BertConfig& c, std::shared_ptr<DropoutRates> dropout);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& bias);
    torch::nn::Linear query{nullptr}, key{nullptr}, value{nullptr};

private:
    int64_t m_heads, m_headDim;
    std::shared_ptr<DropoutRates> m_dropout;
};
TORCH_MODULE(BertSelfAttention);

// dense -> dropout -> LayerNorm(x + input): BertSelfOutput and BertOutput alike.
class BertResidualImpl : public torch::nn::Module {
public:
    BertResidualImpl(int64_t in, int64_t out, double eps, std::shared_ptr<DropoutRates> dropout);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& input);
    torch::nn::Linear dense{nullptr};
    torch::nn::LayerNorm LayerNorm{nullptr};

private:
    std::shared_ptr<DropoutRates> m_dropout;
};
TORCH_MODULE(BertResidual);

class BertAttentionImpl : public torch::nn::Module {
public:
    BertAttentionImpl(const io::BertConfig& c, std::shared_ptr<DropoutRates> dropout);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& bias);
    BertSelfAttention self{nullptr};
    BertResidual output{nullptr};
};
TORCH_MODULE(BertAttention);

class BertIntermediateImpl : public torch::nn::Module {
public:
    explicit BertIntermediateImpl(const io::BertConfig& c);
    torch::Tensor forward(const torch::Tensor& x);
    torch::nn::Linear dense{nullptr};

private:
    io::Activation m_act;
};
TORCH_MODULE(BertIntermediate);

class BertLayerImpl : public torch::nn::Module {
public:
    BertLayerImpl(const io::BertConfig& c, std::shared_ptr<DropoutRates> dropout);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& bias);
    BertAttention attention{nullptr};
    BertIntermediate intermediate{nullptr};
    BertResidual output{nullptr};
};
TORCH_MODULE(BertLayer);

class BertPoolerImpl : public torch::nn::Module {
public:
    explicit BertPoolerImpl(int64_t hidden);
    torch::Tensor forward(const torch::Tensor& sequence);  // tanh(dense(first token))
    torch::nn::Linear dense{nullptr};
};
TORCH_MODULE(BertPooler);

class BertEncoderImpl : public torch::nn::Module {
public:
    BertEncoderImpl(const io::BertConfig& c, std::shared_ptr<DropoutRates> dropout);
    torch::nn::ModuleList layer{nullptr};
};
TORCH_MODULE(BertEncoder);

struct EncoderOutput {
    torch::Tensor sequence, pooled;  // pooled undefined without a pooler
    std::vector<torch::Tensor> hiddenStates;
};

// BertModel: embeddings, encoder.layer.N, optional pooler.
class BertModelImpl : public torch::nn::Module {
public:
    BertModelImpl(const io::BertConfig& c, std::optional<int64_t> padTokenId, bool addPooler,
                  bool roberta, std::shared_ptr<DropoutRates> dropout);
    EncoderOutput forward(const torch::Tensor& inputIds, const torch::Tensor& attentionMask,
                          const torch::Tensor& tokenTypeIds, bool outputHiddenStates);
    BertEmbeddings embeddings{nullptr};
    BertEncoder encoder{nullptr};
    BertPooler pooler{nullptr};
};
TORCH_MODULE(BertModel);

DropoutRates bertDropout(const io::BertConfig& c);

// BertForSequenceClassification: bert (with pooler) -> dropout -> classifier.
class BertForSequenceClassificationImpl : public SequenceClassifierImpl {
public:
    BertForSequenceClassificationImpl(const io::ModelConfig& config);
    Outputs forward(const Inputs& in, bool outputHiddenStates = false) override;
    std::string className() const override { return "BertForSequenceClassification"; }
    std::string basePrefix() const override { return "bert."; }
    std::vector<std::string> initialisablePrefixes() const override;
    bool ignorableKey(const std::string& key) const override;
    std::string embeddingsPrefix() const override { return "bert.embeddings."; }
    std::string layerPrefix(int64_t i) const override;
    int64_t numLayers() const override { return m_config.numHiddenLayers; }
    int64_t embeddingRows() const override { return m_config.vocabSize; }
    int64_t numLabels() const override { return m_numLabels; }

    BertModel bert{nullptr};
    torch::nn::Linear classifier{nullptr};

private:
    io::BertConfig m_config;
    int64_t m_numLabels;
};

// BertForMaskedLM: bert (no pooler) -> cls.predictions: transform (dense, activation,
// LayerNorm), then the decoder tied to the word embeddings, plus its own bias.
class BertPredictionHeadTransformImpl : public torch::nn::Module {
public:
    explicit BertPredictionHeadTransformImpl(const io::BertConfig& c);
    torch::Tensor forward(const torch::Tensor& x);
    torch::nn::Linear dense{nullptr};
    torch::nn::LayerNorm LayerNorm{nullptr};

private:
    io::Activation m_act;
};
TORCH_MODULE(BertPredictionHeadTransform);

class BertLMPredictionHeadImpl : public torch::nn::Module {
public:
    explicit BertLMPredictionHeadImpl(const io::BertConfig& c);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& decoderWeight);
    BertPredictionHeadTransform transform{nullptr};
    torch::Tensor bias;
};
TORCH_MODULE(BertLMPredictionHead);

class BertOnlyMLMHeadImpl : public torch::nn::Module {
public:
    explicit BertOnlyMLMHeadImpl(const io::BertConfig& c);
    BertLMPredictionHead predictions{nullptr};
};
TORCH_MODULE(BertOnlyMLMHead);

class BertForMaskedLMImpl : public PretrainedModelImpl {
public:
    BertForMaskedLMImpl(const io::ModelConfig& config);
    Outputs forward(const Inputs& in, bool outputHiddenStates = false) override;
    Task task() const override { return Task::MaskedLM; }
    std::string className() const override { return "BertForMaskedLM"; }
    std::string basePrefix() const override { return "bert."; }
    std::vector<std::string> initialisablePrefixes() const override { return {"cls."}; }
    bool ignorableKey(const std::string& key) const override;
    std::string embeddingsPrefix() const override { return "bert.embeddings."; }
    std::string layerPrefix(int64_t i) const override;
    int64_t numLayers() const override { return m_config.numHiddenLayers; }
    int64_t embeddingRows() const override { return m_config.vocabSize; }

    BertModel bert{nullptr};
    BertOnlyMLMHead cls{nullptr};

private:
    io::BertConfig m_config;
};

// Keys older BERT checkpoints carry that current models derive (position_ids buffers).
bool isBertDerivedKey(const std::string& key);

}  // namespace ft::models
