#include "theme.h"

#include <QApplication>
#include <QEvent>
#include <QFont>
#include <QPalette>
#include <QStyleFactory>
#include <QStyleHints>

#include "appsettings.h"
#include "qcp.h"

namespace ft::ui {
namespace {

// start: the palette Fusion starts from, as at the first call (a second call, say from dark
// to light, must not keep roles of the dark palette that the light one does not set).
QPalette lightPalette(const QPalette& start) {
    QPalette p = start;
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
    return p;
}

QPalette darkPalette(const QPalette& start) {
    QPalette p = start;
    const QColor window(0x1f, 0x20, 0x23);
    const QColor base(0x29, 0x2a, 0x2d);
    const QColor text(0xe8, 0xea, 0xed);
    const QColor disabled(0x75, 0x7a, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x30, 0x31, 0x35));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x30, 0x31, 0x35));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x2b, 0x4a, 0x78));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x40, 0x43));
    p.setColor(QPalette::ToolTipText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x51));
    p.setColor(QPalette::Midlight, QColor(0x3c, 0x40, 0x43));
    p.setColor(QPalette::Mid, QColor(0x5f, 0x63, 0x68));
    p.setColor(QPalette::Dark, QColor(0x17, 0x18, 0x1a));
    p.setColor(QPalette::Shadow, Qt::black);
    for (auto role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    p.setColor(QPalette::Disabled, QPalette::Button, QColor(0x26, 0x27, 0x2a));
    return p;
}

const char* const kLightStyleSheet = R"(
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
)";

