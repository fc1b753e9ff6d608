#pragma once

#include <QString>

class QApplication;
class QCustomPlot;
class QPalette;

namespace ft::ui {

// The house look: Fusion, the system font one step larger for reading, and a small
// style sheet for the roles widgets declare through the "role" / "primary" dynamic
// properties (hint, note, error, ok, heading, title, card). Two palettes: the light
// one, and a dark one chosen by Preferences → Theme ("dark", or "system" when the
// desktop asks for dark colours). Call once, after QApplication exists and before
// windows are created; GUI thread only.
void applyTheme(QApplication& app);  // the theme of AppSettings::theme()
// theme: "system", "light" or "dark" (anything else reads as "system").
void applyTheme(QApplication& app, const QString& theme);

// True for a palette with dark windows (window lightness below 128).
bool isDark(const QPalette& palette);

// Whether the desktop asks for dark colours: Qt's colour scheme where Qt has one (6.5),
// else the platform palette's window lightness, as it was before applyTheme replaced it.
bool systemPrefersDark();

// Plots draw with the light house colours (ftplots is shared with the CLI and the export's
// images). In a dark palette this recolours what is drawn on the background — plot and
// axis rect backgrounds, axes, grids, tick and axis labels, titles, legends, grey lines —
// from the plot's palette; series colours stay. A no-op in a light palette.
// applyTheme() calls it before every replot of each plot a window shows, so pages need
// not call it themselves.
void adaptPlotToPalette(QCustomPlot* plot);

}  // namespace ft::ui
