#pragma once

#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include <QAbstractTableModel>

#include "evalworker.h"

namespace ft::ui {

// The stored predictions of one confusion-matrix cell (true class t, predicted class p),
// or of every misclassified row, as a sortable table: row id, text, true label,
// predicted label, the probability of the prediction (confidence) and of the truth.
// A model over indices into the shared EvalBundle, so a cell with thousands of rows
// costs one int per row and no widget. Sorting is stable and kept when the cell
// changes. GUI thread only.
class ExamplesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { RowId, Text, TrueLabel, Predicted, Confidence, TrueProbability, ColumnCount };
    // Qt::UserRole holds the raw value (qint64 row id, double probability, QString
    // text / label), for sorting and export.
    static constexpr int RawRole = Qt::UserRole;

    explicit ExamplesModel(QObject* parent = nullptr);

    // Replaces the evaluation; shows nothing until a cell is chosen.
    void setBundle(EvalBundlePtr bundle);
    // Rows whose truth is trueClass and prediction predicted.
    void showCell(int trueClass, int predicted);
    // Every row whose prediction differs from its truth.
    void showErrors();
    void clear();

    // {true, predicted} of the cell shown; nullopt for errors or nothing.
    std::optional<std::pair<int, int>> cell() const { return m_cell; }
    bool showsErrors() const { return m_errors; }
    int64_t rowIdAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    void select(const std::function<bool(const store::PredictionRecord&)>& keep);
    void applySort();
    double probability(int index, int cls) const;

    EvalBundlePtr m_bundle;
    std::vector<int> m_rows;  // indexes into m_bundle->predictions
    std::optional<std::pair<int, int>> m_cell;
    bool m_errors = false;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

}  // namespace ft::ui
