#include "rowstablemodel.h"

#include <algorithm>

#include <QBrush>
#include <QColor>
#include <QFileInfo>
#include <QFont>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include "error.h"

Q_LOGGING_CATEGORY(lcRowsModel, "ft.ui.rowsmodel", QtInfoMsg)

namespace ft::ui {
namespace {

QString oneLine(const std::string& text) {
    QString s = QString::fromStdString(text);
    s.replace(QLatin1Char('\n'), QChar(0x21B5));
    s.replace(QLatin1Char('\r'), QLatin1Char(' '));
    s.replace(QLatin1Char('\t'), QLatin1Char(' '));
    return s;
}

QString partName(store::SplitPart part) {
    switch (part) {
        case store::SplitPart::Train:
            return RowsTableModel::tr("train");
        case store::SplitPart::Validation:
            return RowsTableModel::tr("validation");
        case store::SplitPart::Test:
            return RowsTableModel::tr("test");
    }
    return {};
}

}  // namespace

RowsTableModel::RowsTableModel(QObject* parent) : QAbstractTableModel(parent) {
    m_columns = {Column::Number, Column::Text, Column::Label, Column::Source};
}

void RowsTableModel::setDataset(store::Project* project, int64_t datasetId,
                                const store::RowFilter& filter) {
    m_project = project;
    m_datasetId = datasetId;
    m_filter = filter;
    reload();
}

void RowsTableModel::setFilter(const store::RowFilter& filter) {
    m_filter = filter;
    reload();
}

void RowsTableModel::readMeta() {
    m_columns = {Column::Number, Column::Text};
    m_sourceNames.clear();
    m_labels.clear();
    if (!m_project || m_datasetId == 0) {
        m_columns.push_back(Column::Label);
        m_columns.push_back(Column::Source);
        return;
    }
    const auto info = m_project->dataset(m_datasetId);
    if (info && info->hasPair) m_columns.push_back(Column::TextPair);
    m_columns.push_back(Column::Label);
    // The cleaned text earns a column only when cleaning changed some text; a
    // pipeline that only dropped rows shows that through the struck-out rows.
    if (const auto cleaning = m_project->latestCleaning(m_datasetId)) {
        const QJsonObject report =
            QJsonDocument::fromJson(QByteArray::fromStdString(cleaning->reportJson)).object();
        if (report.value(QLatin1String("changed")).toInteger() > 0) {
            m_columns.push_back(Column::CleanText);
        }
    }
    if (m_project->latestSplit(m_datasetId)) m_columns.push_back(Column::Split);
    m_columns.push_back(Column::Source);
    for (const auto& source : m_project->sources(m_datasetId)) {
        m_sourceNames[source.id] = QFileInfo(QString::fromStdString(source.path)).fileName();
    }
    for (const auto& label : m_project->labels(m_datasetId)) {
        m_labels << QString::fromStdString(label);
    }
}

void RowsTableModel::reload() {
    m_changing = true;
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    m_fetchOffset = 0;
    try {
        readMeta();
        if (m_project && m_datasetId != 0) m_total = m_project->rowCount(m_datasetId, m_filter);
    } catch (const Error& e) {
        qCWarning(lcRowsModel).noquote() << e.what();
        endResetModel();
        m_changing = false;
        Q_EMIT errorOccurred(QString::fromStdString(e.what()));
        Q_EMIT totalRowsChanged(m_total);
        return;
    }
    endResetModel();
    m_changing = false;
    // Show the first block right away: views only ask for more once they scroll.
    if (canFetchMore({})) fetchMore({});
    Q_EMIT totalRowsChanged(m_total);
}

void RowsTableModel::refreshLabels() {
    m_labels.clear();
    if (!m_project || m_datasetId == 0) return;
    for (const auto& label : m_project->labels(m_datasetId)) {
        m_labels << QString::fromStdString(label);
    }
}

int RowsTableModel::columnOf(Column column) const {
    const auto it = std::find(m_columns.begin(), m_columns.end(), column);
    return it == m_columns.end() ? -1 : static_cast<int>(it - m_columns.begin());
}

int64_t RowsTableModel::rowIdAt(int row) const {
    if (row < 0 || row >= static_cast<int>(m_rows.size())) return 0;
    return m_rows[static_cast<size_t>(row)].id;
}

bool RowsTableModel::isLabelled(int row) const {
    if (row < 0 || row >= static_cast<int>(m_rows.size())) return false;
    return m_rows[static_cast<size_t>(row)].label.has_value();
}

int RowsTableModel::rowOfId(int64_t rowId) const {
    // Rows are fetched in id order.
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), rowId,
                                     [](const store::Row& r, int64_t id) { return r.id < id; });
    if (it == m_rows.end() || it->id != rowId) return -1;
    return static_cast<int>(it - m_rows.begin());
}

