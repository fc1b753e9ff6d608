#include "tokenizerjson.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "bpe.h"
#include "error.h"
#include "unicode.h"
#include "unigram.h"
#include "wordpiece.h"

namespace ft::text {

using nlohmann::json;

namespace {

[[noreturn]] void fail(const std::string& source, const std::string& what) {
    throw Error(ErrorCode::Parse, source + ": " + what);
}

std::string typeOf(const json& j, const std::string& source, const char* what) {
    if (!j.is_object()) fail(source, std::string(what) + " is not an object");
    const auto it = j.find("type");
    if (it == j.end() || !it->is_string()) fail(source, std::string(what) + " has no \"type\"");
    return it->get<std::string>();
}

bool boolOr(const json& j, const char* key, bool fallback) {
    const auto it = j.find(key);
    return it != j.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

std::string stringOr(const json& j, const char* key, const std::string& fallback) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

template <class T>
T numberOr(const json& j, const char* key, T fallback) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<T>() : fallback;
}

// {"String": "..."} or {"Regex": "..."}: returns (pattern, isRegex).
std::pair<std::string, bool> pattern(const json& j, const std::string& source) {
    if (j.is_string()) return {j.get<std::string>(), false};
    if (j.is_object()) {
        if (j.contains("String") && j["String"].is_string())
            return {j["String"].get<std::string>(), false};
        if (j.contains("Regex") && j["Regex"].is_string())
            return {j["Regex"].get<std::string>(), true};
    }
    fail(source, "pattern must be {\"String\": ...} or {\"Regex\": ...}");
}

SplitBehavior behavior(const json& j, const std::string& source) {
    const std::string b = j.is_string() ? j.get<std::string>() : "Isolated";
    if (b == "Removed") return SplitBehavior::Removed;
    if (b == "Isolated") return SplitBehavior::Isolated;
    if (b == "MergedWithPrevious") return SplitBehavior::MergedWithPrevious;
    if (b == "MergedWithNext") return SplitBehavior::MergedWithNext;
    if (b == "Contiguous") return SplitBehavior::Contiguous;
    fail(source, "unknown split behavior '" + b + "'");
}

char32_t singleChar(const std::string& s, const std::string& source, const char* what) {
    const std::u32string c = unicode::decodeUtf8(s);
    if (c.size() != 1) fail(source, std::string(what) + " must be one character");
    return c[0];
}

MetaspacePreTokenizer::Prepend prependScheme(const json& j) {
    const std::string s = stringOr(j, "prepend_scheme", "");
    if (s == "first") return MetaspacePreTokenizer::Prepend::First;
    if (s == "never") return MetaspacePreTokenizer::Prepend::Never;
    if (s == "always") return MetaspacePreTokenizer::Prepend::Always;
    return boolOr(j, "add_prefix_space", true) ? MetaspacePreTokenizer::Prepend::Always
                                               : MetaspacePreTokenizer::Prepend::Never;
}

Vocabulary vocabFromObject(const json& v, const std::string& source) {
    if (!v.is_object()) fail(source, "model.vocab must be an object of token: id");
    Vocabulary vocab;
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (!it.value().is_number_integer())
            fail(source, "model.vocab['" + it.key() + "'] is not an integer id");
        vocab.add(it.key(), it.value().get<int32_t>());
    }
    return vocab;
}

std::unique_ptr<Model> parseModel(const json& m, const std::string& source) {
    if (!m.is_object()) fail(source, "\"model\" is missing or not an object");
    std::string type = stringOr(m, "type", "");
    if (type.empty()) {
        // Files written by older tokenizers versions have no "type" (an untagged enum).
        if (m.contains("merges"))
            type = "BPE";
        else if (m.contains("vocab") && m["vocab"].is_array())
            type = "Unigram";
        else if (m.contains("continuing_subword_prefix") || m.contains("max_input_chars_per_word"))
            type = "WordPiece";
        else
            fail(source, "model has no \"type\" and its fields match no known model");
    }
    if (type == "WordPiece") {
        return std::make_unique<WordPieceModel>(
            vocabFromObject(m.value("vocab", json()), source), stringOr(m, "unk_token", "[UNK]"),
            stringOr(m, "continuing_subword_prefix", "##"),
            numberOr<size_t>(m, "max_input_chars_per_word", 100));
    }
    if (type == "BPE") {
        BpeModel::Options o;
        o.unkToken = stringOr(m, "unk_token", "");
        o.continuingSubwordPrefix = stringOr(m, "continuing_subword_prefix", "");
        o.endOfWordSuffix = stringOr(m, "end_of_word_suffix", "");
        o.fuseUnk = boolOr(m, "fuse_unk", false);
        o.byteFallback = boolOr(m, "byte_fallback", false);
        o.ignoreMerges = boolOr(m, "ignore_merges", false);
        std::vector<BpeModel::Merge> merges;
        const json& ms = m.value("merges", json::array());
        if (!ms.is_array()) fail(source, "model.merges must be an array");
        merges.reserve(ms.size());
        long index = 0;
        for (const json& x : ms) {
            ++index;
            if (x.is_string()) {
                const std::string s = x.get<std::string>();
                const size_t sp = s.find(' ');
                if (sp == std::string::npos || s.find(' ', sp + 1) != std::string::npos)
                    fail(source, "model.merges[" + std::to_string(index - 1) + "] '" + s +
                                     "' is not two tokens separated by one space");
                merges.push_back({s.substr(0, sp), s.substr(sp + 1), index});
            } else if (x.is_array() && x.size() == 2 && x[0].is_string() && x[1].is_string()) {
                merges.push_back({x[0].get<std::string>(), x[1].get<std::string>(), index});
            } else {
                fail(source, "model.merges[" + std::to_string(index - 1) + "] is not a merge");
            }
        }
        return std::make_unique<BpeModel>(vocabFromObject(m.value("vocab", json()), source), merges,
                                          o, source + ": model.merges entry");
    }
    if (type == "Unigram") {
        const json& v = m.value("vocab", json());
        if (!v.is_array()) fail(source, "Unigram model.vocab must be a list of [piece, score]");
        std::vector<std::pair<std::string, double>> pieces;
        pieces.reserve(v.size());
        for (const json& p : v) {
            if (!p.is_array() || p.size() != 2 || !p[0].is_string() || !p[1].is_number())
                fail(source, "Unigram model.vocab entry " + std::to_string(pieces.size()) +
                                 " is not [piece, score]");
            pieces.emplace_back(p[0].get<std::string>(), p[1].get<double>());
        }
        const int32_t unk = m.contains("unk_id") && m["unk_id"].is_number_integer()
                                ? m["unk_id"].get<int32_t>()
                                : -1;
        return std::make_unique<UnigramModel>(pieces, unk, boolOr(m, "byte_fallback", false));
    }
    fail(source, "unsupported model type '" + type + "'");
}

SpecialPiece specialPair(const json& j, const std::string& source, const char* what) {
    if (!j.is_array() || j.size() != 2 || !j[0].is_string() || !j[1].is_number_integer())
        fail(source, std::string("post_processor.") + what + " must be [token, id]");
    return {{j[1].get<int32_t>()}, {j[0].get<std::string>()}};
}

std::vector<TemplateProcessing::Item> templateItems(const json& t, const std::string& source) {
    std::vector<TemplateProcessing::Item> items;
    if (!t.is_array()) fail(source, "TemplateProcessing template must be a list");
    for (const json& x : t) {
        TemplateProcessing::Item it;
        if (x.contains("SpecialToken")) {
            it.isSequence = false;
            it.name = stringOr(x["SpecialToken"], "id", "");
            it.typeId = numberOr<int32_t>(x["SpecialToken"], "type_id", 0);
        } else if (x.contains("Sequence")) {
            it.isSequence = true;
            it.name = stringOr(x["Sequence"], "id", "A");
            it.typeId = numberOr<int32_t>(x["Sequence"], "type_id", 0);
        } else {
            fail(source, "TemplateProcessing item is neither SpecialToken nor Sequence");
        }
        items.push_back(std::move(it));
    }
    return items;
}

}  // namespace

