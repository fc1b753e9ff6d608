#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/sqlite.h"

struct sqlite3;

namespace ft::store {

// Split parts as stored in split_rows.part.
enum class SplitPart { Train = 0, Validation = 1, Test = 2 };
const char* toString(SplitPart part);

struct DatasetInfo {
    int64_t id = 0;
    std::string name;
    std::string createdAt;
    bool hasPair = false;  // rows carry a second text (text pair tasks)
    int64_t rowCount = 0;  // all rows, dropped ones included
};

struct SourceInfo {
    int64_t id = 0;
    int64_t datasetId = 0;
    std::string path;
    int64_t size = 0;
    std::string sha256;
    std::string formatJson;   // the resolved format options (data::FormatOptions as JSON)
    std::string mappingJson;  // the column mapping (data::ColumnMapping as JSON)
    int64_t rowCount = 0;
    int64_t skipped = 0;
    std::string warningsJson;  // [{"line":66,"message":"..."}]
    std::string importedAt;
};

// One dataset row as the rows table shows it.
struct Row {
    int64_t id = 0;
    int64_t sourceId = 0;
    int64_t rowIndex = 0;  // 0-based record index within its source
    int64_t line = 0;      // 1-based line in the source file where the record starts
    std::string text;
    std::optional<std::string> textPair;
    std::optional<std::string> label;      // current label; nullopt = unlabelled
    std::optional<std::string> rawLabel;   // as read from the file
    std::optional<std::string> cleanText;  // set once a cleaning pipeline ran
    std::optional<std::string> cleanPair;
    int dropped = 0;                // see DropReason
    std::optional<SplitPart> part;  // in the latest split, if any
};

enum class DropReason { Kept = 0, Empty = 1, Duplicate = 2 };

struct RowFilter {
    enum class Labelled { All, Labelled, Unlabelled };
    Labelled labelled = Labelled::All;
    std::optional<std::string> label;  // only rows with this label
    std::optional<SplitPart> part;     // only rows in this part of the latest split
    std::string contains;              // substring of text (case-insensitive for ASCII)
    bool includeDropped = true;
};

struct LabelCount {
    std::string label;
    int64_t count = 0;
};

struct SplitInfo {
    int64_t id = 0;
    int64_t datasetId = 0;
    uint64_t seed = 0;
    std::vector<double> ratios;  // train, validation, test; sum to 1
    bool stratified = false;
    std::string reportJson;  // per-part label counts, leakage check, ...
    std::string createdAt;
};

// Fine-tuning runs (schema version 2). A run's status as stored; a run stored as Running
// whose process is gone reads back as Crashed (see Project::run).
enum class RunStatus { Created, Running, Paused, Completed, Stopped, Failed, Crashed };
const char* toString(RunStatus status);
// false for an unknown name.
bool parseRunStatus(const std::string& name, RunStatus& out);

struct RunInfo {
    int64_t id = 0;
    std::string name;
    int64_t datasetId = 0;
    int64_t splitId = 0;
    std::string modelDir;    // checkpoint folder or "builtin:<name>"
    std::string configJson;  // the normalised run config
    RunStatus status = RunStatus::Created;
    std::string createdAt, startedAt, finishedAt;  // "" while unset
    std::optional<double> bestMetric;
    std::optional<int64_t> bestStep;
    std::string error;
    std::string checkpointDir;  // runs/<id>
    int64_t pid = 0;            // the process that trains it while Running
    std::string host;
};

// One logged value: train_loss, lr, grad_norm, samples_per_second (per step) or
// val_loss, val_accuracy, val_macro_f1 (per evaluation). epoch is fractional.
struct MetricPoint {
    int64_t step = 0;
    double epoch = 0;
    std::string name;
    double value = 0;
};

struct CheckpointInfo {
    int64_t runId = 0;
    int64_t step = 0;
    std::string kind;  // "last" or "best"
    std::string path;
    std::string createdAt;
};

// One evaluation of a run's checkpoint on a part of its split (schema version 3). The
// JSON columns hold what the evaluator computed: metrics::Report::toJson(), the
// baselines with McNemar's test, and the sensitivity analysis.
struct EvaluationInfo {
    int64_t id = 0;
    int64_t runId = 0;
    int64_t splitId = 0;
    SplitPart part = SplitPart::Test;
    std::string checkpoint;  // "best" or "last"
    std::string checkpointPath;
    std::vector<std::string> labels;  // the model's label order; indexes below refer to it
    std::string reportJson, baselinesJson, sensitivityJson;
    double seconds = 0;  // wall time of the evaluation
    std::string createdAt;
};

// One stored prediction: the row, its true label and the model's answer (indexes into
// EvaluationInfo::labels) and the probability of every label.
struct PredictionRecord {
    int64_t rowId = 0;
    int trueLabel = 0;
    int predicted = 0;
    std::vector<float> probabilities;
};

// A version in the model registry: one export of a run (schema version 3).
struct ExportInfo {
    int64_t id = 0;
    std::string name;     // the model name; versions count per name
    int64_t version = 0;  // 1, 2, ...
    int64_t runId = 0;
    std::optional<int64_t> evaluationId;
    std::string path;  // the export folder
    std::string checkpoint;
    std::string dtype;          // f32, f16, bf16
    std::string datasetSha256;  // of the dataset's sources, in order
    std::string metricsJson;    // the headline metrics at export time
    std::string manifestJson;
    bool verified = false;  // re-predicted from the folder and equal to the app's answers
    std::string createdAt;
};

struct CleaningInfo {
    int64_t id = 0;
    std::string pipelineJson;
    std::string reportJson;
    std::string appliedAt;
};

// Appends rows to a dataset with one prepared statement (the importer's hot loop).
// Use inside a Transaction on the same connection. Also adds each new label to the
// dataset's label set, in order of first appearance.
class RowInserter {
public:
    RowInserter(sqlite3* db, int64_t datasetId, int64_t sourceId);
    void insert(int64_t rowIndex, int64_t line, std::string_view text,
                const std::optional<std::string>& textPair, const std::optional<std::string>& label,
                const std::optional<std::string>& rawLabel);

private:
    sqlite3* m_db;
    int64_t m_datasetId;
    int64_t m_sourceId;
    Statement m_insert;
    Statement m_label;
    std::set<std::string> m_knownLabels;
};

// For bulk loads: drops the rows table's secondary indexes now and rebuilds them in
// rebuild() — one sort instead of a B-tree update per row, several times faster for
// a large import. Both happen inside the caller's transaction, so a rollback brings
// the indexes back untouched. Queries in between run without those indexes.
class RowIndexSuspension {
public:
    explicit RowIndexSuspension(sqlite3* db);
    void rebuild();

private:
    sqlite3* m_db;
};

// A project folder: project.db (SQLite in WAL mode, schema-versioned) plus runs/ and
// exports/. One Project = one SQLite connection, to be used by one thread at a
// time; other threads open their own Project on the same folder (WAL lets readers
// and one writer work at once). Every method throws ft::Error on failure; methods
// that write do so in one transaction, so a failure leaves the database as it was.
class Project {
public:
    static constexpr int kSchemaVersion = 3;

