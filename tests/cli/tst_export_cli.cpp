// finetune export / export list|delete|compare / predict / data export-jsonl, run as a user
// would: a project made with the CLI (import, clean, split, a short real training of the
// built-in bert-tiny), then the deploy commands, their files and their errors.
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include "cliprocess.h"
#include "deploy/preprocessing.h"
#include "models/model.h"
#include "store/project.h"

namespace fs = std::filesystem;
// One compute thread: on a busy machine a second one mostly waits at barriers (the
// answers are the same either way).
ft::test::CliResult runCli(QStringList args, int timeoutMs = 300000) {
    args.prepend(QStringLiteral("1"));
    args.prepend(QStringLiteral("--threads"));
    return ft::test::runCli(args, timeoutMs);
}
using nlohmann::json;

namespace {

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream ss(text);
    std::string line;
    while (std::getline(ss, line)) out.push_back(line);
    return out;
}

// Splits one CSV line (no line breaks inside fields in these files).
std::vector<std::string> csvFields(const std::string& line) {
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cur += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cur += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(cur);
    return out;
}

float parseFloat(const std::string& s) {
    float v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

QString q(const fs::path& p) { return QString::fromStdString(p.string()); }

}  // namespace

class TstExportCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void exportWritesFolder();
    void listAndCompare();
    void existingOutIsRefused();
    void deleteRemovesFolderAndEntry();
    void predictCsv();
    void predictJsonl();
    void predictWithoutTextColumn();
    void predictNotAClassifier();
    void exportJsonl();

private:
    QTemporaryDir m_tmp;
    fs::path m_dir, m_project, m_export;
    std::vector<std::pair<std::string, std::string>> m_rows;  // text, label
};

void TstExportCli::initTestCase() {
    QVERIFY(m_tmp.isValid());
    m_dir = m_tmp.path().toStdString();
    m_project = m_dir / "project";
    const std::vector<std::string> good = {"good", "great", "Happy", "nice"};
    const std::vector<std::string> bad = {"bad", "awful", "Sad", "poor"};
    {
        std::ofstream csv(m_dir / "reviews.csv");
        csv << "id,text,label\n";
        for (int i = 0; i < 80; ++i) {
            const bool pos = i % 2 == 0;
            std::string text = i % 5 == 0 ? "Fish &amp; chips," : "The food was";
            for (int w = 0; w < 2 + i % 6; ++w) text += " " + (pos ? good : bad)[(i + w) % 4];
            text += " " + std::to_string(i);
            m_rows.emplace_back(text, pos ? "pos" : "neg");
            csv << i << ",\"" << text << "\"," << (pos ? "pos" : "neg") << "\n";
        }
    }
    const auto ok = [](const ft::test::CliResult& r) {
        if (r.exitCode != 0) qWarning("%s", qPrintable(r.err));
        return r.exitCode == 0;
    };
    QVERIFY(ok(runCli({"project", "init", q(m_project)})));
    QVERIFY(
        ok(runCli({"data", "import", "--project", q(m_project), "--input", q(m_dir / "reviews.csv"),
                   "--text-column", "text", "--label-column", "label"})));
    QVERIFY(ok(runCli({"data", "clean", "--project", q(m_project), "--steps", "html,lowercase"})));
    QVERIFY(ok(runCli({"data", "split", "--project", q(m_project), "--seed", "5"})));
    const json config = {{"name", "reviews tiny"},
                         {"model", "builtin:bert-tiny"},
                         {"tokenizer", FT_SHARED_DIR "/data/vocab/bert-base-uncased"},
                         {"max_steps", 8},
                         {"eval_steps", 4},
                         {"batch_size", 8},
                         {"max_length", 32},
                         {"learning_rate", 1e-3},
                         {"threads", 1}};
    std::ofstream(m_dir / "run.json") << config.dump(2);
    QVERIFY(ok(runCli({"train", "--project", q(m_project), "--config", q(m_dir / "run.json")})));
}

