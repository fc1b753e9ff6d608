#include "labeldelegate.h"

#include <QComboBox>
#include <QLineEdit>

#include "rowstablemodel.h"

namespace ft::ui {

LabelDelegate::LabelDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

QWidget* LabelDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&,
                                     const QModelIndex& index) const {
    auto* combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("labelEditor"));
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->addItem(tr("(no label)"), QString());
    if (const auto* model = qobject_cast<const RowsTableModel*>(index.model())) {
        for (const QString& label : model->labels()) combo->addItem(label, label);
    }
    combo->lineEdit()->setPlaceholderText(tr("Type a new label"));
    return combo;
}

void LabelDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    auto* combo = static_cast<QComboBox*>(editor);
    const QString current = index.data(Qt::EditRole).toString();
    const int at = combo->findData(current);
    combo->setCurrentIndex(at < 0 ? 0 : at);
    if (current.isEmpty()) combo->setEditText(QString());
}

void LabelDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                 const QModelIndex& index) const {
    auto* combo = static_cast<QComboBox*>(editor);
    QString text = combo->currentText().trimmed();
    if (text == tr("(no label)")) text.clear();
    model->setData(index, text, Qt::EditRole);
}

}  // namespace ft::ui
