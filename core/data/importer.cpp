#include "data/importer.h"

#include <atomic>
#include <filesystem>
#include <future>
#include <optional>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "error.h"
#include "store/project.h"
#include "store/sqlite.h"
#include "util/sha256.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace ft::data {

namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::string columnList(const std::vector<std::string>& columns) {
    std::string s;
    for (size_t i = 0; i < columns.size(); ++i) {
        if (i) s += ", ";
        s += "'" + columns[i] + "'";
    }
    return s;
}

// Import-time connection settings, restored afterwards. synchronous=NORMAL is safe
// in WAL mode (a power cut can lose the last commit, never corrupt the database);
// a 64 MiB page cache keeps the hot row and index pages of a large import in memory
// instead of spilling them to the WAL mid-transaction. Must be set outside a
// transaction, so this guard outlives the import's Transaction.
class ImportPragmas {
public:
    explicit ImportPragmas(sqlite3* db) : m_db(db) {
        store::Statement mode(db, "PRAGMA journal_mode");
        m_wal = mode.step() && mode.text(0) == "wal";
        store::Statement sync(db, "PRAGMA synchronous");
        m_synchronous = sync.step() ? sync.int64(0) : 2;
        store::Statement cache(db, "PRAGMA cache_size");
        m_cacheSize = cache.step() ? cache.int64(0) : -2000;
        if (m_wal) {
            store::exec(db, "PRAGMA synchronous=NORMAL");
            store::exec(db, "PRAGMA wal_autocheckpoint=0");
        }
        store::exec(db, "PRAGMA cache_size=-65536");
    }
    ~ImportPragmas() {
        try {
            if (m_wal) {
                // One checkpoint of the whole import instead of one every 1000 pages,
                // each of which rewrote the same hot B-tree pages.
                store::exec(m_db, "PRAGMA wal_checkpoint(TRUNCATE)");
                store::exec(m_db, "PRAGMA wal_autocheckpoint=1000");
                store::exec(m_db, "PRAGMA synchronous=" + std::to_string(m_synchronous));
            }
            store::exec(m_db, "PRAGMA cache_size=" + std::to_string(m_cacheSize));
        } catch (const Error&) {
            // Only settings of this connection; the data is already committed or rolled back.
        }
    }
    ImportPragmas(const ImportPragmas&) = delete;
    ImportPragmas& operator=(const ImportPragmas&) = delete;

private:
    sqlite3* m_db;
    bool m_wal = false;
    int64_t m_synchronous = 2;
    int64_t m_cacheSize = -2000;
};

// Hashes the file on a second thread while the main thread imports it, so a large
// file is read from disk once and the hash costs no wall time. Stops the hash early
// when the import fails.
class BackgroundHash {
public:
    explicit BackgroundHash(const std::string& path)
        : m_future(std::async(std::launch::async,
                              [path, this] { return util::sha256File(path, &m_stop); })) {}
    ~BackgroundHash() {
        m_stop = true;
        if (m_future.valid()) m_future.wait();
    }
    BackgroundHash(const BackgroundHash&) = delete;
    BackgroundHash& operator=(const BackgroundHash&) = delete;
    std::string get() { return m_future.get(); }

private:
    std::atomic<bool> m_stop{false};
    std::future<std::string> m_future;
};

}  // namespace

std::string toJson(const ColumnMapping& m) {
    json j;
    j["text"] = m.text;
    j["textPair"] = m.textPair;
    j["label"] = m.label;
    j["labelRenames"] = json::object();
    for (const auto& [from, to] : m.labelRenames) j["labelRenames"][from] = to;
    return j.dump();
}

ColumnMapping columnMappingFromJson(const std::string& text) {
    ColumnMapping m;
    try {
        const json j = json::parse(text);
        if (!j.is_object()) throw Error(ErrorCode::Parse, "column mapping: expected a JSON object");
        m.text = j.value("text", std::string());
        m.textPair = j.value("textPair", std::string());
        m.label = j.value("label", std::string());
        if (j.contains("labelRenames")) {
            for (const auto& [from, to] : j["labelRenames"].items()) {
                m.labelRenames[from] = to.get<std::string>();
            }
        }
    } catch (const json::exception& e) {
        throw Error(ErrorCode::Parse, std::string("column mapping: ") + e.what());
    }
    return m;
}

