// The German translation: the compiled catalogue in ftui's resources turns the real main
// window German (menus, the five stages, the Train page), and every message of the .ts
// source is finished, with the placeholders, HTML tags, accelerators and shortcuts of its
// source text.
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

#include "mainwindow.h"

using ft::ui::MainWindow;

namespace {

const QString kCatalogue = QStringLiteral(":/i18n/finetune-studio_de.qm");
const QString kSource = QStringLiteral(FT_SOURCE_DIR "/translations/finetune-studio_de.ts");

struct Message {
    QString context;
    QString source;
    QStringList translations;  // one per numerus form, else one
    QString type;              // "unfinished", "vanished", "obsolete" or empty
    bool numerus = false;
    qint64 line = 0;
};

QList<Message> readTs(const QString& path, QString* error) {
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        const auto name = xml.name();
        if (name == QLatin1String("context")) {
            context.clear();
        } else if (name == QLatin1String("name") && context.isEmpty()) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            m = Message{};
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            m.line = xml.lineNumber();
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            m.type = xml.attributes().value(QLatin1String("type")).toString();
            if (m.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == QLatin1String("numerusform")) {
                        m.translations << xml.readElementText();
                    } else {
                        xml.skipCurrentElement();
                    }
                }
            } else {
                m.translations << xml.readElementText();
            }
            messages << m;
        }
    }
    if (xml.hasError()) *error = xml.errorString();
    return messages;
}

// %1..%9 and %n, each once however often it occurs (a translation may repeat one).
QSet<QString> placeholders(const QString& text) {
    static const QRegularExpression re(QStringLiteral("%(?:L?[1-9]|n)"));
    QSet<QString> found;
    for (const auto& match : re.globalMatch(text)) found.insert(match.captured());
    return found;
}

// Every opening and closing tag by name, sorted: <b>, </b>, <br> ... (attributes aside).
QStringList tags(const QString& text) {
    static const QRegularExpression re(QStringLiteral("<(/?[a-zA-Z][a-zA-Z0-9]*)[^<>]*>"));
    QStringList found;
    for (const auto& match : re.globalMatch(text)) found << match.captured(1).toLower();
    found.sort();
    return found;
}

// The letters marked as accelerators: '&' before a letter or digit, not '&&' and not an
// HTML entity such as &nbsp; or &amp;.
QString accelerators(const QString& text) {
    static const QRegularExpression entity(QStringLiteral("&(?:[a-zA-Z]+|#[0-9]+);"));
    QString plain = text;
    plain.remove(entity);
    plain.replace(QStringLiteral("&&"), QString());
    QString keys;
    for (qsizetype i = plain.indexOf(QLatin1Char('&')); i >= 0 && i + 1 < plain.size();
         i = plain.indexOf(QLatin1Char('&'), i + 1)) {
        if (plain[i + 1].isLetterOrNumber()) keys += plain[i + 1].toLower();
    }
    return keys;
}

}  // namespace

