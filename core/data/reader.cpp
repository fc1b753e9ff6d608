#include "data/reader.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "error.h"
#include "util/text.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace ft::data {

namespace {

constexpr size_t kBufferSize = size_t(1) << 20;  // one read() per MiB keeps syscalls rare
constexpr size_t kSampleSize = 64 * 1024;        // what detect() looks at
constexpr int64_t kCheckEvery = 4096;            // records between progress / cancel checks
constexpr size_t kMaxWarnings = 1000;

// Decoded UTF-8 bytes of a file (or of an in-memory sample), one piece at a time.
// m_pos / m_end are public because the CSV loop scans them directly.
class Source {
public:
    Source(const std::string& path, Encoding encoding) : m_path(path), m_encoding(encoding) {
        m_file = std::fopen(path.c_str(), "rb");
        if (!m_file) {
            const int err = errno;
            throw Error(err == ENOENT ? ErrorCode::NotFound : ErrorCode::Io,
                        path + ": cannot open: " + std::strerror(err));
        }
        std::error_code ec;
        m_size = static_cast<int64_t>(fs::file_size(path, ec));
        if (ec) m_size = 0;
        if (encoding == Encoding::Utf16LE || encoding == Encoding::Utf16BE) {
            m_utf16 = std::make_unique<util::Utf16Decoder>(encoding == Encoding::Utf16BE);
        }
        skipBom();
        m_pos = m_end = m_data.data();
    }
    // An in-memory sample that is already UTF-8.
    explicit Source(std::string text) : m_data(std::move(text)), m_encoding(Encoding::Utf8) {
        m_pos = m_data.data();
        m_end = m_pos + m_data.size();
        m_size = static_cast<int64_t>(m_data.size());
        m_rawRead = m_size;
    }
    ~Source() {
        if (m_file) std::fclose(m_file);
    }
    Source(const Source&) = delete;
    Source& operator=(const Source&) = delete;

    // Keeps the unread bytes [m_pos, m_end) and appends the next piece. False when
    // nothing more could be added (end of input).
    bool fill() {
        if (!m_file || m_eof) return false;
        const size_t keep = static_cast<size_t>(m_end - m_pos);
        if (keep && m_pos != m_data.data()) std::memmove(&m_data[0], m_pos, keep);
        m_data.resize(keep);
        size_t added = 0;
        while (added == 0 && !m_eof) {
            if (m_encoding == Encoding::Utf8 || m_encoding == Encoding::Utf8Bom) {
                m_data.resize(keep + kBufferSize);
                const size_t n = std::fread(&m_data[keep], 1, kBufferSize, m_file);
                m_data.resize(keep + n);
                m_rawRead += static_cast<int64_t>(n);
                added = n;
                if (n == 0) m_eof = true;
            } else {
                m_raw.resize(kBufferSize);
                const size_t n = std::fread(m_raw.data(), 1, kBufferSize, m_file);
                m_rawRead += static_cast<int64_t>(n);
                if (n == 0) {
                    m_eof = true;
                    if (m_utf16) m_utf16->finish(m_data);
                } else if (m_utf16) {
                    m_utf16->feed(m_raw.data(), n, m_data);
                } else {
                    util::appendWindows1252AsUtf8(m_data, std::string_view(m_raw.data(), n));
                }
                added = m_data.size() - keep;
            }
            if (std::ferror(m_file)) {
                throw Error(ErrorCode::Io, m_path + ": read error: " + std::strerror(errno));
            }
        }
        m_pos = m_data.data();
        m_end = m_pos + m_data.size();
        return added > 0;
    }

    // Makes at least n unread bytes available if the input has them.
    bool ensure(size_t n) {
        while (static_cast<size_t>(m_end - m_pos) < n) {
            if (!fill()) return false;
        }
        return true;
    }

    // Appends the next line (without its '\n' or "\r\n") to `line`; false at end of input.
    bool readLine(std::string& line) {
        line.clear();
        bool any = false;
        for (;;) {
            if (m_pos == m_end && !fill()) break;
            any = true;
            const auto* nl = static_cast<const char*>(
                std::memchr(m_pos, '\n', static_cast<size_t>(m_end - m_pos)));
            if (nl) {
                line.append(m_pos, nl);
                m_pos = nl + 1;
                break;
            }
            line.append(m_pos, m_end);
            m_pos = m_end;
        }
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return any;
    }

    int64_t rawRead() const { return m_rawRead; }
    int64_t size() const { return m_size; }
    // Bytes handed to the parser / file size. For UTF-8 the unread rest of the buffer
    // is still raw bytes, so a file smaller than the buffer still reports steps.
    double fraction() const {
        int64_t consumed = m_rawRead;
        if (m_encoding == Encoding::Utf8 || m_encoding == Encoding::Utf8Bom) {
            consumed -= static_cast<int64_t>(m_end - m_pos);
        }
        return m_size > 0 ? std::clamp(double(consumed) / double(m_size), 0.0, 1.0) : 1.0;
    }

    const char* m_pos = nullptr;
    const char* m_end = nullptr;

private:
    void skipBom() {
        unsigned char bom[3] = {0, 0, 0};
        const size_t n = std::fread(bom, 1, 3, m_file);
        size_t skip = 0;
        if (n >= 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF &&
            (m_encoding == Encoding::Utf8 || m_encoding == Encoding::Utf8Bom)) {
            skip = 3;
        } else if (n >= 2 &&
                   ((m_encoding == Encoding::Utf16LE && bom[0] == 0xFF && bom[1] == 0xFE) ||
                    (m_encoding == Encoding::Utf16BE && bom[0] == 0xFE && bom[1] == 0xFF))) {
            skip = 2;
        }
        std::fseek(m_file, static_cast<long>(skip), SEEK_SET);
        m_rawRead = static_cast<int64_t>(skip);
    }

    std::string m_path;
    std::FILE* m_file = nullptr;
    std::string m_data;
    std::vector<char> m_raw;
    Encoding m_encoding;
    std::unique_ptr<util::Utf16Decoder> m_utf16;
    int64_t m_size = 0;
    int64_t m_rawRead = 0;
    bool m_eof = false;
};

std::string describeSeparator(const std::string& sep) {
    if (sep == "\t") return "TAB";
    if (sep == " ") return "space";
    return "'" + sep + "'";
}

std::string describeDelimiter(char d) { return describeSeparator(std::string(1, d)); }

// Reports progress, honours cancel and collects warnings for one read.
class Reporter {
public:
    Reporter(const std::string& path, const Source& src, ReadStats& stats, const Progress& progress)
        : m_path(path), m_src(src), m_stats(stats), m_progress(progress) {}

    void tick() {
        if (++m_count % kCheckEvery != 0) return;
        if (m_progress.stopRequested()) {
            throw Error(ErrorCode::Cancelled, m_path + ": reading was cancelled");
        }
        m_progress.progress(m_src.fraction(), "reading " + fs::path(m_path).filename().string());
    }

    void warn(int64_t line, std::string message) {
        if (m_stats.warnings.size() < kMaxWarnings) {
            m_stats.warnings.push_back({line, std::move(message)});
        } else {
            ++m_suppressed;
        }
    }

