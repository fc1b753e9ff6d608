#include "rowstableview.h"

#include <QHeaderView>
#include <QKeyEvent>

#include "rowstablemodel.h"

namespace ft::ui {

RowsTableView::RowsTableView(QWidget* parent) : QTableView(parent) {
    setObjectName(QStringLiteral("rowsTable"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                    QAbstractItemView::SelectedClicked);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    verticalHeader()->setVisible(false);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

RowsTableModel* RowsTableView::rowsModel() const { return qobject_cast<RowsTableModel*>(model()); }

void RowsTableView::goToRow(int row) {
    RowsTableModel* m = rowsModel();
    if (!m || row < 0) return;
    while (row >= m->rowCount() && m->canFetchMore({})) m->fetchMore({});
    if (row >= m->rowCount()) return;
    const int column = currentIndex().isValid() ? currentIndex().column()
                                                : m->columnOf(RowsTableModel::Column::Text);
    const QModelIndex target = m->index(row, std::max(column, 0));
    setCurrentIndex(target);
    scrollTo(target);
}

void RowsTableView::goToNextUnlabelled() {
    RowsTableModel* m = rowsModel();
    if (!m) return;
    const int from = currentIndex().isValid() ? currentIndex().row() + 1 : 0;
    const int row = m->findUnlabelled(from);
    if (row < 0) {
        Q_EMIT messageRequested(tr("No unlabelled row below this one."));
        return;
    }
    goToRow(row);
}

void RowsTableView::labelCurrentRow(int labelNumber) {
    RowsTableModel* m = rowsModel();
    const QModelIndex current = currentIndex();
    if (!m || !current.isValid()) return;
    const QStringList labels = m->labels();
    if (labelNumber > labels.size()) {
        Q_EMIT messageRequested(labels.isEmpty()
                                    ? tr("The dataset has no labels yet: double-click a Label "
                                         "cell and type one.")
                                    : tr("There is no label %1 (the dataset has %n label(s)).",
                                         nullptr, static_cast<int>(labels.size()))
                                          .arg(labelNumber));
        return;
    }
    const int row = current.row();
    const bool unlabelledOnly = m->filter().labelled == store::RowFilter::Labelled::Unlabelled;
    std::optional<std::string> label;
    if (labelNumber > 0) label = labels.at(labelNumber - 1).toStdString();
    if (!m->setLabelAt(row, label)) return;
    Q_EMIT messageRequested(
        labelNumber > 0 ? tr("Row %1 labelled %2")
                              .arg(m->index(row, 0).data().toString(), labels.at(labelNumber - 1))
                        : tr("Label of row %1 cleared").arg(m->index(row, 0).data().toString()));
    if (labelNumber == 0) return;
    if (unlabelledOnly) {
        const int next = m->findUnlabelled(row + 1);
        if (next >= 0) goToRow(next);
    } else {
        goToRow(row + 1);
    }
}

void RowsTableView::keyPressEvent(QKeyEvent* event) {
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    if (state() != QAbstractItemView::EditingState && mods == Qt::NoModifier) {
        const int key = event->key();
        if (key >= Qt::Key_1 && key <= Qt::Key_9) {
            labelCurrentRow(key - Qt::Key_0);
            event->accept();
            return;
        }
        if (key == Qt::Key_0 || key == Qt::Key_Backspace || key == Qt::Key_Delete) {
            labelCurrentRow(0);
            event->accept();
            return;
        }
        if (key == Qt::Key_N) {
            goToNextUnlabelled();
            event->accept();
            return;
        }
    }
    QTableView::keyPressEvent(event);
}

}  // namespace ft::ui
