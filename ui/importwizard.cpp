#include "importwizard.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QLoggingCategory>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

#include "error.h"

Q_LOGGING_CATEGORY(lcImportWizard, "ft.ui.importwizard", QtInfoMsg)

namespace ft::ui {
namespace {

// A wizard page whose "Next" / "Finish" is enabled by a check of the wizard's state.
class CheckedPage : public QWizardPage {
public:
    explicit CheckedPage(std::function<bool()> check) : m_check(std::move(check)) {}
    bool isComplete() const override { return m_check(); }
    void recheck() { Q_EMIT completeChanged(); }
    std::function<void()> onShow;
    void initializePage() override {
        if (onShow) onShow();
    }

private:
    std::function<bool()> m_check;
};

QComboBox* combo(const QString& name) {
    auto* box = new QComboBox;
    box->setObjectName(name);
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return box;
}

QString trimmedValue(const std::string& s) { return QString::fromStdString(s).trimmed(); }

int guessColumn(const std::vector<std::string>& columns, const QRegularExpression& names,
                int avoid = -1) {
    for (size_t i = 0; i < columns.size(); ++i) {
        if (static_cast<int>(i) != avoid &&
            names.match(QString::fromStdString(columns[i])).hasMatch()) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

}  // namespace

ImportWizard::ImportWizard(const QStringList& datasets, const QString& suggested, QWidget* parent)
    : QWizard(parent) {
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import data"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    setMinimumSize(860, 620);
    setPage(FilesPage, createFilesPage());
    setPage(FormatPage, createFormatPage());
    setPage(MappingPage, createMappingPage());
    setButtonText(QWizard::FinishButton, tr("Import"));

    m_dataset->addItems(datasets);
    if (!suggested.isEmpty()) m_dataset->setCurrentText(suggested);
}

QWizardPage* ImportWizard::createFilesPage() {
    auto* page = new CheckedPage(
        [this] { return m_files->count() > 0 && !m_dataset->currentText().trimmed().isEmpty(); });
    page->setObjectName(QStringLiteral("importFilesPage"));
    page->setTitle(tr("Choose the data"));
    page->setSubTitle(
        tr("CSV, TSV, JSON, JSON Lines or plain \"label TAB text\" lines. Several "
           "files of the same format can go into one dataset."));

    m_files = new QListWidget;
    m_files->setObjectName(QStringLiteral("importFiles"));
    m_files->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_files->setMaximumHeight(220);
    auto* add = new QPushButton(tr("Add files…"));
    add->setObjectName(QStringLiteral("importAddFiles"));
    auto* remove = new QPushButton(tr("Remove"));
    remove->setObjectName(QStringLiteral("importRemoveFiles"));
    remove->setEnabled(false);
    m_dataset = combo(QStringLiteral("importDatasetName"));
    m_dataset->setEditable(true);
    m_dataset->setInsertPolicy(QComboBox::NoInsert);
    m_dataset->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_dataset->setMinimumContentsLength(24);
    m_dataset->setToolTip(tr("A new name creates a dataset; an existing one appends the rows"));

    auto* buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto* files = new QHBoxLayout;
    files->addWidget(m_files, 1);
    files->addLayout(buttons);

    auto* form = new QFormLayout;
    form->addRow(tr("Dataset:"), m_dataset);

    auto* hint =
        new QLabel(tr("The first file's format is detected on the next page and "
                      "used for every file. Rows are added to the dataset named below; "
                      "the files themselves are never changed."));
    hint->setWordWrap(true);
    hint->setProperty("role", QStringLiteral("hint"));

    auto* layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(tr("Files:")));
    layout->addLayout(files);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addStretch(1);

    connect(add, &QPushButton::clicked, this, &ImportWizard::addFiles);
    connect(remove, &QPushButton::clicked, this, &ImportWizard::removeSelectedFiles);
    connect(m_files, &QListWidget::itemSelectionChanged, remove,
            [this, remove] { remove->setEnabled(!m_files->selectedItems().isEmpty()); });
    connect(m_dataset, &QComboBox::currentTextChanged, page, [page] { page->recheck(); });
    connect(m_files->model(), &QAbstractItemModel::rowsInserted, page, [page] { page->recheck(); });
    connect(m_files->model(), &QAbstractItemModel::rowsRemoved, page, [page] { page->recheck(); });
    return page;
}

QWizardPage* ImportWizard::createFormatPage() {
    auto* page = new CheckedPage([this] { return m_detection.has_value(); });
    page->setObjectName(QStringLiteral("importFormatPage"));
    page->setTitle(tr("Check the format"));
    page->setSubTitle(
        tr("Detected from the start of the first file. Change any option and the "
           "preview follows."));

    m_format = combo(QStringLiteral("importFormat"));
    m_format->addItem(tr("Detect"), static_cast<int>(data::Format::Auto));
    m_format->addItem(tr("CSV"), static_cast<int>(data::Format::Csv));
    m_format->addItem(tr("TSV"), static_cast<int>(data::Format::Tsv));
    m_format->addItem(tr("JSON (array of objects)"), static_cast<int>(data::Format::Json));
    m_format->addItem(tr("JSON Lines"), static_cast<int>(data::Format::Jsonl));
    m_format->addItem(tr("Lines: label and text"), static_cast<int>(data::Format::Lines));

    m_encoding = combo(QStringLiteral("importEncoding"));
    m_encoding->addItem(tr("Detect"), static_cast<int>(data::Encoding::Auto));
    m_encoding->addItem(tr("UTF-8"), static_cast<int>(data::Encoding::Utf8));
    m_encoding->addItem(tr("UTF-8 with BOM"), static_cast<int>(data::Encoding::Utf8Bom));
    m_encoding->addItem(tr("UTF-16 LE"), static_cast<int>(data::Encoding::Utf16LE));
    m_encoding->addItem(tr("UTF-16 BE"), static_cast<int>(data::Encoding::Utf16BE));
    m_encoding->addItem(tr("Windows-1252"), static_cast<int>(data::Encoding::Windows1252));

    m_delimiter = combo(QStringLiteral("importDelimiter"));
    m_delimiter->addItem(tr("Detect"), 0);
    m_delimiter->addItem(tr("Comma ,"), int(','));
    m_delimiter->addItem(tr("Tab"), int('\t'));
    m_delimiter->addItem(tr("Semicolon ;"), int(';'));
    m_delimiter->addItem(tr("Pipe |"), int('|'));

    m_header = combo(QStringLiteral("importHeader"));
    m_header->addItem(tr("Detect"), -1);
    m_header->addItem(tr("Yes, the first row names the columns"), 1);
    m_header->addItem(tr("No, the first row is data"), 0);

    m_separator = combo(QStringLiteral("importSeparator"));
    m_separator->addItem(tr("Detect"), QString());
    m_separator->addItem(tr("Tab"), QStringLiteral("\t"));
    m_separator->addItem(tr("Space"), QStringLiteral(" "));
    m_separator->addItem(tr("Comma ,"), QStringLiteral(","));
    m_separator->addItem(tr("Semicolon ;"), QStringLiteral(";"));
    m_separator->addItem(tr("Colon :"), QStringLiteral(":"));

    m_labelSide = combo(QStringLiteral("importLabelSide"));
    m_labelSide->addItem(tr("First: label, then text"), static_cast<int>(data::LabelSide::First));
    m_labelSide->addItem(tr("Last: text, then label"), static_cast<int>(data::LabelSide::Last));

    m_labelPart = combo(QStringLiteral("importLabelPart"));
    m_labelPart->addItem(tr("Whole value"), static_cast<int>(data::LabelPart::Full));
    m_labelPart->addItem(tr("Coarse: the part before ':' (\"LOC:city\" → \"LOC\")"),
                         static_cast<int>(data::LabelPart::Coarse));

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(6);
    auto addRow = [grid](int row, int col, const QString& text, QWidget* field) {
        auto* label = new QLabel(text);
        label->setBuddy(field);
        grid->addWidget(label, row, col * 2);
        grid->addWidget(field, row, col * 2 + 1);
        return label;
    };
    addRow(0, 0, tr("Format:"), m_format);
    addRow(1, 0, tr("Encoding:"), m_encoding);
    m_delimitedOnly << addRow(2, 0, tr("Delimiter:"), m_delimiter) << m_delimiter;
    m_delimitedOnly << addRow(3, 0, tr("Header row:"), m_header) << m_header;
    m_linesOnly << addRow(0, 1, tr("Separator:"), m_separator) << m_separator;
    m_linesOnly << addRow(1, 1, tr("Label side:"), m_labelSide) << m_labelSide;
    addRow(2, 1, tr("Label value:"), m_labelPart);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);

