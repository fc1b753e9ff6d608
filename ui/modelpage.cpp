#include "modelpage.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <set>

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "appsettings.h"
#include "error.h"
#include "store/project.h"
#include "text/tokenizer.h"
#include "theme.h"
#include "tokenizerpreview.h"

Q_LOGGING_CATEGORY(lcModelPage, "ft.ui.model", QtInfoMsg)

namespace ft::ui {

namespace {

const char* const kOpenedKey = "models/openedFolders";
const char* const kSettingKey = "model";
constexpr int kMaxOpened = 10;
constexpr int kKindRole = Qt::UserRole;
constexpr int kValueRole = Qt::UserRole + 1;

QString bytes(uint64_t n) { return QLocale().formattedDataSize(static_cast<qint64>(n), 1); }

void setRole(QLabel* label, const QString& role) {
    label->setProperty("role", role);
    label->style()->unpolish(label);
    label->style()->polish(label);
}

// Builds a built-in shape's label: "2 layers × hidden 128".
QString builtinShape(const QString& name) {
    try {
        const auto s = models::Model::builtinConfig(name.toStdString()).summary();
        return ModelPage::tr("%1 layers × hidden %2, %3 heads")
            .arg(s.layers)
            .arg(s.hidden)
            .arg(s.heads);
    } catch (const Error&) {
        return {};
    }
}

}  // namespace

// The memory estimate as one stacked bar (weights, gradients, optimizer, activations)
// on a scale of the free memory, with a mark where the free memory ends.
class MemoryBar : public QWidget {
public:
    explicit MemoryBar(QWidget* parent = nullptr) : QWidget(parent) {
        setObjectName(QStringLiteral("memoryBar"));
        setMinimumHeight(22);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }
    void setValues(const std::optional<models::MemoryEstimate>& estimate,
                   std::optional<uint64_t> available) {
        m_estimate = estimate;
        m_available = available;
        update();
    }
    static QColor color(int part) {
        static const QColor colors[] = {QColor(0x1a, 0x73, 0xe8), QColor(0x12, 0xb5, 0xcb),
                                        QColor(0xf9, 0xab, 0x00), QColor(0xa1, 0x42, 0xf4)};
        return colors[part];
    }
    QSize sizeHint() const override { return QSize(300, 22); }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QRectF r = QRectF(rect()).adjusted(0.5, 3.5, -0.5, -3.5);
        p.setPen(QColor(0xda, 0xdc, 0xe0));
        p.setBrush(QColor(0xf1, 0xf3, 0xf4));
        p.drawRoundedRect(r, 4, 4);
        if (!m_estimate) return;
        // The bar is the need, split by component; when the free memory is smaller, a red
        // mark shows where it ends. (On a scale of the free memory a small model would be
        // an invisible sliver; the verdict below says how much of it is used.)
        const double total = static_cast<double>(m_estimate->total());
        const double scale = total;
        if (scale <= 0) return;
        const uint64_t parts[] = {m_estimate->weights, m_estimate->gradients, m_estimate->optimizer,
                                  m_estimate->activations};
        double x = r.left();
        p.save();
        QPainterPath clip;
        clip.addRoundedRect(r, 4, 4);
        p.setClipPath(clip);
        p.setPen(Qt::NoPen);
        for (int i = 0; i < 4; ++i) {
            const double w = r.width() * static_cast<double>(parts[i]) / scale;
            p.setBrush(color(i));
            p.drawRect(QRectF(x, r.top(), w, r.height()));
            x += w;
        }
        p.restore();
        if (m_available && static_cast<double>(*m_available) < total) {
            const double mark = r.left() + r.width() * static_cast<double>(*m_available) / scale;
            p.setPen(QPen(QColor(0xc5, 0x22, 0x1f), 2));
            p.drawLine(QPointF(mark, 0), QPointF(mark, height()));
        }
    }

private:
    std::optional<models::MemoryEstimate> m_estimate;
    std::optional<uint64_t> m_available;
};

// Model list entries are "name\ndetail": the detail line is drawn smaller and grey.
class TwoLineDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        const QString text = index.data(Qt::DisplayRole).toString();
        const int cut = text.indexOf(QLatin1Char('\n'));
        if (cut < 0) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        const QWidget* widget = option.widget;
        QStyle* style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        const QRect r =
            style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(2, 3, -2, -3);
        const QVariant foreground = index.data(Qt::ForegroundRole);
        const bool selected = opt.state & QStyle::State_Selected;
        QColor main = foreground.isValid() ? foreground.value<QBrush>().color()
                                           : opt.palette.color(QPalette::Text);
        if (selected && !foreground.isValid()) main = QColor(0x19, 0x67, 0xd2);
        QFont detailFont = opt.font;
        detailFont.setPointSizeF(detailFont.pointSizeF() * 0.9);
        const QFontMetrics fm(opt.font), dfm(detailFont);
        painter->save();
        painter->setFont(opt.font);
        painter->setPen(main);
        painter->drawText(QRect(r.left(), r.top(), r.width(), fm.height()), Qt::AlignLeft,
                          fm.elidedText(text.left(cut), Qt::ElideMiddle, r.width()));
        painter->setFont(detailFont);
        painter->setPen(foreground.isValid() ? main : QColor(0x5f, 0x63, 0x68));
        painter->drawText(QRect(r.left(), r.top() + fm.height() + 1, r.width(), dfm.height()),
                          Qt::AlignLeft,
                          dfm.elidedText(text.mid(cut + 1), Qt::ElideMiddle, r.width()));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        const QString text = index.data(Qt::DisplayRole).toString();
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        if (!text.contains(QLatin1Char('\n'))) return size;
        QFont detailFont = option.font;
        detailFont.setPointSizeF(detailFont.pointSizeF() * 0.9);
        size.setHeight(QFontMetrics(option.font).height() + QFontMetrics(detailFont).height() + 14);
        return size;
    }
};

// Opens checkpoints and scans the Hugging Face cache on the page's loading thread.
class ModelLoadWorker : public QObject {
    Q_OBJECT
public Q_SLOTS:
    void load(qint64 jobId, const ft::ui::ModelSource& source, const QStringList& labels) {
        try {
            std::shared_ptr<models::Model> model;
            if (source.kind == ModelSource::Kind::Builtin) {
                std::vector<std::string> names;
                for (const QString& l : labels) names.push_back(l.toStdString());
                model = std::make_shared<models::Model>(
                    models::Model::createBuiltin(source.value.toStdString(), names));
            } else {
                model = std::make_shared<models::Model>(
                    models::Model::open(QDir::cleanPath(source.value).toStdString()));
            }
            Q_EMIT loaded(jobId, model, source);
        } catch (const std::exception& e) {
            Q_EMIT loadFailed(jobId, QString::fromStdString(e.what()), source);
        } catch (...) {
            Q_EMIT loadFailed(jobId, tr("unknown error"), source);
        }
    }
    void scan(qint64 jobId) {
        // The folders of Preferences → Hugging Face cache; a repo found in two of them is
        // listed once (the first), as models::findCachedModels() does.
        std::vector<models::CatalogEntry> entries;
        std::set<std::string> seen;
        for (const QString& dir : AppSettings::hfCacheDirs()) {
            try {
                for (auto& e : models::scanHubCache(QDir::cleanPath(dir).toStdString())) {
                    if (seen.insert(e.repoId).second) entries.push_back(std::move(e));
                }
            } catch (const std::exception& e) {
                qCWarning(lcModelPage).noquote()
                    << "scanning the Hugging Face cache" << dir << ":" << e.what();
            }
        }
        Q_EMIT scanned(jobId, entries);
    }

Q_SIGNALS:
    void loaded(qint64 jobId, const ft::ui::ModelPtr& model, const ft::ui::ModelSource& source);
    void loadFailed(qint64 jobId, const QString& message, const ft::ui::ModelSource& source);
    void scanned(qint64 jobId, const std::vector<ft::models::CatalogEntry>& entries);
};