    // Creates the folder (if needed) and a new project in it; throws if the folder
    // already holds a project.db.
    static Project create(const std::string& dir);
    // Opens an existing project, migrating its schema forward if it is older;
    // throws NotFound if there is no project.db, Database if it is not ours or
    // from a newer version.
    static Project open(const std::string& dir);
    static bool exists(const std::string& dir);

    Project(Project&&) noexcept;
    Project& operator=(Project&&) noexcept;
    Project(const Project&) = delete;
    Project& operator=(const Project&) = delete;
    ~Project();

    const std::string& dir() const { return m_dir; }
    std::string databasePath() const;
    std::string runsDir() const;
    std::string exportsDir() const;
    sqlite3* handle() const { return m_db; }
    int schemaVersion() const;

    // Datasets ------------------------------------------------------------
    int64_t createDataset(const std::string& name);
    std::vector<DatasetInfo> datasets() const;
    std::optional<DatasetInfo> dataset(int64_t id) const;
    std::optional<DatasetInfo> datasetByName(const std::string& name) const;
    // The dataset a command works on when none is named: the only one, or the
    // newest. Throws NotFound if the project has none.
    DatasetInfo defaultDataset() const;
    void setHasPair(int64_t datasetId, bool hasPair);

    // Sources -------------------------------------------------------------
    // Called inside the importer's transaction.
    int64_t addSource(const SourceInfo& info);
    void updateSourceCounts(int64_t sourceId, int64_t rowCount, int64_t skipped,
                            const std::string& warningsJson);
    std::vector<SourceInfo> sources(int64_t datasetId) const;

    // Rows ----------------------------------------------------------------
    int64_t rowCount(int64_t datasetId, const RowFilter& filter = {}) const;
    // Rows in id order, `limit` from `offset` (for lazy fetching in the GUI).
    std::vector<Row> rows(int64_t datasetId, const RowFilter& filter, int64_t offset,
                          int64_t limit) const;
    std::optional<Row> row(int64_t rowId) const;

