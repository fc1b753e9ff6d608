#include "exportpage.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <nlohmann/json.hpp>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardItemModel>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

#include "appsettings.h"
#include "labels.h"
#include "store/project.h"

Q_LOGGING_CATEGORY(lcExportPage, "ft.ui.exportpage", QtInfoMsg)

namespace ft::ui {
namespace {

using nlohmann::json;

constexpr int kPlanDelayMs = 250;

QString q(const std::string& s) { return QString::fromStdString(s); }

QString sizeText(uint64_t bytes) {
    return QLocale().formattedDataSize(static_cast<qint64>(bytes), 1, QLocale::DataSizeSIFormat);
}

QString countText(int64_t n) { return QLocale().toString(static_cast<qlonglong>(n)); }

// "val_loss" -> "validation loss".
QString metricName(const std::string& key) {
    if (key == "val_loss") return QObject::tr("validation loss");
    if (key == "val_accuracy") return QObject::tr("validation accuracy");
    if (key == "val_macro_f1") return QObject::tr("validation macro-F1");
    return q(key);
}

// Headline metric keys of an export's metrics JSON, in words.
QString headlineName(const std::string& key) {
    static const std::map<std::string, const char*> names{
        {"accuracy", QT_TRANSLATE_NOOP("ExportPage", "Accuracy")},
        {"f1_macro", QT_TRANSLATE_NOOP("ExportPage", "Macro-F1")},
        {"balanced_accuracy", QT_TRANSLATE_NOOP("ExportPage", "Balanced accuracy")},
        {"mcc", QT_TRANSLATE_NOOP("ExportPage", "Matthews correlation")},
        {"log_loss", QT_TRANSLATE_NOOP("ExportPage", "Log loss")},
        {"roc_auc", QT_TRANSLATE_NOOP("ExportPage", "ROC AUC")},
        {"roc_auc_ovr_macro", QT_TRANSLATE_NOOP("ExportPage", "ROC AUC (one-vs-rest, macro)")},
        {"accuracy_lower", QT_TRANSLATE_NOOP("ExportPage", "Accuracy, 95 % lower bound")},
        {"accuracy_upper", QT_TRANSLATE_NOOP("ExportPage", "Accuracy, 95 % upper bound")},
        {"f1_macro_lower", QT_TRANSLATE_NOOP("ExportPage", "Macro-F1, 95 % lower bound")},
        {"f1_macro_upper", QT_TRANSLATE_NOOP("ExportPage", "Macro-F1, 95 % upper bound")},
    };
    const auto it = names.find(key);
    return it == names.end() ? q(key) : QCoreApplication::translate("ExportPage", it->second);
}

QStandardItem* textItem(const QString& text, const QString& tip = {}) {
    auto* item = new QStandardItem(text);
    item->setEditable(false);
    item->setToolTip(tip.isEmpty() ? text : tip);
    return item;
}

QStandardItem* numberItem(std::optional<double> v, const QString& missingTip) {
    auto* item = new QStandardItem;
    item->setEditable(false);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    if (!v || !std::isfinite(*v)) {
        item->setText(QStringLiteral("—"));
        item->setToolTip(missingTip);
        return item;
    }
    item->setText(QString::number(*v, 'f', 4));
    item->setData(*v, Qt::UserRole);
    return item;
}

QTableView* makeTable(QAbstractItemModel* model, const QString& name) {
    auto* view = new QTableView;
    view->setObjectName(name);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideMiddle);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    return view;
}

QLabel* hintLabel(const QString& text = {}) {
    auto* label = new QLabel(text);
    label->setProperty("role", QStringLiteral("hint"));
    label->setWordWrap(true);
    return label;
}

const char* const kWarningStyle =
    "QLabel { color: #7a4f01; background: #fef7e0; border: 1px solid #feefc3;"
    " border-radius: 6px; padding: 6px 10px; }";

// What the summary box says before the first export of the session.
QString summaryIntro() {
    return ExportPage::tr(
        "<p style='font-weight:400'>One folder that loads anywhere Hugging Face checkpoints "
        "load, and that <code>finetune serve</code> serves:</p><ul style='font-weight:400'>"
        "<li><b>config.json</b>, <b>model.safetensors</b> and the tokenizer files</li>"
        "<li><b>preprocessing.json</b>: the cleaning steps the model was trained with</li>"
        "<li><b>README.md</b>: the model card, with the evaluation's metrics and plots</li>"
        "<li><b>Dockerfile</b> and <b>k8s.yaml</b> to run it as a service</li>"
        "<li><b>manifest.json</b>: the SHA-256 of every file and the verification</li></ul>"
        "<p style='font-weight:400'>Before the folder gets its final name it is loaded back "
        "and re-predicts the evaluated rows; the export only passes when the answers agree "
        "with the app's.</p>");
}

}  // namespace

