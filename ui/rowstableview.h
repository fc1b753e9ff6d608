#pragma once

#include <QTableView>

namespace ft::ui {

class RowsTableModel;

// The rows table with keyboard labelling: 1..9 give the current row the n-th
// label of the set and move on (to the next unlabelled row when the filter
// shows unlabelled rows only), 0 / Backspace / Delete clear it, N jumps to the
// next unlabelled row. Ctrl+Z (undo) is an action of the Data page. The model
// must be a RowsTableModel.
class RowsTableView : public QTableView {
    Q_OBJECT
public:
    explicit RowsTableView(QWidget* parent = nullptr);

    RowsTableModel* rowsModel() const;

public Q_SLOTS:
    // Makes `row` current (and visible), keeping the current column.
    void goToRow(int row);
    void goToNextUnlabelled();
    void labelCurrentRow(int labelNumber);  // 1-based; 0 clears

Q_SIGNALS:
    // For the status bar: "Labelled row 12 as spam", "No unlabelled row below".
    void messageRequested(const QString& text);

protected:
    void keyPressEvent(QKeyEvent* event) override;
};

}  // namespace ft::ui