std::unique_ptr<Normalizer> parseNormalizer(const json& j, const std::string& source) {
    if (j.is_null()) return nullptr;
    const std::string t = typeOf(j, source, "normalizer");
    if (t == "BertNormalizer") {
        std::optional<bool> strip;
        if (j.contains("strip_accents") && j["strip_accents"].is_boolean())
            strip = j["strip_accents"].get<bool>();
        return std::make_unique<BertNormalizer>(boolOr(j, "clean_text", true),
                                                boolOr(j, "handle_chinese_chars", true), strip,
                                                boolOr(j, "lowercase", true));
    }
    if (t == "Lowercase") return std::make_unique<LowercaseNormalizer>();
    if (t == "NFD") return std::make_unique<UnicodeNormalizer>(UnicodeNormalizer::Form::NFD);
    if (t == "NFKD") return std::make_unique<UnicodeNormalizer>(UnicodeNormalizer::Form::NFKD);
    if (t == "NFC") return std::make_unique<UnicodeNormalizer>(UnicodeNormalizer::Form::NFC);
    if (t == "NFKC" || t == "Precompiled")
        return std::make_unique<UnicodeNormalizer>(UnicodeNormalizer::Form::NFKC);
    if (t == "StripAccents") return std::make_unique<StripAccentsNormalizer>();
    if (t == "Strip")
        return std::make_unique<StripNormalizer>(boolOr(j, "strip_left", true),
                                                 boolOr(j, "strip_right", true));
    if (t == "Replace") {
        const auto [p, isRegex] = pattern(j.value("pattern", json()), source);
        return std::make_unique<ReplaceNormalizer>(p, isRegex, stringOr(j, "content", ""));
    }
    if (t == "Prepend") return std::make_unique<PrependNormalizer>(stringOr(j, "prepend", ""));
    if (t == "Sequence") {
        std::vector<std::unique_ptr<Normalizer>> items;
        for (const json& x : j.value("normalizers", json::array()))
            if (auto n = parseNormalizer(x, source)) items.push_back(std::move(n));
        return std::make_unique<SequenceNormalizer>(std::move(items));
    }
    fail(source, "unsupported normalizer type '" + t + "'");
}

