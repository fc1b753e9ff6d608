#include "trainplots.h"

#include <algorithm>
#include <cmath>

#include <QGridLayout>
#include <QTimer>

#include "charts.h"
#include "qcp.h"

namespace ft::ui {

namespace {

const QColor kRaw(0x1a, 0x73, 0xe8, 80);
const QColor kSmoothed(0x1a, 0x73, 0xe8);
const QColor kValidation(0xe8, 0x71, 0x0a);
const QColor kAccuracy(0x1e, 0x8e, 0x3e);
const QColor kF1(0x93, 0x34, 0xe6);
const QColor kLr(0x12, 0x8b, 0x9b);
const QColor kGrad(0x5f, 0x63, 0x68);
const QColor kClip(0xd9, 0x30, 0x25);

const QString kStepSeries[] = {QStringLiteral("train_loss"), QStringLiteral("train_loss_smoothed"),
                               QStringLiteral("lr"), QStringLiteral("grad_norm")};
const QString kEvalSeries[] = {QStringLiteral("val_loss"), QStringLiteral("val_accuracy"),
                               QStringLiteral("val_macro_f1")};

double lastKey(const QCPGraph* graph) {
    const auto data = graph->data();
    return data->isEmpty() ? -1.0 : (data->constEnd() - 1)->key;
}

// The largest finite value of a graph (0 when it has none).
double maxValue(const QCPGraph* graph) {
    double m = 0;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        if (std::isfinite(it->value)) m = std::max(m, it->value);
    return m;
}

}  // namespace

TrainPlots::TrainPlots(QWidget* parent)
    : QWidget(parent),
      m_lossPlot(makePlot(tr("Loss"), tr("cross-entropy"))),
      m_metricPlot(makePlot(tr("Validation accuracy and macro-F1"), tr("score"))),
      m_lrPlot(makePlot(tr("Learning rate"), tr("learning rate"))),
      m_gradPlot(makePlot(tr("Gradient norm (before clipping)"), tr("L2 norm"))),
      m_refresh(new QTimer(this)) {
    setObjectName(QStringLiteral("trainPlots"));
    m_lossPlot->setObjectName(QStringLiteral("lossPlot"));
    m_metricPlot->setObjectName(QStringLiteral("metricPlot"));
    m_lrPlot->setObjectName(QStringLiteral("lrPlot"));
    m_gradPlot->setObjectName(QStringLiteral("gradPlot"));

    addGraph(m_lossPlot, QStringLiteral("train_loss"), tr("train"), kRaw, 1.0, false);
    addGraph(m_lossPlot, QStringLiteral("train_loss_smoothed"), tr("train, smoothed"), kSmoothed,
             2.0, false);
    addGraph(m_lossPlot, QStringLiteral("val_loss"), tr("validation"), kValidation, 2.0, true);
    addGraph(m_metricPlot, QStringLiteral("val_accuracy"), tr("accuracy"), kAccuracy, 2.0, true);
    addGraph(m_metricPlot, QStringLiteral("val_macro_f1"), tr("macro-F1"), kF1, 2.0, true);
    addGraph(m_lrPlot, QStringLiteral("lr"), tr("learning rate"), kLr, 2.0, false);
    addGraph(m_gradPlot, QStringLiteral("grad_norm"), tr("norm"), kGrad, 1.0, false);
    m_clipGraph = m_gradPlot->addGraph();
    m_clipGraph->setPen(QPen(kClip, 1, Qt::DashLine));

    // The legends sit in a row under the title, so they never hide a curve.
    for (QCustomPlot* plot : {m_lossPlot, m_metricPlot, m_gradPlot}) {
        plot->axisRect()->insetLayout()->take(plot->legend);
        plot->plotLayout()->insertRow(1);
        plot->plotLayout()->addElement(1, 0, plot->legend);
        plot->plotLayout()->setRowStretchFactor(1, 0.001);
        plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
        plot->legend->setBorderPen(Qt::NoPen);
        plot->legend->setBrush(Qt::NoBrush);
        plot->legend->setMargins(QMargins(4, 0, 4, 0));
        plot->legend->setColumnSpacing(12);
        plot->legend->setMinimumMargins(QMargins(0, 0, 0, 0));
    }
    m_lrPlot->yAxis->setNumberFormat(QStringLiteral("gb"));
    m_lrPlot->yAxis->setNumberPrecision(2);

    m_lossHint = addHint(m_lossPlot, tr("The training loss appears here\nafter the first step."));
    m_metricHint =
        addHint(m_metricPlot, tr("Validation scores appear here\nafter the first evaluation."));
    m_lrHint = addHint(m_lrPlot, tr("The learning rate schedule\nappears after the first step."));
    m_gradHint = addHint(m_gradPlot, tr("The gradient norm appears\nafter the first step."));

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);
    grid->addWidget(m_lossPlot, 0, 0);
    grid->addWidget(m_metricPlot, 0, 1);
    grid->addWidget(m_lrPlot, 1, 0);
    grid->addWidget(m_gradPlot, 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);

