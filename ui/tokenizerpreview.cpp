#include "tokenizerpreview.h"

#include <algorithm>
#include <exception>
#include <string>

#include <QCheckBox>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QMouseEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QTextDocument>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "text/tokenizer.h"
#include "theme.h"

Q_LOGGING_CATEGORY(lcTokenizerPreview, "ft.ui.tokenizer", QtInfoMsg)

namespace ft::ui {

namespace {

constexpr int kPadX = 4;
constexpr int kPadY = 2;
constexpr int kGapX = 2;
constexpr int kGapY = 4;
constexpr int kMargin = 4;

// Soft backgrounds that alternate between neighbouring text pieces (red is kept for
// unknown tokens, grey for special ones).
const QColor kPieceColors[] = {QColor(0xd2, 0xe3, 0xfc), QColor(0xce, 0xea, 0xd6),
                               QColor(0xfe, 0xef, 0xc3), QColor(0xe8, 0xd7, 0xf7),
                               QColor(0xc8, 0xec, 0xec)};

QString sliceOf(const QList<uint>& codePoints, uint32_t begin, uint32_t end) {
    if (end <= begin || end > static_cast<uint32_t>(codePoints.size())) return {};
    return QString::fromUcs4(reinterpret_cast<const char32_t*>(codePoints.constData() + begin),
                             static_cast<qsizetype>(end - begin));
}

bool isSpecialId(const text::Tokenizer& tokenizer, int32_t id) {
    const auto& s = tokenizer.specialTokens();
    for (int32_t special : {s.clsId, s.sepId, s.padId, s.bosId, s.eosId, s.maskId})
        if (special >= 0 && id == special) return true;
    return false;
}

}  // namespace

PreviewEncoding encodeForPreview(const text::Tokenizer& tokenizer, const QString& text,
                                 const QString* pair, size_t maxLength) {
    PreviewEncoding out;
    try {
        const std::string a = text.toStdString();
        const std::string b = pair ? pair->toStdString() : std::string();
        text::EncodeOptions options;
        auto encode = [&] {
            return pair ? tokenizer.encode(a, b, options) : tokenizer.encode(a, options);
        };
        text::Encoding encoding = encode();
        out.untruncated = encoding.size();
        if (maxLength > 0 && encoding.size() > maxLength) {
            options.maxLength = maxLength;
            encoding = encode();
            out.truncated = true;
        }
        const QList<uint> first = text.toUcs4();
        const QList<uint> second = pair ? pair->toUcs4() : QList<uint>();
        const int32_t unk = tokenizer.unkId();
        out.tokens.reserve(encoding.size());
        for (size_t i = 0; i < encoding.size(); ++i) {
            PreviewToken t;
            t.id = encoding.ids[i];
            t.token = QString::fromStdString(encoding.tokens[i]);
            t.sequence = encoding.sequenceIds[i];
            if (unk >= 0 && t.id == unk) {
                t.kind = PreviewToken::Kind::Unknown;
                ++out.unknown;
            } else if (encoding.specialTokensMask[i] != 0 || isSpecialId(tokenizer, t.id)) {
                t.kind = PreviewToken::Kind::Special;
                ++out.special;
            }
            if (t.kind != PreviewToken::Kind::Special && t.sequence >= 0) {
                const auto& span = encoding.offsets[i];
                t.text = sliceOf(t.sequence == 1 ? second : first, span.begin, span.end);
            }
            if (t.text.isEmpty()) t.text = t.token;
            out.tokens.push_back(std::move(t));
        }
    } catch (const std::exception& e) {
        out = PreviewEncoding();
        out.error = QString::fromStdString(e.what());
    }
    return out;
}

TokenChips::TokenChips(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("tokenChips"));
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void TokenChips::setTokens(std::vector<PreviewToken> tokens) {
    m_tokens = std::move(tokens);
    m_hovered = -1;
    const int h = layoutChips(width(), &m_rects);
    setMinimumHeight(h);
    updateGeometry();
    update();
}

QString TokenChips::chipText(const PreviewToken& token) const {
    QString s = token.text;
    // Whitespace the tokenizer kept (byte-level BPE keeps the leading space) is shown,
    // otherwise a chip of a space would look empty.
    s.replace(QLatin1Char(' '), QChar(0x00b7));
    s.replace(QLatin1Char('\n'), QChar(0x21b5));
    s.replace(QLatin1Char('\t'), QChar(0x21e5));
    return s;
}

int TokenChips::layoutChips(int width, std::vector<QRect>* rects) const {
    const QFontMetrics fm(font());
    const int h = fm.height() + 2 * kPadY;
    const int right = std::max(width - kMargin, kMargin + 40);
    int x = kMargin, y = kMargin;
    if (rects) rects->clear();
    for (const auto& t : m_tokens) {
        const int w = std::min(fm.horizontalAdvance(chipText(t)) + 2 * kPadX, right - kMargin);
        if (x > kMargin && x + w > right) {
            x = kMargin;
            y += h + kGapY;
        }
        if (rects) rects->push_back(QRect(x, y, w, h));
        x += w + kGapX;
    }
    return m_tokens.empty() ? 2 * kMargin + h : y + h + kMargin;
}

int TokenChips::heightForWidth(int width) const { return layoutChips(width, nullptr); }

QSize TokenChips::sizeHint() const {
    const int w = width() > 0 ? width() : 400;
    return QSize(w, heightForWidth(w));
}

QSize TokenChips::minimumSizeHint() const { return QSize(80, QFontMetrics(font()).height() + 8); }

int TokenChips::tokenAt(const QPoint& pos) const {
    for (size_t i = 0; i < m_rects.size(); ++i)
        if (m_rects[i].contains(pos)) return static_cast<int>(i);
    return -1;
}

void TokenChips::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    const int h = layoutChips(width(), &m_rects);
    if (minimumHeight() != h) setMinimumHeight(h);
}

