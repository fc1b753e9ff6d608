#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "models/model.h"
#include "train/schedule.h"

// One optimisation step as Hugging Face's Trainer takes it: forward in train mode,
// mean cross entropy (or class-weighted), backward (divided by the accumulation
// steps), clip_grad_norm_ over all trained parameters, torch AdamW with two parameter
// groups (weight decay on decayParameterNames() only), then the schedule advances.
// Torch-free facade (tests and the CLI include it). Not thread-safe: one thread drives a
// Stepper and the model it trains; every failure throws ft::Error.
namespace ft::train {

struct OptimizerOptions {
    double learningRate = 5e-5;
    double weightDecay = 0.0;
    double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
    ScheduleKind schedule = ScheduleKind::Linear;
    int64_t warmupSteps = 0;  // > 0 wins over warmupRatio
    double warmupRatio = 0.0;
    int64_t totalSteps = 0;    // optimizer steps of the whole run
    double maxGradNorm = 1.0;  // <= 0: no clipping (the norm is still measured)
    // Per-class loss weights (empty: plain mean cross entropy, computed by the model).
    std::vector<double> classWeights;
    std::string device = "cpu";  // "cpu", "cuda", "cuda:N"
};

struct StepStats {
    int64_t step = 0;     // optimizer steps done, this one included
    double lr = 0;        // the learning rate this update used
    double gradNorm = 0;  // total L2 norm before clipping
};

struct EvalBatchResult {
    std::vector<float> logits;  // [batch, labels] row-major
    double lossSum = 0;         // sum of per-row cross entropy (mean x batch)
};

class Stepper {
public:
    // Moves the model to options.device (throws InvalidArgument when CUDA is asked for and
    // not available) and builds the optimizer over the parameters that require grad. The
    // model must outlive the Stepper.
    Stepper(const models::Model& model, const OptimizerOptions& options);
    ~Stepper();
    Stepper(const Stepper&) = delete;
    Stepper& operator=(const Stepper&) = delete;

    // Forward and backward of one micro-batch in train mode; gradients accumulate. The
    // backward pass uses loss / accumulationSteps. Returns the unscaled loss (may be NaN:
    // the caller decides).
    double accumulate(const models::Batch& batch, int accumulationSteps = 1);
    // Clips, updates at lrAt(step()), clears the gradients and advances the schedule.
    StepStats update();
    // Logits and summed loss in eval mode without autograd (labels required for loss).
    EvalBatchResult evaluate(const models::Batch& batch);

    int64_t step() const;
    double currentLr() const;
    const Schedule& schedule() const;
    // Parameters trained with weight decay (HF: all but biases and LayerNorm weights).
    std::vector<std::string> decayParameterNames() const;
    std::vector<std::string> trainedParameterNames() const;

    // Optimizer state as safetensors (exp_avg.<name>, exp_avg_sq.<name>, step.<name>) with
    // the schedule step in the metadata; written atomically.
    void saveState(const std::string& path) const;
    // Reads what saveState wrote; throws ft::Error naming the file and tensor on mismatch.
    void loadState(const std::string& path);

    static bool cudaAvailable();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace ft::train
