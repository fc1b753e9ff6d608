#include "cleaningpanel.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "error.h"
#include "jobcontroller.h"

Q_LOGGING_CATEGORY(lcCleaning, "ft.ui.cleaning", QtInfoMsg)

namespace ft::ui {
namespace {

constexpr int StepRole = Qt::UserRole + 1;

struct StepText {
    data::Step step;
    const char* title;
    const char* help;
};

// In run order (the order of data::Step).
const StepText kSteps[] = {
    {data::Step::Unicode,
     QT_TRANSLATE_NOOP("ft::ui::CleaningPanel", "Normalize Unicode and whitespace"),
     QT_TRANSLATE_NOOP(
         "ft::ui::CleaningPanel",
         "NFC or NFKC normal form; runs of spaces, tabs and newlines become one space")},
    {data::Step::Html, QT_TRANSLATE_NOOP("ft::ui::CleaningPanel", "Unescape HTML entities"),
     QT_TRANSLATE_NOOP("ft::ui::CleaningPanel", "&amp; → &, &lt; → <, &#39; → '")},
    {data::Step::Urls, QT_TRANSLATE_NOOP("ft::ui::CleaningPanel", "Strip URLs"),
     QT_TRANSLATE_NOOP("ft::ui::CleaningPanel", "Removes http://…, https://… and www.… links")},
    {data::Step::Emails, QT_TRANSLATE_NOOP("ft::ui::CleaningPanel", "Strip e-mail addresses"),
     QT_TRANSLATE_NOOP("ft::ui::CleaningPanel", "Removes name@example.com")},
    {data::Step::Contractions, QT_TRANSLATE_NOOP("ft::ui::CleaningPanel", "Expand contractions"),
     QT_TRANSLATE_NOOP("ft::ui::CleaningPanel", "English: don't → do not, I'm → I am")},
    {data::Step::Lowercase, QT_TRANSLATE_NOOP("ft::ui::CleaningPanel", "Lowercase"),
     QT_TRANSLATE_NOOP("ft::ui::CleaningPanel",
                       "Only for uncased models; cased models use the capitals")},
    {data::Step::Special, QT_TRANSLATE_NOOP("ft::ui::CleaningPanel", "Remove special characters"),
     QT_TRANSLATE_NOOP("ft::ui::CleaningPanel", "Symbols and control characters")},
    {data::Step::Punctuation, QT_TRANSLATE_NOOP("ft::ui::CleaningPanel", "Remove punctuation"),
     QT_TRANSLATE_NOOP("ft::ui::CleaningPanel", "Usually hurts transformer models")},
    {data::Step::StopWords, QT_TRANSLATE_NOOP("ft::ui::CleaningPanel", "Remove stop words"),
     QT_TRANSLATE_NOOP("ft::ui::CleaningPanel",
                       "Words such as 'the', 'and', 'is' (editable list); usually hurts "
                       "transformer models")},
    {data::Step::DropEmpty, QT_TRANSLATE_NOOP("ft::ui::CleaningPanel", "Drop empty rows"),
     QT_TRANSLATE_NOOP("ft::ui::CleaningPanel", "Rows with no text left after the steps above")},
    {data::Step::DropDuplicates, QT_TRANSLATE_NOOP("ft::ui::CleaningPanel", "Drop duplicates"),
     QT_TRANSLATE_NOOP("ft::ui::CleaningPanel",
                       "Keeps the first of identical texts (before and after cleaning); "
                       "duplicates with different labels are listed in the report")},
};

const std::set<data::Step> kRecommended{data::Step::Html, data::Step::DropEmpty,
                                        data::Step::DropDuplicates};

QString number(int64_t n) { return QLocale().toString(static_cast<qlonglong>(n)); }

}  // namespace

CleaningPanel::CleaningPanel(JobController* jobs, QWidget* parent)
    : QWidget(parent),
      m_jobs(jobs),
      m_steps(new QListWidget),
      m_unicodeForm(new QComboBox),
      m_stopWordsButton(new QPushButton(tr("Edit stop words…"))),
      m_recommended(new QPushButton(tr("Recommended"))),
      m_apply(new QPushButton(tr("Apply cleaning"))),
      m_previewCaption(new QLabel),
      m_preview(new QTableWidget),
      m_report(new QLabel),
      m_conflicts(new QTableWidget),
      m_previewTimer(new QTimer(this)) {
    setObjectName(QStringLiteral("cleaningPanel"));

    auto* note = new QLabel(
        tr("Transformer models usually do best on raw text: their tokenizers handle case, "
           "punctuation and stop words. Clean only what is noise (URLs, HTML, duplicates)."));
    note->setObjectName(QStringLiteral("cleaningNote"));
    note->setWordWrap(true);
    note->setProperty("role", QStringLiteral("note"));

    m_steps->setObjectName(QStringLiteral("cleaningSteps"));
    m_steps->setAlternatingRowColors(false);
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setFocusPolicy(Qt::NoFocus);
    for (const StepText& s : kSteps) {
        auto* item = new QListWidgetItem(tr(s.title));
        item->setData(StepRole, static_cast<int>(s.step));
        item->setToolTip(tr(s.help));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(kRecommended.count(s.step) ? Qt::Checked : Qt::Unchecked);
        m_steps->addItem(item);
    }
    const int rowHeight = m_steps->sizeHintForRow(0);
    m_steps->setFixedHeight(rowHeight * m_steps->count() + 2 * m_steps->frameWidth() + 4);

    m_unicodeForm->setObjectName(QStringLiteral("cleaningUnicodeForm"));
    m_unicodeForm->addItem(tr("NFKC (compatibility: ﬁ → fi, ² → 2)"), QStringLiteral("NFKC"));
    m_unicodeForm->addItem(tr("NFC (canonical only)"), QStringLiteral("NFC"));
    m_stopWordsButton->setObjectName(QStringLiteral("cleaningStopWordsButton"));
    m_recommended->setObjectName(QStringLiteral("cleaningRecommendedButton"));
    m_recommended->setToolTip(tr("HTML entities, empty rows and duplicates only"));
    m_apply->setObjectName(QStringLiteral("cleaningApplyButton"));
    m_apply->setProperty("primary", true);
    m_apply->setToolTip(
        tr("Clean every row of the dataset with the checked steps. The raw "
           "text is kept, so you can clean again with other steps."));

    auto* unicodeRow = new QHBoxLayout;
    unicodeRow->addWidget(new QLabel(tr("Unicode form:")));
    unicodeRow->addWidget(m_unicodeForm, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_recommended);
    buttons->addWidget(m_stopWordsButton);
    buttons->addStretch();
    auto* applyRow = new QHBoxLayout;
    applyRow->addStretch();
    applyRow->addWidget(m_apply);

    auto* stepsBox = new QGroupBox(tr("Steps, in the order they run"));
    auto* stepsLayout = new QVBoxLayout(stepsBox);
    stepsLayout->addWidget(m_steps);
    stepsLayout->addLayout(unicodeRow);
    stepsLayout->addLayout(buttons);
    stepsLayout->addLayout(applyRow);

    m_previewCaption->setObjectName(QStringLiteral("cleaningPreviewCaption"));
    m_previewCaption->setWordWrap(true);
    m_previewCaption->setProperty("role", QStringLiteral("hint"));
    m_preview->setObjectName(QStringLiteral("cleaningPreview"));
    m_preview->setColumnCount(2);
    m_preview->setHorizontalHeaderLabels({tr("Before"), tr("After")});
    m_preview->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_preview->verticalHeader()->setVisible(false);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setWordWrap(false);
    m_preview->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto* previewBox = new QGroupBox(tr("Preview"));
    auto* previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_previewCaption);
    previewLayout->addWidget(m_preview, 1);

