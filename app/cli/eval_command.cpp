// finetune eval / runs compare: evaluates a run's checkpoint on its test (or validation)
// part, with baselines and sensitivity, and puts several runs side by side.
#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <set>
#include <sstream>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#ifdef FT_HAVE_PLOTS
#include <QApplication>
#include <QDir>

#include "plots/evalplots.h"
#endif

#include "commands.h"
#include "error.h"
#include "eval/evaluator.h"
#include "store/project.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace ft::cli {

namespace {

struct EvalCliOptions {
    std::string project;
    int64_t run = 0;
    std::string checkpoint = "best";
    std::string part = "test";
    bool json = false;
    std::string plots;
    std::string predictions;
    bool noBaselines = false;
    bool noSensitivity = false;
};

struct CompareCliOptions {
    std::string project;
    std::vector<int64_t> runs;
    bool json = false;
};

std::atomic<bool> g_interrupted{false};

void onSigint(int) {
    g_interrupted.store(true);
    std::signal(SIGINT, SIG_DFL);
}

std::string dumpJson(const json& j, int indent) {
    return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

json parseStored(const std::string& text, const char* column, int64_t evaluationId) {
    if (text.empty()) return nullptr;
    try {
        return json::parse(text);
    } catch (const json::exception& e) {
        throw Error(ErrorCode::Parse, "evaluation " + std::to_string(evaluationId) + ": " + column +
                                          " is not valid JSON: " + e.what());
    }
}

// RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled.
std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string number(const json& v, int precision = 4) {
    if (!v.is_number()) return "-";
    std::ostringstream out;
    out << std::fixed << std::setprecision(precision) << v.get<double>();
    return out.str();
}

std::string signedNumber(const json& v, int precision = 4) {
    if (!v.is_number()) return "-";
    std::ostringstream out;
    out << std::showpos << std::fixed << std::setprecision(precision) << v.get<double>();
    return out.str();
}

std::string pValue(const json& v) {
    if (!v.is_number()) return "-";
    const double p = v.get<double>();
    if (p < 1e-4) return "< 0.0001";
    std::ostringstream out;
    out << std::fixed << std::setprecision(4) << p;
    return out.str();
}

std::string interval(const json& i) {
    if (!i.is_object()) return "";
    return "  (95 % CI " + number(i.value("lower", json())) + " - " +
           number(i.value("upper", json())) + ", " + std::to_string(i.value("resamples", 0)) +
           " bootstrap resamples)";
}

std::string pad(const std::string& s, size_t width) {
    return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

std::string padLeft(const std::string& s, size_t width) {
    return s.size() >= width ? " " + s : std::string(width - s.size(), ' ') + s;
}

void printReport(const json& report) {
    const auto& labels = report.at("labels");
    size_t width = 14;
    for (const auto& l : labels) width = std::max(width, l.get<std::string>().size() + 2);
    std::cout << pad("", width) << padLeft("precision", 10) << padLeft("recall", 10)
              << padLeft("f1-score", 10) << padLeft("support", 10) << "\n";
    for (size_t k = 0; k < labels.size(); ++k)
        std::cout << pad(labels[k].get<std::string>(), width)
                  << padLeft(number(report["precision_per_class"][k]), 10)
                  << padLeft(number(report["recall_per_class"][k]), 10)
                  << padLeft(number(report["f1_per_class"][k]), 10)
                  << padLeft(std::to_string(report["support"][k].get<int64_t>()), 10) << "\n";
    std::cout << "\n";
    for (const char* avg : {"macro", "weighted"})
        std::cout << pad(std::string(avg) + " avg", width)
                  << padLeft(number(report["precision_" + std::string(avg)]), 10)
                  << padLeft(number(report["recall_" + std::string(avg)]), 10)
                  << padLeft(number(report["f1_" + std::string(avg)]), 10)
                  << padLeft(std::to_string(report.value("rows", int64_t(0))), 10) << "\n";
    std::cout << "\n";
    std::cout << pad("accuracy", 19) << number(report["accuracy"])
              << interval(report.value("accuracy_interval", json())) << "\n";
    std::cout << pad("macro-F1", 19) << number(report["f1_macro"])
              << interval(report.value("f1_macro_interval", json())) << "\n";
    std::cout << pad("balanced accuracy", 19) << number(report["balanced_accuracy"]) << "\n";
    if (report.contains("roc_auc")) {
        std::cout << pad("ROC AUC", 19) << number(report["roc_auc"]) << "\n";
        std::cout << pad("average precision", 19) << number(report["average_precision"]) << "\n";
    } else {
        std::cout << pad("ROC AUC (OvR)", 19) << number(report.value("roc_auc_ovr_macro", json()))
                  << " macro, " << number(report.value("roc_auc_ovr_weighted", json()))
                  << " weighted\n";
    }
    std::cout << pad("log loss", 19) << number(report["log_loss"]) << "\n";
    std::cout << pad("MCC", 19) << number(report["mcc"]) << "\n";
    if (report.value("calibration", json()).is_object())
        std::cout << pad("calibration ECE", 19) << number(report["calibration"]["ece"]) << "\n";
    for (const auto& w : report.value("warnings", json::array()))
        std::cout << "warning: " << w.get<std::string>() << "\n";
}

void printBaselines(const json& b) {
    std::cout << "\nBaselines (fitted on the " << b.value("train_rows", int64_t(0))
              << " rows of the train part, scored on the same rows as the model)\n";
    std::cout << "  " << pad("", 28) << padLeft("accuracy", 10) << padLeft("macro-F1", 10)
              << "   McNemar vs the model\n";
    const json& model = b.at("model");
    std::cout << "  " << pad("model (" + model.value("name", std::string()) + ")", 28)
              << padLeft(number(model["accuracy"]), 10) << padLeft(number(model["f1_macro"]), 10)
              << "\n";
    for (const auto& base : b.value("baselines", json::array())) {
        const json& m = base.at("mcnemar");
        std::cout << "  " << pad(base.value("name", std::string()), 28)
                  << padLeft(number(base["accuracy"]), 10) << padLeft(number(base["f1_macro"]), 10)
                  << "   p " << pValue(m["p_value"]) << " ("
                  << (m.value("exact", false) ? "exact binomial" : "chi-square") << "; "
                  << m.value("only_model", int64_t(0)) << " rows right only by the model, "
                  << m.value("only_baseline", int64_t(0)) << " only by the baseline)\n";
    }
}

void printSlices(const char* title, const json& slices) {
    std::cout << "  " << title << "\n";
    for (const auto& s : slices)
        std::cout << "    " << pad(s.value("name", std::string()), 24)
                  << padLeft(std::to_string(s.value("rows", int64_t(0))) + " rows", 11)
                  << "  accuracy " << number(s["accuracy"]) << "  macro-F1 "
                  << number(s["macro_f1"]) << "\n";
}

void printSensitivity(const json& s) {
    std::cout << "\nSensitivity\n";
    printSlices("by length", s.value("by_length", json::array()));
    printSlices("by class", s.value("by_class", json::array()));
    std::cout << "  perturbed texts (re-predicted; delta against the original texts)\n";
    for (const auto& p : s.value("perturbations", json::array()))
        std::cout << "    " << pad(p.value("name", std::string()), 16) << "accuracy "
                  << number(p["accuracy"]) << " (" << signedNumber(p["accuracy_delta"])
                  << ")  macro-F1 " << number(p["macro_f1"]) << " ("
                  << signedNumber(p["macro_f1_delta"]) << ")  "
                  << p.value("changed_predictions", int64_t(0)) << " predictions changed\n";
}

// Written to a temporary file beside the target and renamed, so a failure leaves no
// half-written CSV.
void writePredictionsCsv(const std::string& path, const store::Project& project,
                         const store::EvaluationInfo& info,
                         const std::vector<store::PredictionRecord>& predictions) {
    bool anyPair = false;
    std::vector<store::Row> rows;
    rows.reserve(predictions.size());
    for (const auto& p : predictions) {
        auto row = project.row(p.rowId);
        if (!row)
            throw Error(ErrorCode::NotFound, "row " + std::to_string(p.rowId) + " of evaluation " +
                                                 std::to_string(info.id) + " no longer exists");
        anyPair = anyPair || (row->cleanText ? row->cleanPair : row->textPair).has_value();
        rows.push_back(std::move(*row));
    }
    const std::string tmp = path + ".tmp-" + std::to_string(getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw Error(ErrorCode::Io, path + ": cannot write the predictions there");
        out << "row_id,line,text" << (anyPair ? ",text_pair" : "") << ",true,predicted,confidence";
        for (const auto& l : info.labels) out << "," << csvField("p_" + l);
        out << "\r\n";
        char buf[32];
        for (size_t i = 0; i < predictions.size(); ++i) {
            const auto& p = predictions[i];
            const auto& row = rows[i];
            out << p.rowId << "," << row.line << ","
                << csvField(row.cleanText ? *row.cleanText : row.text);
            if (anyPair) {
                const auto& pair = row.cleanText ? row.cleanPair : row.textPair;
                out << "," << csvField(pair ? *pair : std::string());
            }
            out << "," << csvField(info.labels.at(static_cast<size_t>(p.trueLabel))) << ","
                << csvField(info.labels.at(static_cast<size_t>(p.predicted)));
            std::snprintf(
                buf, sizeof buf, "%.9g",
                static_cast<double>(p.probabilities.at(static_cast<size_t>(p.predicted))));
            out << "," << buf;
            for (float v : p.probabilities) {
                std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(v));
                out << "," << buf;
            }
            out << "\r\n";
        }
        out.flush();
        if (!out) {
            std::error_code ec;
            fs::remove(tmp, ec);
            throw Error(ErrorCode::Io, path + ": cannot write the predictions (disk full?)");
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(tmp, ignored);
        throw Error(ErrorCode::Io, path + ": " + ec.message());
    }
}

#ifdef FT_HAVE_PLOTS
// ftplots draws with QCustomPlot, which needs a QApplication: made once, on the offscreen
// platform unless the user chose one, and kept until exit.
void ensureGuiApplication() {
    if (QCoreApplication::instance()) return;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt's and QCustomPlot's chatter (debug output, the offscreen platform's missing
    // XDG_RUNTIME_DIR) is not for the user; real warnings keep a prefix that says where
    // they come from.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& message) {
        if (type == QtDebugMsg || type == QtInfoMsg ||
            message.contains(QLatin1String("XDG_RUNTIME_DIR")))
            return;
        std::cerr << "finetune: plots: " << message.toStdString() << "\n";
    });
    static int argc = 1;
    static char name[] = "finetune";
    static char* argv[] = {name, nullptr};
    new QApplication(argc, argv);
}
#endif

std::vector<std::string> writePlots(const store::EvaluationInfo& info, const std::string& dir) {
#ifdef FT_HAVE_PLOTS
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw Error(ErrorCode::Io, dir + ": cannot create the plots folder (" + ec.message() + ")");
    ensureGuiApplication();
    const QStringList files =
        plots::saveEvaluationPlots(info, QString::fromStdString(dir), {QStringLiteral("png")});
    std::vector<std::string> out;
    for (const QString& f : files) out.push_back(f.toStdString());
    return out;
#else
    (void)info;
    (void)dir;
    throw Error(ErrorCode::InvalidArgument,
                "--plots: this finetune was built without the GUI libraries (FT_BUILD_GUI=OFF), "
                "so it cannot draw plots; use --json and plot elsewhere, or open the project in "
                "Finetune Studio");
#endif
}

// Fails before an evaluation that would take minutes when its output cannot be written.
void checkWritable(const std::string& path) {
    const fs::path p(path);
    const fs::path parent = p.parent_path().empty() ? fs::path(".") : p.parent_path();
    std::error_code ec;
    if (!fs::is_directory(parent, ec))
        throw Error(ErrorCode::Io, path + ": the folder " + parent.string() + " does not exist");
    if (fs::is_directory(p, ec)) throw Error(ErrorCode::Io, path + ": is a folder, not a file");
    if (access(parent.c_str(), W_OK) != 0)
        throw Error(ErrorCode::Io, path + ": cannot write into " + parent.string());
}

void runEval(const EvalCliOptions& o) {
    eval::EvalOptions options;
    options.checkpoint = o.checkpoint;
    options.part = o.part == "validation" ? store::SplitPart::Validation : store::SplitPart::Test;
    options.baselines = !o.noBaselines;
    options.sensitivity = !o.noSensitivity;
#ifndef FT_HAVE_PLOTS
    if (!o.plots.empty()) writePlots({}, o.plots);
#endif
    if (!o.predictions.empty()) checkWritable(o.predictions);
    if (!store::Project::exists(o.project))
        throw Error(ErrorCode::NotFound, o.project + ": no project there (project.db missing)");

    Progress progress;
    ProgressPrinter printer("evaluating");
    g_interrupted.store(false);
    std::signal(SIGINT, onSigint);
    progress.shouldStop = [] { return g_interrupted.load(); };
    progress.onProgress = [&](double f, const std::string&) { printer.update(f); };
    progress.onEvent = [](LogLevel level, const std::string& message) {
        std::cerr << (isatty(fileno(stderr)) ? "\n" : "")
                  << "finetune: " << (level == LogLevel::Warning ? "warning: " : "note: ")
                  << message << "\n";
    };
    eval::EvalResult r;
    try {
        r = eval::Evaluator::run(o.project, o.run, options, progress);
    } catch (...) {
        std::signal(SIGINT, SIG_DFL);
        throw;
    }
    std::signal(SIGINT, SIG_DFL);

    const store::EvaluationInfo& info = r.info;
    const auto project = store::Project::open(o.project);
    std::vector<std::string> plotFiles;
    if (!o.predictions.empty())
        writePredictionsCsv(o.predictions, project, info, project.predictions(info.id));
    if (!o.plots.empty()) plotFiles = writePlots(info, o.plots);

    const json report = parseStored(info.reportJson, "report", info.id);
    const json baselines = parseStored(info.baselinesJson, "baselines", info.id);
    const json sensitivity = parseStored(info.sensitivityJson, "sensitivity", info.id);
    const auto run = project.run(info.runId);
    if (o.json) {
        json out = {{"evaluation", info.id},
                    {"run", info.runId},
                    {"run_name", run ? run->name : std::string()},
                    {"split", info.splitId},
                    {"part", store::toString(info.part)},
                    {"checkpoint", info.checkpoint},
                    {"checkpoint_path", info.checkpointPath},
                    {"labels", info.labels},
                    {"rows", r.predictions.size()},
                    {"seconds", info.seconds},
                    {"created_at", info.createdAt},
                    {"report", report},
                    {"baselines", baselines},
                    {"sensitivity", sensitivity}};
        if (!o.predictions.empty()) out["predictions_file"] = o.predictions;
        if (!o.plots.empty()) out["plots"] = plotFiles;
        std::cout << dumpJson(out, 2) << "\n";
        return;
    }
    std::cout << "Evaluation " << info.id << " of run " << info.runId
              << (run ? " (" + run->name + ")" : std::string()) << ": " << info.checkpoint
              << " checkpoint on the " << store::toString(info.part) << " part of split "
              << info.splitId << ", " << r.predictions.size() << " rows, " << std::fixed
              << std::setprecision(1) << info.seconds << " s\n\n";
    printReport(report);
    if (baselines.is_object()) printBaselines(baselines);
    if (sensitivity.is_object()) printSensitivity(sensitivity);
    if (!o.predictions.empty())
        std::cout << "\npredictions: " << o.predictions << " (" << r.predictions.size()
                  << " rows)\n";
    if (!plotFiles.empty()) {
        std::cout << "\nplots:\n";
        for (const auto& f : plotFiles) std::cout << "  " << f << "\n";
    }
}

void runCompare(const CompareCliOptions& o) {
    const auto project = store::Project::open(o.project);
    const json table = eval::compareRuns(project, o.runs);
    if (o.json) {
        std::cout << dumpJson(table, 2) << "\n";
        return;
    }
    std::cout << std::left << std::setw(5) << "run" << std::setw(11) << "status" << std::setw(18)
              << "evaluation" << std::setw(10) << "accuracy" << std::setw(10) << "macro-F1"
              << std::setw(10) << "ROC AUC" << std::setw(10) << "log loss"
              << "name\n";
    for (const auto& r : table["runs"]) {
        const json& m = r["metrics"];
        const json& e = r["evaluation"];
        std::cout << std::left << std::setw(5) << r["run"].get<int64_t>() << std::setw(11)
                  << r["status"].get<std::string>() << std::setw(18)
                  << (e.is_number() ? std::to_string(e.get<int64_t>()) + " (" +
                                          r.value("part", std::string()) + ")"
                                    : std::string("none"))
                  << std::setw(10) << number(m.value("accuracy", json())) << std::setw(10)
                  << number(m.value("f1_macro", json())) << std::setw(10)
                  << number(m.value("roc_auc", json())) << std::setw(10)
                  << number(m.value("log_loss", json())) << r["name"].get<std::string>() << "\n";
    }
    std::set<std::string> parts;
    for (const auto& r : table["runs"])
        if (r["evaluation"].is_number())
            parts.insert(r.value("part", std::string()) + " of split " +
                         std::to_string(r.value("split", int64_t(0))));
    if (parts.size() > 1)
        std::cout << "\nnote: the runs were evaluated on different parts or splits; their metrics "
                     "are not comparable (evaluate each with 'finetune eval --part ...')\n";
    const json& differing = table["differing"];
    if (o.runs.size() < 2) return;
    if (differing.empty()) {
        std::cout << "\nthe runs share every setting\n";
        return;
    }
    std::cout << "\nsettings that differ\n";
    for (const auto& [key, values] : differing.items()) {
        std::cout << "  " << std::left << std::setw(28) << key;
        for (size_t i = 0; i < values.size(); ++i)
            std::cout << (i ? " | " : "")
                      << (values[i].is_string() ? values[i].get<std::string>()
                                                : dumpJson(values[i], -1));
        std::cout << "\n";
    }
}

}  // namespace

void registerEvalCommand(CLI::App& app) {
    static EvalCliOptions ev;
    auto* eval = app.add_subcommand(
        "eval", "Evaluate a run's checkpoint on its test part, with baselines and sensitivity");
    eval->add_option("--project", ev.project, "Project folder")->required();
    eval->add_option("--run", ev.run, "Run id (see 'finetune runs list')")
        ->required()
        ->check(CLI::PositiveNumber);
    eval->add_option("--checkpoint", ev.checkpoint, "best (falls back to last) or last")
        ->check(CLI::IsMember({"best", "last"}));
    eval->add_option("--part", ev.part, "The part of the run's split to evaluate on")
        ->check(CLI::IsMember({"test", "validation"}));
    eval->add_flag("--json", ev.json, "One JSON document: report, baselines, sensitivity");
    eval->add_option("--plots", ev.plots, "Write the evaluation plots as PNG files into DIR");
    eval->add_option("--predictions", ev.predictions,
                     "Write every prediction to a CSV file (RFC 4180)");
    eval->add_flag("--no-baselines", ev.noBaselines, "Skip the majority and TF-IDF baselines");
    eval->add_flag("--no-sensitivity", ev.noSensitivity,
                   "Skip the length / class slices and the perturbed texts");
    eval->callback([] { runEval(ev); });
}

void registerRunsCompareCommand(CLI::App& runs) {
    static CompareCliOptions co;
    auto* compare = runs.add_subcommand(
        "compare", "Runs side by side: their latest evaluation and the settings that differ");
    compare->add_option("--project", co.project, "Project folder")->required();
    compare->add_option("--runs", co.runs, "Run ids, e.g. 1,2,3")
        ->required()
        ->delimiter(',')
        ->check(CLI::PositiveNumber);
    compare->add_flag("--json", co.json, "JSON output");
    compare->callback([] { runCompare(co); });
}

}  // namespace ft::cli
