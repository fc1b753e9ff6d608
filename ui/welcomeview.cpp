#include "welcomeview.h"

#include <algorithm>

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace ft::ui {
namespace {

QPushButton* bigButton(const QString& name, const QString& title, const QString& detail) {
    auto* button = new QPushButton;
    button->setObjectName(name);
    button->setProperty("role", QStringLiteral("card"));
    button->setMinimumSize(210, 86);
    button->setCursor(Qt::PointingHandCursor);
    auto* layout = new QVBoxLayout(button);
    layout->setContentsMargins(16, 12, 16, 12);
    auto* t = new QLabel(title);
    t->setProperty("role", QStringLiteral("cardTitle"));
    auto* d = new QLabel(detail);
    d->setProperty("role", QStringLiteral("hint"));
    d->setWordWrap(true);
    for (QLabel* l : {t, d}) l->setAttribute(Qt::WA_TransparentForMouseEvents);
    layout->addWidget(t);
    layout->addWidget(d);
    layout->addStretch();
    return button;
}

}  // namespace

WelcomeView::WelcomeView(QWidget* parent)
    : QWidget(parent), m_recent(new QListWidget), m_recentEmpty(new QLabel) {
    setObjectName(QStringLiteral("welcomeView"));

    auto* title = new QLabel(tr("Finetune Studio"));
    title->setProperty("role", QStringLiteral("title"));
    auto* subtitle =
        new QLabel(tr("Fine-tune pre-trained language models on your labelled text — without "
                      "writing code. Start with a project: a folder that keeps your data, "
                      "splits, runs and exported models together."));
    subtitle->setWordWrap(true);
    subtitle->setProperty("role", QStringLiteral("subtitle"));

    QPushButton* newButton = bigButton(QStringLiteral("welcomeNewProject"), tr("New project…"),
                                       tr("Create a project folder, then import your data."));
    QPushButton* openButton = bigButton(QStringLiteral("welcomeOpenProject"), tr("Open project…"),
                                        tr("Continue where you left off."));
    QPushButton* sampleButton =
        bigButton(QStringLiteral("welcomeSampleProject"), tr("Open the sample project"),
                  tr("Support tickets labelled by intent, ready to explore."));
    connect(newButton, &QPushButton::clicked, this, &WelcomeView::newProjectRequested);
    connect(openButton, &QPushButton::clicked, this, &WelcomeView::openProjectRequested);
    connect(sampleButton, &QPushButton::clicked, this, &WelcomeView::sampleProjectRequested);

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(12);
    buttons->addWidget(newButton);
    buttons->addWidget(openButton);
    buttons->addWidget(sampleButton);

    auto* recentTitle = new QLabel(tr("Recent projects"));
    recentTitle->setProperty("role", QStringLiteral("heading"));
    m_recent->setObjectName(QStringLiteral("recentProjects"));
    m_recent->setProperty("role", QStringLiteral("recent"));
    m_recent->setCursor(Qt::PointingHandCursor);
    m_recent->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_recentEmpty->setObjectName(QStringLiteral("recentEmpty"));
    m_recentEmpty->setText(tr("Projects you open appear here."));
    m_recentEmpty->setProperty("role", QStringLiteral("hint"));
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        Q_EMIT recentProjectRequested(item->data(Qt::UserRole).toString());
    });
    connect(m_recent, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        Q_EMIT recentProjectRequested(item->data(Qt::UserRole).toString());
    });

    auto* column = new QVBoxLayout;
    column->setSpacing(10);
    column->addWidget(title);
    column->addWidget(subtitle);
    column->addSpacing(18);
    column->addLayout(buttons);
    column->addSpacing(24);
    column->addWidget(recentTitle);
    column->addWidget(m_recentEmpty);
    column->addWidget(m_recent);
    column->addStretch(1);

    auto* centered = new QWidget;
    centered->setMaximumWidth(760);
    centered->setLayout(column);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(32, 56, 32, 32);
    layout->addStretch();
    layout->addWidget(centered, 4);
    layout->addStretch();
    setRecentProjects({});
}

void WelcomeView::setRecentProjects(const QStringList& dirs) {
    m_recent->clear();
    for (const QString& dir : dirs) {
        const QString name = QFileInfo(dir).fileName();
        auto* item =
            new QListWidgetItem(QStringLiteral("%1\n%2").arg(name, QDir::toNativeSeparators(dir)));
        item->setData(Qt::UserRole, dir);
        item->setToolTip(QDir::toNativeSeparators(dir));
        m_recent->addItem(item);
    }
    const int rows = std::min(static_cast<int>(dirs.size()), 6);
    const int rowHeight = dirs.isEmpty() ? 0 : m_recent->sizeHintForRow(0);
    m_recent->setFixedHeight(rows * rowHeight + 2 * m_recent->frameWidth() + 4);
    m_recent->setVisible(!dirs.isEmpty());
    m_recentEmpty->setVisible(dirs.isEmpty());
}

}  // namespace ft::ui
