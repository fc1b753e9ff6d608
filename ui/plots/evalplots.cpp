#include "plots/evalplots.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <utility>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTemporaryFile>

#include "error.h"
#include "qcp.h"

namespace ft::plots {
namespace {

using nlohmann::json;

const QColor kText(0x3c, 0x40, 0x43);
const QColor kMuted(0x80, 0x86, 0x8b);
const QColor kGrid(0xe8, 0xea, 0xed);
const QColor kAxis(0xba, 0xbe, 0xc2);
const QColor kGray(0x9a, 0xa0, 0xa6);
const uint32_t kPalette[] = {0x1a73e8, 0xe8710a, 0x1e8e3e, 0xd93025,
                             0x9334e6, 0x12b5cb, 0xe52592, 0xf9ab00};

QString tr(const char* text) { return QCoreApplication::translate("ft::plots", text); }

QColor paletteColor(int i) {
    const int n = static_cast<int>(sizeof(kPalette) / sizeof(kPalette[0]));
    return QColor(kPalette[((i % n) + n) % n]);
}

QString f3(double v) { return QString::number(v, 'f', 3); }

double num(const json& j) {
    return j.is_number() ? j.get<double>() : std::numeric_limits<double>::quiet_NaN();
}

std::optional<double> optNum(const json& j) {
    if (j.is_number()) return j.get<double>();
    return std::nullopt;
}

QVector<double> series(const json& j) {
    QVector<double> out;
    if (!j.is_array()) return out;
    out.reserve(static_cast<int>(j.size()));
    for (const json& v : j) out.push_back(num(v));
    return out;
}

bool allFinite(const QVector<double>& v) {
    return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
}

json parseColumn(const std::string& text, const char* column, int64_t evaluationId) {
    if (text.empty()) return nullptr;
    try {
        return json::parse(text);
    } catch (const json::exception& e) {
        throw Error(ErrorCode::Parse, "evaluation " + std::to_string(evaluationId) + ": " + column +
                                          " is not valid JSON: " + e.what());
    }
}

QString labelOf(const EvalPlotData& d, int cls) {
    if (cls >= 0 && cls < d.labels.size()) return d.labels[cls];
    return QString::number(cls);
}

// --- derived curves -------------------------------------------------------------

// Cumulative true / false positives of all one-vs-rest decisions pooled, at every
// distinct score in decreasing order (scikit-learn's _binary_clf_curve on the flattened
// one-hot truth and scores), rebuilt from each class's all-thresholds ROC curve: there,
// point i counts the rows of the class (tpr * support) and of the others (fpr * (n -
// support)) whose score is at least thresholds[i].
struct PooledCounts {
    std::vector<double> thresholds;
    std::vector<int64_t> tps, fps;
    int64_t positives = 0, negatives = 0;
};

std::optional<PooledCounts> pooledCounts(const json& report) {
    const json& curves = report.value("curves", json::array());
    const json& support = report.value("support", json::array());
    const int64_t rows = report.value("rows", int64_t(0));
    const int k = report.value("num_classes", 0);
    if (k < 3 || static_cast<int>(curves.size()) != k || static_cast<int>(support.size()) != k ||
        rows <= 0) {
        return std::nullopt;
    }
    std::map<double, std::pair<int64_t, int64_t>, std::greater<>> steps;
    for (const json& c : curves) {
        const int cls = c.value("class", -1);
        if (cls < 0 || cls >= k) return std::nullopt;
        const int64_t pos = support[static_cast<size_t>(cls)].get<int64_t>();
        const int64_t neg = rows - pos;
        const json& roc = c.at("roc_curve_all_thresholds");
        const QVector<double> fpr = series(roc.at("fpr"));
        const QVector<double> tpr = series(roc.at("tpr"));
        const QVector<double> thr = series(roc.at("thresholds"));
        if (fpr.size() != tpr.size() || fpr.size() != thr.size()) return std::nullopt;
        int64_t prevTp = 0, prevFp = 0;
        // Point 0 is the "no prediction" threshold (highest score + 1): skip it.
        for (int i = 1; i < thr.size(); ++i) {
            const int64_t tp = pos > 0 ? std::llround(tpr[i] * static_cast<double>(pos)) : 0;
            const int64_t fp = neg > 0 ? std::llround(fpr[i] * static_cast<double>(neg)) : 0;
            auto& step = steps[thr[i]];
            step.first += tp - prevTp;
            step.second += fp - prevFp;
            prevTp = tp;
            prevFp = fp;
        }
    }
    PooledCounts out;
    out.positives = rows;
    out.negatives = rows * (k - 1);
    int64_t tp = 0, fp = 0;
    for (const auto& [threshold, step] : steps) {
        tp += step.first;
        fp += step.second;
        out.thresholds.push_back(threshold);
        out.tps.push_back(tp);
        out.fps.push_back(fp);
    }
    if (out.thresholds.empty()) return std::nullopt;
    return out;
}

// roc_curve(drop_intermediate=True) from pooled counts.
CurveData microRoc(const PooledCounts& c) {
    const size_t n = c.tps.size();
    std::vector<int64_t> tps{0}, fps{0};
    for (size_t i = 0; i < n; ++i) {
        tps.push_back(c.tps[i]);
        fps.push_back(c.fps[i]);
    }
    // Keep a point only where the second difference of either count is non-zero.
    std::vector<size_t> keep{0};
    for (size_t i = 1; i + 1 < tps.size(); ++i) {
        const int64_t d2tp = tps[i + 1] - 2 * tps[i] + tps[i - 1];
        const int64_t d2fp = fps[i + 1] - 2 * fps[i] + fps[i - 1];
        if (d2tp != 0 || d2fp != 0) keep.push_back(i);
    }
    if (tps.size() > 1) keep.push_back(tps.size() - 1);
    CurveData out;
    out.key = QStringLiteral("micro");
    out.name = tr("micro average");
    for (size_t i : keep) {
        out.x.push_back(static_cast<double>(fps[i]) / static_cast<double>(c.negatives));
        out.y.push_back(static_cast<double>(tps[i]) / static_cast<double>(c.positives));
    }
    return out;
}

// precision_recall_curve + average_precision_score(average="micro") from pooled counts.
CurveData microPr(const PooledCounts& c) {
    const size_t n = c.tps.size();
    // The curve stops where full recall is first reached.
    size_t last = n - 1;
    while (last > 0 && c.tps[last - 1] == c.tps[n - 1]) --last;
    CurveData out;
    out.key = QStringLiteral("micro");
    out.name = tr("micro average");
    double ap = 0, previousRecall = 0;
    for (size_t i = 0; i <= last; ++i) {
        const double precision =
            static_cast<double>(c.tps[i]) / static_cast<double>(c.tps[i] + c.fps[i]);
        const double recall = static_cast<double>(c.tps[i]) / static_cast<double>(c.positives);
        ap += (recall - previousRecall) * precision;
        previousRecall = recall;
    }
    // Stored order: increasing threshold, ending at (recall 0, precision 1).
    for (size_t j = last + 1; j-- > 0;) {
        out.x.push_back(static_cast<double>(c.tps[j]) / static_cast<double>(c.positives));
        out.y.push_back(static_cast<double>(c.tps[j]) / static_cast<double>(c.tps[j] + c.fps[j]));
    }
    out.x.push_back(0);
    out.y.push_back(1);
    out.area = ap;
    return out;
}

// The upper value of a step of the curve at x (numpy.interp on the sorted points).
double interpolate(const QVector<double>& xs, const QVector<double>& ys, double x) {
    const auto it = std::upper_bound(xs.begin(), xs.end(), x);
    if (it == xs.begin()) return ys.front();
    const int j = static_cast<int>(it - xs.begin()) - 1;
    if (xs[j] == x || j + 1 >= xs.size()) return ys[j];
    const double t = (x - xs[j]) / (xs[j + 1] - xs[j]);
    return ys[j] + t * (ys[j + 1] - ys[j]);
}

CurveData macroRoc(const std::vector<CurveData>& perClass, double area) {
    QVector<double> all;
    for (const CurveData& c : perClass) all += c.x;
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    CurveData out;
    out.key = QStringLiteral("macro");
    out.name = tr("macro average");
    out.area = area;
    out.x = all;
    for (double x : all) {
        double sum = 0;
        for (const CurveData& c : perClass) sum += interpolate(c.x, c.y, x);
        out.y.push_back(sum / static_cast<double>(perClass.size()));
    }
    return out;
}

// --- layout and style -------------------------------------------------------------

QFont baseFont(double pointSize, bool bold = false) {
    QFont font;
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
}

void styleAxis(QCPAxis* axis) {
    axis->setTickLabelFont(baseFont(9));
    axis->setTickLabelColor(kText);
    axis->setLabelFont(baseFont(9.5, true));
    axis->setLabelColor(kText);
    axis->setBasePen(QPen(kAxis));
    axis->setTickPen(QPen(kAxis));
    axis->setSubTickPen(Qt::NoPen);
    axis->grid()->setPen(QPen(kGrid));
    axis->grid()->setZeroLinePen(QPen(kAxis));
}

void styleRect(QCPAxisRect* rect) {
    rect->setBackground(QBrush(Qt::white));
    for (QCPAxis* axis : rect->axes()) {
        styleAxis(axis);
        if (axis->axisType() == QCPAxis::atTop || axis->axisType() == QCPAxis::atRight) {
            axis->setVisible(false);
        }
    }
}

QCPLegend* makeLegend() {
    auto* legend = new QCPLegend;
    legend->setVisible(false);
    legend->setFont(baseFont(9));
    legend->setTextColor(kText);
    legend->setBorderPen(QPen(kGrid));
    legend->setBrush(QColor(255, 255, 255, 230));
    legend->setIconSize(22, 12);
    return legend;
}

// Empties the plot (plottables, items, layout) and lays out a title above one axis rect,
// with a legend inside it (bottom right, hidden until used). plot->xAxis / yAxis and
// plot->legend point into the new rect afterwards.
QCPAxisRect* reset(QCustomPlot* plot, const QString& title) {
    plot->clearPlottables();
    plot->clearItems();
    plot->plotLayout()->clear();
    plot->setBackground(QBrush(Qt::white));
    plot->setAntialiasedElements(QCP::aeAll);
    plot->setInteractions(QCP::Interactions());
    plot->plotLayout()->setRowSpacing(0);

    auto* heading = new QCPTextElement(plot, title, baseFont(11, true));
    heading->setTextColor(QColor(0x20, 0x21, 0x24));
    heading->setMargins(QMargins(8, 8, 8, 2));
    plot->plotLayout()->addElement(0, 0, heading);

    auto* rect = new QCPAxisRect(plot, true);
    plot->plotLayout()->addElement(1, 0, rect);
    styleRect(rect);
    plot->xAxis = rect->axis(QCPAxis::atBottom);
    plot->yAxis = rect->axis(QCPAxis::atLeft);
    plot->xAxis2 = rect->axis(QCPAxis::atTop);
    plot->yAxis2 = rect->axis(QCPAxis::atRight);

    QCPLegend* legend = makeLegend();
    rect->insetLayout()->addElement(legend, Qt::AlignRight | Qt::AlignBottom);
    rect->insetLayout()->setMargins(QMargins(12, 12, 12, 12));
    legend->setLayer(QStringLiteral("legend"));
    plot->legend = legend;
    return rect;
}

// Breaks text into lines of at most `width` characters at spaces (QCPTextElement does not
// wrap by itself).
QString wrapText(const QString& text, int width) {
    QStringList lines;
    QString line;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            lines << line;
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty()) lines << line;
    return lines.join(QLatin1Char('\n'));
}

// A line of small grey text under everything else.
void addFootnote(QCustomPlot* plot, const QString& text) {
    auto* note = new QCPTextElement(plot, wrapText(text, 72), baseFont(8.5));
    note->setTextColor(kMuted);
    note->setMargins(QMargins(8, 2, 8, 6));
    const int row = plot->plotLayout()->rowCount();
    plot->plotLayout()->addElement(row, 0, note);
    plot->plotLayout()->setRowStretchFactor(row, 0.001);
}

void showMessage(QCustomPlot* plot, QCPAxisRect* rect, const QString& text) {
    auto* label = new QCPItemText(plot);
    label->setClipAxisRect(rect);
    label->position->setAxisRect(rect);
    label->position->setType(QCPItemPosition::ptAxisRectRatio);
    label->position->setCoords(0.5, 0.5);
    label->setText(text);
    label->setFont(baseFont(10));
    label->setColor(kMuted);
    for (QCPAxis* axis : rect->axes()) {
        axis->setTickLabels(false);
        axis->setTicks(false);
        axis->grid()->setVisible(false);
        axis->setRange(0, 1);
    }
    plot->replot(QCustomPlot::rpQueuedReplot);
}

QCPItemText* addText(QCustomPlot* plot, QCPAxis* keyAxis, QCPAxis* valueAxis, double x, double y,
                     const QString& text, Qt::Alignment align, double pointSize = 8.5,
                     const QColor& color = kText) {
    auto* item = new QCPItemText(plot);
    item->setClipAxisRect(keyAxis->axisRect());
    item->position->setAxes(keyAxis, valueAxis);
    item->position->setAxisRect(keyAxis->axisRect());
    item->position->setType(QCPItemPosition::ptPlotCoords);
    item->position->setCoords(x, y);
    item->setPositionAlignment(align);
    item->setText(text);
    item->setFont(baseFont(pointSize));
    item->setColor(color);
    return item;
}

QCPGraph* diagonal(QCPAxis* x, QCPAxis* y, double from, double to) {
    auto* line = new QCPGraph(x, y);
    line->setObjectName(QStringLiteral("diagonal"));
    line->setData({from, to}, {from, to}, true);
    line->setPen(QPen(kGray, 1.2, Qt::DashLine));
    line->removeFromLegend();
    return line;
}

QSharedPointer<QCPAxisTickerText> textTicker(const QStringList& names) {
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < names.size(); ++i) ticker->addTick(i + 1, names[i]);
    return ticker;
}

