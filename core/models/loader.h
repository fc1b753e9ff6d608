#pragma once

#include <memory>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "io/modelconfig.h"
#include "models/model.h"
#include "models/pretrained.h"
#include "text/tokenizer.h"

// Building, loading and saving the torch modules behind models::Model. For core/models
// and core/train only (includes torch).
namespace ft::models {

struct LoadedModel {
    std::shared_ptr<PretrainedModelImpl> module;
    io::ModelConfig config;
    std::shared_ptr<const text::Tokenizer> tokenizer;  // null without one
    LoadReport report;
    std::string sourceFolder;  // "" for a model built from a config
};

// The module for a config and task, randomly initialised as transformers does, in eval
// mode. Throws ft::Error (InvalidArgument) for a task the architecture lacks here.
std::shared_ptr<PretrainedModelImpl> createModule(const io::ModelConfig& config, Task task);

// The task config.json's architectures names (SequenceClassification for a bare encoder).
Task taskFromConfig(const io::ModelConfig& config);

// Loads a checkpoint folder (see models::Model::open). Checkpoint keys are copied name for
// name into named_parameters() / named_buffers(), with or without the encoder prefix
// ("bert.", "transformer.", ...); a missing key outside the initialisable head, or a
// mis-shaped one, is an error naming the key and the file (and both shapes).
LoadedModel loadPretrained(const std::string& folder, const LoadOptions& options = {});

// loadPretrained with the task forced to SequenceClassification.
LoadedModel loadClassifier(const std::string& folder, LoadOptions options = {});

// config.json + model.safetensors (both written atomically).
void saveWeights(const std::string& folder, const PretrainedModelImpl& module,
                 const io::ModelConfig& config);

}  // namespace ft::models
