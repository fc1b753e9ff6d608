#include "loader.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "bpe.h"
#include "error.h"
#include "sentencepiece.h"
#include "tokenizerjson.h"
#include "wordpiece.h"

namespace ft::text {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::Io, path + ": cannot open");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

json readJson(const std::string& path) {
    const std::string text = readFile(path);
    try {
        return json::parse(text);
    } catch (const json::parse_error& e) {
        throw Error(ErrorCode::Parse,
                    path + ": " + (e.byte >= text.size() ? "truncated JSON" : "malformed JSON") +
                        " at byte " + std::to_string(e.byte) + " (" + e.what() + ")");
    }
}

// A special token in tokenizer_config.json / special_tokens_map.json: a string or an
// object with "content".
std::optional<std::string> tokenName(const json& cfg, const char* key) {
    const auto it = cfg.find(key);
    if (it == cfg.end()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_object() && it->contains("content") && (*it)["content"].is_string())
        return (*it)["content"].get<std::string>();
    return std::nullopt;
}

struct FolderConfig {
    json tokenizerConfig = json::object();
    json specialTokensMap = json::object();
    json modelConfig = json::object();
    bool hasTokenizerConfig = false;

    std::optional<std::string> special(const char* key) const {
        if (auto v = tokenName(specialTokensMap, key)) return v;
        return tokenName(tokenizerConfig, key);
    }
    std::optional<bool> flag(const char* key) const {
        const auto it = tokenizerConfig.find(key);
        if (it != tokenizerConfig.end() && it->is_boolean()) return it->get<bool>();
        return std::nullopt;
    }
    std::string string(const json& j, const char* key) const {
        const auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    }
};

FolderConfig readConfig(const fs::path& folder) {
    FolderConfig c;
    auto load = [&](const char* name, json& into) {
        const fs::path p = folder / name;
        if (!fs::exists(p)) return false;
        json j = readJson(p.string());
        if (j.is_object()) into = std::move(j);
        return true;
    };
    c.hasTokenizerConfig = load("tokenizer_config.json", c.tokenizerConfig);
    c.hasTokenizerConfig =
        load("special_tokens_map.json", c.specialTokensMap) || c.hasTokenizerConfig;
    load("config.json", c.modelConfig);
    return c;
}

// Applies special-token names, padding side and model_max_length from the config files.
void applyConfig(Tokenizer& tk, const FolderConfig& cfg) {
    SpecialTokens s = tk.specialTokens();
    auto set = [&](const char* key, std::string& name, int32_t& id) {
        const auto v = cfg.special(key);
        if (!v) return;
        const int32_t found = tk.tokenToId(*v);
        if (found >= 0) {
            name = *v;
            id = found;
        }
    };
    set("pad_token", s.pad, s.padId);
    set("unk_token", s.unk, s.unkId);
    set("cls_token", s.cls, s.clsId);
    set("sep_token", s.sep, s.sepId);
    set("mask_token", s.mask, s.maskId);
    set("bos_token", s.bos, s.bosId);
    set("eos_token", s.eos, s.eosId);
    // An explicit null pad token means "none" (GPT-2).
    const auto padIt = cfg.tokenizerConfig.find("pad_token");
    if (padIt != cfg.tokenizerConfig.end() && padIt->is_null() &&
        !cfg.specialTokensMap.contains("pad_token")) {
        s.pad.clear();
        s.padId = -1;
    }
    tk.setSpecialTokens(s);
    const std::string side = cfg.string(cfg.tokenizerConfig, "padding_side");
    if (side == "left") tk.setPaddingSide(PaddingSide::Left);
    if (side == "right") tk.setPaddingSide(PaddingSide::Right);
    const auto ml = cfg.tokenizerConfig.find("model_max_length");
    // transformers writes a huge float (1e30) for "no limit".
    if (ml != cfg.tokenizerConfig.end() && ml->is_number() && ml->get<double>() > 0 &&
        ml->get<double>() < 1e9)
        tk.setModelMaxLength(static_cast<size_t>(ml->get<double>()));
}

bool vocabLooksCased(const std::string& vocabTxt) {
    std::ifstream in(vocabTxt, std::ios::binary);
    std::string line;
    size_t total = 0, upper = 0;
    while (std::getline(in, line)) {
        ++total;
        if (line.size() > 1 && line.front() == '[' && line.back() == ']') continue;
        for (char c : line)
            if (c >= 'A' && c <= 'Z') {
                ++upper;
                break;
            }
    }
    return total > 0 && upper * 100 > total;
}

