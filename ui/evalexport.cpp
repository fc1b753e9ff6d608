#include "evalexport.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QToolButton>

#include "plots/evalplots.h"
#include "qcp.h"

Q_LOGGING_CATEGORY(lcEvalExport, "ft.ui.evalexport", QtInfoMsg)

namespace ft::ui::evalexport {
namespace {

const char* const kLastFolderKey = "evaluate/lastExportFolder";

QVariant cellValue(const QAbstractItemModel* model, int row, int column) {
    const QModelIndex index = model->index(row, column);
    const QVariant raw = index.data(Qt::UserRole);
    return raw.isValid() ? raw : index.data(Qt::DisplayRole);
}

QString csvField(const QString& value) {
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) &&
        !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r'))) {
        return value;
    }
    QString quoted = value;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString csvText(const QVariant& v) {
    if (v.typeId() == QMetaType::Double) return QString::number(v.toDouble(), 'g', 17);
    return v.toString();
}

QJsonValue jsonValue(const QVariant& v) {
    switch (v.typeId()) {
        case QMetaType::Double:
        case QMetaType::Float:
            return v.toDouble();
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::UInt:
        case QMetaType::ULongLong:
            return v.toLongLong();
        case QMetaType::Bool:
            return v.toBool();
        default:
            return v.isValid() ? QJsonValue(v.toString()) : QJsonValue();
    }
}

QString askFile(QWidget* parent, const QString& title, const QString& baseName,
                const QString& suffix, const QString& filter) {
    QSettings settings;
    const QString folder =
        settings
            .value(QLatin1String(kLastFolderKey),
                   QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .toString();
    QString file = QFileDialog::getSaveFileName(
        parent, title, QDir(folder).filePath(baseName + QLatin1Char('.') + suffix), filter);
    if (file.isEmpty()) return {};
    if (QFileInfo(file).suffix().isEmpty()) file += QLatin1Char('.') + suffix;
    settings.setValue(QLatin1String(kLastFolderKey), QFileInfo(file).absolutePath());
    return file;
}

}  // namespace

bool exportTable(const QAbstractItemModel* model, const QString& file, QString* error) {
    auto fail = [error](const QString& message) {
        if (error) *error = message;
        return false;
    };
    const QString suffix = QFileInfo(file).suffix().toLower();
    if (suffix != QLatin1String("csv") && suffix != QLatin1String("json")) {
        return fail(QObject::tr("cannot export to %1: unknown format \"%2\" (use .csv or .json)")
                        .arg(file, suffix));
    }
    const int rows = model->rowCount();
    const int columns = model->columnCount();
    QStringList headers;
    for (int c = 0; c < columns; ++c) {
        headers << model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    }
    QByteArray bytes;
    if (suffix == QLatin1String("csv")) {
        QStringList line;
        for (const QString& h : headers) line << csvField(h);
        QString text = line.join(QLatin1Char(',')) + QLatin1String("\r\n");
        for (int r = 0; r < rows; ++r) {
            line.clear();
            for (int c = 0; c < columns; ++c) line << csvField(csvText(cellValue(model, r, c)));
            text += line.join(QLatin1Char(',')) + QLatin1String("\r\n");
        }
        bytes = text.toUtf8();
    } else {
        QJsonArray array;
        for (int r = 0; r < rows; ++r) {
            QJsonObject object;
            for (int c = 0; c < columns; ++c)
                object.insert(headers[c], jsonValue(cellValue(model, r, c)));
            array.append(object);
        }
        bytes = QJsonDocument(array).toJson(QJsonDocument::Indented);
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly)) {
        return fail(QObject::tr("cannot export to %1: %2").arg(file, out.errorString()));
    }
    if (out.write(bytes) != bytes.size() || !out.commit()) {
        return fail(QObject::tr("cannot export to %1: %2").arg(file, out.errorString()));
    }
    return true;
}

