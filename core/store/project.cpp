#include "store/project.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <signal.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "error.h"

namespace fs = std::filesystem;

namespace ft::store {

namespace {

constexpr const char* kApplicationName = "finetune-studio";

// Schema version 1. Later versions append a migration to kMigrations; never edit
// a shipped one.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE datasets(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    has_pair INTEGER NOT NULL DEFAULT 0);
CREATE TABLE sources(
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    format TEXT NOT NULL,
    mapping TEXT NOT NULL,
    row_count INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    warnings TEXT NOT NULL DEFAULT '[]',
    imported_at TEXT NOT NULL);
CREATE TABLE rows(
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    row_index INTEGER NOT NULL,
    line INTEGER NOT NULL,
    text TEXT NOT NULL,
    text_pair TEXT,
    label TEXT,
    raw_label TEXT,
    clean_text TEXT,
    clean_pair TEXT,
    dropped INTEGER NOT NULL DEFAULT 0);
CREATE INDEX rows_by_dataset ON rows(dataset_id, id);
CREATE INDEX rows_by_label ON rows(dataset_id, label);
CREATE TABLE labels(
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    value TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY(dataset_id, value));
CREATE TABLE label_changes(
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL,
    row_id INTEGER NOT NULL REFERENCES rows(id) ON DELETE CASCADE,
    old_label TEXT,
    new_label TEXT,
    changed_at TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0);
CREATE INDEX label_changes_by_dataset ON label_changes(dataset_id, id);
CREATE TABLE cleanings(
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    pipeline TEXT NOT NULL,
    report TEXT NOT NULL,
    applied_at TEXT NOT NULL);
CREATE TABLE splits(
    id INTEGER PRIMARY KEY,
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    seed INTEGER NOT NULL,
    ratios TEXT NOT NULL,
    stratified INTEGER NOT NULL,
    report TEXT NOT NULL,
    created_at TEXT NOT NULL);
CREATE TABLE split_rows(
    split_id INTEGER NOT NULL REFERENCES splits(id) ON DELETE CASCADE,
    row_id INTEGER NOT NULL,
    part INTEGER NOT NULL,
    PRIMARY KEY(split_id, row_id)) WITHOUT ROWID;
CREATE INDEX split_rows_by_row ON split_rows(row_id, split_id);
)sql";

// Schema version 2: fine-tuning runs, their metrics and checkpoints.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE runs(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    dataset_id INTEGER REFERENCES datasets(id) ON DELETE SET NULL,
    split_id INTEGER,
    model_dir TEXT NOT NULL,
    config TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'created',
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    best_metric REAL,
    best_step INTEGER,
    error TEXT,
    checkpoint_dir TEXT,
    pid INTEGER,
    host TEXT);
CREATE TABLE run_metrics(
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    step INTEGER NOT NULL,
    epoch REAL NOT NULL,
    value REAL NOT NULL,
    PRIMARY KEY(run_id, name, step)) WITHOUT ROWID;
CREATE TABLE checkpoints(
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    step INTEGER NOT NULL,
    kind TEXT NOT NULL,
    path TEXT NOT NULL,
    created_at TEXT NOT NULL);
CREATE INDEX checkpoints_by_run ON checkpoints(run_id, kind);
)sql";

// Schema version 3: evaluations with every prediction, and the model registry.
constexpr const char* kSchemaV3 = R"sql(
CREATE TABLE evaluations(
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    split_id INTEGER NOT NULL,
    part INTEGER NOT NULL,
    checkpoint TEXT NOT NULL,
    checkpoint_path TEXT NOT NULL,
    labels TEXT NOT NULL,
    report TEXT NOT NULL,
    baselines TEXT,
    sensitivity TEXT,
    seconds REAL NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL);
CREATE INDEX evaluations_by_run ON evaluations(run_id, id);
CREATE TABLE predictions(
    evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
    row_id INTEGER NOT NULL,
    true_label INTEGER NOT NULL,
    predicted INTEGER NOT NULL,
    probabilities TEXT NOT NULL,
    PRIMARY KEY(evaluation_id, row_id)) WITHOUT ROWID;
CREATE TABLE exports(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    version INTEGER NOT NULL,
    run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,
    evaluation_id INTEGER REFERENCES evaluations(id) ON DELETE SET NULL,
    path TEXT NOT NULL,
    checkpoint TEXT NOT NULL,
    dtype TEXT NOT NULL,
    dataset_sha256 TEXT,
    metrics TEXT,
    manifest TEXT,
    verified INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    UNIQUE(name, version));
)sql";

const char* const kMigrations[] = {kSchemaV1, kSchemaV2, kSchemaV3};

// Labels as a JSON array, probabilities as comma-separated shortest round-trip floats.
std::string labelsToJson(const std::vector<std::string>& labels) {
    return nlohmann::json(labels).dump();
}

std::vector<std::string> labelsFromJson(const std::string& text) {
    if (text.empty()) return {};
    return nlohmann::json::parse(text).get<std::vector<std::string>>();
}

std::string probabilitiesToText(const std::vector<float>& p) {
    std::string out;
    char buf[32];
    for (size_t i = 0; i < p.size(); ++i) {
        std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(p[i]));
        if (i) out += ',';
        out += buf;
    }
    return out;
}

std::vector<float> probabilitiesFromText(const std::string& text) {
    std::vector<float> out;
    const char* p = text.c_str();
    while (*p) {
        char* end = nullptr;
        out.push_back(std::strtof(p, &end));
        if (end == p) break;
        p = *end == ',' ? end + 1 : end;
    }
    return out;
}

constexpr const char* kEvaluationColumns =
    "id, run_id, split_id, part, checkpoint, checkpoint_path, labels, report, baselines, "
    "sensitivity, seconds, created_at";