ExportPage::ExportPage(QWidget* parent)
    : QWidget(parent),
      m_readThread(new QThread(this)),
      m_exportThread(new QThread(this)),
      m_jsonlThread(new QThread(this)),
      m_loader(new ExportLoader),
      m_plots(new ExportPlotBridge(this)),
      m_worker(new ExportWorker(m_plots->renderer())),
      m_jsonlWorker(new ExportWorker),
      m_planTimer(new QTimer(this)),
      m_filesModel(new QStandardItemModel(this)),
      m_registryModel(new QStandardItemModel(this)),
      m_compareMetrics(new QStandardItemModel(this)),
      m_compareConfig(new QStandardItemModel(this)) {
    setObjectName(QStringLiteral("exportPage"));
    qRegisterMetaType<ft::ui::ExportListing>();
    qRegisterMetaType<ft::deploy::ExportResult>();
    qRegisterMetaType<ft::deploy::ExportComparison>();
    qRegisterMetaType<ft::deploy::JsonlExportResult>();

    m_readThread->setObjectName(QStringLiteral("ft-export-read"));
    m_exportThread->setObjectName(QStringLiteral("ft-export"));
    m_jsonlThread->setObjectName(QStringLiteral("ft-export-jsonl"));
    m_loader->moveToThread(m_readThread);
    m_worker->moveToThread(m_exportThread);
    m_jsonlWorker->moveToThread(m_jsonlThread);
    connect(m_readThread, &QThread::finished, m_loader, &QObject::deleteLater);
    connect(m_exportThread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_jsonlThread, &QThread::finished, m_jsonlWorker, &QObject::deleteLater);

    connect(m_loader, &ExportLoader::listed, this, &ExportPage::onListed);
    connect(m_loader, &ExportLoader::planned, this, [this](qint64 jobId, const QString& folder) {
        if (jobId != m_planJob) return;
        m_planJob = 0;
        m_plannedFolder = folder;
        if (!m_folderEdited) m_folder->setText(QDir::toNativeSeparators(folder));
        if (m_error->property("fromPlan").toBool()) setError({});
    });
    connect(m_loader, &ExportLoader::compared, this,
            [this](qint64 jobId, const deploy::ExportComparison& comparison) {
                if (jobId != m_compareJob) return;
                m_compareJob = 0;
                showComparison(comparison);
                updateState();
            });
    connect(m_loader, &ExportLoader::failed, this, [this](qint64 jobId, const QString& message) {
        if (jobId == m_planJob) {
            // The plan checks what the export would check first (the checkpoint, the name,
            // an existing folder): say it before the user clicks.
            m_planJob = 0;
            m_plannedFolder.clear();
            if (!m_folderEdited) m_folder->clear();
            setError(message);
            m_error->setProperty("fromPlan", true);
        } else if (jobId == m_listJob) {
            m_listJob = 0;
            m_registryError->setText(tr("The project could not be read: %1").arg(message));
            m_registryError->show();
        } else if (jobId == m_compareJob) {
            m_compareJob = 0;
            m_registryError->setText(tr("The versions could not be compared: %1").arg(message));
            m_registryError->show();
        }
        updateState();
    });

    connect(m_worker, &ExportWorker::progressChanged, this,
            [this](qint64 jobId, double fraction, const QString& text) {
                if (jobId != m_exportJob) return;
                m_progress->setValue(static_cast<int>(fraction * 1000));
                m_progress->setFormat(text.isEmpty() ? QStringLiteral("%p %")
                                                     : text + QStringLiteral(" — %p %"));
            });
    connect(m_worker, &ExportWorker::exportFinished, this, &ExportPage::onExportFinished);
    connect(m_worker, &ExportWorker::exportFailed, this,
            [this](qint64 jobId, const QString& message) {
                if (jobId != m_exportJob) return;
                m_exportJob = 0;
                setError(tr("The export failed: %1").arg(message));
                updateState();
                Q_EMIT exportFailed(message);
            });
    connect(m_worker, &ExportWorker::exportCancelled, this, [this](qint64 jobId) {
        if (jobId != m_exportJob) return;
        m_exportJob = 0;
        updateState();
        Q_EMIT statusMessage(tr("Export cancelled; nothing was written"));
    });
    connect(m_worker, &ExportWorker::removed, this,
            [this](qint64 jobId, int count, const QStringList& errors) {
                if (jobId != m_removeJob) return;
                m_removeJob = 0;
                if (!errors.isEmpty()) {
                    m_registryError->setText(errors.join(QLatin1Char('\n')));
                    m_registryError->show();
                }
                if (count > 0) {
                    Q_EMIT statusMessage(count == 1 ? tr("Deleted 1 export")
                                                    : tr("Deleted %1 exports").arg(count));
                    m_comparePanel->hide();
                }
                refresh();
                requestPlan();
                Q_EMIT exportsRemoved(count);
            });

    connect(m_jsonlWorker, &ExportWorker::progressChanged, this,
            [this](qint64 jobId, double fraction, const QString&) {
                if (jobId != m_jsonlJob) return;
                m_jsonlProgress->setValue(static_cast<int>(fraction * 1000));
            });
    connect(
        m_jsonlWorker, &ExportWorker::jsonlFinished, this,
        [this](qint64 jobId, const deploy::JsonlExportResult& result) {
            if (jobId != m_jsonlJob) return;
            m_jsonlJob = 0;
            QStringList perLabel;
            for (const store::LabelCount& l : result.labels) {
                perLabel << QStringLiteral("%1 %2").arg(q(l.label), countText(l.count));
            }
            m_jsonlResult->setProperty("role", QStringLiteral("ok"));
            m_jsonlResult->setText(
                tr("Wrote %1 (%2) to %3")
                    .arg(result.lines == 1 ? tr("1 line")
                                           : tr("%1 lines").arg(countText(result.lines)),
                         sizeText(static_cast<uint64_t>(result.bytes)),
                         QDir::toNativeSeparators(q(result.path))) +
                (perLabel.isEmpty() ? QString()
                                    : QStringLiteral(" — ") + perLabel.join(QStringLiteral(", "))));
            m_jsonlResult->style()->polish(m_jsonlResult);
            m_jsonlResult->show();
            updateState();
            Q_EMIT statusMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(q(result.path))));
            Q_EMIT jsonlFinished(result.lines);
        });
    connect(m_jsonlWorker, &ExportWorker::jsonlFailed, this,
            [this](qint64 jobId, const QString& message) {
                if (jobId != m_jsonlJob) return;
                m_jsonlJob = 0;
                m_jsonlResult->setProperty("role", QStringLiteral("error"));
                m_jsonlResult->setText(tr("Nothing was written: %1").arg(message));
                m_jsonlResult->style()->polish(m_jsonlResult);
                m_jsonlResult->show();
                updateState();
                Q_EMIT jsonlFailed(message);
            });
    connect(m_jsonlWorker, &ExportWorker::jsonlCancelled, this, [this](qint64 jobId) {
        if (jobId != m_jsonlJob) return;
        m_jsonlJob = 0;
        m_jsonlResult->setProperty("role", QStringLiteral("hint"));
        m_jsonlResult->setText(tr("Cancelled; nothing was written."));
        m_jsonlResult->style()->polish(m_jsonlResult);
        m_jsonlResult->show();
        updateState();
    });

    m_readThread->start();
    m_exportThread->start();
    m_jsonlThread->start();

    m_planTimer->setSingleShot(true);
    m_planTimer->setInterval(kPlanDelayMs);
    connect(m_planTimer, &QTimer::timeout, this, &ExportPage::requestPlan);

    auto* title = new QLabel(tr("Deploy"));
    title->setStyleSheet(QStringLiteral("font-size: 16pt; font-weight: 600;"));
    auto* subtitle = hintLabel(
        tr("Export a trained run as a self-contained, verified folder — weights, tokenizer, "
           "cleaning steps, model card, Dockerfile — and keep every version in the registry."));
    auto* header = new QHBoxLayout;
    header->addWidget(title);
    header->addSpacing(12);
    header->addWidget(subtitle, 1);

    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("exportContent"));
    auto* grid = new QGridLayout(content);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(14);
    grid->setVerticalSpacing(10);
    // The registry gets the full width below; the JSONL export sits under the summary so
    // that everything fits a 1360 × 860 window without scrolling.
    auto* right = new QVBoxLayout;
    right->setSpacing(10);
    right->addWidget(createSummaryBox(), 1);
    right->addWidget(createJsonlBox());
    grid->addWidget(createExportBox(), 0, 0);
    grid->addLayout(right, 0, 1);
    grid->addWidget(createRegistryBox(), 1, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(1, 1);

    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("exportScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addWidget(scroll, 1);
    updateState();
}

ExportPage::~ExportPage() {
    for (const ExportStopFlag& stop : {m_exportStop, m_jsonlStop}) {
        if (stop) stop->store(true);
    }
    // Before waiting: an export may be waiting for the GUI thread to draw its plots.
    m_plots->close();
    for (QThread* thread : {m_readThread, m_exportThread, m_jsonlThread}) {
        thread->requestInterruption();
        thread->quit();
        thread->wait();
    }
}

QWidget* ExportPage::createExportBox() {
    auto* box = new QGroupBox(tr("Export a model"));
    box->setObjectName(QStringLiteral("exportBox"));

    m_runCombo = new QComboBox;
    m_runCombo->setObjectName(QStringLiteral("exportRunCombo"));
    m_runCombo->setMinimumContentsLength(30);
    m_runCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_runCombo->setToolTip(tr("The trained run to export"));
    connect(m_runCombo, &QComboBox::activated, this, [this] { onRunChosen(); });

    m_runInfo = hintLabel();
    m_runInfo->setObjectName(QStringLiteral("exportRunInfo"));
    // Plain text: a wrapped rich-text label gets a wrong height in a form row.
    m_runInfo->setTextFormat(Qt::PlainText);
    m_runEvaluated = new QLabel;
    m_runEvaluated->setObjectName(QStringLiteral("exportRunEvaluated"));
    m_runEvaluated->setProperty("role", QStringLiteral("ok"));
    m_runEvaluated->setWordWrap(true);
    m_runEvaluated->setTextFormat(Qt::PlainText);
    m_runEvaluated->hide();

    m_evaluateNote = new QWidget;
    m_evaluateNote->setObjectName(QStringLiteral("exportEvaluateNote"));
    m_evaluateNoteText = new QLabel;
    m_evaluateNoteText->setWordWrap(true);
    m_evaluateNoteText->setStyleSheet(QLatin1String(kWarningStyle));
    auto* evaluateFirst = new QPushButton(tr("Evaluate first…"));
    evaluateFirst->setObjectName(QStringLiteral("exportEvaluateFirst"));
    evaluateFirst->setToolTip(tr("Open stage 4 to evaluate this run on its test part"));
    connect(evaluateFirst, &QPushButton::clicked, this,
            [this] { Q_EMIT evaluateRequested(currentRunId()); });
    auto* noteRow = new QHBoxLayout(m_evaluateNote);
    noteRow->setContentsMargins(0, 0, 0, 0);
    noteRow->addWidget(m_evaluateNoteText, 1);
    noteRow->addWidget(evaluateFirst, 0, Qt::AlignVCenter);
    m_evaluateNote->hide();

    m_checkpointCombo = new QComboBox;
    m_checkpointCombo->setObjectName(QStringLiteral("exportCheckpointCombo"));
    m_checkpointCombo->addItem(tr("Best (by the run's validation metric)"), QStringLiteral("best"));
    m_checkpointCombo->addItem(tr("Last (the final weights)"), QStringLiteral("last"));
    connect(m_checkpointCombo, &QComboBox::activated, this, [this] {
        setError({});
        updateRunInfo();
        updateDtypeHint();
        requestPlan();
    });

    m_dtypeCombo = new QComboBox;
    m_dtypeCombo->setObjectName(QStringLiteral("exportDtypeCombo"));
    m_dtypeCombo->addItem(tr("f32 — exact"), static_cast<int>(deploy::ExportDtype::F32));
    m_dtypeCombo->addItem(tr("f16 — half the size"), static_cast<int>(deploy::ExportDtype::F16));
    m_dtypeCombo->addItem(tr("bf16 — half the size, wider range"),
                          static_cast<int>(deploy::ExportDtype::BF16));
    connect(m_dtypeCombo, &QComboBox::currentIndexChanged, this, [this] { updateDtypeHint(); });
    m_dtypeHint = hintLabel();
    m_dtypeHint->setObjectName(QStringLiteral("exportDtypeHint"));

    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("exportName"));
    m_name->setPlaceholderText(tr("the run's name"));
    m_name->setToolTip(
        tr("The model's name in the registry; every export of a name is its next version. "
           "Letters, digits, '-', '_' and '.'; anything else becomes '-'."));
    connect(m_name, &QLineEdit::textEdited, this, [this] {
        m_nameEdited = true;
        setError({});
        m_planTimer->start();
    });

    m_folder = new QLineEdit;
    m_folder->setObjectName(QStringLiteral("exportFolder"));
    m_folder->setToolTip(tr("The folder the export creates; it must not exist yet"));
    connect(m_folder, &QLineEdit::textEdited, this, [this] {
        m_folderEdited = !m_folder->text().trimmed().isEmpty();
        setError({});
        updateState();
        m_planTimer->start();
    });
    m_browse = new QPushButton(tr("Browse…"));
    m_browse->setObjectName(QStringLiteral("exportBrowse"));
    m_browse->setToolTip(tr("Choose the folder to create the export in"));
    connect(m_browse, &QPushButton::clicked, this, [this] {
        // Until a folder is chosen here, start in Preferences → Exports folder when set.
        QString start = QFileInfo(targetFolder()).absolutePath();
        if (!m_folderEdited && !AppSettings::exportsFolder().isEmpty())
            start = AppSettings::exportsFolder();
        const QString parent = QFileDialog::getExistingDirectory(
            this, tr("Create the export in"), start.isEmpty() ? m_projectDir : start);
        if (parent.isEmpty()) return;
        const QString leaf = QFileInfo(targetFolder()).fileName();
        m_folder->setText(QDir::toNativeSeparators(
            QDir(parent).filePath(leaf.isEmpty() ? QStringLiteral("model") : leaf)));
        m_folderEdited = true;
        setError({});
        updateState();
        requestPlan();
    });
    m_resetFolder = new QPushButton(tr("Default"));
    m_resetFolder->setObjectName(QStringLiteral("exportResetFolder"));
    m_resetFolder->setToolTip(tr("Back to the next version's folder in the project's exports/"));
    connect(m_resetFolder, &QPushButton::clicked, this, [this] {
        m_folderEdited = false;
        m_folder->setText(QDir::toNativeSeparators(m_plannedFolder));
        setError({});
        updateState();
        requestPlan();
    });
    auto* folderRow = new QHBoxLayout;
    folderRow->setSpacing(6);
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browse);
    folderRow->addWidget(m_resetFolder);
    m_folderHint = hintLabel();
    m_folderHint->setObjectName(QStringLiteral("exportFolderHint"));

    m_export = new QPushButton(tr("Export"));
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setProperty("primary", true);
    m_export->setMinimumWidth(110);
    m_export->setToolTip(
        tr("Write the folder, load it back and re-predict the evaluated rows to verify it, then "
           "add it to the registry"));
    connect(m_export, &QPushButton::clicked, this, &ExportPage::startExport);
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(true);
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("exportCancel"));
    connect(m_cancel, &QPushButton::clicked, this, &ExportPage::cancelExport);
    auto* buttonRow = new QHBoxLayout;
    buttonRow->setSpacing(8);
    buttonRow->addWidget(m_export);
    buttonRow->addWidget(m_progress, 1);
    buttonRow->addWidget(m_cancel);
    buttonRow->addStretch(0);

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("exportError"));
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setVerticalSpacing(6);
    form->addRow(tr("Run:"), m_runCombo);
    form->addRow(QString(), m_runInfo);
    form->addRow(QString(), m_runEvaluated);
    form->addRow(tr("Checkpoint:"), m_checkpointCombo);
    form->addRow(tr("Weights:"), m_dtypeCombo);
    form->addRow(QString(), m_dtypeHint);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Folder:"), folderRow);
    form->addRow(QString(), m_folderHint);

    auto* layout = new QVBoxLayout(box);
    layout->setSpacing(8);
    layout->addLayout(form);
    layout->addWidget(m_evaluateNote);
    layout->addLayout(buttonRow);
    layout->addWidget(m_error);
    layout->addStretch(1);
    return box;
}