std::unique_ptr<PreTokenizer> parsePreTokenizer(const json& j, const std::string& source) {
    if (j.is_null()) return nullptr;
    const std::string t = typeOf(j, source, "pre_tokenizer");
    if (t == "BertPreTokenizer") return std::make_unique<BertPreTokenizer>();
    if (t == "ByteLevel")
        return std::make_unique<ByteLevelPreTokenizer>(boolOr(j, "add_prefix_space", true),
                                                       boolOr(j, "use_regex", true));
    if (t == "Whitespace") return std::make_unique<WhitespacePreTokenizer>();
    if (t == "WhitespaceSplit") return std::make_unique<WhitespaceSplitPreTokenizer>();
    if (t == "Punctuation")
        return std::make_unique<PunctuationPreTokenizer>(
            behavior(j.value("behavior", json()), source));
    if (t == "Digits")
        return std::make_unique<DigitsPreTokenizer>(boolOr(j, "individual_digits", false));
    if (t == "CharDelimiterSplit")
        return std::make_unique<CharDelimiterPreTokenizer>(
            singleChar(stringOr(j, "delimiter", ""), source, "CharDelimiterSplit.delimiter"));
    if (t == "Metaspace")
        return std::make_unique<MetaspacePreTokenizer>(
            singleChar(stringOr(j, "replacement", "\xE2\x96\x81"), source, "Metaspace.replacement"),
            prependScheme(j), boolOr(j, "split", true));
    if (t == "Split") {
        const auto [p, isRegex] = pattern(j.value("pattern", json()), source);
        return std::make_unique<SplitPreTokenizer>(
            p, isRegex, behavior(j.value("behavior", json()), source), boolOr(j, "invert", false));
    }
    if (t == "Sequence") {
        std::vector<std::unique_ptr<PreTokenizer>> items;
        for (const json& x : j.value("pretokenizers", json::array()))
            if (auto p = parsePreTokenizer(x, source)) items.push_back(std::move(p));
        return std::make_unique<SequencePreTokenizer>(std::move(items));
    }
    fail(source, "unsupported pre_tokenizer type '" + t + "'");
}

