#pragma once

#include <optional>
#include <vector>

#include <QStringList>
#include <QWizard>

#include "data/importer.h"
#include "data/reader.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QTableWidget;

namespace ft::ui {

// The import wizard: (1) the files and the dataset they go into, (2) the format
// options detected from the first file, editable, with the detection notes and
// a live preview, (3) the column mapping and the label values found in the
// preview, renamable. It only collects the choices: requests() builds the
// data::ImportRequest per file that the caller hands to JobController::startImport.
// detect() reads only the start of the first file, so it runs on the GUI thread.
class ImportWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { FilesPage, FormatPage, MappingPage };

    // `datasets`: the project's dataset names (offered as targets); `suggested`
    // is preselected ("" = a new dataset named after the first file).
    ImportWizard(const QStringList& datasets, const QString& suggested, QWidget* parent = nullptr);

    void setFiles(const QStringList& paths);
    QStringList files() const;
    QString datasetName() const;
    // The detection of the first file with the options chosen so far.
    const std::optional<data::Detection>& detection() const { return m_detection; }
    std::vector<data::ImportRequest> requests() const;

public Q_SLOTS:
    void addFiles();
    void removeSelectedFiles();
    // Runs detect() on the first file with the options in the format page.
    void redetect();

private:
    QWizardPage* createFilesPage();
    QWizardPage* createFormatPage();
    QWizardPage* createMappingPage();
    data::FormatOptions hint() const;
    void showDetection();
    void fillMapping();
    void updateLabelValues();
    void updateFormatWidgets();

    std::optional<data::Detection> m_detection;
    QString m_detectError;
    bool m_updating = false;

    QListWidget* m_files = nullptr;
    QComboBox* m_dataset = nullptr;

    QComboBox* m_format = nullptr;
    QComboBox* m_encoding = nullptr;
    QComboBox* m_delimiter = nullptr;
    QComboBox* m_header = nullptr;
    QComboBox* m_separator = nullptr;
    QComboBox* m_labelSide = nullptr;
    QComboBox* m_labelPart = nullptr;
    QLabel* m_notes = nullptr;
    QTableWidget* m_preview = nullptr;
    QList<QWidget*> m_delimitedOnly;
    QList<QWidget*> m_linesOnly;

    QComboBox* m_textColumn = nullptr;
    QComboBox* m_pairColumn = nullptr;
    QComboBox* m_labelColumn = nullptr;
    QLabel* m_labelHint = nullptr;
    QTableWidget* m_labelValues = nullptr;
};

}  // namespace ft::ui
