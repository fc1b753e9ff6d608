#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include "deploy/exporter.h"
#include "deploy/jsonlexport.h"
#include "store/project.h"

namespace ft::ui {

// A run as the Export page offers it: its checkpoints (with the size of their weights),
// and the evaluation the exporter would use for each checkpoint kind.
struct ExportRunEntry {
    struct Checkpoint {
        store::CheckpointInfo info;
        uint64_t weightBytes = 0;  // *.safetensors in its folder; 0 when the folder is gone
        bool folderExists = false;
    };
    struct Evaluation {
        int64_t id = 0;
        store::SplitPart part = store::SplitPart::Test;
        std::string createdAt;
        std::optional<double> accuracy, f1Macro;
    };

    store::RunInfo run;
    std::string metricName;  // the config's metric_for_best ("val_loss" by default)
    std::vector<Checkpoint> checkpoints;
    // The newest evaluation of the best / last checkpoint that does not predate it (the
    // one Exporter::exportRun puts on the model card and verifies against).
    std::optional<Evaluation> bestEvaluation, lastEvaluation;

    const Checkpoint* checkpoint(const std::string& kind) const;
};

// A dataset as the OpenAI JSONL export offers it: labelled, not dropped rows per part.
struct ExportDatasetEntry {
    int64_t id = 0;
    std::string name;
    bool hasSplit = false;
    int64_t labelledRows = 0;
    int64_t partRows[3] = {0, 0, 0};  // train, validation, test
};

struct ExportListing {
    std::vector<ExportRunEntry> runs;        // newest first
    std::vector<store::ExportInfo> exports;  // by name, then version
    std::vector<ExportDatasetEntry> datasets;
};

using ExportStopFlag = std::shared_ptr<std::atomic_bool>;

// Reads for the Export page on its reading thread: the runs, the registry and the
// datasets; the folder an export would get; two versions compared. Each request opens
// its own connection to the project and ends with exactly one result signal or failed;
// no exception leaves a method.
//
// The page calls these methods on the loader's thread (QMetaObject::invokeMethod with a
// functor, queued), so their arguments need no meta-type registration.
class ExportLoader : public QObject {
    Q_OBJECT
public:
    void list(qint64 jobId, const QString& projectDir);
    void plan(qint64 jobId, const QString& projectDir, qint64 runId,
              const ft::deploy::ExportOptions& options);
    void compare(qint64 jobId, const QString& projectDir, const QList<qint64>& exportIds);

Q_SIGNALS:
    void listed(qint64 jobId, const ft::ui::ExportListing& listing);
    void planned(qint64 jobId, const QString& folder);
    void compared(qint64 jobId, const ft::deploy::ExportComparison& comparison);
    void failed(qint64 jobId, const QString& message);
};

// Draws an evaluation's plots for an export that runs on a worker thread.
//
// QCustomPlot is a QWidget, and widgets may only be created on the GUI thread, so the
// renderer that exportRun calls on its worker thread cannot draw there. It hands the
// drawing to this object (which lives on the GUI thread) and waits for it: the same as a
// Qt::BlockingQueuedConnection, but with a way out. A plain blocking call would deadlock
// when the GUI thread waits for the worker (the page closing waits for its threads)
// while the worker waits for the GUI thread; here close() — called before the page waits —
// wakes every waiting renderer, which then throws (the exporter writes the card without
// images, and the stop flag the page set cancels the export). The other choice, drawing
// into a folder on the GUI thread before the export starts, would have to guess which
// evaluation the exporter picks; this way it draws exactly the one it picked, once,
// when it asks. The cost: the GUI thread is busy for as long as saveEvaluationPlots takes
// (about 0.1-0.4 s for the seven PNGs, once per export, logged in ft.ui.export).
//
// Create, close and destroy on the GUI thread; renderer() may be called from any thread.
class ExportPlotBridge : public QObject {
    Q_OBJECT
public:
    explicit ExportPlotBridge(QObject* parent = nullptr);
    ~ExportPlotBridge() override;

    // A PlotRenderer that draws on this object's thread with ft::plots::saveEvaluationPlots
    // (PNG). Throws ft::Error (Cancelled) once the bridge is closed, Io when drawing fails.
    deploy::PlotRenderer renderer();
    // Refuses new drawings and wakes every renderer that waits for one.
    void close();

private:
    struct State {
        std::mutex mutex;
        std::condition_variable done;
        bool closed = false;
    };
    std::shared_ptr<State> m_state;
};

// The page's writing jobs: exportRun (seconds to minutes: weights converted, the folder
// re-predicted), removing registry versions, and the OpenAI JSONL export. Runs on one of
// the page's worker threads; each job ends with exactly one result signal, *Failed or
// *Cancelled. Progress is forwarded at most ~20 times a second; no exception leaves a
// method. Called like ExportLoader (queued functors on the worker's thread).
class ExportWorker : public QObject {
    Q_OBJECT
public:
    explicit ExportWorker(deploy::PlotRenderer renderer = {});

    void exportRun(qint64 jobId, const QString& projectDir, qint64 runId,
                   const ft::deploy::ExportOptions& options, const ft::ui::ExportStopFlag& stop);
    // Removes each version (Exporter::remove); the failures, in words, in removed().
    void remove(qint64 jobId, const QString& projectDir, const QList<qint64>& exportIds);
    void exportJsonl(qint64 jobId, const QString& projectDir, const QString& path,
                     const ft::deploy::JsonlExportOptions& options,
                     const ft::ui::ExportStopFlag& stop);

Q_SIGNALS:
    void progressChanged(qint64 jobId, double fraction, const QString& text);
    void exportFinished(qint64 jobId, const ft::deploy::ExportResult& result);
    void exportFailed(qint64 jobId, const QString& message);
    void exportCancelled(qint64 jobId);
    void removed(qint64 jobId, int removedCount, const QStringList& errors);
    void jsonlFinished(qint64 jobId, const ft::deploy::JsonlExportResult& result);
    void jsonlFailed(qint64 jobId, const QString& message);
    void jsonlCancelled(qint64 jobId);

private:
    Progress makeProgress(qint64 jobId, const ExportStopFlag& stop);

    deploy::PlotRenderer m_renderer;
    qint64 m_lastMs = -1;
    int m_lastPermille = -1;
};

}  // namespace ft::ui

Q_DECLARE_METATYPE(ft::ui::ExportListing)
Q_DECLARE_METATYPE(ft::deploy::ExportResult)
Q_DECLARE_METATYPE(ft::deploy::ExportComparison)
Q_DECLARE_METATYPE(ft::deploy::JsonlExportResult)
