#include "datapage.h"

#include <algorithm>

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "charts.h"
#include "cleaningpanel.h"
#include "error.h"
#include "importwizard.h"
#include "jobcontroller.h"
#include "labeldelegate.h"
#include "qcp.h"
#include "rowstablemodel.h"
#include "rowstableview.h"
#include "splitpanel.h"
#include "store/project.h"

Q_LOGGING_CATEGORY(lcDataPage, "ft.ui.datapage", QtInfoMsg)

namespace ft::ui {
namespace {

QString number(int64_t n) { return QLocale().toString(static_cast<qlonglong>(n)); }

QCustomPlot* makePlot(const QString& name, int height) {
    auto* plot = new QCustomPlot;
    plot->setObjectName(name);
    plot->setMinimumHeight(height);
    charts::applyStyle(plot);
    return plot;
}

QLabel* heading(const QString& text) {
    auto* label = new QLabel(text);
    label->setProperty("role", QStringLiteral("heading"));
    return label;
}

}  // namespace

DataPage::DataPage(JobController* jobs, QWidget* parent)
    : QWidget(parent),
      m_jobs(jobs),
      m_importAction(new QAction(tr("&Import Data…"), this)),
      m_undoAction(new QAction(tr("&Undo Label Change"), this)),
      m_stack(new QStackedWidget),
      m_dataset(new QComboBox),
      m_datasetLabel(new QLabel(tr("Dataset:"))),
      m_filter(new QComboBox),
      m_search(new QLineEdit),
      m_legend(new QLabel),
      m_splitter(new QSplitter(Qt::Horizontal)),
      m_model(new RowsTableModel(this)),
      m_view(new RowsTableView),
      m_tabs(new QTabWidget),
      m_summary(new QLabel),
      m_labelList(new QTableWidget),
      m_labelChart(makePlot(QStringLiteral("labelChart"), 160)),
      m_lengthChart(makePlot(QStringLiteral("lengthChart"), 200)),
      m_cleaning(new CleaningPanel(jobs)),
      m_split(new SplitPanel(jobs)),
      m_searchTimer(new QTimer(this)),
      m_statsTimer(new QTimer(this)) {
    setObjectName(QStringLiteral("dataPage"));

    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_importAction->setShortcut(QKeySequence(tr("Ctrl+I")));
    m_importAction->setToolTip(tr("Import CSV, TSV, JSON or text files into a dataset"));
    m_undoAction->setObjectName(QStringLiteral("undoLabelAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_undoAction->setEnabled(false);
    addAction(m_undoAction);
    connect(m_importAction, &QAction::triggered, this, [this] { startImport(); });
    connect(m_undoAction, &QAction::triggered, this, &DataPage::undoLabelChange);

    // Toolbar --------------------------------------------------------------
    auto* importButton = new QToolButton;
    importButton->setObjectName(QStringLiteral("importButton"));
    importButton->setDefaultAction(m_importAction);
    importButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    importButton->setText(tr("Import…"));
    m_dataset->setObjectName(QStringLiteral("datasetSelector"));
    m_dataset->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_filter->setObjectName(QStringLiteral("rowsFilter"));
    m_filter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_filter->setMinimumContentsLength(14);
    m_search->setObjectName(QStringLiteral("rowsSearch"));
    m_search->setPlaceholderText(tr("Search text…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(320);

    auto* toolbar = new QHBoxLayout;
    toolbar->setSpacing(8);
    toolbar->addWidget(importButton);
    toolbar->addSpacing(12);
    toolbar->addWidget(m_datasetLabel);
    toolbar->addWidget(m_dataset);
    toolbar->addWidget(new QLabel(tr("Show:")));
    toolbar->addWidget(m_filter);
    toolbar->addWidget(m_search, 1);
    toolbar->addStretch();

    m_legend->setObjectName(QStringLiteral("labelLegend"));
    m_legend->setProperty("role", QStringLiteral("legend"));
    m_legend->setWordWrap(true);

    // Rows table -----------------------------------------------------------
    m_view->setModel(m_model);
    auto* delegate = new LabelDelegate(m_view);

    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(6);
    leftLayout->addLayout(toolbar);
    leftLayout->addWidget(m_legend);
    leftLayout->addWidget(m_view, 1);

    // Right side -----------------------------------------------------------
    m_tabs->setObjectName(QStringLiteral("dataTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createOverview(), tr("Overview"));
    // In a scroll area like the overview: the steps list has a fixed height, and a short
    // window would otherwise squeeze the panel's rows on top of each other.
    auto* cleaningScroll = new QScrollArea;
    cleaningScroll->setObjectName(QStringLiteral("cleaningScroll"));
    cleaningScroll->setWidgetResizable(true);
    cleaningScroll->setFrameShape(QFrame::NoFrame);
    cleaningScroll->setWidget(m_cleaning);
    m_tabs->addTab(cleaningScroll, tr("Clean"));
    m_tabs->addTab(m_split, tr("Split"));
    m_tabs->setMinimumWidth(460);

    m_splitter->setObjectName(QStringLiteral("dataSplitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({900, 460});

    // Empty state ------------------------------------------------------------
    auto* empty = new QWidget;
    empty->setObjectName(QStringLiteral("dataEmptyState"));
    auto* emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch();
    auto* emptyTitle = new QLabel(tr("This project has no data yet"));
    emptyTitle->setProperty("role", QStringLiteral("title"));
    emptyTitle->setAlignment(Qt::AlignCenter);
    auto* emptyText = new QLabel(
        tr("Import a CSV, TSV, JSON or JSON Lines file, or lines of \"label TAB text\".\n"
           "Several files can go into one dataset."));
    emptyText->setAlignment(Qt::AlignCenter);
    emptyText->setProperty("role", QStringLiteral("hint"));
    auto* emptyButton = new QPushButton(tr("Import data…"));
    emptyButton->setObjectName(QStringLiteral("emptyImportButton"));
    emptyButton->setProperty("primary", true);
    connect(emptyButton, &QPushButton::clicked, this, [this] { startImport(); });
    emptyLayout->addWidget(emptyTitle);
    emptyLayout->addWidget(emptyText);
    emptyLayout->addSpacing(12);
    emptyLayout->addWidget(emptyButton, 0, Qt::AlignCenter);
    emptyLayout->addStretch(2);

    m_stack->addWidget(empty);
    m_stack->addWidget(m_splitter);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addWidget(m_stack);

    // Wiring -----------------------------------------------------------------
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(250);
    m_statsTimer->setSingleShot(true);
    m_statsTimer->setInterval(600);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &DataPage::applyFilter);
    connect(m_filter, &QComboBox::activated, this, &DataPage::applyFilter);
    connect(m_dataset, &QComboBox::activated, this,
            [this] { selectDataset(m_dataset->currentData().toLongLong()); });
    connect(m_statsTimer, &QTimer::timeout, this, [this] {
        if (m_datasetId != 0) m_statsJob = m_jobs->startStats(m_projectDir, m_datasetId);
    });
    connect(m_model, &RowsTableModel::labelsChanged, this, [this] {
        m_undoAction->setEnabled(true);
        updateLegend();
        scheduleStats();
    });
    connect(m_model, &RowsTableModel::totalRowsChanged, this,
            [this](qint64 shown) { Q_EMIT rowCountChanged(m_datasetRows, shown); });
    connect(m_model, &RowsTableModel::errorOccurred, this, [this](const QString& message) {
        qCWarning(lcDataPage).noquote() << message;
        Q_EMIT statusMessage(message);
    });
    connect(m_view, &RowsTableView::messageRequested, this, &DataPage::statusMessage);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this, delegate] {
        const int label = m_model->columnOf(RowsTableModel::Column::Label);
        for (int c = 0; c < m_model->columnCount(); ++c) {
            m_view->setItemDelegateForColumn(c, c == label ? delegate : nullptr);
        }
        QHeaderView* header = m_view->horizontalHeader();
        for (int c = 0; c < m_model->columnCount(); ++c) {
            switch (m_model->columnAt(c)) {
                case RowsTableModel::Column::Text:
                case RowsTableModel::Column::TextPair:
                case RowsTableModel::Column::CleanText:
                    header->setSectionResizeMode(c, QHeaderView::Stretch);
                    break;
                case RowsTableModel::Column::Number:
                    header->setSectionResizeMode(c, QHeaderView::Interactive);
                    m_view->setColumnWidth(c, 56);
                    break;
                case RowsTableModel::Column::Source:
                    header->setSectionResizeMode(c, QHeaderView::Interactive);
                    m_view->setColumnWidth(c, 150);
                    break;
                default:
                    header->setSectionResizeMode(c, QHeaderView::Interactive);
                    m_view->setColumnWidth(c, 96);
                    break;
            }
        }
    });

    connect(
        m_jobs, &JobController::importFinished, this,
        [this](qint64 jobId, const ImportSummary& summary) {
            if (jobId != m_importJob) return;
            int64_t rows = 0;
            for (const auto& r : summary.results) rows += r.rows;
            Q_EMIT statusMessage(tr("Imported %1 rows.").arg(number(rows)));
            for (size_t i = 0; i < summary.results.size(); ++i) {
                for (const auto& w : summary.results[i].warnings) {
                    qCWarning(lcDataPage).noquote()
                        << QStringLiteral("%1:%2: %3")
                               .arg(QFileInfo(QString::fromStdString(summary.paths[i])).fileName())
                               .arg(w.line)
                               .arg(QString::fromStdString(w.message));
                }
                qCInfo(lcDataPage).noquote()
                    << tr("Imported %1: %2 rows, %3 unlabelled, %4 skipped")
                           .arg(QString::fromStdString(summary.paths[i]),
                                number(summary.results[i].rows),
                                number(summary.results[i].unlabelled),
                                number(summary.results[i].skipped));
            }
            m_datasetId = summary.datasetId;
            reload();
            Q_EMIT importFinished(summary);
        });
    connect(m_jobs, &JobController::jobFailed, this,
            [this](qint64 jobId, const QString& message, int) {
                if (jobId != m_importJob) return;
                auto* box =
                    new QMessageBox(QMessageBox::Warning, tr("Import failed"),
                                    tr("The data could not be imported; the dataset is unchanged."),
                                    QMessageBox::Ok, this);
                box->setObjectName(QStringLiteral("importErrorBox"));
                box->setInformativeText(message);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            });
    connect(m_jobs, &JobController::jobEnded, this, [this](qint64 jobId) {
        if (jobId == m_importJob) {
            m_importJob = 0;
            m_importAction->setEnabled(m_project != nullptr);
        }
    });
    connect(m_jobs, &JobController::statsComputed, this,
            [this](qint64 jobId, const StatsSummary& summary) {
                if (jobId == m_statsJob) showStats(summary);
            });
    connect(m_cleaning, &CleaningPanel::cleaningApplied, this, [this] {
        reloadRows();
        scheduleStats();
    });
    connect(m_split, &SplitPanel::splitSaved, this, [this] {
        reloadRows();
        rebuildFilter();
    });

    setProject(nullptr);
}

DataPage::~DataPage() = default;

QWidget* DataPage::createOverview() {
    m_summary->setObjectName(QStringLiteral("overviewSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);

    m_labelList->setObjectName(QStringLiteral("labelList"));
    m_labelList->setColumnCount(3);
    m_labelList->setHorizontalHeaderLabels({tr("Key"), tr("Label"), tr("Rows")});
    m_labelList->verticalHeader()->setVisible(false);
    m_labelList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_labelList->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_labelList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_labelList->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_labelList->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_labelList->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_labelList->setToolTip(tr("Double-click a label to rename it everywhere in the dataset"));
    m_labelList->verticalHeader()->setDefaultSectionSize(m_labelList->fontMetrics().height() + 10);
    connect(m_labelList, &QTableWidget::cellDoubleClicked, this,
            [this](int row, int) { renameLabel(row); });

    auto* rename = new QPushButton(tr("Rename…"));
    rename->setObjectName(QStringLiteral("renameLabelButton"));
    rename->setEnabled(false);
    auto* add = new QPushButton(tr("Add label…"));
    add->setObjectName(QStringLiteral("addLabelButton"));
    connect(rename, &QPushButton::clicked, this,
            [this] { renameLabel(m_labelList->currentRow()); });
    connect(add, &QPushButton::clicked, this, &DataPage::addLabel);
    connect(m_labelList, &QTableWidget::itemSelectionChanged, rename,
            [this, rename] { rename->setEnabled(m_labelList->currentRow() >= 0); });

    auto* labelButtons = new QHBoxLayout;
    labelButtons->addWidget(add);
    labelButtons->addWidget(rename);
    labelButtons->addStretch();

    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("overview"));
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    layout->addWidget(m_summary);
    layout->addWidget(heading(tr("Labels")));
    layout->addWidget(m_labelList);
    layout->addLayout(labelButtons);
    layout->addWidget(heading(tr("Label distribution")));
    layout->addWidget(m_labelChart, 1);
    layout->addWidget(heading(tr("Text length")));
    layout->addWidget(m_lengthChart, 1);

    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("overviewScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    return scroll;
}

void DataPage::setProject(store::Project* project) {
    m_project = project;
    m_projectDir = project ? QString::fromStdString(project->dir()) : QString();
    m_datasetId = 0;
    m_importJob = 0;
    m_statsJob = 0;
    m_importAction->setEnabled(project != nullptr);
    m_undoAction->setEnabled(false);
    m_search->clear();
    reload();
}

void DataPage::reload() {
    reloadDatasets();
    reloadRows();
}

void DataPage::reloadDatasets() {
    std::vector<store::DatasetInfo> datasets;
    if (m_project) {
        try {
            datasets = m_project->datasets();
        } catch (const Error& e) {
            qCWarning(lcDataPage).noquote() << e.what();
        }
    }
    const QSignalBlocker block(m_dataset);
    m_dataset->clear();
    bool found = false;
    for (const auto& d : datasets) {
        m_dataset->addItem(QString::fromStdString(d.name), QVariant::fromValue<qlonglong>(d.id));
        if (d.id == m_datasetId) found = true;
    }
    if (!found) m_datasetId = datasets.empty() ? 0 : datasets.back().id;
    m_dataset->setCurrentIndex(m_dataset->findData(QVariant::fromValue<qlonglong>(m_datasetId)));
    m_dataset->setVisible(datasets.size() > 1);
    m_datasetLabel->setVisible(datasets.size() > 1);
    m_stack->setCurrentIndex(m_datasetId == 0 ? 0 : 1);
}

void DataPage::selectDataset(int64_t datasetId) {
    if (datasetId == m_datasetId) return;
    m_datasetId = datasetId;
    m_undoAction->setEnabled(false);
    reload();
}

void DataPage::reloadRows() {
    m_datasetRows = 0;
    std::string pipelineJson;
    if (m_project && m_datasetId != 0) {
        try {
            m_datasetRows = m_project->rowCount(m_datasetId);
            if (const auto c = m_project->latestCleaning(m_datasetId))
                pipelineJson = c->pipelineJson;
        } catch (const Error& e) {
            qCWarning(lcDataPage).noquote() << e.what();
        }
    }
    rebuildFilter();
    m_model->setDataset(m_datasetId != 0 ? m_project : nullptr, m_datasetId, currentFilter());
    afterFilterChange();
    updateLegend();
    m_cleaning->setDataset(m_projectDir, pipelineJson, m_datasetId);
    m_split->setDataset(m_projectDir, m_datasetId);
    m_statsTimer->stop();
    m_statsJob = 0;
    if (m_datasetId != 0) {
        m_statsJob = m_jobs->startStats(m_projectDir, m_datasetId);
    } else {
        m_summary->clear();
        m_labelList->setRowCount(0);
        charts::showLabelDistribution(m_labelChart, {}, tr("No labels yet"));
        charts::showLengthHistogram(m_lengthChart, {}, 1, 0, tr("No rows yet"));
    }
}

void DataPage::rebuildFilter() {
    const QString current = m_filter->currentData().toString();
    const QSignalBlocker block(m_filter);
    m_filter->clear();
    m_filter->addItem(tr("All rows"), QStringLiteral("all"));
    m_filter->addItem(tr("Labelled"), QStringLiteral("labelled"));
    m_filter->addItem(tr("Unlabelled"), QStringLiteral("unlabelled"));
    QStringList labels;
    try {
        if (m_project && m_datasetId != 0) {
            for (const auto& l : m_project->labels(m_datasetId))
                labels << QString::fromStdString(l);
        }
    } catch (const Error& e) {
        qCWarning(lcDataPage).noquote() << e.what();
    }
    if (!labels.isEmpty()) m_filter->insertSeparator(m_filter->count());
    for (const QString& label : labels) {
        m_filter->addItem(tr("Label: %1").arg(label), QStringLiteral("label:") + label);
    }
    bool hasSplit = false;
    try {
        hasSplit = m_project && m_datasetId != 0 && m_project->latestSplit(m_datasetId);
    } catch (const Error& e) {
        qCWarning(lcDataPage).noquote() << e.what();
    }
    if (hasSplit) {
        m_filter->insertSeparator(m_filter->count());
        m_filter->addItem(tr("Part: train"), QStringLiteral("part:0"));
        m_filter->addItem(tr("Part: validation"), QStringLiteral("part:1"));
        m_filter->addItem(tr("Part: test"), QStringLiteral("part:2"));
    }
    const int at = m_filter->findData(current);
    m_filter->setCurrentIndex(at < 0 ? 0 : at);
}

void DataPage::applyFilter() {
    m_model->setFilter(currentFilter());
    afterFilterChange();
}

store::RowFilter DataPage::currentFilter() const {
    store::RowFilter filter;
    const QString key = m_filter->currentData().toString();
    if (key == QLatin1String("labelled")) filter.labelled = store::RowFilter::Labelled::Labelled;
    if (key == QLatin1String("unlabelled")) {
        filter.labelled = store::RowFilter::Labelled::Unlabelled;
    }
    if (key.startsWith(QLatin1String("label:"))) filter.label = key.mid(6).toStdString();
    if (key.startsWith(QLatin1String("part:"))) {
        filter.part = static_cast<store::SplitPart>(key.mid(5).toInt());
    }
    filter.contains = m_search->text().trimmed().toStdString();
    return filter;
}

void DataPage::afterFilterChange() {
    if (m_model->rowCount() > 0) m_view->goToRow(0);
    const int source = m_model->columnOf(RowsTableModel::Column::Source);
    if (source >= 0) {
        m_view->resizeColumnToContents(source);
        m_view->setColumnWidth(source, std::clamp(m_view->columnWidth(source), 90, 260));
    }
}

void DataPage::updateLegend() {
    const QStringList labels = m_model->labels();
    if (m_datasetId == 0) {
        m_legend->clear();
        return;
    }
    if (labels.isEmpty()) {
        m_legend->setText(
            tr("No labels yet: double-click a cell in the Label column and type "
               "one, or use “Add label…” in the Overview."));
        return;
    }
    QStringList keys;
    for (int i = 0; i < labels.size() && i < 9; ++i) {
        keys << QStringLiteral("<b>%1</b> = %2").arg(i + 1).arg(labels[i].toHtmlEscaped());
    }
    m_legend->setText(tr("Label keys: %1 &nbsp;·&nbsp; <b>0</b> clears &nbsp;·&nbsp; <b>N</b> "
                         "next unlabelled &nbsp;·&nbsp; <b>Ctrl+Z</b> undo")
                          .arg(keys.join(QStringLiteral(", "))));
}

void DataPage::scheduleStats() {
    if (m_datasetId != 0) m_statsTimer->start();
}

void DataPage::showStats(const StatsSummary& summary) {
    const data::DatasetStats& s = summary.stats;
    QString rows = tr("<b>%1</b> rows &nbsp;·&nbsp; %2 labelled &nbsp;·&nbsp; %3 unlabelled")
                       .arg(number(s.rows), number(s.labelled), number(s.unlabelled));
    if (s.dropped > 0) {
        rows += tr(" &nbsp;·&nbsp; %1 dropped by cleaning").arg(number(s.dropped));
    }
    m_summary->setText(rows + QStringLiteral("<br>") +
                       tr("Text length: %1–%2 characters, mean %3, median %4")
                           .arg(number(s.minLength), number(s.maxLength),
                                QLocale().toString(s.meanLength, 'f', 0),
                                QLocale().toString(s.medianLength, 'f', 0)));

    m_labelList->setRowCount(static_cast<int>(s.labelCounts.size()));
    for (size_t i = 0; i < s.labelCounts.size(); ++i) {
        const int row = static_cast<int>(i);
        auto* key = new QTableWidgetItem(i < 9 ? QString::number(i + 1) : QString());
        key->setTextAlignment(Qt::AlignCenter);
        key->setForeground(QColor(charts::palette()[i % charts::palette().size()]));
        QFont bold = key->font();
        bold.setBold(true);
        key->setFont(bold);
        m_labelList->setItem(row, 0, key);
        m_labelList->setItem(row, 1,
                             new QTableWidgetItem(QString::fromStdString(s.labelCounts[i].first)));
        auto* count = new QTableWidgetItem(number(s.labelCounts[i].second));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_labelList->setItem(row, 2, count);
    }
    const int rowHeight = m_labelList->verticalHeader()->defaultSectionSize();
    const int visibleRows = std::clamp(static_cast<int>(s.labelCounts.size()), 1, 8);
    m_labelList->setFixedHeight(m_labelList->horizontalHeader()->sizeHint().height() +
                                rowHeight * visibleRows + 2 * m_labelList->frameWidth() + 2);

    const int bars = std::max<int>(1, static_cast<int>(s.labelCounts.size()));
    m_labelChart->setMinimumHeight(std::clamp(bars * 28 + 50, 120, 600));
    charts::showLabelDistribution(m_labelChart, s.labelCounts,
                                  tr("No labels yet — label rows in the table"));
    charts::showLengthHistogram(m_lengthChart, s.lengthHistogram, s.lengthBinWidth, s.minLength,
                                tr("No rows kept"));
    if (summary.hasSplit) {
        m_split->showStoredSplit(summary.split);
    } else {
        m_split->clearResult();
    }
}

void DataPage::renameLabel(int row) {
    if (row < 0 || row >= m_labelList->rowCount() || !m_labelList->item(row, 1)) return;
    const QString from = m_labelList->item(row, 1)->text();
    bool ok = false;
    const QString to = QInputDialog::getText(this, tr("Rename label"),
                                             tr("New name for “%1” (an existing name merges the "
                                                "two labels):")
                                                 .arg(from),
                                             QLineEdit::Normal, from, &ok)
                           .trimmed();
    if (!ok || to.isEmpty() || to == from) return;
    if (m_model->renameLabel(from, to)) {
        Q_EMIT statusMessage(tr("Renamed label %1 to %2.").arg(from, to));
        rebuildFilter();
        updateLegend();
        m_statsTimer->stop();
        m_statsJob = m_jobs->startStats(m_projectDir, m_datasetId);
    }
}

void DataPage::addLabel() {
    if (m_datasetId == 0) return;
    bool ok = false;
    const QString label = QInputDialog::getText(this, tr("Add label"), tr("Label name:"),
                                                QLineEdit::Normal, QString(), &ok)
                              .trimmed();
    if (!ok || label.isEmpty()) return;
    if (m_model->addLabel(label)) rebuildFilter();
}

void DataPage::undoLabelChange() {
    bool undone = false;
    const int row = m_model->undoLabelChange(&undone);
    if (!undone) {
        Q_EMIT statusMessage(tr("No label change to undo."));
        m_undoAction->setEnabled(false);
        return;
    }
    if (row >= 0) m_view->goToRow(row);
    Q_EMIT statusMessage(tr("Label change undone."));
}

void DataPage::startImport(const QStringList& files) {
    if (!m_project || m_importJob != 0) return;
    QStringList names;
    for (int i = 0; i < m_dataset->count(); ++i) names << m_dataset->itemText(i);
    ImportWizard wizard(names, m_dataset->currentText(), window());
    if (!files.isEmpty()) wizard.setFiles(files);
    if (wizard.exec() != QDialog::Accepted) return;
    startImportRequests(wizard.requests());
}

qint64 DataPage::startImportRequests(std::vector<data::ImportRequest> requests) {
    if (!m_project || requests.empty()) return 0;
    m_importAction->setEnabled(false);
    m_importJob = m_jobs->startImport(m_projectDir, std::move(requests));
    return m_importJob;
}

}  // namespace ft::ui
