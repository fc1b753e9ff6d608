#include "evaluatepage.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <tuple>

#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QLoggingCategory>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QShowEvent>
#include <QSlider>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "confusionview.h"
#include "evalexport.h"
#include "examplesmodel.h"
#include "labels.h"
#include "qcp.h"
#include "store/project.h"

Q_LOGGING_CATEGORY(lcEvaluatePage, "ft.ui.evaluatepage", QtInfoMsg)

namespace ft::ui {
namespace {

using nlohmann::json;

constexpr int kSliderSteps = 1000;

std::optional<double> optNum(const json& j) {
    if (j.is_number()) return j.get<double>();
    return std::nullopt;
}

QStandardItem* textItem(const QString& text, const QString& tip = {}) {
    auto* item = new QStandardItem(text);
    item->setEditable(false);
    if (!tip.isEmpty()) item->setToolTip(tip);
    return item;
}

// A number shown with `decimals`, its full value in Qt::UserRole (sorting and export).
QStandardItem* numberItem(std::optional<double> v, int decimals = 4,
                          const QString& undefinedTip = {}) {
    auto* item = new QStandardItem;
    item->setEditable(false);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    if (!v || !std::isfinite(*v)) {
        item->setText(QStringLiteral("—"));
        item->setToolTip(undefinedTip.isEmpty() ? QObject::tr("undefined") : undefinedTip);
        return item;
    }
    item->setText(QString::number(*v, 'f', decimals));
    item->setData(*v, Qt::UserRole);
    return item;
}

QStandardItem* countItem(int64_t v) {
    auto* item = new QStandardItem(QLocale().toString(static_cast<qlonglong>(v)));
    item->setEditable(false);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setData(QVariant::fromValue<qlonglong>(v), Qt::UserRole);
    return item;
}

QTableView* makeTable(QAbstractItemModel* model, const QString& name, bool small = true) {
    auto* view = new QTableView;
    view->setObjectName(name);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    if (!small) return view;
    // Small tables: every column as wide as its contents (nothing cut), the last takes
    // what is left; a horizontal scroll bar appears only when even that does not fit.
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

// Keeps a short table exactly as tall as its rows, so what follows sits right below it.
void fitHeight(QTableView* view) {
    int rows = 0;
    for (int r = 0; r < view->model()->rowCount(); ++r) rows += view->isRowHidden(r) ? 0 : 1;
    // Columns wider than the view: the horizontal scroll bar takes a row's room.
    const bool scrolls = view->horizontalScrollBar()->maximum() > 0;
    const int height = view->horizontalHeader()->sizeHint().height() + 2 * view->frameWidth() +
                       view->verticalHeader()->defaultSectionSize() * std::max(rows, 1) + 2 +
                       (scrolls ? view->horizontalScrollBar()->sizeHint().height() : 0);
    view->setMaximumHeight(height);
    // Up to a dozen rows show without scrolling even where the layout is tight.
    view->setMinimumHeight(std::min(height, view->verticalHeader()->defaultSectionSize() * 12));
}

// A titled block: the title and an Export button above the table.
QWidget* tableCard(const QString& title, QTableView* view, std::function<QString()> baseName,
                   bool fit = false, QWidget* below = nullptr) {
    auto* card = new QWidget;
    auto* layout = new QVBoxLayout(card);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    auto* heading = new QLabel(title);
    heading->setProperty("role", QStringLiteral("heading"));
    bar->addWidget(heading);
    bar->addStretch(1);
    bar->addWidget(evalexport::tableExportButton(view, std::move(baseName)));
    layout->addLayout(bar);
    if (fit) {
        QAbstractItemModel* model = view->model();
        auto refit = [view] { fitHeight(view); };
        QObject::connect(model, &QAbstractItemModel::rowsInserted, view, refit);
        QObject::connect(model, &QAbstractItemModel::rowsRemoved, view, refit);
        QObject::connect(model, &QAbstractItemModel::modelReset, view, refit);
        // A horizontal scroll bar (a narrow window) must not cover the last row.
        QObject::connect(view->horizontalScrollBar(), &QScrollBar::rangeChanged, view, refit);
        fitHeight(view);
        // The table grows up to its rows' height; the spare room goes below it.
        layout->addWidget(view, 1000);
        if (below) layout->addWidget(below);
        layout->addStretch(1);
    } else {
        layout->addWidget(view, 1);
        if (below) layout->addWidget(below);
    }
    return card;
}

// A plot with its Save button in a bar above it.
QWidget* plotCard(QCustomPlot* plot, std::function<QString()> baseName, QWidget* extra = nullptr) {
    auto* card = new QWidget;
    auto* layout = new QVBoxLayout(card);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto* bar = new QHBoxLayout;
    if (extra) bar->addWidget(extra);
    bar->addStretch(1);
    bar->addWidget(evalexport::plotSaveButton(plot, std::move(baseName)));
    layout->addLayout(bar);
    layout->addWidget(plot, 1);
    return card;
}

QCustomPlot* makePlot(const QString& name) {
    auto* plot = new QCustomPlot;
    plot->setObjectName(name);
    plot->setMinimumSize(280, 240);
    plot->setBackground(QBrush(Qt::white));
    return plot;
}

// The compare table's column for a metric key of eval::compareRuns.
QString metricTitle(const std::string& key) {
    if (key == "accuracy") return QObject::tr("Accuracy");
    if (key == "f1_macro") return QObject::tr("Macro-F1");
    if (key == "roc_auc") return QObject::tr("ROC AUC");
    if (key == "log_loss") return QObject::tr("Log loss");
    return QString::fromStdString(key);
}

QString baselineName(const std::string& name) {
    if (name == "majority") return QObject::tr("Majority class");
    if (name == "tfidf-logreg") return QObject::tr("TF-IDF + logistic regression");
    return QString::fromStdString(name);
}

}  // namespace

EvaluatePage::EvaluatePage(QWidget* parent)
    : QWidget(parent),
      m_readThread(new QThread(this)),
      m_evalThread(new QThread(this)),
      m_loader(new EvalLoader),
      m_worker(new EvalWorker),
      m_summaryModel(new QStandardItemModel(this)),
      m_classModel(new QStandardItemModel(this)),
      m_confusion(nullptr),
      m_examples(new ExamplesModel(this)),
      m_binsModel(new QStandardItemModel(this)),
      m_baselineModel(new QStandardItemModel(this)),
      m_lengthModel(new QStandardItemModel(this)),
      m_classSliceModel(new QStandardItemModel(this)),
      m_perturbationModel(new QStandardItemModel(this)),
      m_compareModel(new QStandardItemModel(this)),
      m_differingModel(new QStandardItemModel(this)) {
    setObjectName(QStringLiteral("evaluatePage"));
    qRegisterMetaType<ft::ui::EvalListing>();
    qRegisterMetaType<ft::ui::EvalBundlePtr>();
    qRegisterMetaType<ft::ui::RunComparison>();
    qRegisterMetaType<ft::eval::EvalOptions>();
    qRegisterMetaType<ft::ui::StopFlag>();
    qRegisterMetaType<QList<qint64>>();

    m_readThread->setObjectName(QStringLiteral("ft-eval-read"));
    m_evalThread->setObjectName(QStringLiteral("ft-evaluate"));
    m_loader->moveToThread(m_readThread);
    m_worker->moveToThread(m_evalThread);
    connect(m_readThread, &QThread::finished, m_loader, &QObject::deleteLater);
    connect(m_evalThread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &EvaluatePage::listRequested, m_loader, &EvalLoader::list);
    connect(this, &EvaluatePage::loadRequested, m_loader, &EvalLoader::load);
    connect(this, &EvaluatePage::compareRequested, m_loader, &EvalLoader::compare);
    connect(this, &EvaluatePage::evaluateRequested, m_worker, &EvalWorker::evaluate);
    connect(m_loader, &EvalLoader::listed, this, &EvaluatePage::onListed);
    connect(m_loader, &EvalLoader::loaded, this, &EvaluatePage::onLoaded);
    connect(m_loader, &EvalLoader::compared, this, &EvaluatePage::onCompared);
    connect(m_loader, &EvalLoader::failed, this, &EvaluatePage::onLoadFailed);
    connect(m_worker, &EvalWorker::progressChanged, this,
            [this](qint64 jobId, double fraction, const QString& text) {
                if (jobId != m_evalJob) return;
                m_progress->setValue(static_cast<int>(fraction * 1000));
                m_progress->setFormat(text.isEmpty() ? QStringLiteral("%p %")
                                                     : text + QStringLiteral(" — %p %"));
            });
    connect(m_worker, &EvalWorker::evaluationFinished, this, [this](qint64 jobId, qint64 id) {
        if (jobId != m_evalJob) return;
        m_evalJob = 0;
        updateState();
        Q_EMIT statusMessage(tr("Evaluation %1 finished").arg(id));
        Q_EMIT evaluationFinished(id);
        m_compareDirty = true;
        m_wantedEvaluation = id;
        refresh();
    });
    connect(m_worker, &EvalWorker::evaluationFailed, this,
            [this](qint64 jobId, const QString& message) {
                if (jobId != m_evalJob) return;
                m_evalJob = 0;
                m_error->setText(tr("The evaluation failed: %1").arg(message));
                m_error->show();
                updateState();
                Q_EMIT evaluationFailed(message);
            });
    connect(m_worker, &EvalWorker::evaluationCancelled, this, [this](qint64 jobId) {
        if (jobId != m_evalJob) return;
        m_evalJob = 0;
        updateState();
        Q_EMIT statusMessage(tr("Evaluation cancelled; nothing was stored"));
    });
    m_readThread->start();
    m_evalThread->start();

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("evaluateTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createMetricsTab(), tr("Metrics"));
    m_tabs->addTab(createConfusionTab(), tr("Confusion matrix"));
    m_tabs->addTab(createCurvesTab(), tr("ROC && PR"));
    m_tabs->addTab(createCalibrationTab(), tr("Calibration"));
    m_tabs->addTab(createBaselinesTab(), tr("Baselines"));
    m_tabs->addTab(createSensitivityTab(), tr("Sensitivity"));
    m_tabs->addTab(createCompareTab(), tr("Compare runs"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == static_cast<int>(Tab::Compare) && m_compareDirty) compareSelectedRuns();
        runPendingDraw(index);
    });

    m_empty = new QLabel;
    m_empty->setObjectName(QStringLiteral("evaluateEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setProperty("role", QStringLiteral("hint"));
    m_empty->setMargin(40);

    m_stack = new QStackedWidget;
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_tabs);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);
    layout->addWidget(createHeader());
    layout->addWidget(m_stack, 1);
    updateState();
}

EvaluatePage::~EvaluatePage() {
    if (m_evalStop) m_evalStop->store(true);
    for (QThread* thread : {m_readThread, m_evalThread}) {
        thread->requestInterruption();
        thread->quit();
        thread->wait();
    }
}

QWidget* EvaluatePage::createHeader() {
    auto* header = new QWidget;
    auto* layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);