    void finish() {
        if (m_suppressed) {
            m_stats.warnings.push_back(
                {0, "and " + std::to_string(m_suppressed) + " more warnings not listed"});
        }
    }

private:
    const std::string& m_path;
    const Source& m_src;
    ReadStats& m_stats;
    const Progress& m_progress;
    int64_t m_count = 0;
    int64_t m_suppressed = 0;
};

char hexByte(unsigned char c, int half) { return "0123456789ABCDEF"[half ? c & 15 : c >> 4]; }

std::string byteText(unsigned char c) { return std::string("0x") + hexByte(c, 0) + hexByte(c, 1); }

// A row that is not valid UTF-8 was most likely written by a Windows program:
// decode the whole row as Windows-1252, which never fails, and say so.
void repairRow(std::vector<std::string>& fields, size_t count, int64_t line, Reporter& rep) {
    for (size_t i = 0; i < count; ++i) {
        const size_t bad = util::findInvalidUtf8(fields[i]);
        if (bad == std::string_view::npos) continue;
        rep.warn(line, "line " + std::to_string(line) + ": column " + std::to_string(i + 1) +
                           ": byte " + byteText(static_cast<unsigned char>(fields[i][bad])) +
                           " is not valid UTF-8; the row was read as Windows-1252");
        for (size_t k = 0; k < count; ++k) {
            std::string fixed = util::windows1252ToUtf8(fields[k]);
            fields[k].swap(fixed);
        }
        return;
    }
}

[[noreturn]] void throwNul(const std::string& path, int64_t line) {
    throw Error(ErrorCode::Encoding,
                at(path, line,
                   "NUL byte: this is a binary file, not text (or a text encoding "
                   "that is not supported)"));
}

// RFC 4180 records. With quotes off (TSV) a '"' is an ordinary character.
class CsvParser {
public:
    CsvParser(Source& src, const std::string& path, char delimiter, bool quotes)
        : m_src(src), m_path(path), m_quotes(quotes) {
        m_special[static_cast<unsigned char>(delimiter)] = true;
        m_special[static_cast<unsigned char>('\n')] = true;
        m_special[static_cast<unsigned char>('\r')] = true;
        m_special[0] = true;
        m_quoted['"'] = true;
        m_quoted[static_cast<unsigned char>('\n')] = true;
        m_quoted[0] = true;
        m_delimiter = delimiter;
    }

    // Reads the next record into rec.fields (the strings are reused, so a steady
    // stream of rows allocates nothing). Returns false at the end of the input.
    bool next(Record& rec) {
        Source& s = m_src;
        // Empty lines between records are skipped.
        for (;;) {
            if (s.m_pos == s.m_end && !s.fill()) return false;
            const char c = *s.m_pos;
            if (c == '\n') {
                ++s.m_pos;
                ++m_line;
            } else if (c == '\r') {
                ++s.m_pos;
                if ((s.m_pos < s.m_end || s.fill()) && *s.m_pos == '\n') ++s.m_pos;
                ++m_line;
            } else {
                break;
            }
        }
        rec.line = m_line;
        size_t nf = 0;
        for (;;) {
            if (nf == rec.fields.size()) rec.fields.emplace_back();
            std::string& f = rec.fields[nf++];
            f.clear();
            if (!field(f, nf)) break;
        }
        if (rec.fields.size() > nf) rec.fields.resize(nf);
        return true;
    }

    int64_t line() const { return m_line; }

private:
    // Reads one field; true if another field of the same record follows.
    bool field(std::string& f, size_t column) {
        Source& s = m_src;
        if (s.m_pos == s.m_end && !s.fill()) return false;
        if (m_quotes && *s.m_pos == '"') {
            const int64_t openLine = m_line;
            ++s.m_pos;
            for (;;) {
                const char* p = s.m_pos;
                while (p < s.m_end && !m_quoted[static_cast<unsigned char>(*p)]) ++p;
                f.append(s.m_pos, p);
                s.m_pos = p;
                if (p == s.m_end) {
                    if (!s.fill()) {
                        throw Error(ErrorCode::Parse,
                                    at(m_path, openLine,
                                       "column " + std::to_string(column) +
                                           ": unterminated quote (the quoted field opened here "
                                           "runs to the end of the file)"));
                    }
                    continue;
                }
                const char c = *p;
                ++s.m_pos;
                if (c == '\n') {
                    f += '\n';
                    ++m_line;
                    continue;
                }
                if (c == '\0') throwNul(m_path, m_line);
                if ((s.m_pos < s.m_end || s.fill()) && *s.m_pos == '"') {
                    f += '"';
                    ++s.m_pos;
                    continue;
                }
                // Closing quote. Text that follows it before the delimiter is kept
                // (as Python's csv module does) rather than failing the import.
                break;
            }
        }
        for (;;) {
            const char* p = s.m_pos;
            while (p < s.m_end && !m_special[static_cast<unsigned char>(*p)]) ++p;
            f.append(s.m_pos, p);
            s.m_pos = p;
            if (p == s.m_end) {
                if (!s.fill()) return false;
                continue;
            }
            const char c = *p;
            ++s.m_pos;
            if (c == m_delimiter) return true;
            if (c == '\n') {
                ++m_line;
                return false;
            }
            if (c == '\r') {
                if ((s.m_pos < s.m_end || s.fill()) && *s.m_pos == '\n') ++s.m_pos;
                ++m_line;
                return false;
            }
            throwNul(m_path, m_line);
        }
    }

    Source& m_src;
    const std::string& m_path;
    bool m_quotes;
    char m_delimiter = ',';
    bool m_special[256] = {};
    bool m_quoted[256] = {};
    int64_t m_line = 1;
};

template <typename Json>
std::string jsonText(const Json& v) {
    switch (v.type()) {
        case Json::value_t::string:
            return v.template get<std::string>();
        case Json::value_t::null:
            return {};
        default:
            return v.dump();
    }
}

// Strips nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 5: "
// prefix: our own message names the place.
std::string jsonReason(const std::string& what) {
    const size_t col = what.find("column ");
    if (col != std::string::npos) {
        const size_t colon = what.find(": ", col);
        if (colon != std::string::npos) return what.substr(colon + 2);
    }
    const size_t bracket = what.find("] ");
    return bracket == std::string::npos ? what : what.substr(bracket + 2);
}

// The JSON parser's input: UTF-8 bytes with line / column tracking. A byte that
// does not start a valid UTF-8 sequence is passed on as its Windows-1252 character
// (with a warning naming the line), so one bad byte does not fail a large file.
class JsonBytes {
public:
    JsonBytes(Source& src, const std::string& path, Reporter& rep)
        : m_src(src), m_path(path), m_rep(rep) {}

