#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ft::util {

// FIPS 180-4 SHA-256, fed in pieces. Not thread-safe; one object per stream.
class Sha256 {
public:
    Sha256();
    void update(const void* data, size_t size);
    void update(std::string_view s) { update(s.data(), s.size()); }
    // Finishes the hash; the object must not be updated afterwards.
    std::array<uint8_t, 32> digest();
    std::string hexDigest();  // 64 lowercase hex digits

    static std::string hex(std::string_view data);

private:
    void block(const uint8_t* p);

    uint32_t m_state[8];
    uint8_t m_buffer[64];
    size_t m_buffered = 0;
    uint64_t m_length = 0;  // bytes fed so far
};

// Hex SHA-256 of a file, read in 1 MiB pieces. Throws ft::Error (Io) naming the file
// if it cannot be read, and (Cancelled) if `stop` becomes true meanwhile.
std::string sha256File(const std::string& path, const std::atomic<bool>* stop = nullptr);

}  // namespace ft::util