    auto* title = new QLabel(tr("Evaluate"));
    title->setProperty("role", QStringLiteral("title"));
    QFont font = title->font();
    title->setStyleSheet(QStringLiteral("font-size: 16pt;"));
    Q_UNUSED(font);

    m_runCombo = new QComboBox;
    m_runCombo->setObjectName(QStringLiteral("evalRunCombo"));
    m_runCombo->setMinimumContentsLength(16);
    m_runCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_evalCombo = new QComboBox;
    m_evalCombo->setObjectName(QStringLiteral("evalEvaluationCombo"));
    m_evalCombo->setMinimumContentsLength(14);
    m_evalCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_runCombo, &QComboBox::activated, this, [this] { onRunChosen(); });
    connect(m_evalCombo, &QComboBox::activated, this, [this] { onEvaluationChosen(); });

    m_partCombo = new QComboBox;
    m_partCombo->setObjectName(QStringLiteral("evalPartCombo"));
    m_partCombo->addItem(tr("test part"), static_cast<int>(store::SplitPart::Test));
    m_partCombo->addItem(tr("validation part"), static_cast<int>(store::SplitPart::Validation));
    m_partCombo->setToolTip(tr("Which part of the run's split to evaluate on"));
    m_checkpointCombo = new QComboBox;
    m_checkpointCombo->setObjectName(QStringLiteral("evalCheckpointCombo"));
    m_checkpointCombo->addItem(tr("best checkpoint"), QStringLiteral("best"));
    m_checkpointCombo->addItem(tr("last checkpoint"), QStringLiteral("last"));
    m_checkpointCombo->setToolTip(
        tr("The best checkpoint by the run's validation metric, or the last one saved"));

    m_evaluate = new QPushButton(tr("Evaluate"));
    m_evaluate->setObjectName(QStringLiteral("evaluateButton"));
    m_evaluate->setProperty("primary", true);
    m_evaluate->setToolTip(
        tr("Run the model on every row of the chosen part, store each prediction, and compare "
           "it with the baselines"));
    connect(m_evaluate, &QPushButton::clicked, this, &EvaluatePage::startEvaluation);
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("evaluateProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setMinimumWidth(220);
    m_progress->setTextVisible(true);
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("evaluateCancel"));
    connect(m_cancel, &QPushButton::clicked, this, &EvaluatePage::cancelEvaluation);

    auto* row = new QHBoxLayout;
    row->setSpacing(8);
    row->addWidget(title);
    row->addSpacing(16);
    auto* runLabel = new QLabel(tr("Run:"));
    row->addWidget(runLabel);
    row->addWidget(m_runCombo, 2);
    auto* evalLabel = new QLabel(tr("Evaluation:"));
    row->addWidget(evalLabel);
    row->addWidget(m_evalCombo, 2);
    row->addSpacing(12);
    row->addWidget(m_partCombo);
    row->addWidget(m_checkpointCombo);
    row->addWidget(m_evaluate);
    row->addWidget(m_progress, 1);
    row->addWidget(m_cancel);
    layout->addLayout(row);

    m_info = new QLabel;
    m_info->setObjectName(QStringLiteral("evaluateInfo"));
    m_info->setProperty("role", QStringLiteral("hint"));
    m_info->setWordWrap(true);
    layout->addWidget(m_info);

    m_warnings = new QLabel;
    m_warnings->setObjectName(QStringLiteral("evaluateWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::RichText);
    m_warnings->setStyleSheet(
        QStringLiteral("QLabel { color: #7a4f01; background: #fef7e0; border: 1px solid #feefc3;"
                       " border-radius: 6px; padding: 6px 10px; }"));
    m_warnings->hide();
    layout->addWidget(m_warnings);

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("evaluateError"));
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    layout->addWidget(m_error);
    return header;
}

QWidget* EvaluatePage::createMetricsTab() {
    m_summaryTable = makeTable(m_summaryModel, QStringLiteral("evalSummaryTable"));
    m_classTable = makeTable(m_classModel, QStringLiteral("evalClassTable"));
    auto* note = new QLabel(
        tr("Intervals: 95 % percentile bootstrap over the evaluated rows. Averages: macro = "
           "the mean over classes, micro = pooled over rows, weighted = by support."));
    note->setProperty("role", QStringLiteral("hint"));
    note->setWordWrap(true);

    m_classPlot = makePlot(QStringLiteral("classScoresPlot"));
    m_classPlot->setMinimumHeight(200);

    auto* tab = new QWidget;
    auto* layout = new QHBoxLayout(tab);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(16);
    layout->addWidget(tableCard(
                          tr("Overall"), m_summaryTable,
                          [this] { return fileBase(QStringLiteral("metrics")); }, true, note),
                      5);
    auto* right = new QVBoxLayout;
    right->addWidget(tableCard(
        tr("Per class"), m_classTable, [this] { return fileBase(QStringLiteral("per_class")); },
        true));
    right->addWidget(
        plotCard(m_classPlot, [this] { return fileBase(QStringLiteral("per_class")); }), 1);
    layout->addLayout(right, 6);
    return tab;
}

QWidget* EvaluatePage::createConfusionTab() {
    m_confusion = new ConfusionView;
    connect(m_confusion, &ConfusionView::cellClicked, this, &EvaluatePage::showCell);

    m_examplesView = makeTable(m_examples, QStringLiteral("evalExamplesTable"), false);
    m_examplesView->setSortingEnabled(true);
    m_examplesView->setWordWrap(false);
    m_examplesView->setTextElideMode(Qt::ElideRight);
    m_examplesView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_examplesView->horizontalHeader()->setStretchLastSection(false);
    m_examplesView->horizontalHeader()->setSectionResizeMode(ExamplesModel::Text,
                                                             QHeaderView::Stretch);
    m_examplesView->horizontalHeader()->setSortIndicatorShown(true);
    // The most confident mistakes first: usually the most instructive rows (or label errors).
    m_examplesView->sortByColumn(ExamplesModel::Confidence, Qt::DescendingOrder);
    // A large cell stays responsive: no per-row size measuring.
    m_examplesView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);