QWidget* ExportPage::createSummaryBox() {
    m_summaryBox = new QGroupBox(tr("What an export contains"));
    m_summaryBox->setObjectName(QStringLiteral("exportSummaryBox"));

    m_summaryIntro = new QLabel(summaryIntro());
    m_summaryIntro->setObjectName(QStringLiteral("exportSummaryIntro"));
    m_summaryIntro->setWordWrap(true);
    m_summaryIntro->setTextFormat(Qt::RichText);
    m_summaryIntro->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_summaryTitle = new QLabel;
    m_summaryTitle->setObjectName(QStringLiteral("exportSummaryTitle"));
    m_summaryTitle->setProperty("role", QStringLiteral("heading"));
    m_summaryTitle->setWordWrap(true);
    m_summaryTitle->setTextFormat(Qt::PlainText);
    m_summaryDetails = hintLabel();
    m_summaryDetails->setObjectName(QStringLiteral("exportSummaryDetails"));

    auto* folderLabel = new QLabel(tr("Folder:"));
    m_summaryFolder = new QLabel;
    m_summaryFolder->setObjectName(QStringLiteral("exportSummaryFolder"));
    m_summaryFolder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summaryFolder->setWordWrap(true);
    auto* open = new QPushButton(tr("Open folder"));
    open->setObjectName(QStringLiteral("exportSummaryOpen"));
    connect(open, &QPushButton::clicked, this, [this] {
        if (m_lastResult) QDesktopServices::openUrl(QUrl::fromLocalFile(q(m_lastResult->folder)));
    });
    auto* copy = new QPushButton(tr("Copy path"));
    copy->setObjectName(QStringLiteral("exportSummaryCopy"));
    connect(copy, &QPushButton::clicked, this, [this] {
        if (m_lastResult) {
            QApplication::clipboard()->setText(QDir::toNativeSeparators(q(m_lastResult->folder)));
        }
    });
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(folderLabel);
    folderRow->addWidget(m_summaryFolder, 1);
    folderRow->addWidget(open);
    folderRow->addWidget(copy);
    auto* folderWidget = new QWidget;
    folderWidget->setObjectName(QStringLiteral("exportSummaryFolderRow"));
    folderWidget->setLayout(folderRow);
    folderRow->setContentsMargins(0, 0, 0, 0);

    m_verification = new QLabel;
    m_verification->setObjectName(QStringLiteral("exportVerification"));
    m_verification->setWordWrap(true);
    m_verification->setTextFormat(Qt::RichText);

    m_summaryWarnings = new QLabel;
    m_summaryWarnings->setObjectName(QStringLiteral("exportWarnings"));
    m_summaryWarnings->setWordWrap(true);
    m_summaryWarnings->setTextFormat(Qt::RichText);
    m_summaryWarnings->setStyleSheet(QLatin1String(kWarningStyle));

    m_filesView = makeTable(m_filesModel, QStringLiteral("exportFilesTable"));
    m_filesView->setSelectionMode(QAbstractItemView::NoSelection);
    // About five rows: the total is written below it, and the registry must stay in view.
    m_filesView->setMinimumHeight(100);
    m_filesView->setMaximumHeight(m_filesView->verticalHeader()->defaultSectionSize() * 5 +
                                  m_filesView->horizontalHeader()->sizeHint().height() + 4);
    m_summaryTotal = hintLabel();
    m_summaryTotal->setObjectName(QStringLiteral("exportSummaryTotal"));

    auto* layout = new QVBoxLayout(m_summaryBox);
    layout->setSpacing(6);
    layout->addWidget(m_summaryIntro, 1);
    layout->addWidget(m_summaryTitle);
    layout->addWidget(m_summaryDetails);
    layout->addWidget(folderWidget);
    layout->addWidget(m_verification);
    layout->addWidget(m_summaryWarnings);
    layout->addWidget(m_filesView, 1);
    layout->addWidget(m_summaryTotal);
    m_summaryTitle->hide();
    m_summaryDetails->hide();
    folderWidget->hide();
    m_verification->hide();
    m_summaryWarnings->hide();
    m_filesView->hide();
    m_summaryTotal->hide();
    return m_summaryBox;
}

