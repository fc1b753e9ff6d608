#include "settingsdialog.h"

#include <algorithm>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QVBoxLayout>

#include "appsettings.h"
#include "runtime.h"

namespace ft::ui {
namespace {

// A form label whose mnemonic focuses `field` (QFormLayout cannot set the buddy of a row
// whose field is a layout).
QLabel* buddyLabel(const QString& text, QWidget* field) {
    auto* label = new QLabel(text);
    label->setBuddy(field);
    return label;
}

}  // namespace

SettingsDialog::SettingsDialog(QWidget* parent) : SettingsDialog(cudaAvailable(), parent) {}

SettingsDialog::SettingsDialog(bool cudaAvailable, QWidget* parent)
    : QDialog(parent),
      m_cuda(cudaAvailable),
      m_threads(new QSpinBox),
      m_device(new QComboBox),
      m_deviceNote(new QLabel),
      m_projects(nullptr),
      m_exports(nullptr),
      m_hfCache(nullptr),
      m_language(new QComboBox),
      m_theme(new QComboBox),
      m_restartNote(new QLabel) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Preferences"));
    setMinimumWidth(600);

    const int cores = hardwareThreads();
    auto* compute = new QGroupBox(tr("Training and inference"));
    auto* computeForm = new QFormLayout(compute);
    m_threads->setObjectName(QStringLiteral("settingsThreads"));
    m_threads->setRange(0, 1024);
    m_threads->setSpecialValueText(tr("All cores (%1)").arg(cores));
    m_threads->setToolTip(
        tr("Compute threads for training, evaluation and export. New runs start with this "
           "count; fewer threads leave room for other work."));
    auto* coresLabel = new QLabel(tr("Cores on this machine: %1").arg(cores));
    coresLabel->setObjectName(QStringLiteral("settingsCores"));
    coresLabel->setProperty("role", QStringLiteral("hint"));
    auto* threadsRow = new QHBoxLayout;
    threadsRow->addWidget(m_threads);
    threadsRow->addWidget(coresLabel, 1);
    computeForm->addRow(buddyLabel(tr("&Threads:"), m_threads), threadsRow);

