#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

// torch.optim.AdamW (the single-tensor implementation torch uses for CPU tensors): the
// same operations in the same order. The torch-operation path agrees with PyTorch bit for
// bit where the kernels do; the fused pass (contiguous float32 CPU tensors) computes each
// element with plain float operations, which can differ from torch's vectorized kernels in
// the last bit of some results (the HF training traces still agree to 1.2e-7 in loss).
// Internal to core/train (includes torch). Not thread-safe.
namespace ft::train {

struct AdamWGroup {
    std::vector<std::pair<std::string, torch::Tensor>> params;  // HF names, in model order
    double weightDecay = 0;
};

struct AdamWState {
    torch::Tensor expAvg, expAvgSq;
    int64_t step = 0;  // torch keeps a float32 tensor; the values are whole numbers
};

class AdamW {
public:
    AdamW(std::vector<AdamWGroup> groups, double beta1, double beta2, double eps);

    // One update at learning rate lr, with every gradient first multiplied by gradScale
    // (clip_grad_norm_'s clamped coefficient; 1 = unchanged). Parameters without a
    // gradient are skipped (their state is not created or advanced), as torch does.
    // Contiguous float32 CPU tensors take one fused pass per parameter (the same
    // arithmetic, element by element, in the same order as torch's operations; it
    // reads and writes each array once instead of about ten times); others go through
    // torch's operations.
    void step(double lr, float gradScale = 1.0f);
    void zeroGrad();

    const std::vector<AdamWGroup>& groups() const { return m_groups; }
    // State per parameter name (absent until the parameter's first update).
    std::vector<std::pair<std::string, AdamWState>>& state() { return m_state; }
    const std::vector<std::pair<std::string, AdamWState>>& state() const { return m_state; }
    // Sets the state of one parameter (resume); throws ft::Error (InvalidArgument) naming
    // the parameter when it is unknown or the shapes disagree.
    void setState(const std::string& name, AdamWState s);

private:
    AdamWState& stateFor(const std::string& name, const torch::Tensor& param);

    std::vector<AdamWGroup> m_groups;
    double m_beta1, m_beta2, m_eps;
    std::vector<std::pair<std::string, AdamWState>> m_state;
};

}  // namespace ft::train