QWidget* ExportPage::createRegistryBox() {
    auto* box = new QGroupBox(tr("Model registry"));
    box->setObjectName(QStringLiteral("registryBox"));

    m_registryModel->setHorizontalHeaderLabels({tr("Name"), tr("Version"), tr("Run"), tr("Weights"),
                                                tr("Verified"), tr("Accuracy"), tr("Macro-F1"),
                                                tr("Exported"), tr("Folder")});
    m_registryView = makeTable(m_registryModel, QStringLiteral("registryTable"));
    m_registryView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_registryView->horizontalHeader()->setStretchLastSection(true);
    m_registryView->setMinimumHeight(150);
    connect(m_registryView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { updateState(); });
    connect(m_registryView, &QTableView::doubleClicked, this, [this] { openSelectedFolder(); });

    m_registryEmpty = hintLabel(
        tr("No exports yet. Every export is kept here as a version of its name (v1, v2, …), "
           "with the run it came from and its verified metrics."));
    m_registryEmpty->setObjectName(QStringLiteral("registryEmpty"));

    m_openFolder = new QPushButton(tr("Open folder"));
    m_openFolder->setObjectName(QStringLiteral("registryOpen"));
    connect(m_openFolder, &QPushButton::clicked, this, &ExportPage::openSelectedFolder);
    m_compare = new QPushButton(tr("Compare"));
    m_compare->setObjectName(QStringLiteral("registryCompare"));
    m_compare->setToolTip(
        tr("Select two or more versions (Ctrl+click) to see their metrics and "
           "the settings that differ side by side"));
    connect(m_compare, &QPushButton::clicked, this, &ExportPage::compareSelected);
    m_delete = new QPushButton(tr("Delete…"));
    m_delete->setObjectName(QStringLiteral("registryDelete"));
    m_delete->setToolTip(tr("Delete the selected versions and their folders"));
    connect(m_delete, &QPushButton::clicked, this, &ExportPage::deleteSelected);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_registryEmpty, 1);
    buttons->addStretch(0);
    buttons->addWidget(m_openFolder);
    buttons->addWidget(m_compare);
    buttons->addWidget(m_delete);

    m_registryError = new QLabel;
    m_registryError->setObjectName(QStringLiteral("registryError"));
    m_registryError->setProperty("role", QStringLiteral("error"));
    m_registryError->setWordWrap(true);
    m_registryError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_registryError->hide();

    m_comparePanel = new QWidget;
    m_comparePanel->setObjectName(QStringLiteral("comparePanel"));
    m_compareTitle = new QLabel;
    m_compareTitle->setProperty("role", QStringLiteral("heading"));
    auto* hide = new QPushButton(tr("Close"));
    hide->setObjectName(QStringLiteral("compareClose"));
    connect(hide, &QPushButton::clicked, m_comparePanel, &QWidget::hide);
    m_compareMetricsView = makeTable(m_compareMetrics, QStringLiteral("compareMetricsTable"));
    m_compareConfigView = makeTable(m_compareConfig, QStringLiteral("compareConfigTable"));
    for (QTableView* view : {m_compareMetricsView, m_compareConfigView}) {
        view->setSelectionMode(QAbstractItemView::NoSelection);
        view->horizontalHeader()->setStretchLastSection(true);
        view->setMinimumHeight(110);
    }
    auto* metricsLabel = new QLabel(tr("Metrics at export time"));
    metricsLabel->setProperty("role", QStringLiteral("hint"));
    auto* configLabel = new QLabel(tr("Settings that differ"));
    configLabel->setProperty("role", QStringLiteral("hint"));
    auto* compareGrid = new QGridLayout(m_comparePanel);
    compareGrid->setContentsMargins(0, 6, 0, 0);
    compareGrid->addWidget(m_compareTitle, 0, 0);
    compareGrid->addWidget(hide, 0, 1, Qt::AlignRight);
    compareGrid->addWidget(metricsLabel, 1, 0);
    compareGrid->addWidget(configLabel, 1, 1);
    compareGrid->addWidget(m_compareMetricsView, 2, 0);
    compareGrid->addWidget(m_compareConfigView, 2, 1);
    compareGrid->setColumnStretch(0, 1);
    compareGrid->setColumnStretch(1, 1);
    m_comparePanel->hide();

    auto* layout = new QVBoxLayout(box);
    layout->setSpacing(6);
    layout->addWidget(m_registryView, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_registryError);
    layout->addWidget(m_comparePanel);
    return box;
}

QWidget* ExportPage::createJsonlBox() {
    auto* box = new QGroupBox(tr("Training data for OpenAI fine-tuning (JSONL)"));
    box->setObjectName(QStringLiteral("jsonlBox"));

    m_jsonlDataset = new QComboBox;
    m_jsonlDataset->setObjectName(QStringLiteral("jsonlDatasetCombo"));
    m_jsonlDataset->setMinimumContentsLength(8);
    m_jsonlDataset->setToolTip(tr("The dataset whose labelled rows are written"));
    m_jsonlDataset->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_jsonlDataset, &QComboBox::currentIndexChanged, this, [this] { fillJsonlParts(); });
    m_jsonlPart = new QComboBox;
    m_jsonlPart->setObjectName(QStringLiteral("jsonlPartCombo"));
    m_jsonlPart->setMinimumContentsLength(14);
    m_jsonlPart->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_jsonlRaw = new QCheckBox(tr("Raw text"));
    m_jsonlRaw->setToolTip(
        tr("Write the text as it was imported, not the cleaned text the "
           "models train on"));
    m_jsonlRaw->setObjectName(QStringLiteral("jsonlRawText"));
    m_jsonlSystem = new QLineEdit;
    m_jsonlSystem->setObjectName(QStringLiteral("jsonlSystem"));
    m_jsonlSystem->setPlaceholderText(tr("Optional, e.g. “Answer with the intent only.”"));
    m_jsonlSystem->setToolTip(tr("Sent as the system message of every example"));
    m_jsonlButton = new QPushButton(tr("Export JSONL…"));
    m_jsonlButton->setObjectName(QStringLiteral("jsonlExportButton"));
    m_jsonlButton->setToolTip(
        tr("One chat example per row: the text as the user message, its label as the "
           "assistant's answer"));
    connect(m_jsonlButton, &QPushButton::clicked, this, &ExportPage::exportJsonl);
    m_jsonlProgress = new QProgressBar;
    m_jsonlProgress->setObjectName(QStringLiteral("jsonlProgress"));
    m_jsonlProgress->setRange(0, 1000);
    m_jsonlCancel = new QPushButton(tr("Cancel"));
    m_jsonlCancel->setObjectName(QStringLiteral("jsonlCancel"));
    connect(m_jsonlCancel, &QPushButton::clicked, this, &ExportPage::cancelJsonl);
    m_jsonlResult = new QLabel;
    m_jsonlResult->setObjectName(QStringLiteral("jsonlResult"));
    m_jsonlResult->setWordWrap(true);
    m_jsonlResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_jsonlResult->hide();

    auto* source = new QHBoxLayout;
    source->setSpacing(8);
    source->addWidget(m_jsonlDataset, 2);
    source->addWidget(m_jsonlPart, 3);
    source->addWidget(m_jsonlRaw);
    auto* prompt = new QHBoxLayout;
    prompt->setSpacing(8);
    prompt->addWidget(m_jsonlSystem, 1);
    prompt->addWidget(m_jsonlProgress);
    prompt->addWidget(m_jsonlCancel);
    prompt->addWidget(m_jsonlButton);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setVerticalSpacing(6);
    form->addRow(tr("Data:"), source);
    form->addRow(tr("System prompt:"), prompt);
    auto* layout = new QVBoxLayout(box);
    layout->setSpacing(6);
    layout->addLayout(form);
    layout->addWidget(m_jsonlResult);
    return box;
}

void ExportPage::setProject(store::Project* project) {
    for (const ExportStopFlag& stop : {m_exportStop, m_jsonlStop}) {
        if (stop) stop->store(true);
    }
    m_listJob = m_planJob = m_compareJob = m_exportJob = m_removeJob = m_jsonlJob = 0;
    m_projectDir = project ? q(project->dir()) : QString();
    m_listing = {};
    m_lastResult.reset();
    m_selectExport.reset();
    m_wantedRun.reset();
    m_nameEdited = false;
    m_folderEdited = false;
    m_plannedFolder.clear();
    m_name->clear();
    m_folder->clear();
    m_jsonlSystem->clear();
    m_jsonlResult->hide();
    m_comparePanel->hide();
    m_registryError->hide();
    setError({});
    m_summaryBox->setTitle(tr("What an export contains"));
    for (QWidget* w : m_summaryBox->findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
        w->setVisible(w == m_summaryIntro);
    }
    fillRunCombo();
    fillRegistry();
    fillDatasets();
    if (project) refresh();
    updateState();
}

