#include "splitpanel.h"

#include <algorithm>

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include "error.h"
#include "jobcontroller.h"

Q_LOGGING_CATEGORY(lcSplit, "ft.ui.split", QtInfoMsg)

namespace ft::ui {
namespace {

QSpinBox* percentBox(const QString& name, int value) {
    auto* box = new QSpinBox;
    box->setObjectName(name);
    box->setRange(0, 100);
    box->setSuffix(QStringLiteral(" %"));
    box->setValue(value);
    box->setMinimumWidth(80);
    return box;
}

QString number(int64_t n) { return QLocale().toString(static_cast<qlonglong>(n)); }

}  // namespace

SplitPanel::SplitPanel(JobController* jobs, QWidget* parent)
    : QWidget(parent),
      m_jobs(jobs),
      m_train(percentBox(QStringLiteral("splitTrain"), 70)),
      m_validation(percentBox(QStringLiteral("splitValidation"), 15)),
      m_test(percentBox(QStringLiteral("splitTest"), 15)),
      m_sum(new QLabel),
      m_seed(new QSpinBox),
      m_stratified(new QCheckBox(tr("Stratified by label"))),
      m_splitButton(new QPushButton(tr("Split"))),
      m_status(new QLabel),
      m_error(new QLabel),
      m_counts(new QTableWidget),
      m_leakage(new QLabel),
      m_excluded(new QLabel) {
    setObjectName(QStringLiteral("splitPanel"));
    m_sum->setObjectName(QStringLiteral("splitSum"));
    m_seed->setObjectName(QStringLiteral("splitSeed"));
    m_seed->setRange(0, 999999999);
    m_seed->setValue(42);
    m_seed->setMaximumWidth(140);
    m_seed->setToolTip(tr("The same seed and data always give the same split."));
    m_stratified->setObjectName(QStringLiteral("splitStratified"));
    m_stratified->setChecked(true);
    m_stratified->setToolTip(
        tr("Every part gets the same share of each label as the whole "
           "dataset; recommended, above all for rare labels."));
    m_splitButton->setObjectName(QStringLiteral("splitButton"));
    m_splitButton->setProperty("primary", true);
    m_splitButton->setToolTip(tr("Split the labelled rows that are kept after cleaning"));
    m_status->setObjectName(QStringLiteral("splitStatus"));
    m_status->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("splitError"));
    m_error->setWordWrap(true);
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->hide();
    m_counts->setObjectName(QStringLiteral("splitCounts"));
    m_counts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_counts->setSelectionMode(QAbstractItemView::NoSelection);
    m_counts->verticalHeader()->setVisible(false);
    m_counts->setAlternatingRowColors(true);
    m_counts->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_leakage->setObjectName(QStringLiteral("splitLeakage"));
    m_leakage->setWordWrap(true);
    m_excluded->setObjectName(QStringLiteral("splitExcluded"));
    m_excluded->setWordWrap(true);

    auto* intro =
        new QLabel(tr("The model learns from <b>train</b>, is tuned on <b>validation</b> and is "
                      "judged once on <b>test</b>. Identical texts always stay in one part."));
    intro->setWordWrap(true);
    intro->setProperty("role", QStringLiteral("hint"));

    auto* ratios = new QHBoxLayout;
    ratios->setSpacing(12);
    for (auto [label, box] :
         {std::pair{tr("Train"), m_train}, std::pair{tr("Validation"), m_validation},
          std::pair{tr("Test"), m_test}}) {
        auto* cell = new QVBoxLayout;
        cell->setSpacing(2);
        auto* caption = new QLabel(label);
        caption->setBuddy(box);
        cell->addWidget(caption);
        cell->addWidget(box);
        ratios->addLayout(cell);
    }
    ratios->addStretch();