    m_examplesCaption = new QLabel;
    m_examplesCaption->setObjectName(QStringLiteral("evalExamplesCaption"));
    m_examplesCaption->setWordWrap(true);
    auto* errors = new QPushButton(tr("All errors"));
    errors->setObjectName(QStringLiteral("evalAllErrors"));
    errors->setToolTip(tr("List every row the model got wrong"));
    connect(errors, &QPushButton::clicked, this, &EvaluatePage::showErrors);

    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    auto* heading = new QLabel(tr("Rows"));
    heading->setProperty("role", QStringLiteral("heading"));
    bar->addWidget(heading);
    bar->addStretch(1);
    bar->addWidget(errors);
    bar->addWidget(evalexport::tableExportButton(m_examplesView, [this] {
        if (const auto cell = m_examples->cell(); cell && m_bundle) {
            return fileBase(QStringLiteral("rows_true_%1_predicted_%2")
                                .arg(m_bundle->plots.labels.value(cell->first),
                                     m_bundle->plots.labels.value(cell->second)));
        }
        return fileBase(QStringLiteral("errors"));
    }));
    rightLayout->addLayout(bar);
    rightLayout->addWidget(m_examplesCaption);
    rightLayout->addWidget(m_examplesView, 1);

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_confusion);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 6);
    splitter->setSizes({440, 660});

    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(splitter);
    return tab;
}

QWidget* EvaluatePage::createCurvesTab() {
    m_rocPlot = makePlot(QStringLiteral("rocPlot"));
    m_prPlot = makePlot(QStringLiteral("prPlot"));

    m_thresholdSlider = new QSlider(Qt::Horizontal);
    m_thresholdSlider->setObjectName(QStringLiteral("thresholdSlider"));
    m_thresholdSlider->setRange(0, kSliderSteps);
    m_thresholdSlider->setValue(kSliderSteps / 2);
    m_thresholdSlider->setPageStep(kSliderSteps / 20);
    m_thresholdSpin = new QDoubleSpinBox;
    m_thresholdSpin->setObjectName(QStringLiteral("thresholdSpin"));
    m_thresholdSpin->setRange(0, 1);
    m_thresholdSpin->setDecimals(3);
    m_thresholdSpin->setSingleStep(0.01);
    m_thresholdSpin->setValue(0.5);
    connect(m_thresholdSlider, &QSlider::valueChanged, this, [this](int v) {
        const QSignalBlocker block(m_thresholdSpin);
        m_thresholdSpin->setValue(static_cast<double>(v) / kSliderSteps);
        updateThreshold();
    });
    connect(m_thresholdSpin, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        const QSignalBlocker block(m_thresholdSlider);
        m_thresholdSlider->setValue(static_cast<int>(std::lround(v * kSliderSteps)));
        updateThreshold();
    });
    m_thresholdRule = new QLabel;
    m_thresholdRule->setObjectName(QStringLiteral("thresholdRule"));
    m_thresholdRule->setProperty("role", QStringLiteral("hint"));
    auto bigNumber = [](const QString& name) {
        auto* label = new QLabel;
        label->setObjectName(name);
        label->setTextFormat(Qt::RichText);
        return label;
    };
    m_thresholdPrecision = bigNumber(QStringLiteral("thresholdPrecision"));
    m_thresholdRecall = bigNumber(QStringLiteral("thresholdRecall"));
    m_thresholdF1 = bigNumber(QStringLiteral("thresholdF1"));
    m_thresholdCounts = new QLabel;
    m_thresholdCounts->setObjectName(QStringLiteral("thresholdCounts"));
    m_thresholdCounts->setProperty("role", QStringLiteral("hint"));
    auto* reset = new QToolButton;
    reset->setText(tr("Reset to 0.5"));
    connect(reset, &QToolButton::clicked, this, [this] { setThreshold(0.5); });

    m_thresholdBox = new QGroupBox(tr("Decision threshold"));
    m_thresholdBox->setObjectName(QStringLiteral("thresholdBox"));
    auto* box = new QGridLayout(m_thresholdBox);
    box->addWidget(m_thresholdSlider, 0, 0, 1, 3);
    box->addWidget(m_thresholdSpin, 0, 3);
    box->addWidget(reset, 0, 4);
    box->addWidget(m_thresholdRule, 1, 0, 1, 5);
    box->addWidget(m_thresholdPrecision, 2, 0);
    box->addWidget(m_thresholdRecall, 2, 1);
    box->addWidget(m_thresholdF1, 2, 2);
    box->addWidget(m_thresholdCounts, 2, 3, 1, 2);
    box->setColumnStretch(0, 1);
    box->setColumnStretch(1, 1);
    box->setColumnStretch(2, 1);
    m_thresholdHint = new QLabel(
        tr("The decision threshold applies to two-class tasks; with more classes the model "
           "predicts the most probable label."));
    m_thresholdHint->setProperty("role", QStringLiteral("hint"));
    m_thresholdHint->setWordWrap(true);

    auto* plots = new QHBoxLayout;
    plots->setSpacing(12);
    plots->addWidget(plotCard(m_rocPlot, [this] { return fileBase(QStringLiteral("roc")); }), 1);
    plots->addWidget(plotCard(m_prPlot, [this] { return fileBase(QStringLiteral("pr")); }), 1);

    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addLayout(plots, 1);
    layout->addWidget(m_thresholdBox);
    layout->addWidget(m_thresholdHint);
    return tab;
}

QWidget* EvaluatePage::createCalibrationTab() {
    m_calibrationPlot = makePlot(QStringLiteral("calibrationPlot"));
    auto* bins = makeTable(m_binsModel, QStringLiteral("evalBinsTable"));
    auto* note = new QLabel(
        tr("A well calibrated model is right 80 % of the time when it says 0.8: its points "
           "lie on the diagonal. ECE is the row-weighted mean gap, MCE the largest."));
    note->setProperty("role", QStringLiteral("hint"));
    note->setWordWrap(true);
    auto* tab = new QWidget;
    auto* layout = new QHBoxLayout(tab);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(16);
    layout->addWidget(
        plotCard(m_calibrationPlot, [this] { return fileBase(QStringLiteral("calibration")); }), 3);
    layout->addWidget(
        tableCard(
            tr("Bins"), bins, [this] { return fileBase(QStringLiteral("calibration_bins")); }, true,
            note),
        2);
    return tab;
}

QWidget* EvaluatePage::createBaselinesTab() {
    m_baselinePlot = makePlot(QStringLiteral("baselinePlot"));
    auto* table = makeTable(m_baselineModel, QStringLiteral("evalBaselineTable"));
    m_baselineVerdict = new QLabel;
    m_baselineVerdict->setObjectName(QStringLiteral("baselineVerdict"));
    m_baselineVerdict->setWordWrap(true);
    m_baselineVerdict->setTextFormat(Qt::RichText);
    auto* tab = new QWidget;
    auto* layout = new QHBoxLayout(tab);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(16);
    layout->addWidget(
        plotCard(m_baselinePlot, [this] { return fileBase(QStringLiteral("baselines")); }), 4);
    auto* right = new QVBoxLayout;
    right->addWidget(tableCard(
        tr("Baselines on the same rows"), table,
        [this] { return fileBase(QStringLiteral("baselines")); }, true));
    right->addWidget(m_baselineVerdict);
    right->addStretch(1);
    layout->addLayout(right, 6);
    return tab;
}

QWidget* EvaluatePage::createSensitivityTab() {
    m_sensitivityPlot = makePlot(QStringLiteral("sensitivityPlot"));
    auto* length = makeTable(m_lengthModel, QStringLiteral("evalLengthTable"));
    auto* byClass = makeTable(m_classSliceModel, QStringLiteral("evalClassSliceTable"));
    auto* perturbations = makeTable(m_perturbationModel, QStringLiteral("evalPerturbationTable"));
    auto* tables = new QHBoxLayout;
    tables->setSpacing(12);
    tables->addWidget(tableCard(tr("By text length"), length,
                                [this] { return fileBase(QStringLiteral("by_length")); }),
                      3);
    tables->addWidget(tableCard(tr("By true class"), byClass,
                                [this] { return fileBase(QStringLiteral("by_class")); }),
                      3);
    tables->addWidget(tableCard(tr("Perturbed inputs"), perturbations,
                                [this] { return fileBase(QStringLiteral("perturbations")); }),
                      6);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(
        plotCard(m_sensitivityPlot, [this] { return fileBase(QStringLiteral("sensitivity")); }));
    auto* bottom = new QWidget;
    bottom->setLayout(tables);
    tables->setContentsMargins(0, 0, 0, 0);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(splitter);
    return tab;
}