    m_device->setObjectName(QStringLiteral("settingsDevice"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA (first GPU)"), QStringLiteral("cuda"));
    const QString noCuda = tr("This LibTorch build or this machine has no usable CUDA GPU.");
    if (auto* model = qobject_cast<QStandardItemModel*>(m_device->model())) {
        QStandardItem* item = model->item(1);
        if (!m_cuda) item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
        item->setToolTip(m_cuda ? tr("Train and evaluate on the GPU") : noCuda);
    }
    m_device->setToolTip(tr("The device new runs train on"));
    m_deviceNote->setObjectName(QStringLiteral("settingsDeviceNote"));
    m_deviceNote->setProperty("role", QStringLiteral("hint"));
    m_deviceNote->setText(m_cuda ? tr("A CUDA GPU is available.") : noCuda);
    m_deviceNote->setWordWrap(true);
    auto* deviceRow = new QHBoxLayout;
    deviceRow->addWidget(m_device);
    deviceRow->addWidget(m_deviceNote, 1);
    computeForm->addRow(buddyLabel(tr("&Device:"), m_device), deviceRow);

    auto* folders = new QGroupBox(tr("Folders"));
    auto* foldersForm = new QFormLayout(folders);
    QWidget* row = nullptr;
    m_projects = folderRow(QStringLiteral("settingsProjectsFolder"),
                           tr("Not set: %1")
                               .arg(QDir::toNativeSeparators(QStandardPaths::writableLocation(
                                   QStandardPaths::DocumentsLocation))),
                           tr("Projects folder"), &row);
    m_projects->setToolTip(tr("Where New project and Open project start"));
    foldersForm->addRow(buddyLabel(tr("&Projects:"), m_projects), row);
    m_exports = folderRow(QStringLiteral("settingsExportsFolder"),
                          tr("Not set: the project's exports folder"), tr("Exports folder"), &row);
    m_exports->setToolTip(tr("Where the Deploy page's folder and file dialogs start"));
    foldersForm->addRow(buddyLabel(tr("&Exports:"), m_exports), row);
    m_hfCache =
        folderRow(QStringLiteral("settingsHfCache"),
                  tr("Automatic: %1").arg(QDir::toNativeSeparators(AppSettings::defaultHfCache())),
                  tr("Hugging Face cache"), &row);
    m_hfCache->setToolTip(
        tr("The Hugging Face hub cache the Select model page lists. Empty: $HF_HUB_CACHE, "
           "$HF_HOME/hub or ~/.cache/huggingface/hub, as huggingface_hub finds it."));
    foldersForm->addRow(buddyLabel(tr("&Hugging Face cache:"), m_hfCache), row);

    auto* appearance = new QGroupBox(tr("Appearance"));
    auto* appearanceForm = new QFormLayout(appearance);
    m_language->setObjectName(QStringLiteral("settingsLanguage"));
    m_language->addItem(tr("System"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    appearanceForm->addRow(tr("&Language:"), m_language);
    m_theme->setObjectName(QStringLiteral("settingsTheme"));
    m_theme->addItem(tr("System"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    appearanceForm->addRow(tr("T&heme:"), m_theme);
    m_restartNote->setObjectName(QStringLiteral("settingsRestartNote"));
    m_restartNote->setProperty("role", QStringLiteral("note"));
    m_restartNote->setText(tr("The language and theme take effect after a restart."));
    m_restartNote->setWordWrap(true);
    m_restartNote->hide();
    appearanceForm->addRow(m_restartNote);
    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateRestartNote);
    connect(m_theme, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateRestartNote);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->setObjectName(QStringLiteral("settingsButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::accepted, this, &SettingsDialog::save);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(compute);
    layout->addWidget(folders);
    layout->addWidget(appearance);
    layout->addStretch();
    layout->addWidget(buttons);

    load();
}

QLineEdit* SettingsDialog::folderRow(const QString& objectName, const QString& placeholder,
                                     const QString& dialogTitle, QWidget** row) {
    auto* edit = new QLineEdit;
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    auto* browse = new QPushButton(tr("Browse…"));
    browse->setObjectName(objectName + QStringLiteral("Browse"));
    connect(browse, &QPushButton::clicked, this, [this, edit, dialogTitle] {
        const QString start = edit->text().trimmed().isEmpty()
                                  ? QStandardPaths::writableLocation(QStandardPaths::HomeLocation)
                                  : edit->text().trimmed();
        const QString dir = QFileDialog::getExistingDirectory(this, dialogTitle, start);
        if (!dir.isEmpty()) edit->setText(QDir::toNativeSeparators(dir));
    });
    *row = new QWidget;
    auto* layout = new QHBoxLayout(*row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    return edit;
}

void SettingsDialog::load() {
    m_threads->setValue(AppSettings::threads());
    // A stored "cuda" on a machine without CUDA shows as CPU: the entry cannot be chosen.
    const QString device = m_cuda ? AppSettings::device() : QStringLiteral("cpu");
    m_device->setCurrentIndex(std::max(0, m_device->findData(device)));
    m_projects->setText(QDir::toNativeSeparators(AppSettings::projectsFolder()));
    m_exports->setText(QDir::toNativeSeparators(AppSettings::exportsFolder()));
    m_hfCache->setText(QDir::toNativeSeparators(AppSettings::hfCache()));
    m_loadedLanguage = AppSettings::language();
    m_loadedTheme = AppSettings::theme();
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_loadedLanguage)));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(m_loadedTheme)));
    updateRestartNote();
}

void SettingsDialog::save() {
    AppSettings::setThreads(m_threads->value());
    AppSettings::setDevice(m_device->currentData().toString());
    const auto folder = [](const QLineEdit* e) {
        const QString text = e->text().trimmed();
        return text.isEmpty() ? QString() : QDir::cleanPath(QDir::fromNativeSeparators(text));
    };
    AppSettings::setProjectsFolder(folder(m_projects));
    AppSettings::setExportsFolder(folder(m_exports));
    AppSettings::setHfCache(folder(m_hfCache));
    AppSettings::setLanguage(m_language->currentData().toString());
    AppSettings::setTheme(m_theme->currentData().toString());
    Q_EMIT settingsSaved();
}

bool SettingsDialog::restartNeeded() const {
    return m_language->currentData().toString() != m_loadedLanguage ||
           m_theme->currentData().toString() != m_loadedTheme;
}

void SettingsDialog::updateRestartNote() { m_restartNote->setVisible(restartNeeded()); }

}  // namespace ft::ui