// Times training steps on the page's measuring thread. cancel() may be called from any
// thread; the measurement stops after the step in progress.
class SpeedWorker : public QObject {
    Q_OBJECT
public:
    void cancel(qint64 jobId) { m_cancelled.store(jobId); }

public Q_SLOTS:
    void measure(qint64 jobId, const ft::ui::ModelPtr& model, int batch, int length) {
        Progress progress;
        progress.onProgress = [this, jobId](double fraction, const std::string& what) {
            Q_EMIT progressChanged(jobId, fraction, QString::fromStdString(what));
        };
        progress.shouldStop = [this, jobId] { return m_cancelled.load() == jobId; };
        try {
            const auto info = model->info();
            const auto m = models::measureTrainingSpeed(model->config(), info.task, batch, length,
                                                        3, progress);
            Q_EMIT measured(jobId, m.secondsPerStep,
                            QList<double>(m.stepSeconds.begin(), m.stepSeconds.end()));
        } catch (const Error& e) {
            if (e.code() == ErrorCode::Cancelled)
                Q_EMIT cancelled(jobId);
            else
                Q_EMIT failed(jobId, QString::fromStdString(e.what()));
        } catch (const std::exception& e) {
            Q_EMIT failed(jobId, QString::fromStdString(e.what()));
        }
    }

Q_SIGNALS:
    void progressChanged(qint64 jobId, double fraction, const QString& text);
    void measured(qint64 jobId, double secondsPerStep, const QList<double>& stepSeconds);
    void failed(qint64 jobId, const QString& message);
    void cancelled(qint64 jobId);
    // Internal: queued to the measuring thread.
    void measureRequested(qint64 jobId, const ft::ui::ModelPtr& model, int batch, int length);

private:
    std::atomic<qint64> m_cancelled{0};
};

QString ModelSource::toSetting() const {
    return (kind == Kind::Builtin ? QStringLiteral("builtin:") : QStringLiteral("folder:")) + value;
}

std::optional<ModelSource> ModelSource::fromSetting(const QString& setting) {
    ModelSource s;
    if (setting.startsWith(QLatin1String("builtin:"))) {
        s.kind = Kind::Builtin;
        s.value = setting.mid(8);
    } else if (setting.startsWith(QLatin1String("folder:"))) {
        s.kind = Kind::Folder;
        s.value = setting.mid(7);
    } else {
        return std::nullopt;
    }
    if (s.value.isEmpty()) return std::nullopt;
    return s;
}

QString ModelSource::displayName() const {
    if (kind == Kind::Builtin) return value;
    const QFileInfo info(QDir::cleanPath(value));
    // A hub cache snapshot is named after a commit hash: show the repository instead.
    const QString repo = info.dir().dirName() == QLatin1String("snapshots")
                             ? QFileInfo(info.dir().path()).dir().dirName()
                             : QString();
    if (repo.startsWith(QLatin1String("models--")))
        return repo.mid(8).replace(QLatin1String("--"), QLatin1String("/"));
    return info.fileName();
}

QString ModelPage::formatParameters(int64_t n) {
    const QLocale locale;
    const double v = static_cast<double>(n);
    if (n >= 1000000000) return QStringLiteral("%1 B").arg(locale.toString(v / 1e9, 'f', 1));
    if (n >= 1000000) return QStringLiteral("%1 M").arg(locale.toString(v / 1e6, 'f', 1));
    if (n >= 1000) return QStringLiteral("%1 k").arg(locale.toString(v / 1e3, 'f', 1));
    return locale.toString(static_cast<qlonglong>(n));
}