    bool atEnd() {
        if (m_outPos < m_outLen) return false;
        return m_src.m_pos == m_src.m_end && !m_src.fill();
    }
    char peek() {
        if (m_outPos == m_outLen) produce();
        return m_out[m_outPos];
    }
    void advance() {
        if (m_outPos == m_outLen) produce();
        ++m_outPos;
    }
    int64_t line() const { return m_line; }
    int64_t column() const { return m_column; }

private:
    void produce() {
        m_outPos = m_outLen = 0;
        if (m_src.m_pos == m_src.m_end && !m_src.fill()) return;
        if (m_afterNewline) {
            ++m_line;
            m_column = 0;
            m_afterNewline = false;
        }
        ++m_column;
        const auto c = static_cast<unsigned char>(*m_src.m_pos);
        if (c < 0x80) {
            if (c == 0) throwNul(m_path, m_line);
            if (c == '\n') m_afterNewline = true;
            m_out[m_outLen++] = static_cast<char>(c);
            ++m_src.m_pos;
            return;
        }
        m_src.ensure(4);
        const size_t avail = std::min<size_t>(4, static_cast<size_t>(m_src.m_end - m_src.m_pos));
        const std::string_view head(m_src.m_pos, avail);
        const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        const size_t bad = util::findInvalidUtf8(head.substr(0, std::min(len, avail)));
        if (bad == std::string_view::npos && avail >= len) {
            std::memcpy(m_out, m_src.m_pos, len);
            m_outLen = static_cast<int>(len);
            m_src.m_pos += len;
            return;
        }
        if (m_warnedLine != m_line) {
            m_warnedLine = m_line;
            m_rep.warn(m_line, "line " + std::to_string(m_line) + ": byte " + byteText(c) +
                                   " is not valid UTF-8; read as Windows-1252");
        }
        std::string fixed = util::windows1252ToUtf8(std::string_view(m_src.m_pos, 1));
        std::memcpy(m_out, fixed.data(), fixed.size());
        m_outLen = static_cast<int>(fixed.size());
        ++m_src.m_pos;
    }

    Source& m_src;
    const std::string& m_path;
    Reporter& m_rep;
    char m_out[4] = {};
    int m_outPos = 0;
    int m_outLen = 0;
    int64_t m_line = 1;
    int64_t m_column = 0;
    int64_t m_warnedLine = 0;
    bool m_afterNewline = false;
};

// An input iterator over JsonBytes, the shape nlohmann's iterator adapter wants.
struct JsonIterator {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = char;

    JsonBytes* bytes = nullptr;

    char operator*() const { return bytes->peek(); }
    JsonIterator& operator++() {
        bytes->advance();
        return *this;
    }
    bool operator==(const JsonIterator& o) const {
        return (!bytes || bytes->atEnd()) == (!o.bytes || o.bytes->atEnd());
    }
    bool operator!=(const JsonIterator& o) const { return !(*this == o); }
};

// SAX events of "[{...}, {...}]" to records. Values nested inside a record (objects,
// arrays) become their JSON text.
class JsonHandler : public nlohmann::json_sax<json> {
public:
    using KeyIndex = std::function<int(const std::string&)>;
    using OnRecord = std::function<bool(Record&)>;

    JsonHandler(JsonBytes& in, const std::string& path, KeyIndex keyIndex, OnRecord onRecord)
        : m_in(in),
          m_path(path),
          m_keyIndex(std::move(keyIndex)),
          m_onRecord(std::move(onRecord)) {}

    bool null() override { return scalar(json(nullptr), "null"); }
    bool boolean(bool v) override { return scalar(json(v), "boolean"); }
    bool number_integer(number_integer_t v) override { return scalar(json(v), "number"); }
    bool number_unsigned(number_unsigned_t v) override { return scalar(json(v), "number"); }
    bool number_float(number_float_t v, const string_t& raw) override {
        // Keep the number as written ("1.50" stays "1.50").
        if (m_depth == 2 && m_stack.empty()) return setField(raw, false);
        return scalar(json(v), "number");
    }
    bool string(string_t& v) override {
        if (m_depth == 2 && m_stack.empty()) return setField(v, false);
        return scalar(json(v), "string");
    }
    bool binary(binary_t&) override { return fail("binary values are not supported"); }

    bool start_object(std::size_t) override {
        if (m_depth == 0) return fail("the file holds a JSON object, not an array of objects");
        if (m_depth == 1) {
            m_record.line = m_in.line();
            m_filled = 0;
            m_set.assign(m_columns, false);
            // The sink may have moved the previous record away.
            m_record.fields.resize(m_columns);
            for (size_t i = 0; i < m_columns; ++i) m_record.fields[i].clear();
        } else {
            openNested(json::object());
        }
        ++m_depth;
        return true;
    }
    bool key(string_t& k) override {
        if (m_depth == 2 && m_stack.empty()) {
            m_column = m_keyIndex(k);
            if (m_column >= 0 && static_cast<size_t>(m_column) >= m_columns) {
                m_columns = static_cast<size_t>(m_column) + 1;
                m_record.fields.resize(m_columns);
                m_set.resize(m_columns, false);
            }
        } else {
            m_nestedKey = k;
        }
        return true;
    }
    bool end_object() override {
        --m_depth;
        if (m_depth == 1) {
            ++m_index;
            m_record.missing.clear();
            if (m_filled < m_columns) {
                m_record.missing.assign(m_columns, false);
                for (size_t i = 0; i < m_columns; ++i) m_record.missing[i] = !m_set[i];
            }
            if (!m_onRecord(m_record)) {
                m_stopped = true;
                return false;
            }
            return true;
        }
        return closeNested();
    }
    bool start_array(std::size_t) override {
        if (m_depth == 1) return elementError("an array");
        if (m_depth >= 2) openNested(json::array());
        ++m_depth;
        return true;
    }
    bool end_array() override {
        --m_depth;
        if (m_depth >= 2) return closeNested();
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const json::exception& ex) override {
        m_error = at(m_path, m_in.line(),
                     "column " + std::to_string(m_in.column()) + ": " + jsonReason(ex.what()));
        return false;
    }

    void setColumns(size_t n) {
        m_columns = n;
        m_record.fields.resize(n);
    }
    bool stopped() const { return m_stopped; }
    const std::string& error() const { return m_error; }
    int64_t records() const { return m_index; }

private:
    bool fail(const std::string& message) {
        m_error = at(m_path, m_in.line(), message);
        return false;
    }
    bool elementError(const std::string& what) {
        return fail("element " + std::to_string(m_index + 1) + " of the array is " + what +
                    ", not an object (expected an array of objects)");
    }
    bool setField(const std::string& text, bool) {
        if (m_column >= 0) {
            m_record.fields[static_cast<size_t>(m_column)] = text;
            if (!m_set[static_cast<size_t>(m_column)]) ++m_filled;
            m_set[static_cast<size_t>(m_column)] = true;
        }
        return true;
    }
    bool scalar(json v, const char* type) {
        if (m_depth == 0) {
            return fail(std::string("the file holds a single JSON ") + type +
                        ", not an array of objects");
        }
        if (m_depth == 1) return elementError(std::string("a ") + type);
        if (m_stack.empty()) return setField(jsonText(v), false);
        addNested(std::move(v));
        return true;
    }
    void addNested(json v) {
        json* top = m_stack.back();
        if (top->is_object()) {
            (*top)[m_nestedKey] = std::move(v);
        } else {
            top->push_back(std::move(v));
        }
    }
    void openNested(json v) {
        if (m_stack.empty()) {
            m_nested = std::move(v);
            m_stack.push_back(&m_nested);
            return;
        }
        json* top = m_stack.back();
        if (top->is_object()) {
            json& slot = (*top)[m_nestedKey];
            slot = std::move(v);
            m_stack.push_back(&slot);
        } else {
            top->push_back(std::move(v));
            m_stack.push_back(&top->back());
        }
    }
    bool closeNested() {
        m_stack.pop_back();
        if (m_stack.empty()) return setField(m_nested.dump(), false);
        return true;
    }

