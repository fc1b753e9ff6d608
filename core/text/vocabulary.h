#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ft::text {

// A token <-> id table. Ids need not be dense: idToToken of a gap returns nullptr.
// Lookups by string_view do not allocate. Immutable after build(); thread-safe reads.
class Vocabulary {
public:
    Vocabulary() = default;
    Vocabulary(const Vocabulary&) = delete;
    Vocabulary& operator=(const Vocabulary&) = delete;
    Vocabulary(Vocabulary&&) = default;
    Vocabulary& operator=(Vocabulary&&) = default;

    // Adds a token; returns false (and changes nothing) when the token is already there.
    bool add(std::string token, int32_t id);
    int32_t find(std::string_view token) const {
        const auto it = m_index.find(token);
        return it == m_index.end() ? -1 : it->second;
    }
    const std::string* token(int32_t id) const {
        return id >= 0 && static_cast<size_t>(id) < m_tokens.size() &&
                       m_present[static_cast<size_t>(id)]
                   ? &m_tokens[static_cast<size_t>(id)]
                   : nullptr;
    }
    size_t size() const { return m_index.size(); }
    // One past the largest id.
    size_t idLimit() const { return m_tokens.size(); }

private:
    void reindex();
    std::vector<std::string> m_tokens;
    std::vector<bool> m_present;
    std::unordered_map<std::string_view, int32_t> m_index;
};

}  // namespace ft::text