QString ModelPage::formatDuration(double seconds) {
    if (seconds < 1)
        return tr("%1 ms").arg(std::max(1, static_cast<int>(std::lround(seconds * 1000))));
    if (seconds < 60) return tr("%1 s").arg(QLocale().toString(seconds, 'f', seconds < 10 ? 1 : 0));
    const auto total = static_cast<qint64>(std::llround(seconds));
    if (total < 3600)
        return tr("%1 min %2 s").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(total / 3600).arg((total % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString ModelPage::familyGuidance(const QString& type) {
    if (type == QLatin1String("bert"))
        return tr(
            "BERT reads the whole text in both directions, which makes it strong at "
            "understanding: text classification, sentence pairs, named entities. A solid "
            "default.");
    if (type == QLatin1String("roberta"))
        return tr(
            "RoBERTa is BERT trained longer on more data with better settings: usually a "
            "little more accurate for classification and named entities at the same size.");
    if (type == QLatin1String("distilbert"))
        return tr(
            "DistilBERT is about 40 % smaller and 60 % faster than BERT-base and keeps "
            "about 97 % of its accuracy: the choice when memory or time is tight.");
    if (type == QLatin1String("gpt2"))
        return tr(
            "GPT-2 reads left to right and is built to generate text. It classifies from "
            "the last token only, so it is usually weaker at classification than an "
            "encoder of the same size.");
    if (type == QLatin1String("xlnet"))
        return tr(
            "XLNet is a permutation language model: it sees context on both sides while "
            "training like a generator. Good at long texts, slower to fine-tune.");
    return {};
}

ModelPage::ModelPage(QWidget* parent)
    : QWidget(parent),
      m_loadThread(new QThread(this)),
      m_speedThread(new QThread(this)),
      m_loader(new ModelLoadWorker),
      m_speeder(new SpeedWorker),
      m_list(new QTreeWidget),
      m_builtinGroup(nullptr),
      m_cacheGroup(nullptr),
      m_openedGroup(nullptr),
      m_cardStack(new QStackedWidget),
      m_loading(new QLabel),
      m_loadingBar(new QProgressBar),
      m_loadingRow(new QWidget),
      m_architecture(new QLabel),
      m_origin(new QLabel),
      m_builtinWarning(new QLabel),
      m_parameters(new QLabel),
      m_layers(new QLabel),
      m_hidden(new QLabel),
      m_heads(new QLabel),
      m_vocab(new QLabel),
      m_positions(new QLabel),
      m_tokenizerKind(new QLabel),
      m_weights(new QLabel),
      m_labels(new QLabel),
      m_loadNotes(new QLabel),
      m_guidance(new QLabel),
      m_preview(new TokenizerPreview),
      m_batch(new QSpinBox),
      m_length(new QSpinBox),
      m_memoryBar(new MemoryBar),
      m_estimate(new QLabel),
      m_verdict(new QLabel),
      m_measure(new QPushButton(tr("Measure speed"))),
      m_cancelMeasure(new QPushButton(tr("Cancel"))),
      m_speedBar(new QProgressBar),
      m_speedText(new QLabel) {
    setObjectName(QStringLiteral("modelPage"));
    qRegisterMetaType<ft::ui::ModelPtr>();
    qRegisterMetaType<ft::ui::ModelSource>();
    qRegisterMetaType<std::vector<ft::models::CatalogEntry>>();

    m_loadThread->setObjectName(QStringLiteral("ft-model-load"));
    m_speedThread->setObjectName(QStringLiteral("ft-model-speed"));
    m_loader->moveToThread(m_loadThread);
    m_speeder->moveToThread(m_speedThread);
    connect(m_loadThread, &QThread::finished, m_loader, &QObject::deleteLater);
    connect(m_speedThread, &QThread::finished, m_speeder, &QObject::deleteLater);
    connect(this, &ModelPage::loadRequested, m_loader, &ModelLoadWorker::load);
    connect(this, &ModelPage::scanRequested, m_loader, &ModelLoadWorker::scan);
    connect(m_loader, &ModelLoadWorker::loaded, this, &ModelPage::onLoaded);
    connect(m_loader, &ModelLoadWorker::loadFailed, this, &ModelPage::onLoadFailed);
    connect(m_loader, &ModelLoadWorker::scanned, this,
            [this](qint64 jobId, const std::vector<models::CatalogEntry>& entries) {
                if (jobId == m_scanJob) populateCatalog(entries);
            });
    connect(m_speeder, &SpeedWorker::measureRequested, m_speeder, &SpeedWorker::measure,
            Qt::QueuedConnection);
    connect(m_speeder, &SpeedWorker::progressChanged, this,
            [this](qint64 jobId, double fraction, const QString& text) {
                if (jobId != m_speedJob) return;
                m_speedBar->setValue(static_cast<int>(fraction * 100));
                m_speedText->setText(tr("Measuring: %1…").arg(text));
            });
    connect(m_speeder, &SpeedWorker::measured, this,
            [this](qint64 jobId, double secondsPerStep, const QList<double>& stepSeconds) {
                if (jobId != m_speedJob) return;
                m_speedJob = 0;
                models::SpeedMeasurement m;
                m.secondsPerStep = secondsPerStep;
                m.stepSeconds.assign(stepSeconds.begin(), stepSeconds.end());
                m_speed = m;
                qCInfo(lcModelPage).noquote()
                    << "measured" << secondsPerStep << "s per step at batch" << m_speedBatch << "x"
                    << m_speedLength;
                updateSpeedText();
            });
    connect(m_speeder, &SpeedWorker::failed, this, [this](qint64 jobId, const QString& message) {
        if (jobId != m_speedJob) return;
        m_speedJob = 0;
        qCWarning(lcModelPage).noquote() << "speed measurement failed:" << message;
        m_speed.reset();
        updateSpeedText();
        m_speedText->setText(tr("The measurement failed: %1").arg(message));
    });
    connect(m_speeder, &SpeedWorker::cancelled, this, [this](qint64 jobId) {
        if (jobId != m_speedJob) return;
        m_speedJob = 0;
        updateSpeedText();
        m_speedText->setText(tr("Measurement cancelled."));
    });
    m_loadThread->start();
    m_speedThread->start();

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("modelSplitter"));
    splitter->addWidget(createList());
    splitter->addWidget(createCard());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({330, 900});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addWidget(splitter);

    populateOpened();
    refreshCatalog();
    showCard();
}

ModelPage::~ModelPage() {
    if (m_speedJob != 0) m_speeder->cancel(m_speedJob);
    for (QThread* thread : {m_loadThread, m_speedThread}) {
        thread->requestInterruption();
        thread->quit();
        thread->wait();
    }
}

QWidget* ModelPage::createList() {
    auto* panel = new QWidget;
    panel->setMinimumWidth(280);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->setSpacing(8);

    auto* open = new QPushButton(tr("Open checkpoint folder…"));
    open->setObjectName(QStringLiteral("openModelFolderButton"));
    open->setProperty("primary", true);
    open->setToolTip(
        tr("A Hugging Face model folder: config.json, model.safetensors (or "
           "pytorch_model.bin) and the tokenizer files"));
    connect(open, &QPushButton::clicked, this, &ModelPage::openFolderDialog);

    m_list->setObjectName(QStringLiteral("modelList"));
    m_list->setItemDelegate(new TwoLineDelegate(m_list));
    m_list->setHeaderHidden(true);
    m_list->setRootIsDecorated(false);
    m_list->setIndentation(10);
    m_list->setUniformRowHeights(false);
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_list->setStyleSheet(
        isDark(palette())
            ? QStringLiteral("QTreeWidget#modelList { background: #292a2d; border: 1px solid "
                             "#5f6368; border-radius: 6px; }"
                             "QTreeWidget#modelList::item { padding: 5px 4px; }"
                             "QTreeWidget#modelList::item:selected { background: #2b3f5e; "
                             "color: #aecbfa; }")
            : QStringLiteral(
                  "QTreeWidget#modelList { background: white; border: 1px solid #dadce0; "
                  "border-radius: 6px; }"
                  "QTreeWidget#modelList::item { padding: 5px 4px; }"
                  "QTreeWidget#modelList::item:selected { background: #e8f0fe; color: #1967d2; }"));

    auto makeGroup = [this](const QString& title) {
        auto* group = new QTreeWidgetItem(m_list, {title});
        group->setFlags(Qt::ItemIsEnabled);
        QFont f = group->font(0);
        f.setBold(true);
        group->setFont(0, f);
        group->setForeground(0, QColor(0x3c, 0x40, 0x43));
        group->setExpanded(true);
        return group;
    };
    m_cacheGroup = makeGroup(tr("Hugging Face cache"));
    m_openedGroup = makeGroup(tr("Opened folders"));
    m_builtinGroup = makeGroup(tr("Built-in (randomly initialised)"));
    m_builtinGroup->setToolTip(0, tr("Randomly initialised — for trying the workflow, not for "
                                     "real accuracy."));
    for (const auto& name : models::Model::builtinNames()) {
        const QString n = QString::fromStdString(name);
        auto* item =
            new QTreeWidgetItem(m_builtinGroup, {QStringLiteral("%1\n%2").arg(n, builtinShape(n))});
        item->setData(0, kKindRole, static_cast<int>(ModelSource::Kind::Builtin));
        item->setData(0, kValueRole, n);
        item->setToolTip(0, tr("%1: a BERT of %2, randomly initialised — for trying the "
                               "workflow, not for real accuracy.")
                                .arg(n, builtinShape(n)));
    }
    for (QTreeWidgetItem* g : {m_cacheGroup, m_openedGroup, m_builtinGroup}) g->setExpanded(true);

    connect(m_list, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) {
        if (!item || !item->data(0, kKindRole).isValid()) return;
        ModelSource s;
        s.kind = static_cast<ModelSource::Kind>(item->data(0, kKindRole).toInt());
        s.value = item->data(0, kValueRole).toString();
        if (m_source && *m_source == s && !isLoading()) return;
        openSource(s);
    });

    auto* rescan = new QPushButton(tr("Rescan cache"));
    rescan->setObjectName(QStringLiteral("rescanCacheButton"));
    rescan->setToolTip(tr("Look for new downloads in the Hugging Face cache again"));
    connect(rescan, &QPushButton::clicked, this, &ModelPage::refreshCatalog);

    layout->addWidget(open);
    layout->addWidget(m_list, 1);
    auto* bottom = new QHBoxLayout;
    bottom->addStretch();
    bottom->addWidget(rescan);
    layout->addLayout(bottom);
    return panel;
}

QWidget* ModelPage::createCard() {
    auto* outer = new QWidget;
    auto* outerLayout = new QVBoxLayout(outer);
    outerLayout->setContentsMargins(6, 0, 0, 0);
    outerLayout->setSpacing(6);

    // Loading strip: shown above whatever card is current, which stays until the new
    // model has loaded.
    m_loadingRow->setObjectName(QStringLiteral("modelLoadingRow"));
    auto* loadingLayout = new QHBoxLayout(m_loadingRow);
    loadingLayout->setContentsMargins(0, 0, 0, 0);
    m_loading->setObjectName(QStringLiteral("modelLoadingLabel"));
    m_loadingBar->setRange(0, 0);
    m_loadingBar->setMaximumWidth(160);
    m_loadingBar->setMaximumHeight(10);
    m_loadingBar->setTextVisible(false);
    loadingLayout->addWidget(m_loadingBar);
    loadingLayout->addWidget(m_loading, 1);
    m_loadingRow->hide();

    // Empty state -------------------------------------------------------------
    auto* empty = new QWidget;
    empty->setObjectName(QStringLiteral("modelEmptyState"));
    auto* emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch(1);
    auto* emptyTitle = new QLabel(tr("Choose a model to fine-tune"));
    emptyTitle->setProperty("role", QStringLiteral("title"));
    emptyTitle->setAlignment(Qt::AlignCenter);
    auto* emptyText = new QLabel(
        tr("Pick a checkpoint from your Hugging Face cache on the left, open a downloaded\n"
           "model folder, or try the workflow with a small built-in shape."));
    emptyText->setProperty("role", QStringLiteral("hint"));
    emptyText->setAlignment(Qt::AlignCenter);
    auto* emptyOpen = new QPushButton(tr("Open checkpoint folder…"));
    emptyOpen->setObjectName(QStringLiteral("emptyOpenModelButton"));
    emptyOpen->setProperty("primary", true);
    connect(emptyOpen, &QPushButton::clicked, this, &ModelPage::openFolderDialog);
    emptyLayout->addWidget(emptyTitle);
    emptyLayout->addWidget(emptyText);
    emptyLayout->addSpacing(12);
    emptyLayout->addWidget(emptyOpen, 0, Qt::AlignCenter);
    emptyLayout->addStretch(2);

    // The card ------------------------------------------------------------------
    auto* card = new QWidget;
    card->setObjectName(QStringLiteral("modelCard"));
    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(4, 0, 8, 8);
    cardLayout->setSpacing(8);

    m_architecture->setObjectName(QStringLiteral("modelArchitecture"));
    m_architecture->setProperty("role", QStringLiteral("title"));
    m_architecture->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_origin->setObjectName(QStringLiteral("modelOrigin"));
    m_origin->setProperty("role", QStringLiteral("hint"));
    m_origin->setWordWrap(true);
    m_origin->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_builtinWarning->setObjectName(QStringLiteral("modelBuiltinWarning"));
    m_builtinWarning->setProperty("role", QStringLiteral("error"));
    m_builtinWarning->setWordWrap(true);
    m_builtinWarning->setText(
        tr("<b>Randomly initialised</b> — for trying the workflow, not for real accuracy. "
           "It has learnt nothing yet: expect results near chance. It has no vocabulary "
           "file either, so there is no tokenizer to preview."));

    auto* facts = new QGroupBox(tr("Model"));
    facts->setObjectName(QStringLiteral("modelFacts"));
    auto* grid = new QGridLayout(facts);
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(6);
    const std::pair<QString, QLabel*> rows[] = {
        {tr("Parameters"), m_parameters},   {tr("Layers"), m_layers},
        {tr("Hidden size"), m_hidden},      {tr("Attention heads"), m_heads},
        {tr("Vocabulary"), m_vocab},        {tr("Max positions"), m_positions},
        {tr("Tokenizer"), m_tokenizerKind}, {tr("Weights"), m_weights}};
    const char* const names[] = {"modelParameters", "modelLayers", "modelHidden",
                                 "modelHeads",      "modelVocab",  "modelPositions",
                                 "modelTokenizer",  "modelWeights"};
    for (int i = 0; i < 8; ++i) {
        auto* key = new QLabel(rows[i].first);
        key->setProperty("role", QStringLiteral("hint"));
        QLabel* value = rows[i].second;
        value->setObjectName(QLatin1String(names[i]));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont f = value->font();
        f.setWeight(QFont::DemiBold);
        value->setFont(f);
        const int row = i / 2, column = (i % 2) * 2;
        grid->addWidget(key, row, column);
        grid->addWidget(value, row, column + 1);
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    m_labels->setObjectName(QStringLiteral("modelLabels"));
    m_labels->setWordWrap(true);
    m_labels->setTextFormat(Qt::RichText);
    grid->addWidget(m_labels, 4, 0, 1, 4);
    m_loadNotes->setObjectName(QStringLiteral("modelLoadNotes"));
    m_loadNotes->setProperty("role", QStringLiteral("hint"));
    m_loadNotes->setWordWrap(true);
    grid->addWidget(m_loadNotes, 5, 0, 1, 4);

    m_guidance->setObjectName(QStringLiteral("modelGuidance"));
    m_guidance->setProperty("role", QStringLiteral("note"));
    m_guidance->setWordWrap(true);

    auto* tokenizerBox = new QGroupBox(tr("Tokenizer preview"));
    tokenizerBox->setObjectName(QStringLiteral("tokenizerBox"));
    auto* tokenizerLayout = new QVBoxLayout(tokenizerBox);
    tokenizerLayout->addWidget(m_preview);

    auto* columns = new QHBoxLayout;
    columns->setSpacing(12);
    columns->addWidget(tokenizerBox, 1);
    columns->addWidget(createPreflight(), 1);

    cardLayout->addWidget(m_architecture);
    cardLayout->addWidget(m_origin);
    cardLayout->addWidget(m_builtinWarning);
    cardLayout->addWidget(m_guidance);
    cardLayout->addWidget(facts);
    cardLayout->addLayout(columns);
    cardLayout->addStretch();

    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("modelCardScroll"));
    scroll->setWidget(card);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_cardStack->setObjectName(QStringLiteral("modelCardStack"));
    m_cardStack->addWidget(empty);
    m_cardStack->addWidget(scroll);
    outerLayout->addWidget(m_loadingRow);
    outerLayout->addWidget(m_cardStack, 1);
    return outer;
}

QWidget* ModelPage::createPreflight() {
    auto* box = new QGroupBox(tr("Pre-flight check"));
    box->setObjectName(QStringLiteral("preflightBox"));
    auto* layout = new QVBoxLayout(box);
    layout->setSpacing(8);

    m_batch->setObjectName(QStringLiteral("preflightBatch"));
    m_batch->setRange(1, 4096);
    m_batch->setValue(16);
    m_batch->setToolTip(tr("Texts per training step"));
    m_length->setObjectName(QStringLiteral("preflightLength"));
    m_length->setRange(8, 512);
    m_length->setValue(128);
    m_length->setSingleStep(16);
    m_length->setToolTip(
        tr("Tokens per text; longer texts are cut off (see the tokenizer "
           "preview)"));
    auto* form = new QHBoxLayout;
    form->addWidget(new QLabel(tr("Batch size:")));
    form->addWidget(m_batch);
    form->addSpacing(12);
    form->addWidget(new QLabel(tr("Max length:")));
    form->addWidget(m_length);
    form->addStretch();

    auto* memoryTitle = new QLabel(tr("Memory for training (float32, AdamW)"));
    memoryTitle->setProperty("role", QStringLiteral("heading"));
    m_estimate->setObjectName(QStringLiteral("preflightEstimate"));
    m_estimate->setTextFormat(Qt::RichText);
    m_estimate->setWordWrap(true);
    m_verdict->setObjectName(QStringLiteral("preflightVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::RichText);

    auto* speedTitle = new QLabel(tr("Speed on this machine"));
    speedTitle->setProperty("role", QStringLiteral("heading"));
    m_measure->setObjectName(QStringLiteral("measureSpeedButton"));
    m_measure->setToolTip(
        tr("Runs three training steps of a model of this shape on a dummy "
           "batch (a few seconds for small models)"));
    m_cancelMeasure->setObjectName(QStringLiteral("cancelSpeedButton"));
    m_cancelMeasure->hide();
    m_speedBar->setObjectName(QStringLiteral("speedProgress"));
    m_speedBar->setRange(0, 100);
    m_speedBar->setMaximumHeight(12);
    m_speedBar->setTextVisible(false);
    m_speedBar->hide();
    m_speedText->setObjectName(QStringLiteral("speedResult"));
    m_speedText->setWordWrap(true);
    m_speedText->setTextFormat(Qt::RichText);
    connect(m_measure, &QPushButton::clicked, this, &ModelPage::measureSpeed);
    connect(m_cancelMeasure, &QPushButton::clicked, this, &ModelPage::cancelSpeed);
    m_measure->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    m_cancelMeasure->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    auto* speedRow = new QHBoxLayout;
    speedRow->addWidget(m_measure);
    speedRow->addWidget(m_cancelMeasure);
    speedRow->addWidget(m_speedBar, 1);
    speedRow->addStretch();

    layout->addLayout(form);
    layout->addWidget(memoryTitle);
    layout->addWidget(m_memoryBar);
    layout->addWidget(m_estimate);
    layout->addWidget(m_verdict);
    layout->addSpacing(4);
    layout->addWidget(speedTitle);
    layout->addLayout(speedRow);
    layout->addWidget(m_speedText);
    layout->addStretch();

    connect(m_batch, &QSpinBox::valueChanged, this, [this] {
        updateEstimate();
        updateSpeedText();
    });
    connect(m_length, &QSpinBox::valueChanged, this, [this](int value) {
        m_preview->setMaxLength(static_cast<size_t>(value));
        updateEstimate();
        updateSpeedText();
    });
    return box;
}

void ModelPage::setProject(store::Project* project) {
    m_project = project;
    m_datasetId = 0;
    // Whatever is in flight belongs to the previous project.
    m_loadJob = 0;
    m_pending.reset();
    m_loadingRow->hide();
    if (m_speedJob != 0) m_speeder->cancel(m_speedJob);
    m_speedJob = 0;
    m_model.reset();
    m_source.reset();
    m_speed.reset();
    refreshTrainRows();
    std::optional<ModelSource> remembered;
    if (m_project) {
        try {
            if (const auto s = m_project->setting(kSettingKey))
                remembered = ModelSource::fromSetting(QString::fromStdString(*s));
        } catch (const Error& e) {
            qCWarning(lcModelPage).noquote() << "reading the project's model:" << e.what();
        }
    }
    populateOpened();
    showCard();
    if (remembered) {
        m_restoring = true;
        openSource(*remembered);
    }
}

void ModelPage::setDatasetId(int64_t datasetId) {
    m_datasetId = datasetId;
    refreshTrainRows();
    updateSpeedText();
}

void ModelPage::refreshTrainRows() {
    m_trainRows.reset();
    m_trainRowsEstimated = false;
    if (!m_project) return;
    try {
        const int64_t dataset = m_datasetId != 0 ? m_datasetId : m_project->defaultDataset().id;
        if (const auto split = m_project->latestSplit(dataset)) {
            m_trainRows = static_cast<int64_t>(
                m_project->splitRowIds(split->id, store::SplitPart::Train).size());
        } else {
            store::RowFilter filter;
            filter.labelled = store::RowFilter::Labelled::Labelled;
            filter.includeDropped = false;
            m_trainRows = m_project->rowCount(dataset, filter) * 7 / 10;
            m_trainRowsEstimated = true;
        }
    } catch (const Error&) {
        // No dataset yet: the epoch estimate says so.
    }
}

QString ModelPage::sampleText() const {
    if (!m_project) return {};
    try {
        const int64_t dataset = m_datasetId != 0 ? m_datasetId : m_project->defaultDataset().id;
        store::RowFilter filter;
        filter.includeDropped = false;
        const auto rows = m_project->rows(dataset, filter, 0, 1);
        if (!rows.empty())
            return QString::fromStdString(rows.front().cleanText.value_or(rows.front().text));
    } catch (const Error&) {
    }
    return {};
}

QStringList ModelPage::projectLabels() const {
    QStringList out;
    if (!m_project) return out;
    try {
        const int64_t dataset = m_datasetId != 0 ? m_datasetId : m_project->defaultDataset().id;
        for (const auto& l : m_project->labels(dataset)) out << QString::fromStdString(l);
    } catch (const Error&) {
    }
    return out;
}

void ModelPage::openFolderDialog() {
    QString start = QSettings().value(QStringLiteral("models/lastFolder")).toString();
    if (start.isEmpty() && m_source && m_source->kind == ModelSource::Kind::Folder)
        start = m_source->value;
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Open a checkpoint folder (config.json + weights + tokenizer)"), start);
    if (dir.isEmpty()) return;
    QSettings().setValue(QStringLiteral("models/lastFolder"), QFileInfo(dir).path());
    openFolder(dir);
}

qint64 ModelPage::openFolder(const QString& folder) {
    return openSource(ModelSource{ModelSource::Kind::Folder, QDir(folder).absolutePath()});
}

qint64 ModelPage::openBuiltin(const QString& name) {
    return openSource(ModelSource{ModelSource::Kind::Builtin, name});
}

qint64 ModelPage::openSource(const ModelSource& source) {
    m_loadJob = m_nextJob++;
    m_pending = source;
    m_loading->setText(tr("Loading %1…").arg(source.displayName()));
    m_loadingRow->show();
    qCInfo(lcModelPage).noquote() << "loading" << source.toSetting();
    Q_EMIT loadRequested(m_loadJob, source, projectLabels());
    return m_loadJob;
}

void ModelPage::onLoaded(qint64 jobId, const ModelPtr& model, const ModelSource& source) {
    if (jobId != m_loadJob) return;
    m_loadJob = 0;
    m_pending.reset();
    m_restoring = false;
    m_loadingRow->hide();
    m_model = model;
    m_info = model->info();
    m_source = source;
    m_speed.reset();
    if (m_speedJob != 0) {
        m_speeder->cancel(m_speedJob);
        m_speedJob = 0;
    }
    qCInfo(lcModelPage).noquote() << "loaded" << QString::fromStdString(m_info.architecture)
                                  << formatParameters(m_info.parameters) << "parameters from"
                                  << source.toSetting();
    if (m_project) {
        try {
            m_project->setSetting(kSettingKey, source.toSetting().toStdString());
        } catch (const Error& e) {
            qCWarning(lcModelPage).noquote() << "remembering the model:" << e.what();
        }
    }
    if (source.kind == ModelSource::Kind::Folder) rememberOpened(source.value);

    // Length: the model's positions bound the spin box; keep the user's choice if it fits.
    const int positions = static_cast<int>(std::max<int64_t>(8, m_info.maxPositions));
    {
        const QSignalBlocker block(m_length);
        m_length->setRange(std::min(8, positions), positions);
        if (m_length->value() > positions) m_length->setValue(std::min(128, positions));
    }
    const auto* tokenizer = m_model->tokenizer();
    if (tokenizer) {
        // Aliasing: the preview holds the model (which owns the tokenizer) alive.
        m_preview->setTokenizer(std::shared_ptr<const text::Tokenizer>(m_model, tokenizer),
                                static_cast<size_t>(m_length->value()));
    } else {
        m_preview->setTokenizer(nullptr, 0,
                                source.kind == ModelSource::Kind::Builtin
                                    ? tr("Built-in shapes come without a vocabulary, so there "
                                         "is nothing to preview.")
                                    : tr("This folder has no tokenizer files (tokenizer.json, "
                                         "vocab.txt, vocab.json + merges.txt or spiece.model)."));
    }
    // Something to look at right away: a training text of the project's dataset.
    if (tokenizer && m_preview->text().isEmpty()) {
        const QString sample = sampleText();
        if (!sample.isEmpty()) m_preview->setText(sample);
    }
    showCard();
    selectSourceItem();
    Q_EMIT statusMessage(tr("Loaded %1").arg(source.displayName()));
    Q_EMIT modelChanged();
}

void ModelPage::onLoadFailed(qint64 jobId, const QString& message, const ModelSource& source) {
    if (jobId != m_loadJob) return;
    m_loadJob = 0;
    m_pending.reset();
    m_loadingRow->hide();
    const bool restoring = m_restoring;
    m_restoring = false;
    qCWarning(lcModelPage).noquote() << "could not load" << source.toSetting() << ":" << message;
    selectSourceItem();
    Q_EMIT modelLoadFailed(message);
    if (restoring) {
        Q_EMIT statusMessage(tr("The project's model %1 could not be loaded: %2")
                                 .arg(source.displayName(), message));
        return;
    }
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("The model could not be loaded"),
        m_model ? tr("%1 could not be loaded. %2 stays selected.")
                      .arg(source.displayName(), m_source ? m_source->displayName() : QString())
                : tr("%1 could not be loaded.").arg(source.displayName()),
        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("modelErrorBox"));
    box->setInformativeText(message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void ModelPage::selectSourceItem() {
    const QSignalBlocker block(m_list);
    m_list->clearSelection();
    if (!m_source) return;
    for (QTreeWidgetItem* group : {m_cacheGroup, m_openedGroup, m_builtinGroup}) {
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem* item = group->child(i);
            if (!item->data(0, kKindRole).isValid()) continue;
            const ModelSource s{static_cast<ModelSource::Kind>(item->data(0, kKindRole).toInt()),
                                item->data(0, kValueRole).toString()};
            if (s == *m_source) {
                m_list->setCurrentItem(item);
                return;
            }
        }
    }
}

void ModelPage::refreshCatalog() {
    m_scanJob = m_nextJob++;
    Q_EMIT scanRequested(m_scanJob);
}

void ModelPage::populateCatalog(const std::vector<models::CatalogEntry>& entries) {
    qDeleteAll(m_cacheGroup->takeChildren());
    QStringList where;
    for (const QString& d : AppSettings::hfCacheDirs()) where << QDir::toNativeSeparators(d);
    m_cacheGroup->setText(0, tr("Hugging Face cache (%1)").arg(entries.size()));
    m_cacheGroup->setToolTip(0, where.isEmpty() ? tr("No Hugging Face cache folder was found")
                                                : where.join(QLatin1Char('\n')));
    for (const auto& e : entries) {
        const QString repo = QString::fromStdString(e.repoId);
        QString second =
            QString::fromStdString(e.architecture.empty() ? e.modelType : e.architecture);
        if (!e.problem.empty())
            second = tr("cannot be opened: %1").arg(QString::fromStdString(e.modelType));
        auto* item =
            new QTreeWidgetItem(m_cacheGroup, {QStringLiteral("%1\n%2").arg(repo, second)});
        item->setData(0, kKindRole, static_cast<int>(ModelSource::Kind::Folder));
        item->setData(0, kValueRole, QString::fromStdString(e.folder));
        QString tip =
            QStringLiteral("<b>%1</b><br>%2")
                .arg(repo.toHtmlEscaped(),
                     QDir::toNativeSeparators(QString::fromStdString(e.folder)).toHtmlEscaped());
        const QString guide = familyGuidance(QString::fromStdString(e.modelType));
        if (!guide.isEmpty()) tip += QStringLiteral("<br><br>") + guide.toHtmlEscaped();
        if (!e.problem.empty()) {
            tip += QStringLiteral("<br><br><span style='color:#ff8a80'>%1</span>")
                       .arg(QString::fromStdString(e.problem).toHtmlEscaped());
            item->setForeground(0, QColor(0x9a, 0xa0, 0xa6));
        }
        item->setToolTip(0, tip);
    }
    if (entries.empty()) {
        auto* none = new QTreeWidgetItem(
            m_cacheGroup,
            {where.isEmpty() ? tr("No cache found (%1)")
                                   .arg(QDir::toNativeSeparators(AppSettings::defaultHfCache()))
                             : tr("No models downloaded yet")});
        none->setFlags(Qt::NoItemFlags);
        none->setToolTip(0, tr("Models downloaded with transformers or huggingface-cli appear "
                               "here. Choose another folder in Edit → Preferences… if your cache "
                               "lives elsewhere."));
    }
    selectSourceItem();
}

void ModelPage::populateOpened() {
    qDeleteAll(m_openedGroup->takeChildren());
    QStringList folders = QSettings().value(QLatin1String(kOpenedKey)).toStringList();
    if (m_source && m_source->kind == ModelSource::Kind::Folder &&
        !folders.contains(m_source->value))
        folders.prepend(m_source->value);
    for (const QString& folder : folders) {
        const ModelSource s{ModelSource::Kind::Folder, folder};
        const QFileInfo info(folder);
        auto* item = new QTreeWidgetItem(
            m_openedGroup, {QStringLiteral("%1\n%2").arg(
                               s.displayName(), QDir::toNativeSeparators(info.dir().path()))});
        item->setData(0, kKindRole, static_cast<int>(ModelSource::Kind::Folder));
        item->setData(0, kValueRole, folder);
        item->setToolTip(0, QDir::toNativeSeparators(folder));
        if (!info.isDir()) item->setForeground(0, QColor(0x9a, 0xa0, 0xa6));
    }
    if (folders.isEmpty()) {
        auto* none =
            new QTreeWidgetItem(m_openedGroup, {tr("None yet — use “Open checkpoint folder…”")});
        none->setFlags(Qt::NoItemFlags);
    }
    selectSourceItem();
}

void ModelPage::rememberOpened(const QString& folder) {
    QSettings settings;
    QStringList folders = settings.value(QLatin1String(kOpenedKey)).toStringList();
    folders.removeAll(folder);
    folders.prepend(folder);
    while (folders.size() > kMaxOpened) folders.removeLast();
    settings.setValue(QLatin1String(kOpenedKey), folders);
    populateOpened();
}

void ModelPage::showCard() {
    if (!m_model) {
        m_cardStack->setCurrentIndex(0);
        m_measure->setEnabled(false);
        m_preview->setTokenizer(nullptr, 0, tr("No model is loaded."));
        return;
    }
    m_cardStack->setCurrentIndex(1);
    const QLocale locale;
    const auto& i = m_info;
    const auto& r = m_model->report();
    const bool builtin = m_source && m_source->kind == ModelSource::Kind::Builtin;
    m_architecture->setText(QString::fromStdString(i.architecture));
    if (builtin) {
        m_origin->setText(tr("Built-in shape “%1” · model type %2")
                              .arg(m_source->value, QString::fromStdString(i.modelType)));
    } else {
        m_origin->setText(
            tr("%1 · model type %2 · %3")
                .arg(m_source ? m_source->displayName() : QString(),
                     QString::fromStdString(i.modelType),
                     m_source ? QDir::toNativeSeparators(m_source->value) : QString()));
    }
    m_builtinWarning->setVisible(builtin);

    m_parameters->setText(formatParameters(i.parameters));
    m_parameters->setToolTip(
        tr("%1 parameters").arg(locale.toString(static_cast<qlonglong>(i.parameters))));
    m_layers->setText(locale.toString(static_cast<qlonglong>(i.layers)));
    m_hidden->setText(locale.toString(static_cast<qlonglong>(i.hidden)));
    m_heads->setText(locale.toString(static_cast<qlonglong>(i.heads)));
    m_vocab->setText(locale.toString(static_cast<qlonglong>(i.vocab)));
    m_positions->setText(locale.toString(static_cast<qlonglong>(i.maxPositions)));
    m_tokenizerKind->setText(i.tokenizerKind.empty() ? tr("none")
                                                     : QString::fromStdString(i.tokenizerKind));
    if (builtin) {
        m_weights->setText(tr("in memory · %1").arg(QString::fromStdString(i.dtype)));
    } else {
        m_weights->setText(tr("%1 · %2 (stored %3)")
                               .arg(bytes(i.fileBytes), QString::fromStdString(i.dtype),
                                    QString::fromStdString(r.storedDtype)));
        m_weights->setToolTip(QString::fromStdString(r.format));
    }

    const QStringList datasetLabels = projectLabels();
    QStringList modelLabels;
    for (const auto& l : i.labels) modelLabels << QString::fromStdString(l);
    QString labels;
    if (i.task != models::Task::SequenceClassification) {
        labels = tr("<b>Head:</b> %1 — fine-tuning replaces it with a classification head for "
                    "your labels.")
                     .arg(QString::fromLatin1(models::toString(i.task)));
    } else if (!modelLabels.isEmpty()) {
        QStringList escaped;
        for (const auto& l : modelLabels) escaped << l.toHtmlEscaped();
        labels = tr("<b>Labels (%1):</b> %2")
                     .arg(modelLabels.size())
                     .arg(escaped.join(QStringLiteral(", ")));
        if (!datasetLabels.isEmpty() && datasetLabels != modelLabels)
            labels += QStringLiteral("<br><span style='color:#5f6368'>%1</span>")
                          .arg(tr("Your dataset's labels are different (%1); fine-tuning gives "
                                  "the model a new head for them.")
                                   .arg(datasetLabels.join(QStringLiteral(", ")).toHtmlEscaped()));
        else if (!datasetLabels.isEmpty())
            labels += QStringLiteral(" <span style='color:#137333'>%1</span>")
                          .arg(tr("— the same as your dataset's"));
    }
    m_labels->setText(labels);
    m_labels->setVisible(!labels.isEmpty());

    QStringList notes;
    if (!builtin && !r.newWeights.empty()) {
        QStringList names;
        for (const auto& w : r.newWeights) names << QString::fromStdString(w);
        notes << tr("Not in the checkpoint, so they start random and are learnt during "
                    "fine-tuning: %1")
                     .arg(names.join(QStringLiteral(", ")));
    }
    if (!r.unexpectedKeys.empty())
        notes << tr("Checkpoint weights this model does not use: %1")
                     .arg(static_cast<qulonglong>(r.unexpectedKeys.size()));
    m_loadNotes->setText(notes.join(QLatin1Char('\n')));
    m_loadNotes->setVisible(!notes.isEmpty());

    QString guide = familyGuidance(QString::fromStdString(i.modelType));
    m_guidance->setText(guide);
    m_guidance->setVisible(!guide.isEmpty());

    updateEstimate();
    updateSpeedText();
}

std::optional<models::MemoryEstimate> ModelPage::memoryEstimate() const {
    if (!m_model) return std::nullopt;
    try {
        const auto shape = models::trainingShape(m_model->config(), m_info.parameters);
        return models::estimateTrainingMemory(shape, m_batch->value(), m_length->value());
    } catch (const Error&) {
        return std::nullopt;
    }
}

void ModelPage::updateEstimate() {
    const auto estimate = memoryEstimate();
    const auto available = models::availableMemory();
    m_memoryBar->setValues(estimate, available);
    if (!estimate) {
        m_estimate->clear();
        m_verdict->clear();
        return;
    }
    // One legend entry never breaks across lines.
    auto entry = [](int part, const QString& name, uint64_t value) {
        const auto nbsp = [](QString t) { return t.replace(QLatin1Char(' '), QChar(0x00a0)); };
        return QStringLiteral("<span style='color:%1'>■</span>&nbsp;%2&nbsp;<b>%3</b>")
            .arg(MemoryBar::color(part).name(), nbsp(name), nbsp(bytes(value)));
    };
    const QString legend = QStringList{entry(0, tr("weights"), estimate->weights),
                                       entry(1, tr("gradients"), estimate->gradients),
                                       entry(2, tr("optimizer"), estimate->optimizer),
                                       entry(3, tr("activations"), estimate->activations)}
                               .join(QStringLiteral(" &nbsp; "));
    m_estimate->setText(
        tr("%1<br><b>%2 needed</b> · %3")
            .arg(legend, bytes(estimate->total()),
                 available ? tr("%1 free now").arg(bytes(*available)) : tr("free memory unknown")));
    if (!available) {
        setRole(m_verdict, QStringLiteral("hint"));
        m_verdict->setText(
            tr("This system does not report its free memory; compare the total "
               "with your machine's memory."));
        m_measure->setEnabled(m_speedJob == 0);
        return;
    }
    const auto shape = models::trainingShape(m_model->config(), m_info.parameters);
    const int batch = m_batch->value(), length = m_length->value();
    const auto v = models::verdict(estimate->total(), *available);
    QString advice;
    if (v != models::Verdict::Fits) {
        const int64_t b = models::largestFittingBatch(shape, batch, length, *available);
        const int64_t t = models::largestFittingLength(shape, batch, length, *available);
        QStringList options;
        if (b > 0) options << tr("batch size %1").arg(b);
        if (t >= 8) options << tr("max length %1").arg(t);
        advice = options.isEmpty()
                     ? tr("Even batch size 1 is too much at this length: lower the max length a "
                          "lot, or choose a smaller model (DistilBERT, a compact BERT).")
                     : tr("Lower the %1.").arg(options.join(tr(" or the ")));
    }
    switch (v) {
        case models::Verdict::Fits:
            setRole(m_verdict, QStringLiteral("ok"));
            m_verdict->setText(
                tr("✔ <b>Fits</b> — about %1 % of the free memory.")
                    .arg(std::max<qint64>(
                        1, std::llround(100.0 * static_cast<double>(estimate->total()) /
                                        static_cast<double>(*available)))));
            break;
        case models::Verdict::Tight:
            setRole(m_verdict, QStringLiteral("error"));
            m_verdict->setText(tr("<b>Tight</b> — it needs most of the free memory; other "
                                  "programs could push it out. %1")
                                   .arg(advice));
            break;
        case models::Verdict::WillNotFit:
            setRole(m_verdict, QStringLiteral("error"));
            m_verdict->setText(tr("<b>Will not fit</b> — it needs %1 more than is free. %2")
                                   .arg(bytes(estimate->total() - *available), advice));
            break;
    }
    m_verdict->setProperty("verdict", static_cast<int>(v));
    m_measure->setEnabled(m_speedJob == 0 && v != models::Verdict::WillNotFit);
    m_measure->setToolTip(v == models::Verdict::WillNotFit
                              ? tr("Lower the batch size or max length first: this would not "
                                   "fit in memory")
                              : tr("Runs three training steps of a model of this shape on a "
                                   "dummy batch (a few seconds for small models)"));
}

void ModelPage::measureSpeed() {
    if (!m_model || m_speedJob != 0) return;
    m_speedJob = m_nextJob++;
    m_speedBatch = m_batch->value();
    m_speedLength = m_length->value();
    m_speed.reset();
    m_measure->setEnabled(false);
    m_cancelMeasure->setEnabled(true);
    m_cancelMeasure->show();
    m_speedBar->setValue(0);
    m_speedBar->show();
    m_speedText->setText(tr("Measuring three training steps at batch %1 × %2 tokens…")
                             .arg(m_speedBatch)
                             .arg(m_speedLength));
    qCInfo(lcModelPage).noquote() << "measuring speed at batch" << m_speedBatch << "x"
                                  << m_speedLength;
    Q_EMIT m_speeder->measureRequested(m_speedJob, m_model, m_speedBatch, m_speedLength);
}

void ModelPage::cancelSpeed() {
    if (m_speedJob == 0) return;
    m_speeder->cancel(m_speedJob);
    m_cancelMeasure->setEnabled(false);
    m_speedText->setText(tr("Cancelling after the current step…"));
}

void ModelPage::updateSpeedText() {
    const bool running = m_speedJob != 0;
    m_cancelMeasure->setVisible(running);
    m_cancelMeasure->setEnabled(running);
    m_speedBar->setVisible(running);
    if (running) return;
    updateEstimate();  // re-enables the button unless the batch will not fit
    if (!m_model) {
        m_speedText->clear();
        return;
    }
    if (!m_speed) {
        m_speedText->setText(
            QStringLiteral("<span style='color:#5f6368'>%1</span>")
                .arg(tr("Not measured yet. Measuring takes three training steps on this "
                        "machine's processor.")));
        return;
    }
    const QLocale locale;
    const double perStep = m_speed->secondsPerStep;
    QString text = tr("<b>%1 per step</b> at batch %2 × %3 tokens (median of %4 steps).")
                       .arg(formatDuration(perStep))
                       .arg(m_speedBatch)
                       .arg(m_speedLength)
                       .arg(m_speed->stepSeconds.size());
    const int batch = m_speedBatch;
    if (m_trainRows && *m_trainRows > 0) {
        const qint64 steps = (*m_trainRows + batch - 1) / batch;
        text +=
            QStringLiteral("<br>") + tr("One epoch of %1 training rows = %2 steps ≈ <b>%3</b>.")
                                         .arg(locale.toString(static_cast<qlonglong>(*m_trainRows)))
                                         .arg(locale.toString(steps))
                                         .arg(formatDuration(perStep * static_cast<double>(steps)));
        if (m_trainRowsEstimated)
            text += QStringLiteral(" <span style='color:#5f6368'>%1</span>")
                        .arg(tr("(70 % of the labelled rows: split the data for the exact "
                                "count)"));
    } else {
        text += QStringLiteral("<br><span style='color:#5f6368'>%1</span>")
                    .arg(tr("Import and split a dataset to see the time per epoch."));
    }
    if (m_speedBatch != m_batch->value() || m_speedLength != m_length->value())
        text += QStringLiteral("<br><span style='color:#b06000'>%1</span>")
                    .arg(tr("Measured with other settings: measure again for batch %1 × %2.")
                             .arg(m_batch->value())
                             .arg(m_length->value()));
    m_speedText->setText(text);
}

}  // namespace ft::ui

#include "modelpage.moc"
