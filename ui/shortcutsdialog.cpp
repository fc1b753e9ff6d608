#include "shortcutsdialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QToolTip>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ft::ui {
namespace {

// "&Open Project…" -> "Open Project": the menu text without mnemonics and ellipsis.
QString plainText(QString text) {
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    text.replace(QStringLiteral("&&"), QStringLiteral("&"));
    if (text.endsWith(QChar(0x2026))) text.chop(1);
    if (text.endsWith(QStringLiteral("..."))) text.chop(3);
    return text.trimmed();
}

// An action in two menus (Import Data: File and Run) is listed once, under the first.
void collect(const QMenu* menu, const QString& menuTitle, QList<ShortcutsDialog::Row>& out,
             QSet<const QAction*>& seen) {
    for (QAction* action : menu->actions()) {
        if (action->isSeparator()) continue;
        if (action->menu()) {
            collect(action->menu(), menuTitle, out, seen);
            continue;
        }
        if (seen.contains(action)) continue;
        seen.insert(action);
        QStringList keys;
        for (const QKeySequence& key : action->shortcuts()) {
            if (!key.isEmpty()) keys << key.toString(QKeySequence::NativeText);
        }
        if (keys.isEmpty()) continue;
        out.push_back({menuTitle, plainText(action->text()), keys.join(QStringLiteral(", "))});
    }
}

// Watches a page's button for its action: enabled state and the tooltip with the shortcut.
class ButtonActionLink : public QObject {
public:
    ButtonActionLink(QAbstractButton* button, QAction* action)
        : QObject(button), m_button(button), m_action(action) {
        m_action->setEnabled(button->isEnabled());
        button->installEventFilter(this);
    }

    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched != m_button || !m_action) return false;
        if (event->type() == QEvent::EnabledChange) {
            m_action->setEnabled(m_button->isEnabled());
        } else if (event->type() == QEvent::ToolTip) {
            const QString tip =
                m_button->toolTip().isEmpty() ? plainText(m_action->text()) : m_button->toolTip();
            QToolTip::showText(static_cast<QHelpEvent*>(event)->globalPos(),
                               withShortcut(tip, m_action), m_button);
            return true;
        }
        return false;
    }

private:
    QAbstractButton* m_button;
    QPointer<QAction> m_action;
};

}  // namespace

QString withShortcut(const QString& text, const QAction* action) {
    if (!action || action->shortcut().isEmpty()) return text;
    return QStringLiteral("%1 (%2)").arg(text,
                                         action->shortcut().toString(QKeySequence::NativeText));
}

void linkButtonToAction(QAbstractButton* button, QAction* action) {
    if (!button || !action) return;
    new ButtonActionLink(button, action);
}

QList<ShortcutsDialog::Row> ShortcutsDialog::rows(const QMenuBar* menuBar) {
    QList<Row> out;
    if (!menuBar) return out;
    QSet<const QAction*> seen;
    for (QAction* top : menuBar->actions()) {
        if (top->menu()) collect(top->menu(), plainText(top->text()), out, seen);
    }
    return out;
}

ShortcutsDialog::ShortcutsDialog(const QMenuBar* menuBar, QWidget* parent)
    : QDialog(parent), m_tree(new QTreeWidget) {
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    resize(520, 560);

    m_tree->setObjectName(QStringLiteral("shortcutsTree"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_tree->setRootIsDecorated(false);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    m_tree->setFocusPolicy(Qt::NoFocus);
    QString menu;
    QTreeWidgetItem* group = nullptr;
    for (const Row& row : rows(menuBar)) {
        if (!group || row.menu != menu) {
            menu = row.menu;
            group = new QTreeWidgetItem(m_tree, {menu});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFirstColumnSpanned(true);
            group->setFlags(Qt::ItemIsEnabled);
        }
        auto* item = new QTreeWidgetItem(group, {row.action, row.shortcut});
        item->setFlags(Qt::ItemIsEnabled);
    }
    m_tree->expandAll();
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);

    auto* hint =
        new QLabel(tr("The shortcuts also appear in the menus and in the tooltips of "
                      "the buttons they press."));
    hint->setProperty("role", QStringLiteral("hint"));
    hint->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tree, 1);
    layout->addWidget(hint);
    layout->addWidget(buttons);
}

}  // namespace ft::ui
