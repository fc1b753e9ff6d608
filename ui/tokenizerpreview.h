#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include <QString>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QScrollArea;
class QTimer;

namespace ft::text {
class Tokenizer;
}

namespace ft::ui {

// One piece of an encoding as the preview shows it.
struct PreviewToken {
    enum class Kind { Normal, Special, Unknown };
    QString text;   // the piece of the original text ("[CLS]" for an added token)
    QString token;  // the vocabulary entry ("##ing", "Ġworld")
    int id = 0;
    Kind kind = Kind::Normal;
    int sequence = 0;  // 0 or 1 for the two texts of a pair, -1 for added tokens
};

// An encoding prepared for display: the tokens the model sees (after truncation).
struct PreviewEncoding {
    std::vector<PreviewToken> tokens;
    int unknown = 0;
    int special = 0;
    size_t untruncated = 0;  // tokens before truncation
    bool truncated = false;
    QString error;  // the tokenizer's message when encoding failed
};

// Encodes text (and pair, unless null) with special tokens, truncated to maxLength (0 =
// no limit). Safe on any thread (tokenizers are immutable). Never throws.
PreviewEncoding encodeForPreview(const text::Tokenizer& tokenizer, const QString& text,
                                 const QString* pair, size_t maxLength);

// The coloured pieces of an encoding in a wrapping flow, one chip per token: soft
// alternating colours for text pieces, grey for special tokens, red for unknown ones.
// Hovering a chip shows its vocabulary entry and id.
class TokenChips : public QWidget {
    Q_OBJECT
public:
    explicit TokenChips(QWidget* parent = nullptr);
    void setTokens(std::vector<PreviewToken> tokens);
    const std::vector<PreviewToken>& tokens() const { return m_tokens; }
    // The token under a point, -1 for none.
    int tokenAt(const QPoint& pos) const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    // Lays the chips out for a width; returns the height used.
    int layoutChips(int width, std::vector<QRect>* rects) const;
    QString chipText(const PreviewToken& token) const;

    std::vector<PreviewToken> m_tokens;
    std::vector<QRect> m_rects;
    int m_hovered = -1;
};

// A tokenizer playground: type a text (and optionally a second one for pair tasks) and
// see how the tokenizer splits it, with the token count, the unknown tokens and a notice
// when the model's maximum length truncates it. Typing is debounced by kDebounceMs;
// texts of up to kSyncLimit characters are encoded on the GUI thread (well under a
// millisecond for such lengths), longer ones on a pool thread, where a newer edit makes
// the older result stale. GUI thread only.
class TokenizerPreview : public QWidget {
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 150;
    static constexpr int kSyncLimit = 10000;

    explicit TokenizerPreview(QWidget* parent = nullptr);
    ~TokenizerPreview() override;

    // The tokenizer to preview (shared, so that an encoding in flight keeps it alive) and
    // the model's maximum length (0 = none). nullptr shows `reason` instead of the preview.
    void setTokenizer(std::shared_ptr<const text::Tokenizer> tokenizer, size_t maxLength,
                      const QString& reason = {});
    bool hasTokenizer() const { return m_tokenizer != nullptr; }
    // The length the model will be trained with (0 = none): longer encodings are cut.
    void setMaxLength(size_t maxLength);
    size_t maxLength() const { return m_maxLength; }
    QString text() const;
    void setText(const QString& text);
    void setPair(const QString& pair);  // also turns the pair input on (empty: off)

    // What is shown now.
    int tokenCount() const { return static_cast<int>(m_shown.tokens.size()); }
    int unknownCount() const { return m_shown.unknown; }
    bool isTruncated() const { return m_shown.truncated; }
    const PreviewEncoding& shown() const { return m_shown; }
    bool isEncoding() const { return m_running > 0; }

public Q_SLOTS:
    // Encodes the current text now instead of after the debounce.
    void encodeNow();

Q_SIGNALS:
    // After each shown result (tokens, unknown tokens).
    void encoded(int tokens, int unknown);

private:
    void showEncoding(const PreviewEncoding& encoding);
    void scheduleEncode();

    std::shared_ptr<const text::Tokenizer> m_tokenizer;
    size_t m_maxLength = 0;
    qint64 m_job = 0;
    int m_running = 0;
    PreviewEncoding m_shown;

    QLabel* m_reason;
    QWidget* m_body;
    QPlainTextEdit* m_text;
    QCheckBox* m_pairToggle;
    QPlainTextEdit* m_pair;
    QScrollArea* m_scroll;
    TokenChips* m_chips;
    QLabel* m_counts;
    QLabel* m_truncated;
    QPlainTextEdit* m_ids;
    QTimer* m_debounce;
};

}  // namespace ft::ui
