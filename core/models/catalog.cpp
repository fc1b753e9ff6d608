#include "models/catalog.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "error.h"
#include "io/modelconfig.h"

namespace ft::models {

namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

bool isDir(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

// exists() follows the symlinks the hub cache uses (snapshots/ -> blobs/), so a dangling
// link of an interrupted download counts as missing.
bool hasFile(const fs::path& dir, const char* name) {
    std::error_code ec;
    return fs::exists(dir / name, ec);
}

std::string trim(std::string s) {
    const auto notSpace = [](unsigned char c) { return !std::isspace(c); };
    s.erase(s.begin(), std::find_if(s.begin(), s.end(), notSpace));
    s.erase(std::find_if(s.rbegin(), s.rend(), notSpace).base(), s.end());
    return s;
}

// "models--google--bert_uncased_L-2_H-128_A-2" -> "google/bert_uncased_L-2_H-128_A-2"
std::string repoIdFrom(const std::string& folderName) {
    std::string rest = folderName.substr(std::string("models--").size());
    std::string out;
    for (size_t i = 0; i < rest.size(); ++i) {
        if (rest.compare(i, 2, "--") == 0) {
            out += '/';
            ++i;
        } else {
            out += rest[i];
        }
    }
    return out;
}

}  // namespace

std::vector<std::string> huggingFaceCacheDirs() {
    std::vector<std::string> candidates;
    if (const auto v = env("HUGGINGFACE_HUB_CACHE"); !v.empty()) candidates.push_back(v);
    if (const auto v = env("HF_HUB_CACHE"); !v.empty()) candidates.push_back(v);
    if (const auto v = env("HF_HOME"); !v.empty()) candidates.push_back(v + "/hub");
    if (const auto v = env("XDG_CACHE_HOME"); !v.empty())
        candidates.push_back(v + "/huggingface/hub");
    if (const auto v = env("HOME"); !v.empty()) candidates.push_back(v + "/.cache/huggingface/hub");

    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const auto& c : candidates) {
        if (!isDir(c)) continue;
        std::error_code ec;
        const std::string key = fs::weakly_canonical(c, ec).string();
        if (seen.insert(ec ? c : key).second) out.push_back(c);
    }
    return out;
}

std::string resolveSnapshot(const std::string& repoFolder) {
    const fs::path repo(repoFolder);
    const fs::path snapshots = repo / "snapshots";
    std::ifstream ref(repo / "refs" / "main");
    if (ref) {
        std::stringstream ss;
        ss << ref.rdbuf();
        const std::string hash = trim(ss.str());
        if (!hash.empty() && hash.find('/') == std::string::npos && hash != "." && hash != ".." &&
            hasFile(snapshots / hash, "config.json"))
            return (snapshots / hash).string();
    }
    // No usable refs/main (a download by revision, or an interrupted one): the newest
    // snapshot that can be opened.
    std::string best;
    fs::file_time_type bestTime{};
    std::error_code ec;
    for (fs::directory_iterator it(snapshots, ec), end; !ec && it != end; it.increment(ec)) {
        if (!isDir(it->path()) || !hasFile(it->path(), "config.json")) continue;
        std::error_code tec;
        const auto t = fs::last_write_time(it->path(), tec);
        if (best.empty() || (!tec && t > bestTime)) {
            best = it->path().string();
            bestTime = t;
        }
    }
    return best;
}

CatalogEntry describeFolder(const std::string& folder) {
    CatalogEntry e;
    const fs::path dir(folder);
    e.folder = folder;
    e.repoId = dir.filename().string();
    if (e.repoId.empty()) e.repoId = dir.parent_path().filename().string();
    e.hasWeights = hasFile(dir, "model.safetensors") ||
                   hasFile(dir, "model.safetensors.index.json") ||
                   hasFile(dir, "pytorch_model.bin");
    e.hasTokenizer = hasFile(dir, "tokenizer.json") || hasFile(dir, "vocab.txt") ||
                     hasFile(dir, "vocab.json") || hasFile(dir, "spiece.model");

    const fs::path configPath = dir / "config.json";
    std::ifstream in(configPath, std::ios::binary);
    if (!in) {
        e.problem = configPath.string() + ": cannot open (is this a checkpoint folder?)";
        return e;
    }
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& x) {
        e.problem = configPath.string() + ": invalid JSON: " + x.what();
        return e;
    }
    if (j.is_object()) {
        if (const auto t = j.find("model_type"); t != j.end() && t->is_string())
            e.modelType = t->get<std::string>();
        if (const auto a = j.find("architectures");
            a != j.end() && a->is_array() && !a->empty() && a->front().is_string())
            e.architecture = a->front().get<std::string>();
    }
    try {
        io::parseConfig(j, configPath.string());
    } catch (const Error& x) {
        e.problem = x.what();
        return e;
    }
    if (!e.hasWeights)
        e.problem = folder +
                    ": no model.safetensors, model.safetensors.index.json or "
                    "pytorch_model.bin (the download may be incomplete)";
    return e;
}

std::vector<CatalogEntry> scanHubCache(const std::string& hubDir) {
    std::vector<CatalogEntry> out;
    std::error_code ec;
    for (fs::directory_iterator it(hubDir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind("models--", 0) != 0 || name.size() <= 8 || !isDir(it->path())) continue;
        const std::string snapshot = resolveSnapshot(it->path().string());
        if (snapshot.empty()) continue;
        CatalogEntry e = describeFolder(snapshot);
        e.repoId = repoIdFrom(name);
        e.revision = fs::path(snapshot).filename().string();
        out.push_back(std::move(e));
    }
    std::sort(out.begin(), out.end(),
              [](const CatalogEntry& a, const CatalogEntry& b) { return a.repoId < b.repoId; });
    return out;
}

std::vector<CatalogEntry> findCachedModels() {
    std::vector<CatalogEntry> out;
    std::set<std::string> seen;
    for (const auto& dir : huggingFaceCacheDirs())
        for (auto& e : scanHubCache(dir))
            if (seen.insert(e.repoId).second) out.push_back(std::move(e));
    std::sort(out.begin(), out.end(),
              [](const CatalogEntry& a, const CatalogEntry& b) { return a.repoId < b.repoId; });
    return out;
}

}  // namespace ft::models
