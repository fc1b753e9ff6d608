#include "vocabulary.h"

namespace ft::text {

bool Vocabulary::add(std::string token, int32_t id) {
    if (id < 0 || m_index.count(token)) return false;
    const auto slot = static_cast<size_t>(id);
    if (slot >= m_tokens.size()) {
        // The index holds views into m_tokens: growing the vector moves the strings
        // (small ones change address), so rebuild the views after a reallocation.
        const bool realloc = slot + 1 > m_tokens.capacity();
        m_tokens.resize(slot + 1);
        m_present.resize(slot + 1, false);
        if (realloc) reindex();
    }
    if (m_present[slot]) m_index.erase(m_tokens[slot]);
    m_tokens[slot] = std::move(token);
    m_present[slot] = true;
    m_index.emplace(std::string_view(m_tokens[slot]), id);
    return true;
}

void Vocabulary::reindex() {
    m_index.clear();
    m_index.reserve(m_tokens.size());
    for (size_t i = 0; i < m_tokens.size(); ++i)
        if (m_present[i]) m_index.emplace(std::string_view(m_tokens[i]), static_cast<int32_t>(i));
}

}  // namespace ft::text
