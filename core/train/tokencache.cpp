#include "train/tokencache.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <unistd.h>

#include "error.h"
#include "text/tokenizer.h"
#include "util/sha256.h"

namespace fs = std::filesystem;

namespace ft::train {

namespace {

constexpr uint32_t kMagic = 0x4b4f5446;  // "FTOK"
constexpr uint32_t kVersion = 1;

const char* const kTokenizerFiles[] = {
    "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt", "vocab.json",
    "merges.txt",     "spiece.model",          "added_tokens.json"};

template <typename T>
void put(std::string& out, T v) {
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

template <typename T>
bool get(const std::string& in, size_t& pos, T& v) {
    if (pos + sizeof v > in.size()) return false;
    std::memcpy(&v, in.data() + pos, sizeof v);
    pos += sizeof v;
    return true;
}

std::string cacheKey(const store::Project& project, int64_t datasetId, int64_t splitId,
                     store::SplitPart part, const std::string& tokenizerFolder, int64_t maxLength,
                     const std::vector<std::string>& labels) {
    util::Sha256 h;
    h.update("finetune token cache v1\n");
    for (const char* name : kTokenizerFiles) {
        const fs::path p = fs::path(tokenizerFolder) / name;
        std::error_code ec;
        if (!fs::is_regular_file(p, ec)) continue;
        h.update(std::string(name) + "=" + util::sha256File(p.string()) + "\n");
    }
    h.update("max_length=" + std::to_string(maxLength) + "\n");
    const auto cleaning = project.latestCleaning(datasetId);
    h.update("cleaning=" +
             (cleaning ? std::to_string(cleaning->id) + ":" + cleaning->pipelineJson : "") + "\n");
    h.update("label_changes=" + std::to_string(project.labelChangeCount(datasetId)) + "\n");
    h.update("dataset=" + std::to_string(datasetId) + " split=" + std::to_string(splitId) +
             " part=" + store::toString(part) + "\n");
    for (const auto& l : labels) h.update("label=" + l + "\n");
    return h.hexDigest();
}

bool readCache(const std::string& path, TokenizedPart& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    size_t pos = 0;
    uint32_t magic = 0, version = 0;
    uint64_t count = 0;
    if (!get(data, pos, magic) || magic != kMagic || !get(data, pos, version) ||
        version != kVersion || !get(data, pos, count))
        return false;
    TokenizedPart part;
    for (uint64_t i = 0; i < count; ++i) {
        int64_t rowId = 0;
        int32_t label = 0;
        uint32_t n = 0;
        uint8_t hasTypes = 0;
        if (!get(data, pos, rowId) || !get(data, pos, label) || !get(data, pos, n) ||
            !get(data, pos, hasTypes))
            return false;
        Example e;
        e.label = label;
        const size_t bytes = size_t{n} * sizeof(int32_t);
        if (pos + bytes * (hasTypes ? 2 : 1) > data.size()) return false;
        e.ids.resize(n);
        std::memcpy(e.ids.data(), data.data() + pos, bytes);
        pos += bytes;
        if (hasTypes) {
            e.typeIds.resize(n);
            std::memcpy(e.typeIds.data(), data.data() + pos, bytes);
            pos += bytes;
        }
        part.examples.push_back(std::move(e));
        part.rowIds.push_back(rowId);
    }
    if (pos != data.size()) return false;
    out = std::move(part);
    return true;
}

void writeCache(const std::string& path, const TokenizedPart& part) {
    std::string out;
    put(out, kMagic);
    put(out, kVersion);
    put(out, static_cast<uint64_t>(part.examples.size()));
    for (size_t i = 0; i < part.examples.size(); ++i) {
        const Example& e = part.examples[i];
        put(out, part.rowIds[i]);
        put(out, e.label);
        put(out, static_cast<uint32_t>(e.ids.size()));
        const uint8_t hasTypes = e.typeIds.empty() ? 0 : 1;
        put(out, hasTypes);
        out.append(reinterpret_cast<const char*>(e.ids.data()), e.ids.size() * sizeof(int32_t));
        if (hasTypes)
            out.append(reinterpret_cast<const char*>(e.typeIds.data()),
                       e.typeIds.size() * sizeof(int32_t));
    }
    const std::string tmp = path + ".tmp-" + std::to_string(getpid());
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        f.write(out.data(), static_cast<std::streamsize>(out.size()));
        if (!f) {
            std::error_code ec;
            fs::remove(tmp, ec);
            return;
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) fs::remove(tmp, ec);
}

}  // namespace

TokenizedPart TokenCache::load(const store::Project& project, int64_t datasetId, int64_t splitId,
                               store::SplitPart part, const text::Tokenizer& tokenizer,
                               const std::string& tokenizerFolder, int64_t maxLength,
                               const std::vector<std::string>& labels, unsigned threads) {
    const fs::path dir = fs::path(project.dir()) / "cache";
    const std::string key =
        cacheKey(project, datasetId, splitId, part, tokenizerFolder, maxLength, labels);
    const std::string path = (dir / (key + ".bin")).string();
    TokenizedPart out;
    if (readCache(path, out)) {
        out.fromCache = true;
        out.cachePath = path;
        return out;
    }
    std::map<std::string, int32_t> index;
    for (size_t i = 0; i < labels.size(); ++i) index[labels[i]] = static_cast<int32_t>(i);
    std::vector<std::string> texts, pairs;
    bool anyPair = false;
    for (int64_t rowId : project.splitRowIds(splitId, part)) {
        const auto row = project.row(rowId);
        if (!row || row->dropped != 0 || !row->label) continue;
        const auto it = index.find(*row->label);
        if (it == index.end())
            throw Error(ErrorCode::Mapping, "row " + std::to_string(rowId) + " (line " +
                                                std::to_string(row->line) + "): label '" +
                                                *row->label + "' is not one of the model's labels");
        texts.push_back(row->cleanText ? *row->cleanText : row->text);
        const auto& pair = row->cleanText ? row->cleanPair : row->textPair;
        pairs.push_back(pair ? *pair : std::string());
        anyPair = anyPair || pair.has_value();
        out.rowIds.push_back(rowId);
        Example e;
        e.label = it->second;
        out.examples.push_back(std::move(e));
    }
    text::EncodeOptions eo;
    eo.maxLength = static_cast<size_t>(maxLength);
    eo.threads = threads;
    const auto encodings =
        anyPair ? tokenizer.encodeBatch(texts, pairs, eo) : tokenizer.encodeBatch(texts, eo);
    for (size_t i = 0; i < encodings.size(); ++i) {
        Example& e = out.examples[i];
        e.ids = encodings[i].ids;
        bool anyType = false;
        for (int32_t t : encodings[i].typeIds) anyType = anyType || t != 0;
        if (anyType) e.typeIds = encodings[i].typeIds;
    }
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (!ec) writeCache(path, out);
    out.cachePath = path;
    return out;
}

}  // namespace ft::train
