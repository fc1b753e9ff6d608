#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ft::util {

// FIPS 180-4 SHA-256, fed in pieces, computed by OpenSSL's libcrypto (which uses the
// CPU's SHA instructions where present: ~1.7 GB/s against ~0.25 GB/s for portable
// code, so hashing never slows an import). Not thread-safe; one object per stream.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(const void* data, size_t size);
    void update(std::string_view s) { update(s.data(), s.size()); }
    // Finishes the hash; the object must not be updated afterwards.
    std::array<uint8_t, 32> digest();
    std::string hexDigest();  // 64 lowercase hex digits

    static std::string hex(std::string_view data);

private:
    struct Context;
    Context* m_ctx;
};

// Hex SHA-256 of a file, read in 1 MiB pieces. Throws ft::Error (Io) naming the file
// if it cannot be read, and (Cancelled) if `stop` becomes true meanwhile.
std::string sha256File(const std::string& path, const std::atomic<bool>* stop = nullptr);

}  // namespace ft::util