std::unique_ptr<PostProcessor> parsePostProcessor(const json& j, const std::string& source) {
    if (j.is_null()) return nullptr;
    const std::string t = typeOf(j, source, "post_processor");
    if (t == "BertProcessing")
        return std::make_unique<BertProcessing>(specialPair(j.value("sep", json()), source, "sep"),
                                                specialPair(j.value("cls", json()), source, "cls"));
    if (t == "RobertaProcessing")
        return std::make_unique<RobertaProcessing>(
            specialPair(j.value("sep", json()), source, "sep"),
            specialPair(j.value("cls", json()), source, "cls"), boolOr(j, "trim_offsets", true),
            boolOr(j, "add_prefix_space", true));
    if (t == "ByteLevel")
        return std::make_unique<ByteLevelProcessing>(boolOr(j, "trim_offsets", true),
                                                     boolOr(j, "add_prefix_space", true));
    if (t == "TemplateProcessing") {
        std::vector<std::pair<std::string, SpecialPiece>> specials;
        const json& st = j.value("special_tokens", json::object());
        for (auto it = st.begin(); it != st.end(); ++it) {
            SpecialPiece p;
            for (const json& id : it.value().value("ids", json::array()))
                p.ids.push_back(id.get<int32_t>());
            for (const json& tok : it.value().value("tokens", json::array()))
                p.tokens.push_back(tok.get<std::string>());
            specials.emplace_back(it.key(), std::move(p));
        }
        return std::make_unique<TemplateProcessing>(
            templateItems(j.value("single", json::array()), source),
            templateItems(j.value("pair", json::array()), source), std::move(specials), source);
    }
    if (t == "Sequence") {
        std::vector<std::unique_ptr<PostProcessor>> items;
        for (const json& x : j.value("processors", json::array()))
            if (auto p = parsePostProcessor(x, source)) items.push_back(std::move(p));
        return std::make_unique<SequenceProcessing>(std::move(items));
    }
    fail(source, "unsupported post_processor type '" + t + "'");
}

std::unique_ptr<Decoder> parseDecoder(const json& j, const std::string& source) {
    if (j.is_null()) return nullptr;
    const std::string t = typeOf(j, source, "decoder");
    if (t == "ByteLevel") return std::make_unique<ByteLevelDecoder>();
    if (t == "WordPiece")
        return std::make_unique<WordPieceDecoder>(stringOr(j, "prefix", "##"),
                                                  boolOr(j, "cleanup", true));
    if (t == "Metaspace")
        return std::make_unique<MetaspaceDecoder>(
            stringOr(j, "replacement", "\xE2\x96\x81"),
            prependScheme(j) != MetaspacePreTokenizer::Prepend::Never);
    if (t == "BPEDecoder") return std::make_unique<BpeSuffixDecoder>(stringOr(j, "suffix", "</w>"));
    if (t == "Replace") {
        const auto [p, isRegex] = pattern(j.value("pattern", json()), source);
        if (isRegex) fail(source, "Replace decoder with a regular expression is not supported");
        return std::make_unique<ReplaceDecoder>(p, stringOr(j, "content", ""));
    }
    if (t == "Strip")
        return std::make_unique<StripDecoder>(stringOr(j, "content", " "),
                                              numberOr<size_t>(j, "start", 0),
                                              numberOr<size_t>(j, "stop", 0));
    if (t == "Fuse") return std::make_unique<FuseDecoder>();
    if (t == "ByteFallback") return std::make_unique<ByteFallbackDecoder>();
    if (t == "Sequence") {
        std::vector<std::unique_ptr<Decoder>> items;
        for (const json& x : j.value("decoders", json::array()))
            if (auto d = parseDecoder(x, source)) items.push_back(std::move(d));
        return std::make_unique<SequenceDecoder>(std::move(items));
    }
    fail(source, "unsupported decoder type '" + t + "'");
}

