#include "charts.h"

#include <algorithm>

#include <QLocale>

#include "qcp.h"

namespace ft::ui::charts {
namespace {

const QColor kText(0x3c, 0x40, 0x43);
const QColor kGrid(0xe8, 0xea, 0xed);
const QColor kAxis(0xba, 0xbe, 0xc2);

void styleAxis(QCPAxis* axis) {
    QFont font = axis->tickLabelFont();
    font.setPointSizeF(std::max(8.0, font.pointSizeF() - 0.5));
    axis->setTickLabelFont(font);
    axis->setTickLabelColor(kText);
    QFont labelFont = font;
    labelFont.setBold(true);
    axis->setLabelFont(labelFont);
    axis->setLabelColor(kText);
    axis->setBasePen(QPen(kAxis));
    axis->setTickPen(QPen(kAxis));
    axis->setSubTickPen(Qt::NoPen);
    axis->grid()->setPen(QPen(kGrid));
    axis->grid()->setZeroLinePen(QPen(kAxis));
}

void clear(QCustomPlot* plot) {
    plot->clearPlottables();
    plot->clearItems();
    plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
}

void showEmpty(QCustomPlot* plot, const QString& text) {
    auto* label = new QCPItemText(plot);
    label->position->setType(QCPItemPosition::ptAxisRectRatio);
    label->position->setCoords(0.5, 0.5);
    label->setText(text);
    label->setColor(QColor(0x80, 0x86, 0x8b));
    plot->xAxis->setRange(0, 1);
    plot->yAxis->setRange(0, 1);
    plot->xAxis->setTickLabels(false);
    plot->yAxis->setTickLabels(false);
}

}  // namespace

const std::vector<uint32_t>& palette() {
    static const std::vector<uint32_t> colors{0x1a73e8, 0xe8710a, 0x1e8e3e, 0xd93025,
                                              0x9334e6, 0x12b5cb, 0xe52592, 0xf9ab00};
    return colors;
}

void applyStyle(QCustomPlot* plot) {
    plot->setBackground(QBrush(Qt::white));
    plot->setAntialiasedElements(QCP::aeAll);
    plot->setInteractions(QCP::Interactions());
    plot->axisRect()->setBackground(QBrush(Qt::white));
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) styleAxis(axis);
    plot->xAxis2->setVisible(false);
    plot->yAxis2->setVisible(false);
    plot->axisRect()->setAutoMargins(QCP::msAll);
    plot->setNoAntialiasingOnDrag(true);
}

void showLabelDistribution(QCustomPlot* plot,
                           const std::vector<std::pair<std::string, int64_t>>& counts,
                           const QString& emptyText) {
    clear(plot);
    plot->xAxis->setLabel(QCustomPlot::tr("Rows"));
    plot->yAxis->setLabel(QString());
    if (counts.empty()) {
        showEmpty(plot, emptyText);
        plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    plot->xAxis->setTickLabels(true);
    plot->yAxis->setTickLabels(true);

    // Labels on the vertical axis so long names stay readable; first at the top.
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    const int n = static_cast<int>(counts.size());
    int64_t maxCount = 1;
    for (int i = 0; i < n; ++i) {
        const auto& [label, count] = counts[static_cast<size_t>(i)];
        ticker->addTick(n - i, QString::fromStdString(label));
        maxCount = std::max(maxCount, count);
    }
    plot->yAxis->setTicker(ticker);
    plot->yAxis->grid()->setVisible(false);
    plot->yAxis->setRange(0.4, n + 0.6);
    plot->xAxis->grid()->setVisible(true);
    plot->xAxis->setRange(0, static_cast<double>(maxCount) * 1.18);

    for (int i = 0; i < n; ++i) {
        const auto& [label, count] = counts[static_cast<size_t>(i)];
        auto* bars = new QCPBars(plot->yAxis, plot->xAxis);
        const QColor color(palette()[static_cast<size_t>(i) % palette().size()]);
        bars->setPen(Qt::NoPen);
        bars->setBrush(color);
        bars->setWidth(0.62);
        bars->addData(n - i, static_cast<double>(count));

        auto* value = new QCPItemText(plot);
        value->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        value->position->setCoords(static_cast<double>(count), n - i);
        value->setPadding(QMargins(4, 0, 0, 0));
        value->setText(QLocale().toString(static_cast<qlonglong>(count)));
        value->setColor(kText);
    }
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void showLengthHistogram(QCustomPlot* plot, const std::vector<int64_t>& bins, int64_t binWidth,
                         int64_t firstBinStart, const QString& emptyText) {
    clear(plot);
    plot->xAxis->setLabel(QCustomPlot::tr("Text length (characters)"));
    plot->yAxis->setLabel(QCustomPlot::tr("Rows"));
    int64_t maxCount = 0;
    for (int64_t c : bins) maxCount = std::max(maxCount, c);
    if (bins.empty() || maxCount == 0) {
        showEmpty(plot, emptyText);
        plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    plot->xAxis->setTickLabels(true);
    plot->yAxis->setTickLabels(true);
    plot->xAxis->grid()->setVisible(false);
    plot->yAxis->grid()->setVisible(true);

    const double width = static_cast<double>(std::max<int64_t>(binWidth, 1));
    auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setPen(QPen(Qt::white, 1));
    bars->setBrush(QColor(palette()[0]));
    bars->setWidth(width);
    for (size_t i = 0; i < bins.size(); ++i) {
        const double center =
            static_cast<double>(firstBinStart) + (static_cast<double>(i) + 0.5) * width;
        bars->addData(center, static_cast<double>(bins[i]));
    }
    const double start = static_cast<double>(firstBinStart);
    plot->xAxis->setRange(start, start + width * static_cast<double>(bins.size()));
    plot->yAxis->setRange(0, static_cast<double>(maxCount) * 1.08);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace ft::ui::charts