Vocabulary readVocabJson(const std::string& path) {
    const json j = readJson(path);
    if (!j.is_object()) throw Error(ErrorCode::Parse, path + ": expected an object of token: id");
    Vocabulary v;
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (!it.value().is_number_integer())
            throw Error(ErrorCode::Parse,
                        path + ": the id of '" + it.key() + "' is not an integer");
        v.add(it.key(), it.value().get<int32_t>());
    }
    return v;
}

}  // namespace

std::unique_ptr<PipelineTokenizer> loadWordPiece(const std::string& vocabTxt,
                                                 const WordPieceOptions& options) {
    std::ifstream in(vocabTxt, std::ios::binary);
    if (!in) throw Error(ErrorCode::Io, vocabTxt + ": cannot open");
    Vocabulary vocab;
    std::string line;
    long lineNo = 0;
    int32_t id = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
        if (!vocab.add(line, id))
            throw Error(ErrorCode::Parse, at(vocabTxt, lineNo,
                                             "duplicate entry '" + line + "' (first seen with id " +
                                                 std::to_string(vocab.find(line)) + ")"));
        ++id;
    }
    if (vocab.size() == 0) throw Error(ErrorCode::Parse, vocabTxt + ": empty vocabulary");
    if (vocab.find("[UNK]") < 0) throw Error(ErrorCode::Parse, vocabTxt + ": no [UNK] entry");

    auto tk = std::make_unique<PipelineTokenizer>(
        std::make_unique<WordPieceModel>(std::move(vocab), "[UNK]", "##", 100));
    tk->setNormalizer(std::make_unique<BertNormalizer>(
        options.cleanText, options.handleChineseChars, options.stripAccents, options.lowercase));
    tk->setPreTokenizer(std::make_unique<BertPreTokenizer>());
    const int32_t cls = tk->tokenToId("[CLS]"), sep = tk->tokenToId("[SEP]");
    if (cls >= 0 && sep >= 0)
        tk->setPostProcessor(std::make_unique<BertProcessing>(SpecialPiece{{sep}, {"[SEP]"}},
                                                              SpecialPiece{{cls}, {"[CLS]"}}));
    tk->setDecoder(std::make_unique<WordPieceDecoder>("##", true));
    for (const char* name : {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"}) {
        const int32_t sid = tk->tokenToId(name);
        if (sid >= 0) tk->addToken({name, sid, true, false, false, false, false});
    }
    for (const std::string& name : options.neverSplit) {
        const int32_t sid = tk->tokenToId(name);
        if (sid >= 0) tk->addToken({name, sid, false, false, false, false, false});
    }
    guessSpecialTokens(*tk);
    return tk;
}

std::unique_ptr<PipelineTokenizer> loadByteLevelBpe(const std::string& vocabJson,
                                                    const std::string& mergesTxt,
                                                    const ByteLevelBpeOptions& options) {
    Vocabulary vocab = readVocabJson(vocabJson);
    std::ifstream in(mergesTxt, std::ios::binary);
    if (!in) throw Error(ErrorCode::Io, mergesTxt + ": cannot open");
    std::vector<BpeModel::Merge> merges;
    std::string line;
    long lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
        if (line.empty() || (lineNo == 1 && line.rfind("#version", 0) == 0)) continue;
        const size_t sp = line.find(' ');
        if (sp == std::string::npos || sp == 0 || sp + 1 == line.size() ||
            line.find(' ', sp + 1) != std::string::npos)
            throw Error(ErrorCode::Parse,
                        at(mergesTxt, lineNo,
                           "expected two tokens separated by one space, found '" + line + "'"));
        merges.push_back({line.substr(0, sp), line.substr(sp + 1), lineNo});
    }
    auto tk = std::make_unique<PipelineTokenizer>(
        std::make_unique<BpeModel>(std::move(vocab), merges, BpeModel::Options{}, mergesTxt));
    tk->setPreTokenizer(std::make_unique<ByteLevelPreTokenizer>(options.addPrefixSpace, true));
    if (options.roberta) {
        const int32_t cls = tk->tokenToId("<s>"), sep = tk->tokenToId("</s>");
        if (cls < 0 || sep < 0)
            throw Error(ErrorCode::Parse, vocabJson + ": RoBERTa conventions need <s> and </s>");
        tk->setPostProcessor(std::make_unique<RobertaProcessing>(SpecialPiece{{sep}, {"</s>"}},
                                                                 SpecialPiece{{cls}, {"<s>"}}, true,
                                                                 options.addPrefixSpace));
    } else {
        tk->setPostProcessor(std::make_unique<ByteLevelProcessing>(false, options.addPrefixSpace));
    }
    tk->setDecoder(std::make_unique<ByteLevelDecoder>());
    for (const std::string& name : options.specialTokens) {
        const int32_t sid = tk->tokenToId(name);
        // RoBERTa's <mask> swallows the space before it (lstrip), as transformers sets it.
        if (sid >= 0)
            tk->addToken(
                {name, sid, true, false, name == "<mask>" && options.roberta, false, false});
    }
    guessSpecialTokens(*tk);
    const SpecialTokens& s = tk->specialTokens();
    for (int32_t sid : {s.padId, s.unkId, s.clsId, s.sepId, s.maskId, s.bosId, s.eosId})
        tk->markSpecialId(sid);
    return tk;
}

