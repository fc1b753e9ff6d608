#include "util/sha256.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <openssl/evp.h>
#include <vector>

#include "error.h"

namespace ft::util {

struct Sha256::Context {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
};

Sha256::Sha256() : m_ctx(new Context) {
    if (!m_ctx->ctx || EVP_DigestInit_ex(m_ctx->ctx, EVP_sha256(), nullptr) != 1) {
        EVP_MD_CTX_free(m_ctx->ctx);
        delete m_ctx;
        throw Error(ErrorCode::Internal, "SHA-256: OpenSSL could not start a digest");
    }
}

Sha256::~Sha256() {
    EVP_MD_CTX_free(m_ctx->ctx);
    delete m_ctx;
}

void Sha256::update(const void* data, size_t size) {
    if (size && EVP_DigestUpdate(m_ctx->ctx, data, size) != 1) {
        throw Error(ErrorCode::Internal, "SHA-256: OpenSSL digest update failed");
    }
}

std::array<uint8_t, 32> Sha256::digest() {
    std::array<uint8_t, 32> out{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(m_ctx->ctx, out.data(), &length) != 1 || length != out.size()) {
        throw Error(ErrorCode::Internal, "SHA-256: OpenSSL digest failed");
    }
    return out;
}

std::string Sha256::hexDigest() {
    static const char* digits = "0123456789abcdef";
    std::string s;
    for (const uint8_t b : digest()) {
        s += digits[b >> 4];
        s += digits[b & 15];
    }
    return s;
}

std::string Sha256::hex(std::string_view data) {
    Sha256 h;
    h.update(data);
    return h.hexDigest();
}

std::string sha256File(const std::string& path, const std::atomic<bool>* stop) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!f) throw Error(ErrorCode::Io, path + ": cannot open: " + std::strerror(errno));
    std::vector<char> buf(1 << 20);
    Sha256 h;
    size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), f.get())) > 0) {
        if (stop && stop->load(std::memory_order_relaxed)) {
            throw Error(ErrorCode::Cancelled, path + ": hashing stopped");
        }
        h.update(buf.data(), n);
    }
    if (std::ferror(f.get())) throw Error(ErrorCode::Io, path + ": read error while hashing");
    return h.hexDigest();
}

}  // namespace ft::util