ImportResult importFile(store::Project& project, const ImportRequest& request,
                        const Progress& progress) {
    if (request.path.empty()) throw Error(ErrorCode::InvalidArgument, "no file to import");
    const std::string path = fs::absolute(request.path).lexically_normal().string();
    const ColumnMapping& mapping = request.mapping;

    // Resolve the format and check the mapping before anything is written.
    const Detection det = detect(path, request.format, 0);
    const auto& columns = det.columns;
    auto indexOf = [&](const std::string& name, const char* role) {
        for (size_t i = 0; i < columns.size(); ++i) {
            if (columns[i] == name) return static_cast<int>(i);
        }
        throw Error(ErrorCode::Mapping, path + ": the " + std::string(role) + " column '" + name +
                                            "' does not exist; the file has " +
                                            columnList(columns));
    };
    if (mapping.text.empty()) {
        throw Error(ErrorCode::Mapping,
                    path + ": no text column chosen; the file has " + columnList(columns));
    }
    const int textIdx = indexOf(mapping.text, "text");
    const int pairIdx = mapping.textPair.empty() ? -1 : indexOf(mapping.textPair, "text pair");
    const int labelIdx = mapping.label.empty() ? -1 : indexOf(mapping.label, "label");
    if (labelIdx == textIdx || (pairIdx >= 0 && (pairIdx == textIdx || pairIdx == labelIdx))) {
        throw Error(ErrorCode::Mapping,
                    path + ": the text, text pair and label columns must be different columns");
    }

    std::error_code ec;
    const auto size = static_cast<int64_t>(fs::file_size(path, ec));
    if (ec) throw Error(ErrorCode::Io, path + ": cannot read: " + ec.message());

    sqlite3* db = project.handle();
    BackgroundHash hash(path);
    ImportPragmas pragmas(db);
    store::Transaction tx(db);

    ImportResult result;
    if (request.datasetName.empty()) {
        result.datasetId = project.datasets().empty()
                               ? project.createDataset(fs::path(path).stem().string())
                               : project.defaultDataset().id;
    } else {
        const auto existing = project.datasetByName(request.datasetName);
        result.datasetId = existing ? existing->id : project.createDataset(request.datasetName);
    }

    store::SourceInfo info;
    info.datasetId = result.datasetId;
    info.path = path;
    info.size = size;
    info.formatJson = toJson(det.options);
    info.mappingJson = toJson(mapping);
    result.sourceId = project.addSource(info);

    // Past a few hundred thousand rows, rebuilding the row indexes once beats
    // updating them per row (measured: bench/import.cpp).
    constexpr int64_t kBulkBytes = 32 << 20;
    std::optional<store::RowIndexSuspension> indexes;
    if (size >= kBulkBytes) indexes.emplace(db);
    store::RowInserter inserter(db, result.datasetId, result.sourceId);
    // Reused across rows so the hot loop does not allocate for each value.
    std::optional<std::string> pair, label, rawLabel;
    std::string value;
    int64_t nonEmptyText = 0, nonEmptyPair = 0, labelled = 0;
    std::unordered_map<std::string, size_t> countIndex;
    static const std::string kEmpty;
    auto field = [](const Record& r, int i) -> const std::string& {
        return i >= 0 && static_cast<size_t>(i) < r.fields.size() ? r.fields[static_cast<size_t>(i)]
                                                                  : kEmpty;
    };

    const ReadStats stats = readRecords(
        path, det.options, columns,
        [&](Record&& r) {
            const std::string& text = field(r, textIdx);
            if (!trimmed(text).empty()) ++nonEmptyText;
            if (pairIdx >= 0) {
                if (!pair) pair.emplace();
                pair->assign(field(r, pairIdx));
                if (!trimmed(*pair).empty()) ++nonEmptyPair;
            }
            label.reset();
            rawLabel.reset();
            if (labelIdx >= 0) {
                const std::string& raw = field(r, labelIdx);
                std::string_view v = trimmed(raw);
                if (!v.empty()) {
                    rawLabel.emplace(raw);
                    if (det.options.labelPart == LabelPart::Coarse) {
                        v = v.substr(0, v.find(':'));
                    }
                    value.assign(v);
                    if (!mapping.labelRenames.empty()) {
                        const auto it = mapping.labelRenames.find(value);
                        if (it != mapping.labelRenames.end()) value = it->second;
                    }
                    if (!value.empty()) {
                        label.emplace(value);
                        ++labelled;
                        const auto [it, added] =
                            countIndex.try_emplace(value, result.labelCounts.size());
                        if (added) result.labelCounts.emplace_back(value, 0);
                        ++result.labelCounts[it->second].second;
                    }
                }
            }
            inserter.insert(result.rows++, r.line, text, pair, label, rawLabel);
            return true;
        },
        progress);

    if (result.rows == 0) {
        throw Error(ErrorCode::Parse,
                    path + ": no data rows to import" +
                        (stats.skipped ? " (every row was skipped as ragged)" : ""));
    }
    if (nonEmptyText == 0) {
        throw Error(ErrorCode::Mapping,
                    path + ": the text column '" + mapping.text + "' is empty in every row");
    }
    if (pairIdx >= 0 && nonEmptyPair == 0) {
        throw Error(ErrorCode::Mapping, path + ": the text pair column '" + mapping.textPair +
                                            "' is empty in every row");
    }
    if (labelIdx >= 0 && labelled == 0) {
        throw Error(ErrorCode::Mapping, path + ": the label column '" + mapping.label +
                                            "' is empty in every row (import without a label "
                                            "column to label the rows later)");
    }

    result.unlabelled = result.rows - labelled;
    result.skipped = stats.skipped;
    result.warnings = stats.warnings;
    json warnings = json::array();
    for (const auto& w : stats.warnings)
        warnings.push_back({{"line", w.line}, {"message", w.message}});
    project.updateSourceCounts(result.sourceId, result.rows, result.skipped, warnings.dump());
    if (pairIdx >= 0) project.setHasPair(result.datasetId, true);

    // addSource() ran before the hash was ready (the rows need the source id).
    store::Statement sha(db, "UPDATE sources SET sha256 = ? WHERE id = ?");
    sha.bind(1, hash.get()).bind(2, result.sourceId).exec();

    if (indexes) {
        progress.progress(1.0, "indexing");
        indexes->rebuild();
    }
    if (progress.stopRequested()) throw Error(ErrorCode::Cancelled, path + ": import cancelled");
    tx.commit();
    progress.progress(1.0, "imported " + fs::path(path).filename().string());
    return result;
}

}  // namespace ft::data