// Moves the legend out of the axis rect into its own row below, centred (empty cells
// either side take the spare width, so the entries stay together).
void legendBelow(QCustomPlot* plot, int row) {
    if (QCPLayout* current = plot->legend->layout()) current->take(plot->legend);
    auto* holder = new QCPLayoutGrid;
    plot->plotLayout()->addElement(row, 0, holder);
    holder->addElement(0, 0, new QCPLayoutElement(plot));
    holder->addElement(0, 1, plot->legend);
    holder->addElement(0, 2, new QCPLayoutElement(plot));
    holder->setColumnStretchFactors({1, 0.001, 1});
    holder->setMargins(QMargins(0, 0, 0, 4));
    // The legend's own size hint leaves the last line's descenders clipped: reserve it all.
    holder->setMinimumSize(0, plot->legend->minimumOuterSizeHint().height() + 8);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setBrush(Qt::NoBrush);
    plot->legend->setVisible(true);
    plot->plotLayout()->setRowStretchFactor(row, 0.001);
}

// Puts the legend of the main axis rect into the corner its data covers least (the
// preferred corner on a tie), so it never hides a curve. Call after the ranges are set.
void placeLegend(QCustomPlot* plot, Qt::Alignment preferred) {
    QCPAxisRect* rect = plot->axisRect();
    if (!rect) return;
    const QCPRange xr = plot->xAxis->range(), yr = plot->yAxis->range();
    struct Corner {
        Qt::Alignment align;
        double x0, x1, y0, y1;
        int count;
    };
    Corner corners[] = {{Qt::AlignRight | Qt::AlignBottom, 0.5, 1, 0, 0.45, 0},
                        {Qt::AlignLeft | Qt::AlignBottom, 0, 0.5, 0, 0.45, 0},
                        {Qt::AlignRight | Qt::AlignTop, 0.5, 1, 0.55, 1, 0},
                        {Qt::AlignLeft | Qt::AlignTop, 0, 0.5, 0.55, 1, 0}};
    auto hit = [&](double x, double y) {
        const double rx = (x - xr.lower) / xr.size(), ry = (y - yr.lower) / yr.size();
        for (Corner& c : corners) {
            if (rx >= c.x0 && rx <= c.x1 && ry >= c.y0 && ry <= c.y1) ++c.count;
        }
    };
    // Segments are sampled too: a curve may cross a corner between two far points.
    auto segment = [&](double x0, double y0, double x1, double y1) {
        for (int i = 0; i <= 8; ++i) hit(x0 + (x1 - x0) * i / 8, y0 + (y1 - y0) * i / 8);
    };
    for (int i = 0; i < plot->plottableCount(); ++i) {
        QCPAbstractPlottable* p = plot->plottable(i);
        if (p->keyAxis() != plot->xAxis) continue;
        if (auto* g = qobject_cast<QCPGraph*>(p)) {
            double px = 0, py = 0;
            bool first = true;
            for (const auto& d : *g->data()) {
                if (first)
                    hit(d.key, d.value);
                else
                    segment(px, py, d.key, d.value);
                px = d.key;
                py = d.value;
                first = false;
            }
        } else if (auto* c = qobject_cast<QCPCurve*>(p)) {
            double px = 0, py = 0;
            bool first = true;
            for (const auto& d : *c->data()) {
                if (first)
                    hit(d.key, d.value);
                else
                    segment(px, py, d.key, d.value);
                px = d.key;
                py = d.value;
                first = false;
            }
        } else if (auto* b = qobject_cast<QCPBars*>(p)) {
            for (const auto& d : *b->data()) {
                segment(d.key - b->width() / 2, 0, d.key - b->width() / 2, d.value);
                segment(d.key, 0, d.key, d.value);
                segment(d.key + b->width() / 2, 0, d.key + b->width() / 2, d.value);
            }
        }
    }
    const Corner* best = nullptr;
    for (const Corner& c : corners) {
        if (c.align == preferred && (!best || c.count < best->count)) best = &c;
    }
    for (const Corner& c : corners) {
        if (!best || c.count < best->count) best = &c;
    }
    if (best) rect->insetLayout()->setInsetAlignment(0, best->align);
}

