#pragma once

#include <string>
#include <vector>

#include <torch/torch.h>

#include "io/modelconfig.h"
#include "models/pretrained.h"

// GPT-2. Keys: "transformer.wte", "transformer.wpe", "transformer.h.N.{ln_1, attn.c_attn,
// attn.c_proj, ln_2, mlp.c_fc, mlp.c_proj}", "transformer.ln_f", then "score" (classifier)
// or the LM head tied to wte ("lm_head.weight" only when tie_word_embeddings is false).
namespace ft::models {

class Gpt2AttentionImpl : public torch::nn::Module {
public:
    Gpt2AttentionImpl(const io::Gpt2Config& c, int64_t layerIdx,
                      std::shared_ptr<DropoutRates> dropout);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& bias);
    Conv1D c_attn{nullptr}, c_proj{nullptr};

private:
    int64_t m_heads, m_headDim;
    double m_scale;
    std::shared_ptr<DropoutRates> m_dropout;
};
TORCH_MODULE(Gpt2Attention);

class Gpt2MlpImpl : public torch::nn::Module {
public:
    Gpt2MlpImpl(const io::Gpt2Config& c, std::shared_ptr<DropoutRates> dropout);
    torch::Tensor forward(const torch::Tensor& x);
    Conv1D c_fc{nullptr}, c_proj{nullptr};

private:
    io::Activation m_act;
    std::shared_ptr<DropoutRates> m_dropout;
};
TORCH_MODULE(Gpt2Mlp);

class Gpt2BlockImpl : public torch::nn::Module {
public:
    Gpt2BlockImpl(const io::Gpt2Config& c, int64_t layerIdx, std::shared_ptr<DropoutRates> dropout);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& bias);
    torch::nn::LayerNorm ln_1{nullptr}, ln_2{nullptr};
    Gpt2Attention attn{nullptr};
    Gpt2Mlp mlp{nullptr};
};
TORCH_MODULE(Gpt2Block);

class Gpt2ModelImpl : public torch::nn::Module {
public:
    Gpt2ModelImpl(const io::Gpt2Config& c, std::shared_ptr<DropoutRates> dropout);
    // Hidden states after ln_f [B, T, n_embd]. hiddenStates (when not null) receives the
    // input of every block and, last, the ln_f output, as transformers reports them.
    torch::Tensor forward(const torch::Tensor& inputIds, const torch::Tensor& attentionMask,
                          std::vector<torch::Tensor>* hiddenStates);
    torch::nn::Embedding wte{nullptr}, wpe{nullptr};
    torch::nn::ModuleList h{nullptr};
    torch::nn::LayerNorm ln_f{nullptr};

private:
    std::shared_ptr<DropoutRates> m_dropout;
};
TORCH_MODULE(Gpt2Model);

// Shared by both GPT-2 heads.
class Gpt2BaseImpl : public PretrainedModelImpl {
public:
    std::string basePrefix() const override { return "transformer."; }
    bool ignorableKey(const std::string& key) const override;
    std::string embeddingsPrefix() const override { return "transformer.w"; }
    std::string layerPrefix(int64_t i) const override;
    int64_t numLayers() const override { return m_config.nLayer; }
    int64_t embeddingRows() const override { return m_config.vocabSize; }

    Gpt2Model transformer{nullptr};

protected:
    explicit Gpt2BaseImpl(const io::ModelConfig& config);
    io::Gpt2Config m_config;
};

// GPT2ForSequenceClassification: score (no bias) on the last non-pad token, found as
// transformers does: the highest position whose id differs from pad_token_id (the last
// position when the config has no pad token).
class Gpt2ForSequenceClassificationImpl : public Gpt2BaseImpl {
public:
    explicit Gpt2ForSequenceClassificationImpl(const io::ModelConfig& config);
    Outputs forward(const Inputs& in, bool outputHiddenStates = false) override;
    std::string className() const override { return "GPT2ForSequenceClassification"; }
    std::vector<std::string> initialisablePrefixes() const override { return {"score."}; }
    int64_t numLabels() const override { return m_numLabels; }

    torch::nn::Linear score{nullptr};

private:
    std::optional<int64_t> m_padTokenId;
    int64_t m_numLabels;
};

// GPT2LMHeadModel: logits over the vocabulary from the head tied to wte; loss is the
// shifted cross entropy ignoring -100.
class Gpt2LMHeadModelImpl : public Gpt2BaseImpl {
public:
    explicit Gpt2LMHeadModelImpl(const io::ModelConfig& config);
    Outputs forward(const Inputs& in, bool outputHiddenStates = false) override;
    Task task() const override { return Task::CausalLM; }
    std::string className() const override { return "GPT2LMHeadModel"; }
    std::vector<std::string> initialisablePrefixes() const override { return {}; }
    bool ignorableKey(const std::string& key) const override;

    torch::nn::Linear lm_head{nullptr};  // only when tie_word_embeddings is false

private:
    bool m_tied;
};

}  // namespace ft::models
