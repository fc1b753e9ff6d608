#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

// The safetensors format (https://github.com/huggingface/safetensors): an 8-byte
// little-endian header length N, N bytes of JSON mapping tensor names to
// {"dtype", "shape", "data_offsets": [begin, end]} (offsets relative to the data section
// that follows the header) plus an optional "__metadata__" object of strings.
// This header does not include torch: io/checkpoint.h turns entries into tensors.
namespace ft::io {

enum class Dtype { F32, F16, BF16, F64, I64, I32, I16, I8, U8, Bool };

// "F32", "BF16", ... as written in safetensors headers.
const char* dtypeName(Dtype dtype);
// Bytes per element.
size_t dtypeSize(Dtype dtype);
// False for a name that is not one of the ten supported dtypes.
bool parseDtype(const std::string& name, Dtype& out);

struct TensorEntry {
    std::string name;
    Dtype dtype = Dtype::F32;
    std::vector<int64_t> shape;
    uint64_t begin = 0;  // byte offsets within the data section
    uint64_t end = 0;

    int64_t numel() const;
    uint64_t byteSize() const { return end - begin; }
};

// A memory-mapped, validated safetensors file. The constructor checks everything before
// any byte is trusted: the header length lies within the file and is at most 100 MB, the
// header is a JSON object, every dtype is known, every byte range lies inside the data
// section, ranges do not overlap, and shape x dtype size equals each range's length.
// Any failure throws ft::Error (Io, Parse or InvalidArgument) naming the file and, where
// there is one, the tensor. The mapping is read-only and lives as long as the object;
// const methods may be called from any number of threads.
class SafetensorsFile {
public:
    explicit SafetensorsFile(const std::string& path);
    ~SafetensorsFile();
    SafetensorsFile(const SafetensorsFile&) = delete;
    SafetensorsFile& operator=(const SafetensorsFile&) = delete;

    const std::string& path() const { return m_path; }
    uint64_t fileSize() const { return m_size; }
    // Tensors in file order (sorted by begin offset).
    const std::vector<TensorEntry>& entries() const { return m_entries; }
    // nullptr when the file has no tensor of that name.
    const TensorEntry* find(const std::string& name) const;
    // The first byte of a tensor's data (within the mapping, not necessarily aligned).
    const uint8_t* data(const TensorEntry& entry) const;
    const std::map<std::string, std::string>& metadata() const { return m_metadata; }

private:
    std::string m_path;
    uint64_t m_size = 0;
    const uint8_t* m_map = nullptr;
    uint64_t m_dataStart = 0;
    std::vector<TensorEntry> m_entries;
    std::map<std::string, size_t> m_index;
    std::map<std::string, std::string> m_metadata;
};

// One tensor to write: bytes of numel x dtypeSize(dtype), little-endian, contiguous.
struct TensorView {
    std::string name;
    Dtype dtype = Dtype::F32;
    std::vector<int64_t> shape;
    const void* data = nullptr;
    size_t bytes = 0;
};

// Writes a safetensors file atomically: to "path.tmp-<pid>" first, then renamed over
// path, so a reader never sees a half-written file. Tensors are stored in name order
// with the header padded to a multiple of 8 bytes (as the reference writer does).
// Throws ft::Error: InvalidArgument for a duplicate name or a size that disagrees with
// the shape, Io when the file cannot be written (nothing is left behind).
void writeSafetensors(const std::string& path, const std::vector<TensorView>& tensors,
                      const std::map<std::string, std::string>& metadata = {{"format", "pt"}});

}  // namespace ft::io