    m_report->setObjectName(QStringLiteral("cleaningReport"));
    m_report->setWordWrap(true);
    m_report->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_conflicts->setObjectName(QStringLiteral("cleaningConflicts"));
    m_conflicts->setColumnCount(3);
    m_conflicts->setHorizontalHeaderLabels({tr("Duplicate text"), tr("Rows"), tr("Labels")});
    m_conflicts->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_conflicts->verticalHeader()->setVisible(false);
    m_conflicts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_conflicts->setMaximumHeight(160);
    m_conflicts->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(10);
    layout->addWidget(note);
    layout->addWidget(stepsBox);
    layout->addWidget(previewBox, 1);
    layout->addWidget(m_report);
    layout->addWidget(m_conflicts);

    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(250);
    connect(m_previewTimer, &QTimer::timeout, this, &CleaningPanel::startPreview);
    connect(m_steps, &QListWidget::itemChanged, this, &CleaningPanel::schedulePreview);
    connect(m_unicodeForm, &QComboBox::currentIndexChanged, this, &CleaningPanel::schedulePreview);
    connect(m_recommended, &QPushButton::clicked, this, &CleaningPanel::resetToRecommended);
    connect(m_stopWordsButton, &QPushButton::clicked, this, &CleaningPanel::editStopWords);
    connect(m_apply, &QPushButton::clicked, this, &CleaningPanel::startApply);

