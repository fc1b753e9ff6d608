#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include <QMetaType>
#include <QString>
#include <QWidget>

#include "models/catalog.h"
#include "models/model.h"
#include "models/preflight.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QThread;
class QTreeWidget;
class QTreeWidgetItem;

namespace ft::store {
class Project;
}

namespace ft::ui {

class MemoryBar;
class ModelLoadWorker;
class SpeedWorker;
class TokenizerPreview;

using ModelPtr = std::shared_ptr<const models::Model>;

// Where a model comes from: a checkpoint folder or a built-in shape. Stored per project
// as "folder:<path>" / "builtin:<name>" (store::Project::setting("model")).
struct ModelSource {
    enum class Kind { Folder, Builtin };
    Kind kind = Kind::Folder;
    QString value;  // the folder, or the built-in name ("bert-tiny")

    QString toSetting() const;
    static std::optional<ModelSource> fromSetting(const QString& setting);
    QString displayName() const;
    bool operator==(const ModelSource& o) const { return kind == o.kind && value == o.value; }
};

// Stage 2, "Select model": the models at hand (built-in shapes, the Hugging Face cache,
// folders the user opened), a card for the selected one with its facts, what its family
// is good for and a tokenizer preview, and a pre-flight check (estimated memory against
// free memory, measured seconds per training step and epoch time).
//
// Loading a model, scanning the cache and measuring speed run on the page's two threads
// (loading and scanning on one, measuring on the other); each request has a job id and
// a result of an older request is dropped. A failed load shows the core's message in a
// dialog and in the log and keeps the previous model. Reads the GUI thread's Project
// (not owned) for the dataset's split and the remembered model. GUI thread only.
class ModelPage : public QWidget {
    Q_OBJECT
public:
    explicit ModelPage(QWidget* parent = nullptr);
    ~ModelPage() override;

    // nullptr closes. Loads the model the project remembers (if any) on a worker.
    void setProject(store::Project* project);
    // The dataset whose training split sizes the epoch estimate (0: the default one).
    void setDatasetId(int64_t datasetId);

    bool hasModel() const { return m_model != nullptr; }
    ModelPtr model() const { return m_model; }
    const std::optional<ModelSource>& source() const { return m_source; }
    bool isLoading() const { return m_loadJob != 0; }
    bool isMeasuring() const { return m_speedJob != 0; }
    TokenizerPreview* tokenizerPreview() const { return m_preview; }
    // The current estimate (nullopt without a model).
    std::optional<models::MemoryEstimate> memoryEstimate() const;

    // "4.4 M", "110.1 M", "1.3 B", "58.6 k".
    static QString formatParameters(int64_t parameters);
    // "45 s", "3 min 20 s", "2 h 05 min".
    static QString formatDuration(double seconds);
    // What a model family is good for, in a sentence or two ("" for an unknown one).
    static QString familyGuidance(const QString& modelType);

public Q_SLOTS:
    void openFolderDialog();
    // Start loading on the worker; return the job id.
    qint64 openFolder(const QString& folder);
    qint64 openBuiltin(const QString& name);
    qint64 openSource(const ft::ui::ModelSource& source);
    // Rescans the Hugging Face cache (on the worker).
    void refreshCatalog();
    void measureSpeed();
    void cancelSpeed();

Q_SIGNALS:
    void modelChanged();
    void modelLoadFailed(const QString& message);
    void statusMessage(const QString& text);

    // Internal: queued to the workers' threads.
    void loadRequested(qint64 jobId, const ft::ui::ModelSource& source, const QStringList& labels);
    void scanRequested(qint64 jobId);

private:
    QWidget* createList();
    QWidget* createCard();
    QWidget* createPreflight();
    void populateCatalog(const std::vector<models::CatalogEntry>& entries);
    void populateOpened();
    void rememberOpened(const QString& folder);
    void selectSourceItem();
    void onLoaded(qint64 jobId, const ft::ui::ModelPtr& model, const ft::ui::ModelSource& source);
    void onLoadFailed(qint64 jobId, const QString& message, const ft::ui::ModelSource& source);
    void showCard();
    void updateEstimate();
    void updateSpeedText();
    void refreshTrainRows();
    QStringList projectLabels() const;
    // The first kept row's (cleaned) text of the dataset, for the tokenizer preview.
    QString sampleText() const;

    store::Project* m_project = nullptr;
    int64_t m_datasetId = 0;
    std::optional<int64_t> m_trainRows;  // nullopt: no dataset
    bool m_trainRowsEstimated = false;   // no split yet: 70 % of the labelled rows

    ModelPtr m_model;
    models::ModelInfo m_info;
    std::optional<ModelSource> m_source;
    std::optional<ModelSource> m_pending;
    bool m_restoring = false;  // loading the project's remembered model: no dialog
    qint64 m_nextJob = 1;
    qint64 m_loadJob = 0;
    qint64 m_scanJob = 0;
    qint64 m_speedJob = 0;
    std::optional<models::SpeedMeasurement> m_speed;
    int m_speedBatch = 0, m_speedLength = 0;

    QThread* m_loadThread;
    QThread* m_speedThread;
    ModelLoadWorker* m_loader;
    SpeedWorker* m_speeder;

    QTreeWidget* m_list;
    QTreeWidgetItem* m_builtinGroup;
    QTreeWidgetItem* m_cacheGroup;
    QTreeWidgetItem* m_openedGroup;
    QStackedWidget* m_cardStack;
    QLabel* m_loading;
    QProgressBar* m_loadingBar;
    QWidget* m_loadingRow;
    QLabel* m_architecture;
    QLabel* m_origin;
    QLabel* m_builtinWarning;
    QLabel* m_parameters;
    QLabel* m_layers;
    QLabel* m_hidden;
    QLabel* m_heads;
    QLabel* m_vocab;
    QLabel* m_positions;
    QLabel* m_tokenizerKind;
    QLabel* m_weights;
    QLabel* m_labels;
    QLabel* m_loadNotes;
    QLabel* m_guidance;
    TokenizerPreview* m_preview;
    QSpinBox* m_batch;
    QSpinBox* m_length;
    MemoryBar* m_memoryBar;
    QLabel* m_estimate;
    QLabel* m_verdict;
    QPushButton* m_measure;
    QPushButton* m_cancelMeasure;
    QProgressBar* m_speedBar;
    QLabel* m_speedText;
};

}  // namespace ft::ui

Q_DECLARE_METATYPE(ft::ui::ModelPtr)
Q_DECLARE_METATYPE(ft::ui::ModelSource)
Q_DECLARE_METATYPE(std::vector<ft::models::CatalogEntry>)