QWidget* EvaluatePage::createCompareTab() {
    m_compareRuns = new QListWidget;
    m_compareRuns->setObjectName(QStringLiteral("compareRunList"));
    m_compareRuns->setMaximumWidth(300);
    // Ticking a run updates the comparison at once (one request for several quick ticks).
    connect(m_compareRuns, &QListWidget::itemChanged, this, [this] {
        m_compareDirty = true;
        QTimer::singleShot(0, this, [this] {
            if (m_compareDirty && m_tabs->currentIndex() == static_cast<int>(Tab::Compare)) {
                compareSelectedRuns();
            }
        });
    });
    m_compareHint =
        new QLabel(tr("Tick the runs to compare. Each is shown by its latest evaluation."));
    m_compareHint->setProperty("role", QStringLiteral("hint"));
    m_compareHint->setWordWrap(true);
    m_compareHint->setMaximumWidth(300);

    auto* left = new QVBoxLayout;
    auto* heading = new QLabel(tr("Runs"));
    heading->setProperty("role", QStringLiteral("heading"));
    left->addWidget(heading);
    left->addWidget(m_compareRuns, 1);
    left->addWidget(m_compareHint);

    auto* table = makeTable(m_compareModel, QStringLiteral("compareTable"));
    auto* differing = makeTable(m_differingModel, QStringLiteral("compareDiffering"));
    m_comparePlot = makePlot(QStringLiteral("comparePlot"));
    plots::curveOverlay(m_comparePlot, tr("ROC curves of the runs"), {}, tr("False positive rate"),
                        tr("True positive rate"));

    auto* bottom = new QHBoxLayout;
    bottom->setSpacing(12);
    bottom->addWidget(
        plotCard(m_comparePlot, [this] { return fileBase(QStringLiteral("compare_roc")); }), 1);
    bottom->addWidget(tableCard(tr("Settings that differ"), differing,
                                [this] { return fileBase(QStringLiteral("compare_settings")); }),
                      1);
    auto* right = new QVBoxLayout;
    right->addWidget(tableCard(
        tr("Metrics"), table, [this] { return fileBase(QStringLiteral("compare_metrics")); },
        true));
    right->addLayout(bottom, 1);

    auto* tab = new QWidget;
    auto* layout = new QHBoxLayout(tab);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(16);
    layout->addLayout(left);
    layout->addLayout(right, 1);
    return tab;
}

void EvaluatePage::showTab(Tab tab) { m_tabs->setCurrentIndex(static_cast<int>(tab)); }

// --- project and listing ---------------------------------------------------------------

void EvaluatePage::setProject(store::Project* project) {
    if (m_evalStop) m_evalStop->store(true);
    m_evalJob = m_listJob = m_loadJob = m_compareJob = 0;
    m_projectDir = project ? QString::fromStdString(project->dir()) : QString();
    m_listing = {};
    m_bundle.reset();
    m_comparison.reset();
    m_compareDirty = true;
    m_wantedEvaluation.reset();
    m_error->hide();
    m_runCombo->clear();
    m_evalCombo->clear();
    m_compareRuns->clear();
    showBundle();
    updateState();
    if (project) refresh();
}

void EvaluatePage::refresh() {
    if (m_projectDir.isEmpty()) return;
    m_listJob = m_nextJob++;
    Q_EMIT listRequested(m_listJob, m_projectDir);
}

void EvaluatePage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    // Runs may have been trained or evaluated elsewhere (the CLI) since the last look.
    if (!event->spontaneous()) refresh();
}

int64_t EvaluatePage::currentRunId() const {
    return m_runCombo->currentIndex() >= 0 ? m_runCombo->currentData().toLongLong() : 0;
}

void EvaluatePage::onListed(qint64 jobId, const EvalListing& listing) {
    if (jobId != m_listJob) return;
    m_listJob = 0;
    m_listing = listing;
    int64_t run = currentRunId();
    int64_t evaluation =
        m_evalCombo->currentIndex() >= 0 ? m_evalCombo->currentData().toLongLong() : 0;
    if (m_wantedEvaluation) {
        evaluation = *m_wantedEvaluation;
        for (const EvaluationSummary& e : m_listing.evaluations) {
            if (e.id == evaluation) run = e.runId;
        }
        m_wantedEvaluation.reset();
    }
    const auto hasRun = [this](int64_t id) {
        return std::any_of(m_listing.runs.begin(), m_listing.runs.end(),
                           [id](const store::RunInfo& r) { return r.id == id; });
    };
    if (!hasRun(run)) {
        // The run of the newest evaluation, else the newest run (runs come in id order).
        run = !m_listing.evaluations.empty() ? m_listing.evaluations.front().runId
              : !m_listing.runs.empty()      ? m_listing.runs.back().id
                                             : 0;
    }
    fillRunCombo();
    m_runCombo->setCurrentIndex(m_runCombo->findData(QVariant::fromValue<qlonglong>(run)));
    fillEvaluationCombo();
    const int evalIndex = m_evalCombo->findData(QVariant::fromValue<qlonglong>(evaluation));
    if (evalIndex >= 0) m_evalCombo->setCurrentIndex(evalIndex);
    fillCompareRuns();
    if (m_tabs->currentIndex() == static_cast<int>(Tab::Compare)) compareSelectedRuns();
    Q_EMIT listingChanged();
    onEvaluationChosen();
}

void EvaluatePage::fillRunCombo() {
    const QSignalBlocker block(m_runCombo);
    m_runCombo->clear();
    // Newest first, as the evaluations.
    for (auto it = m_listing.runs.rbegin(); it != m_listing.runs.rend(); ++it) {
        const store::RunInfo& r = *it;
        const int evaluations = static_cast<int>(
            std::count_if(m_listing.evaluations.begin(), m_listing.evaluations.end(),
                          [&r](const EvaluationSummary& e) { return e.runId == r.id; }));
        QString text = tr("#%1 %2").arg(r.id).arg(QString::fromStdString(r.name));
        text += QStringLiteral(" — ") + runStatusName(r.status);
        if (evaluations == 0) text += tr(", not evaluated");
        m_runCombo->addItem(text, QVariant::fromValue<qlonglong>(r.id));
        m_runCombo->setItemData(
            m_runCombo->count() - 1,
            tr("%1\nModel: %2\nCreated %3")
                .arg(QString::fromStdString(r.name), QString::fromStdString(r.modelDir),
                     localTime(r.createdAt)),
            Qt::ToolTipRole);
    }
}

void EvaluatePage::fillEvaluationCombo() {
    const QSignalBlocker block(m_evalCombo);
    m_evalCombo->clear();
    const int64_t run = currentRunId();
    for (const EvaluationSummary& e : m_listing.evaluations) {
        if (e.runId != run) continue;
        m_evalCombo->addItem(tr("#%1 · %2 · %3 · %4")
                                 .arg(e.id)
                                 .arg(splitPartName(e.part), QString::fromStdString(e.checkpoint),
                                      localTime(e.createdAt)),
                             QVariant::fromValue<qlonglong>(e.id));
    }
    if (m_evalCombo->count() == 0 && run != 0) m_evalCombo->addItem(tr("not evaluated yet"), 0);
}

void EvaluatePage::onRunChosen() {
    fillEvaluationCombo();
    m_evalCombo->setCurrentIndex(0);
    onEvaluationChosen();
}

void EvaluatePage::onEvaluationChosen() {
    const int64_t id =
        m_evalCombo->currentIndex() >= 0 ? m_evalCombo->currentData().toLongLong() : 0;
    if (id == 0) {
        m_bundle.reset();
        m_loadJob = 0;
        showBundle();
        updateState();
        return;
    }
    if (m_bundle && m_bundle->info.id == id) {
        updateState();
        return;
    }
    requestLoad(id);
}

void EvaluatePage::showEvaluation(int64_t evaluationId) {
    m_wantedEvaluation = evaluationId;
    refresh();
}

void EvaluatePage::requestLoad(int64_t evaluationId) {
    if (m_projectDir.isEmpty()) return;
    m_loadJob = m_nextJob++;
    m_error->hide();
    updateState();
    Q_EMIT loadRequested(m_loadJob, m_projectDir, evaluationId);
}

void EvaluatePage::onLoaded(qint64 jobId, const EvalBundlePtr& bundle) {
    if (jobId != m_loadJob) return;
    m_loadJob = 0;
    m_bundle = bundle;
    showBundle();
    updateState();
    Q_EMIT evaluationLoaded(bundle->info.id);
}

void EvaluatePage::onLoadFailed(qint64 jobId, const QString& message) {
    if (jobId == m_loadJob) {
        m_loadJob = 0;
        m_error->setText(tr("The evaluation could not be read: %1").arg(message));
    } else if (jobId == m_listJob) {
        m_listJob = 0;
        m_error->setText(tr("The runs could not be listed: %1").arg(message));
    } else if (jobId == m_compareJob) {
        m_compareJob = 0;
        m_error->setText(tr("The runs could not be compared: %1").arg(message));
    } else {
        return;
    }
    m_error->show();
    updateState();
}

