#include "train/adamw.h"

#include <cmath>

#include <ATen/Parallel.h>

#include "error.h"

namespace ft::train {

AdamW::AdamW(std::vector<AdamWGroup> groups, double beta1, double beta2, double eps)
    : m_groups(std::move(groups)), m_beta1(beta1), m_beta2(beta2), m_eps(eps) {}

AdamWState& AdamW::stateFor(const std::string& name, const torch::Tensor& param) {
    for (auto& [n, s] : m_state)
        if (n == name) return s;
    AdamWState s;
    s.expAvg = torch::zeros_like(param, torch::MemoryFormat::Preserve);
    s.expAvgSq = torch::zeros_like(param, torch::MemoryFormat::Preserve);
    m_state.emplace_back(name, std::move(s));
    return m_state.back().second;
}

void AdamW::setState(const std::string& name, AdamWState s) {
    for (const auto& g : m_groups)
        for (const auto& [n, p] : g.params) {
            if (n != name) continue;
            if (s.expAvg.sizes() != p.sizes() || s.expAvgSq.sizes() != p.sizes())
                throw Error(ErrorCode::InvalidArgument,
                            "optimizer state for '" + name + "' has the wrong shape");
            AdamWState& dst = stateFor(name, p);
            dst.expAvg = s.expAvg.to(p.device(), p.scalar_type()).contiguous();
            dst.expAvgSq = s.expAvgSq.to(p.device(), p.scalar_type()).contiguous();
            dst.step = s.step;
            return;
        }
    throw Error(ErrorCode::InvalidArgument,
                "optimizer state names '" + name + "', which the model does not train");
}

namespace {

bool fusable(const torch::Tensor& t) {
    return t.defined() && t.device().is_cpu() && t.scalar_type() == torch::kFloat32 &&
           t.is_contiguous();
}

}  // namespace

void AdamW::step(double lr, float gradScale) {
    torch::NoGradGuard noGrad;
    for (auto& group : m_groups) {
        for (auto& [name, param] : group.params) {
            torch::Tensor grad = param.grad();
            if (!grad.defined()) continue;
            AdamWState& s = stateFor(name, param);
            // torch/optim/adam.py, _single_tensor_adam with decoupled weight decay. The
            // scalars are Python floats there: doubles here, in the same order.
            s.step += 1;
            const double step = static_cast<double>(s.step);
            const double biasCorrection1 = 1.0 - std::pow(m_beta1, step);
            const double biasCorrection2 = 1.0 - std::pow(m_beta2, step);
            const double stepSize = lr / biasCorrection1;
            const double biasCorrection2Sqrt = std::pow(biasCorrection2, 0.5);
            if (fusable(param) && fusable(grad) && fusable(s.expAvg) && fusable(s.expAvgSq)) {
                // Each torch operation below, per element, with its scalar cast to float
                // as the CPU kernels do: grad.mul_(scale); param.mul_(1 - lr * wd);
                // exp_avg.lerp_(grad, 1 - beta1) (weight < 0.5: self + w * (end - self));
                // exp_avg_sq.mul_(beta2).addcmul_(grad, grad, 1 - beta2);
                // denom = sqrt(exp_avg_sq) / bc2_sqrt + eps;
                // param.addcdiv_(exp_avg, denom, -step_size).
                const float decay = static_cast<float>(1.0 - lr * group.weightDecay);
                const float w1 = static_cast<float>(1.0 - m_beta1);
                const float b2 = static_cast<float>(m_beta2);
                const float w2 = static_cast<float>(1.0 - m_beta2);
                const float bc2 = static_cast<float>(biasCorrection2Sqrt);
                const float eps = static_cast<float>(m_eps);
                const float negStep = static_cast<float>(-stepSize);
                float* const p = param.data_ptr<float>();
                const float* const g = grad.data_ptr<float>();
                float* const m = s.expAvg.data_ptr<float>();
                float* const v = s.expAvgSq.data_ptr<float>();
                const bool lerpLow = w1 < 0.5f;
                at::parallel_for(0, param.numel(), 1 << 15, [&](int64_t begin, int64_t end) {
                    for (int64_t i = begin; i < end; ++i) {
                        const float gi = g[i] * gradScale;  // the gradient is dropped next
                        const float pi = p[i] * decay;
                        const float mi =
                            lerpLow ? m[i] + w1 * (gi - m[i]) : gi - (gi - m[i]) * (1.0f - w1);
                        const float vi = v[i] * b2 + w2 * gi * gi;
                        const float denom = std::sqrt(vi) / bc2 + eps;
                        m[i] = mi;
                        v[i] = vi;
                        p[i] = pi + negStep * (mi / denom);
                    }
                });
                continue;
            }
            if (gradScale != 1.0f) grad.mul_(static_cast<double>(gradScale));
            param.mul_(1.0 - lr * group.weightDecay);
            s.expAvg.lerp_(grad, 1.0 - m_beta1);
            s.expAvgSq.mul_(m_beta2).addcmul_(grad, grad, 1.0 - m_beta2);
            const torch::Tensor denom = (s.expAvgSq.sqrt() / biasCorrection2Sqrt).add_(m_eps);
            param.addcdiv_(s.expAvg, denom, -stepSize);
        }
    }
}

void AdamW::zeroGrad() {
    for (auto& group : m_groups)
        for (auto& [name, param] : group.params) {
            auto& g = param.mutable_grad();
            if (g.defined()) g = torch::Tensor();
        }
}

}  // namespace ft::train