    connect(m_jobs, &JobController::cleaningPreviewed, this,
            [this](qint64 jobId, const std::vector<data::PreviewRow>& rows) {
                if (jobId == m_previewJob) showPreview(rows);
            });
    connect(m_jobs, &JobController::cleaningFinished, this,
            [this](qint64 jobId, const data::CleaningReport& report) {
                if (jobId != m_applyJob) return;
                showReport(report);
                Q_EMIT cleaningApplied(report);
            });
    connect(m_jobs, &JobController::jobFailed, this,
            [this](qint64 jobId, const QString& message, int) {
                if (jobId == m_previewJob) {
                    m_previewCaption->setText(tr("The preview failed: %1").arg(message));
                } else if (jobId == m_applyJob) {
                    m_report->setProperty("role", QStringLiteral("error"));
                    m_report->setText(tr("Cleaning failed; the dataset is unchanged. %1")
                                          .arg(message.toHtmlEscaped()));
                    m_report->style()->polish(m_report);
                }
            });
    connect(m_jobs, &JobController::jobCancelled, this, [this](qint64 jobId) {
        if (jobId == m_applyJob) m_report->setText(tr("Cleaning cancelled; nothing changed."));
    });
    connect(m_jobs, &JobController::jobEnded, this, [this](qint64 jobId) {
        if (jobId == m_previewJob) m_previewJob = 0;
        if (jobId == m_applyJob) m_applyJob = 0;
        updateButtons();
    });
    updateButtons();
}

void CleaningPanel::setDataset(const QString& projectDir, const std::string& pipelineJson,
                               int64_t datasetId) {
    if (projectDir == m_projectDir && datasetId == m_datasetId && datasetId != 0) {
        // The same dataset, re-read after a change: keep the steps and the report.
        schedulePreview();
        return;
    }
    m_projectDir = projectDir;
    m_datasetId = datasetId;
    m_previewJob = 0;
    m_applyJob = 0;
    m_report->clear();
    m_report->setProperty("role", QVariant());
    m_conflicts->hide();
    m_preview->setRowCount(0);
    bool loaded = false;
    if (!pipelineJson.empty()) {
        try {
            setPipeline(data::Pipeline::fromJson(pipelineJson));
            m_report->setText(
                tr("The dataset was cleaned with the checked steps. Apply again "
                   "to clean with other steps (from the raw text)."));
            loaded = true;
        } catch (const Error& e) {
            qCWarning(lcCleaning).noquote()
                << "the saved cleaning pipeline is unreadable:" << e.what();
        }
    }
    if (!loaded) {
        const QSignalBlocker block(m_steps);
        resetToRecommended();
    }
    updateButtons();
    startPreview();
}

data::Pipeline CleaningPanel::pipeline() const {
    data::Pipeline p;
    for (int i = 0; i < m_steps->count(); ++i) {
        const QListWidgetItem* item = m_steps->item(i);
        if (item->checkState() == Qt::Checked) {
            p.steps.push_back(static_cast<data::Step>(item->data(StepRole).toInt()));
        }
    }
    p.unicodeForm = m_unicodeForm->currentData().toString().toStdString();
    p.stopWords = m_stopWords;
    return p;
}

void CleaningPanel::setPipeline(const data::Pipeline& pipeline) {
    {
        const QSignalBlocker block(m_steps);
        const std::set<data::Step> on(pipeline.steps.begin(), pipeline.steps.end());
        for (int i = 0; i < m_steps->count(); ++i) {
            QListWidgetItem* item = m_steps->item(i);
            const auto step = static_cast<data::Step>(item->data(StepRole).toInt());
            item->setCheckState(on.count(step) ? Qt::Checked : Qt::Unchecked);
        }
    }
    const QSignalBlocker block(m_unicodeForm);
    const int form = m_unicodeForm->findData(QString::fromStdString(pipeline.unicodeForm));
    m_unicodeForm->setCurrentIndex(form < 0 ? 0 : form);
    m_stopWords = pipeline.stopWords;
    schedulePreview();
}

void CleaningPanel::resetToRecommended() {
    data::Pipeline p;
    p.steps.assign(kRecommended.begin(), kRecommended.end());
    p.stopWords = m_stopWords;
    setPipeline(p);
}

void CleaningPanel::editStopWords() {
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("stopWordsDialog"));
    dialog.setWindowTitle(tr("Stop words"));
    auto* hint = new QLabel(tr("One word per line. Matching ignores case."));
    auto* edit = new QPlainTextEdit;
    edit->setObjectName(QStringLiteral("stopWordsEdit"));
    const std::set<std::string>& current =
        m_stopWords.empty() ? data::defaultStopWords() : m_stopWords;
    QStringList lines;
    for (const auto& w : current) lines << QString::fromStdString(w);
    edit->setPlainText(lines.join(QLatin1Char('\n')));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QPushButton* reset = buttons->addButton(tr("Built-in list"), QDialogButtonBox::ResetRole);
    connect(reset, &QPushButton::clicked, edit, [edit] {
        QStringList words;
        for (const auto& w : data::defaultStopWords()) words << QString::fromStdString(w);
        edit->setPlainText(words.join(QLatin1Char('\n')));
    });
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(hint);
    layout->addWidget(edit);
    layout->addWidget(buttons);
    dialog.resize(320, 420);
    if (dialog.exec() != QDialog::Accepted) return;

    std::set<std::string> words;
    for (const QString& line : edit->toPlainText().split(QLatin1Char('\n'))) {
        const QString w = line.trimmed().toLower();
        if (!w.isEmpty()) words.insert(w.toStdString());
    }
    m_stopWords = words == data::defaultStopWords() ? std::set<std::string>{} : words;
    schedulePreview();
}

