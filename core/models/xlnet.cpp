// Paper: Yang et al. 2019, "XLNet: Generalized Autoregressive Pretraining for Language
// Understanding". Reference: transformers 5.x models/xlnet/modeling_xlnet.py (HF numbers are the
// truth).
#include "models/xlnet.h"

#include <cmath>

namespace ft::models {

namespace {

torch::nn::LayerNorm layerNorm(int64_t n, double eps) {
    return torch::nn::LayerNorm(torch::nn::LayerNormOptions({n}).eps(eps));
}

DropoutRates xlnetDropout(const io::XLNetConfig& c) {
    // One `dropout` serves the hidden states and the attention probabilities; the head's
    // is summary_last_dropout.
    return {c.dropout, c.dropout, c.summaryLastDropout};
}

// transformers' rel_shift_bnij: [B, n, qlen, R] -> [B, n, qlen, klen], the score of query i
// and key j taken from column klen - i + j of row i's relative scores.
torch::Tensor relShiftBnij(const torch::Tensor& x, int64_t klen) {
    const int64_t b = x.size(0), n = x.size(1), i = x.size(2), r = x.size(3);
    return x.reshape({b, n, r, i}).narrow(2, 1, r - 1).reshape({b, n, i, r - 1}).narrow(3, 0, klen);
}

}  // namespace

XLNetRelativeAttentionImpl::XLNetRelativeAttentionImpl(const io::XLNetConfig& c,
                                                       std::shared_ptr<DropoutRates> dropout)
    : m_heads(c.nHead),
      m_headDim(c.dHead),
      m_model(c.dModel),
      m_scale(1.0 / std::sqrt(static_cast<double>(c.dHead))),
      m_dropout(std::move(dropout)) {
    const std::vector<int64_t> proj{c.dModel, c.nHead, c.dHead}, bias{c.nHead, c.dHead};
    q = register_parameter("q", torch::zeros(proj));
    k = register_parameter("k", torch::zeros(proj));
    v = register_parameter("v", torch::zeros(proj));
    o = register_parameter("o", torch::zeros(proj));
    r = register_parameter("r", torch::zeros(proj));
    r_r_bias = register_parameter("r_r_bias", torch::zeros(bias));
    r_s_bias = register_parameter("r_s_bias", torch::zeros(bias));
    r_w_bias = register_parameter("r_w_bias", torch::zeros(bias));
    seg_embed = register_parameter("seg_embed", torch::zeros({2, c.nHead, c.dHead}));
    layer_norm = register_module("layer_norm", layerNorm(c.dModel, c.layerNormEps));
}

void XLNetRelativeAttentionImpl::initParameters(double std) {
    torch::NoGradGuard noGrad;
    for (auto* p : {&q, &k, &v, &o, &r, &r_r_bias, &r_s_bias, &r_w_bias, &seg_embed})
        p->normal_(0.0, std);
}

torch::Tensor XLNetRelativeAttentionImpl::forward(const torch::Tensor& h, const torch::Tensor& pos,
                                                  const torch::Tensor& segDiff,
                                                  const torch::Tensor& mask) {
    const int64_t b = h.size(0), t = h.size(1), n = m_heads, d = m_headDim;
    // einsum("ibh,hnd->ibnd") as one matrix product over the flattened heads.
    auto project = [&](const torch::Tensor& x, const torch::Tensor& w) {
        auto sizes = x.sizes().vec();
        sizes.back() = n;
        sizes.push_back(d);
        return torch::matmul(x, w.view({m_model, n * d})).view(sizes);
    };
    const auto qHead = project(h, q);  // [B, T, n, d]
    const auto kHead = project(h, k);
    const auto vHead = project(h, v);
    const auto kHeadR = project(pos.to(r.scalar_type()), r);  // [P, 2T, n, d]

    // Content, position and segment scores, each [B, n, T, T].
    const auto ac =
        torch::matmul((qHead + r_w_bias).permute({0, 2, 1, 3}), kHead.permute({0, 2, 3, 1}));
    auto bd = torch::matmul((qHead + r_r_bias).permute({0, 2, 1, 3}), kHeadR.permute({0, 2, 3, 1}));
    bd = relShiftBnij(bd, t);
    torch::Tensor score = ac + bd;
    if (segDiff.defined()) {
        // The one-hot segment matrix picks seg_embed[0] (same segment) or [1] per pair.
        const auto ef = torch::matmul((qHead + r_s_bias).permute({0, 2, 1, 3}),
                                      seg_embed.permute({1, 2, 0}));  // [B, n, T, 2]
        score = score + torch::where(segDiff, ef.narrow(3, 1, 1), ef.narrow(3, 0, 1));
    }
    score = score * m_scale;
    if (mask.defined()) {
        // transformers subtracts a large constant rather than filling with the minimum.
        const double big = q.scalar_type() == torch::kFloat16 ? 65500.0 : 1e30;
        score = score - big * mask;
    }
    auto prob = torch::softmax(score, 3);
    prob = torch::dropout(prob, m_dropout->attention, is_training());
    const auto attnVec = torch::matmul(prob, vHead.permute({0, 2, 1, 3}));  // [B, n, T, d]
    // einsum("ibnd,hnd->ibh") with o.
    auto out = torch::matmul(attnVec.permute({0, 2, 1, 3}).reshape({b, t, n * d}),
                             o.view({m_model, n * d}).t());
    out = torch::dropout(out, m_dropout->hidden, is_training());
    return layer_norm(out + h);
}

XLNetFeedForwardImpl::XLNetFeedForwardImpl(const io::XLNetConfig& c,
                                           std::shared_ptr<DropoutRates> dropout)
    : m_act(c.ffActivation), m_dropout(std::move(dropout)) {
    layer_norm = register_module("layer_norm", layerNorm(c.dModel, c.layerNormEps));
    layer_1 = register_module("layer_1", torch::nn::Linear(c.dModel, c.dInner));
    layer_2 = register_module("layer_2", torch::nn::Linear(c.dInner, c.dModel));
}

torch::Tensor XLNetFeedForwardImpl::forward(const torch::Tensor& x) {
    auto y = torch::dropout(activate(layer_1(x), m_act), m_dropout->hidden, is_training());
    y = torch::dropout(layer_2(y), m_dropout->hidden, is_training());
    return layer_norm(y + x);
}

XLNetLayerImpl::XLNetLayerImpl(const io::XLNetConfig& c, std::shared_ptr<DropoutRates> dropout) {
    rel_attn = register_module("rel_attn", XLNetRelativeAttention(c, dropout));
    ff = register_module("ff", XLNetFeedForward(c, dropout));
}

torch::Tensor XLNetLayerImpl::forward(const torch::Tensor& h, const torch::Tensor& pos,
                                      const torch::Tensor& segDiff, const torch::Tensor& mask) {
    return ff(rel_attn(h, pos, segDiff, mask));
}

XLNetModelImpl::XLNetModelImpl(const io::XLNetConfig& c, std::shared_ptr<DropoutRates> dropout)
    : m_config(c), m_dropout(std::move(dropout)) {
    word_embedding = register_module("word_embedding", torch::nn::Embedding(c.vocabSize, c.dModel));
    mask_emb = register_parameter("mask_emb", torch::zeros({1, 1, c.dModel}));
    layer = register_module("layer", torch::nn::ModuleList());
    for (int64_t i = 0; i < c.nLayer; ++i) layer->push_back(XLNetLayer(c, m_dropout));
}

torch::Tensor XLNetModelImpl::relativePositionalEncoding(int64_t qlen, int64_t klen,
                                                         const torch::Device& device) const {
    const auto f32 = torch::TensorOptions().dtype(torch::kFloat32).device(device);
    const auto i64 = torch::TensorOptions().dtype(torch::kInt64).device(device);
    const auto freqSeq = torch::arange(0, m_config.dModel, 2, i64).to(torch::kFloat32);
    const auto invFreq =
        torch::reciprocal(torch::pow(10000, freqSeq / static_cast<double>(m_config.dModel)));
    // attn_type "bi": distances klen down to -qlen + 1.
    auto posSeq = torch::arange(klen, -qlen, -1, i64).to(f32);
    if (m_config.clampLen > 0) posSeq = posSeq.clamp(-m_config.clampLen, m_config.clampLen);
    const auto sinusoid = torch::outer(posSeq, invFreq);
    return torch::cat({torch::sin(sinusoid), torch::cos(sinusoid)}, -1);
}

torch::Tensor XLNetModelImpl::forward(const torch::Tensor& inputIds,
                                      const torch::Tensor& attentionMask,
                                      const torch::Tensor& tokenTypeIds,
                                      std::vector<torch::Tensor>* hiddenStates) {
    const int64_t b = inputIds.size(0), t = inputIds.size(1);
    const auto device = inputIds.device();
    const auto dtype = word_embedding->weight.scalar_type();

    // transformers: input_mask = 1 - attention_mask marks padded keys; the content stream
    // masks them for every query but its own position (non_tgt_mask: a padded position
    // still attends to itself and to the real tokens).
    torch::Tensor mask;
    if (attentionMask.defined()) {
        const auto padKey = (1.0 - attentionMask.to(torch::kFloat32)).gt(0).view({b, 1, 1, t});
        const auto self = torch::eye(t, torch::TensorOptions().dtype(torch::kBool).device(device));
        mask = padKey.logical_and(self.logical_not().view({1, 1, t, t})).to(dtype);
    }
    torch::Tensor segDiff;
    if (tokenTypeIds.defined())
        segDiff = tokenTypeIds.unsqueeze(2).ne(tokenTypeIds.unsqueeze(1)).unsqueeze(1);

    auto x = torch::dropout(word_embedding(inputIds), m_dropout->hidden, is_training());
    auto pos = relativePositionalEncoding(t, t, device).unsqueeze(0);
    if (is_training() && m_dropout->hidden > 0)
        pos = torch::dropout(pos.expand({b, -1, -1}), m_dropout->hidden, true);
    for (const auto& m : *layer) {
        if (hiddenStates) hiddenStates->push_back(x);
        x = m->as<XLNetLayerImpl>()->forward(x, pos, segDiff, mask);
    }
    if (hiddenStates) hiddenStates->push_back(x);
    return torch::dropout(x, m_dropout->hidden, is_training());
}

XLNetForSequenceClassificationImpl::XLNetForSequenceClassificationImpl(
    const io::ModelConfig& config)
    : SequenceClassifierImpl(config.common.initializerRange,
                             xlnetDropout(std::get<io::XLNetConfig>(config.arch))),
      m_config(std::get<io::XLNetConfig>(config.arch)),
      m_numLabels(static_cast<int64_t>(config.common.labels.size())) {
    transformer = register_module("transformer", XLNetModel(m_config, m_dropout));
    sequence_summary = register_module("sequence_summary", std::make_shared<torch::nn::Module>());
    if (m_config.summaryUseProj)
        summary = sequence_summary->register_module(
            "summary", torch::nn::Linear(m_config.dModel, m_config.dModel));
    logits_proj = register_module("logits_proj", torch::nn::Linear(m_config.dModel, m_numLabels));
}

void XLNetForSequenceClassificationImpl::initRelativeParameters() {
    torch::NoGradGuard noGrad;
    for (const auto& m : *transformer->layer)
        m->as<XLNetLayerImpl>()->rel_attn->initParameters(m_initializerRange);
    transformer->mask_emb.normal_(0.0, m_initializerRange);
}

Outputs XLNetForSequenceClassificationImpl::forward(const Inputs& in, bool outputHiddenStates) {
    Outputs out;
    const auto x = transformer(in.inputIds, in.attentionMask, in.tokenTypeIds,
                               outputHiddenStates ? &out.hiddenStates : nullptr);
    torch::Tensor s;
    if (m_config.summaryType == "first")
        s = x.select(1, 0);
    else if (m_config.summaryType == "mean")
        s = x.mean(1);
    else
        s = x.select(1, x.size(1) - 1);
    if (m_config.summaryFirstDropout)
        s = torch::dropout(s, *m_config.summaryFirstDropout, is_training());
    if (summary) s = summary(s);
    if (m_config.summaryActivation) s = activate(s, *m_config.summaryActivation);
    s = torch::dropout(s, m_dropout->classifier, is_training());
    out.logits = logits_proj(s);
    if (in.labels.defined()) out.loss = classificationLoss(out.logits, in.labels);
    return out;
}

std::string XLNetForSequenceClassificationImpl::layerPrefix(int64_t i) const {
    return "transformer.layer." + std::to_string(i) + ".";
}

}  // namespace ft::models
