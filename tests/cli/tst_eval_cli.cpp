// `finetune eval` and `finetune runs compare` through the real binary: a CSV imported,
// split and trained on (built-in bert-tiny, two short epochs), then evaluated; the JSON document
// must match the project database, the predictions CSV must hold one row per test row.
#include <cmath>
#include <map>

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "cli/cliprocess.h"
#include "store/project.h"

using nlohmann::json;

namespace {

using Result = ft::test::CliResult;

// One compute thread: on a busy two-core machine a second one only waits for the first.
Result run(const QStringList& args) {
    return ft::test::runCli(QStringList{"--threads", "1"} + args);
}

// RFC 4180 records (quoted fields may hold commas, quotes and line breaks).
std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, any = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
            continue;
        }
        if (c == '"') {
            quoted = true;
            any = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
            any = true;
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (any || !field.empty()) {
                row.push_back(field);
                rows.push_back(row);
            }
            row.clear();
            field.clear();
            any = false;
        } else {
            field += c;
            any = true;
        }
    }
    if (any || !field.empty()) {
        row.push_back(field);
        rows.push_back(row);
    }
    return rows;
}

}  // namespace

class TestEvalCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void jsonMatchesDatabase();
    void readableTable();
    void predictionsCsv();
    void compareRuns();
    void badInput();
    void plots();

private:
    QTemporaryDir m_dir;
    QString m_project;
    QString m_run;
};