void ExportPage::refresh() {
    if (m_projectDir.isEmpty()) return;
    const qint64 job = m_listJob = m_nextJob++;
    const QString dir = m_projectDir;
    QMetaObject::invokeMethod(
        m_loader, [loader = m_loader, job, dir] { loader->list(job, dir); }, Qt::QueuedConnection);
    updateState();
}

void ExportPage::selectRun(int64_t runId) {
    m_wantedRun = runId;
    const int index = m_runCombo->findData(QVariant::fromValue<qlonglong>(runId));
    if (index >= 0 && m_listJob == 0) {
        m_runCombo->setCurrentIndex(index);
        m_wantedRun.reset();
        onRunChosen();
    }
}

void ExportPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (!m_projectDir.isEmpty() && m_listJob == 0) refresh();
}

int64_t ExportPage::currentRunId() const {
    return m_runCombo->currentIndex() < 0 ? 0 : m_runCombo->currentData().toLongLong();
}

const ExportRunEntry* ExportPage::currentRun() const {
    const int64_t id = currentRunId();
    for (const ExportRunEntry& r : m_listing.runs) {
        if (r.run.id == id) return &r;
    }
    return nullptr;
}

QString ExportPage::targetFolder() const {
    return m_folderEdited ? QDir::fromNativeSeparators(m_folder->text().trimmed())
                          : m_plannedFolder;
}

deploy::ExportOptions ExportPage::currentOptions() const {
    deploy::ExportOptions o;
    o.checkpoint = m_checkpointCombo->currentData().toString().toStdString();
    o.dtype = static_cast<deploy::ExportDtype>(m_dtypeCombo->currentData().toInt());
    o.name = m_name->text().trimmed().toStdString();
    if (m_folderEdited)
        o.outDir = QDir::fromNativeSeparators(m_folder->text().trimmed()).toStdString();
    return o;
}

void ExportPage::onListed(qint64 jobId, const ExportListing& listing) {
    if (jobId != m_listJob) return;
    m_listJob = 0;
    m_registryError->hide();
    const int64_t previousRun = currentRunId();
    m_listing = listing;
    fillRunCombo();
    fillRegistry();
    fillDatasets();
    if (m_wantedRun) {
        const int index = m_runCombo->findData(QVariant::fromValue<qlonglong>(*m_wantedRun));
        if (index >= 0) m_runCombo->setCurrentIndex(index);
        m_wantedRun.reset();
    }
    if (currentRunId() != previousRun) {
        onRunChosen();
    } else {
        updateRunInfo();
        updateDtypeHint();
        if (m_exportJob == 0) requestPlan();
    }
    updateState();
    Q_EMIT listingChanged();
}

void ExportPage::fillRunCombo() {
    const int64_t keep = currentRunId();
    const QSignalBlocker block(m_runCombo);
    m_runCombo->clear();
    for (const ExportRunEntry& r : m_listing.runs) {
        // A run that never started has nothing to export.
        if (r.run.status == store::RunStatus::Created && r.checkpoints.empty()) continue;
        QString text = QStringLiteral("%1  (#%2").arg(q(r.run.name)).arg(r.run.id);
        if (r.run.status != store::RunStatus::Completed) {
            text += QStringLiteral(", ") + runStatusName(r.run.status);
        }
        text += QLatin1Char(')');
        m_runCombo->addItem(text, QVariant::fromValue<qlonglong>(r.run.id));
    }
    int index = m_runCombo->findData(QVariant::fromValue<qlonglong>(keep));
    if (index < 0) {
        // First listing: the newest evaluated run (stage 4 comes before this one), else
        // the newest run that has something to export.
        for (bool evaluated : {true, false}) {
            for (const ExportRunEntry& r : m_listing.runs) {
                if (r.checkpoints.empty() || (evaluated && !r.bestEvaluation && !r.lastEvaluation))
                    continue;
                index = m_runCombo->findData(QVariant::fromValue<qlonglong>(r.run.id));
                break;
            }
            if (index >= 0) break;
        }
    }
    if (index >= 0) m_runCombo->setCurrentIndex(index);
    if (m_runCombo->count() == 0) {
        m_runCombo->setPlaceholderText(m_projectDir.isEmpty() ? QString()
                                                              : tr("No trained run yet"));
    }
}

void ExportPage::onRunChosen() {
    const ExportRunEntry* r = currentRun();
    if (r && !m_nameEdited) {
        std::string name = deploy::Exporter::sanitizeName(r->run.name);
        if (name.empty()) name = "run-" + std::to_string(r->run.id);
        m_name->setText(q(name));
    }
    if (r) {
        // Without a best checkpoint the exporter falls back to the last one; say so by
        // choosing it.
        const bool hasBest = r->checkpoint("best") != nullptr;
        const QString wanted = m_checkpointCombo->currentData().toString();
        if (wanted == QLatin1String("best") && !hasBest && r->checkpoint("last")) {
            m_checkpointCombo->setCurrentIndex(m_checkpointCombo->findData(QStringLiteral("last")));
        }
    }
    updateRunInfo();
    updateDtypeHint();
    setError({});
    requestPlan();
    updateState();
}

void ExportPage::updateRunInfo() {
    const ExportRunEntry* r = currentRun();
    if (!r) {
        m_runInfo->setText(m_projectDir.isEmpty()
                               ? QString()
                               : tr("Train a run on stage 3 first; completed runs appear here."));
        m_evaluateNote->hide();
        m_runEvaluated->hide();
        return;
    }
    QStringList parts;
    const QString model = r->run.modelDir.rfind("builtin:", 0) == 0
                              ? q(r->run.modelDir.substr(8))
                              : QFileInfo(q(r->run.modelDir)).fileName();
    parts << tr("%1, %2").arg(model, runStatusName(r->run.status));
    if (r->run.bestMetric) {
        parts << tr("best %1 %2%3")
                     .arg(metricName(r->metricName))
                     .arg(QString::number(*r->run.bestMetric, 'f', 4))
                     .arg(r->run.bestStep ? tr(" at step %1").arg(*r->run.bestStep) : QString());
    }
    QStringList checkpoints;
    for (const ExportRunEntry::Checkpoint& c : r->checkpoints) {
        checkpoints << (c.folderExists ? tr("%1 (step %2)").arg(q(c.info.kind)).arg(c.info.step)
                                       : tr("%1 (folder missing)").arg(q(c.info.kind)));
    }
    parts << (checkpoints.isEmpty()
                  ? tr("no checkpoint")
                  : tr("checkpoints: %1").arg(checkpoints.join(QStringLiteral(", "))));

    const QString kind = m_checkpointCombo->currentData().toString();
    const auto& evaluation = kind == QLatin1String("last") ? r->lastEvaluation : r->bestEvaluation;
    QString text = parts.join(QStringLiteral(" · "));
    if (evaluation) {
        QStringList metrics;
        if (evaluation->accuracy) {
            metrics << tr("accuracy %1").arg(QString::number(*evaluation->accuracy, 'f', 4));
        }
        if (evaluation->f1Macro) {
            metrics << tr("macro-F1 %1").arg(QString::number(*evaluation->f1Macro, 'f', 4));
        }
        m_runEvaluated->setText(tr("✔ Evaluated on the %1 part (evaluation %2): %3")
                                    .arg(splitPartName(evaluation->part))
                                    .arg(evaluation->id)
                                    .arg(metrics.join(QStringLiteral(", "))));
        m_runEvaluated->show();
        m_evaluateNote->hide();
    } else if (!r->checkpoints.empty()) {
        m_runEvaluated->hide();
        m_evaluateNoteText->setText(
            tr("The %1 checkpoint of this run has not been evaluated: the model card will have "
               "no test metrics or plots, and the export is verified against the checkpoint "
               "itself. Evaluating first is recommended — exporting anyway works.")
                .arg(kind));
        m_evaluateNote->show();
    } else {
        m_runEvaluated->hide();
        m_evaluateNote->hide();
    }
    m_runInfo->setText(text);
}

