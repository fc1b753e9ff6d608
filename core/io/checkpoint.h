#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "io/safetensors.h"

// The weights of a Hugging Face checkpoint folder, whatever their file format. Includes
// torch: only core/models and core/train include it.
namespace ft::io {

// Where a folder's weights live, in the order they are looked for.
enum class WeightsFormat { Safetensors, ShardedSafetensors, PytorchBin };

// Opens the weights of a folder: model.safetensors, else model.safetensors.index.json
// (every shard opened and validated, every weight_map entry checked against its shard),
// else pytorch_model.bin (read through LibTorch's restricted unpickler, which rebuilds
// tensors and containers and never executes code; when it cannot read the file the
// error says so and suggests converting to safetensors). Throws ft::Error naming the
// file (NotFound listing what was looked for). Read-only after construction: const
// methods may be called from any thread.
class CheckpointReader {
public:
    explicit CheckpointReader(const std::string& folder);
    ~CheckpointReader();

    WeightsFormat format() const { return m_format; }
    // The weights files read (one, or each shard).
    const std::vector<std::string>& files() const { return m_files; }
    // Total bytes of those files.
    uint64_t bytes() const { return m_bytes; }
    // Keys in sorted order.
    std::vector<std::string> keys() const;
    bool contains(const std::string& key) const;
    std::vector<int64_t> shape(const std::string& key) const;
    // The stored dtype ("F32", "BF16", ...).
    std::string dtypeName(const std::string& key) const;
    // The file that holds key (for messages).
    std::string fileOf(const std::string& key) const;
    // A tensor that owns its memory (copied out of the mapping); F16 / BF16 become F32
    // when toFloat32 is set. Throws ft::Error (Mapping) for an unknown key.
    torch::Tensor tensor(const std::string& key, bool toFloat32 = true) const;
    // Copies key into dst (same shape; dtype converted to dst's), without autograd.
    // Throws ft::Error (InvalidArgument) naming the key and both shapes on a mismatch.
    void copyInto(const std::string& key, torch::Tensor& dst) const;
    // The metadata of the (first) safetensors file; empty for pytorch_model.bin.
    std::map<std::string, std::string> metadata() const;

private:
    struct Slot {
        const SafetensorsFile* file = nullptr;
        const TensorEntry* entry = nullptr;
        torch::Tensor tensor;  // pytorch_model.bin only
    };
    const Slot& slot(const std::string& key) const;
    torch::Tensor view(const Slot& s) const;

    WeightsFormat m_format = WeightsFormat::Safetensors;
    std::vector<std::string> m_files;
    uint64_t m_bytes = 0;
    std::vector<std::unique_ptr<SafetensorsFile>> m_shards;
    std::map<std::string, Slot> m_slots;
};

// torch dtype of a safetensors dtype and back (the latter throws ft::Error for dtypes
// safetensors cannot hold).
torch::Dtype toTorch(Dtype dtype);
Dtype fromTorch(torch::Dtype dtype);

// Writes named tensors (made contiguous, in CPU memory) to a safetensors file atomically.
void saveSafetensors(const std::string& path,
                     const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                     const std::map<std::string, std::string>& metadata = {{"format", "pt"}});

}  // namespace ft::io
