#include "modelconfig.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "error.h"

namespace ft::io {

namespace {

const char* const kSupported[] = {"bert", "distilbert", "roberta", "gpt2", "xlnet"};

struct Reader {
    const nlohmann::json& j;
    const std::string& file;

    [[noreturn]] void fail(ErrorCode code, const std::string& msg) const {
        throw Error(code, file + ": " + msg);
    }
    const nlohmann::json* find(const char* key) const {
        const auto it = j.find(key);
        return it == j.end() || it->is_null() ? nullptr : &*it;
    }
    int64_t integer(const char* key, std::optional<int64_t> fallback, int64_t min = 1) const {
        const auto* v = find(key);
        if (!v) {
            if (!fallback)
                fail(ErrorCode::Mapping, std::string("missing required field '") + key + "'");
            return *fallback;
        }
        if (!v->is_number_integer())
            fail(ErrorCode::InvalidArgument,
                 std::string("field '") + key + "' must be an integer, found " + v->dump());
        const int64_t x = v->get<int64_t>();
        if (x < min)
            fail(ErrorCode::InvalidArgument, std::string("field '") + key +
                                                 "' = " + std::to_string(x) + " must be at least " +
                                                 std::to_string(min));
        return x;
    }
    std::optional<int64_t> optInteger(const char* key) const {
        const auto* v = find(key);
        if (!v) return std::nullopt;
        if (!v->is_number_integer())
            fail(ErrorCode::InvalidArgument,
                 std::string("field '") + key + "' must be an integer, found " + v->dump());
        return v->get<int64_t>();
    }
    double number(const char* key, double fallback, double lo, double hi) const {
        const auto* v = find(key);
        if (!v) return fallback;
        if (!v->is_number())
            fail(ErrorCode::InvalidArgument,
                 std::string("field '") + key + "' must be a number, found " + v->dump());
        const double x = v->get<double>();
        if (!(x >= lo && x <= hi))
            fail(ErrorCode::InvalidArgument,
                 std::string("field '") + key + "' = " + v->dump() + " is out of range");
        return x;
    }
    std::optional<double> optNumber(const char* key, double lo, double hi) const {
        if (!find(key)) return std::nullopt;
        return number(key, 0, lo, hi);
    }
    bool boolean(const char* key, bool fallback) const {
        const auto* v = find(key);
        if (!v) return fallback;
        if (!v->is_boolean())
            fail(ErrorCode::InvalidArgument,
                 std::string("field '") + key + "' must be true or false");
        return v->get<bool>();
    }
    Activation activation(const char* key, Activation fallback) const {
        const auto* v = find(key);
        if (!v) return fallback;
        const std::string name = v->is_string() ? v->get<std::string>() : v->dump();
        if (name == "gelu") return Activation::Gelu;
        if (name == "gelu_new") return Activation::GeluNew;
        if (name == "gelu_pytorch_tanh") return Activation::GeluPytorchTanh;
        if (name == "relu") return Activation::Relu;
        if (name == "silu" || name == "swish") return Activation::Silu;
        if (name == "tanh") return Activation::Tanh;
        fail(ErrorCode::InvalidArgument,
             std::string("field '") + key + "': unsupported activation '" + name +
                 "' (supported: gelu, gelu_new, gelu_pytorch_tanh, relu, silu, swish, tanh)");
    }
    void divisible(int64_t hidden, int64_t heads, const char* hk, const char* nk) const {
        if (hidden % heads != 0)
            fail(ErrorCode::InvalidArgument,
                 std::string("'") + hk + "' = " + std::to_string(hidden) +
                     " is not a multiple of '" + nk + "' = " + std::to_string(heads));
    }
};

std::vector<std::string> parseLabels(const Reader& r) {
    std::vector<std::string> labels;
    if (const auto* m = r.find("id2label")) {
        if (!m->is_object())
            r.fail(ErrorCode::InvalidArgument, "field 'id2label' is not an object");
        labels.resize(m->size());
        std::vector<bool> seen(m->size(), false);
        for (auto it = m->begin(); it != m->end(); ++it) {
            size_t id = 0;
            try {
                size_t used = 0;
                const long long v = std::stoll(it.key(), &used);
                if (used != it.key().size() || v < 0) throw std::invalid_argument("id");
                id = static_cast<size_t>(v);
            } catch (const std::exception&) {
                r.fail(ErrorCode::InvalidArgument,
                       "id2label: key '" + it.key() + "' is not a label id");
            }
            if (id >= labels.size() || seen[id])
                r.fail(ErrorCode::InvalidArgument, "id2label: ids must be 0.." +
                                                       std::to_string(labels.size() - 1) +
                                                       ", found " + it.key());
            if (!it.value().is_string())
                r.fail(ErrorCode::InvalidArgument,
                       "id2label: label " + it.key() + " is not a string");
            seen[id] = true;
            labels[id] = it.value().get<std::string>();
        }
    }
    if (const auto n = r.optInteger("num_labels")) {
        if (*n < 1) r.fail(ErrorCode::InvalidArgument, "field 'num_labels' must be at least 1");
        if (!labels.empty() && labels.size() != static_cast<size_t>(*n))
            r.fail(ErrorCode::InvalidArgument, "num_labels = " + std::to_string(*n) +
                                                   " disagrees with id2label (" +
                                                   std::to_string(labels.size()) + " labels)");
        if (labels.empty())
            for (int64_t i = 0; i < *n; ++i) labels.push_back("LABEL_" + std::to_string(i));
    }
    if (labels.empty()) labels = {"LABEL_0", "LABEL_1"};  // transformers' default
    return labels;
}

std::string stringField(const Reader& r, const char* key, const std::string& fallback) {
    const auto* v = r.find(key);
    if (!v) return fallback;
    if (!v->is_string())
        r.fail(ErrorCode::InvalidArgument,
               std::string("field '") + key + "' must be a string, found " + v->dump());
    return v->get<std::string>();
}

XLNetConfig parseXLNet(const Reader& r) {
    XLNetConfig x;
    x.vocabSize = r.integer("vocab_size", std::nullopt);
    x.dModel = r.integer("d_model", std::nullopt);
    x.nLayer = r.integer("n_layer", std::nullopt);
    x.nHead = r.integer("n_head", std::nullopt);
    x.dInner = r.integer("d_inner", std::nullopt);
    r.divisible(x.dModel, x.nHead, "d_model", "n_head");
    x.dHead = r.integer("d_head", x.dModel / x.nHead);
    if (x.dHead != x.dModel / x.nHead)
        r.fail(ErrorCode::InvalidArgument,
               "'d_head' = " + std::to_string(x.dHead) +
                   " must equal d_model / n_head = " + std::to_string(x.dModel / x.nHead));
    x.ffActivation = r.activation("ff_activation", Activation::Gelu);
    x.untieR = r.boolean("untie_r", true);
    const std::string attnType = stringField(r, "attn_type", "bi");
    if (attnType != "bi")
        r.fail(ErrorCode::InvalidArgument,
               "'attn_type' = '" + attnType +
                   "' is not supported (only 'bi', the bidirectional attention classifiers use)");
    if (r.boolean("bi_data", false))
        r.fail(ErrorCode::InvalidArgument,
               "'bi_data' = true is a pretraining setting and is not supported");
    x.clampLen = r.integer("clamp_len", -1, std::numeric_limits<int64_t>::min());
    x.layerNormEps = r.number("layer_norm_eps", 1e-12, 0, 1);
    x.dropout = r.number("dropout", 0.1, 0, 1);
    x.summaryType = stringField(r, "summary_type", "last");
    // "cls_index" without an index (a classifier is never given one) reads the last token.
    if (x.summaryType != "last" && x.summaryType != "first" && x.summaryType != "mean" &&
        x.summaryType != "cls_index")
        r.fail(ErrorCode::InvalidArgument, "'summary_type' = '" + x.summaryType +
                                               "' is not supported (last, first, mean, cls_index)");
    x.summaryUseProj = r.boolean("summary_use_proj", true);
    // A projection to the labels would feed logits_proj (d_model inputs) the wrong width.
    if (r.boolean("summary_proj_to_labels", false))
        r.fail(ErrorCode::InvalidArgument,
               "'summary_proj_to_labels' = true does not fit XLNetForSequenceClassification");
    // transformers' get_activation: a missing or empty name, or "linear", is the identity.
    const std::string act = stringField(r, "summary_activation", "");
    if (act.empty() || act == "linear")
        x.summaryActivation.reset();
    else
        x.summaryActivation = r.activation("summary_activation", Activation::Tanh);
    x.summaryFirstDropout = r.optNumber("summary_first_dropout", 0, 1);
    x.summaryLastDropout = r.number("summary_last_dropout", 0.1, 0, 1);
    return x;
}

}  // namespace

const char* activationName(Activation a) {
    switch (a) {
        case Activation::Gelu:
            return "gelu";
        case Activation::GeluNew:
            return "gelu_new";
        case Activation::GeluPytorchTanh:
            return "gelu_pytorch_tanh";
        case Activation::Relu:
            return "relu";
        case Activation::Silu:
            return "silu";
        case Activation::Tanh:
            return "tanh";
    }
    return "?";
}

std::string supportedModelTypes() {
    std::string out;
    for (const char* t : kSupported) out += (out.empty() ? "" : ", ") + std::string(t);
    return out;
}

ModelConfig parseConfig(const nlohmann::json& json, const std::string& file) {
    if (!json.is_object()) throw Error(ErrorCode::Parse, file + ": not a JSON object");
    const Reader r{json, file};
    ModelConfig c;
    c.raw = json;
    const auto* type = r.find("model_type");
    if (!type || !type->is_string())
        r.fail(ErrorCode::Mapping,
               "missing required field 'model_type' (supported: " + supportedModelTypes() + ")");
    c.common.modelType = type->get<std::string>();
    if (const auto* a = r.find("architectures"); a && a->is_array())
        for (const auto& x : *a)
            if (x.is_string()) c.common.architectures.push_back(x.get<std::string>());
    if (const auto* d = r.find("dtype"); d && d->is_string())
        c.common.dtype = d->get<std::string>();
    else if (const auto* t = r.find("torch_dtype"); t && t->is_string())
        c.common.dtype = t->get<std::string>();
    c.common.labels = parseLabels(r);
    c.common.padTokenId = r.optInteger("pad_token_id");
    c.common.bosTokenId = r.optInteger("bos_token_id");
    c.common.eosTokenId = r.optInteger("eos_token_id");
    c.common.initializerRange = r.number("initializer_range", 0.02, 0, 10);
    c.common.tieWordEmbeddings = r.boolean("tie_word_embeddings", true);
    if (const auto* p = r.find("problem_type"); p && p->is_string())
        c.common.problemType = p->get<std::string>();

    const std::string& mt = c.common.modelType;
    if (mt == "bert" || mt == "roberta") {
        BertConfig b;
        b.vocabSize = r.integer("vocab_size", std::nullopt);
        b.hiddenSize = r.integer("hidden_size", std::nullopt);
        b.numHiddenLayers = r.integer("num_hidden_layers", std::nullopt);
        b.numAttentionHeads = r.integer("num_attention_heads", std::nullopt);
        b.intermediateSize = r.integer("intermediate_size", std::nullopt);
        b.maxPositionEmbeddings = r.integer("max_position_embeddings", std::nullopt);
        b.hiddenAct = r.activation("hidden_act", Activation::Gelu);
        b.hiddenDropoutProb = r.number("hidden_dropout_prob", 0.1, 0, 1);
        b.attentionProbsDropoutProb = r.number("attention_probs_dropout_prob", 0.1, 0, 1);
        b.classifierDropout = r.optNumber("classifier_dropout", 0, 1);
        b.typeVocabSize = r.integer("type_vocab_size", 2);
        b.layerNormEps = r.number("layer_norm_eps", 1e-12, 0, 1);
        r.divisible(b.hiddenSize, b.numAttentionHeads, "hidden_size", "num_attention_heads");
        if (mt == "roberta") {
            if (!c.common.padTokenId) c.common.padTokenId = 1;
            if (b.maxPositionEmbeddings <= *c.common.padTokenId + 1)
                r.fail(ErrorCode::InvalidArgument,
                       "max_position_embeddings must exceed pad_token_id + 1 for RoBERTa");
        }
        c.arch = b;
    } else if (mt == "distilbert") {
        DistilBertConfig d;
        d.vocabSize = r.integer("vocab_size", std::nullopt);
        d.dim = r.integer("dim", std::nullopt);
        d.nLayers = r.integer("n_layers", std::nullopt);
        d.nHeads = r.integer("n_heads", std::nullopt);
        d.hiddenDim = r.integer("hidden_dim", std::nullopt);
        d.maxPositionEmbeddings = r.integer("max_position_embeddings", std::nullopt);
        d.activation = r.activation("activation", Activation::Gelu);
        d.dropout = r.number("dropout", 0.1, 0, 1);
        d.attentionDropout = r.number("attention_dropout", 0.1, 0, 1);
        d.seqClassifDropout = r.number("seq_classif_dropout", 0.2, 0, 1);
        d.sinusoidalPosEmbds = r.boolean("sinusoidal_pos_embds", false);
        r.divisible(d.dim, d.nHeads, "dim", "n_heads");
        c.arch = d;
    } else if (mt == "gpt2") {
        Gpt2Config g;
        g.vocabSize = r.integer("vocab_size", std::nullopt);
        g.nEmbd = r.integer("n_embd", std::nullopt);
        g.nLayer = r.integer("n_layer", std::nullopt);
        g.nHead = r.integer("n_head", std::nullopt);
        g.nPositions = r.integer("n_positions", r.optInteger("n_ctx"));
        g.nInner = r.optInteger("n_inner");
        if (g.nInner && *g.nInner < 1)
            r.fail(ErrorCode::InvalidArgument, "field 'n_inner' must be at least 1");
        g.activationFunction = r.activation("activation_function", Activation::GeluNew);
        g.residPdrop = r.number("resid_pdrop", 0.1, 0, 1);
        g.embdPdrop = r.number("embd_pdrop", 0.1, 0, 1);
        g.attnPdrop = r.number("attn_pdrop", 0.1, 0, 1);
        g.layerNormEpsilon = r.number("layer_norm_epsilon", 1e-5, 0, 1);
        g.scaleAttnWeights = r.boolean("scale_attn_weights", true);
        g.scaleAttnByInverseLayerIdx = r.boolean("scale_attn_by_inverse_layer_idx", false);
        r.divisible(g.nEmbd, g.nHead, "n_embd", "n_head");
        c.arch = g;
    } else if (mt == "xlnet") {
        c.arch = parseXLNet(r);
        // transformers' XLNetConfig defaults: <pad> 5, <s> 1, </s> 2.
        if (!c.common.padTokenId) c.common.padTokenId = 5;
        if (!c.common.bosTokenId) c.common.bosTokenId = 1;
        if (!c.common.eosTokenId) c.common.eosTokenId = 2;
    } else {
        r.fail(ErrorCode::Mapping,
               "unsupported model_type '" + mt + "' (supported: " + supportedModelTypes() + ")");
    }
    return c;
}

ConfigSummary ModelConfig::summary() const {
    ConfigSummary s;
    if (const auto* b = std::get_if<BertConfig>(&arch))
        s = {b->numHiddenLayers, b->hiddenSize, b->numAttentionHeads, b->vocabSize,
             b->maxPositionEmbeddings};
    else if (const auto* d = std::get_if<DistilBertConfig>(&arch))
        s = {d->nLayers, d->dim, d->nHeads, d->vocabSize, d->maxPositionEmbeddings};
    else if (const auto* g = std::get_if<Gpt2Config>(&arch))
        s = {g->nLayer, g->nEmbd, g->nHead, g->vocabSize, g->nPositions};
    else if (const auto* x = std::get_if<XLNetConfig>(&arch))
        s = {x->nLayer, x->dModel, x->nHead, x->vocabSize, XLNetConfig::kMaxPositions};
    if (common.modelType == "roberta" && common.padTokenId)
        s.maxPositions -= *common.padTokenId + 1;
    return s;
}

nlohmann::json ModelConfig::toJson() const {
    nlohmann::json j = raw.is_object() ? raw : nlohmann::json::object();
    j["model_type"] = common.modelType;
    if (!common.architectures.empty()) j["architectures"] = common.architectures;
    j["dtype"] = common.dtype;
    if (j.contains("torch_dtype")) j["torch_dtype"] = common.dtype;
    nlohmann::json id2label = nlohmann::json::object(), label2id = nlohmann::json::object();
    for (size_t i = 0; i < common.labels.size(); ++i) {
        id2label[std::to_string(i)] = common.labels[i];
        label2id[common.labels[i]] = i;
    }
    j["id2label"] = id2label;
    j["label2id"] = label2id;
    j.erase("num_labels");
    if (common.padTokenId) j["pad_token_id"] = *common.padTokenId;
    j["initializer_range"] = common.initializerRange;
    j["tie_word_embeddings"] = common.tieWordEmbeddings;
    if (const auto* b = std::get_if<BertConfig>(&arch)) {
        j["vocab_size"] = b->vocabSize;
        j["hidden_size"] = b->hiddenSize;
        j["num_hidden_layers"] = b->numHiddenLayers;
        j["num_attention_heads"] = b->numAttentionHeads;
        j["intermediate_size"] = b->intermediateSize;
        j["hidden_act"] = activationName(b->hiddenAct);
        j["hidden_dropout_prob"] = b->hiddenDropoutProb;
        j["attention_probs_dropout_prob"] = b->attentionProbsDropoutProb;
        if (b->classifierDropout)
            j["classifier_dropout"] = *b->classifierDropout;
        else
            j["classifier_dropout"] = nullptr;
        j["max_position_embeddings"] = b->maxPositionEmbeddings;
        j["type_vocab_size"] = b->typeVocabSize;
        j["layer_norm_eps"] = b->layerNormEps;
    } else if (const auto* d = std::get_if<DistilBertConfig>(&arch)) {
        j["vocab_size"] = d->vocabSize;
        j["dim"] = d->dim;
        j["n_layers"] = d->nLayers;
        j["n_heads"] = d->nHeads;
        j["hidden_dim"] = d->hiddenDim;
        j["activation"] = activationName(d->activation);
        j["dropout"] = d->dropout;
        j["attention_dropout"] = d->attentionDropout;
        j["seq_classif_dropout"] = d->seqClassifDropout;
        j["max_position_embeddings"] = d->maxPositionEmbeddings;
        j["sinusoidal_pos_embds"] = d->sinusoidalPosEmbds;
    } else if (const auto* g = std::get_if<Gpt2Config>(&arch)) {
        j["vocab_size"] = g->vocabSize;
        j["n_embd"] = g->nEmbd;
        j["n_layer"] = g->nLayer;
        j["n_head"] = g->nHead;
        if (g->nInner)
            j["n_inner"] = *g->nInner;
        else
            j["n_inner"] = nullptr;
        j["activation_function"] = activationName(g->activationFunction);
        j["resid_pdrop"] = g->residPdrop;
        j["embd_pdrop"] = g->embdPdrop;
        j["attn_pdrop"] = g->attnPdrop;
        j["n_positions"] = g->nPositions;
        j["layer_norm_epsilon"] = g->layerNormEpsilon;
        j["scale_attn_weights"] = g->scaleAttnWeights;
        j["scale_attn_by_inverse_layer_idx"] = g->scaleAttnByInverseLayerIdx;
    } else if (const auto* x = std::get_if<XLNetConfig>(&arch)) {
        j["vocab_size"] = x->vocabSize;
        j["d_model"] = x->dModel;
        j["n_layer"] = x->nLayer;
        j["n_head"] = x->nHead;
        j["d_head"] = x->dHead;
        j["d_inner"] = x->dInner;
        j["ff_activation"] = activationName(x->ffActivation);
        j["untie_r"] = x->untieR;
        j["attn_type"] = "bi";
        j["bi_data"] = false;
        j["clamp_len"] = x->clampLen;
        j["layer_norm_eps"] = x->layerNormEps;
        j["dropout"] = x->dropout;
        j["summary_type"] = x->summaryType;
        j["summary_use_proj"] = x->summaryUseProj;
        if (x->summaryActivation)
            j["summary_activation"] = activationName(*x->summaryActivation);
        else
            j["summary_activation"] = nullptr;
        if (x->summaryFirstDropout) j["summary_first_dropout"] = *x->summaryFirstDropout;
        j["summary_last_dropout"] = x->summaryLastDropout;
    }
    return j;
}

ModelConfig readConfig(const std::string& folder) {
    const std::string path = (std::filesystem::path(folder) / "config.json").string();
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorCode::NotFound, path + ": cannot open (is this a checkpoint folder?)");
    std::stringstream ss;
    ss << in.rdbuf();
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(ss.str());
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::Parse, path + ": invalid JSON: " + e.what());
    }
    return parseConfig(j, path);
}

void writeConfig(const std::string& folder, const ModelConfig& config) {
    const std::string path = (std::filesystem::path(folder) / "config.json").string();
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << config.toJson().dump(2) << "\n";
        out.flush();
        if (!out) {
            std::remove(tmp.c_str());
            throw Error(ErrorCode::Io, path + ": cannot write");
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        throw Error(ErrorCode::Io, path + ": cannot rename the temporary file into place");
    }
}

}  // namespace ft::io
