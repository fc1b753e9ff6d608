#pragma once

#include <QDialog>

class QPlainTextEdit;

namespace ft::ui {

// Help → About Finetune Studio: what the program is, then the facts a bug report needs —
// versions (program, Qt at build and at run time, LibTorch), threads, BLAS, CUDA, build
// type, system — as selectable text with a Copy button. GUI thread only.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);

    // The facts, one "name: value" line each, as Copy puts them on the clipboard.
    static QString systemReport();

public Q_SLOTS:
    void copyToClipboard();

private:
    QPlainTextEdit* m_report;
};

}  // namespace ft::ui