    m_refresh->setSingleShot(true);
    m_refresh->setInterval(kRefreshMs);
    connect(m_refresh, &QTimer::timeout, this, &TrainPlots::flush);
    rescale();
}

QCustomPlot* TrainPlots::makePlot(const QString& title, const QString& yLabel) {
    auto* plot = new QCustomPlot;
    charts::applyStyle(plot);
    plot->setMinimumSize(220, 160);
    plot->plotLayout()->insertRow(0);
    auto* heading = new QCPTextElement(plot, title);
    QFont font = heading->font();
    font.setBold(true);
    heading->setFont(font);
    heading->setTextColor(QColor(0x20, 0x21, 0x24));
    heading->setMargins(QMargins(0, 4, 0, 0));
    plot->plotLayout()->addElement(0, 0, heading);
    plot->xAxis->setLabel(tr("step"));
    plot->yAxis->setLabel(yLabel);
    QFont axisFont = plot->xAxis->labelFont();
    axisFont.setBold(false);
    plot->xAxis->setLabelFont(axisFont);
    plot->yAxis->setLabelFont(axisFont);
    QFont legendFont = plot->legend->font();
    legendFont.setPointSizeF(std::max(7.5, legendFont.pointSizeF() - 1.0));
    plot->legend->setFont(legendFont);
    plot->legend->setBrush(QColor(255, 255, 255, 220));
    plot->legend->setBorderPen(QPen(QColor(0xda, 0xdc, 0xe0)));
    plot->legend->setRowSpacing(-2);
    plot->legend->setMargins(QMargins(5, 3, 5, 3));
    return plot;
}

QCPGraph* TrainPlots::addGraph(QCustomPlot* plot, const QString& name, const QString& legend,
                               const QColor& color, double width, bool markers) {
    QCPGraph* graph = plot->addGraph();
    graph->setName(legend);
    graph->setPen(QPen(color, width));
    if (markers) graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, 5));
    m_graphs[name] = graph;
    return graph;
}

QCPItemText* TrainPlots::addHint(QCustomPlot* plot, const QString& text) {
    auto* hint = new QCPItemText(plot);
    hint->position->setType(QCPItemPosition::ptAxisRectRatio);
    hint->position->setCoords(0.5, 0.5);
    hint->setText(text);
    hint->setColor(QColor(0x80, 0x86, 0x8b));
    return hint;
}

void TrainPlots::clear() {
    m_pending.clear();
    m_refresh->stop();
    for (auto& [name, graph] : m_graphs) graph->data()->clear();
    m_ema = 0;
    m_emaCount = 0;
    m_totalSteps = 0;
    rescale();
}

