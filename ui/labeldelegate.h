#pragma once

#include <QStyledItemDelegate>

namespace ft::ui {

// Edits the Label column of a RowsTableModel with an editable combo box holding
// the dataset's label set: pick one, type a new one (added to the set), or pick
// "(no label)" to clear it.
class LabelDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit LabelDelegate(QObject* parent = nullptr);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;
};

}  // namespace ft::ui