bool TokenChips::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int i = tokenAt(help->pos());
        if (i < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const PreviewToken& t = m_tokens[static_cast<size_t>(i)];
        QString kind;
        if (t.kind == PreviewToken::Kind::Special) kind = tr("special token");
        if (t.kind == PreviewToken::Kind::Unknown)
            kind = tr("unknown: the vocabulary has no piece for this text");
        QString tip = tr("<b>%1</b><br>id %2 · token %3 of %4")
                          .arg(t.token.toHtmlEscaped())
                          .arg(t.id)
                          .arg(i + 1)
                          .arg(m_tokens.size());
        if (!kind.isEmpty()) tip += QStringLiteral("<br>") + kind;
        QToolTip::showText(help->globalPos(), tip, this, m_rects[static_cast<size_t>(i)]);
        return true;
    }
    return QWidget::event(event);
}

void TokenChips::mouseMoveEvent(QMouseEvent* event) {
    const int i = tokenAt(event->position().toPoint());
    if (i != m_hovered) {
        m_hovered = i;
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void TokenChips::leaveEvent(QEvent* event) {
    m_hovered = -1;
    update();
    QWidget::leaveEvent(event);
}

void TokenChips::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    if (m_tokens.empty()) {
        p.setPen(QColor(0x80, 0x86, 0x8b));
        p.drawText(rect().adjusted(kMargin + kPadX, kMargin, -kMargin, -kMargin),
                   Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                   tr("The tokens appear here: one coloured piece per token, hover for its id."));
        return;
    }
    const QRect visible = rect();
    int piece = 0;
    for (size_t i = 0; i < m_tokens.size() && i < m_rects.size(); ++i) {
        const PreviewToken& t = m_tokens[i];
        const QRect r = m_rects[i];
        QColor fill, border = Qt::transparent, ink(0x20, 0x21, 0x24);
        Qt::PenStyle borderStyle = Qt::SolidLine;
        switch (t.kind) {
            case PreviewToken::Kind::Normal:
                fill = kPieceColors[piece++ % std::size(kPieceColors)];
                break;
            case PreviewToken::Kind::Special:
                fill = QColor(0xf1, 0xf3, 0xf4);
                border = QColor(0x9a, 0xa0, 0xa6);
                ink = QColor(0x5f, 0x63, 0x68);
                borderStyle = Qt::DashLine;
                break;
            case PreviewToken::Kind::Unknown:
                fill = QColor(0xfa, 0xd2, 0xcf);
                border = QColor(0xd9, 0x30, 0x25);
                ink = QColor(0xa5, 0x0e, 0x0e);
                break;
        }
        if (!r.intersects(visible)) continue;
        if (static_cast<int>(i) == m_hovered) border = QColor(0x1a, 0x73, 0xe8);
        p.setPen(border == Qt::transparent ? QPen(Qt::NoPen) : QPen(border, 1, borderStyle));
        p.setBrush(fill);
        p.drawRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
        p.setPen(ink);
        const QString s = p.fontMetrics().elidedText(chipText(t), Qt::ElideRight, r.width() - 2);
        p.drawText(r, Qt::AlignCenter, s);
    }
}

TokenizerPreview::TokenizerPreview(QWidget* parent)
    : QWidget(parent),
      m_reason(new QLabel),
      m_body(new QWidget),
      m_text(new QPlainTextEdit),
      m_pairToggle(new QCheckBox(tr("Second text (for pair tasks)"))),
      m_pair(new QPlainTextEdit),
      m_scroll(new QScrollArea),
      m_chips(new TokenChips),
      m_counts(new QLabel),
      m_truncated(new QLabel),
      m_ids(new QPlainTextEdit),
      m_debounce(new QTimer(this)) {
    setObjectName(QStringLiteral("tokenizerPreview"));
    m_reason->setObjectName(QStringLiteral("tokenizerReason"));
    m_reason->setProperty("role", QStringLiteral("hint"));
    m_reason->setWordWrap(true);
    m_reason->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    const int lineHeight = m_text->fontMetrics().lineSpacing();
    m_text->setObjectName(QStringLiteral("tokenizerText"));
    m_text->setPlaceholderText(tr("Type or paste a text to see how the model reads it"));
    m_text->setFixedHeight(lineHeight * 3 + 14);
    m_text->setTabChangesFocus(true);
    m_pair->setObjectName(QStringLiteral("tokenizerPair"));
    m_pair->setPlaceholderText(tr("The second text of a pair, e.g. a hypothesis or an answer"));
    m_pair->setFixedHeight(lineHeight * 2 + 14);
    m_pair->setTabChangesFocus(true);
    m_pair->hide();
    m_pairToggle->setObjectName(QStringLiteral("tokenizerPairToggle"));

    m_scroll->setObjectName(QStringLiteral("tokenizerChipsArea"));
    m_scroll->setWidget(m_chips);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setMinimumHeight(lineHeight * 4 + 30);
    m_scroll->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_scroll->setFrameShape(QFrame::StyledPanel);
    m_scroll->setStyleSheet(
        isDark(palette())
            ? QStringLiteral("QScrollArea#tokenizerChipsArea { background: #292a2d; border: 1px "
                             "solid #3c4043; border-radius: 4px; }"
                             "QScrollArea#tokenizerChipsArea > QWidget > QWidget { background: "
                             "#292a2d; }")
            : QStringLiteral("QScrollArea#tokenizerChipsArea { background: #f8f9fa; border: 1px "
                             "solid #e0e3e7; border-radius: 4px; }"
                             "QScrollArea#tokenizerChipsArea > QWidget > QWidget { background: "
                             "#f8f9fa; }"));
    m_chips->setAutoFillBackground(false);

    m_counts->setObjectName(QStringLiteral("tokenizerCounts"));
    m_counts->setTextFormat(Qt::RichText);
    m_truncated->setObjectName(QStringLiteral("tokenizerTruncated"));
    m_truncated->setWordWrap(true);
    m_truncated->setStyleSheet(QStringLiteral(
        "color: #7a4a00; background: #fef7e0; border: 1px solid #fde293; border-radius: 6px; "
        "padding: 6px 8px;"));
    m_truncated->hide();

    m_ids->setObjectName(QStringLiteral("tokenizerIds"));
    m_ids->setReadOnly(true);
    m_ids->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ids->setFixedHeight(m_ids->fontMetrics().lineSpacing() * 3 +
                          static_cast<int>(2 * m_ids->document()->documentMargin()) +
                          2 * m_ids->frameWidth());
    m_ids->setPlaceholderText(tr("Token ids appear here"));
    m_ids->setToolTip(tr("The ids the model receives, in order (select to copy)"));

    auto* bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->setSpacing(6);
    bodyLayout->addWidget(m_text);
    bodyLayout->addWidget(m_pairToggle);
    bodyLayout->addWidget(m_pair);
    bodyLayout->addWidget(m_scroll, 1);
    bodyLayout->addWidget(m_counts);
    bodyLayout->addWidget(m_truncated);
    bodyLayout->addWidget(m_ids);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_reason);
    layout->addWidget(m_body, 1);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &TokenizerPreview::encodeNow);
    connect(m_text, &QPlainTextEdit::textChanged, this, &TokenizerPreview::scheduleEncode);
    connect(m_pair, &QPlainTextEdit::textChanged, this, &TokenizerPreview::scheduleEncode);
    connect(m_pairToggle, &QCheckBox::toggled, this, [this](bool on) {
        m_pair->setVisible(on);
        scheduleEncode();
    });

    setTokenizer(nullptr, 0, tr("No model is loaded."));
}

