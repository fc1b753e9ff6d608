#include "theme.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyleFactory>

namespace ft::ui {

void applyTheme(QApplication& app) {
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));

    QPalette p;
    const QColor window(0xf6, 0xf7, 0xf9);
    const QColor text(0x20, 0x21, 0x24);
    const QColor accent(0x1a, 0x73, 0xe8);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf8, 0xf9, 0xfa));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0xd2, 0xe3, 0xfc));
    p.setColor(QPalette::HighlightedText, text);
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x40, 0x43));
    p.setColor(QPalette::ToolTipText, Qt::white);
    p.setColor(QPalette::Link, accent);
    p.setColor(QPalette::PlaceholderText, QColor(0x80, 0x86, 0x8b));
    p.setColor(QPalette::Mid, QColor(0xda, 0xdc, 0xe0));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x9a, 0xa0, 0xa6));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x9a, 0xa0, 0xa6));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x9a, 0xa0, 0xa6));
    app.setPalette(p);

    QFont font = app.font();
    if (font.pointSizeF() > 0 && font.pointSizeF() < 10) font.setPointSizeF(10);
    app.setFont(font);

    app.setStyleSheet(QStringLiteral(R"(
QMainWindow, QDialog, QWizard { background: #f6f7f9; }
QLabel[role="hint"] { color: #5f6368; }
QLabel[role="legend"] { color: #3c4043; background: #eef3fd; border-radius: 4px; padding: 5px 8px; }
QLabel[role="note"] { color: #174ea6; background: #e8f0fe; border: 1px solid #d2e3fc;
                      border-radius: 6px; padding: 8px 10px; }
QLabel[role="error"] { color: #a50e0e; background: #fce8e6; border: 1px solid #f6c7c3;
                       border-radius: 6px; padding: 8px 10px; }
QLabel[role="ok"] { color: #137333; }
QLabel[role="heading"] { font-weight: 600; color: #202124; margin-top: 6px; }
QLabel[role="title"] { font-size: 22pt; font-weight: 600; color: #202124; }
QLabel[role="subtitle"] { font-size: 11pt; color: #5f6368; }
QLabel[role="cardTitle"] { font-size: 11pt; font-weight: 600; color: #1a73e8; }
QPushButton { padding: 5px 12px; border: 1px solid #dadce0; border-radius: 4px; background: white; }
QPushButton:hover { background: #f1f3f4; }
QPushButton:disabled { color: #9aa0a6; background: #f8f9fa; }
QPushButton[primary="true"] { background: #1a73e8; color: white; border-color: #1a73e8; font-weight: 600; }
QPushButton[primary="true"]:hover { background: #1765cc; }
QPushButton[primary="true"]:disabled { background: #c6dafc; border-color: #c6dafc; color: white; }
QPushButton[role="card"] { text-align: left; border-radius: 8px; border: 1px solid #dadce0; background: white; }
QPushButton[role="card"]:hover { border-color: #1a73e8; background: #f8fbff; }
QToolButton#importButton { padding: 5px 14px; border: 1px solid #1a73e8; border-radius: 4px;
                           background: #1a73e8; color: white; font-weight: 600; }
QToolButton#importButton:hover { background: #1765cc; }
QToolButton#importButton:disabled { background: #c6dafc; border-color: #c6dafc; }
QListWidget#stageNav { background: #ffffff; border: none; border-right: 1px solid #e0e3e7;
                       padding-top: 8px; outline: 0; }
QListWidget#stageNav::item { padding: 10px 8px; margin: 2px 6px; border-radius: 6px; color: #3c4043; }
QListWidget#stageNav::item:selected { background: #e8f0fe; color: #1967d2; font-weight: 600; }
QListWidget#stageNav::item:disabled { color: #a0a4a8; }
QListWidget[role="recent"] { background: white; border: 1px solid #dadce0; border-radius: 8px; }
QListWidget[role="recent"]::item { padding: 8px 10px; border-bottom: 1px solid #f1f3f4; }
QListWidget[role="recent"]::item:hover { background: #f8fbff; }
QGroupBox { font-weight: 600; border: 1px solid #e0e3e7; border-radius: 6px; margin-top: 14px;
            padding: 10px 8px 8px 8px; background: white; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; color: #3c4043; }
QTabWidget::pane { border: 1px solid #e0e3e7; background: white; }
QTabBar::tab { padding: 7px 18px; color: #5f6368; border: none; border-bottom: 2px solid transparent;
               background: transparent; }
QTabBar::tab:selected { color: #1967d2; border-bottom: 2px solid #1a73e8; font-weight: 600; }
QTableView { gridline-color: #eceff1; selection-background-color: #d2e3fc; selection-color: #202124; }
QHeaderView::section { background: #f1f3f4; color: #3c4043; padding: 5px 6px; border: none;
                       border-right: 1px solid #e0e3e7; border-bottom: 1px solid #dadce0; font-weight: 600; }
QStatusBar { background: #ffffff; border-top: 1px solid #e0e3e7; color: #3c4043; }
QDockWidget::title { background: #eef0f2; padding: 4px 8px; }
QProgressBar { border: 1px solid #dadce0; border-radius: 5px; background: #f1f3f4; }
QProgressBar::chunk { background: #1a73e8; border-radius: 4px; }
)"));
}

}  // namespace ft::ui