    // Labels --------------------------------------------------------------
    // The label set in its stored order, with counts over rows that are not dropped.
    std::vector<LabelCount> labelCounts(int64_t datasetId) const;
    std::vector<std::string> labels(int64_t datasetId) const;
    // Adds a label to the set if it is not there yet (at the end).
    void ensureLabel(int64_t datasetId, const std::string& label);
    // Sets or clears a row's label and records the change. Returns the change id.
    int64_t setLabel(int64_t rowId, const std::optional<std::string>& label);
    // Reverts the most recent label change not yet undone in the dataset; returns
    // the row id it touched, or nullopt if there is nothing to undo.
    std::optional<int64_t> undoLabelChange(int64_t datasetId);
    int64_t labelChangeCount(int64_t datasetId) const;
    // Renames a label value everywhere in the dataset (rows and label set). If `to`
    // already exists the two labels are merged. Recorded as one change per row.
    void renameLabel(int64_t datasetId, const std::string& from, const std::string& to);

    // Cleaning ------------------------------------------------------------
    int64_t recordCleaning(int64_t datasetId, const std::string& pipelineJson,
                           const std::string& reportJson);
    std::optional<CleaningInfo> latestCleaning(int64_t datasetId) const;

    // Splits --------------------------------------------------------------
    // Saves a split: `assignment` pairs row ids with their part.
    int64_t saveSplit(int64_t datasetId, uint64_t seed, const std::vector<double>& ratios,
                      bool stratified, const std::vector<std::pair<int64_t, SplitPart>>& assignment,
                      const std::string& reportJson);
    std::optional<SplitInfo> latestSplit(int64_t datasetId) const;
    std::vector<int64_t> splitRowIds(int64_t splitId, SplitPart part) const;

    // Settings ------------------------------------------------------------
    // Small per-project choices of the GUI (e.g. the chosen model), kept in the meta
    // table under "setting.<key>" (no schema change). setSetting replaces any value;
    // setting returns nullopt for a key never set.
    void setSetting(const std::string& key, const std::string& value);
    std::optional<std::string> setting(const std::string& key) const;

    // Runs ----------------------------------------------------------------
    // Inserts a run (status Created); returns its id. info.id, status and times are
    // ignored; checkpointDir is set to runs/<id>.
    int64_t createRun(const RunInfo& info);
    // Status Crashed is reported for a run stored as Running whose process (pid on this
    // host) no longer exists; a run on another host is reported as stored.
    std::optional<RunInfo> run(int64_t runId) const;
    std::vector<RunInfo> runs() const;
    // Marks a run Running in this process (pid, host; started_at on the first start).
    void markRunStarted(int64_t runId);
    // Sets the final (or paused) status, finished_at and the error message.
    void finishRun(int64_t runId, RunStatus status, const std::string& error = {});
    void setRunBest(int64_t runId, double metric, int64_t step);
    // Appends metric points in one transaction (a point logged again replaces the old).
    void addMetrics(int64_t runId, const std::vector<MetricPoint>& points);
    // Records a checkpoint of kind at step, replacing the previous one of that kind, and
    // flushes pending metric points in the same transaction, so the database never
    // names a checkpoint whose metrics it lacks.
    void recordCheckpoint(int64_t runId, int64_t step, const std::string& kind,
                          const std::string& path, const std::vector<MetricPoint>& pending = {});
    // Points of a run ordered by name, then step ("" = every name).
    std::vector<MetricPoint> runMetrics(int64_t runId, const std::string& name = {}) const;
    std::vector<CheckpointInfo> checkpoints(int64_t runId) const;
    // Deletes metric points after step (a resumed run logs them again).
    void truncateRunMetrics(int64_t runId, int64_t afterStep);

    // Evaluations (schema v3) ---------------------------------------------
    // Stores an evaluation and its predictions in one transaction; returns its id.
    int64_t saveEvaluation(const EvaluationInfo& info,
                           const std::vector<PredictionRecord>& predictions);
    std::optional<EvaluationInfo> evaluation(int64_t evaluationId) const;
    // A run's evaluations, newest first (runId 0 = every run's).
    std::vector<EvaluationInfo> evaluations(int64_t runId = 0) const;
    std::optional<EvaluationInfo> latestEvaluation(int64_t runId) const;
    // In row id order.
    std::vector<PredictionRecord> predictions(int64_t evaluationId) const;
    void deleteEvaluation(int64_t evaluationId);

    // Model registry (schema v3) --------------------------------------------
    // The version the next export of name gets (1 for a new name).
    int64_t nextExportVersion(const std::string& name) const;
    // Records an export; info.version must be nextExportVersion(info.name) (checked in
    // the same transaction, so two exports never share a version). Returns its id.
    int64_t recordExport(const ExportInfo& info);
    std::vector<ExportInfo> exports() const;  // by name, then version
    std::optional<ExportInfo> exportInfo(int64_t exportId) const;
    // Forgets the registry entry (the caller removes the folder).
    void deleteExport(int64_t exportId);

    // "2026-11-26T05:15:26Z"
    static std::string nowUtc();

private:
    Project(std::string dir, sqlite3* db);
    void migrate();

    std::string m_dir;
    sqlite3* m_db = nullptr;
};

}  // namespace ft::store