bool RowsTableModel::matchesLabelFilter(const std::optional<std::string>& label) const {
    if (m_filter.labelled == store::RowFilter::Labelled::Labelled && !label) return false;
    if (m_filter.labelled == store::RowFilter::Labelled::Unlabelled && label) return false;
    if (m_filter.label && label != m_filter.label) return false;
    return true;
}

void RowsTableModel::trackMembership(const std::optional<std::string>& before,
                                     const std::optional<std::string>& after) {
    const bool was = matchesLabelFilter(before);
    const bool is = matchesLabelFilter(after);
    if (was && !is) --m_fetchOffset;
    if (!was && is) ++m_fetchOffset;
}

int RowsTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RowsTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant RowsTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const store::Row& r = m_rows[static_cast<size_t>(index.row())];
    const Column column = columnAt(index.column());
    const bool dropped = r.dropped != static_cast<int>(store::DropReason::Kept);

    switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
            switch (column) {
                case Column::Number:
                    return QVariant::fromValue<qlonglong>(r.rowIndex + 1);
                case Column::Text:
                    return role == Qt::EditRole ? QString::fromStdString(r.text) : oneLine(r.text);
                case Column::TextPair:
                    return r.textPair ? oneLine(*r.textPair) : QString();
                case Column::Label:
                    return r.label ? QString::fromStdString(*r.label) : QString();
                case Column::CleanText:
                    if (dropped) {
                        return r.dropped == static_cast<int>(store::DropReason::Duplicate)
                                   ? tr("(dropped: duplicate)")
                                   : tr("(dropped: empty)");
                    }
                    return r.cleanText ? oneLine(*r.cleanText) : QString();
                case Column::Split:
                    return r.part ? partName(*r.part) : QString();
                case Column::Source: {
                    const auto it = m_sourceNames.find(r.sourceId);
                    const QString name = it == m_sourceNames.end() ? QString() : it->second;
                    return QStringLiteral("%1:%2").arg(name).arg(r.line);
                }
            }
            break;
        case Qt::ToolTipRole:
            if (column == Column::Text) return QString::fromStdString(r.text);
            if (column == Column::TextPair && r.textPair)
                return QString::fromStdString(*r.textPair);
            if (column == Column::CleanText && r.cleanText) {
                return QString::fromStdString(*r.cleanText);
            }
            if (column == Column::Label && r.rawLabel && r.rawLabel != r.label) {
                return tr("In the file: %1").arg(QString::fromStdString(*r.rawLabel));
            }
            break;
        case Qt::ForegroundRole:
            if (dropped) return QBrush(QColor(0x9a, 0xa0, 0xa6));
            if (column == Column::Number || column == Column::Source) {
                return QBrush(QColor(0x80, 0x86, 0x8b));
            }
            break;
        case Qt::FontRole:
            if (dropped && (column == Column::Text || column == Column::CleanText)) {
                QFont font;
                font.setStrikeOut(column == Column::Text);
                font.setItalic(column == Column::CleanText);
                return font;
            }
            if (column == Column::Label && r.label) {
                QFont font;
                font.setBold(true);
                return font;
            }
            break;
        case Qt::TextAlignmentRole:
            if (column == Column::Number) {
                return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
            }
            break;
        case RowIdRole:
            return QVariant::fromValue<qlonglong>(r.id);
        default:
            break;
    }
    return {};
}

QVariant RowsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole) return section + 1;
        return {};
    }
    if (section < 0 || section >= static_cast<int>(m_columns.size())) return {};
    if (role == Qt::DisplayRole) {
        switch (columnAt(section)) {
            case Column::Number:
                return tr("#");
            case Column::Text:
                return tr("Text");
            case Column::TextPair:
                return tr("Text pair");
            case Column::Label:
                return tr("Label");
            case Column::CleanText:
                return tr("Cleaned text");
            case Column::Split:
                return tr("Split");
            case Column::Source:
                return tr("Source line");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (columnAt(section)) {
            case Column::Number:
                return tr("Record number within its source file");
            case Column::Label:
                return tr("Double-click to edit, or press 1–9 on a row; 0 clears");
            case Column::Source:
                return tr("File and line the record was read from");
            default:
                break;
        }
    }
    return {};
}

Qt::ItemFlags RowsTableModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (columnAt(index.column()) == Column::Label) f |= Qt::ItemIsEditable;
    return f;
}

bool RowsTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid)) return false;
    if (columnAt(index.column()) != Column::Label) return false;
    const QString text = value.toString().trimmed();
    return setLabelAt(index.row(), text.isEmpty() ? std::nullopt
                                                  : std::optional<std::string>(text.toStdString()));
}

