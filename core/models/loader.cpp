#include "models/loader.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "error.h"
#include "io/checkpoint.h"
#include "models/bert.h"
#include "models/distilbert.h"
#include "models/gpt2.h"
#include "models/roberta.h"
#include "models/xlnet.h"

namespace ft::models {

namespace fs = std::filesystem;

namespace {

bool startsWith(const std::string& s, const std::string& p) {
    return s.compare(0, p.size(), p) == 0;
}
bool endsWith(const std::string& s, const std::string& p) {
    return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

// Very old BERT checkpoints name LayerNorm parameters gamma / beta.
std::string normaliseKey(std::string key) {
    if (endsWith(key, ".gamma"))
        key.replace(key.size() - 5, 5, "weight");
    else if (endsWith(key, ".beta"))
        key.replace(key.size() - 4, 4, "bias");
    return key;
}

const char* formatName(io::WeightsFormat f) {
    switch (f) {
        case io::WeightsFormat::Safetensors:
            return "safetensors";
        case io::WeightsFormat::ShardedSafetensors:
            return "sharded safetensors";
        case io::WeightsFormat::PytorchBin:
            return "pytorch_model.bin";
    }
    return "";
}

bool underAny(const std::string& name, const std::vector<std::string>& prefixes) {
    for (const auto& p : prefixes)
        if (startsWith(name, p)) return true;
    return false;
}

std::shared_ptr<const text::Tokenizer> loadTokenizerChecked(const std::string& folder,
                                                            const PretrainedModelImpl& module,
                                                            bool required) {
    std::shared_ptr<const text::Tokenizer> tokenizer;
    try {
        tokenizer = text::loadTokenizer(folder);
    } catch (const Error& e) {
        if (e.code() != ErrorCode::NotFound || required) throw;
        return nullptr;
    }
    const auto rows = module.embeddingRows();
    if (static_cast<int64_t>(tokenizer->vocabSize()) > rows)
        throw Error(ErrorCode::InvalidArgument,
                    folder + ": the tokenizer's vocabulary has " +
                        std::to_string(tokenizer->vocabSize()) +
                        " tokens but the model's embedding matrix has only " +
                        std::to_string(rows) + " rows (vocab_size in config.json)");
    return tokenizer;
}

}  // namespace

const char* toString(Task task) {
    switch (task) {
        case Task::SequenceClassification:
            return "sequence classification";
        case Task::MaskedLM:
            return "masked language model";
        case Task::CausalLM:
            return "causal language model";
    }
    return "?";
}

Task taskFromConfig(const io::ModelConfig& config) {
    for (const auto& a : config.common.architectures) {
        if (endsWith(a, "ForMaskedLM") || endsWith(a, "ForPreTraining")) return Task::MaskedLM;
        if (endsWith(a, "LMHeadModel") || endsWith(a, "ForCausalLM")) return Task::CausalLM;
        if (endsWith(a, "ForSequenceClassification")) return Task::SequenceClassification;
    }
    return Task::SequenceClassification;
}

std::shared_ptr<PretrainedModelImpl> createModule(const io::ModelConfig& config, Task task) {
    const std::string& type = config.common.modelType;
    std::shared_ptr<PretrainedModelImpl> m;
    try {
        if (type == "bert") {
            if (task == Task::SequenceClassification)
                m = std::make_shared<BertForSequenceClassificationImpl>(config);
            else if (task == Task::MaskedLM)
                m = std::make_shared<BertForMaskedLMImpl>(config);
        } else if (type == "roberta") {
            if (task == Task::SequenceClassification)
                m = std::make_shared<RobertaForSequenceClassificationImpl>(config);
        } else if (type == "distilbert") {
            if (task == Task::SequenceClassification)
                m = std::make_shared<DistilBertForSequenceClassificationImpl>(config);
        } else if (type == "gpt2") {
            if (task == Task::SequenceClassification)
                m = std::make_shared<Gpt2ForSequenceClassificationImpl>(config);
            else if (task == Task::CausalLM)
                m = std::make_shared<Gpt2LMHeadModelImpl>(config);
        } else if (type == "xlnet") {
            if (task == Task::SequenceClassification)
                m = std::make_shared<XLNetForSequenceClassificationImpl>(config);
        }
        if (!m)
            throw Error(ErrorCode::InvalidArgument,
                        "model_type '" + type + "' has no " + toString(task) + " head here");
        m->initWeights();
        if (auto* xlnet = dynamic_cast<XLNetForSequenceClassificationImpl*>(m.get()))
            xlnet->initRelativeParameters();
    } catch (const c10::Error& e) {
        throw Error(ErrorCode::Internal,
                    "building a " + type + " model: " + e.what_without_backtrace());
    }
    m->eval();
    return m;
}

LoadedModel loadPretrained(const std::string& folder, const LoadOptions& options) {
    LoadedModel out;
    out.sourceFolder = folder;
    out.config = io::readConfig(folder);
    const Task task = options.task.value_or(taskFromConfig(out.config));
    const std::vector<std::string> checkpointLabels = out.config.common.labels;
    bool labelsChanged = false;
    if (task == Task::SequenceClassification && !options.labels.empty() &&
        options.labels != checkpointLabels) {
        labelsChanged = options.labels.size() != checkpointLabels.size();
        out.config.common.labels = options.labels;
    }

    try {
        const io::CheckpointReader reader(folder);
        auto module = createModule(out.config, task);
        module->setDropout(options.dropout);
        if (task == Task::SequenceClassification)
            out.config.common.architectures = {module->className()};

        std::map<std::string, torch::Tensor> targets;
        for (auto& [name, t] : module->stateDict()) targets.emplace(name, t);
        const std::string prefix = module->basePrefix();
        const auto initialisable = module->initialisablePrefixes();
        std::set<std::string> assigned;
        std::set<std::string> dtypes;
        for (const std::string& key : reader.keys()) {
            const std::string name = normaliseKey(key);
            if (module->ignorableKey(name) || module->ignorableKey(prefix + name)) continue;
            std::string target;
            if (targets.count(name))
                target = name;
            else if (targets.count(prefix + name))
                target = prefix + name;
            if (target.empty() || assigned.count(target)) {
                out.report.unexpectedKeys.push_back(key);
                continue;
            }
            auto& dst = targets.at(target);
            if (reader.shape(key) != dst.sizes().vec() && labelsChanged &&
                underAny(target, initialisable))
                continue;  // the old head of another label count: replaced by a fresh one
            reader.copyInto(key, dst);
            dtypes.insert(reader.dtypeName(key));
            assigned.insert(target);
        }
        std::vector<std::string> missing;
        for (const auto& [name, t] : targets) {
            if (assigned.count(name)) continue;
            if (underAny(name, initialisable)) {
                module->initWeights(name);
                out.report.newWeights.push_back(name);
            } else {
                missing.push_back(name);
            }
        }
        if (!missing.empty()) {
            std::string list;
            for (size_t i = 0; i < missing.size() && i < 5; ++i)
                list += (i ? ", " : "") + std::string("'") + missing[i] + "'";
            if (missing.size() > 5) list += " and " + std::to_string(missing.size() - 5) + " more";
            throw Error(ErrorCode::Mapping, reader.files().front() + ": missing key" +
                                                (missing.size() > 1 ? "s " : " ") + list +
                                                " required by " + module->className());
        }
        for (const auto& d : dtypes)
            out.report.storedDtype += (out.report.storedDtype.empty() ? "" : "+") + d;
        out.report.format = formatName(reader.format());
        out.report.files = reader.files();
        out.report.fileBytes = reader.bytes();
        out.report.parameterCount = module->parameterCount();
        out.tokenizer = loadTokenizerChecked(folder, *module, options.requireTokenizer);
        module->eval();
        out.module = std::move(module);
    } catch (const c10::Error& e) {
        throw Error(ErrorCode::Internal, folder + ": " + e.what_without_backtrace());
    }
    return out;
}

LoadedModel loadClassifier(const std::string& folder, LoadOptions options) {
    options.task = Task::SequenceClassification;
    return loadPretrained(folder, options);
}

void saveWeights(const std::string& folder, const PretrainedModelImpl& module,
                 const io::ModelConfig& config) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) throw Error(ErrorCode::Io, folder + ": cannot create the folder: " + ec.message());
    io::ModelConfig c = config;
    c.common.architectures = {module.className()};
    try {
        io::saveSafetensors((fs::path(folder) / "model.safetensors").string(), module.stateDict());
    } catch (const c10::Error& e) {
        throw Error(ErrorCode::Internal, folder + ": " + e.what_without_backtrace());
    }
    io::writeConfig(folder, c);
}

}  // namespace ft::models
