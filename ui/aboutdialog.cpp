#include "aboutdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

#include "appsettings.h"
#include "runtime.h"
#include "version.h"

#ifndef FT_BUILD_TYPE
#define FT_BUILD_TYPE "unknown"
#endif

namespace ft::ui {
namespace {

QString compiler() {
#if defined(__clang__)
    return QStringLiteral("Clang " __clang_version__);
#elif defined(__GNUC__)
    return QStringLiteral("GCC " __VERSION__);
#elif defined(_MSC_VER)
    return QStringLiteral("MSVC %1").arg(_MSC_VER);
#else
    return QStringLiteral("unknown compiler");
#endif
}

}  // namespace

QString AboutDialog::systemReport() {
    const auto s = [](const std::string& v) { return QString::fromStdString(v); };
    const int setting = AppSettings::threads();
    QStringList lines;
    lines << QStringLiteral("Finetune Studio: %1").arg(QString::fromLatin1(softwareVersion()));
    lines << QStringLiteral("Qt: %1 (built with %2)")
                 .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
    lines << QStringLiteral("LibTorch: %1").arg(s(torchVersion()));
    lines << QStringLiteral("Threads: %1 of %2 cores (preference: %3)")
                 .arg(computeThreads())
                 .arg(hardwareThreads())
                 .arg(setting > 0 ? QString::number(setting) : QStringLiteral("all cores"));
    lines << QStringLiteral("BLAS: %1, parallel backend %2")
                 .arg(s(blasBackend()), s(parallelBackend()));
    lines << QStringLiteral("CUDA: %1")
                 .arg(cudaAvailable() ? QStringLiteral("available")
                                      : QStringLiteral("not available"));
    const QString buildType = QStringLiteral(FT_BUILD_TYPE);
    lines << QStringLiteral("Build: %1, %2")
                 .arg(buildType.isEmpty() ? QStringLiteral("no build type") : buildType,
                      compiler());
    lines << QStringLiteral("System: %1, %2 (%3)")
                 .arg(QSysInfo::prettyProductName(), QSysInfo::currentCpuArchitecture(),
                      QGuiApplication::platformName());
    return lines.join(QLatin1Char('\n'));
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent), m_report(new QPlainTextEdit) {
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Finetune Studio"));
    setMinimumWidth(560);

    auto* icon = new QLabel;
    icon->setPixmap(QApplication::windowIcon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);
    auto* heading =
        new QLabel(tr("<h2>Finetune Studio %1</h2><p>Fine-tune pre-trained language models on your "
                      "labelled text without writing code: prepare the data, pick a model, train, "
                      "evaluate and export.</p>")
                       .arg(QString::fromLatin1(softwareVersion()).toHtmlEscaped()));
    heading->setObjectName(QStringLiteral("aboutHeading"));
    heading->setWordWrap(true);
    heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* top = new QHBoxLayout;
    top->addWidget(icon);
    top->addWidget(heading, 1);

    auto* licence = new QLabel(
        tr("Licensed under the GNU General Public License, version 3 or later (it links "
           "QCustomPlot, GPL v3). Built on Qt (LGPL v3), LibTorch (BSD-3-Clause), SQLite "
           "(public domain) and nlohmann/json (MIT)."));
    licence->setObjectName(QStringLiteral("aboutLicence"));
    licence->setWordWrap(true);
    licence->setProperty("role", QStringLiteral("hint"));
    licence->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* reportLabel = new QLabel(tr("For bug reports:"));
    reportLabel->setProperty("role", QStringLiteral("heading"));
    m_report->setObjectName(QStringLiteral("aboutReport"));
    m_report->setReadOnly(true);
    m_report->setPlainText(systemReport());
    m_report->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_report->setLineWrapMode(QPlainTextEdit::NoWrap);
    const int lines = m_report->document()->blockCount() + 1;
    m_report->setMinimumHeight(m_report->fontMetrics().lineSpacing() * lines + 16);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    auto* copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("aboutCopyButton"));
    copy->setToolTip(tr("Copy the versions above to the clipboard, to paste into a bug report"));
    connect(copy, &QPushButton::clicked, this, &AboutDialog::copyToClipboard);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(licence);
    layout->addWidget(reportLabel);
    layout->addWidget(m_report, 1);
    layout->addWidget(buttons);
}

void AboutDialog::copyToClipboard() {
    QGuiApplication::clipboard()->setText(m_report->toPlainText());
}

}  // namespace ft::ui