void TstExportCli::exportWritesFolder() {
    const auto r = runCli({"export", "--project", q(m_project), "--run", "1", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const json out = json::parse(r.out.toStdString());
    m_export = out["folder"].get<std::string>();
    QCOMPARE(m_export, m_project / "exports" / "reviews-tiny-v1");
    QCOMPARE(out["version"].get<int>(), 1);
    QCOMPARE(out["verification"]["passed"].get<bool>(), true);
    for (const char* f :
         {"config.json", "model.safetensors", "vocab.txt", "tokenizer_config.json",
          "preprocessing.json", "README.md", "manifest.json", "Dockerfile", "k8s.yaml"})
        QVERIFY2(fs::is_regular_file(m_export / f), f);
    // Not evaluated: the card says so, and says whether it has plots.
    const std::string card = readFile(m_export / "README.md");
    QVERIFY(card.find("This model was not evaluated") != std::string::npos);
    QVERIFY(out["warnings"].dump().find("not evaluated") != std::string::npos);

    const auto plain = runCli({"export", "--project", q(m_project), "--run", "1", "--dtype", "f16",
                               "--name", "reviews half"});
    QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
    QVERIFY(plain.out.contains("Exported reviews-half v1"));
    QVERIFY(plain.out.contains("agreement"));
    QVERIFY(fs::is_directory(m_project / "exports" / "reviews-half-v1"));
}

void TstExportCli::listAndCompare() {
    const auto r = runCli({"export", "list", "--project", q(m_project), "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const json list = json::parse(r.out.toStdString());
    QCOMPARE(list.size(), size_t(2));
    QCOMPARE(list[0]["name"].get<std::string>(), std::string("reviews-half"));
    QCOMPARE(list[1]["name"].get<std::string>(), std::string("reviews-tiny"));
    QCOMPARE(list[1]["verified"].get<bool>(), true);
    QCOMPARE(list[1]["dtype"].get<std::string>(), std::string("f32"));
    QCOMPARE(list[0]["dtype"].get<std::string>(), std::string("f16"));
    const auto table = runCli({"export", "list", "--project", q(m_project)});
    QVERIFY(table.out.contains("reviews-tiny"));
    QVERIFY(table.out.contains("not evaluated"));

    const auto c = runCli({"export", "compare", "--project", q(m_project), "--ids", "1,2"});
    QVERIFY2(c.exitCode == 0, qPrintable(c.err));
    QVERIFY(c.out.contains("reviews-tiny v1"));
    QVERIFY(c.out.contains("reviews-half v1"));
    const auto bad = runCli({"export", "compare", "--project", q(m_project), "--ids", "1,x"});
    QVERIFY(bad.exitCode != 0);
    QVERIFY2(bad.err.contains("'x' is not an export id"), qPrintable(bad.err));
}

void TstExportCli::existingOutIsRefused() {
    const fs::path taken = m_dir / "taken";
    fs::create_directories(taken);
    const auto before = runCli({"export", "list", "--project", q(m_project), "--json"}).out;
    const auto r = runCli({"export", "--project", q(m_project), "--run", "1", "--out", q(taken)});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(q(taken) + ": already exists"), qPrintable(r.err));
    QVERIFY(fs::is_empty(taken));
    QCOMPARE(runCli({"export", "list", "--project", q(m_project), "--json"}).out, before);
    const auto noRun = runCli({"export", "--project", q(m_project)});
    QVERIFY(noRun.exitCode != 0);
    QVERIFY(noRun.err.contains("--run"));
}

void TstExportCli::deleteRemovesFolderAndEntry() {
    const auto r = runCli({"export", "--project", q(m_project), "--run", "1", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const json out = json::parse(r.out.toStdString());
    QCOMPARE(out["version"].get<int>(), 2);
    const fs::path folder = out["folder"].get<std::string>();
    QVERIFY(fs::is_directory(folder));
    const auto d = runCli({"export", "delete", "--project", q(m_project), "--id",
                           QString::number(out["id"].get<int>())});
    QVERIFY2(d.exitCode == 0, qPrintable(d.err));
    QVERIFY(!fs::exists(folder));
    const json list = json::parse(
        runCli({"export", "list", "--project", q(m_project), "--json"}).out.toStdString());
    QCOMPARE(list.size(), size_t(2));
    const auto again = runCli({"export", "delete", "--project", q(m_project), "--id",
                               QString::number(out["id"].get<int>())});
    QVERIFY(again.exitCode != 0);
    QVERIFY(again.err.contains("no export with id"));
}

void TstExportCli::predictCsv() {
    const fs::path output = m_dir / "predictions.csv";
    const auto r = runCli({"predict", "--model", q(m_export), "--input", q(m_dir / "reviews.csv"),
                           "--output", q(output), "--batch-size", "7"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto out = lines(readFile(output));
    QCOMPARE(out.size(), m_rows.size() + 1);
    // The same answers as the model in this process, given the preprocessing by hand.
    const auto model = ft::models::Model::open(m_export.string());
    const auto labels = model.info().labels;  // the dataset's order: "pos" came first
    QCOMPARE(labels, (std::vector<std::string>{"pos", "neg"}));
    QCOMPARE(out[0], std::string("id,text,label,predicted_label,confidence,prob_pos,prob_neg"));
    const auto pre = ft::deploy::loadPreprocessing(m_export.string());
    std::vector<std::string> texts;
    for (const auto& [text, label] : m_rows) texts.push_back(pre.apply(text));
    QCOMPARE(texts[0], std::string("fish & chips, good great 0"));
    const auto expected = model.predict(texts, 32);
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const auto f = csvFields(out[i + 1]);
        QCOMPARE(f.size(), size_t(7));
        QCOMPARE(f[0], std::to_string(i));
        QCOMPARE(f[1], m_rows[i].first);
        QCOMPARE(f[2], m_rows[i].second);
        const auto& e = expected[i];
        QCOMPARE(f[3], labels[static_cast<size_t>(e.label)]);
        QCOMPARE(parseFloat(f[4]), e.probabilities[static_cast<size_t>(e.label)]);
        QCOMPARE(parseFloat(f[5]), e.probabilities[0]);
        QCOMPARE(parseFloat(f[6]), e.probabilities[1]);
    }
    QVERIFY(r.err.contains("Predicted 80 rows"));
}

void TstExportCli::predictJsonl() {
    {
        std::ofstream j(m_dir / "new.jsonl");
        j << R"({"sentence": "Great &amp; happy", "source": "web"})"
          << "\n"
          << R"({"sentence": "awful, \"sad\" food", "source": "app"})"
          << "\n";
    }
    const auto r = runCli({"predict", "--model", q(m_export), "--input", q(m_dir / "new.jsonl")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto out = lines(r.out.toStdString());
    QCOMPARE(out.size(), size_t(3));
    QCOMPARE(out[0], std::string("sentence,source,predicted_label,confidence,prob_pos,prob_neg"));
    const auto model = ft::models::Model::open(m_export.string());
    const auto expected = model.predict({"great & happy", "awful, \"sad\" food"});
    const auto f1 = csvFields(out[1]);
    const auto f2 = csvFields(out[2]);
    QCOMPARE(f1[0], std::string("Great &amp; happy"));
    QCOMPARE(f2[0], std::string("awful, \"sad\" food"));
    QCOMPARE(f2[1], std::string("app"));
    QCOMPARE(parseFloat(f1[4]), expected[0].probabilities[0]);
    QCOMPARE(parseFloat(f2[5]), expected[1].probabilities[1]);
}

void TstExportCli::predictWithoutTextColumn() {
    std::ofstream(m_dir / "other.csv") << "id,title,body_text\n1,hello,world\n2,good,day\n";
    const auto r = runCli({"predict", "--model", q(m_export), "--input", q(m_dir / "other.csv"),
                           "--output", q(m_dir / "other-out.csv")});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains("no text column found (columns: 'id', 'title', 'body_text')"),
             qPrintable(r.err));
    QVERIFY(!fs::exists(m_dir / "other-out.csv"));
    const auto named = runCli({"predict", "--model", q(m_export), "--input", q(m_dir / "other.csv"),
                               "--text-column", "headline"});
    QVERIFY(named.exitCode != 0);
    QVERIFY2(named.err.contains("no column 'headline'"), qPrintable(named.err));
    const auto ok = runCli({"predict", "--model", q(m_export), "--input", q(m_dir / "other.csv"),
                            "--text-column", "body_text"});
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
    QCOMPARE(lines(ok.out.toStdString()).size(), size_t(3));
}

void TstExportCli::predictNotAClassifier() {
    const auto lm = runCli({"predict", "--model", FT_SHARED_DIR "/fixtures/hf/models/bert-tiny-lm",
                            "--input", q(m_dir / "reviews.csv")});
    QVERIFY(lm.exitCode != 0);
    QVERIFY2(lm.err.contains("not a text classifier"), qPrintable(lm.err));
    const auto none = runCli({"predict", "--model", q(m_dir), "--input", q(m_dir / "reviews.csv")});
    QVERIFY(none.exitCode != 0);
    QVERIFY2(none.err.contains("config.json"), qPrintable(none.err));
}

void TstExportCli::exportJsonl() {
    const fs::path out = m_dir / "train.jsonl";
    const auto r = runCli({"data", "export-jsonl", "--project", q(m_project), "--part", "train",
                           "--system", "Classify the review: pos or neg.", "--out", q(out)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto project = ft::store::Project::open(m_project.string());
    ft::store::RowFilter f;
    f.part = ft::store::SplitPart::Train;
    f.includeDropped = false;
    f.labelled = ft::store::RowFilter::Labelled::Labelled;
    const int64_t expected = project.rowCount(project.defaultDataset().id, f);
    const auto ls = lines(readFile(out));
    QCOMPARE(static_cast<int64_t>(ls.size()), expected);
    for (const auto& l : ls) {
        const json j = json::parse(l);
        QCOMPARE(j["messages"].size(), size_t(3));
        QCOMPARE(j["messages"][0]["content"], json("Classify the review: pos or neg."));
        QVERIFY(j["messages"][2]["content"] == json("pos") ||
                j["messages"][2]["content"] == json("neg"));
    }
    QVERIFY(r.out.contains(QString("Wrote %1 examples").arg(expected)));
    const auto bad = runCli(
        {"data", "export-jsonl", "--project", q(m_project), "--part", "dev", "--out", q(out)});
    QVERIFY(bad.exitCode != 0);
}

QTEST_GUILESS_MAIN(TstExportCli)
#include "tst_export_cli.moc"