QString baselineName(const std::string& name) {
    if (name == "majority") return tr("Majority class");
    if (name == "tfidf-logreg") return tr("TF-IDF + logistic regression");
    return QString::fromStdString(name);
}

QString elide(const QString& text, int max) {
    return text.size() <= max ? text : text.left(max - 1) + QChar(0x2026);
}

}  // namespace

// --- data ---------------------------------------------------------------------------

bool EvalPlotData::hasScores() const {
    return report.is_object() && report.value("curves", json::array()).size() > 0;
}

EvalPlotData preparePlotData(const store::EvaluationInfo& e) {
    EvalPlotData d;
    d.report = parseColumn(e.reportJson, "report", e.id);
    d.baselines = parseColumn(e.baselinesJson, "baselines", e.id);
    d.sensitivity = parseColumn(e.sensitivityJson, "sensitivity", e.id);
    if (d.report.is_object() && d.report.value("labels", json::array()).size() > 0) {
        for (const json& l : d.report["labels"])
            d.labels << QString::fromStdString(l.get<std::string>());
    } else {
        for (const std::string& l : e.labels) d.labels << QString::fromStdString(l);
    }
    if (d.labels.isEmpty() && d.report.is_object()) {
        for (int k = 0; k < d.report.value("num_classes", 0); ++k) d.labels << QString::number(k);
    }
    if (!d.hasScores()) return d;

    try {
        std::vector<CurveData> classRoc;
        for (const json& c : d.report["curves"]) {
            const int cls = c.value("class", -1);
            CurveData roc;
            roc.cls = cls;
            roc.key = QString::number(cls);
            roc.name = labelOf(d, cls);
            roc.x = series(c.at("roc_curve").at("fpr"));
            roc.y = series(c.at("roc_curve").at("tpr"));
            roc.area = optNum(c.value("auc", json()));
            if (!roc.x.isEmpty() && allFinite(roc.x) && allFinite(roc.y)) {
                d.roc.push_back(roc);
                classRoc.push_back(roc);
            }
            CurveData pr;
            pr.cls = cls;
            pr.key = QString::number(cls);
            pr.name = labelOf(d, cls);
            pr.x = series(c.at("pr_curve").at("recall"));
            pr.y = series(c.at("pr_curve").at("precision"));
            pr.area = optNum(c.value("average_precision", json()));
            if (pr.area && !pr.x.isEmpty()) d.pr.push_back(pr);
        }
        if (d.numClasses() >= 3) {
            if (const auto pooled = pooledCounts(d.report)) {
                CurveData micro = microRoc(*pooled);
                micro.area = optNum(d.report.value("roc_auc_micro", json()));
                d.roc.push_back(std::move(micro));
                d.pr.push_back(microPr(*pooled));
            }
            const auto macroArea = optNum(d.report.value("roc_auc_ovr_macro", json()));
            if (macroArea && static_cast<int>(classRoc.size()) == d.numClasses()) {
                d.roc.push_back(macroRoc(classRoc, *macroArea));
            }
        }
    } catch (const json::exception& ex) {
        throw Error(ErrorCode::Parse, "evaluation " + std::to_string(e.id) +
                                          ": the report's curves are malformed: " + ex.what());
    }
    return d;
}

// --- builders -----------------------------------------------------------------------

