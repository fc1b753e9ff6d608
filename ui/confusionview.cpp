#include "confusionview.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include "evalexport.h"
#include "qcp.h"

namespace ft::ui {

ConfusionView::ConfusionView(QWidget* parent)
    : QWidget(parent),
      m_plot(new QCustomPlot),
      m_counts(new QToolButton),
      m_normalized(new QToolButton) {
    setObjectName(QStringLiteral("confusionView"));
    m_plot->setObjectName(QStringLiteral("confusionPlot"));
    m_plot->setMinimumSize(320, 280);
    m_plot->setMouseTracking(true);

    m_counts->setText(tr("Counts"));
    m_counts->setObjectName(QStringLiteral("confusionCounts"));
    m_counts->setToolTip(tr("How many rows fall in each cell"));
    m_normalized->setText(tr("Row-normalized"));
    m_normalized->setObjectName(QStringLiteral("confusionNormalized"));
    m_normalized->setToolTip(
        tr("Each row divided by its total: the share of a true class that went to each "
           "prediction (the diagonal is the recall)"));
    auto* group = new QButtonGroup(this);
    for (QToolButton* b : {m_counts, m_normalized}) {
        b->setCheckable(true);
        b->setAutoRaise(false);
        group->addButton(b);
    }
    m_counts->setChecked(true);
    connect(m_normalized, &QToolButton::toggled, this, &ConfusionView::setRowNormalized);

    auto* hint = new QLabel(tr("Click a cell to list its rows."));
    hint->setProperty("role", QStringLiteral("hint"));
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->setSpacing(0);
    bar->addWidget(m_counts);
    bar->addWidget(m_normalized);
    bar->addSpacing(12);
    bar->addWidget(hint);
    bar->addStretch(1);
    bar->addWidget(evalexport::plotSaveButton(m_plot, [this] {
        return m_rowNormalized ? QStringLiteral("confusion_matrix_normalized")
                               : QStringLiteral("confusion_matrix");
    }));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_plot, 1);

    connect(m_plot, &QCustomPlot::mousePress, this, &ConfusionView::onMousePress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &ConfusionView::onMouseMove);
    redraw();
}

void ConfusionView::setBundle(EvalBundlePtr bundle) {
    m_bundle = std::move(bundle);
    m_selected.reset();
    redraw();
}

void ConfusionView::setRowNormalized(bool rowNormalized) {
    if (rowNormalized == m_rowNormalized) return;
    m_rowNormalized = rowNormalized;
    {
        const QSignalBlocker block(m_normalized);
        m_normalized->setChecked(rowNormalized);
        m_counts->setChecked(!rowNormalized);
    }
    redraw();
}

void ConfusionView::redraw() {
    m_highlight = nullptr;  // the builder deletes every item
    if (m_bundle) {
        plots::confusionMatrix(m_plot, m_bundle->plots, m_rowNormalized);
    } else {
        plots::confusionMatrix(m_plot, plots::EvalPlotData{}, m_rowNormalized);
    }
    updateHighlight();
}

void ConfusionView::updateHighlight() {
    if (!m_selected) {
        if (m_highlight) m_highlight->setVisible(false);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    if (!m_highlight) {
        m_highlight = new QCPItemRect(m_plot);
        m_highlight->setPen(QPen(QColor(0xf9, 0xab, 0x00), 3));
        m_highlight->setBrush(Qt::NoBrush);
        m_highlight->setSelectable(false);
    }
    const auto [t, p] = *m_selected;
    m_highlight->topLeft->setCoords(p - 0.5, t - 0.5);
    m_highlight->bottomRight->setCoords(p + 0.5, t + 0.5);
    m_highlight->setVisible(true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ConfusionView::selectCell(int trueClass, int predicted) {
    m_selected = std::make_pair(trueClass, predicted);
    updateHighlight();
    Q_EMIT cellClicked(trueClass, predicted);
}

QPoint ConfusionView::cellCenter(int trueClass, int predicted) const {
    return QPoint(static_cast<int>(m_plot->xAxis->coordToPixel(predicted)),
                  static_cast<int>(m_plot->yAxis->coordToPixel(trueClass)));
}

void ConfusionView::onMousePress(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !m_bundle) return;
    if (const auto cell = plots::confusionCellAt(m_plot, event->position())) {
        selectCell(cell->first, cell->second);
    }
}

void ConfusionView::onMouseMove(QMouseEvent* event) {
    if (!m_bundle) return;
    const auto cell = plots::confusionCellAt(m_plot, event->position());
    const auto& cm = m_bundle->plots.report.value("confusion_matrix", nlohmann::json());
    if (!cell || !cm.is_array()) {
        QToolTip::hideText();
        return;
    }
    const auto [t, p] = *cell;
    const auto& row = cm[static_cast<size_t>(t)];
    int64_t total = 0;
    for (const auto& v : row) total += v.get<int64_t>();
    const int64_t count = row[static_cast<size_t>(p)].get<int64_t>();
    const QStringList& labels = m_bundle->plots.labels;
    const QLocale locale;
    QString text =
        tr("True <b>%1</b>, predicted <b>%2</b><br>%3 of %4 rows (%5 %)")
            .arg(labels.value(t).toHtmlEscaped(), labels.value(p).toHtmlEscaped(),
                 locale.toString(static_cast<qlonglong>(count)),
                 locale.toString(static_cast<qlonglong>(total)))
            .arg(total > 0 ? 100.0 * static_cast<double>(count) / static_cast<double>(total) : 0.0,
                 0, 'f', 1);
    QToolTip::showText(m_plot->mapToGlobal(event->position().toPoint()), text, m_plot);
}

}  // namespace ft::ui
