#include "guidedtour.h"

#include <algorithm>

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

#include "appsettings.h"

namespace ft::ui {
namespace {

constexpr int kArrow = 10;  // the width of the pointer towards the navigation entry
constexpr int kWidth = 380;

}  // namespace

GuidedTour::GuidedTour(QWidget* host, QListWidget* navigation, std::function<void(int)> showStage)
    : QFrame(host),
      m_host(host),
      m_nav(navigation),
      m_showStage(std::move(showStage)),
      m_counter(new QLabel),
      m_title(new QLabel),
      m_body(new QLabel),
      m_back(new QPushButton(tr("Back"))),
      m_next(new QPushButton(tr("Next"))),
      m_skip(new QPushButton(tr("Skip tour"))),
      m_escape(new QShortcut(QKeySequence(Qt::Key_Escape), host)) {
    setObjectName(QStringLiteral("guidedTour"));
    setAttribute(Qt::WA_StyledBackground, false);
    setFixedWidth(kWidth + kArrow);

    m_steps = {
        {tr("Prepare data"),
         tr("Everything starts with labelled text. Import a CSV, TSV, JSON or JSONL file "
            "with <b>Import data</b>, correct labels right in the table, then use the "
            "<b>Clean</b> and <b>Split</b> tabs. The sample project is imported and split "
            "already.")},
        {tr("Select model"),
         tr("Pick the pre-trained model to fine-tune: a small built-in one to try things "
            "out, a checkpoint folder, or a model from your Hugging Face cache. The "
            "tokenizer preview shows how your texts are cut into tokens, and "
            "<b>Measure speed</b> estimates the training time.")},
        {tr("Fine-tune"),
         tr("Choose a preset or adjust the hyperparameters, then click <b>Start</b>. Loss "
            "and accuracy curves update live; you can pause, stop and resume a run, and "
            "compare it with earlier ones.")},
        {tr("Evaluate"),
         tr("Choose a trained run and click <b>Evaluate</b> to score it on the test split: "
            "metrics with confidence intervals, the confusion matrix and its rows, ROC and "
            "PR curves, and simple baselines the model has to beat.")},
        {tr("Deploy"),
         tr("Click <b>Export</b> to write the run as a verified Hugging Face folder with a "
            "model card. Serve it with <tt>finetune serve</tt> or load it in any tool that "
            "reads Hugging Face checkpoints. Reopen this tour from <b>Help → Guided "
            "tour</b>.")},
    };

    m_counter->setObjectName(QStringLiteral("tourCounter"));
    m_counter->setProperty("role", QStringLiteral("hint"));
    m_title->setObjectName(QStringLiteral("tourTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_body->setObjectName(QStringLiteral("tourBody"));
    m_body->setWordWrap(true);
    m_body->setTextFormat(Qt::RichText);
    m_back->setObjectName(QStringLiteral("tourBack"));
    m_next->setObjectName(QStringLiteral("tourNext"));
    m_next->setProperty("primary", true);
    m_next->setDefault(true);
    m_skip->setObjectName(QStringLiteral("tourSkip"));
    m_skip->setFlat(true);
    m_skip->setToolTip(tr("Close the tour; Help → Guided tour opens it again (Esc)"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_skip);
    buttons->addStretch();
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(kArrow + 16, 14, 16, 14);
    layout->setSpacing(8);
    layout->addWidget(m_counter);
    layout->addWidget(m_title);
    layout->addWidget(m_body);
    layout->addSpacing(4);
    layout->addLayout(buttons);

    connect(m_back, &QPushButton::clicked, this, &GuidedTour::back);
    connect(m_next, &QPushButton::clicked, this, &GuidedTour::next);
    connect(m_skip, &QPushButton::clicked, this, &GuidedTour::dismiss);
    m_escape->setContext(Qt::WindowShortcut);
    m_escape->setEnabled(false);
    connect(m_escape, &QShortcut::activated, this, &GuidedTour::dismiss);

    m_host->installEventFilter(this);
    hide();
}

void GuidedTour::start() { showStep(0); }

void GuidedTour::showStep(int index) {
    if (index < 0 || index >= stepCount()) return;
    m_step = index;
    const Step& s = m_steps.at(index);
    m_counter->setText(tr("Step %1 of %2").arg(index + 1).arg(stepCount()));
    m_title->setText(s.title);
    m_body->setText(s.body);
    m_back->setEnabled(index > 0);
    const bool last = index == stepCount() - 1;
    m_next->setText(last ? tr("Done") : tr("Next"));
    m_next->setToolTip(last ? tr("Close the tour") : tr("Go to %1").arg(m_steps[index + 1].title));
    if (m_showStage) m_showStage(index);
    m_escape->setEnabled(true);
    show();
    raise();
    place();
    m_next->setFocus();
    Q_EMIT stepChanged(index);
}

void GuidedTour::next() {
    if (m_step < 0) return;
    if (m_step + 1 >= stepCount()) {
        dismiss();
    } else {
        showStep(m_step + 1);
    }
}

void GuidedTour::back() {
    if (m_step > 0) showStep(m_step - 1);
}

void GuidedTour::dismiss() {
    AppSettings::setTourShown(true);
    if (m_step < 0) return;
    m_step = -1;
    m_escape->setEnabled(false);
    hide();
    Q_EMIT dismissed();
}

bool GuidedTour::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_host && isVisible() &&
        (event->type() == QEvent::Resize || event->type() == QEvent::LayoutRequest)) {
        place();
    }
    return QFrame::eventFilter(watched, event);
}

// Beside the navigation, the arrow at the height of the step's entry.
void GuidedTour::place() {
    // The wrapped text's height at the panel's fixed width (sizeHint() wraps elsewhere).
    layout()->activate();
    resize(width(), layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                  : sizeHint().height());
    int targetY = m_host->height() / 3;
    int left = 220;
    if (m_nav && m_step >= 0 && m_step < m_nav->count()) {
        const QRect item = m_nav->visualItemRect(m_nav->item(m_step));
        const QPoint center =
            m_nav->viewport()->mapTo(m_host, QPoint(item.right(), item.center().y()));
        targetY = center.y();
        left = m_nav->mapTo(m_host, QPoint(m_nav->width(), 0)).x() + 4;
    }
    const int top = std::clamp(targetY - 36, 8, std::max(8, m_host->height() - height() - 8));
    move(left, top);
    m_arrowY = std::clamp(targetY - top, 18, std::max(18, height() - 18));
    update();
}

void GuidedTour::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette& p = palette();
    const QColor accent(0x1a, 0x73, 0xe8);
    QPainterPath path;
    const QRectF box = QRectF(rect()).adjusted(kArrow + 1, 1, -1, -1);
    path.addRoundedRect(box, 8, 8);
    QPainterPath arrow;
    arrow.moveTo(box.left() + 1, m_arrowY - kArrow);
    arrow.lineTo(1, m_arrowY);
    arrow.lineTo(box.left() + 1, m_arrowY + kArrow);
    arrow.closeSubpath();
    path = path.united(arrow);
    painter.setPen(QPen(accent, 2));
    painter.setBrush(p.color(QPalette::Base));
    painter.drawPath(path);
}

}  // namespace ft::ui
