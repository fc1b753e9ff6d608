#include <optional>
#include <string>
#include <vector>

#include <QTemporaryDir>
#include <QtTest>

#include "core/data/datasetfixture.h"
#include "data/cleaner.h"
#include "error.h"
#include "store/project.h"
#include "store/sqlite.h"

using namespace ft::data;
using ft::store::Project;

namespace {

using ft::test::makeDataset;
using ft::test::TestRow;

std::vector<ft::store::Row> allRows(const Project& p, int64_t ds) {
    return p.rows(ds, {}, 0, 1000000);
}

QByteArray clean(std::vector<Step> steps, const QByteArray& in, const std::string& form = "NFKC") {
    Pipeline p;
    p.steps = std::move(steps);
    p.unicodeForm = form;
    return QByteArray::fromStdString(cleanText(p, in.toStdString()));
}

}  // namespace

class TestCleaner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lowercase_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("ascii") << QByteArray("Hello WORLD 42") << QByteArray("hello world 42");
        QTest::newRow("latin") << QByteArray("Ünïcödé ÀÉÎ") << QByteArray("ünïcödé àéî");
        QTest::newRow("greek") << QByteArray("ΣΟΦΙΑ") << QByteArray("σοφια");
        QTest::newRow("cyrillic") << QByteArray("ПРИВЕТ") << QByteArray("привет");
        QTest::newRow("cjk unchanged")
            << QByteArray("日本語テキスト") << QByteArray("日本語テキスト");
        QTest::newRow("emoji unchanged") << QByteArray("Hi 😀") << QByteArray("hi 😀");
        QTest::newRow("no collapse") << QByteArray("A  B") << QByteArray("a  b");
    }
    void lowercase() {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(clean({Step::Lowercase}, input), expected);
    }

    void unicode_data() {
        QTest::addColumn<QString>("form");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("nfc composes")
            << "NFC" << QByteArray("e\xCC\x81t\xC3\xA9") << QByteArray("été");
        QTest::newRow("nfkc composes") << "NFKC" << QByteArray("e\xCC\x81") << QByteArray("é");
        QTest::newRow("nfc keeps ligature") << "NFC" << QByteArray("ﬁne") << QByteArray("ﬁne");
        QTest::newRow("nfkc ligature") << "NFKC" << QByteArray("ﬁne") << QByteArray("fine");
        QTest::newRow("nfkc fullwidth")
            << "NFKC" << QByteArray("Ｆｕｌｌ ① ²") << QByteArray("Full 1 2");
        QTest::newRow("nbsp nfc") << "NFC" << QByteArray("a\xC2\xA0\xC2\xA0 b")
                                  << QByteArray("a b");
        QTest::newRow("nbsp nfkc") << "NFKC" << QByteArray("a\xC2\xA0z") << QByteArray("a z");
        QTest::newRow("trim and collapse")
            << "NFC" << QByteArray("  lead \t and\n\ntrail  ") << QByteArray("lead and trail");
        QTest::newRow("ideographic space")
            << "NFC" << QByteArray("日本\xE3\x80\x80語") << QByteArray("日本 語");
        QTest::newRow("cjk and emoji")
            << "NFKC" << QByteArray("漢字 😀 Ünïcödé") << QByteArray("漢字 😀 Ünïcödé");
        QTest::newRow("empty") << "NFKC" << QByteArray("") << QByteArray("");
    }
    void unicode() {
        QFETCH(QString, form);
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(clean({Step::Unicode}, input, form.toStdString()), expected);
    }

    void html_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("basic named") << QByteArray("&amp; &lt;b&gt; &quot;q&quot; &apos;a&apos;")
                                     << QByteArray("& <b> \"q\" 'a'");
        QTest::newRow("decimal") << QByteArray("it&#39;s") << QByteArray("it's");
        QTest::newRow("hex") << QByteArray("it&#x27;s &#X41;") << QByteArray("it's A");
        QTest::newRow("nbsp") << QByteArray("a&nbsp;b")
                              << QByteArray(
                                     "a\xC2\xA0"
                                     "b");
        QTest::newRow("more named")
            << QByteArray("&euro;5 &copy; &eacute;t&eacute; &hellip;") << QByteArray("€5 © été …");
        QTest::newRow("sms placeholder")
            << QByteArray("call &lt;#&gt; now") << QByteArray("call <#> now");
        QTest::newRow("single pass") << QByteArray("&amp;lt;") << QByteArray("&lt;");
        QTest::newRow("unknown kept")
            << QByteArray("&foo; AT&T & co") << QByteArray("&foo; AT&T & co");
        QTest::newRow("no semicolon kept") << QByteArray("&amp") << QByteArray("&amp");
        QTest::newRow("windows-1252 range") << QByteArray("&#146;") << QByteArray("’");
        QTest::newRow("fragment apostrophe")
            << QByteArray("Eriksson doesn #39;t feel") << QByteArray("Eriksson doesn't feel");
        QTest::newRow("fragment dollar")
            << QByteArray("the  #36;10 million") << QByteArray("the $10 million");
        QTest::newRow("fragment quot") << QByteArray("In  quot;helping themselves, quot; Rick")
                                       << QByteArray("In \"helping themselves,\" Rick");
        QTest::newRow("fragment at start") << QByteArray("#39;start") << QByteArray("'start");
        QTest::newRow("fragment cp1252") << QByteArray("Newsday #146;s") << QByteArray("Newsday’s");
        QTest::newRow("no fragment inside word")
            << QByteArray("Issue#39; dequot; x") << QByteArray("Issue#39; dequot; x");
        QTest::newRow("fragment control kept")
            << QByteArray("item #1; next") << QByteArray("item #1; next");
    }
    void html() {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(clean({Step::Html}, input), expected);
    }

    void urls_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("sentence end")
            << QByteArray("see http://example.com.") << QByteArray("see .");
        QTest::newRow("query and comma") << QByteArray("go to https://example.com/a?b=1&c=2, then")
                                         << QByteArray("go to , then");
        QTest::newRow("in parens") << QByteArray("(https://example.com/x)") << QByteArray("( )");
        QTest::newRow("balanced parens")
            << QByteArray("wiki https://en.wikipedia.org/wiki/Foo_(bar) end")
            << QByteArray("wiki end");
        QTest::newRow("balanced parens in parens")
            << QByteArray("(see https://en.wikipedia.org/wiki/Foo_(bar))") << QByteArray("(see )");
        QTest::newRow("www") << QByteArray("visit www.example.org, now!")
                             << QByteArray("visit , now!");
        QTest::newRow("ftp") << QByteArray("ftp://files.example.net/x.zip") << QByteArray("");
        QTest::newRow("upper case") << QByteArray("HTTP://EXAMPLE.COM/Path!") << QByteArray("!");
        QTest::newRow("glued words stay apart")
            << QByteArray("a http://x.io/b b") << QByteArray("a b");
        QTest::newRow("question mark end")
            << QByteArray("Seen https://t.co/abc?") << QByteArray("Seen ?");
        QTest::newRow("quoted") << QByteArray("\"http://a.com/\"") << QByteArray("\" \"");
        QTest::newRow("bare domain kept")
            << QByteArray("example.com and wwwx") << QByteArray("example.com and wwwx");
        QTest::newRow("inside word kept")
            << QByteArray("awww.example.com") << QByteArray("awww.example.com");
        QTest::newRow("scheme alone kept")
            << QByteArray("http:// nothing") << QByteArray("http:// nothing");
        QTest::newRow("cjk around")
            << QByteArray("日本https://example.jp/路径。次") << QByteArray("日本 。次");
        QTest::newRow("after emoji") << QByteArray("😀www.a.com") << QByteArray("😀");
    }
    void urls() {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(clean({Step::Urls}, input), expected);
    }

    void emails_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("sentence end")
            << QByteArray("mail john.doe+tag@example.co.uk.") << QByteArray("mail .");
        QTest::newRow("in parens") << QByteArray("(bob@example.com)") << QByteArray("( )");
        QTest::newRow("unicode around")
            << QByteArray("Ünïcödé bob_1@mail.example.org ok") << QByteArray("Ünïcödé ok");
        QTest::newRow("two") << QByteArray("a@b.io,c@d.io") << QByteArray(",");
        QTest::newRow("no domain dot")
            << QByteArray("user@localhost") << QByteArray("user@localhost");
        QTest::newRow("short tld") << QByteArray("x@y.c") << QByteArray("x@y.c");
        QTest::newRow("handle") << QByteArray("thanks @bob!") << QByteArray("thanks @bob!");
        QTest::newRow("glued") << QByteArray("write:me@ex.com:now") << QByteArray("write: :now");
    }
    void emails() {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(clean({Step::Emails}, input), expected);
    }

    void contractions_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("don't") << QByteArray("I don't know") << QByteArray("I do not know");
        QTest::newRow("Don't") << QByteArray("Don't go") << QByteArray("Do not go");
        QTest::newRow("DON'T") << QByteArray("DON'T GO") << QByteArray("DO NOT GO");
        QTest::newRow("can't") << QByteArray("can't") << QByteArray("cannot");
        QTest::newRow("Can’t curly") << QByteArray("Can’t") << QByteArray("Cannot");
        QTest::newRow("won't") << QByteArray("it won't") << QByteArray("it will not");
        QTest::newRow("I'm") << QByteArray("I'm here") << QByteArray("I am here");
        QTest::newRow("I’m curly") << QByteArray("I’m here") << QByteArray("I am here");
        QTest::newRow("it's") << QByteArray("it's ok") << QByteArray("it is ok");
        QTest::newRow("It’s") << QByteArray("It’s ok") << QByteArray("It is ok");
        QTest::newRow("'re") << QByteArray("they're") << QByteArray("they are");
        QTest::newRow("'ve") << QByteArray("We've") << QByteArray("We have");
        QTest::newRow("'ll") << QByteArray("you'll") << QByteArray("you will");
        QTest::newRow("'d") << QByteArray("she'd") << QByteArray("she would");
        QTest::newRow("let's") << QByteArray("Let's go") << QByteArray("Let us go");
        QTest::newRow("couldn't") << QByteArray("couldn't, shouldn't.")
                                  << QByteArray("could not, should not.");
        QTest::newRow("in quotes") << QByteArray("“Don't”") << QByteArray("“Do not”");
        QTest::newRow("possessive kept") << QByteArray("John's car") << QByteArray("John's car");
        QTest::newRow("quotes kept")
            << QByteArray("'quoted' rock'n'roll") << QByteArray("'quoted' rock'n'roll");
        QTest::newRow("not a word") << QByteArray("x2'll naïve'd") << QByteArray("x2'll naïve'd");
    }
    void contractions() {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(clean({Step::Contractions}, input), expected);
    }

    void special_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("symbols") << QByteArray("Price: £100 + tax = ~")
                                 << QByteArray("Price: 100 tax");
        QTest::newRow("emoji with selector")
            << QByteArray("I ❤️ you 😀!") << QByteArray("I you !");
        QTest::newRow("skin tone") << QByteArray("ok👍🏽ok") << QByteArray("ok ok");
        QTest::newRow("c1 control") << QByteArray(
                                           "ctrl\xC2\x92"
                                           "char")
                                    << QByteArray("ctrl char");
        QTest::newRow("zero width") << QByteArray(
                                           "a\xE2\x80\x8B"
                                           "b")
                                    << QByteArray("a b");
        QTest::newRow("whitespace kept") << QByteArray("tab\tand\nnl") << QByteArray("tab and nl");
        QTest::newRow("letters kept")
            << QByteArray("Ünïcödé 日本語 e\xCC\x81") << QByteArray("Ünïcödé 日本語 e\xCC\x81");
        QTest::newRow("punctuation kept") << QByteArray("a, b.") << QByteArray("a, b.");
    }
    void special() {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(clean({Step::Special}, input), expected);
    }

    void punctuation_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("ascii") << QByteArray("Hello, world! (yes)")
                               << QByteArray("Hello world yes");
        QTest::newRow("apostrophe splits") << QByteArray("don't") << QByteArray("don t");
        QTest::newRow("unicode") << QByteArray("«Bonjour» — dit-il…")
                                 << QByteArray("Bonjour dit il");
        QTest::newRow("cjk") << QByteArray("日本語、テスト。") << QByteArray("日本語 テスト");
        QTest::newRow("numbers") << QByteArray("3.14") << QByteArray("3 14");
        QTest::newRow("symbols kept") << QByteArray("$5 + 😀") << QByteArray("$5 + 😀");
        QTest::newRow("only punctuation") << QByteArray("?!...") << QByteArray("");
    }
    void punctuation() {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(clean({Step::Punctuation}, input), expected);
    }

    void stopWords_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("basic") << QByteArray("This is a test of the system")
                               << QByteArray("test system");
        QTest::newRow("contraction form") << QByteArray("I don't know") << QByteArray("know");
        QTest::newRow("curly apostrophe") << QByteArray("I don’t know") << QByteArray("know");
        QTest::newRow("case insensitive") << QByteArray("THE END") << QByteArray("END");
        QTest::newRow("word boundaries")
            << QByteArray("theory other anthem") << QByteArray("theory anthem");
        QTest::newRow("punctuation stays") << QByteArray("Themselves, again!") << QByteArray(", !");
        QTest::newRow("unicode words")
            << QByteArray("the Ünïcödé of 日本") << QByteArray("Ünïcödé 日本");
    }
    void stopWords() {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(clean({Step::StopWords}, input), expected);
    }

    void defaultLists() {
        QCOMPARE(defaultStopWords().size(), size_t(179));
        QVERIFY(defaultStopWords().count("wouldn't"));
        QVERIFY(!defaultStopWords().count("test"));
        QVERIFY(defaultContractions().size() > 20);
    }

    void customStopWords() {
        Pipeline p;
        p.steps = {Step::StopWords};
        p.stopWords = {"Foo", "bär"};
        QCOMPARE(QByteArray::fromStdString(cleanText(p, "foo BAR the BÄR baz")),
                 QByteArray("BAR the baz"));
    }

    void stepsRunInPipelineOrder() {
        // Punctuation first splits "don't" so the contraction is no longer seen.
        QCOMPARE(clean({Step::Contractions, Step::Punctuation}, "don't!"), QByteArray("do not"));
        QCOMPARE(clean({Step::Punctuation, Step::Contractions}, "don't!"), QByteArray("don t"));
        // A full pipeline.
        QCOMPARE(clean({Step::Html, Step::Urls, Step::Emails, Step::Contractions, Step::Lowercase,
                        Step::Punctuation, Step::StopWords, Step::Unicode},
                       "I&#39;m at http://x.com/a, mail me@x.org &amp; DON'T wait!"),
                 QByteArray("mail wait"));
    }

    void invalidUtf8_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("lowered");
        QTest::addColumn<QByteArray>("noSpecial");
        QTest::newRow("lone byte") << QByteArray(
                                          "AB\xF0"
                                          "CD")
                                   << QByteArray(
                                          "ab\xEF\xBF\xBD"
                                          "cd")
                                   << QByteArray("AB CD");
        QTest::newRow("truncated") << QByteArray("x\xE2\x82")
                                   << QByteArray("x\xEF\xBF\xBD\xEF\xBF\xBD") << QByteArray("x");
        QTest::newRow("overlong") << QByteArray("\xC0\xAF")
                                  << QByteArray("\xEF\xBF\xBD\xEF\xBF\xBD") << QByteArray("");
    }
    void invalidUtf8() {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, lowered);
        QFETCH(QByteArray, noSpecial);
        QCOMPARE(clean({Step::Lowercase}, input), lowered);
        QCOMPARE(clean({Step::Special}, input), noSpecial);
        // Every step survives it.
        const QByteArray all =
            clean({Step::Unicode, Step::Html, Step::Urls, Step::Emails, Step::Contractions,
                   Step::Lowercase, Step::Punctuation, Step::StopWords},
                  input);
        QVERIFY(QString::fromUtf8(all).toUtf8() == all);
    }

    void stepList_data() {
        QTest::addColumn<QString>("list");
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QString>("form");
        QTest::newRow("order kept") << "lowercase,urls,duplicates"
                                    << QStringList{"lowercase", "urls", "duplicates"} << "NFKC";
        QTest::newRow("spaces and repeats")
            << " html , html,,empty " << QStringList{"html", "empty"} << "NFKC";
        QTest::newRow("nfc alias")
            << "nfc,stopwords" << QStringList{"unicode", "stopwords"} << "NFC";
        QTest::newRow("case") << "Lowercase,PUNCTUATION" << QStringList{"lowercase", "punctuation"}
                              << "NFKC";
        QTest::newRow("empty") << "" << QStringList{} << "NFKC";
    }
    void stepList() {
        QFETCH(QString, list);
        QFETCH(QStringList, steps);
        QFETCH(QString, form);
        const Pipeline p = Pipeline::fromStepList(list.toStdString());
        QStringList names;
        for (Step s : p.steps) names << toString(s);
        QCOMPARE(names, steps);
        QCOMPARE(QString::fromStdString(p.unicodeForm), form);
    }

    void unknownStep() {
        try {
            Pipeline::fromStepList("lowercase,stemming");
            QFAIL("an unknown step was accepted");
        } catch (const ft::Error& e) {
            QCOMPARE(e.code(), ft::ErrorCode::InvalidArgument);
            const QString message = e.what();
            QVERIFY2(message.contains("'stemming'"), e.what());
            QVERIFY2(message.contains("lowercase") && message.contains("duplicates"), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(ft::Error, stepFromString("Lowercase "));
        QCOMPARE(stepFromString("stopwords"), Step::StopWords);
        QCOMPARE(stepNames().size(), size_t(11));
        for (const auto& name : stepNames()) QCOMPARE(toString(stepFromString(name)), name.c_str());
    }

    void jsonRoundTrip() {
        Pipeline p;
        p.steps = {Step::StopWords, Step::Html, Step::DropDuplicates, Step::Unicode};
        p.unicodeForm = "NFC";
        p.stopWords = {"foo", "Ünïcödé"};
        const Pipeline q = Pipeline::fromJson(p.toJson());
        QVERIFY(q.steps == p.steps);
        QCOMPARE(q.unicodeForm, p.unicodeForm);
        QVERIFY(q.stopWords == p.stopWords);

        const Pipeline empty = Pipeline::fromJson(Pipeline{}.toJson());
        QVERIFY(empty.steps.empty());
        QVERIFY(empty.stopWords.empty());
        QCOMPARE(empty.unicodeForm, std::string("NFKC"));
    }

    void badJson_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not json") << "{steps"
                                  << "not valid JSON";
        QTest::newRow("not object") << "[1]"
                                    << "object";
        QTest::newRow("steps not array") << R"({"steps":"lowercase"})"
                                         << "\"lowercase\"";
        QTest::newRow("unknown step") << R"({"steps":["lowercase","nope"]})"
                                      << "'nope'";
        QTest::newRow("bad form") << R"({"unicode_form":"NFD"})"
                                  << "NFD";
        QTest::newRow("bad stop word") << R"({"stop_words":[3]})"
                                       << "3";
    }
    void badJson() {
        QFETCH(QString, json);
        QFETCH(QString, mentions);
        try {
            Pipeline::fromJson(json.toStdString());
            QFAIL("bad JSON was accepted");
        } catch (const ft::Error& e) {
            QVERIFY2(QString(e.what()).contains(mentions), e.what());
        }
    }

    void duplicatesAndConflicts() {
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        const int64_t ds = makeDataset(p, {{"Hello world", "ham"},
                                           {"hello world", "spam"},
                                           {"Hello world", "ham"},
                                           {"  ", "ham"},
                                           {"other", "ham"},
                                           {"Other!", "spam"},
                                           {"other", std::nullopt},
                                           {"unique", "ham"}});
        const auto ids = [&] {
            std::vector<int64_t> v;
            for (const auto& r : allRows(p, ds)) v.push_back(r.id);
            return v;
        }();
        Pipeline pipeline;
        pipeline.steps = {Step::Lowercase, Step::Punctuation, Step::DropEmpty,
                          Step::DropDuplicates};
        const CleaningReport report = applyCleaning(p, ds, pipeline);
        QCOMPARE(report.rows, int64_t(8));
        QCOMPARE(report.changed, int64_t(4));
        QCOMPARE(report.droppedEmpty, int64_t(1));
        QCOMPARE(report.droppedDuplicates, int64_t(4));
        QCOMPARE(report.droppedExactDuplicates, int64_t(2));
        QCOMPARE(report.conflicts.size(), size_t(2));
        QCOMPARE(report.conflicts[0].text, std::string("hello world"));
        QVERIFY(report.conflicts[0].rowIds == (std::vector<int64_t>{ids[0], ids[1], ids[2]}));
        QVERIFY(report.conflicts[0].labels == (std::vector<std::string>{"ham", "spam"}));
        QCOMPARE(report.conflicts[1].text, std::string("other"));
        QVERIFY(report.conflicts[1].rowIds == (std::vector<int64_t>{ids[4], ids[5], ids[6]}));
        QVERIFY(report.conflicts[1].labels == (std::vector<std::string>{"ham", "spam"}));

        const auto rows = allRows(p, ds);
        const std::vector<int> dropped{0, 2, 2, 1, 0, 2, 2, 0};
        for (size_t i = 0; i < rows.size(); ++i) QCOMPARE(rows[i].dropped, dropped[i]);
        QCOMPARE(rows[1].cleanText.value_or("?"), std::string("hello world"));
        QCOMPARE(rows[5].cleanText.value_or("?"), std::string("other"));
        QCOMPARE(rows[0].text, std::string("Hello world"));

        const auto recorded = p.latestCleaning(ds);
        QVERIFY(recorded);
        QVERIFY(Pipeline::fromJson(recorded->pipelineJson).steps == pipeline.steps);
        QVERIFY(QString::fromStdString(recorded->reportJson).contains("\"dropped_duplicates\":4"));
        // Label counts leave dropped rows out.
        const auto counts = p.labelCounts(ds);
        QCOMPARE(counts.size(), size_t(2));
        QCOMPARE(counts[0].count, int64_t(3));  // ham: hello world, other, unique
        QCOMPARE(counts[1].count, int64_t(0));
    }

    void exactDuplicatesOnly() {
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        const int64_t ds =
            makeDataset(p, {{"a", "x"}, {"A", "x"}, {"a", "y"}, {"", "x"}, {"", "x"}});
        Pipeline pipeline;
        pipeline.steps = {Step::DropDuplicates};
        const CleaningReport report = applyCleaning(p, ds, pipeline);
        QCOMPARE(report.droppedDuplicates, int64_t(2));
        QCOMPARE(report.droppedExactDuplicates, int64_t(2));
        QCOMPARE(report.changed, int64_t(0));
        const auto rows = allRows(p, ds);
        QVERIFY(!rows[0].cleanText);  // no text steps: the raw text is the text
        QCOMPARE(rows[2].dropped, 2);
        QCOMPARE(rows[4].dropped, 2);
        QCOMPARE(report.conflicts.size(), size_t(1));
    }

    void reapplyReplaces() {
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        const int64_t ds = makeDataset(p, {{"Hello, World", "a"}, {"hello world", "b"}, {"", "a"}});
        Pipeline first;
        first.steps = {Step::Lowercase, Step::Punctuation, Step::DropEmpty, Step::DropDuplicates};
        applyCleaning(p, ds, first);
        auto rows = allRows(p, ds);
        QCOMPARE(rows[0].cleanText.value_or("?"), std::string("hello world"));
        QCOMPARE(rows[1].dropped, 2);
        QCOMPARE(rows[2].dropped, 1);

        Pipeline second;
        second.steps = {Step::Punctuation};
        const CleaningReport report = applyCleaning(p, ds, second);
        QCOMPARE(report.droppedDuplicates, int64_t(0));
        rows = allRows(p, ds);
        // From the raw text again: not lowercased, and nothing dropped any more.
        QCOMPARE(rows[0].cleanText.value_or("?"), std::string("Hello World"));
        QCOMPARE(rows[1].cleanText.value_or("?"), std::string("hello world"));
        for (const auto& r : rows) QCOMPARE(r.dropped, 0);
        QVERIFY(Pipeline::fromJson(p.latestCleaning(ds)->pipelineJson).steps == second.steps);

        // An empty pipeline clears everything, and is still recorded.
        const int64_t before = p.latestCleaning(ds)->id;
        applyCleaning(p, ds, Pipeline{});
        for (const auto& r : allRows(p, ds)) {
            QVERIFY(!r.cleanText);
            QCOMPARE(r.dropped, 0);
        }
        QVERIFY(p.latestCleaning(ds)->id > before);
        QVERIFY(Pipeline::fromJson(p.latestCleaning(ds)->pipelineJson).steps.empty());
    }

    void previewWritesNothing() {
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        const int64_t ds = makeDataset(p, {{"A b", "x"}, {"a B", "x"}, {"C", "y"}, {"d", "y"}});
        Pipeline pipeline;
        pipeline.steps = {Step::Lowercase, Step::DropDuplicates};
        const auto preview = previewCleaning(p, ds, pipeline, 3);
        QCOMPARE(preview.size(), size_t(3));
        QCOMPARE(preview[0].before, std::string("A b"));
        QCOMPARE(preview[0].after, std::string("a b"));
        QVERIFY(!preview[0].dropped);
        QVERIFY(preview[1].dropped);
        QCOMPARE(preview[2].after, std::string("c"));
        QVERIFY(!p.latestCleaning(ds));
        for (const auto& r : allRows(p, ds)) {
            QVERIFY(!r.cleanText);
            QCOMPARE(r.dropped, 0);
        }
        // The preview agrees with what applying would do.
        applyCleaning(p, ds, pipeline);
        const auto rows = allRows(p, ds);
        for (size_t i = 0; i < preview.size(); ++i) {
            QCOMPARE(preview[i].rowId, rows[i].id);
            QCOMPARE(preview[i].after, rows[i].cleanText.value_or(""));
            QCOMPARE(preview[i].dropped, rows[i].dropped != 0);
        }
    }

    void cancelRollsBack() {
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        std::vector<TestRow> data;
        for (int i = 0; i < 3000; ++i) data.push_back({"Row " + std::to_string(i % 100), "x"});
        const int64_t ds = makeDataset(p, data);
        ft::Progress progress;
        int polls = 0;
        progress.shouldStop = [&] { return ++polls >= 2; };
        Pipeline pipeline;
        pipeline.steps = {Step::Lowercase, Step::DropDuplicates};
        try {
            applyCleaning(p, ds, pipeline, progress);
            QFAIL("cancel was ignored");
        } catch (const ft::Error& e) {
            QCOMPARE(e.code(), ft::ErrorCode::Cancelled);
        }
        QVERIFY(polls >= 2);
        QVERIFY(!p.latestCleaning(ds));
        for (const auto& r : allRows(p, ds)) {
            QVERIFY(!r.cleanText);
            QCOMPARE(r.dropped, 0);
        }
        // The connection is usable again afterwards.
        QCOMPARE(applyCleaning(p, ds, pipeline).droppedDuplicates, int64_t(2900));
    }

    void unknownDataset() {
        QTemporaryDir tmp;
        Project p = Project::create(tmp.filePath("p").toStdString());
        try {
            applyCleaning(p, 42, Pipeline{});
            QFAIL("no error");
        } catch (const ft::Error& e) {
            QCOMPARE(e.code(), ft::ErrorCode::NotFound);
            QVERIFY(QString(e.what()).contains("42"));
        }
    }
};

QTEST_GUILESS_MAIN(TestCleaner)
#include "tst_cleaner.moc"
