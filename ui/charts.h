#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <QString>

class QCustomPlot;

namespace ft::ui {

// Small QCustomPlot helpers shared by the pages so every plot looks alike:
// the house palette, readable fonts, labelled axes, no interaction. All of them
// replot with rpQueuedReplot, so several calls in a row draw once.
namespace charts {

// The palette used for series and bars, in order.
const std::vector<uint32_t>& palette();

// Sets fonts, colours, margins and grid of an empty plot.
void applyStyle(QCustomPlot* plot);

// Horizontal bars, one per label (in the given order, first at the top), with
// the count at the end of each bar. An empty list shows `emptyText`.
void showLabelDistribution(QCustomPlot* plot,
                           const std::vector<std::pair<std::string, int64_t>>& counts,
                           const QString& emptyText);

// A histogram of text lengths: bins of `binWidth` characters starting at
// `firstBinStart`.
void showLengthHistogram(QCustomPlot* plot, const std::vector<int64_t>& bins, int64_t binWidth,
                         int64_t firstBinStart, const QString& emptyText);

}  // namespace charts
}  // namespace ft::ui