void TrainPlots::setMetrics(const std::vector<store::MetricPoint>& points) {
    clear();
    for (const auto& p : points) {
        const QString name = QString::fromStdString(p.name);
        const auto it = m_graphs.find(name);
        if (it == m_graphs.end()) continue;  // samples_per_second is in the status row
        it->second->addData(static_cast<double>(p.step), p.value);
    }
    recomputeSmoothed();
    rescale();
}

void TrainPlots::setTotalSteps(int64_t totalSteps) {
    if (m_totalSteps == totalSteps) return;
    m_totalSteps = totalSteps;
    rescale();
}

void TrainPlots::setClipNorm(double maxGradNorm) {
    m_clipNorm = maxGradNorm;
    rescale();
}

void TrainPlots::setEvaluationHint(const QString& hint) {
    m_metricHint->setText(hint);
    m_metricPlot->replot(QCustomPlot::rpQueuedReplot);
}

void TrainPlots::addStep(const train::StepEvent& event) {
    m_pending.emplace_back(event);
    scheduleRefresh();
}

void TrainPlots::addEvaluation(const train::EvalEvent& event) {
    m_pending.emplace_back(event);
    scheduleRefresh();
}

void TrainPlots::scheduleRefresh() {
    // A single-shot timer that is not restarted while it runs: the first event of a burst
    // is drawn at most kRefreshMs later, and the burst is drawn once.
    if (!m_refresh->isActive()) m_refresh->start();
}

void TrainPlots::truncateFrom(double step, bool stepSeries, bool evalSeries) {
    if (stepSeries)
        for (const QString& name : kStepSeries) m_graphs[name]->data()->removeAfter(step - 0.5);
    if (evalSeries)
        for (const QString& name : kEvalSeries) m_graphs[name]->data()->removeAfter(step - 0.5);
}

void TrainPlots::recomputeSmoothed() {
    QCPGraph* smoothed = m_graphs[QStringLiteral("train_loss_smoothed")];
    smoothed->data()->clear();
    m_ema = 0;
    m_emaCount = 0;
    const auto raw = m_graphs[QStringLiteral("train_loss")]->data();
    for (auto it = raw->constBegin(); it != raw->constEnd(); ++it)
        appendSmoothed(it->key, it->value);
}

void TrainPlots::appendSmoothed(double step, double loss) {
    if (!std::isfinite(loss)) return;
    m_ema = kSmoothing * m_ema + (1.0 - kSmoothing) * loss;
    ++m_emaCount;
    const double correction = 1.0 - std::pow(kSmoothing, static_cast<double>(m_emaCount));
    m_graphs[QStringLiteral("train_loss_smoothed")]->addData(step, m_ema / correction);
}

void TrainPlots::flush() {
    m_refresh->stop();
    if (m_pending.empty()) return;
    QCPGraph* loss = m_graphs[QStringLiteral("train_loss")];
    for (const auto& item : m_pending) {
        if (const auto* s = std::get_if<train::StepEvent>(&item)) {
            const double x = static_cast<double>(s->step);
            if (x <= lastKey(loss)) {
                // A resumed run logs again from its checkpoint: its new points replace ours.
                truncateFrom(x, true, true);
                recomputeSmoothed();
            }
            loss->addData(x, s->loss);
            appendSmoothed(x, s->loss);
            m_graphs[QStringLiteral("lr")]->addData(x, s->lr);
            m_graphs[QStringLiteral("grad_norm")]->addData(x, s->gradNorm);
            if (s->totalSteps > 0) m_totalSteps = s->totalSteps;
        } else {
            const auto& e = std::get<train::EvalEvent>(item);
            const double x = static_cast<double>(e.step);
            if (x <= lastKey(m_graphs[QStringLiteral("val_loss")])) truncateFrom(x, false, true);
            m_graphs[QStringLiteral("val_loss")]->addData(x, e.valLoss);
            m_graphs[QStringLiteral("val_accuracy")]->addData(x, e.accuracy);
            m_graphs[QStringLiteral("val_macro_f1")]->addData(x, e.macroF1);
        }
    }
    m_pending.clear();
    ++m_refreshes;
    rescale();
}