    JsonBytes& m_in;
    const std::string& m_path;
    KeyIndex m_keyIndex;
    OnRecord m_onRecord;
    Record m_record;
    std::vector<bool> m_set;
    size_t m_columns = 0;
    size_t m_filled = 0;
    int m_column = -1;
    int m_depth = 0;
    int64_t m_index = 0;
    json m_nested;
    std::vector<json*> m_stack;
    std::string m_nestedKey;
    std::string m_error;
    bool m_stopped = false;
};

// Streams a JSON array of objects. Returns the number of objects seen.
void readJsonArray(Source& src, const std::string& path, Reporter& rep,
                   const JsonHandler::KeyIndex& keyIndex, size_t columns,
                   const JsonHandler::OnRecord& onRecord) {
    JsonBytes bytes(src, path, rep);
    JsonHandler handler(bytes, path, keyIndex, onRecord);
    handler.setColumns(columns);
    JsonIterator first{&bytes}, last{};
    const bool ok = json::sax_parse(first, last, &handler);
    if (!ok && !handler.stopped()) {
        throw Error(ErrorCode::Parse,
                    handler.error().empty() ? path + ": malformed JSON" : handler.error());
    }
}

bool isBlank(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

// Converts one JSON Lines line into a record whose fields follow `columns`.
void jsonLineToRecord(const std::string& path, int64_t lineNo, const std::string& line,
                      const std::function<int(const std::string&)>& keyIndex, Record& rec,
                      size_t& columns) {
    // ordered_json keeps the keys in file order, so columns appear as written.
    nlohmann::ordered_json v;
    try {
        v = nlohmann::ordered_json::parse(line);
    } catch (const json::parse_error& e) {
        throw Error(
            ErrorCode::Parse,
            at(path, lineNo, "column " + std::to_string(e.byte) + ": " + jsonReason(e.what())));
    }
    if (!v.is_object()) {
        throw Error(
            ErrorCode::Parse,
            at(path, lineNo, std::string("expected a JSON object, found ") + v.type_name()));
    }
    rec.line = lineNo;
    for (size_t i = 0; i < rec.fields.size(); ++i) rec.fields[i].clear();
    std::vector<bool> set(columns, false);
    size_t filled = 0;
    for (auto it = v.begin(); it != v.end(); ++it) {
        const int c = keyIndex(it.key());
        if (c < 0) continue;
        const auto col = static_cast<size_t>(c);
        if (col >= columns) {
            columns = col + 1;
            set.resize(columns, false);
        }
        if (rec.fields.size() < columns) rec.fields.resize(columns);
        rec.fields[col] = jsonText(it.value());
        if (!set[col]) ++filled;
        set[col] = true;
    }
    if (rec.fields.size() < columns) rec.fields.resize(columns);
    rec.missing.clear();
    if (filled < columns) {
        rec.missing.assign(columns, false);
        for (size_t i = 0; i < columns; ++i) rec.missing[i] = !set[i];
    }
}

// The shared streaming loop behind detect()'s preview and readRecords(). `limit`
// stops after that many records (0 = all).
ReadStats readImpl(const std::string& path, const FormatOptions& o,
                   const std::vector<std::string>& columns,
                   const std::function<bool(Record&&)>& sink, const Progress& progress,
                   int64_t limit) {
    if (o.format == Format::Auto || o.encoding == Encoding::Auto) {
        throw Error(ErrorCode::InvalidArgument,
                    path + ": the format options are not resolved (call detect() first)");
    }
    Source src(path, o.encoding);
    ReadStats stats;
    Reporter rep(path, src, stats, progress);
    Record rec;
    bool stop = false;
    auto emit = [&](Record& r) {
        ++stats.records;
        if (!sink(std::move(r))) stop = true;
        if (limit > 0 && stats.records >= limit) stop = true;
        rep.tick();
        return !stop;
    };

    switch (o.format) {
        case Format::Csv:
        case Format::Tsv: {
            const char delim = o.delimiter ? o.delimiter : (o.format == Format::Tsv ? '\t' : ',');
            CsvParser parser(src, path, delim, o.format == Format::Csv);
            size_t expected = columns.size();
            bool header = o.header.value_or(false);
            while (!stop && parser.next(rec)) {
                const size_t n = rec.fields.size();
                if (expected > 1 && n == 1 && isBlank(rec.fields[0])) continue;
                if (expected == 0) expected = n;
                if (n != expected) {
                    const std::string what = "row has " + std::to_string(n) + " fields, expected " +
                                             std::to_string(expected) +
                                             " (fields are separated by " +
                                             describeDelimiter(delim) + ")";
                    if (!o.skipRagged || header)
                        throw Error(ErrorCode::Parse, at(path, rec.line, what));
                    ++stats.skipped;
                    rep.warn(rec.line,
                             "line " + std::to_string(rec.line) + ": " + what + "; skipped");
                    rep.tick();
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                repairRow(rec.fields, n, rec.line, rep);
                rec.missing.clear();
                emit(rec);
            }
            break;
        }
        case Format::Lines: {
            const std::string sep = o.separator.empty() ? std::string("\t") : o.separator;
            std::string line;
            int64_t lineNo = 0;
            rec.fields.resize(2);
            while (!stop && src.readLine(line)) {
                ++lineNo;
                if (isBlank(line)) continue;
                if (std::memchr(line.data(), 0, line.size())) throwNul(path, lineNo);
                rec.fields.resize(2);
                const size_t at_ =
                    o.labelSide == LabelSide::First ? line.find(sep) : line.rfind(sep);
                if (at_ == std::string::npos) {
                    throw Error(
                        ErrorCode::Parse,
                        at(path, lineNo,
                           "no " + describeSeparator(sep) + " separator in the line (expected " +
                               (o.labelSide == LabelSide::First ? "label, separator, text"
                                                                : "text, separator, label") +
                               ")"));
                }
                std::string& label = rec.fields[0];
                std::string& text = rec.fields[1];
                if (o.labelSide == LabelSide::First) {
                    label.assign(line, 0, at_);
                    text.assign(line, at_ + sep.size(), std::string::npos);
                } else {
                    text.assign(line, 0, at_);
                    label.assign(line, at_ + sep.size(), std::string::npos);
                }
                rec.line = lineNo;
                rec.missing.clear();
                repairRow(rec.fields, 2, lineNo, rep);
                emit(rec);
            }
            break;
        }
        case Format::Jsonl: {
            std::unordered_map<std::string, int> index;
            for (size_t i = 0; i < columns.size(); ++i)
                index.emplace(columns[i], static_cast<int>(i));
            auto keyIndex = [&](const std::string& k) {
                const auto it = index.find(k);
                return it == index.end() ? -1 : it->second;
            };
            size_t ncols = columns.size();
            std::string line;
            int64_t lineNo = 0;
            while (!stop && src.readLine(line)) {
                ++lineNo;
                if (isBlank(line)) continue;
                if (std::memchr(line.data(), 0, line.size())) throwNul(path, lineNo);
                const size_t bad = util::findInvalidUtf8(line);
                if (bad != std::string::npos) {
                    rep.warn(lineNo, "line " + std::to_string(lineNo) + ": byte " +
                                         byteText(static_cast<unsigned char>(line[bad])) +
                                         " is not valid UTF-8; the row was read as Windows-1252");
                    line = util::windows1252ToUtf8(line);
                }
                rec.fields.resize(ncols);
                jsonLineToRecord(path, lineNo, line, keyIndex, rec, ncols);
                emit(rec);
            }
            break;
        }
        case Format::Json: {
            std::unordered_map<std::string, int> index;
            for (size_t i = 0; i < columns.size(); ++i)
                index.emplace(columns[i], static_cast<int>(i));
            readJsonArray(
                src, path, rep,
                [&](const std::string& k) {
                    const auto it = index.find(k);
                    return it == index.end() ? -1 : it->second;
                },
                columns.size(), [&](Record& r) { return emit(r); });
            break;
        }
        case Format::Auto:
            break;
    }
    rep.finish();
    stats.bytes = src.rawRead();
    progress.progress(1.0, "read " + fs::path(path).filename().string());
    return stats;
}

// Detection helpers --------------------------------------------------------

bool isNumeric(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (s.empty()) return false;
    size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    bool digits = false, dot = false;
    for (; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9') {
            digits = true;
        } else if (s[i] == '.' && !dot) {
            dot = true;
        } else if ((s[i] == 'e' || s[i] == 'E') && digits && i + 1 < s.size()) {
            return isNumeric(s.substr(i + 1)) &&
                   s.substr(i + 1).find('.') == std::string_view::npos;
        } else {
            return false;
        }
    }
    return digits;
}

std::vector<std::string> sampleLines(const std::string& sample, bool truncated) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < sample.size()) {
        size_t nl = sample.find('\n', start);
        if (nl == std::string::npos) {
            if (truncated) break;  // a partial last line says nothing reliable
            nl = sample.size();
        }
        std::string line = sample.substr(start, nl - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!isBlank(line)) lines.push_back(std::move(line));
        start = nl + 1;
    }
    return lines;
}

