#pragma once

#include <cstdint>

// The element loop of the fused AdamW step (train/adamw.cpp), kept apart so that it can be
// compiled for vectorization (-O3 -fno-math-errno: sqrt and division become SIMD
// instructions, which round exactly as the scalar ones do, so the results are the same
// bit for bit). No torch here.
namespace ft::train::detail {

struct AdamWScalars {
    float gradScale;  // clip_grad_norm_'s clamped coefficient (1 = unchanged)
    float decay;      // 1 - lr * weight_decay
    float w1;         // 1 - beta1, lerp's weight
    float beta2;
    float w2;  // 1 - beta2
    float biasCorrection2Sqrt;
    float eps;
    float negStepSize;  // -lr / bias_correction1
};

// Elements [0, n) of one parameter: p (weights), g (gradient, read only), m and v (the
// moments), all float32 and contiguous.
void adamwUpdate(float* p, const float* g, float* m, float* v, int64_t n, const AdamWScalars& s);

}  // namespace ft::train::detail
