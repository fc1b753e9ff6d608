#pragma once

#include <QDialog>
#include <QList>

class QAbstractButton;
class QAction;
class QMenuBar;
class QTreeWidget;

namespace ft::ui {

// Help → Keyboard shortcuts (F1): every action of the menu bar that has a shortcut,
// grouped by menu, read from the actions when the dialog opens, so the list cannot
// disagree with what the keys do. GUI thread only.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(const QMenuBar* menuBar, QWidget* parent = nullptr);

    // The rows shown: {menu, action text, shortcut in the platform's notation}.
    struct Row {
        QString menu;
        QString action;
        QString shortcut;
    };
    static QList<Row> rows(const QMenuBar* menuBar);

private:
    QTreeWidget* m_tree;
};

// "Start training (Ctrl+R)": text followed by the action's shortcut, when it has one.
QString withShortcut(const QString& text, const QAction* action);

// Makes `action` the keyboard twin of a page's button: triggering the action calls
// `trigger` (which typically shows the page and clicks the button), the action is
// enabled exactly while the button is, and the button's tooltip — whatever the page sets
// it to — is shown with the shortcut appended. The link lives as long as the button.
void linkButtonToAction(QAbstractButton* button, QAction* action);

}  // namespace ft::ui
