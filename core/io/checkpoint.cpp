#include "io/checkpoint.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "error.h"

namespace ft::io {

namespace fs = std::filesystem;

namespace {

std::string shapeText(const std::vector<int64_t>& s) {
    std::string out = "[";
    for (size_t i = 0; i < s.size(); ++i) out += (i ? ", " : "") + std::to_string(s[i]);
    return out + "]";
}

uint64_t fileBytes(const std::string& path) {
    std::error_code ec;
    const auto n = fs::file_size(path, ec);
    return ec ? 0 : static_cast<uint64_t>(n);
}

}  // namespace

torch::Dtype toTorch(Dtype dtype) {
    switch (dtype) {
        case Dtype::F32:
            return torch::kFloat32;
        case Dtype::F16:
            return torch::kFloat16;
        case Dtype::BF16:
            return torch::kBFloat16;
        case Dtype::F64:
            return torch::kFloat64;
        case Dtype::I64:
            return torch::kInt64;
        case Dtype::I32:
            return torch::kInt32;
        case Dtype::I16:
            return torch::kInt16;
        case Dtype::I8:
            return torch::kInt8;
        case Dtype::U8:
            return torch::kUInt8;
        case Dtype::Bool:
            return torch::kBool;
    }
    return torch::kFloat32;
}

Dtype fromTorch(torch::Dtype dtype) {
    for (Dtype d : {Dtype::F32, Dtype::F16, Dtype::BF16, Dtype::F64, Dtype::I64, Dtype::I32,
                    Dtype::I16, Dtype::I8, Dtype::U8, Dtype::Bool})
        if (toTorch(d) == dtype) return d;
    throw Error(ErrorCode::InvalidArgument,
                std::string("safetensors cannot store dtype ") + c10::toString(dtype));
}

CheckpointReader::CheckpointReader(const std::string& folder) {
    const fs::path dir(folder);
    const fs::path single = dir / "model.safetensors";
    const fs::path index = dir / "model.safetensors.index.json";
    const fs::path bin = dir / "pytorch_model.bin";
    if (fs::exists(single)) {
        m_format = WeightsFormat::Safetensors;
        m_shards.push_back(std::make_unique<SafetensorsFile>(single.string()));
    } else if (fs::exists(index)) {
        m_format = WeightsFormat::ShardedSafetensors;
        std::ifstream in(index, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(ss.str());
        } catch (const nlohmann::json::exception& e) {
            throw Error(ErrorCode::Parse, index.string() + ": invalid JSON: " + e.what());
        }
        const auto wm = j.find("weight_map");
        if (!j.is_object() || wm == j.end() || !wm->is_object())
            throw Error(ErrorCode::Parse, index.string() + ": missing object 'weight_map'");
        std::map<std::string, size_t> shardIndex;
        for (auto it = wm->begin(); it != wm->end(); ++it) {
            if (!it.value().is_string())
                throw Error(ErrorCode::Parse,
                            index.string() + ": weight_map['" + it.key() + "'] is not a file name");
            const std::string name = it.value().get<std::string>();
            if (name.find('/') != std::string::npos || name.find("..") != std::string::npos)
                throw Error(ErrorCode::Parse, index.string() + ": shard name '" + name +
                                                  "' must be a plain file name in the folder");
            auto found = shardIndex.find(name);
            if (found == shardIndex.end()) {
                m_shards.push_back(std::make_unique<SafetensorsFile>((dir / name).string()));
                found = shardIndex.emplace(name, m_shards.size() - 1).first;
            }
            const SafetensorsFile* f = m_shards[found->second].get();
            const TensorEntry* e = f->find(it.key());
            if (!e)
                throw Error(ErrorCode::Mapping, index.string() + ": key '" + it.key() +
                                                    "' is not in its shard " + f->path());
            m_slots[it.key()] = Slot{f, e, {}};
        }
    } else if (fs::exists(bin)) {
        m_format = WeightsFormat::PytorchBin;
        std::ifstream in(bin, std::ios::binary);
        std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
        const std::string advice =
            ": cannot be read by LibTorch's restricted unpickler; convert it to "
            "model.safetensors (e.g. save_pretrained(..., safe_serialization=True) in "
            "transformers) and try again";
        torch::IValue value;
        try {
            value = torch::pickle_load(bytes);
        } catch (const c10::Error& e) {
            throw Error(ErrorCode::Parse,
                        bin.string() + advice + " (" + e.what_without_backtrace() + ")");
        } catch (const std::exception& e) {
            throw Error(ErrorCode::Parse, bin.string() + advice + " (" + e.what() + ")");
        }
        if (!value.isGenericDict())
            throw Error(ErrorCode::Parse, bin.string() + advice + " (not a state dict)");
        for (const auto& item : value.toGenericDict()) {
            if (!item.key().isString() || !item.value().isTensor())
                throw Error(ErrorCode::Parse,
                            bin.string() + advice + " (not a state dict of tensors)");
            m_slots[item.key().toStringRef()] = Slot{nullptr, nullptr, item.value().toTensor()};
        }
        m_files.push_back(bin.string());
        m_bytes = fileBytes(bin.string());
        return;
    } else {
        throw Error(ErrorCode::NotFound, folder +
                                             ": no weights found (looked for model.safetensors, "
                                             "model.safetensors.index.json, pytorch_model.bin)");
    }
    for (const auto& f : m_shards) {
        m_files.push_back(f->path());
        m_bytes += f->fileSize();
        if (m_format == WeightsFormat::Safetensors)
            for (const auto& e : f->entries()) m_slots[e.name] = Slot{f.get(), &e, {}};
    }
}

CheckpointReader::~CheckpointReader() = default;

std::vector<std::string> CheckpointReader::keys() const {
    std::vector<std::string> out;
    for (const auto& [k, s] : m_slots) out.push_back(k);
    return out;
}

bool CheckpointReader::contains(const std::string& key) const { return m_slots.count(key) > 0; }

const CheckpointReader::Slot& CheckpointReader::slot(const std::string& key) const {
    const auto it = m_slots.find(key);
    if (it == m_slots.end())
        throw Error(ErrorCode::Mapping,
                    (m_files.empty() ? std::string() : m_files[0]) + ": no tensor '" + key + "'");
    return it->second;
}

std::vector<int64_t> CheckpointReader::shape(const std::string& key) const {
    const Slot& s = slot(key);
    if (s.entry) return s.entry->shape;
    return s.tensor.sizes().vec();
}

std::string CheckpointReader::dtypeName(const std::string& key) const {
    const Slot& s = slot(key);
    if (s.entry) return io::dtypeName(s.entry->dtype);
    return io::dtypeName(fromTorch(s.tensor.scalar_type()));
}

std::string CheckpointReader::fileOf(const std::string& key) const {
    const Slot& s = slot(key);
    return s.file ? s.file->path() : m_files.front();
}

torch::Tensor CheckpointReader::view(const Slot& s) const {
    if (!s.entry) return s.tensor;
    // from_blob never frees: the mapping outlives every view, which callers copy at once.
    return torch::from_blob(const_cast<uint8_t*>(s.file->data(*s.entry)), s.entry->shape,
                            torch::TensorOptions().dtype(toTorch(s.entry->dtype)));
}

torch::Tensor CheckpointReader::tensor(const std::string& key, bool toFloat32) const {
    const Slot& s = slot(key);
    torch::Tensor v = view(s);
    const bool half = v.scalar_type() == torch::kFloat16 || v.scalar_type() == torch::kBFloat16;
    if (toFloat32 && half) return v.to(torch::kFloat32);
    return v.clone();
}

void CheckpointReader::copyInto(const std::string& key, torch::Tensor& dst) const {
    const Slot& s = slot(key);
    const auto src = shape(key);
    if (src != dst.sizes().vec())
        throw Error(ErrorCode::InvalidArgument, fileOf(key) + ": key '" + key + "' has shape " +
                                                    shapeText(src) + " but the model expects " +
                                                    shapeText(dst.sizes().vec()));
    torch::NoGradGuard noGrad;
    dst.copy_(view(s));
}

std::map<std::string, std::string> CheckpointReader::metadata() const {
    if (m_shards.empty()) return {};
    return m_shards.front()->metadata();
}

void saveSafetensors(const std::string& path,
                     const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                     const std::map<std::string, std::string>& metadata) {
    std::vector<torch::Tensor> keep;
    std::vector<TensorView> views;
    keep.reserve(tensors.size());
    for (const auto& [name, t] : tensors) {
        keep.push_back(t.detach().to(torch::kCPU).contiguous());
        const torch::Tensor& c = keep.back();
        views.push_back(TensorView{name, fromTorch(c.scalar_type()), c.sizes().vec(), c.data_ptr(),
                                   static_cast<size_t>(c.nbytes())});
    }
    writeSafetensors(path, views, metadata);
}

}  // namespace ft::io