void TrainPlots::rescale() {
    double last = 0;
    for (const auto& [name, graph] : m_graphs) last = std::max(last, lastKey(graph));
    const double xMax = std::max({1.0, static_cast<double>(m_totalSteps), last});
    // A little room on the right, so the markers of the last evaluation are whole.
    for (QCustomPlot* plot : {m_lossPlot, m_metricPlot, m_lrPlot, m_gradPlot})
        plot->xAxis->setRange(0, xMax * 1.025);

    const double lossMax = std::max({maxValue(m_graphs[QStringLiteral("train_loss")]),
                                     maxValue(m_graphs[QStringLiteral("val_loss")]), 1e-3});
    m_lossPlot->yAxis->setRange(0, lossMax * 1.08);
    m_metricPlot->yAxis->setRange(0, 1.04);
    const double lrMax = maxValue(m_graphs[QStringLiteral("lr")]);
    m_lrPlot->yAxis->setRange(0, lrMax > 0 ? lrMax * 1.12 : 1e-4);
    const double gradMax = std::max(maxValue(m_graphs[QStringLiteral("grad_norm")]), m_clipNorm);
    m_gradPlot->yAxis->setRange(0, gradMax > 0 ? gradMax * 1.12 : 1.0);

    // The clipping threshold as a dashed line across the plot, named in the legend.
    m_clipGraph->data()->clear();
    m_clipGraph->setName(tr("clipped above %1").arg(m_clipNorm));
    if (m_clipNorm > 0) {
        m_clipGraph->addData(0, m_clipNorm);
        m_clipGraph->addData(xMax, m_clipNorm);
    }
    const bool showClip =
        m_clipNorm > 0 && !m_graphs[QStringLiteral("grad_norm")]->data()->isEmpty();
    m_clipGraph->setVisible(showClip);
    if (showClip)
        m_clipGraph->addToLegend();
    else
        m_clipGraph->removeFromLegend();

    // A line needs two points: a series of one or two is drawn with dots as well.
    for (const QString& name : kStepSeries) {
        QCPGraph* g = m_graphs[name];
        g->setScatterStyle(g->data()->size() < 3
                               ? QCPScatterStyle(QCPScatterStyle::ssDisc, g->pen().color(), 5)
                               : QCPScatterStyle());
    }
    const bool noSteps = m_graphs[QStringLiteral("train_loss")]->data()->isEmpty();
    const bool noEvals = m_graphs[QStringLiteral("val_loss")]->data()->isEmpty();
    // An empty plot shows what will come instead of a legend and made-up ticks.
    const std::pair<QCustomPlot*, bool> empty[] = {{m_lossPlot, noSteps && noEvals},
                                                   {m_metricPlot, noEvals},
                                                   {m_lrPlot, noSteps},
                                                   {m_gradPlot, noSteps}};
    m_lossHint->setVisible(noSteps && noEvals);
    m_metricHint->setVisible(noEvals);
    m_lrHint->setVisible(noSteps);
    m_gradHint->setVisible(noSteps);
    for (const auto& [plot, isEmpty] : empty) {
        plot->xAxis->setTickLabels(!isEmpty);
        plot->yAxis->setTickLabels(!isEmpty);
        if (plot != m_lrPlot) plot->legend->setVisible(!isEmpty);
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

QVector<QPointF> TrainPlots::series(const QString& name) const {
    QVector<QPointF> out;
    const auto it = m_graphs.find(name);
    if (it == m_graphs.end()) return out;
    const auto data = it->second->data();
    for (auto p = data->constBegin(); p != data->constEnd(); ++p) out.append({p->key, p->value});
    return out;
}

}  // namespace ft::ui
