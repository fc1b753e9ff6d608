#pragma once

#include <functional>

#include <QString>

class QAbstractItemModel;
class QAbstractItemView;
class QCustomPlot;
class QToolButton;
class QWidget;

// Saving what the Evaluate page shows: every plot as PNG / SVG / PDF and every table as
// CSV / JSON, from a button and from the widget's context menu. GUI thread only.
namespace ft::ui::evalexport {

// Writes a table model to file, CSV or JSON by the suffix (.csv / .json). Columns are
// the horizontal headers. A cell's value is its ExamplesModel::RawRole (Qt::UserRole)
// data when set (full precision numbers, whole texts), else its display text. CSV:
// RFC 4180 (comma, CRLF, fields with a comma, quote or line break quoted, quotes
// doubled), a header line first. JSON: an array of objects keyed by header, numbers as
// numbers. Written to a temporary name and renamed. false (and error set) on failure.
bool exportTable(const QAbstractItemModel* model, const QString& file, QString* error);

// A "Save plot" tool button with a PNG / SVG / PDF menu, and the same actions in the
// plot's context menu. baseName() gives the suggested file name (without suffix).
QToolButton* plotSaveButton(QCustomPlot* plot, std::function<QString()> baseName);

// An "Export" tool button with a CSV / JSON menu for the view's model, and the same
// actions (plus Copy) in the view's context menu.
QToolButton* tableExportButton(QAbstractItemView* view, std::function<QString()> baseName);

}  // namespace ft::ui::evalexport
