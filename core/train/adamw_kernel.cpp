#include "train/adamw_kernel.h"

#include <cmath>

namespace ft::train::detail {

// Per element, the operations of torch's single-tensor AdamW in its order, each with its
// scalar as a float (as the CPU kernels cast them): grad.mul_(scale); param.mul_(decay);
// exp_avg.lerp_(grad, w1) (weight < 0.5: self + w * (end - self), else
// end - (end - self) * (1 - w)); exp_avg_sq.mul_(beta2).addcmul_(grad, grad, w2);
// denom = sqrt(exp_avg_sq) / bc2_sqrt + eps; param.addcdiv_(exp_avg, denom, -step_size).
void adamwUpdate(float* p, const float* g, float* m, float* v, int64_t n, const AdamWScalars& s) {
    const float scale = s.gradScale, decay = s.decay, w1 = s.w1, b2 = s.beta2, w2 = s.w2,
                bc2 = s.biasCorrection2Sqrt, eps = s.eps, step = s.negStepSize;
    if (w1 < 0.5f) {
        for (int64_t i = 0; i < n; ++i) {
            const float gi = g[i] * scale;
            const float mi = m[i] + w1 * (gi - m[i]);
            const float vi = v[i] * b2 + w2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] = p[i] * decay + step * (mi / (std::sqrt(vi) / bc2 + eps));
        }
    } else {
        const float rest = 1.0f - w1;
        for (int64_t i = 0; i < n; ++i) {
            const float gi = g[i] * scale;
            const float mi = gi - (gi - m[i]) * rest;
            const float vi = v[i] * b2 + w2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] = p[i] * decay + step * (mi / (std::sqrt(vi) / bc2 + eps));
        }
    }
}

}  // namespace ft::train::detail
