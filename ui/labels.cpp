#include "labels.h"

#include <QDateTime>
#include <QObject>

namespace ft::ui {

QString splitPartName(store::SplitPart part) {
    switch (part) {
        case store::SplitPart::Train:
            return QObject::tr("train");
        case store::SplitPart::Validation:
            return QObject::tr("validation");
        case store::SplitPart::Test:
            return QObject::tr("test");
    }
    return {};
}

QString runStatusName(store::RunStatus status) {
    switch (status) {
        case store::RunStatus::Created:
            return QObject::tr("not started");
        case store::RunStatus::Running:
            return QObject::tr("training");
        case store::RunStatus::Paused:
            return QObject::tr("paused");
        case store::RunStatus::Completed:
            return QObject::tr("completed");
        case store::RunStatus::Stopped:
            return QObject::tr("stopped");
        case store::RunStatus::Failed:
            return QObject::tr("failed");
        case store::RunStatus::Crashed:
            return QObject::tr("crashed");
    }
    return {};
}

QString localTime(const std::string& utc) {
    const QString text = QString::fromStdString(utc);
    const QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid()) return text;
    return t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

}  // namespace ft::ui