std::unique_ptr<Tokenizer> loadTokenizer(const std::string& folder) {
    const fs::path dir(folder);
    if (!fs::is_directory(dir)) throw Error(ErrorCode::NotFound, folder + ": no such folder");
    const FolderConfig cfg = readConfig(dir);
    const auto has = [&](const char* name) { return fs::is_regular_file(dir / name); };

    std::unique_ptr<Tokenizer> tk;
    if (has("tokenizer.json")) {
        tk = loadTokenizerJson((dir / "tokenizer.json").string());
    } else if (has("vocab.txt")) {
        const std::string vocab = (dir / "vocab.txt").string();
        WordPieceOptions o;
        const auto lower = cfg.flag("do_lower_case");
        o.lowercase = lower ? *lower : !vocabLooksCased(vocab);
        o.stripAccents = cfg.flag("strip_accents");
        if (auto t = cfg.flag("tokenize_chinese_chars")) o.handleChineseChars = *t;
        tk = loadWordPiece(vocab, o);
    } else if (has("vocab.json") && has("merges.txt")) {
        const std::string vocab = (dir / "vocab.json").string();
        ByteLevelBpeOptions o;
        const std::string cls = cfg.string(cfg.tokenizerConfig, "tokenizer_class");
        const std::string type = cfg.string(cfg.modelConfig, "model_type");
        if (cls.find("Roberta") != std::string::npos || type == "roberta" ||
            type == "xlm-roberta") {
            o.roberta = true;
        } else if (cls.find("GPT2") != std::string::npos || type == "gpt2") {
            o.roberta = false;
        } else {
            const json v = readJson(vocab);
            o.roberta =
                v.is_object() && v.contains("<s>") && v.contains("</s>") && v.contains("<pad>");
        }
        if (auto p = cfg.flag("add_prefix_space")) o.addPrefixSpace = *p;
        if (cfg.hasTokenizerConfig) {
            for (const char* key : {"bos_token", "eos_token", "unk_token", "sep_token", "pad_token",
                                    "cls_token", "mask_token"})
                if (auto name = cfg.special(key)) o.specialTokens.push_back(*name);
        }
        tk = loadByteLevelBpe(vocab, (dir / "merges.txt").string(), o);
    } else if (has("spiece.model")) {
        SentencePieceTokenizer::Options o;
        if (auto v = cfg.flag("do_lower_case")) o.doLowerCase = *v;
        if (auto v = cfg.flag("keep_accents")) o.keepAccents = *v;
        tk = std::make_unique<SentencePieceTokenizer>((dir / "spiece.model").string(), o);
    } else {
        std::string why = folder +
                          ": no tokenizer found (looked for tokenizer.json, vocab.txt, "
                          "vocab.json + merges.txt, spiece.model";
        if (has("vocab.json")) why += "; vocab.json has no merges.txt beside it";
        throw Error(ErrorCode::NotFound, why + ")");
    }
    applyConfig(*tk, cfg);
    return tk;
}

}  // namespace ft::text