    m_notes = new QLabel;
    m_notes->setObjectName(QStringLiteral("importNotes"));
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes->setProperty("role", QStringLiteral("note"));

    m_preview = new QTableWidget;
    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setWordWrap(false);
    m_preview->verticalHeader()->setVisible(false);
    m_preview->horizontalHeader()->setStretchLastSection(true);

    auto* layout = new QVBoxLayout(page);
    layout->addLayout(grid);
    layout->addWidget(m_notes);
    layout->addWidget(m_preview, 1);

    for (QComboBox* box :
         {m_format, m_encoding, m_delimiter, m_header, m_separator, m_labelSide, m_labelPart}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_updating) redetect();
        });
    }
    page->onShow = [this] { redetect(); };
    return page;
}

QWizardPage* ImportWizard::createMappingPage() {
    auto* page = new CheckedPage([this] {
        return m_detection.has_value() && m_textColumn->currentIndex() >= 0 &&
               m_textColumn->currentData().toString() != m_labelColumn->currentData().toString();
    });
    page->setObjectName(QStringLiteral("importMappingPage"));
    page->setTitle(tr("Map the columns"));
    page->setSubTitle(tr("Which column holds the text to classify, and which the label."));

    m_textColumn = combo(QStringLiteral("importTextColumn"));
    m_pairColumn = combo(QStringLiteral("importPairColumn"));
    m_pairColumn->setToolTip(tr("For tasks on two texts, such as question and answer"));
    m_labelColumn = combo(QStringLiteral("importLabelColumn"));
    m_labelHint = new QLabel;
    m_labelHint->setObjectName(QStringLiteral("importLabelHint"));
    m_labelHint->setWordWrap(true);
    m_labelHint->setProperty("role", QStringLiteral("hint"));
    m_labelValues = new QTableWidget(0, 2);
    m_labelValues->setObjectName(QStringLiteral("importLabelValues"));
    m_labelValues->setHorizontalHeaderLabels({tr("Value in the file"), tr("Label shown")});
    m_labelValues->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_labelValues->verticalHeader()->setVisible(false);
    m_labelValues->setMaximumHeight(260);
    m_labelValues->setEditTriggers(QAbstractItemView::DoubleClicked |
                                   QAbstractItemView::EditKeyPressed |
                                   QAbstractItemView::SelectedClicked);

    auto* form = new QFormLayout;
    form->addRow(tr("Text column:"), m_textColumn);
    form->addRow(tr("Text pair column:"), m_pairColumn);
    form->addRow(tr("Label column:"), m_labelColumn);

    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(m_labelHint);
    layout->addWidget(m_labelValues);
    layout->addStretch(1);

    for (QComboBox* box : {m_textColumn, m_pairColumn, m_labelColumn}) {
        connect(box, &QComboBox::currentIndexChanged, page, [page] { page->recheck(); });
    }
    connect(m_labelColumn, &QComboBox::currentIndexChanged, this, &ImportWizard::updateLabelValues);
    page->onShow = [this] { fillMapping(); };
    return page;
}

