#include "safetensors.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <limits>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "error.h"

namespace ft::io {

namespace {

constexpr uint64_t kMaxHeader = 100ull * 1000 * 1000;

struct DtypeInfo {
    Dtype dtype;
    const char* name;
    size_t size;
};

constexpr DtypeInfo kDtypes[] = {
    {Dtype::F32, "F32", 4},   {Dtype::F16, "F16", 2}, {Dtype::BF16, "BF16", 2},
    {Dtype::F64, "F64", 8},   {Dtype::I64, "I64", 8}, {Dtype::I32, "I32", 4},
    {Dtype::I16, "I16", 2},   {Dtype::I8, "I8", 1},   {Dtype::U8, "U8", 1},
    {Dtype::Bool, "BOOL", 1},
};

[[noreturn]] void fail(ErrorCode code, const std::string& path, const std::string& message) {
    throw Error(code, path + ": " + message);
}

}  // namespace

const char* dtypeName(Dtype dtype) {
    for (const auto& d : kDtypes)
        if (d.dtype == dtype) return d.name;
    return "?";
}

size_t dtypeSize(Dtype dtype) {
    for (const auto& d : kDtypes)
        if (d.dtype == dtype) return d.size;
    return 0;
}

bool parseDtype(const std::string& name, Dtype& out) {
    for (const auto& d : kDtypes)
        if (name == d.name) {
            out = d.dtype;
            return true;
        }
    return false;
}

int64_t TensorEntry::numel() const {
    int64_t n = 1;
    for (int64_t d : shape) n *= d;
    return n;
}

SafetensorsFile::SafetensorsFile(const std::string& path) : m_path(path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        fail(errno == ENOENT ? ErrorCode::NotFound : ErrorCode::Io, path, std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        fail(ErrorCode::Io, path, "not a regular file");
    }
    m_size = static_cast<uint64_t>(st.st_size);
    if (m_size < 8) {
        ::close(fd);
        fail(ErrorCode::Parse, path,
             "truncated safetensors file: " + std::to_string(m_size) +
                 " bytes, fewer than the 8-byte header length");
    }
    void* map = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED) fail(ErrorCode::Io, path, std::string("mmap: ") + std::strerror(errno));
    m_map = static_cast<const uint8_t*>(map);

    // From here on the destructor would not run on a throw: unmap explicitly.
    try {
        uint64_t n = 0;
        for (int i = 7; i >= 0; --i) n = (n << 8) | m_map[i];
        if (n > kMaxHeader)
            fail(ErrorCode::Parse, path,
                 "header length " + std::to_string(n) + " exceeds the 100 MB limit");
        if (n > m_size - 8)
            fail(ErrorCode::Parse, path,
                 "header length " + std::to_string(n) + " runs past the end of the file (" +
                     std::to_string(m_size) + " bytes): truncated or not a safetensors file");
        m_dataStart = 8 + n;
        const uint64_t dataSize = m_size - m_dataStart;

        nlohmann::json header;
        try {
            header = nlohmann::json::parse(reinterpret_cast<const char*>(m_map + 8),
                                           reinterpret_cast<const char*>(m_map + 8 + n));
        } catch (const nlohmann::json::exception& e) {
            fail(ErrorCode::Parse, path, std::string("header is not valid JSON: ") + e.what());
        }
        if (!header.is_object()) fail(ErrorCode::Parse, path, "header is not a JSON object");

        for (auto it = header.begin(); it != header.end(); ++it) {
            const std::string& name = it.key();
            const auto& v = it.value();
            if (name == "__metadata__") {
                if (!v.is_object())
                    fail(ErrorCode::Parse, path, "__metadata__ is not an object of strings");
                for (auto m = v.begin(); m != v.end(); ++m) {
                    if (!m.value().is_string())
                        fail(ErrorCode::Parse, path,
                             "__metadata__ key '" + m.key() + "' is not a string");
                    m_metadata[m.key()] = m.value().get<std::string>();
                }
                continue;
            }
            const std::string where = "tensor '" + name + "': ";
            if (!v.is_object()) fail(ErrorCode::Parse, path, where + "entry is not an object");
            TensorEntry e;
            e.name = name;
            const auto dt = v.find("dtype");
            if (dt == v.end() || !dt->is_string())
                fail(ErrorCode::Parse, path, where + "missing dtype");
            if (!parseDtype(dt->get<std::string>(), e.dtype))
                fail(ErrorCode::Parse, path,
                     where + "unsupported dtype '" + dt->get<std::string>() +
                         "' (supported: F32, F16, BF16, F64, I64, I32, I16, I8, U8, BOOL)");
            const auto sh = v.find("shape");
            if (sh == v.end() || !sh->is_array())
                fail(ErrorCode::Parse, path, where + "missing shape");
            uint64_t numel = 1;
            for (const auto& d : *sh) {
                if (!d.is_number_unsigned())
                    fail(ErrorCode::Parse, path, where + "shape holds a non-integer or negative");
                const uint64_t dim = d.get<uint64_t>();
                if (dim != 0 && numel > std::numeric_limits<uint64_t>::max() / 16 / dim)
                    fail(ErrorCode::Parse, path, where + "shape overflows");
                numel *= dim;
                e.shape.push_back(static_cast<int64_t>(dim));
            }
            const auto off = v.find("data_offsets");
            if (off == v.end() || !off->is_array() || off->size() != 2 ||
                !(*off)[0].is_number_unsigned() || !(*off)[1].is_number_unsigned())
                fail(ErrorCode::Parse, path, where + "data_offsets is not [begin, end]");
            e.begin = (*off)[0].get<uint64_t>();
            e.end = (*off)[1].get<uint64_t>();
            if (e.begin > e.end || e.end > dataSize)
                fail(ErrorCode::Parse, path,
                     where + "data_offsets [" + std::to_string(e.begin) + ", " +
                         std::to_string(e.end) + "] lie outside the data section of " +
                         std::to_string(dataSize) + " bytes");
            const uint64_t expected = numel * dtypeSize(e.dtype);
            if (expected != e.byteSize())
                fail(ErrorCode::InvalidArgument, path,
                     where + "shape x dtype " + dtypeName(e.dtype) + " = " +
                         std::to_string(expected) + " bytes but data_offsets span " +
                         std::to_string(e.byteSize()) + " bytes");
            m_entries.push_back(std::move(e));
        }
        std::sort(m_entries.begin(), m_entries.end(), [](const auto& a, const auto& b) {
            return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
        });
        for (size_t i = 1; i < m_entries.size(); ++i) {
            const auto& a = m_entries[i - 1];
            const auto& b = m_entries[i];
            if (b.begin < a.end)
                fail(ErrorCode::Parse, path,
                     "tensors '" + a.name + "' and '" + b.name + "' overlap (bytes " +
                         std::to_string(b.begin) + "-" + std::to_string(a.end) + ")");
        }
        for (size_t i = 0; i < m_entries.size(); ++i) m_index[m_entries[i].name] = i;
    } catch (...) {
        ::munmap(const_cast<uint8_t*>(m_map), m_size);
        m_map = nullptr;
        throw;
    }
}