void confusionMatrix(QCustomPlot* plot, const EvalPlotData& d, bool rowNormalized) {
    QCPAxisRect* rect =
        reset(plot, rowNormalized ? tr("Confusion matrix — share of each true class")
                                  : tr("Confusion matrix — rows"));
    const int n = d.numClasses();
    const json& cm = d.report.is_object() ? d.report.value("confusion_matrix", json()) : json();
    if (n < 2 || !cm.is_array() || static_cast<int>(cm.size()) != n) {
        showMessage(plot, rect, tr("This evaluation has no confusion matrix."));
        return;
    }
    std::vector<std::vector<double>> values(static_cast<size_t>(n), std::vector<double>(n, 0));
    std::vector<std::vector<int64_t>> counts(static_cast<size_t>(n), std::vector<int64_t>(n, 0));
    double maxValue = 0;
    for (int t = 0; t < n; ++t) {
        int64_t rowSum = 0;
        for (int p = 0; p < n; ++p) {
            counts[t][p] = cm[static_cast<size_t>(t)][static_cast<size_t>(p)].get<int64_t>();
            rowSum += counts[t][p];
        }
        for (int p = 0; p < n; ++p) {
            if (rowNormalized) {
                values[t][p] = rowSum > 0
                                   ? static_cast<double>(counts[t][p]) / static_cast<double>(rowSum)
                                   : std::numeric_limits<double>::quiet_NaN();
            } else {
                values[t][p] = static_cast<double>(counts[t][p]);
            }
            if (std::isfinite(values[t][p])) maxValue = std::max(maxValue, values[t][p]);
        }
    }

    auto* map = new QCPColorMap(plot->xAxis, plot->yAxis);
    map->setObjectName(QStringLiteral("confusion"));
    map->removeFromLegend();
    map->data()->setSize(n, n);
    map->data()->setRange(QCPRange(0, n - 1), QCPRange(0, n - 1));
    for (int t = 0; t < n; ++t) {
        for (int p = 0; p < n; ++p) map->data()->setCell(p, t, values[t][p]);
    }
    map->setInterpolate(false);
    map->setTightBoundary(false);

    // A sequential single-hue scale (light to dark blue, as matplotlib's "Blues"):
    // darker = more rows, readable in grey print too.
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0.0, QColor(0xf7, 0xfb, 0xff));
    gradient.setColorStopAt(0.25, QColor(0xc6, 0xdb, 0xef));
    gradient.setColorStopAt(0.5, QColor(0x6b, 0xae, 0xd6));
    gradient.setColorStopAt(0.75, QColor(0x21, 0x71, 0xb5));
    gradient.setColorStopAt(1.0, QColor(0x08, 0x30, 0x6b));
    gradient.setNanHandling(QCPColorGradient::nhNanColor);
    gradient.setNanColor(QColor(0xf1, 0xf3, 0xf4));
    map->setGradient(gradient);
    const double top = rowNormalized ? 1.0 : std::max(1.0, maxValue);
    map->setDataRange(QCPRange(0, top));

    auto* scale = new QCPColorScale(plot);
    plot->plotLayout()->addElement(1, 1, scale);
    scale->setType(QCPAxis::atRight);
    scale->setBarWidth(12);
    scale->setGradient(gradient);
    scale->setDataRange(QCPRange(0, top));
    styleAxis(scale->axis());
    scale->axis()->setLabel(rowNormalized ? tr("Share of the true class") : tr("Rows"));
    if (rowNormalized) {
        scale->axis()->setNumberFormat(QStringLiteral("f"));
        scale->axis()->setNumberPrecision(1);
    }
    map->setColorScale(scale);
    auto* group = new QCPMarginGroup(plot);
    rect->setMarginGroup(QCP::msTop | QCP::msBottom, group);
    scale->setMarginGroup(QCP::msTop | QCP::msBottom, group);

    auto xTicker = QSharedPointer<QCPAxisTickerText>::create();
    auto yTicker = QSharedPointer<QCPAxisTickerText>::create();
    int longest = 0;
    for (int k = 0; k < n; ++k) {
        xTicker->addTick(k, elide(d.labels[k], 24));
        yTicker->addTick(k, elide(d.labels[k], 24));
        longest = std::max(longest, static_cast<int>(std::min<qsizetype>(d.labels[k].size(), 24)));
    }
    plot->xAxis->setTicker(xTicker);
    plot->yAxis->setTicker(yTicker);
    plot->xAxis->setTickLabelRotation(longest * n > 60 ? -35 : 0);
    plot->xAxis->setLabel(tr("Predicted label"));
    plot->yAxis->setLabel(tr("True label"));
    plot->xAxis->setRange(-0.5, n - 0.5);
    plot->yAxis->setRange(-0.5, n - 0.5);
    plot->yAxis->setRangeReversed(true);  // the first class at the top, as in a table
    plot->xAxis->grid()->setVisible(false);
    plot->yAxis->grid()->setVisible(false);
    plot->xAxis->setTicks(true);
    plot->xAxis->setTickLength(0, 3);
    plot->yAxis->setTickLength(0, 3);

    if (n <= 30) {
        const double size = n <= 4 ? 12 : n <= 8 ? 10 : n <= 14 ? 8.5 : 7;
        for (int t = 0; t < n; ++t) {
            for (int p = 0; p < n; ++p) {
                const double v = values[t][p];
                QString text;
                if (!std::isfinite(v)) {
                    text = QStringLiteral("–");
                } else if (rowNormalized) {
                    text =
                        n <= 8
                            ? QStringLiteral("%1 %\n%2").arg(v * 100, 0, 'f', 1).arg(counts[t][p])
                            : QString::number(v * 100, 'f', 0);
                } else {
                    text = QString::number(counts[t][p]);
                }
                const bool dark = std::isfinite(v) && v / top > 0.5;
                auto* item = addText(plot, plot->xAxis, plot->yAxis, p, t, text, Qt::AlignCenter,
                                     size, dark ? Qt::white : QColor(0x20, 0x21, 0x24));
                item->setTextAlignment(Qt::AlignCenter);
                if (p == t) {
                    QFont font = item->font();
                    font.setBold(true);
                    item->setFont(font);
                }
            }
        }
    }
    plot->replot(QCustomPlot::rpQueuedReplot);
}

std::optional<std::pair<int, int>> confusionCellAt(QCustomPlot* plot, const QPointF& pos) {
    for (int i = 0; i < plot->plottableCount(); ++i) {
        auto* map = qobject_cast<QCPColorMap*>(plot->plottable(i));
        if (!map || map->objectName() != QLatin1String("confusion")) continue;
        if (!map->keyAxis()->axisRect()->rect().contains(pos.toPoint())) return std::nullopt;
        const int n = map->data()->keySize();
        const int p = static_cast<int>(std::lround(map->keyAxis()->pixelToCoord(pos.x())));
        const int t = static_cast<int>(std::lround(map->valueAxis()->pixelToCoord(pos.y())));
        if (p < 0 || p >= n || t < 0 || t >= n) return std::nullopt;
        return std::make_pair(t, p);
    }
    return std::nullopt;
}