void CleaningPanel::schedulePreview() {
    if (m_datasetId != 0) m_previewTimer->start();
}

void CleaningPanel::startPreview() {
    if (m_datasetId == 0) return;
    m_previewCaption->setText(tr("Computing the preview…"));
    m_previewJob =
        m_jobs->startCleaningPreview(m_projectDir, m_datasetId, pipeline(), kPreviewRows);
}

void CleaningPanel::showPreview(const std::vector<data::PreviewRow>& rows) {
    const QColor changed(0xfe, 0xf7, 0xe0);
    const QColor droppedColor(0x9a, 0xa0, 0xa6);
    int changedCount = 0;
    int droppedCount = 0;
    m_preview->setRowCount(static_cast<int>(rows.size()));
    for (size_t i = 0; i < rows.size(); ++i) {
        const data::PreviewRow& r = rows[i];
        auto* before = new QTableWidgetItem(QString::fromStdString(r.before));
        auto* after =
            new QTableWidgetItem(r.dropped ? tr("(dropped)") : QString::fromStdString(r.after));
        before->setToolTip(before->text());
        after->setToolTip(QString::fromStdString(r.after));
        if (r.dropped) {
            ++droppedCount;
            QFont font = before->font();
            font.setStrikeOut(true);
            before->setFont(font);
            QFont italic = after->font();
            italic.setItalic(true);
            after->setFont(italic);
            before->setForeground(droppedColor);
            after->setForeground(droppedColor);
        } else if (r.before != r.after) {
            ++changedCount;
            before->setBackground(changed);
            after->setBackground(changed);
        }
        m_preview->setItem(static_cast<int>(i), 0, before);
        m_preview->setItem(static_cast<int>(i), 1, after);
    }
    m_previewCaption->setText(
        tr("First %1 rows: %2 changed (highlighted), %3 dropped (struck through).")
            .arg(rows.size())
            .arg(changedCount)
            .arg(droppedCount));
}

void CleaningPanel::startApply() {
    if (m_datasetId == 0 || m_applyJob != 0) return;
    m_report->setProperty("role", QVariant());
    m_report->setText(tr("Cleaning…"));
    m_conflicts->hide();
    m_applyJob = m_jobs->startCleaning(m_projectDir, m_datasetId, pipeline());
    updateButtons();
}

void CleaningPanel::showReport(const data::CleaningReport& report) {
    m_report->setProperty("role", QStringLiteral("ok"));
    m_report->style()->polish(m_report);
    QString text = tr("<b>Cleaned %1 rows:</b> %2 changed, %3 dropped as empty, %4 dropped as "
                      "duplicates.")
                       .arg(number(report.rows), number(report.changed),
                            number(report.droppedEmpty), number(report.droppedDuplicates));
    if (!report.conflicts.empty()) {
        text += QLatin1Char(' ') +
                tr("%n group(s) of duplicates disagree on the label (listed below): the first "
                   "row of each was kept.",
                   nullptr, static_cast<int>(report.conflicts.size()));
    }
    m_report->setText(text);
    m_conflicts->setRowCount(static_cast<int>(report.conflicts.size()));
    for (size_t i = 0; i < report.conflicts.size(); ++i) {
        const data::DuplicateConflict& c = report.conflicts[i];
        QStringList ids;
        for (int64_t id : c.rowIds) ids << QString::number(id);
        QStringList labels;
        for (const auto& l : c.labels) labels << QString::fromStdString(l);
        const int row = static_cast<int>(i);
        m_conflicts->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(c.text)));
        m_conflicts->setItem(row, 1, new QTableWidgetItem(ids.join(QStringLiteral(", "))));
        m_conflicts->setItem(row, 2, new QTableWidgetItem(labels.join(QStringLiteral(", "))));
    }
    m_conflicts->setVisible(!report.conflicts.empty());
}

void CleaningPanel::updateButtons() {
    const bool ready = m_datasetId != 0;
    m_apply->setEnabled(ready && m_applyJob == 0);
    m_steps->setEnabled(ready);
}

}  // namespace ft::ui