void ImportWizard::setFiles(const QStringList& paths) {
    m_files->clear();
    for (const QString& path : paths) {
        const QFileInfo info(path);
        auto* item = new QListWidgetItem(QStringLiteral("%1    %2 · %3")
                                             .arg(info.fileName(),
                                                  QDir::toNativeSeparators(info.absolutePath()),
                                                  QLocale().formattedDataSize(info.size())));
        item->setData(Qt::UserRole, QFileInfo(path).absoluteFilePath());
        item->setToolTip(QFileInfo(path).absoluteFilePath());
        m_files->addItem(item);
    }
    if (m_dataset->currentText().trimmed().isEmpty() && !paths.isEmpty()) {
        m_dataset->setCurrentText(QFileInfo(paths.first()).completeBaseName());
    }
    m_detection.reset();
}

QStringList ImportWizard::files() const {
    QStringList out;
    for (int i = 0; i < m_files->count(); ++i)
        out << m_files->item(i)->data(Qt::UserRole).toString();
    return out;
}

QString ImportWizard::datasetName() const { return m_dataset->currentText().trimmed(); }

void ImportWizard::addFiles() {
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Import data"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("Data files (*.csv *.tsv *.txt *.json *.jsonl *.ndjson *.data *.train *.test);;"
           "All files (*)"));
    if (paths.isEmpty()) return;
    setFiles(files() + paths);
}

