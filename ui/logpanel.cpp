#include "logpanel.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QMutex>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace ft::ui {
namespace {

QMutex s_mutex;
LogPanel* s_panel = nullptr;
QtMessageHandler s_previous = nullptr;

void handleMessage(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (s_previous) s_previous(type, context, message);
    const QString category = QString::fromLatin1(context.category ? context.category : "");
    if (!category.startsWith(QLatin1String("ft."))) return;
    QMutexLocker lock(&s_mutex);
    if (!s_panel) return;
    // Posting to the panel is thread-safe; the call runs on the GUI thread and
    // is discarded if the panel is deleted first.
    QMetaObject::invokeMethod(
        s_panel,
        [panel = s_panel, type, category, message] {
            panel->appendMessage(static_cast<int>(type), category, message);
        },
        Qt::QueuedConnection);
}

}  // namespace

LogPanel::LogPanel(QWidget* parent) : QDockWidget(tr("Log"), parent), m_text(new QPlainTextEdit) {
    setObjectName(QStringLiteral("logPanel"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                QDockWidget::DockWidgetFloatable);
    m_text->setObjectName(QStringLiteral("logText"));
    m_text->setReadOnly(true);
    m_text->setMaximumBlockCount(5000);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlaceholderText(tr("Imports, cleaning, splits and errors are logged here."));

    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 0, 6, 6);
    layout->addWidget(m_text);
    setWidget(content);

    QMutexLocker lock(&s_mutex);
    if (!s_previous) s_previous = qInstallMessageHandler(handleMessage);
    s_panel = this;
}

LogPanel::~LogPanel() {
    QMutexLocker lock(&s_mutex);
    if (s_panel == this) s_panel = nullptr;
}

void LogPanel::appendMessage(int type, const QString& category, const QString& message) {
    QString color = QStringLiteral("#3c4043");
    QString level = tr("info");
    switch (static_cast<QtMsgType>(type)) {
        case QtWarningMsg:
            color = QStringLiteral("#b06000");
            level = tr("warning");
            break;
        case QtCriticalMsg:
        case QtFatalMsg:
            color = QStringLiteral("#c5221f");
            level = tr("error");
            break;
        case QtDebugMsg:
            color = QStringLiteral("#80868b");
            level = tr("debug");
            break;
        default:
            break;
    }
    const QString module = category.section(QLatin1Char('.'), -1);
    m_text->appendHtml(QStringLiteral("<span style=\"color:#80868b\">%1</span> "
                                      "<span style=\"color:%2\"><b>%3</b> [%4] %5</span>")
                           .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), color,
                                level, module, message.toHtmlEscaped()));
}

void LogPanel::clear() { m_text->clear(); }

}  // namespace ft::ui