void EvaluatePage::updateState() {
    const bool evaluating = m_evalJob != 0;
    m_progress->setVisible(evaluating);
    m_cancel->setVisible(evaluating);
    m_runCombo->setEnabled(!m_listing.runs.empty());
    m_evalCombo->setEnabled(m_evalCombo->count() > 0 &&
                            m_evalCombo->currentData().toLongLong() != 0);
    updateEvaluateButton();

    if (m_projectDir.isEmpty()) {
        m_empty->setText(tr("Open a project to evaluate its runs."));
        m_stack->setCurrentWidget(m_empty);
        m_info->clear();
        return;
    }
    if (m_listing.runs.empty()) {
        m_empty->setText(
            m_listJob != 0
                ? tr("Reading the project…")
                : tr("<p style='font-size:13pt'><b>No fine-tuning run yet</b></p><p>Train a model "
                     "on the Fine-tune page (or with <code>finetune train</code>), then evaluate "
                     "it here: metrics with confidence intervals, the confusion matrix and its "
                     "rows, ROC and precision-recall curves, calibration, baselines and "
                     "robustness.</p>"));
        m_stack->setCurrentWidget(m_empty);
        m_info->clear();
        return;
    }
    if (!m_bundle) {
        if (m_loadJob != 0) {
            m_empty->setText(tr("Loading the evaluation…"));
        } else {
            m_empty->setText(
                tr("<p style='font-size:13pt'><b>This run has not been evaluated yet</b></p>"
                   "<p>Click <b>Evaluate</b> to run it on every row of the %1 part: each "
                   "prediction is stored, so every number here can be traced back to rows.</p>")
                    .arg(m_partCombo->currentText().section(QLatin1Char(' '), 0, 0)));
        }
        m_stack->setCurrentWidget(m_empty);
        m_info->setText(m_loadJob != 0 ? tr("Loading…") : QString());
        return;
    }
    m_stack->setCurrentWidget(m_tabs);
}

void EvaluatePage::updateEvaluateButton() {
    const int64_t run = currentRunId();
    const store::RunInfo* info = nullptr;
    for (const store::RunInfo& r : m_listing.runs) {
        if (r.id == run) info = &r;
    }
    const bool trainable = info && info->status != store::RunStatus::Running &&
                           info->status != store::RunStatus::Created;
    m_evaluate->setEnabled(!m_projectDir.isEmpty() && m_evalJob == 0 && trainable);
    m_partCombo->setEnabled(m_evalJob == 0);
    m_checkpointCombo->setEnabled(m_evalJob == 0);
    if (!info) {
        m_evaluate->setToolTip(tr("Choose a run first"));
    } else if (info->status == store::RunStatus::Running) {
        m_evaluate->setToolTip(tr("The run is still training"));
    } else if (info->status == store::RunStatus::Created) {
        m_evaluate->setToolTip(tr("The run has not been trained"));
    } else {
        m_evaluate->setToolTip(
            tr("Run the model on every row of the chosen part, store each "
               "prediction, and compare it with the baselines"));
    }
}

// --- evaluating --------------------------------------------------------------------------

void EvaluatePage::startEvaluation() {
    const int64_t run = currentRunId();
    if (m_projectDir.isEmpty() || run == 0 || m_evalJob != 0) return;
    eval::EvalOptions options;
    options.part = static_cast<store::SplitPart>(m_partCombo->currentData().toInt());
    options.checkpoint = m_checkpointCombo->currentData().toString().toStdString();
    m_evalStop = std::make_shared<std::atomic_bool>(false);
    m_evalJob = m_nextJob++;
    m_evalRunId = run;
    m_error->hide();
    m_progress->setValue(0);
    m_progress->setFormat(tr("Starting — %p %"));
    updateState();
    qCInfo(lcEvaluatePage) << "evaluating run" << run;
    Q_EMIT evaluateRequested(m_evalJob, m_projectDir, run, options, m_evalStop);
}

void EvaluatePage::cancelEvaluation() {
    if (m_evalStop) m_evalStop->store(true);
    m_progress->setFormat(tr("Cancelling…"));
}

// --- showing an evaluation ----------------------------------------------------------------

QString EvaluatePage::fileBase(const QString& what) const {
    if (!m_bundle) return what;
    return QStringLiteral("run%1_eval%2_%3")
        .arg(m_bundle->info.runId)
        .arg(m_bundle->info.id)
        .arg(what);
}

void EvaluatePage::showBundle() {
    for (auto& pending : m_pendingDraw) pending = nullptr;
    const json& report = m_bundle ? m_bundle->plots.report : json();
    // Header: what was evaluated, and the report's warnings in words.
    if (m_bundle) {
        const store::EvaluationInfo& e = m_bundle->info;
        const QLocale locale;
        QString runName =
            m_bundle->run ? QString::fromStdString(m_bundle->run->name) : tr("run %1").arg(e.runId);
        m_info->setText(
            tr("<b>%1</b> on the %2 part: %3 rows, %4 checkpoint · evaluated %5 in "
               "%6 s")
                .arg(runName.toHtmlEscaped(), splitPartName(e.part),
                     locale.toString(static_cast<qlonglong>(m_bundle->predictions.size())),
                     QString::fromStdString(e.checkpoint), localTime(e.createdAt))
                .arg(e.seconds, 0, 'f', 1));
        QStringList warnings;
        for (const json& w : report.value("warnings", json::array())) {
            warnings << QString::fromStdString(w.get<std::string>()).toHtmlEscaped();
        }
        if (!m_bundle->plots.hasScores()) {
            warnings << tr(
                "no probabilities were stored: ROC, PR, calibration and log loss are "
                "not available");
        }
        m_warnings->setText(warnings.isEmpty()
                                ? QString()
                                : tr("<b>Read with care:</b> ") +
                                      warnings.join(QStringLiteral("; ")) + QLatin1Char('.'));
        m_warnings->setVisible(!warnings.isEmpty());
    } else {
        m_warnings->hide();
    }

    fillMetrics();
    m_confusion->setBundle(m_bundle);
    m_examples->setBundle(m_bundle);
    sizeExampleColumns();
    m_examplesCaption->setText(tr("Click a cell of the matrix to list its rows."));
    // Start with the largest confusion, so the table shows the model's most common mistake.
    if (m_bundle) {
        const json& cm = report.value("confusion_matrix", json());
        int64_t best = 0;
        std::optional<std::pair<int, int>> cell;
        for (size_t t = 0; cm.is_array() && t < cm.size(); ++t) {
            for (size_t p = 0; p < cm[t].size(); ++p) {
                const int64_t v = cm[t][p].get<int64_t>();
                if (t != p && v > best) {
                    best = v;
                    cell = std::make_pair(static_cast<int>(t), static_cast<int>(p));
                }
            }
        }
        if (cell) m_confusion->selectCell(cell->first, cell->second);
    }
    // Plots are drawn when their tab is first shown: rendering every plot of a large
    // evaluation at once would hold the GUI thread for a noticeable moment.
    drawWhenShown(Tab::Curves, [this] {
        drawCurves();
        updateThreshold();
    });
    fillCalibration();
    fillBaselines();
    fillSensitivity();
    const bool binary = m_bundle && m_bundle->isBinary() && m_bundle->plots.hasScores();
    m_thresholdBox->setVisible(binary);
    m_thresholdHint->setVisible(m_bundle && !binary);
    if (binary) {
        m_thresholdHint->setText({});
    } else if (m_bundle && !m_bundle->plots.hasScores()) {
        m_thresholdHint->setText(
            tr("No probabilities were stored, so there is no threshold to "
               "move."));
    } else {
        m_thresholdHint->setText(
            tr("The decision threshold applies to two-class tasks; with more "
               "classes the model predicts the most probable label."));
    }
    updateThreshold();
}

void EvaluatePage::drawWhenShown(Tab tab, std::function<void()> draw) {
    const int index = static_cast<int>(tab);
    m_pendingDraw[static_cast<size_t>(index)] = std::move(draw);
    if (m_tabs->currentIndex() == index) runPendingDraw(index);
}

void EvaluatePage::runPendingDraw(int index) {
    if (index < 0 || index >= static_cast<int>(m_pendingDraw.size())) return;
    auto& pending = m_pendingDraw[static_cast<size_t>(index)];
    if (!pending) return;
    const auto draw = std::move(pending);
    pending = nullptr;
    draw();
}