    auto* form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft);
    form->addRow(QString(), m_sum);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(QString(), m_stratified);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_splitButton);
    buttons->addWidget(m_status, 1);

    auto* options = new QGroupBox(tr("Parts"));
    auto* optionsLayout = new QVBoxLayout(options);
    optionsLayout->addLayout(ratios);
    optionsLayout->addLayout(form);
    optionsLayout->addLayout(buttons);
    optionsLayout->addWidget(m_error);

    auto* result = new QGroupBox(tr("Rows per part and label"));
    result->setObjectName(QStringLiteral("splitResult"));
    auto* resultLayout = new QVBoxLayout(result);
    resultLayout->addWidget(m_counts);
    resultLayout->addWidget(m_leakage);
    resultLayout->addWidget(m_excluded);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(10);
    layout->addWidget(intro);
    layout->addWidget(options);
    layout->addWidget(result);
    layout->addStretch(1);

    for (QSpinBox* box : {m_train, m_validation, m_test}) {
        connect(box, &QSpinBox::valueChanged, this, &SplitPanel::updateSum);
    }
    connect(m_splitButton, &QPushButton::clicked, this, &SplitPanel::startSplit);

    connect(m_jobs, &JobController::splitFinished, this,
            [this](qint64 jobId, const data::SplitReport& report) {
                if (jobId != m_jobId) return;
                showReport(report, true);
                m_status->setText(tr("Split saved."));
                Q_EMIT splitSaved(report);
            });
    connect(m_jobs, &JobController::jobFailed, this,
            [this](qint64 jobId, const QString& message, int) {
                if (jobId == m_jobId) showError(message);
            });
    connect(m_jobs, &JobController::jobCancelled, this, [this](qint64 jobId) {
        if (jobId == m_jobId) m_status->setText(tr("Split cancelled; nothing was saved."));
    });
    connect(m_jobs, &JobController::jobEnded, this, [this](qint64 jobId) {
        if (jobId != m_jobId) return;
        m_jobId = 0;
        updateSum();
    });

    clearResult();
    updateSum();
}

void SplitPanel::setDataset(const QString& projectDir, int64_t datasetId) {
    if (projectDir == m_projectDir && datasetId == m_datasetId && datasetId != 0) return;
    m_projectDir = projectDir;
    m_datasetId = datasetId;
    m_jobId = 0;
    m_status->clear();
    m_error->hide();
    clearResult();
    updateSum();
}

void SplitPanel::updateSum() {
    const int sum = m_train->value() + m_validation->value() + m_test->value();
    const bool ok = sum == 100 && m_train->value() > 0;
    if (sum != 100) {
        m_sum->setText(tr("Sum: %1 % — the parts must add up to 100 %").arg(sum));
    } else if (!ok) {
        m_sum->setText(tr("Sum: 100 % — but the train part cannot be empty"));
    } else {
        m_sum->setText(tr("Sum: 100 %"));
    }
    m_sum->setProperty("role", ok ? QStringLiteral("ok") : QStringLiteral("error"));
    m_sum->style()->unpolish(m_sum);
    m_sum->style()->polish(m_sum);
    m_splitButton->setEnabled(ok && m_datasetId != 0 && m_jobId == 0);
}

void SplitPanel::startSplit() {
    if (m_datasetId == 0 || m_jobId != 0) return;
    data::SplitOptions options;
    options.seed = static_cast<uint64_t>(m_seed->value());
    options.ratios = {m_train->value() / 100.0, m_validation->value() / 100.0,
                      m_test->value() / 100.0};
    options.stratify = m_stratified->isChecked();
    m_error->hide();
    m_status->setText(tr("Splitting…"));
    m_jobId = m_jobs->startSplit(m_projectDir, m_datasetId, options);
    updateSum();
}

void SplitPanel::clearResult() {
    m_shownSplitId = 0;
    m_counts->clear();
    m_counts->setRowCount(0);
    m_counts->setColumnCount(4);
    m_counts->setHorizontalHeaderLabels({tr("Label"), tr("Train"), tr("Validation"), tr("Test")});
    m_counts->hide();
    m_leakage->setText(tr("No split yet. Choose the parts above and press Split."));
    m_leakage->setProperty("role", QStringLiteral("hint"));
    m_excluded->clear();
    m_excluded->hide();
}