void ImportWizard::removeSelectedFiles() {
    qDeleteAll(m_files->selectedItems());
    m_detection.reset();
}

data::FormatOptions ImportWizard::hint() const {
    data::FormatOptions o;
    o.format = static_cast<data::Format>(m_format->currentData().toInt());
    o.encoding = static_cast<data::Encoding>(m_encoding->currentData().toInt());
    o.delimiter = static_cast<char>(m_delimiter->currentData().toInt());
    const int header = m_header->currentData().toInt();
    if (header >= 0) o.header = header == 1;
    o.separator = m_separator->currentData().toString().toStdString();
    o.labelSide = static_cast<data::LabelSide>(m_labelSide->currentData().toInt());
    o.labelPart = static_cast<data::LabelPart>(m_labelPart->currentData().toInt());
    return o;
}

void ImportWizard::redetect() {
    const QStringList paths = files();
    m_detection.reset();
    m_detectError.clear();
    if (!paths.isEmpty()) {
        try {
            m_detection = data::detect(paths.first().toStdString(), hint());
        } catch (const Error& e) {
            m_detectError = QString::fromStdString(e.what());
            qCWarning(lcImportWizard).noquote() << "detection failed:" << m_detectError;
        }
    }
    showDetection();
    if (auto* page = dynamic_cast<CheckedPage*>(this->page(FormatPage))) page->recheck();
}

void ImportWizard::updateFormatWidgets() {
    const data::Format f = m_detection ? m_detection->options.format
                                       : static_cast<data::Format>(m_format->currentData().toInt());
    const bool delimited = f == data::Format::Csv || f == data::Format::Tsv;
    for (QWidget* w : m_delimitedOnly) w->setVisible(delimited);
    for (QWidget* w : m_linesOnly) w->setVisible(f == data::Format::Lines);
}