EvaluationInfo readEvaluation(const Statement& s) {
    EvaluationInfo e;
    e.id = s.int64(0);
    e.runId = s.int64(1);
    e.splitId = s.int64(2);
    e.part = static_cast<SplitPart>(s.int64(3));
    e.checkpoint = s.text(4);
    e.checkpointPath = s.text(5);
    e.labels = labelsFromJson(s.text(6));
    e.reportJson = s.text(7);
    e.baselinesJson = s.text(8);
    e.sensitivityJson = s.text(9);
    e.seconds = s.real(10);
    e.createdAt = s.text(11);
    return e;
}

constexpr const char* kExportColumns =
    "id, name, version, run_id, evaluation_id, path, checkpoint, dtype, dataset_sha256, "
    "metrics, manifest, verified, created_at";

ExportInfo readExport(const Statement& s) {
    ExportInfo e;
    e.id = s.int64(0);
    e.name = s.text(1);
    e.version = s.int64(2);
    e.runId = s.isNull(3) ? 0 : s.int64(3);
    if (!s.isNull(4)) e.evaluationId = s.int64(4);
    e.path = s.text(5);
    e.checkpoint = s.text(6);
    e.dtype = s.text(7);
    e.datasetSha256 = s.text(8);
    e.metricsJson = s.text(9);
    e.manifestJson = s.text(10);
    e.verified = s.int64(11) != 0;
    e.createdAt = s.text(12);
    return e;
}

const char* const kRunStatusNames[] = {"created", "running", "paused", "completed",
                                       "stopped", "failed",  "crashed"};

std::string hostName() {
    char buf[256] = {};
    if (gethostname(buf, sizeof buf - 1) != 0) return {};
    return buf;
}