bool RowsTableModel::setLabelAt(int row, const std::optional<std::string>& label) {
    if (!m_project || row < 0 || row >= static_cast<int>(m_rows.size())) return false;
    store::Row& r = m_rows[static_cast<size_t>(row)];
    if (r.label == label) return true;
    try {
        m_project->setLabel(r.id, label);
    } catch (const Error& e) {
        qCWarning(lcRowsModel).noquote() << e.what();
        Q_EMIT errorOccurred(QString::fromStdString(e.what()));
        return false;
    }
    trackMembership(r.label, label);
    r.label = label;
    if (label && !m_labels.contains(QString::fromStdString(*label))) refreshLabels();
    const int col = columnOf(Column::Label);
    Q_EMIT dataChanged(index(row, col), index(row, col));
    Q_EMIT labelsChanged();
    return true;
}

int RowsTableModel::undoLabelChange(bool* undone) {
    if (undone) *undone = false;
    if (!m_project || m_datasetId == 0) return -1;
    std::optional<int64_t> rowId;
    try {
        rowId = m_project->undoLabelChange(m_datasetId);
    } catch (const Error& e) {
        Q_EMIT errorOccurred(QString::fromStdString(e.what()));
        return -1;
    }
    if (!rowId) return -1;
    if (undone) *undone = true;
    Q_EMIT labelsChanged();
    const int row = rowOfId(*rowId);
    if (row < 0) return -1;
    try {
        if (const auto fresh = m_project->row(*rowId)) {
            trackMembership(m_rows[static_cast<size_t>(row)].label, fresh->label);
            m_rows[static_cast<size_t>(row)] = *fresh;
        }
    } catch (const Error& e) {
        Q_EMIT errorOccurred(QString::fromStdString(e.what()));
    }
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    return row;
}

int RowsTableModel::findUnlabelled(int from, int maxRows) {
    const int limit = from + maxRows;
    for (int row = std::max(from, 0); row < limit; ++row) {
        while (row >= static_cast<int>(m_rows.size())) {
            if (!canFetchMore({})) return -1;
            fetchMore({});
        }
        if (!m_rows[static_cast<size_t>(row)].label) return row;
    }
    return -1;
}

bool RowsTableModel::addLabel(const QString& label) {
    if (!m_project || m_datasetId == 0 || label.trimmed().isEmpty()) return false;
    try {
        m_project->ensureLabel(m_datasetId, label.trimmed().toStdString());
    } catch (const Error& e) {
        Q_EMIT errorOccurred(QString::fromStdString(e.what()));
        return false;
    }
    refreshLabels();
    Q_EMIT labelsChanged();
    return true;
}

bool RowsTableModel::renameLabel(const QString& from, const QString& to) {
    if (!m_project || m_datasetId == 0) return false;
    try {
        m_project->renameLabel(m_datasetId, from.toStdString(), to.trimmed().toStdString());
    } catch (const Error& e) {
        Q_EMIT errorOccurred(QString::fromStdString(e.what()));
        return false;
    }
    // Fetched rows carry the old name: re-read them, keeping the scroll depth.
    const int fetched = static_cast<int>(m_rows.size());
    reload();
    while (static_cast<int>(m_rows.size()) < fetched && canFetchMore({})) fetchMore({});
    Q_EMIT labelsChanged();
    return true;
}

bool RowsTableModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && m_project && static_cast<int64_t>(m_rows.size()) < m_total;
}

void RowsTableModel::fetchMore(const QModelIndex& parent) {
    if (m_changing || !canFetchMore(parent)) return;
    std::vector<store::Row> block;
    try {
        block =
            m_project->rows(m_datasetId, m_filter, std::max<int64_t>(m_fetchOffset, 0), kBlockSize);
    } catch (const Error& e) {
        qCWarning(lcRowsModel).noquote() << e.what();
        Q_EMIT errorOccurred(QString::fromStdString(e.what()));
        return;
    }
    if (block.empty()) {
        // The database holds fewer rows than counted (changed behind our back).
        m_total = static_cast<int64_t>(m_rows.size());
        Q_EMIT totalRowsChanged(m_total);
        return;
    }
    m_fetchOffset += static_cast<int64_t>(block.size());
    if (!m_rows.empty()) {
        const int64_t lastId = m_rows.back().id;
        block.erase(std::remove_if(block.begin(), block.end(),
                                   [lastId](const store::Row& r) { return r.id <= lastId; }),
                    block.end());
    }
    if (block.empty()) return;
    const int first = static_cast<int>(m_rows.size());
    m_changing = true;
    beginInsertRows({}, first, first + static_cast<int>(block.size()) - 1);
    std::move(block.begin(), block.end(), std::back_inserter(m_rows));
    endInsertRows();
    m_changing = false;
}

}  // namespace ft::ui