void EvaluatePage::fillMetrics() {
    m_summaryModel->clear();
    m_classModel->clear();
    m_summaryModel->setHorizontalHeaderLabels(
        {tr("Metric"), tr("Value"), tr("95 % lower"), tr("95 % upper")});
    m_classModel->setHorizontalHeaderLabels(
        {tr("Class"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")});
    if (!m_bundle) {
        plots::classScores(m_classPlot, plots::EvalPlotData{});
        return;
    }
    const json& r = m_bundle->plots.report;
    const bool binary = m_bundle->plots.numClasses() == 2;

    auto add = [this](const QString& name, const QString& tip, std::optional<double> v,
                      const json& interval = json(), const QString& undefinedTip = {}) {
        QList<QStandardItem*> row{textItem(name, tip), numberItem(v, 4, undefinedTip)};
        if (interval.is_object()) {
            row << numberItem(optNum(interval.value("lower", json())))
                << numberItem(optNum(interval.value("upper", json())));
        } else {
            row << textItem(QString()) << textItem(QString());
        }
        m_summaryModel->appendRow(row);
    };
    const QString noScores = tr("needs probabilities, which this evaluation did not store");
    add(tr("Accuracy"), tr("Share of rows predicted correctly"),
        optNum(r.value("accuracy", json())), r.value("accuracy_interval", json()));
    add(tr("Balanced accuracy"), tr("Mean recall over the classes that occur"),
        optNum(r.value("balanced_accuracy", json())));
    add(tr("Macro-F1"), tr("Mean F1 over the classes, each class counting the same"),
        optNum(r.value("f1_macro", json())), r.value("f1_macro_interval", json()));
    add(tr("Weighted F1"), tr("F1 averaged by class support"),
        optNum(r.value("f1_weighted", json())));
    add(tr("Matthews correlation (MCC)"),
        tr("Correlation between truth and prediction, -1 to 1; 0 = no better than chance"),
        optNum(r.value("mcc", json())));
    add(tr("Cohen's kappa"), tr("Agreement beyond chance"), optNum(r.value("cohen_kappa", json())));
    add(tr("Log loss"), tr("Mean negative log-probability of the true label (lower is better)"),
        optNum(r.value("log_loss", json())), json(), noScores);
    if (binary) {
        const QString auc = tr("needs both classes in the truth and probabilities");
        add(tr("ROC AUC"),
            tr("Area under the ROC curve of %1").arg(m_bundle->plots.labels.value(1)),
            optNum(r.value("roc_auc", json())), json(), auc);
        add(tr("Average precision"), tr("Area under the precision-recall curve (step-wise)"),
            optNum(r.value("average_precision", json())), json(), auc);
        add(tr("Brier score"),
            tr("Mean squared error of the probability of %1 (lower is better)")
                .arg(m_bundle->plots.labels.value(1)),
            optNum(r.value("brier", json())), json(), noScores);
    } else {
        const QString auc =
            tr("undefined: a class does not occur in the truth, or no probabilities");
        add(tr("ROC AUC (one-vs-rest, macro)"), tr("Mean of the per-class AUCs"),
            optNum(r.value("roc_auc_ovr_macro", json())), json(), auc);
        add(tr("ROC AUC (one-vs-rest, weighted)"), tr("Per-class AUCs weighted by support"),
            optNum(r.value("roc_auc_ovr_weighted", json())), json(), auc);
        add(tr("ROC AUC (one-vs-one, macro)"), tr("Hand & Till: the mean over class pairs"),
            optNum(r.value("roc_auc_ovo_macro", json())), json(), auc);
        add(tr("ROC AUC (micro)"), tr("All one-vs-rest decisions pooled"),
            optNum(r.value("roc_auc_micro", json())), json(), noScores);
    }
    if (r.value("top_k_accuracy", json()).is_number()) {
        add(tr("Top-%1 accuracy").arg(r.value("top_k", 2)),
            tr("Share of rows whose true label is among the %1 most probable")
                .arg(r.value("top_k", 2)),
            optNum(r["top_k_accuracy"]));
    }
    const json& cal = r.value("calibration", json());
    add(tr("Expected calibration error"), tr("Row-weighted gap between confidence and accuracy"),
        cal.is_object() ? optNum(cal.value("ece", json())) : std::nullopt, json(), noScores);
    QList<QStandardItem*> rows{textItem(tr("Rows"), tr("Rows evaluated")),
                               countItem(r.value("rows", int64_t(0))), textItem({}), textItem({})};
    m_summaryModel->appendRow(rows);

    const json& precision = r.value("precision_per_class", json::array());
    const json& recall = r.value("recall_per_class", json::array());
    const json& f1 = r.value("f1_per_class", json::array());
    const json& support = r.value("support", json::array());
    int64_t total = 0;
    for (int k = 0; k < m_bundle->plots.numClasses(); ++k) {
        const size_t i = static_cast<size_t>(k);
        const int64_t s = i < support.size() ? support[i].get<int64_t>() : 0;
        total += s;
        m_classModel->appendRow(
            {textItem(m_bundle->plots.labels[k]),
             numberItem(i < precision.size() ? optNum(precision[i]) : std::nullopt),
             numberItem(i < recall.size() ? optNum(recall[i]) : std::nullopt),
             numberItem(i < f1.size() ? optNum(f1[i]) : std::nullopt), countItem(s)});
    }
    for (const auto& [name, key, tip] :
         {std::tuple{tr("macro average"), std::string("macro"), tr("Each class counts the same")},
          std::tuple{tr("micro average"), std::string("micro"),
                     tr("Pooled over rows (equals accuracy for single-label data)")},
          std::tuple{tr("weighted average"), std::string("weighted"), tr("Weighted by support")}}) {
        QList<QStandardItem*> row{
            textItem(name, tip), numberItem(optNum(r.value("precision_" + key, json()))),
            numberItem(optNum(r.value("recall_" + key, json()))),
            numberItem(optNum(r.value("f1_" + key, json()))), countItem(total)};
        for (QStandardItem* item : row) {
            QFont font = item->font();
            font.setItalic(true);
            item->setFont(font);
            item->setBackground(QColor(0xf8, 0xf9, 0xfa));
        }
        m_classModel->appendRow(row);
    }
    drawWhenShown(Tab::Metrics, [this] { plots::classScores(m_classPlot, m_bundle->plots); });
}

void EvaluatePage::drawCurves() {
    if (m_bundle) {
        plots::rocCurves(m_rocPlot, m_bundle->plots);
        plots::prCurves(m_prPlot, m_bundle->plots);
    } else {
        plots::rocCurves(m_rocPlot, plots::EvalPlotData{});
        plots::prCurves(m_prPlot, plots::EvalPlotData{});
    }
    if (m_bundle && m_bundle->isBinary() && m_bundle->plots.hasScores() &&
        !m_bundle->plots.roc.empty()) {
        // The operating point of the threshold, moved by updateThreshold().
        for (QCustomPlot* plot : {m_rocPlot, m_prPlot}) {
            auto* point = new QCPGraph(plot->xAxis, plot->yAxis);
            point->setObjectName(QStringLiteral("threshold"));
            point->setLineStyle(QCPGraph::lsNone);
            point->setScatterStyle(QCPScatterStyle(
                QCPScatterStyle::ssCircle, QColor(0xd9, 0x30, 0x25), QColor(0xd9, 0x30, 0x25), 9));
            point->setName(tr("threshold"));
        }
    }
}

void EvaluatePage::fillCalibration() {
    m_binsModel->clear();
    m_binsModel->setHorizontalHeaderLabels(
        {tr("Confidence"), tr("Rows"), tr("Mean confidence"), tr("Accuracy"), tr("Gap")});
    if (m_bundle) {
        drawWhenShown(Tab::Calibration,
                      [this] { plots::calibration(m_calibrationPlot, m_bundle->plots); });
        const json& cal = m_bundle->plots.report.value("calibration", json());
        if (cal.is_object()) {
            for (const json& b : cal.value("bins", json::array())) {
                const int64_t count = b.value("count", int64_t(0));
                const double conf = b.value("mean_confidence", 0.0);
                const double acc = b.value("accuracy", 0.0);
                m_binsModel->appendRow(
                    {textItem(QStringLiteral("%1 – %2")
                                  .arg(b.value("lower", 0.0), 0, 'f', 3)
                                  .arg(b.value("upper", 0.0), 0, 'f', 3)),
                     countItem(count), numberItem(count ? std::optional(conf) : std::nullopt, 3),
                     numberItem(count ? std::optional(acc) : std::nullopt, 3),
                     numberItem(count ? std::optional(acc - conf) : std::nullopt, 3)});
            }
        }
        // Empty bins stay in the model (and the export) but not on screen.
        if (auto* view = findChild<QTableView*>(QStringLiteral("evalBinsTable"))) {
            for (int r = 0; r < m_binsModel->rowCount(); ++r) {
                view->setRowHidden(r,
                                   m_binsModel->index(r, 1).data(Qt::UserRole).toLongLong() == 0);
            }
            fitHeight(view);
        }
    } else {
        plots::calibration(m_calibrationPlot, plots::EvalPlotData{});
    }
}

void EvaluatePage::fillBaselines() {
    m_baselineModel->clear();
    m_baselineModel->setHorizontalHeaderLabels({tr("Classifier"), tr("Accuracy"), tr("Macro-F1"),
                                                tr("Only model"), tr("Only baseline"),
                                                tr("McNemar p"), tr("Test")});
    m_baselineModel->setHeaderData(3, Qt::Horizontal, tr("Rows only the model gets right"),
                                   Qt::ToolTipRole);
    m_baselineModel->setHeaderData(4, Qt::Horizontal, tr("Rows only the baseline gets right"),
                                   Qt::ToolTipRole);
    m_baselineVerdict->clear();
    if (!m_bundle) {
        plots::baselineComparison(m_baselinePlot, plots::EvalPlotData{});
        return;
    }
    drawWhenShown(Tab::Baselines,
                  [this] { plots::baselineComparison(m_baselinePlot, m_bundle->plots); });
    const json& b = m_bundle->plots.baselines;
    if (!b.is_object() || !b.contains("model")) {
        m_baselineVerdict->setText(tr("No baselines were computed for this evaluation."));
        return;
    }
    const json& model = b["model"];
    m_baselineModel->appendRow(
        {textItem(tr("Model: %1").arg(QString::fromStdString(model.value("name", std::string())))),
         numberItem(optNum(model.value("accuracy", json()))),
         numberItem(optNum(model.value("f1_macro", json()))), textItem({}), textItem({}),
         textItem({}), textItem({})});
    QStringList verdicts;
    const QLocale locale;
    for (const json& base : b.value("baselines", json::array())) {
        const json& m = base.value("mcnemar", json());
        const QString name = baselineName(base.value("name", std::string()));
        QList<QStandardItem*> row{textItem(name),
                                  numberItem(optNum(base.value("accuracy", json()))),
                                  numberItem(optNum(base.value("f1_macro", json())))};
        if (m.is_object()) {
            const int64_t onlyModel = m.value("only_model", int64_t(0));
            const int64_t onlyBase = m.value("only_baseline", int64_t(0));
            const double p = m.value("p_value", 1.0);
            auto* pItem = numberItem(p, 4);
            pItem->setText(plots::formatPValue(p).remove(QStringLiteral("= ")));
            row << countItem(onlyModel) << countItem(onlyBase) << pItem
                << textItem(m.value("exact", false) ? tr("exact binomial") : tr("chi-square"),
                            m.value("exact", false)
                                ? tr("Fewer than 25 discordant rows: the exact binomial test")
                                : tr("Chi-square with continuity correction, statistic %1")
                                      .arg(m.value("statistic", 0.0), 0, 'f', 3));
            QString verdict;
            if (onlyModel + onlyBase == 0) {
                verdict =
                    tr("<b>%1</b>: both are right and wrong on exactly the same rows.").arg(name);
            } else if (p < 0.05) {
                verdict =
                    (onlyModel > onlyBase
                         ? tr("<b>%1</b>: the model is significantly better (p %2): it is "
                              "right on %3 rows the baseline gets wrong, and wrong on %4 it "
                              "gets right.")
                         : tr("<b>%1</b>: the model is significantly <i>worse</i> (p %2): it "
                              "is right on %3 rows the baseline gets wrong, and wrong on %4 it "
                              "gets right."))
                        .arg(name, plots::formatPValue(p).toHtmlEscaped(),
                             locale.toString(static_cast<qlonglong>(onlyModel)),
                             locale.toString(static_cast<qlonglong>(onlyBase)));
            } else {
                verdict = tr("<b>%1</b>: no significant difference at the 5 % level (p %2; %3 rows "
                             "only the model gets right, %4 only the baseline).")
                              .arg(name, plots::formatPValue(p).toHtmlEscaped(),
                                   locale.toString(static_cast<qlonglong>(onlyModel)),
                                   locale.toString(static_cast<qlonglong>(onlyBase)));
            }
            verdicts << verdict;
        } else {
            row << textItem({}) << textItem({}) << textItem({}) << textItem({});
        }
        m_baselineModel->appendRow(row);
    }
    if (b.contains("train_rows")) {
        verdicts << tr("The baselines were fitted on the run's %1 training rows and scored on the "
                       "same rows as the model.")
                        .arg(locale.toString(
                            static_cast<qlonglong>(b.value("train_rows", int64_t(0)))));
    }
    m_baselineVerdict->setText(verdicts.join(QStringLiteral("<br>")));
}

void EvaluatePage::fillSensitivity() {
    const QStringList sliceHeaders{tr("Slice"), tr("Rows"), tr("Accuracy"), tr("Macro-F1")};
    m_lengthModel->clear();
    m_classSliceModel->clear();
    m_perturbationModel->clear();
    m_lengthModel->setHorizontalHeaderLabels(sliceHeaders);
    m_classSliceModel->setHorizontalHeaderLabels({tr("Class"), tr("Rows"), tr("Recall"), tr("F1")});
    m_perturbationModel->setHorizontalHeaderLabels({tr("Perturbation"), tr("Accuracy"),
                                                    tr("Δ accuracy"), tr("Macro-F1"),
                                                    tr("Δ macro-F1"), tr("Changed")});
    if (!m_bundle) {
        plots::sensitivity(m_sensitivityPlot, plots::EvalPlotData{});
        return;
    }
    drawWhenShown(Tab::Sensitivity,
                  [this] { plots::sensitivity(m_sensitivityPlot, m_bundle->plots); });
    const json& s = m_bundle->plots.sensitivity;
    if (!s.is_object()) return;
    for (const auto& [key, model] :
         {std::pair{"by_length", m_lengthModel}, std::pair{"by_class", m_classSliceModel}}) {
        for (const json& e : s.value(key, json::array())) {
            model->appendRow({textItem(QString::fromStdString(e.value("name", std::string()))),
                              countItem(e.value("rows", int64_t(0))),
                              numberItem(optNum(e.value("accuracy", json()))),
                              numberItem(optNum(e.value("macro_f1", json())))});
        }
    }
    for (const json& e : s.value("perturbations", json::array())) {
        auto signedItem = [](const json& v) {
            QStandardItem* item = numberItem(optNum(v), 3);
            if (v.is_number()) {
                const double d = v.get<double>();
                item->setText((d > 0 ? QStringLiteral("+") : QString()) +
                              QString::number(d, 'f', 3));
                if (d < 0) item->setForeground(QColor(0xa5, 0x0e, 0x0e));
            }
            return item;
        };
        m_perturbationModel->appendRow(
            {textItem(QString::fromStdString(e.value("name", std::string()))),
             numberItem(optNum(e.value("accuracy", json())), 3),
             signedItem(e.value("accuracy_delta", json())),
             numberItem(optNum(e.value("macro_f1", json())), 3),
             signedItem(e.value("macro_f1_delta", json())),
             countItem(e.value("changed_predictions", int64_t(0)))});
    }
}

// Fixed widths from the labels and headers: measuring thousands of rows (ResizeToContents)
// would cost the GUI thread on every change; the text takes the rest.
void EvaluatePage::sizeExampleColumns() {
    const QFontMetrics fm = m_examplesView->fontMetrics();
    QHeaderView* header = m_examplesView->horizontalHeader();
    auto headerWidth = [&](int column) {
        return fm.horizontalAdvance(m_examples->headerData(column, Qt::Horizontal).toString()) + 34;
    };
    int labelWidth = 0;
    if (m_bundle) {
        for (const QString& label : m_bundle->plots.labels) {
            labelWidth = std::max(labelWidth, fm.horizontalAdvance(label) + 16);
        }
    }
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->resizeSection(ExamplesModel::RowId,
                          std::max(headerWidth(ExamplesModel::RowId),
                                   fm.horizontalAdvance(QStringLiteral("0000000")) + 16));
    for (int c :
         {static_cast<int>(ExamplesModel::TrueLabel), static_cast<int>(ExamplesModel::Predicted)}) {
        header->resizeSection(c, std::min(220, std::max(headerWidth(c), labelWidth)));
    }
    for (int c : {static_cast<int>(ExamplesModel::Confidence),
                  static_cast<int>(ExamplesModel::TrueProbability)}) {
        header->resizeSection(c, headerWidth(c));
    }
    header->setSectionResizeMode(ExamplesModel::Text, QHeaderView::Stretch);
}

void EvaluatePage::showCell(int trueClass, int predicted) {
    if (!m_bundle) return;
    m_examples->showCell(trueClass, predicted);
    const QStringList& labels = m_bundle->plots.labels;
    const QLocale locale;
    const bool one = m_examples->rowCount() == 1;
    const QString count = locale.toString(m_examples->rowCount());
    if (trueClass == predicted) {
        m_examplesCaption->setText((one ? tr("<b>%1</b> row of <b>%2</b>, predicted correctly.")
                                        : tr("<b>%1</b> rows of <b>%2</b>, predicted correctly."))
                                       .arg(count, labels.value(trueClass).toHtmlEscaped()));
    } else {
        m_examplesCaption->setText((one ? tr("<b>%1</b> row of <b>%2</b> predicted as <b>%3</b>.")
                                        : tr("<b>%1</b> rows of <b>%2</b> predicted as <b>%3</b>."))
                                       .arg(count, labels.value(trueClass).toHtmlEscaped(),
                                            labels.value(predicted).toHtmlEscaped()));
    }
    m_examplesView->scrollToTop();
}

void EvaluatePage::showErrors() {
    if (!m_bundle) return;
    m_examples->showErrors();
    m_examplesCaption->setText(
        tr("<b>%1</b> rows predicted wrongly, of %2.")
            .arg(QLocale().toString(m_examples->rowCount()),
                 QLocale().toString(static_cast<qlonglong>(m_bundle->predictions.size()))));
    m_examplesView->scrollToTop();
}

// --- threshold ---------------------------------------------------------------------------

std::optional<ThresholdMetrics> EvaluatePage::thresholdMetrics() const {
    if (!m_bundle || !m_bundle->isBinary() || !m_bundle->plots.hasScores()) return std::nullopt;
    return m_bundle->atThreshold(m_thresholdSpin->value());
}

void EvaluatePage::setThreshold(double threshold) { m_thresholdSpin->setValue(threshold); }

void EvaluatePage::updateThreshold() {
    const auto m = thresholdMetrics();
    if (!m) return;
    const QStringList& labels = m_bundle->plots.labels;
    m_thresholdRule->setText(tr("A row is predicted <b>%1</b> when P(%1) ≥ %2, else %3.")
                                 .arg(labels.value(1).toHtmlEscaped())
                                 .arg(m->threshold, 0, 'f', 3)
                                 .arg(labels.value(0).toHtmlEscaped()));
    m_thresholdRule->setTextFormat(Qt::RichText);
    auto big = [](const QString& name, double v) {
        return QStringLiteral(
                   "<span style='color:#5f6368'>%1</span><br>"
                   "<span style='font-size:16pt; font-weight:600'>%2</span>")
            .arg(name, QString::number(v, 'f', 3));
    };
    m_thresholdPrecision->setText(big(tr("Precision"), m->precision));
    m_thresholdRecall->setText(big(tr("Recall"), m->recall));
    m_thresholdF1->setText(big(tr("F1"), m->f1));
    const QLocale locale;
    QString counts = tr("%1 true positives, %2 false positives\n%3 false negatives, %4 "
                        "true negatives")
                         .arg(locale.toString(static_cast<qlonglong>(m->tp)),
                              locale.toString(static_cast<qlonglong>(m->fp)),
                              locale.toString(static_cast<qlonglong>(m->fn)),
                              locale.toString(static_cast<qlonglong>(m->tn)));
    // Precision of nothing predicted is 0 by convention (as scikit-learn's zero_division=0):
    // say so rather than let 0.000 look like a measurement.
    if (m->tp + m->fp == 0) {
        counts += tr("\nNo row reaches this threshold: precision counts as 0.");
    }
    m_thresholdCounts->setText(counts);
    // Move the operating point on both curves.
    const double negatives = static_cast<double>(m->fp + m->tn);
    for (QCustomPlot* plot : {m_rocPlot, m_prPlot}) {
        for (int i = 0; i < plot->graphCount(); ++i) {
            QCPGraph* g = plot->graph(i);
            if (g->objectName() != QLatin1String("threshold")) continue;
            if (plot == m_rocPlot) {
                g->setData({negatives > 0 ? static_cast<double>(m->fp) / negatives : 0.0},
                           {m->recall}, true);
            } else if (m->tp + m->fp > 0) {
                g->setData({m->recall}, {m->precision}, true);
            } else {
                g->data()->clear();
            }
            g->setName(tr("threshold %1").arg(m->threshold, 0, 'f', 2));
        }
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

// --- comparing runs ---------------------------------------------------------------------

void EvaluatePage::fillCompareRuns() {
    QSet<qint64> checked;
    for (int i = 0; i < m_compareRuns->count(); ++i) {
        if (m_compareRuns->item(i)->checkState() == Qt::Checked) {
            checked.insert(m_compareRuns->item(i)->data(Qt::UserRole).toLongLong());
        }
    }
    const bool first = m_compareRuns->count() == 0;
    const QSignalBlocker block(m_compareRuns);
    m_compareRuns->clear();
    int autoChecked = 0;
    for (auto it = m_listing.runs.rbegin(); it != m_listing.runs.rend(); ++it) {
        const bool evaluated =
            std::any_of(m_listing.evaluations.begin(), m_listing.evaluations.end(),
                        [&it](const EvaluationSummary& e) { return e.runId == it->id; });
        auto* item =
            new QListWidgetItem(tr("#%1 %2").arg(it->id).arg(QString::fromStdString(it->name)) +
                                (evaluated ? QString() : tr(" (not evaluated)")));
        item->setData(Qt::UserRole, QVariant::fromValue<qlonglong>(it->id));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        // First time: tick the evaluated runs (newest five).
        const bool tick = first ? evaluated && autoChecked < 5 : checked.contains(it->id);
        if (tick) ++autoChecked;
        item->setCheckState(tick ? Qt::Checked : Qt::Unchecked);
        if (!evaluated) item->setForeground(QColor(0x80, 0x86, 0x8b));
        m_compareRuns->addItem(item);
    }
    m_compareDirty = true;
}

void EvaluatePage::compareSelectedRuns() {
    QList<qint64> ids;
    for (int i = 0; i < m_compareRuns->count(); ++i) {
        if (m_compareRuns->item(i)->checkState() == Qt::Checked) {
            ids << m_compareRuns->item(i)->data(Qt::UserRole).toLongLong();
        }
    }
    if (m_projectDir.isEmpty() || ids.isEmpty()) {
        m_comparison.reset();
        m_compareModel->clear();
        m_differingModel->clear();
        plots::curveOverlay(m_comparePlot, tr("ROC curves of the runs"), {},
                            tr("False positive rate"), tr("True positive rate"));
        m_compareHint->setText(tr("Tick at least one run to compare."));
        m_compareDirty = false;
        return;
    }
    std::sort(ids.begin(), ids.end());
    m_compareDirty = false;
    m_compareJob = m_nextJob++;
    m_compareHint->setText(tr("Comparing…"));
    Q_EMIT compareRequested(m_compareJob, m_projectDir, ids);
}

void EvaluatePage::onCompared(qint64 jobId, const RunComparison& comparison) {
    if (jobId != m_compareJob) return;
    m_compareJob = 0;
    m_comparison = comparison;
    m_compareHint->setText(
        tr("Each run is shown by its latest evaluation. Metrics of runs evaluated on different "
           "parts or splits are not comparable. ROC: the positive class for two classes, the "
           "micro average for more; ROC AUC: binary, or one-vs-rest macro."));
    const json& runs = comparison.table.value("runs", json::array());

    // Metric columns: the usual ones first, then whatever else the runs report.
    std::vector<std::string> keys{"accuracy", "f1_macro", "roc_auc", "log_loss"};
    for (const json& r : runs) {
        const json metrics = r.value("metrics", json::object());
        for (const auto& [k, v] : metrics.items()) {
            if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
        }
    }
    keys.erase(std::remove_if(keys.begin(), keys.end(),
                              [&runs](const std::string& k) {
                                  return std::none_of(
                                      runs.begin(), runs.end(), [&k](const json& r) {
                                          return r.value("metrics", json::object()).contains(k);
                                      });
                              }),
               keys.end());
    m_compareModel->clear();
    QStringList headers{tr("Name"), tr("Run"), tr("Status"), tr("Evaluation")};
    for (const std::string& k : keys) headers << metricTitle(k);
    m_compareModel->setHorizontalHeaderLabels(headers);
    for (const json& r : runs) {
        QList<QStandardItem*> row{
            textItem(QString::fromStdString(r.value("name", std::string()))),
            countItem(r.value("run", int64_t(0))),
            textItem(QString::fromStdString(r.value("status", std::string())))};
        const json& evaluation = r.value("evaluation", json());
        row << (evaluation.is_number() ? countItem(evaluation.get<int64_t>())
                                       : textItem(tr("not evaluated")));
        const json& metrics = r.value("metrics", json::object());
        for (const std::string& k : keys) row << numberItem(optNum(metrics.value(k, json())));
        m_compareModel->appendRow(row);
    }

    m_differingModel->clear();
    QStringList diffHeaders{tr("Setting")};
    for (const json& r : runs) diffHeaders << tr("#%1").arg(r.value("run", int64_t(0)));
    m_differingModel->setHorizontalHeaderLabels(diffHeaders);
    const json differing = comparison.table.value("differing", json::object());
    for (const auto& [key, values] : differing.items()) {
        QList<QStandardItem*> row{textItem(QString::fromStdString(key))};
        for (const json& v : values) {
            row << textItem(v.is_string() ? QString::fromStdString(v.get<std::string>())
                                          : QString::fromStdString(v.dump()));
        }
        m_differingModel->appendRow(row);
    }
    if (m_differingModel->rowCount() == 0 && runs.size() > 1) {
        m_differingModel->appendRow({textItem(tr("(the runs share every setting)"))});
    }

    // ROC curves of the runs, overlaid.
    std::vector<plots::CurveData> curves = comparison.curves;
    for (plots::CurveData& c : curves) c.name = tr("#%1 %2").arg(c.cls).arg(c.name);
    plots::curveOverlay(m_comparePlot, tr("ROC curves of the runs"), curves,
                        tr("False positive rate"), tr("True positive rate"));
    Q_EMIT comparisonShown();
}

}  // namespace ft::ui