bool processAlive(int64_t pid) {
    if (pid <= 0) return false;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

constexpr const char* kRunColumns =
    "id, name, dataset_id, split_id, model_dir, config, status, created_at, started_at, "
    "finished_at, best_metric, best_step, error, checkpoint_dir, pid, host";

RunInfo readRun(const Statement& s) {
    RunInfo r;
    r.id = s.int64(0);
    r.name = s.text(1);
    r.datasetId = s.isNull(2) ? 0 : s.int64(2);
    r.splitId = s.isNull(3) ? 0 : s.int64(3);
    r.modelDir = s.text(4);
    r.configJson = s.text(5);
    parseRunStatus(s.text(6), r.status);
    r.createdAt = s.text(7);
    r.startedAt = s.text(8);
    r.finishedAt = s.text(9);
    if (!s.isNull(10)) r.bestMetric = s.real(10);
    if (!s.isNull(11)) r.bestStep = s.int64(11);
    r.error = s.text(12);
    r.checkpointDir = s.text(13);
    r.pid = s.isNull(14) ? 0 : s.int64(14);
    r.host = s.text(15);
    if (r.status == RunStatus::Running && r.host == hostName() && !processAlive(r.pid))
        r.status = RunStatus::Crashed;
    return r;
}

void insertMetrics(sqlite3* db, int64_t runId, const std::vector<MetricPoint>& points) {
    Statement ins(db,
                  "INSERT OR REPLACE INTO run_metrics(run_id, name, step, epoch, value) "
                  "VALUES(?,?,?,?,?)");
    for (const auto& p : points) {
        ins.bind(1, runId).bind(2, p.name).bind(3, p.step).bind(4, p.epoch).bind(5, p.value).exec();
    }
}

sqlite3* openConnection(const std::string& path, bool create) {
    sqlite3* db = nullptr;
    const int flags =
        SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = path + ": cannot open the project database: " +
                              (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        throw Error(ErrorCode::Database, message);
    }
    sqlite3_busy_timeout(db, 10000);
    sqlite3_extended_result_codes(db, 1);
    return db;
}

std::string ratiosToText(const std::vector<double>& ratios) {
    std::string s;
    for (size_t i = 0; i < ratios.size(); ++i) {
        if (i) s += ",";
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.6g", ratios[i]);
        s += buf;
    }
    return s;
}

std::vector<double> ratiosFromText(const std::string& s) {
    std::vector<double> out;
    size_t start = 0;
    while (start <= s.size()) {
        const size_t comma = s.find(',', start);
        const std::string part =
            s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!part.empty()) out.push_back(std::stod(part));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

}  // namespace

const char* toString(SplitPart part) {
    switch (part) {
        case SplitPart::Train:
            return "train";
        case SplitPart::Validation:
            return "validation";
        case SplitPart::Test:
            return "test";
    }
    return "?";
}

void Project::setSetting(const std::string& key, const std::string& value) {
    if (key.empty()) throw Error(ErrorCode::InvalidArgument, "a setting needs a key");
    Statement s(m_db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
    s.bind(1, "setting." + key).bind(2, value).exec();
}

std::optional<std::string> Project::setting(const std::string& key) const {
    Statement s(m_db, "SELECT value FROM meta WHERE key = ?");
    s.bind(1, "setting." + key);
    if (!s.step()) return std::nullopt;
    return s.text(0);
}

const char* toString(RunStatus status) { return kRunStatusNames[static_cast<int>(status)]; }

bool parseRunStatus(const std::string& name, RunStatus& out) {
    for (size_t i = 0; i < std::size(kRunStatusNames); ++i)
        if (name == kRunStatusNames[i]) {
            out = static_cast<RunStatus>(i);
            return true;
        }
    return false;
}

std::string Project::nowUtc() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

bool Project::exists(const std::string& dir) {
    std::error_code ec;
    return fs::is_regular_file(fs::path(dir) / "project.db", ec);
}

Project Project::create(const std::string& dir) {
    const fs::path root(dir);
    if (exists(dir)) {
        throw Error(ErrorCode::InvalidArgument,
                    (root / "project.db").string() + ": a project already exists here");
    }
    std::error_code ec;
    fs::create_directories(root / "runs", ec);
    if (!ec) fs::create_directories(root / "exports", ec);
    if (ec) {
        throw Error(ErrorCode::Io, dir + ": cannot create the project folder: " + ec.message());
    }
    sqlite3* db = openConnection((root / "project.db").string(), true);
    Project project(dir, db);
    exec(db, "PRAGMA page_size=16384");
    exec(db, "PRAGMA journal_mode=WAL");
    project.migrate();
    return project;
}

Project Project::open(const std::string& dir) {
    const fs::path file = fs::path(dir) / "project.db";
    if (!exists(dir)) {
        throw Error(ErrorCode::NotFound, file.string() +
                                             ": no project here (create one with "
                                             "'finetune project init " +
                                             dir + "')");
    }
    sqlite3* db = openConnection(file.string(), false);
    Project project(dir, db);
    try {
        Statement app(db, "SELECT value FROM meta WHERE key = 'application'");
        if (!app.step() || app.text(0) != kApplicationName) throw Error(ErrorCode::Database, "");
    } catch (const Error&) {
        throw Error(ErrorCode::Database,
                    file.string() + ": not a Finetune Studio project database");
    }
    exec(db, "PRAGMA journal_mode=WAL");
    project.migrate();
    return project;
}

Project::Project(std::string dir, sqlite3* db) : m_dir(std::move(dir)), m_db(db) {
    exec(m_db, "PRAGMA foreign_keys=ON");
}

Project::Project(Project&& other) noexcept : m_dir(std::move(other.m_dir)), m_db(other.m_db) {
    other.m_db = nullptr;
}

Project& Project::operator=(Project&& other) noexcept {
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_dir = std::move(other.m_dir);
        m_db = other.m_db;
        other.m_db = nullptr;
    }
    return *this;
}

Project::~Project() { sqlite3_close_v2(m_db); }

std::string Project::databasePath() const { return (fs::path(m_dir) / "project.db").string(); }
std::string Project::runsDir() const { return (fs::path(m_dir) / "runs").string(); }
std::string Project::exportsDir() const { return (fs::path(m_dir) / "exports").string(); }

int Project::schemaVersion() const {
    Statement has(m_db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
    if (!has.step()) return 0;
    Statement s(m_db, "SELECT value FROM meta WHERE key = 'schema_version'");
    return s.step() ? std::stoi(s.text(0)) : 0;
}

void Project::migrate() {
    const int current = schemaVersion();
    const int latest = static_cast<int>(std::size(kMigrations));
    if (current > latest) {
        throw Error(ErrorCode::Database, databasePath() + ": schema version " +
                                             std::to_string(current) +
                                             " is newer than this program understands (" +
                                             std::to_string(latest) + "); update Finetune Studio");
    }
    for (int v = current; v < latest; ++v) {
        Transaction tx(m_db);
        exec(m_db, kMigrations[v]);
        if (v == 0) {
            Statement put(m_db, "INSERT INTO meta(key, value) VALUES(?, ?)");
            put.bind(1, "application").bind(2, kApplicationName).exec();
            put.bind(1, "created_at").bind(2, nowUtc()).exec();
            put.bind(1, "created_by")
                .bind(2, std::string(kApplicationName) + " " + FT_VERSION)
                .exec();
        }
        Statement s(m_db, "INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', ?)");
        s.bind(1, std::to_string(v + 1)).exec();
        tx.commit();
    }
}

// Datasets -----------------------------------------------------------------

int64_t Project::createDataset(const std::string& name) {
    if (name.empty()) throw Error(ErrorCode::InvalidArgument, "a dataset needs a name");
    if (datasetByName(name)) {
        throw Error(ErrorCode::InvalidArgument, "dataset '" + name + "' already exists");
    }
    Statement s(m_db, "INSERT INTO datasets(name, created_at) VALUES(?, ?)");
    s.bind(1, name).bind(2, nowUtc()).exec();
    return sqlite3_last_insert_rowid(m_db);
}

namespace {
constexpr const char* kDatasetSelect =
    "SELECT d.id, d.name, d.created_at, d.has_pair, "
    "(SELECT COUNT(*) FROM rows r WHERE r.dataset_id = d.id) FROM datasets d ";

DatasetInfo readDataset(const Statement& s) {
    DatasetInfo d;
    d.id = s.int64(0);
    d.name = s.text(1);
    d.createdAt = s.text(2);
    d.hasPair = s.int64(3) != 0;
    d.rowCount = s.int64(4);
    return d;
}
}  // namespace

std::vector<DatasetInfo> Project::datasets() const {
    Statement s(m_db, std::string(kDatasetSelect) + "ORDER BY d.id");
    std::vector<DatasetInfo> out;
    while (s.step()) out.push_back(readDataset(s));
    return out;
}

std::optional<DatasetInfo> Project::dataset(int64_t id) const {
    Statement s(m_db, std::string(kDatasetSelect) + "WHERE d.id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return readDataset(s);
}

std::optional<DatasetInfo> Project::datasetByName(const std::string& name) const {
    Statement s(m_db, std::string(kDatasetSelect) + "WHERE d.name = ?");
    s.bind(1, name);
    if (!s.step()) return std::nullopt;
    return readDataset(s);
}

DatasetInfo Project::defaultDataset() const {
    Statement s(m_db, std::string(kDatasetSelect) + "ORDER BY d.id DESC LIMIT 1");
    if (!s.step()) {
        throw Error(
            ErrorCode::NotFound,
            m_dir + ": the project has no dataset yet (import one with 'finetune data import')");
    }
    return readDataset(s);
}

void Project::setHasPair(int64_t datasetId, bool hasPair) {
    Statement s(m_db, "UPDATE datasets SET has_pair = ? WHERE id = ?");
    s.bind(1, hasPair ? 1 : 0).bind(2, datasetId).exec();
}

// Sources ------------------------------------------------------------------

int64_t Project::addSource(const SourceInfo& info) {
    Statement s(m_db,
                "INSERT INTO sources(dataset_id, path, size, sha256, format, mapping, row_count, "
                "skipped, warnings, imported_at) VALUES(?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, info.datasetId)
        .bind(2, info.path)
        .bind(3, info.size)
        .bind(4, info.sha256)
        .bind(5, info.formatJson)
        .bind(6, info.mappingJson)
        .bind(7, info.rowCount)
        .bind(8, info.skipped)
        .bind(9, info.warningsJson.empty() ? std::string("[]") : info.warningsJson)
        .bind(10, info.importedAt.empty() ? nowUtc() : info.importedAt)
        .exec();
    return sqlite3_last_insert_rowid(m_db);
}

void Project::updateSourceCounts(int64_t sourceId, int64_t rowCount, int64_t skipped,
                                 const std::string& warningsJson) {
    Statement s(m_db, "UPDATE sources SET row_count = ?, skipped = ?, warnings = ? WHERE id = ?");
    s.bind(1, rowCount).bind(2, skipped).bind(3, warningsJson).bind(4, sourceId).exec();
}

std::vector<SourceInfo> Project::sources(int64_t datasetId) const {
    Statement s(m_db,
                "SELECT id, dataset_id, path, size, sha256, format, mapping, row_count, skipped, "
                "warnings, imported_at FROM sources WHERE dataset_id = ? ORDER BY id");
    s.bind(1, datasetId);
    std::vector<SourceInfo> out;
    while (s.step()) {
        SourceInfo i;
        i.id = s.int64(0);
        i.datasetId = s.int64(1);
        i.path = s.text(2);
        i.size = s.int64(3);
        i.sha256 = s.text(4);
        i.formatJson = s.text(5);
        i.mappingJson = s.text(6);
        i.rowCount = s.int64(7);
        i.skipped = s.int64(8);
        i.warningsJson = s.text(9);
        i.importedAt = s.text(10);
        out.push_back(std::move(i));
    }
    return out;
}

// Rows ---------------------------------------------------------------------

namespace {

// The latest split's part of each row, as a correlated subquery.
constexpr const char* kPartExpr =
    "(SELECT sr.part FROM split_rows sr WHERE sr.row_id = r.id AND sr.split_id = "
    "(SELECT MAX(id) FROM splits WHERE dataset_id = r.dataset_id))";

struct WhereClause {
    std::string sql;
    std::vector<std::string> texts;  // bound after the dataset id, in order
};

WhereClause buildWhere(const RowFilter& f) {
    WhereClause w;
    w.sql = " WHERE r.dataset_id = ?1";
    if (f.labelled == RowFilter::Labelled::Labelled) w.sql += " AND r.label IS NOT NULL";
    if (f.labelled == RowFilter::Labelled::Unlabelled) w.sql += " AND r.label IS NULL";
    if (!f.includeDropped) w.sql += " AND r.dropped = 0";
    int next = 2;
    if (f.label) {
        w.sql += " AND r.label = ?" + std::to_string(next++);
        w.texts.push_back(*f.label);
    }
    if (!f.contains.empty()) {
        w.sql += " AND instr(lower(r.text), lower(?" + std::to_string(next++) + ")) > 0";
        w.texts.push_back(f.contains);
    }
    if (f.part) {
        w.sql +=
            std::string(" AND ") + kPartExpr + " = " + std::to_string(static_cast<int>(*f.part));
    }
    return w;
}

void bindWhere(Statement& s, int64_t datasetId, const WhereClause& w) {
    s.bind(1, datasetId);
    for (size_t i = 0; i < w.texts.size(); ++i) s.bind(static_cast<int>(i) + 2, w.texts[i]);
}

Row readRow(const Statement& s) {
    Row r;
    r.id = s.int64(0);
    r.sourceId = s.int64(1);
    r.rowIndex = s.int64(2);
    r.line = s.int64(3);
    r.text = s.text(4);
    r.textPair = s.optionalText(5);
    r.label = s.optionalText(6);
    r.rawLabel = s.optionalText(7);
    r.cleanText = s.optionalText(8);
    r.cleanPair = s.optionalText(9);
    r.dropped = static_cast<int>(s.int64(10));
    if (!s.isNull(11)) r.part = static_cast<SplitPart>(s.int64(11));
    return r;
}

std::string rowSelect() {
    return std::string(
               "SELECT r.id, r.source_id, r.row_index, r.line, r.text, r.text_pair, r.label, "
               "r.raw_label, r.clean_text, r.clean_pair, r.dropped, ") +
           kPartExpr + " FROM rows r";
}

}  // namespace

int64_t Project::rowCount(int64_t datasetId, const RowFilter& filter) const {
    const WhereClause w = buildWhere(filter);
    Statement s(m_db, "SELECT COUNT(*) FROM rows r" + w.sql);
    bindWhere(s, datasetId, w);
    s.step();
    return s.int64(0);
}

std::vector<Row> Project::rows(int64_t datasetId, const RowFilter& filter, int64_t offset,
                               int64_t limit) const {
    const WhereClause w = buildWhere(filter);
    // Keyset pagination would be faster for deep offsets; the GUI fetches in
    // blocks and caches, and rows are read by id order through the index.
    Statement s(m_db, rowSelect() + w.sql + " ORDER BY r.id LIMIT " + std::to_string(limit) +
                          " OFFSET " + std::to_string(offset));
    bindWhere(s, datasetId, w);
    std::vector<Row> out;
    while (s.step()) out.push_back(readRow(s));
    return out;
}

std::optional<Row> Project::row(int64_t rowId) const {
    Statement s(m_db, rowSelect() + " WHERE r.id = ?");
    s.bind(1, rowId);
    if (!s.step()) return std::nullopt;
    return readRow(s);
}

// Labels -------------------------------------------------------------------

std::vector<LabelCount> Project::labelCounts(int64_t datasetId) const {
    Statement s(m_db,
                "SELECT l.value, (SELECT COUNT(*) FROM rows r WHERE r.dataset_id = l.dataset_id "
                "AND r.label = l.value AND r.dropped = 0) FROM labels l WHERE l.dataset_id = ? "
                "ORDER BY l.position");
    s.bind(1, datasetId);
    std::vector<LabelCount> out;
    while (s.step()) out.push_back({s.text(0), s.int64(1)});
    return out;
}

std::vector<std::string> Project::labels(int64_t datasetId) const {
    Statement s(m_db, "SELECT value FROM labels WHERE dataset_id = ? ORDER BY position");
    s.bind(1, datasetId);
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.text(0));
    return out;
}

void Project::ensureLabel(int64_t datasetId, const std::string& label) {
    Statement s(m_db,
                "INSERT OR IGNORE INTO labels(dataset_id, value, position) VALUES(?1, ?2, "
                "(SELECT COALESCE(MAX(position), -1) + 1 FROM labels WHERE dataset_id = ?1))");
    s.bind(1, datasetId).bind(2, label).exec();
}

int64_t Project::setLabel(int64_t rowId, const std::optional<std::string>& label) {
    const auto current = row(rowId);
    if (!current)
        throw Error(ErrorCode::NotFound, "row " + std::to_string(rowId) + " does not exist");
    Statement ds(m_db, "SELECT dataset_id FROM rows WHERE id = ?");
    ds.bind(1, rowId);
    ds.step();
    const int64_t datasetId = ds.int64(0);

    Transaction tx(m_db);
    if (label) ensureLabel(datasetId, *label);
    Statement upd(m_db, "UPDATE rows SET label = ? WHERE id = ?");
    upd.bind(1, label).bind(2, rowId).exec();
    Statement log(m_db,
                  "INSERT INTO label_changes(dataset_id, row_id, old_label, new_label, changed_at) "
                  "VALUES(?,?,?,?,?)");
    log.bind(1, datasetId)
        .bind(2, rowId)
        .bind(3, current->label)
        .bind(4, label)
        .bind(5, nowUtc())
        .exec();
    const int64_t changeId = sqlite3_last_insert_rowid(m_db);
    tx.commit();
    return changeId;
}

std::optional<int64_t> Project::undoLabelChange(int64_t datasetId) {
    Transaction tx(m_db);
    Statement last(m_db,
                   "SELECT id, row_id, old_label FROM label_changes WHERE dataset_id = ? AND "
                   "undone = 0 ORDER BY id DESC LIMIT 1");
    last.bind(1, datasetId);
    if (!last.step()) return std::nullopt;
    const int64_t changeId = last.int64(0);
    const int64_t rowId = last.int64(1);
    const auto oldLabel = last.optionalText(2);
    Statement upd(m_db, "UPDATE rows SET label = ? WHERE id = ?");
    upd.bind(1, oldLabel).bind(2, rowId).exec();
    Statement mark(m_db, "UPDATE label_changes SET undone = 1 WHERE id = ?");
    mark.bind(1, changeId).exec();
    tx.commit();
    return rowId;
}

int64_t Project::labelChangeCount(int64_t datasetId) const {
    Statement s(m_db, "SELECT COUNT(*) FROM label_changes WHERE dataset_id = ?");
    s.bind(1, datasetId);
    s.step();
    return s.int64(0);
}

void Project::renameLabel(int64_t datasetId, const std::string& from, const std::string& to) {
    if (to.empty()) throw Error(ErrorCode::InvalidArgument, "a label cannot be renamed to nothing");
    if (from == to) return;
    Transaction tx(m_db);
    Statement has(m_db, "SELECT position FROM labels WHERE dataset_id = ? AND value = ?");
    has.bind(1, datasetId).bind(2, from);
    if (!has.step()) {
        throw Error(ErrorCode::Mapping, "label '" + from + "' is not in the dataset");
    }
    const int64_t position = has.int64(0);
    Statement log(
        m_db,
        "INSERT INTO label_changes(dataset_id, row_id, old_label, new_label, changed_at) "
        "SELECT dataset_id, id, label, ?, ? FROM rows WHERE dataset_id = ? AND label = ?");
    log.bind(1, to).bind(2, nowUtc()).bind(3, datasetId).bind(4, from).exec();
    Statement upd(m_db, "UPDATE rows SET label = ? WHERE dataset_id = ? AND label = ?");
    upd.bind(1, to).bind(2, datasetId).bind(3, from).exec();
    Statement exists(m_db, "SELECT 1 FROM labels WHERE dataset_id = ? AND value = ?");
    exists.bind(1, datasetId).bind(2, to);
    if (exists.step()) {
        Statement del(m_db, "DELETE FROM labels WHERE dataset_id = ? AND value = ?");
        del.bind(1, datasetId).bind(2, from).exec();
    } else {
        Statement ren(m_db, "UPDATE labels SET value = ? WHERE dataset_id = ? AND position = ?");
        ren.bind(1, to).bind(2, datasetId).bind(3, position).exec();
    }
    tx.commit();
}

RowInserter::RowInserter(sqlite3* db, int64_t datasetId, int64_t sourceId)
    : m_db(db),
      m_datasetId(datasetId),
      m_sourceId(sourceId),
      m_insert(db,
               "INSERT INTO rows(dataset_id, source_id, row_index, line, text, text_pair, label, "
               "raw_label) VALUES(?,?,?,?,?,?,?,?)"),
      m_label(db,
              "INSERT OR IGNORE INTO labels(dataset_id, value, position) VALUES(?1, ?2, "
              "(SELECT COALESCE(MAX(position), -1) + 1 FROM labels WHERE dataset_id = ?1))") {
    Statement s(db, "SELECT value FROM labels WHERE dataset_id = ?");
    s.bind(1, datasetId);
    while (s.step()) m_knownLabels.insert(s.text(0));
}

void RowInserter::insert(int64_t rowIndex, int64_t line, std::string_view text,
                         const std::optional<std::string>& textPair,
                         const std::optional<std::string>& label,
                         const std::optional<std::string>& rawLabel) {
    m_insert.bind(1, m_datasetId)
        .bind(2, m_sourceId)
        .bind(3, rowIndex)
        .bind(4, line)
        .bind(5, text)
        .bind(6, textPair)
        .bind(7, label)
        .bind(8, rawLabel)
        .exec();
    if (label && m_knownLabels.insert(*label).second) {
        m_label.bind(1, m_datasetId).bind(2, *label).exec();
    }
}

// Must match the indexes kSchemaV1 creates on rows.
constexpr const char* kRowIndexDdl =
    "CREATE INDEX IF NOT EXISTS rows_by_dataset ON rows(dataset_id, id);"
    "CREATE INDEX IF NOT EXISTS rows_by_label ON rows(dataset_id, label);";

RowIndexSuspension::RowIndexSuspension(sqlite3* db) : m_db(db) {
    exec(db, "DROP INDEX IF EXISTS rows_by_dataset; DROP INDEX IF EXISTS rows_by_label;");
}

void RowIndexSuspension::rebuild() { exec(m_db, kRowIndexDdl); }

// Cleaning -----------------------------------------------------------------

int64_t Project::recordCleaning(int64_t datasetId, const std::string& pipelineJson,
                                const std::string& reportJson) {
    Statement s(m_db,
                "INSERT INTO cleanings(dataset_id, pipeline, report, applied_at) VALUES(?,?,?,?)");
    s.bind(1, datasetId).bind(2, pipelineJson).bind(3, reportJson).bind(4, nowUtc()).exec();
    return sqlite3_last_insert_rowid(m_db);
}

std::optional<CleaningInfo> Project::latestCleaning(int64_t datasetId) const {
    Statement s(m_db,
                "SELECT id, pipeline, report, applied_at FROM cleanings WHERE dataset_id = ? "
                "ORDER BY id DESC LIMIT 1");
    s.bind(1, datasetId);
    if (!s.step()) return std::nullopt;
    return CleaningInfo{s.int64(0), s.text(1), s.text(2), s.text(3)};
}

// Splits -------------------------------------------------------------------

int64_t Project::saveSplit(int64_t datasetId, uint64_t seed, const std::vector<double>& ratios,
                           bool stratified,
                           const std::vector<std::pair<int64_t, SplitPart>>& assignment,
                           const std::string& reportJson) {
    Transaction tx(m_db);
    Statement s(m_db,
                "INSERT INTO splits(dataset_id, seed, ratios, stratified, report, created_at) "
                "VALUES(?,?,?,?,?,?)");
    s.bind(1, datasetId)
        .bind(2, static_cast<int64_t>(seed))
        .bind(3, ratiosToText(ratios))
        .bind(4, stratified ? 1 : 0)
        .bind(5, reportJson)
        .bind(6, nowUtc())
        .exec();
    const int64_t splitId = sqlite3_last_insert_rowid(m_db);
    Statement ins(m_db, "INSERT INTO split_rows(split_id, row_id, part) VALUES(?,?,?)");
    for (const auto& [rowId, part] : assignment) {
        ins.bind(1, splitId).bind(2, rowId).bind(3, static_cast<int>(part)).exec();
    }
    tx.commit();
    return splitId;
}

std::optional<SplitInfo> Project::latestSplit(int64_t datasetId) const {
    Statement s(m_db,
                "SELECT id, dataset_id, seed, ratios, stratified, report, created_at FROM splits "
                "WHERE dataset_id = ? ORDER BY id DESC LIMIT 1");
    s.bind(1, datasetId);
    if (!s.step()) return std::nullopt;
    SplitInfo i;
    i.id = s.int64(0);
    i.datasetId = s.int64(1);
    i.seed = static_cast<uint64_t>(s.int64(2));
    i.ratios = ratiosFromText(s.text(3));
    i.stratified = s.int64(4) != 0;
    i.reportJson = s.text(5);
    i.createdAt = s.text(6);
    return i;
}

std::vector<int64_t> Project::splitRowIds(int64_t splitId, SplitPart part) const {
    Statement s(m_db,
                "SELECT row_id FROM split_rows WHERE split_id = ? AND part = ? ORDER BY row_id");
    s.bind(1, splitId).bind(2, static_cast<int>(part));
    std::vector<int64_t> out;
    while (s.step()) out.push_back(s.int64(0));
    return out;
}

// Runs ---------------------------------------------------------------------

int64_t Project::createRun(const RunInfo& info) {
    Transaction tx(m_db);
    Statement s(m_db,
                "INSERT INTO runs(name, dataset_id, split_id, model_dir, config, status, "
                "created_at) VALUES(?,?,?,?,?,'created',?)");
    s.bind(1, info.name);
    if (info.datasetId > 0)
        s.bind(2, info.datasetId);
    else
        s.bindNull(2);
    if (info.splitId > 0)
        s.bind(3, info.splitId);
    else
        s.bindNull(3);
    s.bind(4, info.modelDir).bind(5, info.configJson).bind(6, nowUtc()).exec();
    const int64_t id = sqlite3_last_insert_rowid(m_db);
    Statement dir(m_db, "UPDATE runs SET checkpoint_dir = ? WHERE id = ?");
    dir.bind(1, (fs::path(runsDir()) / std::to_string(id)).string()).bind(2, id).exec();
    tx.commit();
    return id;
}

std::optional<RunInfo> Project::run(int64_t runId) const {
    Statement s(m_db, std::string("SELECT ") + kRunColumns + " FROM runs WHERE id = ?");
    s.bind(1, runId);
    if (!s.step()) return std::nullopt;
    return readRun(s);
}

std::vector<RunInfo> Project::runs() const {
    Statement s(m_db, std::string("SELECT ") + kRunColumns + " FROM runs ORDER BY id");
    std::vector<RunInfo> out;
    while (s.step()) out.push_back(readRun(s));
    return out;
}

void Project::markRunStarted(int64_t runId) {
    Statement s(m_db,
                "UPDATE runs SET status = 'running', pid = ?, host = ?, error = NULL, "
                "finished_at = NULL, started_at = COALESCE(started_at, ?) WHERE id = ?");
    s.bind(1, static_cast<int64_t>(getpid()))
        .bind(2, hostName())
        .bind(3, nowUtc())
        .bind(4, runId)
        .exec();
    if (sqlite3_changes(m_db) == 0)
        throw Error(ErrorCode::NotFound, "run " + std::to_string(runId) + " does not exist");
}

void Project::finishRun(int64_t runId, RunStatus status, const std::string& error) {
    Statement s(m_db, "UPDATE runs SET status = ?, finished_at = ?, error = ? WHERE id = ?");
    s.bind(1, toString(status)).bind(2, nowUtc());
    if (error.empty())
        s.bindNull(3);
    else
        s.bind(3, error);
    s.bind(4, runId).exec();
}

void Project::setRunBest(int64_t runId, double metric, int64_t step) {
    Statement s(m_db, "UPDATE runs SET best_metric = ?, best_step = ? WHERE id = ?");
    s.bind(1, metric).bind(2, step).bind(3, runId).exec();
}

void Project::addMetrics(int64_t runId, const std::vector<MetricPoint>& points) {
    if (points.empty()) return;
    Transaction tx(m_db);
    insertMetrics(m_db, runId, points);
    tx.commit();
}

void Project::recordCheckpoint(int64_t runId, int64_t step, const std::string& kind,
                               const std::string& path, const std::vector<MetricPoint>& pending) {
    Transaction tx(m_db);
    insertMetrics(m_db, runId, pending);
    Statement del(m_db, "DELETE FROM checkpoints WHERE run_id = ? AND kind = ?");
    del.bind(1, runId).bind(2, kind).exec();
    Statement ins(
        m_db, "INSERT INTO checkpoints(run_id, step, kind, path, created_at) VALUES(?,?,?,?,?)");
    ins.bind(1, runId).bind(2, step).bind(3, kind).bind(4, path).bind(5, nowUtc()).exec();
    tx.commit();
}

std::vector<MetricPoint> Project::runMetrics(int64_t runId, const std::string& name) const {
    Statement s(m_db, name.empty()
                          ? "SELECT step, epoch, name, value FROM run_metrics WHERE run_id = ? "
                            "ORDER BY name, step"
                          : "SELECT step, epoch, name, value FROM run_metrics WHERE run_id = ? "
                            "AND name = ? ORDER BY name, step");
    s.bind(1, runId);
    if (!name.empty()) s.bind(2, name);
    std::vector<MetricPoint> out;
    while (s.step()) out.push_back(MetricPoint{s.int64(0), s.real(1), s.text(2), s.real(3)});
    return out;
}

std::vector<CheckpointInfo> Project::checkpoints(int64_t runId) const {
    Statement s(m_db,
                "SELECT run_id, step, kind, path, created_at FROM checkpoints WHERE run_id = ? "
                "ORDER BY step, kind");
    s.bind(1, runId);
    std::vector<CheckpointInfo> out;
    while (s.step())
        out.push_back(CheckpointInfo{s.int64(0), s.int64(1), s.text(2), s.text(3), s.text(4)});
    return out;
}

void Project::truncateRunMetrics(int64_t runId, int64_t afterStep) {
    Statement s(m_db, "DELETE FROM run_metrics WHERE run_id = ? AND step > ?");
    s.bind(1, runId).bind(2, afterStep).exec();
}

// Evaluations --------------------------------------------------------------

int64_t Project::saveEvaluation(const EvaluationInfo& info,
                                const std::vector<PredictionRecord>& predictions) {
    if (!run(info.runId))
        throw Error(ErrorCode::NotFound, "run " + std::to_string(info.runId) + " does not exist");
    Transaction tx(m_db);
    Statement s(m_db,
                "INSERT INTO evaluations(run_id, split_id, part, checkpoint, checkpoint_path, "
                "labels, report, baselines, sensitivity, seconds, created_at) "
                "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, info.runId)
        .bind(2, info.splitId)
        .bind(3, static_cast<int64_t>(info.part))
        .bind(4, info.checkpoint)
        .bind(5, info.checkpointPath)
        .bind(6, labelsToJson(info.labels))
        .bind(7, info.reportJson)
        .bind(8, info.baselinesJson)
        .bind(9, info.sensitivityJson)
        .bind(10, info.seconds)
        .bind(11, nowUtc())
        .exec();
    const int64_t id = sqlite3_last_insert_rowid(m_db);
    Statement p(m_db,
                "INSERT INTO predictions(evaluation_id, row_id, true_label, predicted, "
                "probabilities) VALUES(?, ?, ?, ?, ?)");
    for (const auto& r : predictions) {
        p.bind(1, id)
            .bind(2, r.rowId)
            .bind(3, r.trueLabel)
            .bind(4, r.predicted)
            .bind(5, probabilitiesToText(r.probabilities))
            .exec();
        p.reset();
    }
    tx.commit();
    return id;
}

std::optional<EvaluationInfo> Project::evaluation(int64_t evaluationId) const {
    Statement s(m_db,
                std::string("SELECT ") + kEvaluationColumns + " FROM evaluations WHERE id = ?");
    s.bind(1, evaluationId);
    if (!s.step()) return std::nullopt;
    return readEvaluation(s);
}

std::vector<EvaluationInfo> Project::evaluations(int64_t runId) const {
    Statement s(m_db, std::string("SELECT ") + kEvaluationColumns + " FROM evaluations" +
                          (runId ? " WHERE run_id = ?" : "") + " ORDER BY id DESC");
    if (runId) s.bind(1, runId);
    std::vector<EvaluationInfo> out;
    while (s.step()) out.push_back(readEvaluation(s));
    return out;
}

std::optional<EvaluationInfo> Project::latestEvaluation(int64_t runId) const {
    Statement s(m_db, std::string("SELECT ") + kEvaluationColumns +
                          " FROM evaluations WHERE run_id = ? ORDER BY id DESC LIMIT 1");
    s.bind(1, runId);
    if (!s.step()) return std::nullopt;
    return readEvaluation(s);
}

std::vector<PredictionRecord> Project::predictions(int64_t evaluationId) const {
    Statement s(m_db,
                "SELECT row_id, true_label, predicted, probabilities FROM predictions "
                "WHERE evaluation_id = ? ORDER BY row_id");
    s.bind(1, evaluationId);
    std::vector<PredictionRecord> out;
    while (s.step()) {
        PredictionRecord r;
        r.rowId = s.int64(0);
        r.trueLabel = static_cast<int>(s.int64(1));
        r.predicted = static_cast<int>(s.int64(2));
        r.probabilities = probabilitiesFromText(s.text(3));
        out.push_back(std::move(r));
    }
    return out;
}

void Project::deleteEvaluation(int64_t evaluationId) {
    Transaction tx(m_db);
    Statement p(m_db, "DELETE FROM predictions WHERE evaluation_id = ?");
    p.bind(1, evaluationId).exec();
    Statement e(m_db, "DELETE FROM evaluations WHERE id = ?");
    e.bind(1, evaluationId).exec();
    tx.commit();
}

// Model registry -----------------------------------------------------------

// The highest version ever recorded for a name is kept in meta ("export_version.<name>"),
// so deleting the newest version never hands its number out again: a v3 folder someone
// copied away must not meet a different v3 later.
int64_t Project::nextExportVersion(const std::string& name) const {
    Statement s(m_db,
                "SELECT MAX(COALESCE((SELECT MAX(version) FROM exports WHERE name = ?1), 0), "
                "COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = "
                "'export_version.' || ?1), 0)) + 1");
    s.bind(1, name);
    s.step();
    return s.int64(0);
}

int64_t Project::recordExport(const ExportInfo& info) {
    if (info.name.empty()) throw Error(ErrorCode::InvalidArgument, "an export needs a name");
    Transaction tx(m_db);
    const int64_t next = nextExportVersion(info.name);
    if (info.version != next)
        throw Error(ErrorCode::InvalidArgument,
                    "export '" + info.name + "': version " + std::to_string(info.version) +
                        " is taken or skips ahead; the next version is " + std::to_string(next));
    Statement s(m_db,
                "INSERT INTO exports(name, version, run_id, evaluation_id, path, checkpoint, "
                "dtype, dataset_sha256, metrics, manifest, verified, created_at) "
                "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, info.name).bind(2, info.version);
    if (info.runId)
        s.bind(3, info.runId);
    else
        s.bindNull(3);
    if (info.evaluationId)
        s.bind(4, *info.evaluationId);
    else
        s.bindNull(4);
    s.bind(5, info.path)
        .bind(6, info.checkpoint)
        .bind(7, info.dtype)
        .bind(8, info.datasetSha256)
        .bind(9, info.metricsJson)
        .bind(10, info.manifestJson)
        .bind(11, static_cast<int64_t>(info.verified ? 1 : 0))
        .bind(12, nowUtc())
        .exec();
    const int64_t id = sqlite3_last_insert_rowid(m_db);
    Statement mark(m_db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
    mark.bind(1, "export_version." + info.name).bind(2, std::to_string(info.version)).exec();
    tx.commit();
    return id;
}

std::vector<ExportInfo> Project::exports() const {
    Statement s(m_db,
                std::string("SELECT ") + kExportColumns + " FROM exports ORDER BY name, version");
    std::vector<ExportInfo> out;
    while (s.step()) out.push_back(readExport(s));
    return out;
}

std::optional<ExportInfo> Project::exportInfo(int64_t exportId) const {
    Statement s(m_db, std::string("SELECT ") + kExportColumns + " FROM exports WHERE id = ?");
    s.bind(1, exportId);
    if (!s.step()) return std::nullopt;
    return readExport(s);
}

void Project::deleteExport(int64_t exportId) {
    Statement s(m_db, "DELETE FROM exports WHERE id = ?");
    s.bind(1, exportId).exec();
    if (sqlite3_changes(m_db) == 0)
        throw Error(ErrorCode::NotFound, "export " + std::to_string(exportId) + " does not exist");
}

}  // namespace ft::store
