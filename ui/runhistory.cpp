#include "runhistory.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "error.h"

Q_LOGGING_CATEGORY(lcRunHistory, "ft.ui.runs", QtInfoMsg)

namespace ft::ui {

RunHistoryModel::RunHistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunHistoryModel::setRuns(std::vector<store::RunInfo> runs) {
    std::reverse(runs.begin(), runs.end());
    beginResetModel();
    m_runs = std::move(runs);
    endResetModel();
}

int RunHistoryModel::rowOf(int64_t runId) const {
    for (size_t i = 0; i < m_runs.size(); ++i)
        if (m_runs[i].id == runId) return static_cast<int>(i);
    return -1;
}

const store::RunInfo* RunHistoryModel::run(int row) const {
    if (row < 0 || row >= static_cast<int>(m_runs.size())) return nullptr;
    return &m_runs[static_cast<size_t>(row)];
}

int RunHistoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int RunHistoryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunHistoryModel::statusText(store::RunStatus status) {
    switch (status) {
        case store::RunStatus::Created:
            return tr("created");
        case store::RunStatus::Running:
            return tr("running");
        case store::RunStatus::Paused:
            return tr("paused");
        case store::RunStatus::Completed:
            return tr("completed");
        case store::RunStatus::Stopped:
            return tr("stopped");
        case store::RunStatus::Failed:
            return tr("failed");
        case store::RunStatus::Crashed:
            return tr("crashed");
    }
    return {};
}

QString RunHistoryModel::bestText(const store::RunInfo& run) {
    if (!run.bestMetric) return {};
    std::string metric = "val_loss";
    try {
        const auto j = nlohmann::json::parse(run.configJson);
        metric = j.value("metric_for_best", metric);
    } catch (const nlohmann::json::exception&) {
    }
    const QString name = metric == "val_macro_f1"   ? tr("macro-F1")
                         : metric == "val_accuracy" ? tr("accuracy")
                                                    : tr("val. loss");
    return QStringLiteral("%1 %2").arg(name, QLocale().toString(*run.bestMetric, 'f', 4));
}

QString RunHistoryModel::dateText(const std::string& utc) {
    if (utc.empty()) return {};
    QDateTime t = QDateTime::fromString(QString::fromStdString(utc), Qt::ISODate);
    if (!t.isValid()) return QString::fromStdString(utc);
    t = t.toLocalTime();
    // This year's runs without the year: the name column needs the room.
    return t.toString(t.date().year() == QDate::currentDate().year()
                          ? QStringLiteral("d MMM HH:mm")
                          : QStringLiteral("yyyy-MM-dd HH:mm"));
}

QVariant RunHistoryModel::data(const QModelIndex& index, int role) const {
    const store::RunInfo* r = run(index.row());
    if (!r || index.column() < 0 || index.column() >= ColumnCount) return {};
    if (role == kRunIdRole) return QVariant::fromValue<qint64>(r->id);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
            case Name:
                return QStringLiteral("#%1  %2").arg(r->id).arg(QString::fromStdString(r->name));
            case Status:
                return statusText(r->status);
            case Best:
                return bestText(*r);
            case Date:
                return dateText(r->startedAt.empty() ? r->createdAt : r->startedAt);
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Status) {
        switch (r->status) {
            case store::RunStatus::Completed:
                return QColor(0x13, 0x73, 0x33);
            case store::RunStatus::Failed:
                return QColor(0xc5, 0x22, 0x1f);
            case store::RunStatus::Crashed:
            case store::RunStatus::Stopped:
            case store::RunStatus::Paused:
                return QColor(0xb0, 0x60, 0x00);
            case store::RunStatus::Running:
                return QColor(0x1a, 0x73, 0xe8);
            case store::RunStatus::Created:
                break;
        }
    }
    if (role == Qt::ToolTipRole) {
        QString tip = QString::fromStdString(r->name) + QLatin1Char('\n') +
                      QString::fromStdString(r->modelDir);
        if (!r->error.empty()) tip += QLatin1Char('\n') + QString::fromStdString(r->error);
        if (r->status == store::RunStatus::Crashed)
            tip += QLatin1Char('\n') + tr("The process that trained it ended without finishing "
                                          "it; Resume continues from its last checkpoint.");
        return tip;
    }
    return {};
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case Name:
            return tr("Run");
        case Status:
            return tr("Status");
        case Best:
            return tr("Best");
        case Date:
            return tr("Started");
    }
    return {};
}

bool RunHistory::isResumable(store::RunStatus status) {
    return status == store::RunStatus::Paused || status == store::RunStatus::Stopped ||
           status == store::RunStatus::Crashed;
}

