#include "examplesmodel.h"

#include <algorithm>

#include <QLocale>

namespace ft::ui {

ExamplesModel::ExamplesModel(QObject* parent) : QAbstractTableModel(parent) {}

void ExamplesModel::setBundle(EvalBundlePtr bundle) {
    beginResetModel();
    m_bundle = std::move(bundle);
    m_rows.clear();
    m_cell.reset();
    m_errors = false;
    endResetModel();
}

void ExamplesModel::clear() {
    beginResetModel();
    m_rows.clear();
    m_cell.reset();
    m_errors = false;
    endResetModel();
}

void ExamplesModel::select(const std::function<bool(const store::PredictionRecord&)>& keep) {
    beginResetModel();
    m_rows.clear();
    if (m_bundle) {
        const auto& predictions = m_bundle->predictions;
        for (size_t i = 0; i < predictions.size(); ++i) {
            if (keep(predictions[i])) m_rows.push_back(static_cast<int>(i));
        }
    }
    applySort();
    endResetModel();
}

void ExamplesModel::showCell(int trueClass, int predicted) {
    m_cell = std::make_pair(trueClass, predicted);
    m_errors = false;
    select([trueClass, predicted](const store::PredictionRecord& p) {
        return p.trueLabel == trueClass && p.predicted == predicted;
    });
}

void ExamplesModel::showErrors() {
    m_cell.reset();
    m_errors = true;
    select([](const store::PredictionRecord& p) { return p.trueLabel != p.predicted; });
}

int64_t ExamplesModel::rowIdAt(int row) const {
    if (!m_bundle || row < 0 || row >= static_cast<int>(m_rows.size())) return 0;
    return m_bundle->predictions[static_cast<size_t>(m_rows[static_cast<size_t>(row)])].rowId;
}

int ExamplesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ExamplesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

double ExamplesModel::probability(int index, int cls) const {
    const auto& p = m_bundle->predictions[static_cast<size_t>(index)].probabilities;
    if (cls < 0 || cls >= static_cast<int>(p.size())) return 0;
    return static_cast<double>(p[static_cast<size_t>(cls)]);
}

QVariant ExamplesModel::data(const QModelIndex& index, int role) const {
    if (!m_bundle || !index.isValid() || index.row() >= static_cast<int>(m_rows.size())) {
        return {};
    }
    const int i = m_rows[static_cast<size_t>(index.row())];
    const store::PredictionRecord& p = m_bundle->predictions[static_cast<size_t>(i)];
    const QStringList& labels = m_bundle->plots.labels;
    auto label = [&labels](int k) {
        return k >= 0 && k < labels.size() ? labels[k] : QString::number(k);
    };
    const bool hasScores = !p.probabilities.empty();
    if (role == Qt::DisplayRole || role == RawRole) {
        const bool raw = role == RawRole;
        switch (index.column()) {
            case RowId:
                return QVariant::fromValue<qint64>(p.rowId);
            case Text:
                return raw ? m_bundle->texts.value(i)
                           : m_bundle->texts.value(i).simplified().left(400);
            case TrueLabel:
                return label(p.trueLabel);
            case Predicted:
                return label(p.predicted);
            case Confidence:
                if (!hasScores) return {};
                return raw ? QVariant(probability(i, p.predicted))
                           : QVariant(QString::number(probability(i, p.predicted), 'f', 3));
            case TrueProbability:
                if (!hasScores) return {};
                return raw ? QVariant(probability(i, p.trueLabel))
                           : QVariant(QString::number(probability(i, p.trueLabel), 'f', 3));
            default:
                return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Text) {
        return m_bundle->texts.value(i);
    }
    if (role == Qt::TextAlignmentRole && (index.column() == RowId || index.column() == Confidence ||
                                          index.column() == TrueProbability)) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant ExamplesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
            case RowId:
                return tr("Row");
            case Text:
                return tr("Text");
            case TrueLabel:
                return tr("True");
            case Predicted:
                return tr("Predicted");
            case Confidence:
                return tr("Confidence");
            case TrueProbability:
                return tr("P(true)");
            default:
                return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
            case RowId:
                return tr("The row's id in the project (as on the Data page)");
            case Confidence:
                return tr("The model's probability of the label it predicted");
            case TrueProbability:
                return tr("The model's probability of the true label");
            default:
                return {};
        }
    }
    return {};
}

void ExamplesModel::sort(int column, Qt::SortOrder order) {
    m_sortColumn = column;
    m_sortOrder = order;
    beginResetModel();
    applySort();
    endResetModel();
}

void ExamplesModel::applySort() {
    if (!m_bundle || m_sortColumn < 0 || m_sortColumn >= ColumnCount) return;
    const auto& predictions = m_bundle->predictions;
    const QStringList& labels = m_bundle->plots.labels;
    const int column = m_sortColumn;
    auto less = [&](int a, int b) {
        const store::PredictionRecord& pa = predictions[static_cast<size_t>(a)];
        const store::PredictionRecord& pb = predictions[static_cast<size_t>(b)];
        switch (column) {
            case RowId:
                return pa.rowId < pb.rowId;
            case Text:
                return QString::compare(m_bundle->texts.value(a), m_bundle->texts.value(b),
                                        Qt::CaseInsensitive) < 0;
            case TrueLabel:
                return labels.value(pa.trueLabel) < labels.value(pb.trueLabel);
            case Predicted:
                return labels.value(pa.predicted) < labels.value(pb.predicted);
            case Confidence:
                return probability(a, pa.predicted) < probability(b, pb.predicted);
            case TrueProbability:
                return probability(a, pa.trueLabel) < probability(b, pb.trueLabel);
            default:
                return false;
        }
    };
    if (m_sortOrder == Qt::AscendingOrder) {
        std::stable_sort(m_rows.begin(), m_rows.end(), less);
    } else {
        std::stable_sort(m_rows.begin(), m_rows.end(),
                         [&less](int a, int b) { return less(b, a); });
    }
}

}  // namespace ft::ui