std::vector<std::vector<std::string>> sampleRecords(const std::string& sample, bool truncated,
                                                    char delim, bool quotes, size_t maxRecords) {
    std::vector<std::vector<std::string>> out;
    Source src{std::string(sample)};
    const std::string name = "sample";
    CsvParser parser(src, name, delim, quotes);
    Record rec;
    try {
        while (out.size() < maxRecords && parser.next(rec)) {
            if (rec.fields.size() == 1 && isBlank(rec.fields[0])) continue;
            out.push_back(rec.fields);
        }
    } catch (const Error&) {
        // An unterminated quote at the end of a truncated sample is just the cut.
    }
    // The last record of a cut sample may be incomplete.
    if (truncated && !out.empty() && out.size() < maxRecords) out.pop_back();
    return out;
}

struct DelimiterGuess {
    char delimiter = ',';
    size_t fields = 1;
    double consistency = 0;  // share of records with the most common field count
};

DelimiterGuess guessDelimiter(const std::string& sample, bool truncated,
                              const std::string& candidates, bool quotes) {
    DelimiterGuess best;
    bool have = false;
    for (const char d : candidates) {
        const auto recs = sampleRecords(sample, truncated, d, quotes, 200);
        if (recs.empty()) continue;
        std::map<size_t, size_t> counts;
        for (const auto& r : recs) ++counts[r.size()];
        const auto mode = std::max_element(counts.begin(), counts.end(),
                                           [](auto& a, auto& b) { return a.second < b.second; });
        DelimiterGuess g{d, mode->first, double(mode->second) / double(recs.size())};
        if (g.fields < 2) continue;
        // Prefer the candidate whose field count is most consistent; on a tie, the
        // earlier candidate (',' before TAB before ';' before '|').
        if (!have || g.consistency > best.consistency + 1e-9) {
            best = g;
            have = true;
        }
    }
    return best;
}

// A label column: short values without spaces drawn from a small set.
bool labelLike(const std::vector<std::string>& values, bool strict) {
    if (values.empty()) return false;
    std::set<std::string> distinct;
    bool allMarked = true;
    for (const auto& v : values) {
        if (v.empty() || v.size() > 40 || v.find(' ') != std::string::npos) return false;
        if (strict) {
            // After a space separator only label-shaped tokens count ("DESC:manner",
            // "__label__pos", "SPAM"), or any first word of prose would look like a label.
            const bool marked =
                v.find(':') != std::string::npos || v.find('_') != std::string::npos;
            const bool upper =
                std::none_of(v.begin(), v.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
                std::any_of(v.begin(), v.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
            if (!marked && !upper) return false;
            allMarked = allMarked && marked;
        }
        distinct.insert(v);
    }
    // Explicitly marked labels need only repeat somewhere; bare words must repeat a lot.
    if (strict && allMarked) return distinct.size() < values.size() || values.size() <= 2;
    return distinct.size() <= std::max<size_t>(2, values.size() / (strict ? 5 : 2));
}

struct LinesGuess {
    bool ok = false;
    LabelSide side = LabelSide::First;
    size_t distinct = 0;
};

LinesGuess guessLines(const std::vector<std::string>& lines, const std::string& sep) {
    LinesGuess g;
    if (lines.empty()) return g;
    std::vector<std::string> first, last;
    for (const auto& l : lines) {
        const size_t a = l.find(sep);
        if (a == std::string::npos) return g;
        first.push_back(l.substr(0, a));
        last.push_back(l.substr(l.rfind(sep) + sep.size()));
    }
    const bool strict = sep == " ";
    const bool f = labelLike(first, strict), b = labelLike(last, strict);
    if (!f && !b) return g;
    const size_t df = std::set<std::string>(first.begin(), first.end()).size();
    const size_t dl = std::set<std::string>(last.begin(), last.end()).size();
    g.ok = true;
    // A side with a single value ("?" ending every question) is punctuation, not a
    // label; otherwise the side with fewer distinct values wins, the first on a tie.
    bool labelFirst = f;
    if (f && b) labelFirst = (df >= 2) == (dl >= 2) ? df <= dl : df >= 2;
    g.side = labelFirst ? LabelSide::First : LabelSide::Last;
    g.distinct = g.side == LabelSide::First ? df : dl;
    return g;
}

bool identifierLike(const std::string& s) {
    if (s.empty() || s.size() > 40 || isNumeric(s)) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == ' ' ||
               c == '.';
    });
}