void ImportWizard::showDetection() {
    m_updating = true;
    // The "Detect" entries say what was found, so the user sees the resolved value.
    auto setDetectText = [](QComboBox* box, const QString& found) {
        box->setItemText(0, found.isEmpty() ? tr("Detect") : tr("Detect (found: %1)").arg(found));
    };
    if (m_detection) {
        const data::FormatOptions& o = m_detection->options;
        auto itemText = [](QComboBox* box, const QVariant& data) {
            const int at = box->findData(data);
            return at > 0 ? box->itemText(at) : QString();
        };
        setDetectText(m_format, itemText(m_format, static_cast<int>(o.format)));
        setDetectText(m_encoding, itemText(m_encoding, static_cast<int>(o.encoding)));
        setDetectText(m_delimiter, itemText(m_delimiter, int(o.delimiter)));
        setDetectText(m_header, o.header ? (*o.header ? tr("yes") : tr("no")) : QString());
        setDetectText(m_separator, itemText(m_separator, QString::fromStdString(o.separator)));
    } else {
        for (QComboBox* box : {m_format, m_encoding, m_delimiter, m_header, m_separator}) {
            setDetectText(box, QString());
        }
    }
    m_updating = false;
    updateFormatWidgets();

    m_preview->clear();
    if (!m_detection) {
        m_preview->setRowCount(0);
        m_preview->setColumnCount(0);
        m_notes->setProperty("role", QStringLiteral("error"));
        m_notes->setText(m_detectError.isEmpty() ? tr("Add a file first.")
                                                 : tr("This file cannot be read with these "
                                                      "options: %1")
                                                       .arg(m_detectError.toHtmlEscaped()));
        m_notes->style()->unpolish(m_notes);
        m_notes->style()->polish(m_notes);
        return;
    }
    m_notes->setProperty("role", QStringLiteral("note"));
    m_notes->style()->unpolish(m_notes);
    m_notes->style()->polish(m_notes);
    QStringList notes;
    for (const auto& n : m_detection->notes) notes << QString::fromStdString(n).toHtmlEscaped();
    m_notes->setText(notes.isEmpty() ? tr("Nothing to note.")
                                     : QStringLiteral("• ") + notes.join(QStringLiteral("<br>• ")));

    const auto& columns = m_detection->columns;
    m_preview->setColumnCount(static_cast<int>(columns.size()) + 1);
    QStringList headers{tr("Line")};
    for (const auto& c : columns) headers << QString::fromStdString(c);
    m_preview->setHorizontalHeaderLabels(headers);
    m_preview->setRowCount(static_cast<int>(m_detection->preview.size()));
    for (size_t r = 0; r < m_detection->preview.size(); ++r) {
        const data::Record& record = m_detection->preview[r];
        auto* line = new QTableWidgetItem(QString::number(record.line));
        line->setForeground(QColor(0x80, 0x86, 0x8b));
        m_preview->setItem(static_cast<int>(r), 0, line);
        for (size_t c = 0; c < record.fields.size() && c < columns.size(); ++c) {
            QString text = QString::fromStdString(record.fields[c]);
            auto* item = new QTableWidgetItem(text.replace(QLatin1Char('\n'), QChar(0x21B5)));
            item->setToolTip(QString::fromStdString(record.fields[c]));
            m_preview->setItem(static_cast<int>(r), static_cast<int>(c) + 1, item);
        }
    }
    m_preview->resizeColumnsToContents();
    for (int c = 0; c < m_preview->columnCount(); ++c) {
        m_preview->setColumnWidth(c, std::min(m_preview->columnWidth(c), 420));
    }
}