void SplitPanel::showStoredSplit(const data::SplitReport& counts) {
    if (m_jobId != 0 || counts.splitId == m_shownSplitId) return;
    showReport(counts, false);
}

void SplitPanel::showReport(const data::SplitReport& report, bool fresh) {
    m_shownSplitId = report.splitId;
    const data::PartCounts* parts[] = {&report.train, &report.validation, &report.test};
    const auto& labels = report.train.perLabel;
    m_counts->clear();
    m_counts->setColumnCount(5);
    m_counts->setHorizontalHeaderLabels(
        {tr("Label"), tr("Train"), tr("Validation"), tr("Test"), tr("Total")});
    m_counts->setRowCount(static_cast<int>(labels.size()) + 1);
    auto setCell = [this](int row, int column, const QString& text, bool bold) {
        auto* item = new QTableWidgetItem(text);
        if (column > 0) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (bold) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
        m_counts->setItem(row, column, item);
    };
    for (size_t i = 0; i < labels.size(); ++i) {
        const int row = static_cast<int>(i);
        setCell(row, 0, QString::fromStdString(labels[i].first), false);
        int64_t total = 0;
        for (int p = 0; p < 3; ++p) {
            const int64_t n = i < parts[p]->perLabel.size() ? parts[p]->perLabel[i].second : 0;
            total += n;
            setCell(row, p + 1, number(n), false);
        }
        setCell(row, 4, number(total), false);
    }
    const int totalRow = static_cast<int>(labels.size());
    setCell(totalRow, 0, tr("All labels"), true);
    for (int p = 0; p < 3; ++p) setCell(totalRow, p + 1, number(parts[p]->total), true);
    setCell(totalRow, 4, number(report.train.total + report.validation.total + report.test.total),
            true);
    m_counts->show();
    m_counts->setFixedHeight(m_counts->horizontalHeader()->sizeHint().height() +
                             m_counts->verticalHeader()->defaultSectionSize() *
                                 std::min(m_counts->rowCount(), 12) +
                             2 * m_counts->frameWidth() + 2);
    m_counts->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 5; ++c) {
        m_counts->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    }

    if (fresh) {
        if (report.textsInTwoParts == 0) {
            m_leakage->setText(
                tr("✔ No text appears in two parts — %n duplicate group(s) kept "
                   "together.",
                   nullptr, static_cast<int>(report.duplicateGroups)));
            m_leakage->setProperty("role", QStringLiteral("ok"));
        } else {
            m_leakage->setText(tr("✘ %n text(s) appear in two parts.", nullptr,
                                  static_cast<int>(report.textsInTwoParts)));
            m_leakage->setProperty("role", QStringLiteral("error"));
        }
        QStringList excluded;
        if (report.excludedUnlabelled > 0) {
            excluded << tr("%1 unlabelled").arg(number(report.excludedUnlabelled));
        }
        if (report.excludedDropped > 0) {
            excluded << tr("%1 dropped by cleaning").arg(number(report.excludedDropped));
        }
        m_excluded->setText(excluded.isEmpty()
                                ? tr("Every labelled row is in the split.")
                                : tr("Not in the split: %1 rows.").arg(excluded.join(tr(", "))));
        m_excluded->show();
    } else {
        m_leakage->setText(tr("The dataset's saved split. Split again to replace it."));
        m_leakage->setProperty("role", QStringLiteral("hint"));
        m_excluded->hide();
    }
    m_leakage->style()->unpolish(m_leakage);
    m_leakage->style()->polish(m_leakage);
}

void SplitPanel::showError(const QString& message) {
    qCWarning(lcSplit).noquote() << "split refused:" << message;
    m_status->setText(tr("Nothing was saved."));
    m_error->setText(message);
    m_error->show();
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("The dataset cannot be split"),
                        tr("The split was refused and nothing was saved."), QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("splitErrorBox"));
    box->setInformativeText(message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

}  // namespace ft::ui