void TestEvalCli::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_project = m_dir.filePath("project");
    QFile data(m_dir.filePath("data.csv"));
    QVERIFY(data.open(QIODevice::WriteOnly));
    data.write("text,label\n");
    const char* good[] = {"great", "lovely", "happy", "wonderful", "nice"};
    const char* bad[] = {"awful", "terrible", "sad", "horrible", "bad"};
    for (int i = 0; i < 120; ++i) {
        const bool positive = i % 2 == 0;
        QByteArray text = i % 7 == 0 ? "\"she said \"\"so\"\", then" : "\"this was";
        for (int w = 0; w < 1 + i % 6; ++w)
            text += QByteArray(" ") + (positive ? good : bad)[(i + w) % 5];
        data.write(text + ", number " + QByteArray::number(i) + "\"" +
                   (positive ? ",pos\n" : ",neg\n"));
    }
    data.close();
    Result r = run({"project", "init", m_project});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = run({"data", "import", "--project", m_project, "--input", m_dir.filePath("data.csv"),
             "--text-column", "text", "--label-column", "label"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = run({"data", "split", "--project", m_project, "--seed", "42", "--stratify"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    const json config = {
        {"model", "builtin:bert-tiny"}, {"epochs", 2},  {"batch_size", 8}, {"max_length", 32},
        {"learning_rate", 2e-3},        {"threads", 1}, {"seed", 5}};
    QFile file(m_dir.filePath("run.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(config.dump()));
    file.close();
    r = run({"train", "--project", m_project, "--config", m_dir.filePath("run.json"), "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto lines = r.out.split('\n', Qt::SkipEmptyParts);
    const json finished = json::parse(lines.last().toStdString());
    QCOMPARE(finished.at("status").get<std::string>(), std::string("completed"));
    m_run = QString::number(finished.at("run_id").get<int64_t>());
}

void TestEvalCli::jsonMatchesDatabase() {
    const Result r = run({"eval", "--project", m_project, "--run", m_run, "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const json out = json::parse(r.out.toStdString());
    const auto project = ft::store::Project::open(m_project.toStdString());
    const auto info = project.evaluation(out.at("evaluation").get<int64_t>());
    QVERIFY(info);
    QCOMPARE(out.at("run").get<int64_t>(), m_run.toLongLong());
    QCOMPARE(info->runId, m_run.toLongLong());
    QCOMPARE(out.at("report"), json::parse(info->reportJson));
    QCOMPARE(out.at("baselines"), json::parse(info->baselinesJson));
    QCOMPARE(out.at("sensitivity"), json::parse(info->sensitivityJson));
    QCOMPARE(out.at("part").get<std::string>(), std::string("test"));
    QCOMPARE(out.at("checkpoint").get<std::string>(), info->checkpoint);
    QCOMPARE(out.at("labels").get<std::vector<std::string>>(), info->labels);
    QCOMPARE(out.at("rows").get<size_t>(), project.predictions(info->id).size());
    QCOMPARE(out.at("report").at("rows").get<size_t>(),
             project.splitRowIds(info->splitId, ft::store::SplitPart::Test).size());
    const json& baselines = out.at("baselines").at("baselines");
    QCOMPARE(baselines.size(), size_t(2));
    QCOMPARE(baselines[0].at("name").get<std::string>(), std::string("majority"));
    QCOMPARE(baselines[1].at("name").get<std::string>(), std::string("tfidf-logreg"));
    QCOMPARE(out.at("sensitivity").at("perturbations").size(), size_t(4));
}

void TestEvalCli::readableTable() {
    const Result r = run({"eval", "--project", m_project, "--run", m_run, "--checkpoint", "last",
                          "--no-sensitivity"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    for (const char* s : {"precision", "recall", "f1-score", "support", "macro avg", "weighted avg",
                          "accuracy", "macro-F1", "95 % CI", "ROC AUC", "log loss", "majority",
                          "tfidf-logreg", "McNemar", "last checkpoint"})
        QVERIFY2(r.out.contains(QLatin1String(s)), qPrintable(QLatin1String(s) + "\n" + r.out));
    QVERIFY(!r.out.contains(QLatin1String("Sensitivity")));
    const auto project = ft::store::Project::open(m_project.toStdString());
    const auto latest = project.latestEvaluation(m_run.toLongLong());
    QCOMPARE(latest->checkpoint, std::string("last"));
    QVERIFY(latest->sensitivityJson.empty());
    // The per-class rows show the labels and their support.
    const json report = json::parse(latest->reportJson);
    for (size_t k = 0; k < report["labels"].size(); ++k) {
        const QString line = QString::fromStdString(report["labels"][k].get<std::string>());
        QVERIFY(r.out.contains(
            QRegularExpression("\\n" + line + " +[0-9.]+ +[0-9.]+ +[0-9.]+ +" +
                               QString::number(report["support"][k].get<int64_t>()) + "\\n")));
    }
}

void TestEvalCli::predictionsCsv() {
    const QString csv = m_dir.filePath("predictions.csv");
    const Result r = run({"eval", "--project", m_project, "--run", m_run, "--json",
                          "--no-baselines", "--no-sensitivity", "--predictions", csv});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const json out = json::parse(r.out.toStdString());
    QVERIFY(out.at("baselines").is_null());
    QVERIFY(out.at("sensitivity").is_null());
    const auto project = ft::store::Project::open(m_project.toStdString());
    const auto info = project.evaluation(out.at("evaluation").get<int64_t>());
    const auto predictions = project.predictions(info->id);

    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto rows = parseCsv(f.readAll().toStdString());
    QVERIFY(rows.size() >= 2);
    std::vector<std::string> header = {"row_id", "line", "text", "true", "predicted", "confidence"};
    for (const auto& l : info->labels) header.push_back("p_" + l);
    QCOMPARE(rows[0], header);
    QCOMPARE(rows.size() - 1, predictions.size());
    QCOMPARE(predictions.size(),
             project.splitRowIds(info->splitId, ft::store::SplitPart::Test).size());
    bool quotedText = false;
    for (size_t i = 1; i < rows.size(); ++i) {
        const auto& row = rows[i];
        QCOMPARE(row.size(), header.size());
        const auto& p = predictions[i - 1];
        QCOMPARE(std::stoll(row[0]), p.rowId);
        const auto stored = project.row(p.rowId);
        QCOMPARE(std::stoll(row[1]), stored->line);
        QCOMPARE(row[2], stored->text);
        quotedText = quotedText || row[2].find('"') != std::string::npos;
        QCOMPARE(row[3], *stored->label);
        QCOMPARE(row[4], info->labels.at(static_cast<size_t>(p.predicted)));
        double sum = 0, best = -1;
        for (size_t k = 0; k < info->labels.size(); ++k) {
            const double v = std::stod(row[6 + k]);
            QCOMPARE(static_cast<float>(v), p.probabilities[k]);
            sum += v;
            best = std::max(best, v);
        }
        QVERIFY2(std::fabs(sum - 1.0) <= 1e-6, qPrintable(QString::number(sum, 'g', 17)));
        QCOMPARE(std::stod(row[5]), best);
    }
    QVERIFY(quotedText);
}

void TestEvalCli::compareRuns() {
    Result r = run({"runs", "compare", "--project", m_project, "--runs", m_run, "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const json out = json::parse(r.out.toStdString());
    const auto project = ft::store::Project::open(m_project.toStdString());
    QCOMPARE(out.at("runs").size(), size_t(1));
    QCOMPARE(out["runs"][0].at("evaluation").get<int64_t>(),
             project.latestEvaluation(m_run.toLongLong())->id);
    QVERIFY(out.at("differing").empty());
    r = run({"runs", "compare", "--project", m_project, "--runs", m_run});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QLatin1String("accuracy")));
}

void TestEvalCli::badInput() {
    const auto project = ft::store::Project::open(m_project.toStdString());
    const size_t before = project.evaluations().size();
    Result r = run({"eval", "--project", m_project, "--run", "42"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("run 42 does not exist")), qPrintable(r.err));
    QCOMPARE(r.err.count('\n'), 1);
    r = run({"eval", "--project", m_dir.filePath("nowhere"), "--run", m_run});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(m_dir.filePath("nowhere")), qPrintable(r.err));
    r = run({"eval", "--project", m_project, "--run", m_run, "--predictions",
             m_dir.filePath("no/such/folder/p.csv")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("no/such/folder")), qPrintable(r.err));
    QCOMPARE(project.evaluations().size(), before);
}

void TestEvalCli::plots() {
    const QString dir = m_dir.filePath("plots");
    const Result r =
        run({"eval", "--project", m_project, "--run", m_run, "--plots", dir, "--no-baselines"});
    if (r.exitCode != 0) {
        // A finetune built without the GUI libraries says so and evaluates nothing.
        QVERIFY2(r.err.contains(QLatin1String("without the GUI")), qPrintable(r.err));
        QVERIFY(!QDir(dir).exists());
        return;
    }
    QVERIFY2(r.out.contains(QLatin1String("confusion_matrix.png")), qPrintable(r.out));
    const QStringList files = QDir(dir).entryList({"*.png"}, QDir::Files);
    for (const char* name : {"confusion_matrix.png", "roc.png", "pr.png", "sensitivity.png"})
        QVERIFY2(files.contains(QLatin1String(name)), qPrintable(files.join(", ")));
    QVERIFY(!files.contains(QLatin1String("baselines.png")));
    for (const QString& name : files) {
        QFile f(QDir(dir).filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(f.read(8) == QByteArray("\x89PNG\r\n\x1a\n", 8), qPrintable(name));
        QVERIFY(f.size() > 1000);
    }
}

QTEST_GUILESS_MAIN(TestEvalCli)
#include "tst_eval_cli.moc"