// Whether the first record is a header: all non-empty, non-numeric distinct strings
// that look unlike the values below them.
bool looksLikeHeader(const std::vector<std::vector<std::string>>& recs, std::string& why) {
    if (recs.empty()) return false;
    const auto& h = recs[0];
    std::set<std::string> seen;
    for (const auto& v : h) {
        if (isBlank(v)) {
            why = "the first row has an empty field";
            return false;
        }
        if (isNumeric(v)) {
            why = "the first row has a number ('" + v + "')";
            return false;
        }
        if (!seen.insert(v).second) {
            why = "the first row repeats '" + v + "'";
            return false;
        }
    }
    if (recs.size() == 1) {
        const bool ids = std::all_of(h.begin(), h.end(), identifierLike);
        why = ids ? "the only row holds short names" : "the only row looks like data";
        return ids;
    }
    int votes = 0;
    for (size_t c = 0; c < h.size(); ++c) {
        size_t numeric = 0, n = 0, sameAsHeader = 0;
        std::set<std::string> values;
        std::set<size_t> lengths;
        size_t totalLength = 0;
        size_t spaced = 0;
        for (size_t r = 1; r < recs.size(); ++r) {
            if (c >= recs[r].size()) continue;
            std::string v = recs[r][c];
            while (!v.empty() && v.back() == ' ') v.pop_back();
            while (!v.empty() && v.front() == ' ') v.erase(0, 1);
            if (v.empty()) continue;  // blanks say nothing about the column
            ++n;
            if (v.find(' ') != std::string::npos) ++spaced;
            if (isNumeric(v)) ++numeric;
            if (v == h[c]) ++sameAsHeader;
            values.insert(v);
            lengths.insert(v.size());
            totalLength += v.size();
        }
        if (n == 0) continue;
        if (sameAsHeader) {
            --votes;
            continue;
        }
        if (numeric * 2 > n) {
            ++votes;  // a name above numbers
        } else if (lengths.size() == 1 && *lengths.begin() != h[c].size()) {
            ++votes;  // fixed-width codes under a name of another width
        } else if (values.size() * 2 <= n) {
            ++votes;  // a few repeated categories, and the first row is not one of them
        } else if (totalLength / n > 2 * h[c].size() + 10) {
            ++votes;  // a short name above long text
        } else if (spaced * 4 >= n * 3 && h[c].find(' ') == std::string::npos) {
            ++votes;  // one word above phrases
        }
    }
    why = votes > 0 ? "the first row's names differ from the values below them"
                    : "the first row looks like the rows below it";
    return votes > 0;
}

std::vector<std::string> headerNames(const std::vector<std::string>& h) {
    std::vector<std::string> names;
    std::set<std::string> used;
    for (size_t i = 0; i < h.size(); ++i) {
        std::string n = h[i];
        while (!n.empty() && (n.back() == ' ' || n.back() == '\t')) n.pop_back();
        while (!n.empty() && (n.front() == ' ' || n.front() == '\t')) n.erase(0, 1);
        if (n.empty()) n = "column " + std::to_string(i + 1);
        std::string unique = n;
        for (int k = 2; !used.insert(unique).second; ++k)
            unique = n + " (" + std::to_string(k) + ")";
        names.push_back(unique);
    }
    return names;
}

std::vector<std::string> numberedColumns(size_t n) {
    std::vector<std::string> names;
    for (size_t i = 0; i < n; ++i) names.push_back("column " + std::to_string(i + 1));
    return names;
}

std::string lowerExtension(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

}  // namespace

const char* toString(Format f) {
    switch (f) {
        case Format::Auto:
            return "auto";
        case Format::Csv:
            return "csv";
        case Format::Tsv:
            return "tsv";
        case Format::Json:
            return "json";
        case Format::Jsonl:
            return "jsonl";
        case Format::Lines:
            return "lines";
    }
    return "auto";
}

const char* toString(Encoding e) {
    switch (e) {
        case Encoding::Auto:
            return "auto";
        case Encoding::Utf8:
            return "utf-8";
        case Encoding::Utf8Bom:
            return "utf-8-bom";
        case Encoding::Utf16LE:
            return "utf-16le";
        case Encoding::Utf16BE:
            return "utf-16be";
        case Encoding::Windows1252:
            return "windows-1252";
    }
    return "auto";
}

Format formatFromString(const std::string& s) {
    for (const Format f :
         {Format::Auto, Format::Csv, Format::Tsv, Format::Json, Format::Jsonl, Format::Lines}) {
        if (s == toString(f)) return f;
    }
    throw Error(ErrorCode::InvalidArgument,
                "unknown format '" + s + "' (expected csv, tsv, json, jsonl or lines)");
}

namespace {
Encoding encodingFromString(const std::string& s) {
    for (const Encoding e : {Encoding::Auto, Encoding::Utf8, Encoding::Utf8Bom, Encoding::Utf16LE,
                             Encoding::Utf16BE, Encoding::Windows1252}) {
        if (s == toString(e)) return e;
    }
    throw Error(ErrorCode::InvalidArgument, "unknown encoding '" + s + "'");
}
}  // namespace

std::string toJson(const FormatOptions& o) {
    json j;
    j["format"] = toString(o.format);
    j["encoding"] = toString(o.encoding);
    j["delimiter"] = o.delimiter ? std::string(1, o.delimiter) : std::string();
    j["header"] = o.header ? json(*o.header) : json(nullptr);
    j["separator"] = o.separator;
    j["labelSide"] = o.labelSide == LabelSide::First ? "first" : "last";
    j["labelPart"] = o.labelPart == LabelPart::Full ? "full" : "coarse";
    j["skipRagged"] = o.skipRagged;
    return j.dump();
}

FormatOptions formatOptionsFromJson(const std::string& text) {
    FormatOptions o;
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        throw Error(ErrorCode::Parse, std::string("format options: ") + jsonReason(e.what()));
    }
    if (!j.is_object()) throw Error(ErrorCode::Parse, "format options: expected a JSON object");
    try {
        if (j.contains("format")) o.format = formatFromString(j["format"].get<std::string>());
        if (j.contains("encoding"))
            o.encoding = encodingFromString(j["encoding"].get<std::string>());
        if (j.contains("delimiter")) {
            const auto d = j["delimiter"].get<std::string>();
            o.delimiter = d.empty() ? 0 : d[0];
        }
        if (j.contains("header") && !j["header"].is_null()) o.header = j["header"].get<bool>();
        if (j.contains("separator")) o.separator = j["separator"].get<std::string>();
        if (j.contains("labelSide")) {
            o.labelSide =
                j["labelSide"].get<std::string>() == "last" ? LabelSide::Last : LabelSide::First;
        }
        if (j.contains("labelPart")) {
            o.labelPart =
                j["labelPart"].get<std::string>() == "coarse" ? LabelPart::Coarse : LabelPart::Full;
        }
        if (j.contains("skipRagged")) o.skipRagged = j["skipRagged"].get<bool>();
    } catch (const json::type_error& e) {
        throw Error(ErrorCode::Parse, std::string("format options: ") + jsonReason(e.what()));
    }
    return o;
}