QToolButton* plotSaveButton(QCustomPlot* plot, std::function<QString()> baseName) {
    auto* button = new QToolButton;
    button->setText(QObject::tr("Save plot"));
    button->setToolTip(QObject::tr("Save this plot as PNG, SVG or PDF"));
    button->setPopupMode(QToolButton::InstantPopup);
    button->setObjectName(QStringLiteral("savePlotButton"));
    auto* menu = new QMenu(button);
    struct Format {
        QString suffix, filter;
    };
    const Format formats[] = {
        {QStringLiteral("png"), QObject::tr("PNG image (*.png)")},
        {QStringLiteral("svg"), QObject::tr("SVG drawing (*.svg)")},
        {QStringLiteral("pdf"), QObject::tr("PDF document (*.pdf)")},
    };
    for (const Format& f : formats) {
        auto* action = menu->addAction(QObject::tr("Save as %1…").arg(f.suffix.toUpper()));
        QObject::connect(action, &QAction::triggered, plot, [plot, baseName, f] {
            const QString file =
                askFile(plot, QObject::tr("Save plot"), baseName(), f.suffix, f.filter);
            if (file.isEmpty()) return;
            QString error;
            // Twice the on-screen size for raster output, so the image stays sharp in a report.
            const int scale = f.suffix == QLatin1String("png") ? 2 : 1;
            if (!plots::savePlot(plot, file, plot->width() * scale, plot->height() * scale,
                                 &error)) {
                qCWarning(lcEvalExport).noquote() << error;
                QMessageBox::warning(plot, QObject::tr("Save plot"), error);
            }
        });
    }
    button->setMenu(menu);
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(plot, &QWidget::customContextMenuRequested, menu,
                     [plot, menu](const QPoint& pos) { menu->popup(plot->mapToGlobal(pos)); });
    return button;
}

QToolButton* tableExportButton(QAbstractItemView* view, std::function<QString()> baseName) {
    auto* button = new QToolButton;
    button->setText(QObject::tr("Export"));
    button->setToolTip(QObject::tr("Export this table as CSV or JSON"));
    button->setPopupMode(QToolButton::InstantPopup);
    button->setObjectName(QStringLiteral("exportTableButton"));
    auto* menu = new QMenu(button);
    for (const QString& suffix : {QStringLiteral("csv"), QStringLiteral("json")}) {
        auto* action = menu->addAction(QObject::tr("Export as %1…").arg(suffix.toUpper()));
        QObject::connect(action, &QAction::triggered, view, [view, baseName, suffix] {
            const QString file =
                askFile(view, QObject::tr("Export table"), baseName(), suffix,
                        suffix == QLatin1String("csv") ? QObject::tr("CSV file (*.csv)")
                                                       : QObject::tr("JSON file (*.json)"));
            if (file.isEmpty()) return;
            QString error;
            if (!exportTable(view->model(), file, &error)) {
                qCWarning(lcEvalExport).noquote() << error;
                QMessageBox::warning(view, QObject::tr("Export table"), error);
            }
        });
    }
    menu->addSeparator();
    auto* copy = menu->addAction(QObject::tr("Copy selected cells"));
    QObject::connect(copy, &QAction::triggered, view, [view] {
        QModelIndexList selected =
            view->selectionModel() ? view->selectionModel()->selectedIndexes() : QModelIndexList();
        std::sort(selected.begin(), selected.end());
        QString text;
        int lastRow = -1;
        for (const QModelIndex& index : selected) {
            if (lastRow >= 0)
                text += index.row() == lastRow ? QLatin1Char('\t') : QLatin1Char('\n');
            text += index.data(Qt::DisplayRole).toString();
            lastRow = index.row();
        }
        QApplication::clipboard()->setText(text);
    });
    button->setMenu(menu);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(
        view, &QWidget::customContextMenuRequested, menu,
        [view, menu](const QPoint& pos) { menu->popup(view->viewport()->mapToGlobal(pos)); });
    return button;
}

}  // namespace ft::ui::evalexport
