#pragma once

#include <QDockWidget>

class QPlainTextEdit;

namespace ft::ui {

// The collapsible log dock. While one exists it receives every message logged
// in a "ft.*" logging category (from any thread: messages are queued to the GUI
// thread) and passes all messages on to the previous message handler, so the
// terminal still shows them. At most one LogPanel receives messages at a time:
// the newest.
class LogPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit LogPanel(QWidget* parent = nullptr);
    ~LogPanel() override;

public Q_SLOTS:
    void appendMessage(int type, const QString& category, const QString& message);
    void clear();

private:
    QPlainTextEdit* m_text;
};

}  // namespace ft::ui