class TestTranslation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(QFile::exists(kCatalogue), qPrintable(kCatalogue));
        QVERIFY(m_translator.load(kCatalogue));
        QVERIFY(!m_translator.isEmpty());
        QCOMPARE(m_translator.language(), QStringLiteral("de_DE"));
        QVERIFY(QCoreApplication::installTranslator(&m_translator));
    }

    void cleanupTestCase() { QCoreApplication::removeTranslator(&m_translator); }

    // The lookup app/gui/main.cpp does: base name, "_" and the locale, under :/i18n.
    void catalogueIsFoundByLocale() {
        QTranslator byLocale;
        QVERIFY(byLocale.load(QLocale(QLocale::German, QLocale::Germany),
                              QStringLiteral("finetune-studio"), QStringLiteral("_"),
                              QStringLiteral(":/i18n")));
        QVERIFY(byLocale.load(QLocale(QLocale::German, QLocale::Austria),
                              QStringLiteral("finetune-studio"), QStringLiteral("_"),
                              QStringLiteral(":/i18n")));
        QTranslator english;
        QVERIFY(!english.load(QLocale(QLocale::English, QLocale::UnitedStates),
                              QStringLiteral("finetune-studio"), QStringLiteral("_"),
                              QStringLiteral(":/i18n")));
    }

    void mainWindowIsGerman() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QStringList menus;
        for (QAction* action : window.menuBar()->actions()) menus << action->text();
        for (const QString& title : {QStringLiteral("&Datei"), QStringLiteral("&Bearbeiten"),
                                     QStringLiteral("&Ansicht"), QStringLiteral("&Hilfe")}) {
            QVERIFY2(menus.contains(title), qPrintable(menus.join(QStringLiteral(", "))));
        }

        // No two entries of one menu (or of the menu bar) share an accelerator.
        auto unique = [](const QList<QAction*>& actions, const QString& where) {
            QHash<QChar, QString> seen;
            for (QAction* action : actions) {
                if (action->isSeparator()) continue;
                for (const QChar key : accelerators(action->text())) {
                    QVERIFY2(!seen.contains(key),
                             qPrintable(QStringLiteral("%1: '%2' and '%3' share &%4")
                                            .arg(where, seen.value(key), action->text(), key)));
                    seen.insert(key, action->text());
                }
            }
        };
        unique(window.menuBar()->actions(), QStringLiteral("menu bar"));
        for (QAction* action : window.menuBar()->actions()) {
            if (QMenu* menu = action->menu()) unique(menu->actions(), action->text());
        }

        auto* nav = window.findChild<QListWidget*>(QStringLiteral("stageNav"));
        QVERIFY(nav);
        const QStringList stages{QStringLiteral("Daten vorbereiten"),
                                 QStringLiteral("Modell wählen"), QStringLiteral("Fine-Tuning"),
                                 QStringLiteral("Evaluieren"), QStringLiteral("Bereitstellen")};
        QCOMPARE(nav->count(), stages.size());
        for (int i = 0; i < nav->count(); ++i) QCOMPARE(nav->item(i)->text(), stages[i]);

        auto button = [&window](const char* name) {
            auto* b = window.findChild<QPushButton*>(QLatin1String(name));
            return b ? b->text() : QStringLiteral("(no %1)").arg(QLatin1String(name));
        };
        QCOMPARE(button("startTrainingButton"), QStringLiteral("Starten"));
        QCOMPARE(button("pauseTrainingButton"), QStringLiteral("Pausieren"));
        QCOMPARE(button("resumeTrainingButton"), QStringLiteral("Fortsetzen"));
        QCOMPARE(button("stopTrainingButton"), QStringLiteral("Stoppen"));

        // Plural forms come from the catalogue, not from the English fallback.
        QCOMPARE(QCoreApplication::translate("ft::ui::SplitPanel",
                                             "✘ %n text(s) appear in two parts.", nullptr, 1),
                 QStringLiteral("✘ 1 Text kommt in zwei Teilen vor."));
        QCOMPARE(QCoreApplication::translate("ft::ui::SplitPanel",
                                             "✘ %n text(s) appear in two parts.", nullptr, 3),
                 QStringLiteral("✘ 3 Texte kommen in zwei Teilen vor."));
    }

    void everyMessageIsTranslated_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("translation");
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("numerus");
        QTest::addColumn<int>("forms");

        QString error;
        const QList<Message> messages = readTs(kSource, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 1000);
        for (const Message& m : messages) {
            for (qsizetype i = 0; i < qMax<qsizetype>(1, m.translations.size()); ++i) {
                QTest::addRow("line %lld form %lld", m.line, i + 1)
                    << m.source << m.translations.value(i) << m.type << m.numerus
                    << int(m.translations.size());
            }
        }
    }

    void everyMessageIsTranslated() {
        QFETCH(QString, source);
        QFETCH(QString, translation);
        QFETCH(QString, type);
        QFETCH(bool, numerus);
        QFETCH(int, forms);
        const QByteArray what = source.left(80).toUtf8();

        QVERIFY2(type.isEmpty(), what + " is " + type.toUtf8());
        QVERIFY2(!translation.trimmed().isEmpty() || source.trimmed().isEmpty(),
                 what + " has no translation");
        if (numerus) {
            QVERIFY2(forms == 2, what + ": German needs two numerus forms");
        }

        auto sorted = [](const QSet<QString>& s) {
            QStringList l(s.begin(), s.end());
            l.sort();
            return l.join(QLatin1Char(' '));
        };
        QCOMPARE(sorted(placeholders(translation)), sorted(placeholders(source)));
        QCOMPARE(tags(translation), tags(source));
        QCOMPARE(accelerators(translation).size(), accelerators(source).size());
        QCOMPARE(translation.count(QLatin1Char('\n')), source.count(QLatin1Char('\n')));

        // Shortcut strings ("Ctrl+L") go to QKeySequence and stay as they are.
        static const QRegularExpression shortcut(
            QStringLiteral("^(?:(?:Ctrl|Alt|Shift|Meta)\\+)+\\S+$"));
        if (shortcut.match(source).hasMatch()) QCOMPARE(translation, source);
    }

    // The .ts holds every string the sources have: lupdate on a copy, with the options
    // of the update_translations target, finds nothing new to translate. (Without this a
    // new tr() string would show in English and the checks above would not notice.)
    void sourcesHaveNoNewStrings() {
        const QString lupdate = QStringLiteral(FT_LUPDATE);
        if (!QFileInfo::exists(lupdate)) QSKIP("lupdate is not installed");
        QTemporaryDir tmp;
        const QString copy = tmp.filePath(QStringLiteral("de.ts"));
        QVERIFY(QFile::copy(kSource, copy));
        QProcess p;
        p.setWorkingDirectory(QStringLiteral(FT_SOURCE_DIR));
        p.start(lupdate, {QStringLiteral("-locations"), QStringLiteral("none"),
                          QStringLiteral("-no-obsolete"), QStringLiteral("ui"),
                          QStringLiteral("app/gui"), QStringLiteral("-ts"), copy});
        QVERIFY(p.waitForFinished(120000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        QCOMPARE(p.exitCode(), 0);
        QString error;
        const QList<Message> messages = readTs(copy, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList untranslated;
        for (const Message& m : messages)
            if (!m.type.isEmpty()) untranslated << m.context + QStringLiteral(": ") + m.source;
        QVERIFY2(untranslated.isEmpty(),
                 qPrintable(QStringLiteral("run the update_translations target and translate:\n") +
                            untranslated.join(QLatin1Char('\n')) + QLatin1Char('\n') + out));
    }

private:
    QTranslator m_translator;
};

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