void ExportPage::updateDtypeHint() {
    const auto dtype = static_cast<deploy::ExportDtype>(m_dtypeCombo->currentData().toInt());
    uint64_t bytes = 0;
    if (const ExportRunEntry* r = currentRun()) {
        const std::string kind = m_checkpointCombo->currentData().toString().toStdString();
        const ExportRunEntry::Checkpoint* c = r->checkpoint(kind);
        if (!c) c = r->checkpoint("last");
        if (c) bytes = c->weightBytes;
    }
    // Checkpoints are stored in f32; the 16-bit formats halve the weights.
    const QString size =
        bytes == 0 ? QString()
                   : tr(" Weights ≈ %1.")
                         .arg(sizeText(dtype == deploy::ExportDtype::F32 ? bytes : bytes / 2));
    switch (dtype) {
        case deploy::ExportDtype::F32:
            m_dtypeHint->setText(
                tr("Exact: the weights as trained; the folder predicts bit for bit what the app "
                   "predicts.") +
                size);
            break;
        case deploy::ExportDtype::F16:
            m_dtypeHint->setText(
                tr("Half the size; probabilities move in the 3rd–4th decimal, labels almost never."
                   " Verified by label.") +
                size);
            break;
        case deploy::ExportDtype::BF16:
            m_dtypeHint->setText(
                tr("Half the size with f32's range but fewer digits: probabilities move a little "
                   "more than with f16. Verified by label.") +
                size);
            break;
    }
}

void ExportPage::requestPlan() {
    m_planTimer->stop();
    const int64_t runId = currentRunId();
    if (m_projectDir.isEmpty() || runId == 0) {
        m_planJob = 0;
        m_plannedFolder.clear();
        if (!m_folderEdited) m_folder->clear();
        updateState();
        return;
    }
    const qint64 job = m_planJob = m_nextJob++;
    const QString dir = m_projectDir;
    const deploy::ExportOptions options = currentOptions();
    QMetaObject::invokeMethod(
        m_loader,
        [loader = m_loader, job, dir, runId, options] { loader->plan(job, dir, runId, options); },
        Qt::QueuedConnection);
    updateState();
}

void ExportPage::setError(const QString& message) {
    m_error->setProperty("fromPlan", false);
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void ExportPage::updateState() {
    const bool open = !m_projectDir.isEmpty();
    const bool exporting = m_exportJob != 0;
    const bool hasRun = currentRunId() != 0;
    for (QWidget* w : std::initializer_list<QWidget*>{m_runCombo, m_checkpointCombo, m_dtypeCombo,
                                                      m_name, m_folder, m_browse}) {
        w->setEnabled(open && !exporting);
    }
    m_resetFolder->setVisible(m_folderEdited);
    m_resetFolder->setEnabled(!exporting);
    m_export->setEnabled(open && hasRun && !exporting);
    m_progress->setVisible(exporting);
    m_cancel->setVisible(exporting);
    if (!exporting) m_progress->setValue(0);
    m_folderHint->setText(
        m_folderEdited
            ? tr("Your own folder: it is created by the export and must not exist yet. The "
                 "version still enters the registry.")
            : tr("The next version's folder in the project's exports/. Each export gets its own "
                 "folder; none is ever overwritten."));

    const QList<qint64> selected = selectedExportIds();
    const bool removing = m_removeJob != 0;
    m_openFolder->setEnabled(selected.size() == 1);
    m_compare->setEnabled(selected.size() >= 2 && m_compareJob == 0);
    m_delete->setEnabled(!selected.isEmpty() && !removing);
    m_registryEmpty->setVisible(m_registryModel->rowCount() == 0);

    const bool jsonl = m_jsonlJob != 0;
    m_jsonlButton->setEnabled(open && m_jsonlDataset->count() > 0 && !jsonl);
    m_jsonlProgress->setVisible(jsonl);
    m_jsonlCancel->setVisible(jsonl);
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_jsonlDataset, m_jsonlPart, m_jsonlSystem, m_jsonlRaw}) {
        w->setEnabled(open && !jsonl);
    }
}

void ExportPage::startExport() {
    if (m_exportJob != 0) return;
    const int64_t runId = currentRunId();
    if (m_projectDir.isEmpty() || runId == 0) {
        setError(tr("Choose a trained run to export."));
        return;
    }
    if (m_folderEdited && m_folder->text().trimmed().isEmpty()) {
        setError(tr("Folder: give the folder to create, or press Default."));
        return;
    }
    setError({});
    m_planTimer->stop();
    m_planJob = 0;
    m_exportStop = std::make_shared<std::atomic_bool>(false);
    const qint64 job = m_exportJob = m_nextJob++;
    const QString dir = m_projectDir;
    const deploy::ExportOptions options = currentOptions();
    const ExportStopFlag stop = m_exportStop;
    m_progress->setValue(0);
    m_progress->setFormat(tr("Starting — %p %"));
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, job, dir, runId, options, stop] {
            worker->exportRun(job, dir, runId, options, stop);
        },
        Qt::QueuedConnection);
    updateState();
    Q_EMIT statusMessage(tr("Exporting run %1…").arg(runId));
}

void ExportPage::cancelExport() {
    if (m_exportStop) m_exportStop->store(true);
    m_progress->setFormat(tr("Cancelling — %p %"));
}

void ExportPage::onExportFinished(qint64 jobId, const deploy::ExportResult& result) {
    if (jobId != m_exportJob) return;
    m_exportJob = 0;
    m_lastResult = result;
    m_selectExport = result.exportId;
    showSummary(result);
    // The name stays; the folder moves on to the next version.
    if (!m_folderEdited) m_folder->clear();
    m_folderEdited = false;
    refresh();
    updateState();
    Q_EMIT statusMessage(tr("Exported %1 version %2 to %3")
                             .arg(q(result.name))
                             .arg(result.version)
                             .arg(QDir::toNativeSeparators(q(result.folder))));
    Q_EMIT exportFinished(result.exportId);
}

void ExportPage::showSummary(const deploy::ExportResult& r) {
    m_summaryBox->setTitle(tr("Last export"));
    m_summaryTitle->setText(tr("%1 — version %2").arg(q(r.name)).arg(r.version));
    m_summaryDetails->setText(tr("%1 checkpoint · %2 weights · exported in %3 s")
                                  .arg(q(r.checkpoint), q(deploy::toString(r.dtype)),
                                       QString::number(r.seconds, 'f', 1)));
    m_summaryFolder->setText(QDir::toNativeSeparators(q(r.folder)));

    const deploy::Verification& v = r.verification;
    const QString reference =
        v.evaluationId ? tr("evaluation %1").arg(*v.evaluationId) : tr("the checkpoint itself");
    const QString part = v.part.empty() ? tr("reference") : q(v.part);
    QString verdict;
    if (!v.performed) {
        verdict = QStringLiteral("<b style='color:#7a4f01'>%1</b> — %2")
                      .arg(tr("Not verified"), q(v.message).toHtmlEscaped());
    } else if (v.passed && r.dtype == deploy::ExportDtype::F32) {
        verdict = QStringLiteral("<b style='color:#137333'>✔ %1</b> — %2")
                      .arg(tr("Verified"),
                           tr("the folder re-predicted all %1 rows of the %2 part exactly as %3 "
                              "did: the same labels and every probability bit for bit "
                              "(%4 bit-identical).")
                               .arg(countText(v.rows), part, reference, countText(v.identicalRows))
                               .toHtmlEscaped());
    } else if (v.passed) {
        verdict =
            QStringLiteral("<b style='color:#137333'>✔ %1</b> — %2")
                .arg(tr("Verified"),
                     tr("the folder re-predicted the %1 rows of the %2 part: every label agrees "
                        "with %3 (agreement %4 %); the largest probability difference is %5, "
                        "from rounding the weights to %6.")
                         .arg(countText(v.rows), part, reference,
                              QString::number(v.agreement * 100, 'f', 1),
                              QString::number(v.maxProbabilityDifference, 'g', 3),
                              q(deploy::toString(r.dtype)))
                         .toHtmlEscaped());
    } else {
        // The exporter's sentence names the first row that differs; the numbers follow.
        verdict = QStringLiteral(
                      "<b style='color:#a50e0e'>✘ %1</b> — %2<br>"
                      "<span style='color:#5f6368'>%3</span>")
                      .arg(tr("Verification failed"), q(v.message).toHtmlEscaped(),
                           tr("Agreement %1 % (%2 of %3 rows of the %4 part) · largest "
                              "probability difference %5 · reference: %6")
                               .arg(QString::number(v.agreement * 100, 'f', 1),
                                    countText(v.sameLabel), countText(v.rows), part,
                                    QString::number(v.maxProbabilityDifference, 'g', 3), reference)
                               .toHtmlEscaped());
    }
    m_verification->setToolTip(q(v.message));
    m_verification->setText(verdict);

    QStringList warnings;
    for (const std::string& w : r.warnings) warnings << q(w).toHtmlEscaped();
    m_summaryWarnings->setText(tr("<b>Warnings</b>") + QStringLiteral("<br>• ") +
                               warnings.join(QStringLiteral("<br>• ")));
    m_summaryWarnings->setVisible(!warnings.isEmpty());

    m_filesModel->clear();
    m_filesModel->setHorizontalHeaderLabels({tr("File"), tr("Size")});
    for (const deploy::ExportedFile& f : r.files) {
        auto* size = textItem(
            sizeText(f.size),
            tr("%1 bytes · SHA-256 %2").arg(countText(static_cast<int64_t>(f.size)), q(f.sha256)));
        size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_filesModel->appendRow({textItem(q(f.path)), size});
    }
    m_filesView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_filesView->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_summaryTotal->setText(
        tr("%1 files and manifest.json, %2 in all")
            .arg(countText(static_cast<int64_t>(r.files.size())), sizeText(r.totalBytes)));
    for (QWidget* w : m_summaryBox->findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
        w->setVisible(w != m_summaryIntro && (w != m_summaryWarnings || !warnings.isEmpty()));
    }
}