// The same rules as the light sheet, in the colours of darkPalette().
const char* const kDarkStyleSheet = R"(
QMainWindow, QDialog, QWizard { background: #1f2023; }
QLabel[role="hint"] { color: #9aa0a6; }
QLabel[role="legend"] { color: #dadce0; background: #26334a; border-radius: 4px; padding: 5px 8px; }
QLabel[role="note"] { color: #aecbfa; background: #1f2d44; border: 1px solid #2e4a75;
                      border-radius: 6px; padding: 8px 10px; }
QLabel[role="error"] { color: #f6aea9; background: #3b2322; border: 1px solid #6e3330;
                       border-radius: 6px; padding: 8px 10px; }
QLabel[role="ok"] { color: #81c995; }
QLabel[role="heading"] { font-weight: 600; color: #e8eaed; margin-top: 6px; }
QLabel[role="title"] { font-size: 22pt; font-weight: 600; color: #e8eaed; }
QLabel[role="subtitle"] { font-size: 11pt; color: #9aa0a6; }
QLabel[role="cardTitle"] { font-size: 11pt; font-weight: 600; color: #8ab4f8; }
QPushButton { padding: 5px 12px; border: 1px solid #5f6368; border-radius: 4px; background: #303134;
              color: #e8eaed; }
QPushButton:hover { background: #3c4043; }
QPushButton:disabled { color: #6f7378; background: #26272a; border-color: #3c4043; }
QPushButton[primary="true"] { background: #1a73e8; color: white; border-color: #1a73e8; font-weight: 600; }
QPushButton[primary="true"]:hover { background: #1765cc; }
QPushButton[primary="true"]:disabled { background: #2b3f5e; border-color: #2b3f5e; color: #8d99ab; }
QPushButton[role="card"] { text-align: left; border-radius: 8px; border: 1px solid #5f6368; background: #292a2d; }
QPushButton[role="card"]:hover { border-color: #8ab4f8; background: #2d3340; }
QToolButton#importButton { padding: 5px 14px; border: 1px solid #1a73e8; border-radius: 4px;
                           background: #1a73e8; color: white; font-weight: 600; }
QToolButton#importButton:hover { background: #1765cc; }
QToolButton#importButton:disabled { background: #2b3f5e; border-color: #2b3f5e; color: #8d99ab; }
QListWidget#stageNav { background: #292a2d; border: none; border-right: 1px solid #3c4043;
                       padding-top: 8px; outline: 0; }
QListWidget#stageNav::item { padding: 10px 8px; margin: 2px 6px; border-radius: 6px; color: #dadce0; }
QListWidget#stageNav::item:selected { background: #2b3f5e; color: #aecbfa; font-weight: 600; }
QListWidget#stageNav::item:disabled { color: #6f7378; }
QListWidget[role="recent"] { background: #292a2d; border: 1px solid #5f6368; border-radius: 8px; }
QListWidget[role="recent"]::item { padding: 8px 10px; border-bottom: 1px solid #3c4043; }
QListWidget[role="recent"]::item:hover { background: #2d3340; }
QGroupBox { font-weight: 600; border: 1px solid #3c4043; border-radius: 6px; margin-top: 14px;
            padding: 10px 8px 8px 8px; background: #292a2d; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; color: #dadce0; }
QTabWidget::pane { border: 1px solid #3c4043; background: #292a2d; }
QTabBar::tab { padding: 7px 18px; color: #9aa0a6; border: none; border-bottom: 2px solid transparent;
               background: transparent; }
QTabBar::tab:selected { color: #8ab4f8; border-bottom: 2px solid #8ab4f8; font-weight: 600; }
QTableView { gridline-color: #3c4043; selection-background-color: #2b4a78; selection-color: #ffffff; }
QHeaderView::section { background: #303134; color: #dadce0; padding: 5px 6px; border: none;
                       border-right: 1px solid #3c4043; border-bottom: 1px solid #5f6368; font-weight: 600; }
QStatusBar { background: #292a2d; border-top: 1px solid #3c4043; color: #dadce0; }
QDockWidget::title { background: #303134; padding: 4px 8px; }
QProgressBar { border: 1px solid #5f6368; border-radius: 5px; background: #303134; color: #e8eaed; }
QProgressBar::chunk { background: #1a73e8; border-radius: 4px; }
QToolTip { color: #ffffff; background: #3c4043; border: 1px solid #5f6368; }
)";

// The platform's palette before the first applyTheme() replaced it.
const QPalette& platformPalette() {
    static const QPalette palette = QGuiApplication::palette();
    return palette;
}

// Calls adaptPlotToPalette() before every replot of each QCustomPlot that gets polished
// (shown in a window); plots only rendered to files are never polished and stay light.
class PlotThemer : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Polish) {
            if (auto* plot = qobject_cast<QCustomPlot*>(watched);
                plot && !plot->property("ftThemed").toBool()) {
                plot->setProperty("ftThemed", true);
                connect(plot, &QCustomPlot::beforeReplot, plot,
                        [plot] { adaptPlotToPalette(plot); });
                adaptPlotToPalette(plot);
            }
        }
        return false;
    }
};

bool isDarkGrey(const QColor& c, int maxLightness) {
    return c.alpha() > 0 && c.hslSaturation() < 40 && c.lightness() < maxLightness;
}

}  // namespace

bool isDark(const QPalette& palette) { return palette.color(QPalette::Window).lightness() < 128; }

bool systemPrefersDark() {
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    if (QGuiApplication::styleHints()->colorScheme() == Qt::ColorScheme::Dark) return true;
    if (QGuiApplication::styleHints()->colorScheme() == Qt::ColorScheme::Light) return false;
#endif
    return isDark(platformPalette());
}

void applyTheme(QApplication& app) { applyTheme(app, AppSettings::theme()); }

void applyTheme(QApplication& app, const QString& theme) {
    const bool dark =
        theme == QLatin1String("dark") || (theme != QLatin1String("light") && systemPrefersDark());
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    static const QPalette base = QGuiApplication::palette();
    app.setPalette(dark ? darkPalette(base) : lightPalette(base));

    QFont font = app.font();
    if (font.pointSizeF() > 0 && font.pointSizeF() < 10) font.setPointSizeF(10);
    app.setFont(font);

    app.setStyleSheet(QString::fromLatin1(dark ? kDarkStyleSheet : kLightStyleSheet));

    static PlotThemer* themer = nullptr;
    if (!themer) {
        themer = new PlotThemer(&app);
        app.installEventFilter(themer);
    }
}

void adaptPlotToPalette(QCustomPlot* plot) {
    if (!plot) return;
    const QPalette& p = plot->palette();
    if (!isDark(p)) return;
    const QColor base = p.color(QPalette::Base);
    const QColor text = p.color(QPalette::Text);
    const QColor muted(0x9a, 0xa0, 0xa6);
    const QColor axisColor(0x80, 0x86, 0x8b);
    const QColor gridColor(0x3c, 0x40, 0x43);

    const auto styleAxis = [&](QCPAxis* axis) {
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->setBasePen(QPen(axisColor));
        axis->setTickPen(QPen(axisColor));
        axis->grid()->setPen(QPen(gridColor));
        axis->grid()->setZeroLinePen(QPen(axisColor));
    };
    plot->setBackground(QBrush(base));
    for (QCPAxisRect* rect : plot->axisRects()) {
        rect->setBackground(QBrush(base));
        for (QCPAxis* axis : rect->axes()) styleAxis(axis);
    }
    // Legends and titles, in sub-layouts too (all are children of the plot).
    for (QCPLayerable* layerable : plot->findChildren<QCPLayerable*>()) {
        if (auto* legend = qobject_cast<QCPLegend*>(layerable)) {
            QColor brush = base;
            brush.setAlpha(legend->brush().color().alpha());
            legend->setBrush(brush);
            legend->setTextColor(text);
            legend->setBorderPen(QPen(gridColor));
        }
        // A colour scale's axis (the confusion matrix) is not in axisRects().
        if (auto* scale = qobject_cast<QCPColorScale*>(layerable)) styleAxis(scale->axis());
        if (auto* title = qobject_cast<QCPTextElement*>(layerable)) {
            if (isDarkGrey(title->textColor(), 128)) title->setTextColor(text);
        }
    }
    // Labels drawn on the background in the dark text colour (values above bars). Text on
    // a coloured cell (the confusion matrix) uses #202124 or white and stays.
    for (int i = 0; i < plot->itemCount(); ++i) {
        if (auto* label = qobject_cast<QCPItemText*>(plot->item(i))) {
            if (label->color() == QColor(0x3c, 0x40, 0x43)) label->setColor(text);
        }
    }
    // Dark grey lines (averages, the chance diagonal, error bars) and white bar outlines.
    for (int i = 0; i < plot->plottableCount(); ++i) {
        QCPAbstractPlottable* plottable = plot->plottable(i);
        QPen pen = plottable->pen();
        if (isDarkGrey(pen.color(), 60)) {
            pen.setColor(text);
        } else if (isDarkGrey(pen.color(), 128)) {
            pen.setColor(muted);
        } else if (pen.color() == QColor(Qt::white)) {
            pen.setColor(base);
        } else {
            continue;
        }
        plottable->setPen(pen);
    }
}

}  // namespace ft::ui
