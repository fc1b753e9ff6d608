#include "deploy/preprocessing.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "error.h"

namespace fs = std::filesystem;

namespace ft::deploy {
namespace {

constexpr const char* kFormat = "finetune-studio/preprocessing";
constexpr int kVersion = 1;
constexpr const char* kFileName = "preprocessing.json";

}  // namespace

std::string Preprocessing::apply(const std::string& text) const {
    return cleaning ? data::cleanText(*cleaning, text) : text;
}

std::string Preprocessing::toJson() const {
    nlohmann::json j = {{"format", kFormat}, {"version", kVersion}};
    j["cleaning"] = cleaning ? nlohmann::json::parse(cleaning->toJson()) : nlohmann::json();
    return j.dump(2) + "\n";
}

Preprocessing loadPreprocessing(const std::string& folder) {
    const fs::path path = fs::path(folder) / kFileName;
    Preprocessing p;
    std::error_code ec;
    if (!fs::exists(path, ec)) return p;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::Io, path.string() + ": cannot be opened");
    std::stringstream buffer;
    buffer << in.rdbuf();
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(buffer.str());
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::Parse, path.string() + ": not valid JSON (" + e.what() + ")");
    }
    if (!j.is_object() || j.value("format", "") != kFormat)
        throw Error(ErrorCode::Parse,
                    path.string() + ": key 'format' must be \"" + std::string(kFormat) + "\"");
    if (!j.contains("version") || !j["version"].is_number_integer())
        throw Error(ErrorCode::Parse, path.string() + ": key 'version' must be an integer");
    if (j["version"].get<int>() > kVersion)
        throw Error(ErrorCode::Parse, path.string() + ": version " +
                                          std::to_string(j["version"].get<int>()) +
                                          " is newer than this program understands (" +
                                          std::to_string(kVersion) + ")");
    if (j.contains("cleaning") && !j["cleaning"].is_null()) {
        try {
            p.cleaning = data::Pipeline::fromJson(j["cleaning"].dump());
        } catch (const Error& e) {
            throw Error(ErrorCode::Parse, path.string() + ": key 'cleaning': " + e.what());
        }
    }
    return p;
}

void writePreprocessing(const std::string& folder, const Preprocessing& p) {
    const fs::path path = fs::path(folder) / kFileName;
    const fs::path tmp = path.string() + ".tmp-" + std::to_string(getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << p.toJson();
        out.flush();
        if (!out) {
            std::error_code ec;
            fs::remove(tmp, ec);
            throw Error(ErrorCode::Io, path.string() + ": cannot be written");
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw Error(ErrorCode::Io, path.string() + ": " + ec.message());
    }
}

}  // namespace ft::deploy