void ExportPage::fillRegistry() {
    // After an export its new row is selected (and shown); otherwise the selection stays.
    const QList<qint64> keep =
        m_selectExport ? QList<qint64>{*m_selectExport} : selectedExportIds();
    const bool reveal = m_selectExport.has_value();
    for (const store::ExportInfo& e : m_listing.exports) {
        if (m_selectExport && e.id == *m_selectExport) m_selectExport.reset();
    }
    m_registryModel->removeRows(0, m_registryModel->rowCount());
    std::map<int64_t, std::string> runNames;
    for (const ExportRunEntry& r : m_listing.runs) runNames[r.run.id] = r.run.name;
    for (const store::ExportInfo& e : m_listing.exports) {
        json metrics = json::object();
        try {
            metrics = json::parse(e.metricsJson.empty() ? "{}" : e.metricsJson);
        } catch (const json::exception&) {
        }
        auto metric = [&metrics](const char* key) -> std::optional<double> {
            if (!metrics.is_object()) return std::nullopt;
            const auto it = metrics.find(key);
            if (it == metrics.end() || !it->is_number()) return std::nullopt;
            return it->get<double>();
        };
        auto* name = textItem(q(e.name));
        name->setData(QVariant::fromValue<qlonglong>(e.id), Qt::UserRole);
        auto* version = textItem(QStringLiteral("v%1").arg(e.version));
        version->setData(QVariant::fromValue<qlonglong>(e.version), Qt::UserRole);
        const auto runName = runNames.find(e.runId);
        auto* run = textItem(runName == runNames.end()
                                 ? tr("#%1 (deleted)").arg(e.runId)
                                 : QStringLiteral("#%1 %2").arg(e.runId).arg(q(runName->second)));
        auto* dtype =
            textItem(q(e.dtype) + QStringLiteral(" · ") + q(e.checkpoint),
                     tr("%1 weights from the %2 checkpoint").arg(q(e.dtype), q(e.checkpoint)));
        auto* verified = textItem(e.verified ? tr("yes") : tr("no"),
                                  e.verified ? tr("The folder re-predicted the reference rows and "
                                                  "agreed with the app")
                                             : tr("The folder's predictions were not checked or "
                                                  "did not agree; see its manifest.json"));
        verified->setForeground(QColor(e.verified ? 0x137333 : 0xa50e0e));
        const QString notEvaluated = tr("The run was not evaluated when this version was exported");
        auto* created = textItem(localTime(e.createdAt), q(e.createdAt));
        auto* folder = textItem(QDir::toNativeSeparators(q(e.path)));
        m_registryModel->appendRow({name, version, run, dtype, verified,
                                    numberItem(metric("accuracy"), notEvaluated),
                                    numberItem(metric("f1_macro"), notEvaluated), created, folder});
    }
    QHeaderView* header = m_registryView->horizontalHeader();
    for (int c = 0; c < m_registryModel->columnCount() - 1; ++c) {
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    }
    header->setSectionResizeMode(m_registryModel->columnCount() - 1, QHeaderView::Stretch);
    for (int row = 0; row < m_registryModel->rowCount(); ++row) {
        if (keep.contains(m_registryModel->item(row, 0)->data(Qt::UserRole).toLongLong())) {
            m_registryView->selectionModel()->select(
                m_registryModel->index(row, 0),
                QItemSelectionModel::Select | QItemSelectionModel::Rows);
            if (reveal) m_registryView->scrollTo(m_registryModel->index(row, 0));
        }
    }
    updateState();
}