void rocCurves(QCustomPlot* plot, const EvalPlotData& d) {
    const bool binary = d.numClasses() == 2;
    QCPAxisRect* rect =
        reset(plot, binary && d.numClasses() == 2
                        ? tr("ROC curve — %1 against %2").arg(labelOf(d, 1), labelOf(d, 0))
                        : tr("ROC curves — each class against the rest"));
    plot->xAxis->setLabel(tr("False positive rate"));
    plot->yAxis->setLabel(tr("True positive rate"));
    if (d.roc.empty()) {
        showMessage(plot, rect,
                    d.hasScores()
                        ? tr("The ROC curve is undefined: only one class occurs in the truth.")
                        : tr("This evaluation stored no probabilities: ROC curves need them."));
        return;
    }
    diagonal(plot->xAxis, plot->yAxis, 0, 1);
    int colorIndex = 0;
    for (const CurveData& c : d.roc) {
        auto* graph = new QCPGraph(plot->xAxis, plot->yAxis);
        const QString& id = c.key;
        graph->setObjectName(QStringLiteral("roc:") + id);
        graph->setData(c.x, c.y, true);
        if (c.cls >= 0) {
            graph->setPen(QPen(paletteColor(colorIndex++), binary ? 2.4 : 1.8));
        } else if (id == QLatin1String("micro")) {
            graph->setPen(QPen(QColor(0x20, 0x21, 0x24), 2.2, Qt::DashLine));
        } else {
            graph->setPen(QPen(QColor(0x5f, 0x63, 0x68), 2.2, Qt::DotLine));
        }
        if (binary) {
            graph->setBrush(QColor(0x1a, 0x73, 0xe8, 28));
            graph->setChannelFillGraph(nullptr);
        }
        graph->setName(c.area ? QStringLiteral("%1 (AUC %2)").arg(elide(c.name, 28), f3(*c.area))
                              : elide(c.name, 28));
    }
    plot->legend->setVisible(true);
    plot->xAxis->setRange(-0.01, 1.01);
    plot->yAxis->setRange(-0.01, 1.01);
    placeLegend(plot, Qt::AlignRight | Qt::AlignBottom);
    addFootnote(plot, binary ? tr("Dashed: a classifier that guesses (AUC 0.5).")
                             : tr("Dashed grey: chance. Micro pools every one-vs-rest decision; "
                                  "macro averages the classes (its AUC is the mean class AUC)."));
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void classScores(QCustomPlot* plot, const EvalPlotData& d) {
    QCPAxisRect* rect = reset(plot, tr("Per class"));
    const int n = d.numClasses();
    const json& r = d.report;
    if (n < 2 || !r.is_object() || !r.contains("f1_per_class")) {
        showMessage(plot, rect, tr("No evaluation is shown."));
        return;
    }
    plot->plotLayout()->remove(plot->plotLayout()->element(0, 0));  // the card names it
    plot->plotLayout()->simplify();
    auto* group = new QCPBarsGroup(plot);
    group->setSpacingType(QCPBarsGroup::stAbsolute);
    group->setSpacing(2);
    const std::pair<const char*, QString> metrics[] = {{"precision_per_class", tr("Precision")},
                                                       {"recall_per_class", tr("Recall")},
                                                       {"f1_per_class", tr("F1")}};
    const char* ids[] = {"precision", "recall", "f1"};
    for (int m = 0; m < 3; ++m) {
        auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setObjectName(QStringLiteral("classes:") + QLatin1String(ids[m]));
        bars->setName(metrics[m].second);
        bars->setPen(Qt::NoPen);
        bars->setBrush(paletteColor(m == 2 ? 2 : m));
        bars->setWidth(0.26);
        bars->setBarsGroup(group);
        const json& values = r.value(metrics[m].first, json::array());
        for (int k = 0; k < n && k < static_cast<int>(values.size()); ++k) {
            bars->addData(k + 1, num(values[static_cast<size_t>(k)]));
        }
    }
    QStringList names;
    for (const QString& l : d.labels) names << elide(l, 16);
    plot->xAxis->setTicker(textTicker(names));
    plot->xAxis->setRange(0.4, n + 0.6);
    plot->xAxis->grid()->setVisible(false);
    if (n > 6) plot->xAxis->setTickLabelRotation(-35);
    plot->yAxis->setRange(0, 1.05);
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legendBelow(plot, plot->plotLayout()->rowCount());
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void curveOverlay(QCustomPlot* plot, const QString& title, const std::vector<CurveData>& curves,
                  const QString& xLabel, const QString& yLabel) {
    QCPAxisRect* rect = reset(plot, title);
    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(yLabel);
    if (curves.empty()) {
        showMessage(plot, rect,
                    tr("No curve to show: tick runs whose evaluation stored probabilities."));
        return;
    }
    diagonal(plot->xAxis, plot->yAxis, 0, 1);
    for (size_t i = 0; i < curves.size(); ++i) {
        const CurveData& c = curves[i];
        auto* graph = new QCPGraph(plot->xAxis, plot->yAxis);
        graph->setObjectName(QStringLiteral("overlay:%1").arg(i));
        graph->setData(c.x, c.y, true);
        graph->setPen(QPen(paletteColor(static_cast<int>(i)), 2));
        graph->setName(c.area ? QStringLiteral("%1 (AUC %2)").arg(elide(c.name, 36), f3(*c.area))
                              : elide(c.name, 36));
    }
    plot->xAxis->setRange(-0.01, 1.01);
    plot->yAxis->setRange(-0.01, 1.01);
    // Several runs' curves cross everywhere: the legend goes below.
    legendBelow(plot, plot->plotLayout()->rowCount());
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void prCurves(QCustomPlot* plot, const EvalPlotData& d) {
    const bool binary = d.numClasses() == 2;
    QCPAxisRect* rect =
        reset(plot, binary ? tr("Precision-recall curve — %1").arg(labelOf(d, 1))
                           : tr("Precision-recall curves — each class against the rest"));
    plot->xAxis->setLabel(tr("Recall"));
    plot->yAxis->setLabel(tr("Precision"));
    if (d.pr.empty()) {
        showMessage(plot, rect,
                    d.hasScores()
                        ? tr("No class has a positive row: precision-recall is undefined.")
                        : tr("This evaluation stored no probabilities: PR curves need them."));
        return;
    }
    int colorIndex = 0;
    for (const CurveData& c : d.pr) {
        // A graph over increasing recall (the stored order reversed): QCPGraph draws
        // tens of thousands of points with adaptive sampling, a QCPCurve would not.
        auto* curve = new QCPGraph(plot->xAxis, plot->yAxis);
        curve->setObjectName(QStringLiteral("pr:") + c.key);
        curve->setData(QVector<double>(c.x.rbegin(), c.x.rend()),
                       QVector<double>(c.y.rbegin(), c.y.rend()), true);
        curve->setPen(c.cls >= 0 ? QPen(paletteColor(colorIndex++), binary ? 2.4 : 1.8)
                                 : QPen(QColor(0x20, 0x21, 0x24), 2.2, Qt::DashLine));
        curve->setName(c.area ? QStringLiteral("%1 (AP %2)").arg(elide(c.name, 28), f3(*c.area))
                              : elide(c.name, 28));
    }
    // A classifier that guesses has precision = the share of positives.
    if (binary) {
        const json& support = d.report.value("support", json::array());
        const double rows = static_cast<double>(d.report.value("rows", int64_t(0)));
        if (support.size() == 2 && rows > 0) {
            const double prevalence = support[1].get<double>() / rows;
            auto* chance = new QCPGraph(plot->xAxis, plot->yAxis);
            chance->setObjectName(QStringLiteral("pr:chance"));
            chance->setData({0, 1}, {prevalence, prevalence}, true);
            chance->setPen(QPen(kGray, 1.2, Qt::DashLine));
            chance->setName(tr("chance (%1)").arg(f3(prevalence)));
        }
    }
    plot->legend->setVisible(true);
    plot->xAxis->setRange(-0.01, 1.01);
    plot->yAxis->setRange(-0.01, 1.03);
    placeLegend(plot, Qt::AlignLeft | Qt::AlignBottom);
    addFootnote(plot, tr("AP: average precision, the step-wise area under the curve."));
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void calibration(QCustomPlot* plot, const EvalPlotData& d) {
    const json& cal = d.report.is_object() ? d.report.value("calibration", json()) : json();
    const json& bins = cal.is_object() ? cal.value("bins", json::array()) : json::array();
    QCPAxisRect* rect = reset(plot, cal.is_object() ? tr("Reliability diagram — ECE %1, MCE %2")
                                                          .arg(f3(num(cal.value("ece", json()))),
                                                               f3(num(cal.value("mce", json()))))
                                                    : tr("Reliability diagram"));
    if (!cal.is_object() || bins.empty()) {
        showMessage(plot, rect,
                    tr("This evaluation stored no probabilities: calibration needs them."));
        return;
    }
    // Below the reliability diagram: how many rows each bin holds, on the same x axis.
    auto* countRect = new QCPAxisRect(plot, true);
    plot->plotLayout()->addElement(2, 0, countRect);
    styleRect(countRect);
    plot->plotLayout()->setRowStretchFactor(1, 3);
    plot->plotLayout()->setRowStretchFactor(2, 1);
    auto* group = new QCPMarginGroup(plot);
    rect->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    countRect->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    QCPAxis* cx = countRect->axis(QCPAxis::atBottom);
    QCPAxis* cy = countRect->axis(QCPAxis::atLeft);

    auto* accuracy = new QCPBars(plot->xAxis, plot->yAxis);
    accuracy->setObjectName(QStringLiteral("calibration:accuracy"));
    accuracy->setName(tr("accuracy in the bin"));
    accuracy->setPen(QPen(Qt::white, 1));
    accuracy->setBrush(QColor(0x1a, 0x73, 0xe8, 150));
    auto* counts = new QCPBars(cx, cy);
    counts->setObjectName(QStringLiteral("calibration:counts"));
    counts->removeFromLegend();
    counts->setPen(QPen(Qt::white, 1));
    counts->setBrush(kGray);
    auto* confidence = new QCPGraph(plot->xAxis, plot->yAxis);
    confidence->setObjectName(QStringLiteral("calibration:confidence"));
    confidence->setName(tr("mean confidence → accuracy"));
    confidence->setPen(QPen(QColor(0xd9, 0x30, 0x25), 1.6));
    confidence->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QColor(0xd9, 0x30, 0x25), Qt::white, 6));

    double lowest = 1, width = 1.0 / static_cast<double>(bins.size());
    int64_t maxCount = 0;
    for (const json& b : bins) {
        const int64_t count = b.value("count", int64_t(0));
        const double lower = num(b.value("lower", json()));
        const double upper = num(b.value("upper", json()));
        width = upper - lower;
        if (count == 0) continue;
        lowest = std::min(lowest, lower);
        maxCount = std::max(maxCount, count);
        const double center = (lower + upper) / 2;
        accuracy->addData(center, num(b.value("accuracy", json())));
        counts->addData(center, static_cast<double>(count));
        confidence->addData(num(b.value("mean_confidence", json())),
                            num(b.value("accuracy", json())));
    }
    accuracy->setWidth(width);
    counts->setWidth(width);
    // The top-label confidence is never below 1 / classes (0.5 for two): start at the bin
    // edge below that, or lower if rows fall there (they cannot, but stored data decides).
    const double floorConfidence = 1.0 / std::max(2, d.numClasses());
    const double from =
        std::max(0.0, std::floor(std::min(lowest, floorConfidence) / width + 1e-9) * width);
    QCPGraph* perfect = diagonal(plot->xAxis, plot->yAxis, from, 1);
    perfect->setName(tr("perfect calibration"));
    perfect->addToLegend();
    for (QCPAxis* axis : {plot->xAxis, cx}) axis->setRange(from, 1);
    plot->yAxis->setRange(0, 1.02);
    plot->yAxis->setLabel(tr("Accuracy"));
    plot->xAxis->setTickLabels(false);
    cx->setLabel(tr("Confidence (highest probability)"));
    cy->setLabel(tr("Rows"));
    cy->setRange(0, static_cast<double>(maxCount) * 1.25);
    cy->ticker()->setTickCount(3);
    if (bins.size() <= 20) {
        const QLocale locale;
        for (const auto& point : *counts->data()) {
            addText(plot, cx, cy, point.key, point.value,
                    locale.toString(static_cast<qlonglong>(point.value)),
                    Qt::AlignHCenter | Qt::AlignBottom, 7.5, kText);
        }
    }
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legendBelow(plot, 3);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void baselineComparison(QCustomPlot* plot, const EvalPlotData& d) {
    QCPAxisRect* rect = reset(plot, tr("The model against simple baselines"));
    const json& list =
        d.baselines.is_object() ? d.baselines.value("baselines", json::array()) : json::array();
    if (!d.baselines.is_object() || !d.baselines.contains("model") || list.empty()) {
        showMessage(plot, rect, tr("No baselines were computed for this evaluation."));
        return;
    }
    // Bars side by side around each metric's tick (1 = accuracy, 2 = macro-F1).
    const int series = 1 + static_cast<int>(list.size());
    const double slot = std::min(0.84 / series, 0.28);
    const double barWidth = slot * 0.9;
    int seriesIndex = 0;

    auto addSeries = [&](const QString& id, const QString& name, double acc, double f1,
                         const QColor& color) {
        auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setObjectName(QStringLiteral("baselines:") + id);
        bars->setName(name);
        bars->setPen(Qt::NoPen);
        bars->setBrush(color);
        bars->setWidth(barWidth);
        const double offset = (seriesIndex - (series - 1) / 2.0) * slot;
        ++seriesIndex;
        bars->addData(1 + offset, acc);
        bars->addData(2 + offset, f1);
        return bars;
    };

    const json& model = d.baselines["model"];
    const QString modelName = QString::fromStdString(model.value("name", std::string()));
    QCPBars* modelBars = addSeries(
        QStringLiteral("model"),
        modelName.isEmpty() ? tr("Fine-tuned model") : tr("Model: %1").arg(elide(modelName, 40)),
        num(model.value("accuracy", json())), num(model.value("f1_macro", json())),
        paletteColor(0));
    int colorIndex = 1;
    std::vector<QCPBars*> all{modelBars};
    for (const json& b : list) {
        const std::string name = b.value("name", std::string());
        QString legend = baselineName(name);
        if (b.contains("mcnemar") && b["mcnemar"].is_object()) {
            legend +=
                tr(" · McNemar p %1").arg(formatPValue(num(b["mcnemar"].value("p_value", json()))));
        }
        const QColor color = name == "majority" ? kGray : paletteColor(colorIndex++);
        all.push_back(addSeries(QString::fromStdString(name), legend,
                                num(b.value("accuracy", json())), num(b.value("f1_macro", json())),
                                color));
    }

    // The model's 95 % bootstrap intervals (from the report) as error bars.
    const json& accI = d.report.is_object() ? d.report.value("accuracy_interval", json()) : json();
    const json& f1I = d.report.is_object() ? d.report.value("f1_macro_interval", json()) : json();
    bool intervals = false;
    if (accI.is_object() && f1I.is_object()) {
        auto* errors = new QCPErrorBars(plot->xAxis, plot->yAxis);
        errors->setObjectName(QStringLiteral("baselines:interval"));
        errors->removeFromLegend();
        errors->setDataPlottable(modelBars);
        errors->setPen(QPen(QColor(0x20, 0x21, 0x24), 1.4));
        errors->setWhiskerWidth(10);
        const double acc = modelBars->data()->at(0)->value;
        const double f1 = modelBars->data()->at(1)->value;
        errors->setData(QVector<double>{acc - num(accI["lower"]), f1 - num(f1I["lower"])},
                        QVector<double>{num(accI["upper"]) - acc, num(f1I["upper"]) - f1});
        intervals = true;
    }
    plot->xAxis->setTicker(textTicker({tr("Accuracy"), tr("Macro-F1")}));
    plot->xAxis->setRange(0.45, 2.55);
    plot->xAxis->grid()->setVisible(false);
    plot->yAxis->setRange(0, 1.12);
    plot->yAxis->setLabel(tr("Score"));
    plot->xAxis->setTickLabelFont(baseFont(10, true));
    for (QCPBars* bars : all) {
        int i = 0;
        for (const auto& point : *bars->data()) {
            double top = point.value;
            if (bars == modelBars && intervals)
                top = i == 0 ? num(accI["upper"]) : num(f1I["upper"]);
            addText(plot, plot->xAxis, plot->yAxis, point.key, top, f3(point.value),
                    Qt::AlignHCenter | Qt::AlignBottom, 8, kText)
                ->setPadding(QMargins(0, 0, 0, 2));
            ++i;
        }
    }
    // The legend below the axes, one entry per line, so long names never cover a bar.
    legendBelow(plot, 2);
    addFootnote(plot, intervals
                          ? tr("Error bars: the model's 95 % bootstrap interval. McNemar's test "
                               "compares the model with each baseline on the same rows.")
                          : tr("McNemar's test compares the model with each baseline on the "
                               "same rows."));
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void sensitivity(QCustomPlot* plot, const EvalPlotData& d) {
    QCPAxisRect* first = reset(plot, tr("Where the model is weak and how brittle it is"));
    const json& s = d.sensitivity;
    struct Part {
        const char* key;
        QString id, title;
        bool deltas;
    };
    const Part parts[] = {
        {"by_length", QStringLiteral("length"), tr("By text length"), false},
        {"by_class", QStringLiteral("class"), tr("By true class"), false},
        {"perturbations", QStringLiteral("perturbation"), tr("Perturbed inputs (change)"), true}};
    std::vector<const Part*> present;
    if (s.is_object()) {
        for (const Part& p : parts) {
            if (s.value(p.key, json::array()).size() > 0) present.push_back(&p);
        }
    }
    if (present.empty()) {
        showMessage(plot, first, tr("No sensitivity analysis was run for this evaluation."));
        return;
    }
    // One column per part: a subtitle above its own axis rect. The legend moves below
    // them (taken out first: removing the rect deletes what its inset layout holds).
    first->insetLayout()->take(plot->legend);
    plot->plotLayout()->remove(first);
    plot->plotLayout()->simplify();
    auto* grid = new QCPLayoutGrid;
    plot->plotLayout()->addElement(1, 0, grid);
    QCPBars* legendSource[2] = {nullptr, nullptr};
    for (size_t col = 0; col < present.size(); ++col) {
        const Part& part = *present[col];
        auto* subtitle = new QCPTextElement(plot, part.title, baseFont(10, true));
        subtitle->setTextColor(kText);
        grid->addElement(0, static_cast<int>(col), subtitle);
        auto* rect = new QCPAxisRect(plot, true);
        grid->addElement(1, static_cast<int>(col), rect);
        styleRect(rect);
        QCPAxis* x = rect->axis(QCPAxis::atBottom);
        QCPAxis* y = rect->axis(QCPAxis::atLeft);
        if (col == 0) {
            plot->xAxis = x;
            plot->yAxis = y;
        }
        const json& entries = s[part.key];
        QStringList ticks;
        auto* group = new QCPBarsGroup(plot);
        group->setSpacingType(QCPBarsGroup::stAbsolute);
        group->setSpacing(2);
        const char* metrics[2][2] = {{"accuracy", "macro_f1"},
                                     {"accuracy_delta", "macro_f1_delta"}};
        double low = 0, high = part.deltas ? 0 : 1;
        for (int m = 0; m < 2; ++m) {
            auto* bars = new QCPBars(x, y);
            bars->setObjectName(QStringLiteral("sensitivity:%1:%2")
                                    .arg(part.id, m == 0 ? QStringLiteral("accuracy")
                                                         : QStringLiteral("macro_f1")));
            bars->setName(m == 0 ? tr("Accuracy") : tr("Macro-F1"));
            bars->setPen(Qt::NoPen);
            bars->setBrush(paletteColor(m));
            bars->setWidth(0.36);
            bars->setBarsGroup(group);
            double key = 1;
            for (const json& e : entries) {
                const double v = num(e.value(metrics[part.deltas ? 1 : 0][m], json()));
                bars->addData(key, v);
                low = std::min(low, v);
                high = std::max(high, v);
                key += 1;
            }
            if (col == 0) {
                legendSource[m] = bars;
            } else {
                bars->removeFromLegend();
            }
        }
        const QLocale locale;
        double entryKey = 1;
        for (const json& e : entries) {
            // A slice the model gets entirely wrong has no bar at all: say 0 so it does not
            // read as missing data.
            if (!part.deltas && num(e.value("accuracy", json())) == 0 &&
                num(e.value("macro_f1", json())) == 0) {
                addText(plot, x, y, entryKey, 0, QStringLiteral("0"),
                        Qt::AlignHCenter | Qt::AlignBottom, 8.5, kMuted);
            }
            entryKey += 1;
            const QString name = elide(QString::fromStdString(e.value("name", std::string())), 18);
            if (part.deltas) {
                // "no punctuation" on two lines, so four names fit side by side.
                QString shortName = name;
                if (shortName.size() > 10 && shortName.contains(QLatin1Char(' '))) {
                    shortName[shortName.indexOf(QLatin1Char(' '))] = QLatin1Char('\n');
                }
                ticks << tr("%1\n%2 changed")
                             .arg(shortName, locale.toString(static_cast<qlonglong>(
                                                 e.value("changed_predictions", int64_t(0)))));
            } else {
                ticks << tr("%1\n%2 rows")
                             .arg(name, locale.toString(
                                            static_cast<qlonglong>(e.value("rows", int64_t(0)))));
            }
        }
        x->setTicker(textTicker(ticks));
        x->setTickLabelFont(baseFont(part.deltas ? 8 : 8.5));
        x->setRange(0.4, ticks.size() + 0.6);
        x->grid()->setVisible(false);
        if (ticks.size() > 8) x->setTickLabelRotation(-30);
        if (part.deltas) {
            const double span = std::max(0.02, std::max(-low, high));
            y->setRange(std::min(-0.02, low - span * 0.25), std::max(0.01, high + span * 0.25));
            y->setLabel(tr("Change against the original"));
            int64_t changed = 0;
            for (const json& e : entries) changed += e.value("changed_predictions", int64_t(0));
            if (low == 0 && high == 0 && changed == 0) {
                auto* same = new QCPItemText(plot);
                same->setClipAxisRect(rect);
                same->position->setAxisRect(rect);
                same->position->setType(QCPItemPosition::ptAxisRectRatio);
                same->position->setCoords(0.5, 0.3);
                same->setText(tr("No prediction changed."));
                same->setFont(baseFont(9));
                same->setColor(kMuted);
            }
        } else {
            y->setRange(0, 1.08);
            y->setLabel(col == 0 ? tr("Score") : QString());
        }
    }
    for (int m = 0; m < 2; ++m) {
        if (legendSource[m]) legendSource[m]->addToLegend();
    }
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legendBelow(plot, 2);
    grid->setRowStretchFactor(0, 0.001);
    addFootnote(plot, tr("By class: accuracy is the class's recall and Macro-F1 its F1. "
                         "Perturbations: the score on changed inputs minus the score on the "
                         "originals (negative = worse)."));
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void confusionMatrix(QCustomPlot* plot, const store::EvaluationInfo& e, bool rowNormalized) {
    confusionMatrix(plot, preparePlotData(e), rowNormalized);
}
void rocCurves(QCustomPlot* plot, const store::EvaluationInfo& e) {
    rocCurves(plot, preparePlotData(e));
}
void prCurves(QCustomPlot* plot, const store::EvaluationInfo& e) {
    prCurves(plot, preparePlotData(e));
}
void calibration(QCustomPlot* plot, const store::EvaluationInfo& e) {
    calibration(plot, preparePlotData(e));
}
void baselineComparison(QCustomPlot* plot, const store::EvaluationInfo& e) {
    baselineComparison(plot, preparePlotData(e));
}
void sensitivity(QCustomPlot* plot, const store::EvaluationInfo& e) {
    sensitivity(plot, preparePlotData(e));
}

QString formatPValue(double p) {
    if (!std::isfinite(p)) return QStringLiteral("n/a");
    if (p < 0.001) return QStringLiteral("< 0.001");
    return QStringLiteral("= ") + QString::number(p, 'f', 3);
}

// --- saving -------------------------------------------------------------------------

bool savePlot(QCustomPlot* plot, const QString& file, int width, int height, QString* error) {
    auto fail = [error](const QString& message) {
        if (error) *error = message;
        return false;
    };
    const QFileInfo info(file);
    const QString suffix = info.suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg") &&
        suffix != QLatin1String("pdf")) {
        return fail(
            tr("cannot save %1: unknown format \"%2\" (use .png, .svg or .pdf)").arg(file, suffix));
    }
    if (!info.absoluteDir().exists()) {
        return fail(tr("cannot save %1: the folder %2 does not exist")
                        .arg(file, info.absoluteDir().path()));
    }
    if (width <= 0 || height <= 0) {
        width = plot->width();
        height = plot->height();
    }

    if (suffix == QLatin1String("pdf")) {
        // QCustomPlot writes the PDF itself (by file name): write beside the target and
        // rename, so a failure leaves no half-written file under the final name.
        QTemporaryFile temp(info.absoluteDir().filePath(QStringLiteral(".plot-XXXXXX.pdf")));
        if (!temp.open()) {
            return fail(tr("cannot save %1: %2").arg(file, temp.errorString()));
        }
        const QString tempName = temp.fileName();
        temp.close();
        if (!plot->savePdf(tempName, width, height) || QFileInfo(tempName).size() == 0) {
            return fail(tr("cannot save %1: the PDF could not be written").arg(file));
        }
        QFile::remove(file);
        if (!QFile::rename(tempName, file)) {
            return fail(tr("cannot save %1: renaming %2 failed").arg(file, tempName));
        }
        temp.setAutoRemove(false);
        // The temporary file was created private (0600); the plot is an ordinary file.
        QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                        QFileDevice::ReadGroup | QFileDevice::ReadOther);
        return true;
    }

    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly)) {
        return fail(tr("cannot save %1: %2").arg(file, out.errorString()));
    }
    if (suffix == QLatin1String("png")) {
        const QPixmap pixmap = plot->toPixmap(width, height, 1.0);
        if (pixmap.isNull() || !pixmap.save(&out, "PNG")) {
            out.cancelWriting();
            return fail(tr("cannot save %1: the image could not be encoded").arg(file));
        }
    } else {
        QSvgGenerator generator;
        generator.setOutputDevice(&out);
        generator.setSize(QSize(width, height));
        generator.setViewBox(QRect(0, 0, width, height));
        generator.setTitle(info.completeBaseName());
        generator.setDescription(QStringLiteral("Finetune Studio"));
        QCPPainter painter;
        if (!painter.begin(&generator)) {
            out.cancelWriting();
            return fail(tr("cannot save %1: the SVG could not be started").arg(file));
        }
        painter.setMode(QCPPainter::pmVectorized);
        plot->toPainter(&painter, width, height);
        painter.end();
    }
    if (!out.commit()) return fail(tr("cannot save %1: %2").arg(file, out.errorString()));
    return true;
}

namespace {

struct PlotItem {
    QString name;
    std::function<void(QCustomPlot*)> build;
    int width, height;
};

// The plots an evaluation has data for, in the order they are written; the builders
// refer to d, which must outlive them.
std::vector<PlotItem> evaluationPlotItems(const EvalPlotData& d) {
    const int n = d.numClasses();
    const int side = std::max(640, 220 + 56 * n);
    std::vector<PlotItem> items{
        {QStringLiteral("confusion_matrix"), [&d](QCustomPlot* p) { confusionMatrix(p, d, false); },
         side + 90, side},
        {QStringLiteral("confusion_matrix_normalized"),
         [&d](QCustomPlot* p) { confusionMatrix(p, d, true); }, side + 90, side}};
    if (d.hasScores()) {
        items.push_back(
            {QStringLiteral("roc"), [&d](QCustomPlot* p) { rocCurves(p, d); }, 760, 680});
        items.push_back({QStringLiteral("pr"), [&d](QCustomPlot* p) { prCurves(p, d); }, 760, 680});
    }
    if (d.report.value("calibration", json()).is_object()) {
        items.push_back(
            {QStringLiteral("calibration"), [&d](QCustomPlot* p) { calibration(p, d); }, 760, 720});
    }
    if (d.baselines.is_object() && d.baselines.contains("model") &&
        !d.baselines.value("baselines", json::array()).empty()) {
        items.push_back({QStringLiteral("baselines"),
                         [&d](QCustomPlot* p) { baselineComparison(p, d); }, 820, 600});
    }
    if (d.sensitivity.is_object()) {
        bool any = false;
        for (const char* key : {"by_length", "by_class", "perturbations"}) {
            any = any || d.sensitivity.value(key, json::array()).size() > 0;
        }
        if (any) {
            items.push_back({QStringLiteral("sensitivity"),
                             [&d](QCustomPlot* p) { sensitivity(p, d); }, 1500, 600});
        }
    }
    return items;
}

}  // namespace

QStringList evaluationPlotNames(const store::EvaluationInfo& e) {
    if (e.reportJson.empty()) return {};
    const EvalPlotData d = preparePlotData(e);
    QStringList names;
    for (const PlotItem& item : evaluationPlotItems(d)) names << item.name;
    return names;
}

QStringList saveEvaluationPlots(const store::EvaluationInfo& e, const QString& dir,
                                const QStringList& formats, const QStringList& only) {
    QStringList suffixes;
    for (const QString& f : formats) {
        const QString s = f.toLower();
        if (s != QLatin1String("png") && s != QLatin1String("svg") && s != QLatin1String("pdf")) {
            throw Error(ErrorCode::InvalidArgument,
                        "unknown plot format \"" + f.toStdString() + "\" (use png, svg or pdf)");
        }
        if (!suffixes.contains(s)) suffixes << s;
    }
    if (e.reportJson.empty()) {
        throw Error(ErrorCode::InvalidArgument,
                    "evaluation " + std::to_string(e.id) + " has no report to plot");
    }
    if (!QDir().mkpath(dir)) {
        throw Error(ErrorCode::Io, "cannot create the folder " + dir.toStdString());
    }
    const EvalPlotData d = preparePlotData(e);

    std::vector<PlotItem> items = evaluationPlotItems(d);
    if (!only.isEmpty()) {
        items.erase(std::remove_if(items.begin(), items.end(),
                                   [&](const PlotItem& item) { return !only.contains(item.name); }),
                    items.end());
    }

    QStringList written;
    QCustomPlot plot;
    for (const PlotItem& item : items) {
        item.build(&plot);
        for (const QString& suffix : suffixes) {
            const QString file = QDir(dir).filePath(item.name + QLatin1Char('.') + suffix);
            QString error;
            if (!savePlot(&plot, file, item.width, item.height, &error)) {
                throw Error(ErrorCode::Io, error.toStdString());
            }
            written << file;
        }
    }
    return written;
}

}  // namespace ft::plots