SafetensorsFile::~SafetensorsFile() {
    if (m_map) ::munmap(const_cast<uint8_t*>(m_map), m_size);
}

const TensorEntry* SafetensorsFile::find(const std::string& name) const {
    const auto it = m_index.find(name);
    return it == m_index.end() ? nullptr : &m_entries[it->second];
}

const uint8_t* SafetensorsFile::data(const TensorEntry& entry) const {
    return m_map + m_dataStart + entry.begin;
}

void writeSafetensors(const std::string& path, const std::vector<TensorView>& tensors,
                      const std::map<std::string, std::string>& metadata) {
    std::vector<const TensorView*> order;
    for (const auto& t : tensors) order.push_back(&t);
    std::sort(order.begin(), order.end(),
              [](const TensorView* a, const TensorView* b) { return a->name < b->name; });
    nlohmann::json header = nlohmann::json::object();
    if (!metadata.empty()) header["__metadata__"] = metadata;
    uint64_t offset = 0;
    for (size_t i = 0; i < order.size(); ++i) {
        const TensorView& t = *order[i];
        if (i > 0 && order[i - 1]->name == t.name)
            fail(ErrorCode::InvalidArgument, path, "duplicate tensor name '" + t.name + "'");
        if (t.name == "__metadata__")
            fail(ErrorCode::InvalidArgument, path, "'__metadata__' is not a tensor name");
        uint64_t numel = 1;
        for (int64_t d : t.shape) {
            if (d < 0)
                fail(ErrorCode::InvalidArgument, path,
                     "tensor '" + t.name + "': negative dimension");
            numel *= static_cast<uint64_t>(d);
        }
        if (numel * dtypeSize(t.dtype) != t.bytes)
            fail(ErrorCode::InvalidArgument, path,
                 "tensor '" + t.name + "': " + std::to_string(t.bytes) +
                     " bytes disagree with its shape and dtype " + dtypeName(t.dtype));
        header[t.name] = {{"dtype", dtypeName(t.dtype)},
                          {"shape", t.shape},
                          {"data_offsets", {offset, offset + t.bytes}}};
        offset += t.bytes;
    }
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' ');

    const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) fail(ErrorCode::Io, tmp, std::string("cannot create: ") + std::strerror(errno));
        uint8_t len[8];
        uint64_t n = text.size();
        for (int i = 0; i < 8; ++i) len[i] = static_cast<uint8_t>(n >> (8 * i));
        out.write(reinterpret_cast<const char*>(len), 8);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        for (const TensorView* t : order)
            if (t->bytes > 0)
                out.write(static_cast<const char*>(t->data),
                          static_cast<std::streamsize>(t->bytes));
        out.flush();
        if (!out) {
            out.close();
            std::remove(tmp.c_str());
            fail(ErrorCode::Io, tmp, "write failed (disk full?)");
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        std::remove(tmp.c_str());
        fail(ErrorCode::Io, path, "cannot rename the temporary file into place: " + why);
    }
}

}  // namespace ft::io
