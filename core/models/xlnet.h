#pragma once

#include <memory>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "io/modelconfig.h"
#include "models/pretrained.h"

// XLNet as a sequence classifier. Keys: "transformer.word_embedding.weight",
// "transformer.mask_emb", "transformer.layer.N.rel_attn.{q, k, v, o, r}" ([d_model, n_head,
// d_head] each), "transformer.layer.N.rel_attn.{r_r_bias, r_s_bias, r_w_bias, seg_embed,
// layer_norm}", "transformer.layer.N.ff.{layer_1, layer_2, layer_norm}", then
// "sequence_summary.summary" (when summary_use_proj) and "logits_proj".
//
// Only the content stream runs: no memory (mems), no permutation mask, no target mapping
// and no query stream, which is what fine-tuning a classifier uses. mask_emb is kept for
// the checkpoint's sake and never read.
namespace ft::models {

// Relative attention with the post-attention residual and LayerNorm.
class XLNetRelativeAttentionImpl : public torch::nn::Module {
public:
    XLNetRelativeAttentionImpl(const io::XLNetConfig& c, std::shared_ptr<DropoutRates> dropout);
    // h [B, T, d_model]; pos: the relative positional encoding, [1 or B, 2T, d_model];
    // segDiff: bool [B, 1, T, T], true where query and key lie in different segments
    // (undefined: no segment term); mask: [B, 1, T, T], 1 where attention is forbidden
    // (undefined: none).
    torch::Tensor forward(const torch::Tensor& h, const torch::Tensor& pos,
                          const torch::Tensor& segDiff, const torch::Tensor& mask);
    torch::Tensor q, k, v, o, r;
    torch::Tensor r_r_bias, r_s_bias, r_w_bias, seg_embed;
    torch::nn::LayerNorm layer_norm{nullptr};

    // transformers' _init_weights for XLNetRelativeAttention: every projection, bias and
    // segment embedding ~ normal(0, std).
    void initParameters(double std);

private:
    int64_t m_heads, m_headDim, m_model;
    double m_scale;
    std::shared_ptr<DropoutRates> m_dropout;
};
TORCH_MODULE(XLNetRelativeAttention);

class XLNetFeedForwardImpl : public torch::nn::Module {
public:
    XLNetFeedForwardImpl(const io::XLNetConfig& c, std::shared_ptr<DropoutRates> dropout);
    torch::Tensor forward(const torch::Tensor& x);
    torch::nn::LayerNorm layer_norm{nullptr};
    torch::nn::Linear layer_1{nullptr}, layer_2{nullptr};

private:
    io::Activation m_act;
    std::shared_ptr<DropoutRates> m_dropout;
};
TORCH_MODULE(XLNetFeedForward);

class XLNetLayerImpl : public torch::nn::Module {
public:
    XLNetLayerImpl(const io::XLNetConfig& c, std::shared_ptr<DropoutRates> dropout);
    torch::Tensor forward(const torch::Tensor& h, const torch::Tensor& pos,
                          const torch::Tensor& segDiff, const torch::Tensor& mask);
    XLNetRelativeAttention rel_attn{nullptr};
    XLNetFeedForward ff{nullptr};
};
TORCH_MODULE(XLNetLayer);

class XLNetModelImpl : public torch::nn::Module {
public:
    XLNetModelImpl(const io::XLNetConfig& c, std::shared_ptr<DropoutRates> dropout);
    // The content stream's output [B, T, d_model] for input ids [B, T]. attentionMask
    // (1 = token, 0 = padding) and tokenTypeIds may be undefined: no masking, no segment
    // term (which differs from all-zero type ids). hiddenStates (when not null) receives
    // the embedding output and every layer's output, padded positions as computed, as
    // transformers reports them.
    torch::Tensor forward(const torch::Tensor& inputIds, const torch::Tensor& attentionMask,
                          const torch::Tensor& tokenTypeIds,
                          std::vector<torch::Tensor>* hiddenStates);
    // transformers' relative_positional_encoding for attn_type "bi", bi_data false:
    // sinusoids of the distances klen .. -qlen + 1, [qlen + klen, d_model], float32.
    torch::Tensor relativePositionalEncoding(int64_t qlen, int64_t klen,
                                             const torch::Device& device) const;

    torch::nn::Embedding word_embedding{nullptr};
    torch::Tensor mask_emb;
    torch::nn::ModuleList layer{nullptr};

private:
    io::XLNetConfig m_config;
    std::shared_ptr<DropoutRates> m_dropout;
};
TORCH_MODULE(XLNetModel);

// XLNetForSequenceClassification: the sequence summary (summary_type "last": the last
// position, which is <cls> with XLNet's left padding) -> summary Linear -> tanh ->
// dropout (summary_last_dropout, the "classifier" rate) -> logits_proj.
class XLNetForSequenceClassificationImpl : public SequenceClassifierImpl {
public:
    explicit XLNetForSequenceClassificationImpl(const io::ModelConfig& config);
    Outputs forward(const Inputs& in, bool outputHiddenStates = false) override;
    std::string className() const override { return "XLNetForSequenceClassification"; }
    std::string basePrefix() const override { return "transformer."; }
    std::vector<std::string> initialisablePrefixes() const override {
        return {"sequence_summary.", "logits_proj."};
    }
    std::string embeddingsPrefix() const override { return "transformer.word_embedding."; }
    std::string layerPrefix(int64_t i) const override;
    int64_t numLayers() const override { return m_config.nLayer; }
    int64_t embeddingRows() const override { return m_config.vocabSize; }
    int64_t numLabels() const override { return m_numLabels; }

    // The parameters PretrainedModelImpl::initWeights leaves at zero (it knows Linear,
    // Embedding and LayerNorm only): relative attention projections, biases, segment
    // embeddings and mask_emb ~ normal(0, initializer_range), as transformers does.
    void initRelativeParameters();

    XLNetModel transformer{nullptr};
    // Holds "summary" (sequence_summary.summary) when summary_use_proj.
    std::shared_ptr<torch::nn::Module> sequence_summary;
    torch::nn::Linear summary{nullptr};
    torch::nn::Linear logits_proj{nullptr};

private:
    io::XLNetConfig m_config;
    int64_t m_numLabels;
};

}  // namespace ft::models