void ImportWizard::fillMapping() {
    m_textColumn->clear();
    m_pairColumn->clear();
    m_labelColumn->clear();
    if (!m_detection) return;
    const auto& columns = m_detection->columns;
    m_pairColumn->addItem(tr("None — one text per row"), QString());
    m_labelColumn->addItem(tr("No label — I will label in the table"), QString());
    for (const auto& c : columns) {
        const QString name = QString::fromStdString(c);
        m_textColumn->addItem(name, name);
        m_pairColumn->addItem(name, name);
        m_labelColumn->addItem(name, name);
    }

    static const QRegularExpression labelNames(
        QStringLiteral("^(label|labels|intent|class|category|target|sentiment|topic|y|tag)$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression textNames(
        QStringLiteral("^(text|sentence|message|content|body|review|question|utterance|"
                       "document|comment|title|description|v2|x)$"),
        QRegularExpression::CaseInsensitiveOption);
    int label = guessColumn(columns, labelNames);
    int text = guessColumn(columns, textNames, label);
    // Otherwise: the text is the column with the longest values, the label one
    // with few distinct short values.
    const auto& rows = m_detection->preview;
    if (text < 0 && !columns.empty()) {
        size_t best = 0;
        double bestLength = -1;
        for (size_t c = 0; c < columns.size(); ++c) {
            if (static_cast<int>(c) == label) continue;
            double total = 0;
            for (const auto& r : rows) total += c < r.fields.size() ? r.fields[c].size() : 0;
            if (total > bestLength) {
                bestLength = total;
                best = c;
            }
        }
        text = static_cast<int>(best);
    }
    if (label < 0 && columns.size() > 1) {
        for (size_t c = 0; c < columns.size(); ++c) {
            if (static_cast<int>(c) == text) continue;
            std::set<std::string> distinct;
            size_t maxLength = 0;
            for (const auto& r : rows) {
                if (c >= r.fields.size()) continue;
                distinct.insert(r.fields[c]);
                maxLength = std::max(maxLength, r.fields[c].size());
            }
            if (!rows.empty() && distinct.size() <= std::max<size_t>(2, rows.size() / 2) &&
                maxLength <= 40) {
                label = static_cast<int>(c);
                break;
            }
        }
    }
    m_textColumn->setCurrentIndex(std::max(text, 0));
    m_pairColumn->setCurrentIndex(0);
    m_labelColumn->setCurrentIndex(label + 1);
    updateLabelValues();
}

void ImportWizard::updateLabelValues() {
    m_labelValues->setRowCount(0);
    const QString column = m_labelColumn->currentData().toString();
    if (!m_detection || column.isEmpty()) {
        m_labelHint->setText(
            tr("The rows are imported without labels. Label them in the table "
               "afterwards: type a label in the Label column, then press 1–9."));
        m_labelValues->setEnabled(false);
        return;
    }
    m_labelValues->setEnabled(true);
    const auto& columns = m_detection->columns;
    const auto it = std::find(columns.begin(), columns.end(), column.toStdString());
    const size_t index = static_cast<size_t>(it - columns.begin());
    const bool coarse = m_detection->options.labelPart == data::LabelPart::Coarse;
    std::map<QString, int> counts;
    QStringList order;
    for (const auto& r : m_detection->preview) {
        if (index >= r.fields.size()) continue;
        QString v = trimmedValue(r.fields[index]);
        if (coarse) v = v.section(QLatin1Char(':'), 0, 0);
        if (v.isEmpty()) continue;
        if (counts[v]++ == 0) order << v;
    }
    m_labelHint->setText(
        tr("Label values in the first %n row(s). Double-click a name on the "
           "right to show it differently (e.g. 0 → negative); values that "
           "appear only further down keep their name.",
           nullptr, static_cast<int>(m_detection->preview.size())));
    m_labelValues->setRowCount(static_cast<int>(order.size()));
    for (int i = 0; i < order.size(); ++i) {
        auto* raw = new QTableWidgetItem(order[i]);
        raw->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        raw->setToolTip(tr("%n row(s) in the preview", nullptr, counts[order[i]]));
        m_labelValues->setItem(i, 0, raw);
        m_labelValues->setItem(i, 1, new QTableWidgetItem(order[i]));
    }
}

std::vector<data::ImportRequest> ImportWizard::requests() const {
    std::vector<data::ImportRequest> out;
    data::FormatOptions options = m_detection ? m_detection->options : hint();
    // Format, delimiter and header come from the first file; each file's encoding
    // is detected on its own unless the user chose one.
    options.encoding = hint().encoding;
    data::ColumnMapping mapping;
    mapping.text = m_textColumn->currentData().toString().toStdString();
    mapping.textPair = m_pairColumn->currentData().toString().toStdString();
    mapping.label = m_labelColumn->currentData().toString().toStdString();
    if (!mapping.label.empty()) {
        for (int i = 0; i < m_labelValues->rowCount(); ++i) {
            const QString raw = m_labelValues->item(i, 0)->text();
            const QString shown = m_labelValues->item(i, 1)->text().trimmed();
            if (!shown.isEmpty() && shown != raw) {
                mapping.labelRenames[raw.toStdString()] = shown.toStdString();
            }
        }
    }
    for (const QString& path : files()) {
        data::ImportRequest request;
        request.path = path.toStdString();
        request.format = options;
        request.mapping = mapping;
        request.datasetName = datasetName().toStdString();
        out.push_back(std::move(request));
    }
    return out;
}

}  // namespace ft::ui
