#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "mainwindow.h"
#include "modelpage.h"
#include "models/model.h"
#include "store/project.h"
#include "text/tokenizer.h"
#include "tokenizerpreview.h"

using ft::ui::MainWindow;
using ft::ui::ModelPage;

namespace {

constexpr int kTimeout = 20000;
const QString kBertTiny = QStringLiteral(FT_SHARED_DIR "/fixtures/hf/models/bert-tiny");

// A copy of bert-tiny whose model.safetensors is cut in half.
bool writeCorruptCopy(const QString& dir) {
    const QDir source(kBertTiny);
    for (const QString& name : source.entryList(QDir::Files)) {
        if (!QFile::copy(source.filePath(name), QDir(dir).filePath(name))) return false;
    }
    QFile weights(QDir(dir).filePath(QStringLiteral("model.safetensors")));
    return weights.resize(weights.size() / 2);
}

QLabel* label(QWidget* page, const char* name) {
    return page->findChild<QLabel*>(QLatin1String(name));
}

}  // namespace

class TestModelPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        // An empty Hugging Face cache, so the list does not depend on the machine.
        QVERIFY(m_cache.isValid());
        for (const char* var :
             {"HF_HOME", "HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE", "XDG_CACHE_HOME"})
            qputenv(var, m_cache.path().toUtf8());
    }

    void formats() {
        QCOMPARE(ModelPage::formatParameters(4385920), QStringLiteral("4.4 M"));
        QCOMPARE(ModelPage::formatParameters(109482240), QStringLiteral("109.5 M"));
        QCOMPARE(ModelPage::formatParameters(999), QStringLiteral("999"));
        QCOMPARE(ModelPage::formatDuration(42), QStringLiteral("42 s"));
        QCOMPARE(ModelPage::formatDuration(200), QStringLiteral("3 min 20 s"));
        QCOMPARE(ModelPage::formatDuration(7500), QStringLiteral("2 h 05 min"));
        QVERIFY(ModelPage::familyGuidance(QStringLiteral("distilbert"))
                    .contains(QStringLiteral("40 %")));
        QVERIFY(ModelPage::familyGuidance(QStringLiteral("gpt2"))
                    .contains(QStringLiteral("last token")));
    }

    void loadsPreviewsAndKeepsTheModelOnErrors() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.createProject(tmp.filePath(QStringLiteral("project"))));

        // Every stage is reachable once a project is open.
        auto* nav = window.findChild<QListWidget*>(QStringLiteral("stageNav"));
        for (int i = 1; i < nav->count(); ++i)
            QVERIFY2(nav->item(i)->flags() & Qt::ItemIsEnabled, qPrintable(nav->item(i)->text()));
        nav->setCurrentRow(1);
        QCOMPARE(window.currentPage(), MainWindow::Page::Model);
        ModelPage* page = window.modelPage();
        QVERIFY(!page->hasModel());

        page->openFolder(kBertTiny);
        QTRY_COMPARE_WITH_TIMEOUT(label(page, "modelArchitecture")->text(),
                                  QStringLiteral("BertForSequenceClassification"), kTimeout);
        const auto core = ft::models::Model::open(kBertTiny.toStdString());
        QCOMPARE(label(page, "modelParameters")->text(),
                 ModelPage::formatParameters(core.info().parameters));
        QCOMPARE(label(page, "modelLayers")->text(), QStringLiteral("2"));
        QCOMPARE(label(page, "modelTokenizer")->text(), QStringLiteral("WordPiece"));
        QVERIFY(label(page, "modelLabels")->text().contains(QStringLiteral("negative")));
        QVERIFY(label(page, "modelGuidance")->text().contains(QStringLiteral("BERT")));
        QVERIFY(!label(page, "modelBuiltinWarning")->isVisible());

        // The tokenizer preview counts what the core tokenizer counts.
        auto* preview = page->tokenizerPreview();
        QVERIFY(preview->hasTokenizer());
        auto* text = preview->findChild<QPlainTextEdit*>(QStringLiteral("tokenizerText"));
        const QString typed = QStringLiteral("the movie was great, zqxj!");
        text->clear();
        text->setFocus();
        QTest::keyClicks(text, typed);
        const auto expected = core.tokenizer()->encode(typed.toStdString());
        QTRY_COMPARE_WITH_TIMEOUT(preview->tokenCount(), static_cast<int>(expected.size()),
                                  kTimeout);
        int unknown = 0;
        for (int32_t id : expected.ids) unknown += id == core.tokenizer()->unkId();
        QCOMPARE(preview->unknownCount(), unknown);
        QVERIFY(
            label(preview, "tokenizerCounts")->text().contains(QString::number(expected.size())));
        QVERIFY(!preview->isTruncated());
        auto* chips = preview->findChild<ft::ui::TokenChips*>(QStringLiteral("tokenChips"));
        QVERIFY(chips);
        QCOMPARE(chips->tokens().size(), expected.size());
        QCOMPARE(chips->tokens().front().id, expected.ids.front());
        QCOMPARE(chips->tokenAt(QPoint(6, 6)), 0);  // the first chip, where hovering shows its id
        const QString ids =
            preview->findChild<QPlainTextEdit*>(QStringLiteral("tokenizerIds"))->toPlainText();
        QVERIFY(ids.startsWith(QStringLiteral("[%1, ").arg(expected.ids.front())));

        // A long text goes to a worker and is cut at the max length.
        auto* length = page->findChild<QSpinBox*>(QStringLiteral("preflightLength"));
        QCOMPARE(length->maximum(), 64);  // the fixture's max_position_embeddings
        length->setValue(32);
        preview->setText(QStringLiteral("word ").repeated(2500));
        QTRY_VERIFY_WITH_TIMEOUT(preview->isTruncated(), kTimeout);
        QCOMPARE(preview->tokenCount(), 32);
        QVERIFY(label(preview, "tokenizerTruncated")->isVisible());
        QVERIFY(label(preview, "tokenizerTruncated")->text().contains(QStringLiteral("32")));

        // Pre-flight: a larger batch needs more memory, and the label says so.
        auto* batch = page->findChild<QSpinBox*>(QStringLiteral("preflightBatch"));
        auto* estimate = label(page, "preflightEstimate");
        const QString before = estimate->text();
        const auto small = page->memoryEstimate();
        QVERIFY(small.has_value());
        batch->setValue(batch->value() * 4);
        QVERIFY(estimate->text() != before);
        QVERIFY(page->memoryEstimate()->total() > small->total());
        QVERIFY(!label(page, "preflightVerdict")->text().isEmpty());

        // The choice is remembered in the project.
        {
            const auto project = ft::store::Project::open(window.projectDir().toStdString());
            QCOMPARE(project.setting("model"),
                     std::optional<std::string>("folder:" +
                                                QDir(kBertTiny).absolutePath().toStdString()));
        }

        // A corrupt checkpoint: an error naming the file, and bert-tiny stays.
        const QString corrupt = tmp.filePath(QStringLiteral("corrupt"));
        QVERIFY(QDir().mkpath(corrupt));
        QVERIFY(writeCorruptCopy(corrupt));
        QSignalSpy failed(page, &ModelPage::modelLoadFailed);
        page->openFolder(corrupt);
        QMessageBox* box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (box = page->findChild<QMessageBox*>(QStringLiteral("modelErrorBox"))) != nullptr,
            kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(box->isVisible(), kTimeout);
        QVERIFY2(box->informativeText().contains(QStringLiteral("model.safetensors")),
                 qPrintable(box->informativeText()));
        QCOMPARE(failed.count(), 1);
        box->accept();
        QCOMPARE(label(page, "modelArchitecture")->text(),
                 QStringLiteral("BertForSequenceClassification"));
        QVERIFY(page->source().has_value());
        QCOMPARE(page->source()->value, QDir(kBertTiny).absolutePath());
        QVERIFY(preview->hasTokenizer());
        {
            const auto project = ft::store::Project::open(window.projectDir().toStdString());
            QVERIFY(QString::fromStdString(*project.setting("model"))
                        .contains(QStringLiteral("bert-tiny")));
        }
    }

    void remembersTheModelPerProject() {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("project"));
        {
            auto project = ft::store::Project::create(dir.toStdString());
            project.setSetting("model", "folder:" + kBertTiny.toStdString());
        }
        MainWindow window;
        window.show();
        QVERIFY(window.openProject(dir));
        QTRY_VERIFY_WITH_TIMEOUT(window.modelPage()->hasModel(), kTimeout);
        QCOMPARE(window.modelPage()->model()->info().architecture,
                 std::string("BertForSequenceClassification"));
    }

    void builtinShapeIsLabelledAndMeasured() {
        QTemporaryDir tmp;
        MainWindow window;
        window.show();
        QVERIFY(window.createProject(tmp.filePath(QStringLiteral("project"))));
        window.showPage(MainWindow::Page::Model);
        ModelPage* page = window.modelPage();
        page->openBuiltin(QStringLiteral("bert-tiny"));
        QTRY_VERIFY_WITH_TIMEOUT(page->hasModel(), kTimeout);
        QVERIFY(label(page, "modelBuiltinWarning")->isVisible());
        QVERIFY(label(page, "modelBuiltinWarning")
                    ->text()
                    .contains(QStringLiteral("not for real accuracy")));
        QCOMPARE(label(page, "modelParameters")->text(), QStringLiteral("4.4 M"));
        QVERIFY(!page->tokenizerPreview()->hasTokenizer());

        page->findChild<QSpinBox*>(QStringLiteral("preflightBatch"))->setValue(2);
        page->findChild<QSpinBox*>(QStringLiteral("preflightLength"))->setValue(16);
        auto* measure = page->findChild<QPushButton*>(QStringLiteral("measureSpeedButton"));
        QVERIFY(measure->isEnabled());
        measure->click();
        QVERIFY(page->isMeasuring());
        QTRY_VERIFY_WITH_TIMEOUT(!page->isMeasuring(), kTimeout);
        QVERIFY2(label(page, "speedResult")->text().contains(QStringLiteral("per step")),
                 qPrintable(label(page, "speedResult")->text()));

        // A measurement can be cancelled; the button comes back.
        page->openBuiltin(QStringLiteral("bert-small"));
        QTRY_VERIFY_WITH_TIMEOUT(
            page->source() && page->source()->value == QLatin1String("bert-small"), kTimeout);
        page->findChild<QSpinBox*>(QStringLiteral("preflightLength"))->setValue(256);
        measure->click();
        QVERIFY(page->isMeasuring());
        page->findChild<QPushButton*>(QStringLiteral("cancelSpeedButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isMeasuring(), kTimeout);
        QCOMPARE(label(page, "speedResult")->text(), QStringLiteral("Measurement cancelled."));
        QVERIFY(measure->isEnabled());
    }

private:
    QTemporaryDir m_cache;
};

QTEST_MAIN(TestModelPage)
#include "tst_modelpage.moc"