void guessSpecialTokens(PipelineTokenizer& tk) {
    SpecialTokens s = tk.specialTokens();
    auto pick = [&](std::string& name, int32_t& id, std::initializer_list<const char*> names) {
        if (id >= 0) return;
        for (const char* n : names) {
            const int32_t found = tk.tokenToId(n);
            if (found >= 0) {
                name = n;
                id = found;
                return;
            }
        }
    };
    if (s.unkId < 0 && tk.model().unkId() >= 0) {
        s.unkId = tk.model().unkId();
        s.unk = tk.idToToken(s.unkId);
    }
    pick(s.pad, s.padId, {"[PAD]", "<pad>", "<|pad|>"});
    pick(s.unk, s.unkId, {"[UNK]", "<unk>"});
    pick(s.cls, s.clsId, {"[CLS]", "<cls>", "<s>"});
    pick(s.sep, s.sepId, {"[SEP]", "<sep>", "</s>"});
    pick(s.mask, s.maskId, {"[MASK]", "<mask>"});
    pick(s.bos, s.bosId, {"<s>", "<|endoftext|>", "[CLS]"});
    pick(s.eos, s.eosId, {"</s>", "<|endoftext|>", "[SEP]"});
    tk.setSpecialTokens(s);
}

std::unique_ptr<PipelineTokenizer> parseTokenizerJson(const json& doc, const std::string& source) {
    if (!doc.is_object()) fail(source, "the top level is not a JSON object");
    auto tk = std::make_unique<PipelineTokenizer>(parseModel(doc.value("model", json()), source));
    tk->setNormalizer(parseNormalizer(doc.value("normalizer", json()), source));
    tk->setPreTokenizer(parsePreTokenizer(doc.value("pre_tokenizer", json()), source));
    tk->setPostProcessor(parsePostProcessor(doc.value("post_processor", json()), source));
    tk->setDecoder(parseDecoder(doc.value("decoder", json()), source));
    const json& added = doc.value("added_tokens", json::array());
    if (!added.is_array()) fail(source, "added_tokens must be a list");
    for (const json& a : added) {
        if (!a.is_object() || !a.contains("id") || !a.contains("content"))
            fail(source, "added_tokens entry without id and content");
        AddedToken t;
        t.id = a["id"].get<int32_t>();
        t.content = a["content"].get<std::string>();
        t.special = boolOr(a, "special", false);
        t.singleWord = boolOr(a, "single_word", false);
        t.lstrip = boolOr(a, "lstrip", false);
        t.rstrip = boolOr(a, "rstrip", false);
        t.normalized = boolOr(a, "normalized", !t.special);
        tk->addToken(t);
    }
    const json& padding = doc.value("padding", json());
    if (padding.is_object()) {
        SpecialTokens s = tk->specialTokens();
        s.padId = numberOr<int32_t>(padding, "pad_id", -1);
        s.pad = stringOr(padding, "pad_token", "");
        tk->setSpecialTokens(s);
        tk->setPadTypeId(numberOr<int32_t>(padding, "pad_type_id", 0));
        if (stringOr(padding, "direction", "Right") == "Left")
            tk->setPaddingSide(PaddingSide::Left);
    }
    guessSpecialTokens(*tk);
    return tk;
}

std::unique_ptr<PipelineTokenizer> loadTokenizerJson(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::Io, path + ": cannot open");
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        const bool truncated = e.byte >= text.size();
        throw Error(ErrorCode::Parse,
                    path + ": " + (truncated ? "truncated JSON" : "malformed JSON") + " at byte " +
                        std::to_string(e.byte) + " (" + e.what() + ")");
    }
    try {
        return parseTokenizerJson(doc, path);
    } catch (const json::exception& e) {
        throw Error(ErrorCode::Parse, path + ": unexpected value: " + e.what());
    }
}

}  // namespace ft::text
