#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/modelconfig.h"
#include "models/model.h"
#include "progress.h"

// Pre-flight checks before fine-tuning: will a batch size and a maximum length fit in
// memory, and how long does one training step take on this machine. Torch-free header;
// the timing run lives in preflight.cpp.
namespace ft::models {

// What the memory estimate needs to know about a model.
struct TrainingShape {
    int64_t parameters = 0;  // all trainable parameters
    int64_t layers = 0, hidden = 0, heads = 0, intermediate = 0;
};

// The shape of a config (intermediate_size / hidden_dim / n_inner) with the given
// parameter count (ModelInfo::parameters).
TrainingShape trainingShape(const io::ModelConfig& config, int64_t parameters);

// Bytes of one training step in float32 with AdamW, by component. With P parameters,
// batch B, length T, L layers, hidden H, A heads and intermediate size I:
//
//   weights     = 4 P
//   gradients   = 4 P
//   optimizer   = 8 P   (AdamW's two moments, exp_avg and exp_avg_sq)
//   activations = 4 (L (B T (8 H + 2 I) + 2 A B T^2) + 2 B T H)
//
// The activations are the tensors autograd keeps for the backward pass, per layer:
// attention input, Q, K and V, the context and the residual LayerNorm input (6 B T H),
// the attention probabilities before and after dropout (2 A B T^2), the feed-forward
// input and LayerNorm input (2 B T H) and its pre- and post-activation (2 B T I); plus
// the embedding sum and its LayerNorm (2 B T H). It leaves out the framework's own
// workspace, which is why verdict() asks for headroom.
struct MemoryEstimate {
    uint64_t weights = 0, gradients = 0, optimizer = 0, activations = 0;
    uint64_t total() const { return weights + gradients + optimizer + activations; }
};

// Throws ft::Error (InvalidArgument) for batch or length < 1 or an empty shape.
MemoryEstimate estimateTrainingMemory(const TrainingShape& shape, int64_t batch, int64_t length);

// MemAvailable of /proc/meminfo in bytes; nullopt where there is no such file.
std::optional<uint64_t> availableMemory();
// The MemAvailable line of /proc/meminfo content ("MemAvailable:  123 kB"), in bytes.
std::optional<uint64_t> parseMemAvailable(const std::string& meminfo);

enum class Verdict { Fits, Tight, WillNotFit };
// Fits: needs at most kFitsFraction of the available memory; Tight: at most all of it
// (swapping or an out-of-memory kill are likely once other programs grow); WillNotFit:
// more than is available.
constexpr double kFitsFraction = 0.75;
Verdict verdict(uint64_t needed, uint64_t available);

// The largest batch size <= batch (or length <= length) whose estimate Fits; 0 if not
// even 1 does.
int64_t largestFittingBatch(const TrainingShape& shape, int64_t batch, int64_t length,
                            uint64_t available);
int64_t largestFittingLength(const TrainingShape& shape, int64_t batch, int64_t length,
                             uint64_t available);

struct SpeedMeasurement {
    std::vector<double> stepSeconds;  // every step, in order
    double secondsPerStep = 0;        // the median step (the first one pays for allocation)
};

// Times `steps` training steps (forward with labels, backward, AdamW update) of a freshly
// initialised model of the same config and task on a dummy batch of batch x length random
// token ids, on this thread with LibTorch's threads. The loaded model's weights are never
// touched, so it is safe to call while another thread uses the loaded Model. Reports
// progress after each step; progress.stopRequested() between steps throws ft::Error
// (Cancelled). Throws InvalidArgument for length beyond the model's positions, batch or
// steps < 1; Internal (with LibTorch's message) when LibTorch fails, e.g. out of memory.
SpeedMeasurement measureTrainingSpeed(const io::ModelConfig& config, Task task, int64_t batch,
                                      int64_t length, int steps = 3, const Progress& progress = {});

}  // namespace ft::models