QList<qint64> ExportPage::selectedExportIds() const {
    QList<qint64> ids;
    for (const QModelIndex& index : m_registryView->selectionModel()->selectedRows(0)) {
        ids << m_registryModel->item(index.row(), 0)->data(Qt::UserRole).toLongLong();
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

void ExportPage::openSelectedFolder() {
    const QList<qint64> ids = selectedExportIds();
    if (ids.size() != 1) return;
    for (const store::ExportInfo& e : m_listing.exports) {
        if (e.id != ids.front()) continue;
        if (!QFileInfo(q(e.path)).isDir()) {
            m_registryError->setText(
                tr("%1: the folder is gone (moved or deleted outside the app); delete the version "
                   "to forget it.")
                    .arg(QDir::toNativeSeparators(q(e.path))));
            m_registryError->show();
            return;
        }
        QDesktopServices::openUrl(QUrl::fromLocalFile(q(e.path)));
    }
}

void ExportPage::compareSelected() {
    const QList<qint64> ids = selectedExportIds();
    if (ids.size() < 2 || m_projectDir.isEmpty()) return;
    m_registryError->hide();
    const qint64 job = m_compareJob = m_nextJob++;
    const QString dir = m_projectDir;
    QMetaObject::invokeMethod(
        m_loader, [loader = m_loader, job, dir, ids] { loader->compare(job, dir, ids); },
        Qt::QueuedConnection);
    updateState();
}

void ExportPage::showComparison(const deploy::ExportComparison& c) {
    QStringList names;
    for (const store::ExportInfo& e : c.exports) {
        names << QStringLiteral("%1 v%2").arg(q(e.name)).arg(e.version);
    }
    m_compareTitle->setText(tr("Compared: %1").arg(names.join(QStringLiteral(" · "))));

    m_compareMetrics->clear();
    m_compareMetrics->setHorizontalHeaderLabels(QStringList{tr("Metric")} + names);
    // Headline metrics first, each with its 95 % interval beside the value when stored.
    static const std::vector<std::string> order{"accuracy", "f1_macro", "balanced_accuracy",
                                                "mcc",      "roc_auc",  "roc_auc_ovr_macro",
                                                "log_loss"};
    auto rank = [](const std::string& key) {
        return std::find(order.begin(), order.end(), key) - order.begin();
    };
    std::map<std::string, const deploy::ExportComparison::Metric*> byKey;
    for (const deploy::ExportComparison::Metric& m : c.metrics) byKey[m.key] = &m;
    // "<key>_lower" / "<key>_upper" of a shown key are written into its cells.
    auto isBound = [&byKey](const std::string& key) {
        if (key.size() <= 6) return false;
        const std::string suffix = key.substr(key.size() - 6);
        return (suffix == "_lower" || suffix == "_upper") &&
               byKey.count(key.substr(0, key.size() - 6)) > 0;
    };
    std::vector<const deploy::ExportComparison::Metric*> shown;
    for (const deploy::ExportComparison::Metric& m : c.metrics) {
        if (!isBound(m.key)) shown.push_back(&m);
    }
    std::stable_sort(shown.begin(), shown.end(),
                     [&rank](const auto* a, const auto* b) { return rank(a->key) < rank(b->key); });
    for (const deploy::ExportComparison::Metric* m : shown) {
        QList<QStandardItem*> row{textItem(headlineName(m->key), q(m->key))};
        const auto lower = byKey.find(m->key + "_lower");
        const auto upper = byKey.find(m->key + "_upper");
        // The better value in bold when the versions differ (lower is better for log loss).
        std::optional<double> best, worst;
        for (const auto& v : m->values) {
            if (!v) continue;
            const bool better =
                m->key == "log_loss" ? (!best || *v < *best) : (!best || *v > *best);
            const bool poorer =
                m->key == "log_loss" ? (!worst || *v > *worst) : (!worst || *v < *worst);
            if (better) best = v;
            if (poorer) worst = v;
        }
        for (size_t i = 0; i < m->values.size(); ++i) {
            const auto& v = m->values[i];
            auto* item = numberItem(v, tr("not evaluated when exported"));
            if (v && lower != byKey.end() && upper != byKey.end() &&
                i < lower->second->values.size() && i < upper->second->values.size() &&
                lower->second->values[i] && upper->second->values[i]) {
                item->setText(QStringLiteral("%1  [%2, %3]")
                                  .arg(QString::number(*v, 'f', 4),
                                       QString::number(*lower->second->values[i], 'f', 4),
                                       QString::number(*upper->second->values[i], 'f', 4)));
                item->setToolTip(tr("value [95 % interval]"));
            }
            if (v && best && worst && *best != *worst && *v == *best) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            row << item;
        }
        m_compareMetrics->appendRow(row);
    }
    if (c.metrics.empty()) {
        m_compareMetrics->appendRow(
            {textItem(tr("No metrics: none of these versions was evaluated when exported"))});
    }

    m_compareConfig->clear();
    m_compareConfig->setHorizontalHeaderLabels(QStringList{tr("Setting")} + names);
    QList<QStandardItem*> dtypeRow{textItem(tr("weights"))};
    QList<QStandardItem*> checkpointRow{textItem(tr("checkpoint"))};
    QList<QStandardItem*> runRow{textItem(tr("run"))};
    for (const store::ExportInfo& e : c.exports) {
        dtypeRow << textItem(q(e.dtype));
        checkpointRow << textItem(q(e.checkpoint));
        runRow << textItem(QStringLiteral("#%1").arg(e.runId));
    }
    auto differs = [](const QList<QStandardItem*>& row) {
        for (int i = 2; i < row.size(); ++i) {
            if (row[i]->text() != row[1]->text()) return true;
        }
        return false;
    };
    for (const auto& row : {runRow, checkpointRow, dtypeRow}) {
        if (differs(row)) {
            m_compareConfig->appendRow(row);
        } else {
            qDeleteAll(row);
        }
    }
    for (const auto& [key, values] : c.configDifferences) {
        QList<QStandardItem*> row{textItem(q(key))};
        for (const std::string& v : values) row << textItem(q(v));
        m_compareConfig->appendRow(row);
    }
    if (m_compareConfig->rowCount() == 0) {
        m_compareConfig->appendRow({textItem(tr("Same run, checkpoint and weights"))});
    }
    for (QTableView* view : {m_compareMetricsView, m_compareConfigView}) {
        view->resizeColumnsToContents();
        view->horizontalHeader()->setStretchLastSection(true);
    }
    m_comparePanel->show();
    Q_EMIT comparisonShown();
}

void ExportPage::deleteSelected() {
    const QList<qint64> ids = selectedExportIds();
    if (ids.isEmpty() || m_removeJob != 0 || m_projectDir.isEmpty()) return;
    QStringList lines;
    for (const store::ExportInfo& e : m_listing.exports) {
        if (!ids.contains(e.id)) continue;
        lines << tr("%1 version %2 — %3")
                     .arg(q(e.name))
                     .arg(e.version)
                     .arg(QDir::toNativeSeparators(q(e.path)));
    }
    QMessageBox box(QMessageBox::Warning, tr("Delete exports"),
                    ids.size() == 1
                        ? tr("Delete this version and its folder?")
                        : tr("Delete these %1 versions and their folders?").arg(ids.size()),
                    QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("deleteExportsBox"));
    box.setInformativeText(lines.join(QLatin1Char('\n')) +
                           tr("\n\nEverything in these folders is deleted and the registry forgets "
                              "the versions. This cannot be undone."));
    QPushButton* remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("deleteExportsConfirm"));
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove) return;

    m_registryError->hide();
    const qint64 job = m_removeJob = m_nextJob++;
    const QString dir = m_projectDir;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, job, dir, ids] { worker->remove(job, dir, ids); },
        Qt::QueuedConnection);
    updateState();
}

void ExportPage::fillDatasets() {
    const QString keep = m_jsonlDataset->currentText();
    {
        const QSignalBlocker block(m_jsonlDataset);
        m_jsonlDataset->clear();
        for (const ExportDatasetEntry& d : m_listing.datasets) {
            m_jsonlDataset->addItem(q(d.name), QVariant::fromValue<qlonglong>(d.id));
        }
        const int index = m_jsonlDataset->findText(keep);
        // The newest dataset is the project's default, as for the command-line tool.
        m_jsonlDataset->setCurrentIndex(index >= 0 ? index : m_jsonlDataset->count() - 1);
    }
    fillJsonlParts();
}

void ExportPage::fillJsonlParts() {
    const QVariant keep = m_jsonlPart->currentData();
    m_jsonlPart->clear();
    const ExportDatasetEntry* d = nullptr;
    for (const ExportDatasetEntry& e : m_listing.datasets) {
        if (e.id == m_jsonlDataset->currentData().toLongLong()) d = &e;
    }
    if (!d) {
        updateState();
        return;
    }
    if (d->hasSplit) {
        const store::SplitPart parts[] = {store::SplitPart::Train, store::SplitPart::Validation,
                                          store::SplitPart::Test};
        for (store::SplitPart p : parts) {
            const QString name = p == store::SplitPart::Train ? tr("Train part (%1 rows)")
                                 : p == store::SplitPart::Validation
                                     ? tr("Validation part (%1 rows)")
                                     : tr("Test part (%1 rows)");
            m_jsonlPart->addItem(name.arg(countText(d->partRows[static_cast<int>(p)])),
                                 static_cast<int>(p));
        }
        m_jsonlPart->addItem(tr("Every part (%1 rows)").arg(countText(d->labelledRows)), -1);
    } else {
        m_jsonlPart->addItem(
            tr("Every labelled row (%1; no split yet)").arg(countText(d->labelledRows)), -1);
    }
    const int index = m_jsonlPart->findData(keep);
    m_jsonlPart->setCurrentIndex(index >= 0 ? index : 0);
    updateState();
}

void ExportPage::exportJsonl() {
    if (m_projectDir.isEmpty() || m_jsonlDataset->count() == 0) return;
    const int part = m_jsonlPart->currentData().toInt();
    const QString partText =
        part < 0 ? QStringLiteral("all") : q(store::toString(static_cast<store::SplitPart>(part)));
    const QString exportsFolder = AppSettings::exportsFolder();
    const QString suggested =
        QDir(exportsFolder.isEmpty() ? m_projectDir : exportsFolder)
            .filePath(QStringLiteral("%1-%2.jsonl")
                          .arg(q(deploy::Exporter::sanitizeName(
                                   m_jsonlDataset->currentText().toStdString())),
                               partText));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export as OpenAI JSONL"), suggested,
                                                      tr("JSON Lines (*.jsonl);;All files (*)"));
    if (!path.isEmpty()) exportJsonlTo(path);
}

void ExportPage::exportJsonlTo(const QString& path) {
    if (m_projectDir.isEmpty() || m_jsonlJob != 0 || m_jsonlDataset->count() == 0) return;
    deploy::JsonlExportOptions options;
    options.dataset = m_jsonlDataset->currentText().toStdString();
    const int part = m_jsonlPart->currentData().toInt();
    if (part >= 0) options.part = static_cast<store::SplitPart>(part);
    options.system = m_jsonlSystem->text().trimmed().toStdString();
    options.rawText = m_jsonlRaw->isChecked();
    m_jsonlStop = std::make_shared<std::atomic_bool>(false);
    const qint64 job = m_jsonlJob = m_nextJob++;
    const QString dir = m_projectDir;
    const ExportStopFlag stop = m_jsonlStop;
    m_jsonlResult->hide();
    m_jsonlProgress->setValue(0);
    QMetaObject::invokeMethod(
        m_jsonlWorker,
        [worker = m_jsonlWorker, job, dir, path, options, stop] {
            worker->exportJsonl(job, dir, path, options, stop);
        },
        Qt::QueuedConnection);
    updateState();
}

void ExportPage::cancelJsonl() {
    if (m_jsonlStop) m_jsonlStop->store(true);
}

}  // namespace ft::ui