Detection detect(const std::string& path, const FormatOptions& hint, size_t previewRows) {
    Detection d;
    FormatOptions& o = d.options;
    o = hint;

    std::error_code ec;
    if (!fs::exists(path, ec)) throw Error(ErrorCode::NotFound, path + ": no such file");
    if (fs::is_directory(path, ec)) throw Error(ErrorCode::Io, path + ": is a folder, not a file");
    const auto size = fs::file_size(path, ec);
    if (ec) throw Error(ErrorCode::Io, path + ": cannot read: " + ec.message());
    if (size == 0) throw Error(ErrorCode::Parse, path + ": the file is empty");

    std::string raw;
    {
        std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"),
                                                          &std::fclose);
        if (!f) throw Error(ErrorCode::Io, path + ": cannot open: " + std::strerror(errno));
        raw.resize(kSampleSize);
        raw.resize(std::fread(&raw[0], 1, kSampleSize, f.get()));
    }
    const bool truncated = size > raw.size();
    const auto b = [&](size_t i) {
        return i < raw.size() ? static_cast<unsigned char>(raw[i]) : 0u;
    };

    // Encoding: a BOM decides; without one, UTF-16 shows as NUL in every other byte.
    if (o.encoding == Encoding::Auto) {
        if (b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) {
            o.encoding = Encoding::Utf8Bom;
            d.notes.push_back("encoding: UTF-8 (the file starts with a byte order mark)");
        } else if (b(0) == 0xFF && b(1) == 0xFE) {
            o.encoding = Encoding::Utf16LE;
            d.notes.push_back("encoding: UTF-16 little-endian (byte order mark FF FE)");
        } else if (b(0) == 0xFE && b(1) == 0xFF) {
            o.encoding = Encoding::Utf16BE;
            d.notes.push_back("encoding: UTF-16 big-endian (byte order mark FE FF)");
        } else {
            size_t evenNul = 0, oddNul = 0;
            for (size_t i = 0; i + 1 < raw.size(); i += 2) {
                evenNul += raw[i] == 0;
                oddNul += raw[i + 1] == 0;
            }
            const size_t pairs = raw.size() / 2;
            if (pairs >= 2 && oddNul * 10 >= pairs * 4 && evenNul * 10 < pairs) {
                o.encoding = Encoding::Utf16LE;
                d.notes.push_back(
                    "encoding: UTF-16 little-endian (no byte order mark, but every "
                    "other byte is zero)");
            } else if (pairs >= 2 && evenNul * 10 >= pairs * 4 && oddNul * 10 < pairs) {
                o.encoding = Encoding::Utf16BE;
                d.notes.push_back(
                    "encoding: UTF-16 big-endian (no byte order mark, but every "
                    "other byte is zero)");
            } else {
                o.encoding = Encoding::Utf8;
            }
        }
    }

    // The sample as UTF-8, cut at the last complete line if the file goes on.
    std::string sample;
    switch (o.encoding) {
        case Encoding::Utf16LE:
        case Encoding::Utf16BE: {
            const bool be = o.encoding == Encoding::Utf16BE;
            const size_t skip =
                (be ? (b(0) == 0xFE && b(1) == 0xFF) : (b(0) == 0xFF && b(1) == 0xFE)) ? 2 : 0;
            util::Utf16Decoder dec(be);
            dec.feed(raw.data() + skip, (raw.size() - skip) & ~size_t(1), sample);
            break;
        }
        case Encoding::Windows1252:
            sample = util::windows1252ToUtf8(raw);
            break;
        default:
            sample = (b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) ? raw.substr(3) : raw;
            break;
    }
    if (truncated) {
        const size_t nl = sample.rfind('\n');
        if (nl != std::string::npos) sample.resize(nl + 1);
    }
    const size_t nul = sample.find('\0');
    if (nul != std::string::npos) {
        const auto line =
            1 + std::count(sample.begin(), sample.begin() + static_cast<long>(nul), '\n');
        throw Error(ErrorCode::Encoding,
                    at(path, line,
                       "NUL byte: this is a binary file, not text (or a text encoding "
                       "that is not supported)"));
    }
    if (!truncated && std::all_of(sample.begin(), sample.end(), [](char c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        })) {
        throw Error(ErrorCode::Parse, path + ": the file is empty (no text, only white space)");
    }
    if (o.encoding == Encoding::Utf8 || o.encoding == Encoding::Utf8Bom) {
        size_t badLines = 0;
        for (const auto& l : sampleLines(sample, truncated)) badLines += !util::isValidUtf8(l);
        if (o.encoding == Encoding::Utf8 && badLines == 0) {
            d.notes.push_back("encoding: UTF-8 (the start of the file is valid UTF-8)");
        } else if (badLines) {
            d.notes.push_back("encoding: UTF-8; " + std::to_string(badLines) +
                              " line(s) near the start are not valid UTF-8 and will be read as "
                              "Windows-1252, each with a warning");
        }
    }

    const auto lines = sampleLines(sample, truncated);
    const std::string ext = lowerExtension(path);
    const size_t firstText = sample.find_first_not_of(" \t\r\n");
    const char firstChar = firstText == std::string::npos ? 0 : sample[firstText];

    if (o.format == Format::Auto) {
        if (ext == ".csv") {
            o.format = Format::Csv;
            d.notes.push_back("format: CSV (file extension .csv)");
        } else if (ext == ".tsv" || ext == ".tab") {
            o.format = Format::Tsv;
            d.notes.push_back("format: TSV (file extension " + ext + ")");
        } else if (ext == ".jsonl" || ext == ".ndjson") {
            o.format = Format::Jsonl;
            d.notes.push_back("format: JSON Lines (file extension " + ext + ")");
        } else if (ext == ".json") {
            o.format = firstChar == '{' ? Format::Jsonl : Format::Json;
            d.notes.push_back(firstChar == '{'
                                  ? "format: JSON Lines (a .json file that starts with an object)"
                                  : "format: JSON (file extension .json)");
        } else if (firstChar == '[') {
            o.format = Format::Json;
            d.notes.push_back("format: JSON (the text starts with '[')");
        } else if (firstChar == '{') {
            o.format = Format::Jsonl;
            d.notes.push_back("format: JSON Lines (the text starts with '{')");
        } else {
            // Plain text: label-separator-text lines, or delimited columns.
            bool decided = false;
            const bool allTabs =
                !lines.empty() && std::all_of(lines.begin(), lines.end(), [](auto& l) {
                    return l.find('\t') != std::string::npos;
                });
            if (allTabs) {
                const bool twoFields = std::all_of(lines.begin(), lines.end(), [](auto& l) {
                    return std::count(l.begin(), l.end(), '\t') == 1;
                });
                const LinesGuess g = guessLines(lines, "\t");
                if (g.ok && twoFields) {
                    o.format = Format::Lines;
                    o.separator = "\t";
                    o.labelSide = g.side;
                    d.notes.push_back(
                        "format: label and text lines split at the TAB (every line has exactly one "
                        "TAB and the " +
                        std::string(g.side == LabelSide::First ? "first" : "last") +
                        " part takes only " + std::to_string(g.distinct) +
                        " values; quotes are not special, so '\"' inside text is kept)");
                    decided = true;
                } else {
                    o.format = Format::Tsv;
                    d.notes.push_back("format: TSV (every line has TAB-separated fields)");
                    decided = true;
                }
            }
            if (!decided) {
                const DelimiterGuess dg = guessDelimiter(sample, truncated, ",;|", true);
                const LinesGuess lg =
                    dg.fields >= 2 ? guessLines(lines, std::string(1, dg.delimiter)) : LinesGuess{};
                std::string why;
                const auto recs = sampleRecords(sample, truncated, dg.delimiter, true, 50);
                const bool header = dg.fields >= 2 && looksLikeHeader(recs, why);
                if (dg.fields >= 2 && dg.consistency >= 0.999 &&
                    (dg.fields >= 3 || header || !lg.ok)) {
                    o.format = Format::Csv;
                    o.delimiter = dg.delimiter;
                    d.notes.push_back("format: CSV (every line has " + std::to_string(dg.fields) +
                                      " fields separated by " + describeDelimiter(dg.delimiter) +
                                      ")");
                    decided = true;
                }
            }
            if (!decided) {
                for (const char* sep : {";", "|", ",", " "}) {
                    const LinesGuess g = guessLines(lines, sep);
                    if (!g.ok) continue;
                    o.format = Format::Lines;
                    o.separator = sep;
                    o.labelSide = g.side;
                    d.notes.push_back("format: label and text lines split at the " +
                                      std::string(g.side == LabelSide::First ? "first " : "last ") +
                                      describeSeparator(sep) + " (the " +
                                      (g.side == LabelSide::First ? "first" : "last") +
                                      " part of every line takes only " +
                                      std::to_string(g.distinct) + " values)");
                    decided = true;
                    break;
                }
            }
            if (!decided) {
                o.format = Format::Tsv;
                d.notes.push_back("format: one text per line (no delimiter or label found)");
            }
        }
    }

    if (o.format == Format::Lines) {
        if (o.separator.empty()) {
            for (const char* sep : {"\t", ";", "|", ",", " "}) {
                if (guessLines(lines, sep).ok ||
                    (!lines.empty() && std::all_of(lines.begin(), lines.end(), [&](auto& l) {
                        return l.find(sep) != std::string::npos;
                    }))) {
                    o.separator = sep;
                    break;
                }
            }
            if (o.separator.empty()) o.separator = "\t";
            d.notes.push_back("separator: " + describeSeparator(o.separator));
        }
        o.header = false;
        o.delimiter = 0;
        d.columns = {"label", "text"};
    } else if (o.format == Format::Csv || o.format == Format::Tsv) {
        const bool quotes = o.format == Format::Csv;
        if (!o.delimiter) {
            if (o.format == Format::Tsv) {
                o.delimiter = '\t';
            } else {
                const DelimiterGuess dg = guessDelimiter(sample, truncated, ",\t;|", true);
                o.delimiter = dg.delimiter;
                d.notes.push_back("delimiter: " + describeDelimiter(dg.delimiter) +
                                  (dg.fields >= 2
                                       ? " (" + std::to_string(dg.fields) + " fields in " +
                                             std::to_string(int(dg.consistency * 100)) +
                                             "% of the first rows)"
                                       : " (one column: no delimiter splits the rows)"));
            }
        }
        auto recs = sampleRecords(sample, truncated, o.delimiter, quotes, 50);
        if (recs.size() < 2 && truncated) {
            // Rows longer than the sample (one huge field): read the first rows
            // themselves; memory stays bounded by the largest row.
            FormatOptions first = o;
            first.header = false;
            first.skipRagged = true;
            recs.clear();
            readImpl(
                path, first, {},
                [&](Record&& r) {
                    recs.push_back(r.fields);
                    return recs.size() < 5;
                },
                {}, 5);
        }
        if (recs.empty()) throw Error(ErrorCode::Parse, path + ": no rows found");
        if (!o.header) {
            std::string why;
            o.header = looksLikeHeader(recs, why);
            d.notes.push_back(std::string("header: ") + (*o.header ? "yes (" : "no (") + why + ")");
        }
        if (*o.header) {
            d.columns = headerNames(recs[0]);
            if (recs.size() == 1 && !truncated) {
                throw Error(ErrorCode::Parse,
                            path + ": the file has a header row but no data rows");
            }
        } else {
            d.columns = numberedColumns(recs[0].size());
        }
    } else {
        // JSON / JSON Lines: columns are the keys in order of first appearance.
        Source src(path, o.encoding);
        ReadStats stats;
        Progress none;
        Reporter rep(path, src, stats, none);
        std::unordered_map<std::string, int> index;
        auto keyIndex = [&](const std::string& k) {
            const auto it = index.find(k);
            if (it != index.end()) return it->second;
            const int i = static_cast<int>(d.columns.size());
            index.emplace(k, i);
            d.columns.push_back(k);
            return i;
        };
        const size_t want = std::max<size_t>(previewRows, 1);
        if (o.format == Format::Json) {
            size_t n = 0;
            readJsonArray(src, path, rep, keyIndex, 0, [&](Record&) { return ++n < want; });
            if (n == 0) throw Error(ErrorCode::Parse, path + ": the JSON array holds no objects");
        } else {
            std::string line;
            int64_t lineNo = 0;
            size_t n = 0, ncols = 0;
            Record rec;
            while (n < want && src.readLine(line)) {
                ++lineNo;
                if (isBlank(line)) continue;
                if (!util::isValidUtf8(line)) line = util::windows1252ToUtf8(line);
                jsonLineToRecord(path, lineNo, line, keyIndex, rec, ncols);
                ++n;
            }
            if (n == 0) throw Error(ErrorCode::Parse, path + ": no JSON objects found");
        }
        d.notes.push_back("columns: the keys of the first " + std::to_string(want) +
                          " objects, in order of first appearance");
    }

    // The preview goes through the same reader as the import, so what the wizard
    // shows is what will be imported. Ragged rows are skipped here, not fatal: the
    // wizard still has to show the file so the user can choose what to do.
    FormatOptions previewOptions = o;
    previewOptions.skipRagged = true;
    if (previewRows > 0) {
        readImpl(
            path, previewOptions, d.columns,
            [&](Record&& r) {
                d.preview.push_back(r);
                return d.preview.size() < previewRows;
            },
            {}, static_cast<int64_t>(previewRows));
    }
    if (o.format == Format::Csv || o.format == Format::Tsv) {
        if (*o.header && d.preview.empty() && previewRows > 0) {
            throw Error(ErrorCode::Parse, path + ": the file has a header row but no data rows");
        }
    }
    return d;
}

ReadStats readRecords(const std::string& path, const FormatOptions& options,
                      const std::vector<std::string>& columns,
                      const std::function<bool(Record&&)>& sink, const Progress& progress) {
    return readImpl(path, options, columns, sink, progress, 0);
}

}  // namespace ft::data
