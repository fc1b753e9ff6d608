#include "train/adamw.h"

#include <cmath>

#include <ATen/Parallel.h>

#include "error.h"
#include "train/adamw_kernel.h"

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
                // One pass over the four arrays (train/adamw_kernel.cpp) instead of torch's
                // ten or so, each element computed as torch's operations compute it.
                const detail::AdamWScalars k{gradScale,
                                             static_cast<float>(1.0 - lr * group.weightDecay),
                                             static_cast<float>(1.0 - m_beta1),
                                             static_cast<float>(m_beta2),
                                             static_cast<float>(1.0 - m_beta2),
                                             static_cast<float>(biasCorrection2Sqrt),
                                             static_cast<float>(m_eps),
                                             static_cast<float>(-stepSize)};
                float* const p = param.data_ptr<float>();
                const float* const g = grad.data_ptr<float>();
                float* const m = s.expAvg.data_ptr<float>();
                float* const v = s.expAvgSq.data_ptr<float>();
                at::parallel_for(0, param.numel(), 1 << 15, [&](int64_t begin, int64_t end) {
                    detail::adamwUpdate(p + begin, g + begin, m + begin, v + begin, end - begin, k);
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