TokenizerPreview::~TokenizerPreview() = default;

void TokenizerPreview::setTokenizer(std::shared_ptr<const text::Tokenizer> tokenizer,
                                    size_t maxLength, const QString& reason) {
    m_tokenizer = std::move(tokenizer);
    m_maxLength = maxLength;
    ++m_job;  // whatever is still encoding used the old tokenizer
    m_reason->setText(reason);
    m_reason->setVisible(!m_tokenizer);
    m_body->setVisible(m_tokenizer != nullptr);
    if (m_tokenizer) {
        encodeNow();
    } else {
        showEncoding(PreviewEncoding());
    }
}

void TokenizerPreview::setMaxLength(size_t maxLength) {
    if (maxLength == m_maxLength) return;
    m_maxLength = maxLength;
    if (m_tokenizer) scheduleEncode();
}

QString TokenizerPreview::text() const { return m_text->toPlainText(); }

void TokenizerPreview::setText(const QString& text) {
    m_text->setPlainText(text);
    encodeNow();
}

void TokenizerPreview::setPair(const QString& pair) {
    m_pairToggle->setChecked(!pair.isEmpty());
    m_pair->setPlainText(pair);
    encodeNow();
}

void TokenizerPreview::scheduleEncode() { m_debounce->start(); }

void TokenizerPreview::encodeNow() {
    m_debounce->stop();
    const qint64 job = ++m_job;
    if (!m_tokenizer) return;
    const QString text = m_text->toPlainText();
    const bool hasPair = m_pairToggle->isChecked();
    const QString pair = hasPair ? m_pair->toPlainText() : QString();
    if (text.isEmpty() && pair.isEmpty()) {
        showEncoding(PreviewEncoding());
        return;
    }
    if (text.size() + pair.size() <= kSyncLimit) {
        showEncoding(encodeForPreview(*m_tokenizer, text, hasPair ? &pair : nullptr, m_maxLength));
        return;
    }
    ++m_running;
    m_counts->setText(
        tr("Encoding %1 characters…").arg(QLocale().toString(text.size() + pair.size())));
    auto* watcher = new QFutureWatcher<PreviewEncoding>(this);
    connect(watcher, &QFutureWatcher<PreviewEncoding>::finished, this, [this, watcher, job] {
        --m_running;
        if (job == m_job) showEncoding(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(
        QtConcurrent::run([tokenizer = m_tokenizer, text, pair, hasPair, maxLength = m_maxLength] {
            return encodeForPreview(*tokenizer, text, hasPair ? &pair : nullptr, maxLength);
        }));
}

void TokenizerPreview::showEncoding(const PreviewEncoding& encoding) {
    m_shown = encoding;
    const QLocale locale;
    if (!encoding.error.isEmpty()) {
        qCWarning(lcTokenizerPreview).noquote() << "encoding failed:" << encoding.error;
        m_counts->setText(
            QStringLiteral("<span style='color:#a50e0e'>%1</span>")
                .arg(tr("The tokenizer failed: %1").arg(encoding.error.toHtmlEscaped())));
    } else if (encoding.tokens.empty()) {
        m_counts->setText(QStringLiteral("<span style='color:#5f6368'>%1</span>")
                              .arg(tr("Type a text above to see its tokens.")));
    } else {
        const auto n = static_cast<qulonglong>(encoding.tokens.size());
        QString counts =
            n == 1 ? tr("<b>1</b> token") : tr("<b>%1</b> tokens").arg(locale.toString(n));
        const QString unknown = tr("%1 unknown").arg(encoding.unknown);
        counts += QStringLiteral(" · ") +
                  (encoding.unknown > 0
                       ? QStringLiteral("<span style='color:#c5221f'><b>%1</b></span>").arg(unknown)
                       : unknown);
        counts += QStringLiteral(" · ") + tr("%1 special").arg(encoding.special);
        m_counts->setText(counts);
    }
    m_truncated->setVisible(encoding.truncated);
    if (encoding.truncated) {
        m_truncated->setText(
            tr("Truncated at max length %1: the model sees the first %1 of %2 "
               "tokens; the rest of the text is cut off.")
                .arg(locale.toString(static_cast<qulonglong>(m_maxLength)),
                     locale.toString(static_cast<qulonglong>(encoding.untruncated))));
    }
    QStringList ids;
    ids.reserve(static_cast<qsizetype>(encoding.tokens.size()));
    for (const auto& t : encoding.tokens) ids << QString::number(t.id);
    m_ids->setPlainText(ids.isEmpty() ? QString()
                                      : QStringLiteral("[%1]").arg(ids.join(QStringLiteral(", "))));
    m_chips->setTokens(encoding.tokens);
    Q_EMIT encoded(tokenCount(), unknownCount());
}

}  // namespace ft::ui
