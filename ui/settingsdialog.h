#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace ft::ui {

// Edit → Preferences…: compute threads and device, default folders (projects, exports,
// the Hugging Face cache), language and theme. Shows AppSettings when created and writes
// them back when accepted (OK), then emits settingsSaved(). Language and theme apply at
// the next start; the dialog says so when either changes. GUI thread only.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // Asks LibTorch (ft::cudaAvailable()) whether the CUDA entry can be chosen.
    explicit SettingsDialog(QWidget* parent = nullptr);
    // As above, with CUDA availability given (tests, and callers that already know).
    SettingsDialog(bool cudaAvailable, QWidget* parent);

    bool restartNeeded() const;

public Q_SLOTS:
    void load();
    void save();

Q_SIGNALS:
    void settingsSaved();

private:
    QLineEdit* folderRow(const QString& objectName, const QString& placeholder,
                         const QString& dialogTitle, QWidget** row);
    void updateRestartNote();

    bool m_cuda;
    QSpinBox* m_threads;
    QComboBox* m_device;
    QLabel* m_deviceNote;
    QLineEdit* m_projects;
    QLineEdit* m_exports;
    QLineEdit* m_hfCache;
    QComboBox* m_language;
    QComboBox* m_theme;
    QLabel* m_restartNote;
    QString m_loadedLanguage;
    QString m_loadedTheme;
};

}  // namespace ft::ui
