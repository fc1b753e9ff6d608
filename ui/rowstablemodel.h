#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <QAbstractTableModel>
#include <QStringList>

#include "store/project.h"

namespace ft::ui {

// The rows of one dataset, as the Data page's table shows them, read from the
// project database in blocks of kBlockSize as the view scrolls (canFetchMore /
// fetchMore), so a dataset of a million rows opens at once and scrolls smoothly.
// Columns: #, Text, Text pair (datasets with pairs), Label, Cleaned text (once
// cleaned), Split (once split), Source. The Label column is editable: setData
// stores the change in the project (recorded, undoable).
//
// The model reads through the GUI thread's Project connection, which it does not
// own: call setDataset(nullptr, 0) before that Project goes away. GUI thread only.
// Database errors are reported by errorOccurred, never thrown.
class RowsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Column { Number, Text, TextPair, Label, CleanText, Split, Source };
    static constexpr int kBlockSize = 256;
    static constexpr int RowIdRole = Qt::UserRole + 1;

    explicit RowsTableModel(QObject* parent = nullptr);

    void setDataset(store::Project* project, int64_t datasetId,
                    const store::RowFilter& filter = {});
    void setFilter(const store::RowFilter& filter);
    const store::RowFilter& filter() const { return m_filter; }
    // Re-reads everything (after an import, cleaning, split or rename).
    void reload();

    int64_t datasetId() const { return m_datasetId; }
    // Rows matching the filter, fetched or not.
    int64_t totalRows() const { return m_total; }
    QStringList labels() const { return m_labels; }
    int columnOf(Column column) const;
    Column columnAt(int section) const { return m_columns.at(static_cast<size_t>(section)); }
    int64_t rowIdAt(int row) const;
    bool isLabelled(int row) const;

    // Sets (or with nullopt clears) the label of the row; true on success.
    bool setLabelAt(int row, const std::optional<std::string>& label);
    // Undoes the latest label change of the dataset. Returns the model row it
    // touched (-1 if that row is not fetched or nothing was undone).
    int undoLabelChange(bool* undone = nullptr);
    // The first row at or after `from` without a label, fetching further blocks
    // (at most `maxRows` rows beyond `from`); -1 if none was found.
    int findUnlabelled(int from, int maxRows = 50000);
    // Adds a label to the dataset's label set; renames one everywhere.
    bool addLabel(const QString& label);
    bool renameLabel(const QString& from, const QString& to);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    // A label was set, cleared, undone, added or renamed: counts are stale.
    void labelsChanged();
    void totalRowsChanged(qint64 total);
    void errorOccurred(const QString& message);

private:
    void readMeta();
    void refreshLabels();
    int rowOfId(int64_t rowId) const;
    bool matchesLabelFilter(const std::optional<std::string>& label) const;
    void trackMembership(const std::optional<std::string>& before,
                         const std::optional<std::string>& after);

    store::Project* m_project = nullptr;
    int64_t m_datasetId = 0;
    store::RowFilter m_filter;
    int64_t m_total = 0;
    // The OFFSET of the next block in the filtered rows. Labelling a fetched row
    // can move it out of (or back into) a label filter, which shifts the rows
    // behind it; fetchMore compensates through this and skips rows it has.
    int64_t m_fetchOffset = 0;
    // Set while the model resets or inserts: views (and QAbstractItemModelTester)
    // may call fetchMore from their slots for those signals; such a nested fetch
    // is ignored, the next scroll asks again.
    bool m_changing = false;
    std::vector<store::Row> m_rows;
    std::vector<Column> m_columns;
    QStringList m_labels;
    std::map<int64_t, QString> m_sourceNames;
};

}  // namespace ft::ui