RunHistory::RunHistory(QWidget* parent)
    : QWidget(parent),
      m_model(new RunHistoryModel(this)),
      m_table(new QTableView),
      m_summary(new QLabel),
      m_error(new QLabel),
      m_config(new QPlainTextEdit),
      m_resume(new QPushButton(tr("Resume"))),
      m_useConfig(new QPushButton(tr("Use this config"))) {
    setObjectName(QStringLiteral("runHistory"));
    m_table->setObjectName(QStringLiteral("runTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(24);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(RunHistoryModel::Name, QHeaderView::Stretch);
    for (int c : {RunHistoryModel::Status, RunHistoryModel::Best, RunHistoryModel::Date})
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);
    m_table->setMinimumWidth(240);
    m_config->setMinimumWidth(180);

    m_summary->setObjectName(QStringLiteral("runSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setObjectName(QStringLiteral("runError"));
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    m_config->setObjectName(QStringLiteral("runConfigText"));
    m_config->setReadOnly(true);
    m_config->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_config->setPlaceholderText(tr("Select a run to see its config."));
    m_resume->setObjectName(QStringLiteral("historyResumeButton"));
    m_resume->setToolTip(
        tr("Continue this run from its last checkpoint, at the same step "
           "and with the same data order."));
    m_useConfig->setObjectName(QStringLiteral("useConfigButton"));
    m_useConfig->setToolTip(tr("Load this run's settings into the form, to repeat or vary it."));

    auto* details = new QWidget;
    auto* dv = new QVBoxLayout(details);
    dv->setContentsMargins(6, 0, 0, 0);
    dv->setSpacing(4);
    dv->addWidget(m_summary);
    dv->addWidget(m_error);
    dv->addWidget(m_config, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_resume);
    buttons->addWidget(m_useConfig);
    buttons->addStretch();
    dv->addLayout(buttons);

    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_table);
    split->addWidget(details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        showDetails();
        Q_EMIT runSelected(selectedRun());
    });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (const int64_t id = selectedRun()) Q_EMIT resumeRequested(id);
    });
    connect(m_useConfig, &QPushButton::clicked, this, [this] {
        if (const int64_t id = selectedRun()) Q_EMIT useConfigRequested(id);
    });
    showDetails();
}

void RunHistory::setProject(store::Project* project) {
    m_project = project;
    m_activeRun = 0;
    refresh();
}

void RunHistory::refresh() {
    const int64_t selected = selectedRun();
    std::vector<store::RunInfo> runs;
    if (m_project) {
        try {
            runs = m_project->runs();
        } catch (const Error& e) {
            qCWarning(lcRunHistory).noquote() << "reading the runs:" << e.what();
        }
    }
    {
        // A reset is not a choice of the user: re-select quietly, report only a change.
        const QSignalBlocker block(m_table->selectionModel());
        m_model->setRuns(std::move(runs));
        const int row = m_model->rowOf(selected);
        if (row >= 0) m_table->selectRow(row);
    }
    showDetails();
    if (selected != 0 && selectedRun() == 0) Q_EMIT runSelected(0);
}

void RunHistory::selectRun(int64_t runId) {
    const int row = m_model->rowOf(runId);
    if (row < 0) {
        m_table->clearSelection();
        return;
    }
    if (selectedRun() == runId) return;
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
}

int64_t RunHistory::selectedRun() const {
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) return 0;
    const store::RunInfo* r = m_model->run(rows.first().row());
    return r ? r->id : 0;
}

void RunHistory::setActiveRun(int64_t runId) {
    m_activeRun = runId;
    showDetails();
}

void RunHistory::showDetails() {
    const int64_t id = selectedRun();
    const store::RunInfo* r = m_model->run(m_model->rowOf(id));
    if (!r) {
        m_summary->setText(m_model->rowCount() == 0
                               ? tr("No runs yet. Set the hyperparameters and press Start.")
                               : tr("Select a run to see its curves and config."));
        m_error->hide();
        m_config->clear();
        m_resume->setEnabled(false);
        m_useConfig->setEnabled(false);
        return;
    }
    const bool active = r->id == m_activeRun;
    QString text = tr("<b>#%1 %2</b> — %3<br>Model: %4")
                       .arg(r->id)
                       .arg(QString::fromStdString(r->name).toHtmlEscaped(),
                            RunHistoryModel::statusText(r->status),
                            QString::fromStdString(r->modelDir).toHtmlEscaped());
    if (r->bestMetric)
        text += tr("<br>Best: %1 at step %2")
                    .arg(RunHistoryModel::bestText(*r))
                    .arg(r->bestStep.value_or(0));
    if (r->status == store::RunStatus::Crashed)
        text +=
            tr("<br>The process training it ended unexpectedly; Resume continues from the "
               "last checkpoint.");
    m_summary->setText(text);
    m_error->setText(QString::fromStdString(r->error));
    m_error->setVisible(!r->error.empty());
    try {
        m_config->setPlainText(
            QString::fromStdString(nlohmann::json::parse(r->configJson).dump(2)));
    } catch (const nlohmann::json::exception&) {
        m_config->setPlainText(QString::fromStdString(r->configJson));
    }
    m_resume->setEnabled(!active && isResumable(r->status));
    m_useConfig->setEnabled(!active);
}

}  // namespace ft::ui
