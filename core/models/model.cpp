#include "models/model.h"

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "error.h"
#include "models/loader.h"

namespace ft::models {

namespace fs = std::filesystem;

namespace {

struct Builtin {
    const char* name;
    int64_t layers, hidden, heads;
};
// Google's compact BERTs (Turc et al. 2019): L x H with H / 64 heads.
constexpr Builtin kBuiltins[] = {
    {"bert-tiny", 2, 128, 2}, {"bert-mini", 4, 256, 4}, {"bert-small", 4, 512, 8}};

std::string tokenizerKind(const std::string& folder) {
    if (folder.empty()) return "";
    const fs::path dir(folder);
    if (fs::exists(dir / "tokenizer.json")) {
        std::ifstream in(dir / "tokenizer.json", std::ios::binary);
        try {
            const auto j = nlohmann::json::parse(in);
            const auto type = j.at("model").value("type", std::string());
            if (!type.empty()) return type;
            if (j.at("model").contains("merges")) return "BPE";
            return j.at("model").contains("continuing_subword_prefix") ? "WordPiece" : "Unigram";
        } catch (const nlohmann::json::exception&) {
            return "tokenizer.json";
        }
    }
    if (fs::exists(dir / "vocab.txt")) return "WordPiece";
    if (fs::exists(dir / "merges.txt")) return "BPE";
    if (fs::exists(dir / "spiece.model")) return "Unigram";
    return "";
}

torch::Tensor toTensor(const std::vector<int64_t>& v, int64_t b, int64_t t) {
    return torch::from_blob(const_cast<int64_t*>(v.data()), {b, t}, torch::kInt64);
}

std::vector<float> toVector(const torch::Tensor& t) {
    const auto c = t.to(torch::kFloat32).contiguous();
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

const char* const kTokenizerFiles[] = {
    "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt", "vocab.json",
    "merges.txt",     "spiece.model",          "added_tokens.json"};

}  // namespace

Model Model::open(const std::string& folder, const LoadOptions& options) {
    return Model(std::make_shared<LoadedModel>(loadPretrained(folder, options)));
}

std::vector<std::string> Model::builtinNames() {
    std::vector<std::string> out;
    for (const auto& b : kBuiltins) out.emplace_back(b.name);
    return out;
}

io::ModelConfig Model::bertConfig(int64_t layers, int64_t hidden, int64_t heads) {
    nlohmann::json j = {{"model_type", "bert"},
                        {"architectures", {"BertForSequenceClassification"}},
                        {"vocab_size", 30522},
                        {"hidden_size", hidden},
                        {"num_hidden_layers", layers},
                        {"num_attention_heads", heads},
                        {"intermediate_size", 4 * hidden},
                        {"max_position_embeddings", 512},
                        {"type_vocab_size", 2},
                        {"hidden_act", "gelu"},
                        {"hidden_dropout_prob", 0.1},
                        {"attention_probs_dropout_prob", 0.1},
                        {"layer_norm_eps", 1e-12},
                        {"initializer_range", 0.02},
                        {"pad_token_id", 0},
                        {"dtype", "float32"}};
    return io::parseConfig(j, "built-in bert config");
}

io::ModelConfig Model::builtinConfig(const std::string& name) {
    for (const auto& b : kBuiltins)
        if (name == b.name) return bertConfig(b.layers, b.hidden, b.heads);
    std::string names;
    for (const auto& b : kBuiltins) names += (names.empty() ? "" : ", ") + std::string(b.name);
    throw Error(ErrorCode::InvalidArgument,
                "unknown built-in model '" + name + "' (built-in: " + names + ")");
}

Model Model::create(const io::ModelConfig& config, Task task) {
    auto impl = std::make_shared<LoadedModel>();
    impl->config = config;
    impl->module = createModule(config, task);
    impl->config.common.architectures = {impl->module->className()};
    impl->report.randomlyInitialised = true;
    impl->report.storedDtype = "F32";
    impl->report.parameterCount = impl->module->parameterCount();
    for (const auto& [name, t] : impl->module->stateDict()) impl->report.newWeights.push_back(name);
    return Model(std::move(impl));
}

Model Model::createBuiltin(const std::string& name, const std::vector<std::string>& labels,
                           const std::string& tokenizerFolder) {
    io::ModelConfig config = builtinConfig(name);
    std::unique_ptr<text::Tokenizer> tokenizer;
    if (!tokenizerFolder.empty()) {
        tokenizer = text::loadTokenizer(tokenizerFolder);
        // A model trained from scratch has exactly one row per token: a small vocabulary
        // built from the data makes a much smaller model (bert-mini: 5.4M parameters with
        // 8,000 tokens, 11.2M with BERT's 30,522).
        const int64_t vocab = static_cast<int64_t>(tokenizer->vocabSize());
        if (vocab != config.summary().vocab) {
            nlohmann::json raw = config.raw;
            raw["vocab_size"] = vocab;
            config = io::parseConfig(raw, tokenizerFolder + ": built-in " + name + " config");
        }
    }
    if (!labels.empty()) config.common.labels = labels;
    Model m = create(config, Task::SequenceClassification);
    if (tokenizer) {
        m.m_impl->tokenizer = std::move(tokenizer);
        m.m_impl->sourceFolder = tokenizerFolder;
    }
    return m;
}

ModelInfo Model::info() const {
    const auto& c = m_impl->config;
    const auto s = c.summary();
    ModelInfo i;
    i.modelType = c.common.modelType;
    i.architecture = m_impl->module->className();
    i.task = m_impl->module->task();
    i.parameters = m_impl->report.parameterCount;
    i.layers = s.layers;
    i.hidden = s.hidden;
    i.heads = s.heads;
    i.vocab = s.vocab;
    i.maxPositions = s.maxPositions;
    if (m_impl->tokenizer) i.tokenizerKind = tokenizerKind(m_impl->sourceFolder);
    i.fileBytes = m_impl->report.fileBytes;
    i.dtype = c.common.dtype;
    if (i.task == Task::SequenceClassification) i.labels = c.common.labels;
    return i;
}

const LoadReport& Model::report() const { return m_impl->report; }
const io::ModelConfig& Model::config() const { return m_impl->config; }
const text::Tokenizer* Model::tokenizer() const { return m_impl->tokenizer.get(); }

ForwardResult Model::forward(const Batch& batch, bool hiddenStates) const {
    const int64_t b = batch.batch, t = batch.length;
    const size_t n = static_cast<size_t>(b * t);
    if (b <= 0 || t <= 0 || batch.inputIds.size() != n ||
        (!batch.attentionMask.empty() && batch.attentionMask.size() != n) ||
        (!batch.tokenTypeIds.empty() && batch.tokenTypeIds.size() != n))
        throw Error(ErrorCode::InvalidArgument, "forward: batch sizes disagree with " +
                                                    std::to_string(b) + " x " + std::to_string(t));
    const auto s = m_impl->config.summary();
    if (t > s.maxPositions)
        throw Error(ErrorCode::InvalidArgument, "forward: " + std::to_string(t) +
                                                    " tokens exceed the model's " +
                                                    std::to_string(s.maxPositions) + " positions");
    for (int64_t id : batch.inputIds)
        if (id < 0 || id >= s.vocab)
            throw Error(ErrorCode::InvalidArgument, "forward: token id " + std::to_string(id) +
                                                        " outside the vocabulary of " +
                                                        std::to_string(s.vocab));
    ForwardResult r;
    try {
        c10::InferenceMode guard;
        auto& module = *m_impl->module;
        module.eval();
        Inputs in;
        in.inputIds = toTensor(batch.inputIds, b, t);
        if (!batch.attentionMask.empty()) in.attentionMask = toTensor(batch.attentionMask, b, t);
        if (!batch.tokenTypeIds.empty()) in.tokenTypeIds = toTensor(batch.tokenTypeIds, b, t);
        if (!batch.labels.empty()) {
            const bool perToken =
                batch.labels.size() == n && module.task() != Task::SequenceClassification;
            if (!perToken && batch.labels.size() != static_cast<size_t>(b))
                throw Error(ErrorCode::InvalidArgument,
                            "forward: labels must be [batch] or [batch, length]");
            in.labels = perToken ? toTensor(batch.labels, b, t)
                                 : torch::from_blob(const_cast<int64_t*>(batch.labels.data()), {b},
                                                    torch::kInt64);
        }
        const Outputs o = module.forward(in, hiddenStates);
        r.logitsShape = o.logits.sizes().vec();
        r.logits = toVector(o.logits);
        if (o.loss.defined()) r.loss = o.loss.item<double>();
        for (const auto& h : o.hiddenStates) {
            r.hiddenShape = h.sizes().vec();
            r.hiddenStates.push_back(toVector(h));
        }
    } catch (const c10::Error& e) {
        throw Error(ErrorCode::Internal, std::string("forward: ") + e.what_without_backtrace());
    }
    return r;
}

Prediction predictionFromLogits(const float* logits, int64_t labels) {
    const auto probs =
        torch::softmax(torch::from_blob(const_cast<float*>(logits), {labels}, torch::kFloat32), 0);
    Prediction p;
    p.probabilities = toVector(probs);
    p.label = probs.argmax().item<int64_t>();
    return p;
}

std::vector<Prediction> Model::predict(const std::vector<std::string>& texts,
                                       size_t batchSize) const {
    const auto& module = *m_impl->module;
    if (module.task() != Task::SequenceClassification)
        throw Error(ErrorCode::InvalidArgument,
                    module.className() + " is a " + toString(module.task()) +
                        " without a classification head: fine-tune it into a classifier first");
    const auto* tokenizer = m_impl->tokenizer.get();
    if (!tokenizer)
        throw Error(ErrorCode::InvalidArgument, "the model has no tokenizer to encode text with");
    const int64_t positions = m_impl->config.summary().maxPositions;
    text::EncodeOptions eo;
    eo.maxLength = static_cast<size_t>(positions);
    if (tokenizer->modelMaxLength() > 0 && tokenizer->modelMaxLength() < eo.maxLength)
        eo.maxLength = tokenizer->modelMaxLength();
    const bool canPad = tokenizer->padId() >= 0;
    eo.padding = canPad ? text::PaddingStrategy::Longest : text::PaddingStrategy::None;
    if (!canPad) batchSize = 1;
    batchSize = std::max<size_t>(1, batchSize);

    std::vector<Prediction> out;
    for (size_t start = 0; start < texts.size(); start += batchSize) {
        const std::vector<std::string> chunk(
            texts.begin() + static_cast<std::ptrdiff_t>(start),
            texts.begin() + static_cast<std::ptrdiff_t>(std::min(texts.size(), start + batchSize)));
        const auto enc = tokenizer->encodeBatch(chunk, eo);
        Batch batch;
        batch.batch = static_cast<int64_t>(enc.size());
        batch.length = static_cast<int64_t>(enc.front().size());
        if (batch.length == 0)
            throw Error(ErrorCode::InvalidArgument, "predict: a text encodes to no tokens");
        for (const auto& e : enc)
            for (size_t i = 0; i < e.size(); ++i) {
                batch.inputIds.push_back(e.ids[i]);
                batch.attentionMask.push_back(e.attentionMask[i]);
                batch.tokenTypeIds.push_back(e.typeIds[i]);
            }
        const auto r = forward(batch);
        const int64_t labels = r.logitsShape.at(1);
        for (int64_t row = 0; row < batch.batch; ++row) {
            out.push_back(predictionFromLogits(r.logits.data() + row * labels, labels));
        }
    }
    return out;
}

void Model::save(const std::string& folder) const {
    saveWeights(folder, *m_impl->module, m_impl->config);
    const std::string& src = m_impl->sourceFolder;
    if (src.empty()) return;
    std::error_code same;
    if (fs::equivalent(src, folder, same)) return;
    for (const char* name : kTokenizerFiles) {
        const fs::path from = fs::path(src) / name;
        if (!fs::exists(from)) continue;
        std::error_code ec;
        fs::copy_file(from, fs::path(folder) / name, fs::copy_options::overwrite_existing, ec);
        if (ec)
            throw Error(ErrorCode::Io, (fs::path(folder) / name).string() + ": " + ec.message());
    }
}

}  // namespace ft::models
