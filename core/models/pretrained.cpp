#include "models/pretrained.h"

#include <cmath>
#include <limits>

namespace ft::models {

namespace {

bool startsWith(const std::string& s, const std::string& p) {
    return s.compare(0, p.size(), p) == 0;
}

}  // namespace

PretrainedModelImpl::PretrainedModelImpl(double initializerRange, DropoutRates rates)
    : m_dropout(std::make_shared<DropoutRates>(rates)), m_initializerRange(initializerRange) {}

bool PretrainedModelImpl::ignorableKey(const std::string&) const { return false; }

void PretrainedModelImpl::setDropout(const DropoutOverrides& o) {
    if (o.hidden) m_dropout->hidden = *o.hidden;
    if (o.attention) m_dropout->attention = *o.attention;
    if (o.classifier) m_dropout->classifier = *o.classifier;
}

void PretrainedModelImpl::initWeights(const std::string& prefix) {
    torch::NoGradGuard noGrad;
    const double stdDev = m_initializerRange;
    for (const auto& item : named_modules("", false)) {
        const std::string& name = item.key();
        torch::nn::Module* m = item.value().get();
        const std::string dotted = name + ".";
        auto under = [&](const std::string& param) {
            return prefix.empty() || startsWith(dotted + param, prefix);
        };
        if (auto* lin = dynamic_cast<torch::nn::LinearImpl*>(m)) {
            if (under("weight")) lin->weight.normal_(0.0, stdDev);
            if (lin->bias.defined() && under("bias")) lin->bias.zero_();
        } else if (auto* conv = dynamic_cast<Conv1DImpl*>(m)) {
            if (under("weight")) conv->weight.normal_(0.0, stdDev);
            if (under("bias")) conv->bias.zero_();
        } else if (auto* emb = dynamic_cast<torch::nn::EmbeddingImpl*>(m)) {
            if (under("weight")) {
                emb->weight.normal_(0.0, stdDev);
                const auto pad = emb->options.padding_idx();
                if (pad && *pad >= 0 && *pad < emb->weight.size(0)) emb->weight[*pad].zero_();
            }
        } else if (auto* ln = dynamic_cast<torch::nn::LayerNormImpl*>(m)) {
            if (under("weight")) ln->weight.fill_(1.0);
            if (under("bias")) ln->bias.zero_();
        } else {
            // Parameters held by a container itself (the masked-LM output bias) start at 0.
            for (auto& p : m->named_parameters(false))
                if (under(p.key())) p.value().zero_();
        }
    }
}

void PretrainedModelImpl::freezeBottomLayers(int64_t n) {
    n = std::max<int64_t>(0, std::min(n, numLayers()));
    std::vector<std::string> prefixes;
    if (n > 0) prefixes.push_back(embeddingsPrefix());
    for (int64_t i = 0; i < n; ++i) prefixes.push_back(layerPrefix(i));
    for (auto& p : named_parameters()) {
        bool frozen = false;
        for (const auto& pre : prefixes) frozen = frozen || startsWith(p.key(), pre);
        p.value().set_requires_grad(!frozen);
    }
}

std::vector<std::pair<std::string, torch::Tensor>> PretrainedModelImpl::stateDict() const {
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (const auto& p : named_parameters()) out.emplace_back(p.key(), p.value());
    for (const auto& b : named_buffers()) out.emplace_back(b.key(), b.value());
    return out;
}

int64_t PretrainedModelImpl::parameterCount() const {
    int64_t n = 0;
    for (const auto& p : parameters()) n += p.numel();
    return n;
}

torch::Tensor PretrainedModelImpl::logits(const torch::Tensor& inputIds,
                                          const torch::Tensor& attentionMask,
                                          const torch::Tensor& tokenTypeIds) {
    return forward(Inputs{inputIds, attentionMask, tokenTypeIds, {}}).logits;
}

Conv1DImpl::Conv1DImpl(int64_t in, int64_t out) {
    weight = register_parameter("weight", torch::empty({in, out}));
    bias = register_parameter("bias", torch::zeros({out}));
    torch::NoGradGuard noGrad;
    weight.normal_(0.0, 0.02);
}

torch::Tensor Conv1DImpl::forward(const torch::Tensor& x) {
    auto sizes = x.sizes().vec();
    sizes.back() = weight.size(1);
    return torch::addmm(bias, x.reshape({-1, x.size(-1)}), weight).view(sizes);
}

torch::Tensor activate(const torch::Tensor& x, io::Activation a) {
    switch (a) {
        case io::Activation::Gelu:
            return torch::gelu(x);
        case io::Activation::GeluNew: {
            // transformers' NewGELUActivation, written out as it is there.
            const double c = std::sqrt(2.0 / M_PI);
            return 0.5 * x * (1.0 + torch::tanh(c * (x + 0.044715 * torch::pow(x, 3.0))));
        }
        case io::Activation::GeluPytorchTanh:
            return torch::gelu(x, "tanh");
        case io::Activation::Relu:
            return torch::relu(x);
        case io::Activation::Silu:
            return torch::silu(x);
        case io::Activation::Tanh:
            return torch::tanh(x);
    }
    return x;
}

torch::Tensor paddingBias(const torch::Tensor& attentionMask) {
    if (!attentionMask.defined()) return {};
    const float minValue = std::numeric_limits<float>::lowest();
    const auto keep = attentionMask.to(torch::kFloat32).unsqueeze(1).unsqueeze(2);
    return (1.0 - keep) * minValue;
}

torch::Tensor causalBias(const torch::Tensor& attentionMask, int64_t length) {
    const float minValue = std::numeric_limits<float>::lowest();
    auto allowed = torch::ones({length, length}, torch::kBool).tril().view({1, 1, length, length});
    if (attentionMask.defined())
        allowed = allowed.logical_and(attentionMask.to(torch::kBool).unsqueeze(1).unsqueeze(2));
    return torch::zeros(allowed.sizes(), torch::kFloat32)
        .masked_fill_(allowed.logical_not(), minValue);
}

torch::Tensor attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                        const torch::Tensor& bias, double scale, double p, bool training) {
    auto scores = torch::matmul(q, k.transpose(-1, -2));
    scores.mul_(scale);
    if (bias.defined()) scores.add_(bias);
    auto probs = torch::softmax(scores, -1);
    if (training && p > 0) probs = torch::dropout(probs, p, true);
    return torch::matmul(probs, v);
}

torch::Tensor crossEntropy(const torch::Tensor& logits, const torch::Tensor& labels) {
    return torch::nn::functional::cross_entropy(
        logits.reshape({-1, logits.size(-1)}).to(torch::kFloat32), labels.reshape({-1}),
        torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-100));
}

torch::Tensor classificationLoss(const torch::Tensor& logits, const torch::Tensor& labels) {
    if (logits.size(-1) == 1)
        return torch::mse_loss(logits.squeeze(-1), labels.to(logits.scalar_type()));
    return crossEntropy(logits, labels.to(torch::kInt64));
}

}  // namespace ft::models
