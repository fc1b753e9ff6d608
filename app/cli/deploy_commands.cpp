// finetune export / predict / data export-jsonl: the deploy stage on the command line —
// one-click export of a run into a verified folder, the model registry, batch prediction
// with an exported (or any classifier) folder, and OpenAI fine-tuning JSONL.
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
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
#include "data/reader.h"
#include "deploy/exporter.h"
#include "deploy/jsonlexport.h"
#include "deploy/preprocessing.h"
#include "error.h"
#include "models/model.h"
#include "store/project.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace ft::cli {

namespace {

struct ExportCliOptions {
    std::string project;
    int64_t run = 0;
    std::string checkpoint = "best";
    std::string dtype = "f32";
    std::string name, out;
    bool noVerify = false;
    bool json = false;
};

struct RegistryOptions {
    std::string project;
    int64_t id = 0;
    std::string ids;
    bool json = false;
};

struct PredictOptions {
    std::string model, input, textColumn, output, format = "auto";
    size_t batchSize = 32;
};

struct JsonlOptions {
    std::string project, part = "all", system, out, dataset;
    bool raw = false;
};

std::atomic<bool> g_interrupted{false};

void onSigint(int) {
    g_interrupted.store(true);
    std::signal(SIGINT, SIG_DFL);
}

std::string humanBytes(uint64_t n) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(1);
    if (n >= (1ull << 30))
        out << static_cast<double>(n) / (1ull << 30) << " GiB";
    else if (n >= (1ull << 20))
        out << static_cast<double>(n) / (1ull << 20) << " MiB";
    else if (n >= (1ull << 10))
        out << static_cast<double>(n) / (1ull << 10) << " KiB";
    else
        return std::to_string(n) + " B";
    return out.str();
}

#ifdef FT_HAVE_PLOTS
// ftplots draws with QCustomPlot, which needs a QApplication; the CLI makes one on the
// offscreen platform the first time a plot is drawn. It lives until exit (a QApplication
// destroyed during static destruction would outlive the Qt plugins it loaded).
void ensureGuiApplication() {
    if (QCoreApplication::instance()) return;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "finetune";
    static char* argv[] = {name, nullptr};
    new QApplication(argc, argv);
}

std::vector<std::string> renderPlots(const store::EvaluationInfo& e, const std::string& dir) {
    ensureGuiApplication();
    const QStringList files =
        plots::saveEvaluationPlots(e, QString::fromStdString(dir), {QStringLiteral("png")});
    std::vector<std::string> out;
    const QDir base(QString::fromStdString(dir));
    for (const QString& f : files) out.push_back(base.relativeFilePath(f).toStdString());
    return out;
}
#endif

deploy::PlotRenderer plotRenderer() {
#ifdef FT_HAVE_PLOTS
    return renderPlots;
#else
    return {};
#endif
}

void printVerification(const deploy::Verification& v) {
    if (!v.performed) {
        std::cout << "verified       no (" << v.message << ")\n";
        return;
    }
    std::cout << "verified       " << (v.passed ? "yes" : "NO") << " — " << v.message << "\n";
}

void runExport(const ExportCliOptions& o) {
    if (o.project.empty() || o.run <= 0)
        throw Error(ErrorCode::InvalidArgument,
                    "export: --project and --run are required (or use export list / delete / "
                    "compare)");
    deploy::ExportOptions eo;
    eo.checkpoint = o.checkpoint;
    if (!deploy::parseExportDtype(o.dtype, eo.dtype))
        throw Error(ErrorCode::InvalidArgument,
                    "--dtype: '" + o.dtype + "' is not one of f32, f16, bf16");
    eo.name = o.name;
    eo.outDir = o.out;
    eo.verify = !o.noVerify;

    g_interrupted.store(false);
    std::signal(SIGINT, onSigint);
    ProgressPrinter printer("Exporting");
    Progress progress;
    progress.onProgress = [&](double f, const std::string&) { printer.update(f); };
    progress.onEvent = [](LogLevel level, const std::string& message) {
        std::cerr << "finetune: " << (level == LogLevel::Warning ? "warning: " : "") << message
                  << "\n";
    };
    progress.shouldStop = [] { return g_interrupted.load(); };
    const auto r = deploy::Exporter::exportRun(o.project, o.run, eo, progress, plotRenderer());
    std::signal(SIGINT, SIG_DFL);
    if (o.json) {
        json files = json::array();
        for (const auto& f : r.files)
            files.push_back({{"path", f.path}, {"size", f.size}, {"sha256", f.sha256}});
        std::cout << json{{"id", r.exportId},
                          {"name", r.name},
                          {"version", r.version},
                          {"folder", r.folder},
                          {"checkpoint", r.checkpoint},
                          {"dtype", deploy::toString(r.dtype)},
                          {"evaluation", r.evaluationId ? json(*r.evaluationId) : json()},
                          {"verification", r.verification.toJson()},
                          {"plots", r.plotsRendered},
                          {"files", files},
                          {"total_bytes", r.totalBytes},
                          {"warnings", r.warnings},
                          {"seconds", r.seconds}}
                         .dump(2)
                  << "\n";
        return;
    }
    for (const auto& w : r.warnings) std::cerr << "finetune: warning: " << w << "\n";
    std::cout << "Exported " << r.name << " v" << r.version << " (export " << r.exportId << ") to "
              << r.folder << "\n"
              << "checkpoint     " << r.checkpoint << ", " << deploy::toString(r.dtype) << "\n"
              << "evaluation     "
              << (r.evaluationId ? std::to_string(*r.evaluationId)
                                 : std::string("none (the model card says so)"))
              << "\n"
              << "files          " << r.files.size() + 1 << ", " << humanBytes(r.totalBytes)
              << "\n";
    printVerification(r.verification);
    std::cout << std::fixed << std::setprecision(1) << "took           " << r.seconds << " s\n";
}

std::string metricText(const std::string& metricsJson) {
    json m;
    try {
        m = json::parse(metricsJson.empty() ? "{}" : metricsJson);
    } catch (const json::exception&) {
        return "?";
    }
    if (!m.is_object() || !m.contains("accuracy")) return "not evaluated";
    std::ostringstream out;
    out << std::fixed << std::setprecision(4) << "acc " << m["accuracy"].get<double>();
    if (m.contains("f1_macro")) out << "  F1 " << m["f1_macro"].get<double>();
    return out.str();
}

void runList(const RegistryOptions& o) {
    const auto exports = deploy::Exporter::list(o.project);
    if (o.json) {
        json out = json::array();
        for (const auto& e : exports) {
            json metrics = json::object();
            try {
                metrics = json::parse(e.metricsJson.empty() ? "{}" : e.metricsJson);
            } catch (const json::exception&) {
            }
            out.push_back({{"id", e.id},
                           {"name", e.name},
                           {"version", e.version},
                           {"run", e.runId},
                           {"evaluation", e.evaluationId ? json(*e.evaluationId) : json()},
                           {"checkpoint", e.checkpoint},
                           {"dtype", e.dtype},
                           {"dataset_sha256", e.datasetSha256},
                           {"metrics", metrics},
                           {"verified", e.verified},
                           {"created_at", e.createdAt},
                           {"path", e.path},
                           {"exists", fs::is_directory(e.path)}});
        }
        std::cout << out.dump(2) << "\n";
        return;
    }
    if (exports.empty()) {
        std::cout << "No exports yet (finetune export --project " << o.project << " --run N)\n";
        return;
    }
    std::cout << std::left << std::setw(5) << "ID" << std::setw(24) << "NAME" << std::setw(5)
              << "VER" << std::setw(5) << "RUN" << std::setw(6) << "DTYPE" << std::setw(9)
              << "VERIFIED" << std::setw(26) << "METRICS"
              << "CREATED / FOLDER\n";
    for (const auto& e : exports) {
        std::cout << std::left << std::setw(5) << e.id << std::setw(24) << e.name << std::setw(5)
                  << e.version << std::setw(5) << e.runId << std::setw(6) << e.dtype << std::setw(9)
                  << (e.verified ? "yes" : "no") << std::setw(26) << metricText(e.metricsJson)
                  << e.createdAt << "  " << e.path
                  << (fs::is_directory(e.path) ? "" : "  (folder missing)") << "\n";
    }
}

void runDelete(const RegistryOptions& o) {
    const auto project = store::Project::open(o.project);
    const auto info = project.exportInfo(o.id);
    deploy::Exporter::remove(o.project, o.id);
    if (info)
        std::cout << "Deleted export " << o.id << " (" << info->name << " v" << info->version
                  << ") and " << info->path << "\n";
}

std::vector<int64_t> parseIds(const std::string& text) {
    std::vector<int64_t> ids;
    std::stringstream ss(text);
    std::string part;
    while (std::getline(ss, part, ',')) {
        part.erase(0, part.find_first_not_of(" \t"));
        part.erase(part.find_last_not_of(" \t") + 1);
        int64_t id = 0;
        const auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), id);
        if (part.empty() || ec != std::errc() || p != part.data() + part.size() || id <= 0)
            throw Error(ErrorCode::InvalidArgument,
                        "--ids: '" + part + "' is not an export id (e.g. --ids 1,2)");
        ids.push_back(id);
    }
    return ids;
}

void runCompare(const RegistryOptions& o) {
    const auto c = deploy::Exporter::compare(o.project, parseIds(o.ids));
    if (o.json) {
        std::cout << c.toJson().dump(2) << "\n";
        return;
    }
    std::cout << std::left << std::setw(22) << "";
    for (const auto& e : c.exports)
        std::cout << std::setw(22) << (e.name + " v" + std::to_string(e.version));
    std::cout << "\n" << std::setw(22) << "export / run / dtype";
    for (const auto& e : c.exports)
        std::cout << std::setw(22)
                  << (std::to_string(e.id) + " / " + std::to_string(e.runId) + " / " + e.dtype);
    std::cout << "\n" << std::setw(22) << "verified";
    for (const auto& e : c.exports) std::cout << std::setw(22) << (e.verified ? "yes" : "no");
    std::cout << "\n";
    for (const auto& m : c.metrics) {
        std::cout << std::setw(22) << m.key;
        for (const auto& v : m.values) {
            std::ostringstream s;
            if (v)
                s << std::fixed << std::setprecision(4) << *v;
            else
                s << "–";
            std::cout << std::setw(22) << s.str();
        }
        std::cout << "\n";
    }
    if (c.metrics.empty()) std::cout << "(none of these exports was evaluated)\n";
    if (!c.configDifferences.empty()) {
        std::cout << "\nRun config differences:\n";
        for (const auto& [key, values] : c.configDifferences) {
            std::cout << std::setw(22) << key;
            for (const auto& v : values) std::cout << std::setw(22) << v;
            std::cout << "\n";
        }
    }
}

// CSV field per RFC 4180: quoted when it holds a delimiter, quote, line break or edge
// spaces.
std::string csvField(const std::string& s) {
    const bool quote = s.find_first_of(",\"\r\n") != std::string::npos ||
                       (!s.empty() && (s.front() == ' ' || s.back() == ' '));
    if (!quote) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string shortestFloat(float v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

std::string columnList(const std::vector<std::string>& columns) {
    std::string out;
    for (const auto& c : columns) out += (out.empty() ? "'" : ", '") + c + "'";
    return out;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

size_t pickTextColumn(const std::string& file, const data::Detection& det,
                      const std::string& asked) {
    const auto& columns = det.columns;
    if (!asked.empty()) {
        for (size_t i = 0; i < columns.size(); ++i)
            if (columns[i] == asked) return i;
        for (size_t i = 0; i < columns.size(); ++i)
            if (lower(columns[i]) == lower(asked)) return i;
        throw Error(ErrorCode::Mapping,
                    file + ": no column '" + asked + "' (columns: " + columnList(columns) + ")");
    }
    for (const char* name : {"text", "sentence", "content", "message", "review", "body", "document",
                             "comment", "query", "question"})
        for (size_t i = 0; i < columns.size(); ++i)
            if (lower(columns[i]) == name) return i;
    if (columns.size() == 1) return 0;
    // A hint, not a guess: the column whose first values are longest.
    std::vector<size_t> chars(columns.size(), 0);
    for (const auto& r : det.preview)
        for (size_t i = 0; i < r.fields.size() && i < chars.size(); ++i)
            chars[i] += r.fields[i].size();
    const auto longest =
        static_cast<size_t>(std::max_element(chars.begin(), chars.end()) - chars.begin());
    throw Error(ErrorCode::Mapping, file +
                                        ": no text column found (columns: " + columnList(columns) +
                                        "); say which one with --text-column (the longest values "
                                        "are in '" +
                                        columns[longest] + "')");
}

void runPredict(const PredictOptions& o) {
    const auto started = std::chrono::steady_clock::now();
    // The model first: a wrong folder is reported before a large input is read.
    models::LoadOptions lo;
    lo.requireTokenizer = true;
    const auto model = models::Model::open(o.model, lo);
    const auto info = model.info();
    if (info.task != models::Task::SequenceClassification)
        throw Error(ErrorCode::InvalidArgument,
                    o.model + ": not a text classifier (" + info.architecture + ", a " +
                        models::toString(info.task) +
                        " model): predict needs a fine-tuned classifier, e.g. an export folder");
    if (!model.report().newWeights.empty())
        throw Error(
            ErrorCode::InvalidArgument,
            o.model + ": not a fine-tuned classifier: its weights lack " +
                model.report().newWeights.front() +
                (model.report().newWeights.size() > 1
                     ? " and " + std::to_string(model.report().newWeights.size() - 1) + " more"
                     : std::string()) +
                " (a base model; fine-tune and export it first)");
    const auto& labels = info.labels;
    const deploy::Preprocessing pre = deploy::loadPreprocessing(o.model);

    data::FormatOptions hint;
    if (o.format != "auto") hint.format = data::formatFromString(o.format);
    const data::Detection det = data::detect(o.input, hint, 5);
    const size_t textIndex = pickTextColumn(o.input, det, o.textColumn);

    std::ofstream fileOut;
    std::string tmpPath;
    std::ostream* out = &std::cout;
    if (!o.output.empty()) {
        tmpPath = o.output + ".tmp-" + std::to_string(getpid());
        fileOut.open(tmpPath, std::ios::binary | std::ios::trunc);
        if (!fileOut)
            throw Error(ErrorCode::Io, o.output + ": cannot be written (" +
                                           std::string(std::strerror(errno)) + ")");
        out = &fileOut;
    }
    auto dropTmp = [&] {
        if (tmpPath.empty()) return;
        fileOut.close();
        std::error_code ec;
        fs::remove(tmpPath, ec);
    };

    std::map<std::string, int64_t> counts;
    int64_t rows = 0;
    try {
        std::string header;
        for (const auto& c : det.columns) header += csvField(c) + ",";
        header += "predicted_label,confidence";
        for (const auto& l : labels) header += "," + csvField("prob_" + l);
        *out << header << "\n";

        std::vector<data::Record> pending;
        auto flush = [&] {
            if (pending.empty()) return;
            std::vector<std::string> texts;
            texts.reserve(pending.size());
            for (const auto& r : pending) texts.push_back(pre.apply(r.fields.at(textIndex)));
            const auto preds = model.predict(texts, o.batchSize);
            for (size_t i = 0; i < pending.size(); ++i) {
                const auto& p = preds[i];
                std::string line;
                for (const auto& f : pending[i].fields) line += csvField(f) + ",";
                const auto& label = labels.at(static_cast<size_t>(p.label));
                line += csvField(label) + "," +
                        shortestFloat(p.probabilities.at(static_cast<size_t>(p.label)));
                for (float v : p.probabilities) line += "," + shortestFloat(v);
                *out << line << "\n";
                ++counts[label];
            }
            rows += static_cast<int64_t>(pending.size());
            pending.clear();
            if (!*out)
                throw Error(ErrorCode::Io,
                            (o.output.empty() ? "stdout" : o.output) + ": cannot be written");
        };
        const size_t chunk = std::max<size_t>(1, o.batchSize) * 16;
        ProgressPrinter printer("Predicting");
        Progress progress;
        progress.onProgress = [&](double f, const std::string&) { printer.update(f); };
        data::readRecords(
            o.input, det.options, det.columns,
            [&](data::Record&& r) {
                pending.push_back(std::move(r));
                if (pending.size() >= chunk) flush();
                return true;
            },
            progress);
        flush();
        if (!tmpPath.empty()) {
            fileOut.flush();
            if (!fileOut) throw Error(ErrorCode::Io, o.output + ": cannot be written (disk full?)");
            fileOut.close();
            std::error_code ec;
            fs::rename(tmpPath, o.output, ec);
            if (ec)
                throw Error(ErrorCode::Io, o.output + ": cannot be written (" + ec.message() + ")");
        }
    } catch (...) {
        dropTmp();
        throw;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << "Predicted " << rows << " rows in " << std::fixed << std::setprecision(1)
              << seconds << " s";
    if (!o.output.empty()) std::cerr << " -> " << o.output;
    std::cerr << " (";
    bool first = true;
    for (const auto& l : labels) {
        if (!counts.count(l)) continue;
        std::cerr << (first ? "" : ", ") << l << " " << counts[l];
        first = false;
    }
    std::cerr << ")\n";
}

void runExportJsonl(const JsonlOptions& o) {
    auto project = store::Project::open(o.project);
    deploy::JsonlExportOptions jo;
    jo.dataset = o.dataset;
    jo.system = o.system;
    jo.rawText = o.raw;
    if (o.part == "train")
        jo.part = store::SplitPart::Train;
    else if (o.part == "validation")
        jo.part = store::SplitPart::Validation;
    else if (o.part == "test")
        jo.part = store::SplitPart::Test;
    const auto r = deploy::exportOpenAiJsonl(project, o.out, jo);
    std::cout << "Wrote " << r.lines << " examples (" << humanBytes(static_cast<uint64_t>(r.bytes))
              << ") to " << r.path << ":";
    for (const auto& l : r.labels) std::cout << " " << l.label << " " << l.count;
    std::cout << "\n";
}

}  // namespace

void registerDeployCommands(CLI::App& app) {
    static ExportCliOptions ex;
    auto* exp = app.add_subcommand(
        "export",
        "Export a run as a verified Hugging Face folder with model card (or manage "
        "the registry: list, delete, compare)");
    exp->require_subcommand(0, 1);
    exp->add_option("--project", ex.project, "Project folder");
    exp->add_option("--run", ex.run, "Run id (finetune runs list)");
    exp->add_option("--checkpoint", ex.checkpoint, "Which checkpoint (best falls back to last)")
        ->check(CLI::IsMember({"best", "last"}));
    exp->add_option("--dtype", ex.dtype, "Weights dtype of the export")
        ->check(CLI::IsMember({"f32", "f16", "bf16"}));
    exp->add_option("--name", ex.name, "Registry name (default: the run name)");
    exp->add_option("--out", ex.out, "Target folder (default: <project>/exports/<name>-v<N>)");
    exp->add_flag("--no-verify", ex.noVerify, "Skip re-predicting from the written folder");
    exp->add_flag("--json", ex.json, "Machine-readable output");

    static RegistryOptions reg;
    auto* list = exp->add_subcommand("list", "The model registry: every exported version");
    list->add_option("--project", reg.project, "Project folder")->required();
    list->add_flag("--json", reg.json, "Machine-readable output");
    list->callback([] { runList(reg); });

    auto* del = exp->add_subcommand("delete", "Delete an export: its folder and registry entry");
    del->add_option("--project", reg.project, "Project folder")->required();
    del->add_option("--id", reg.id, "Export id (finetune export list)")->required();
    del->callback([] { runDelete(reg); });

    auto* cmp = exp->add_subcommand("compare", "Compare the metrics of two or more exports");
    cmp->add_option("--project", reg.project, "Project folder")->required();
    cmp->add_option("--ids", reg.ids, "Comma-separated export ids, e.g. 1,2")->required();
    cmp->add_flag("--json", reg.json, "Machine-readable output");
    cmp->callback([] { runCompare(reg); });

    exp->callback([exp] {
        if (!exp->get_subcommands().empty()) return;
        runExport(ex);
    });

    static PredictOptions pr;
    auto* predict = app.add_subcommand(
        "predict",
        "Label every row of a file with a classifier folder (applies preprocessing.json)");
    predict->add_option("--model", pr.model, "Classifier folder (an export)")->required();
    predict->add_option("--input", pr.input, "CSV / TSV / JSON / JSONL / lines file")->required();
    predict->add_option("--text-column", pr.textColumn,
                        "Column with the text (default: 'text', 'sentence', ... or the only one)");
    predict->add_option("--output", pr.output, "CSV file to write (default: stdout)");
    predict->add_option("--batch-size", pr.batchSize, "Texts per forward pass")
        ->check(CLI::PositiveNumber);
    predict->add_option("--format", pr.format, "Input format (default: detected)")
        ->check(CLI::IsMember({"auto", "csv", "tsv", "json", "jsonl", "lines"}));
    predict->callback([] { runPredict(pr); });

    static JsonlOptions jl;
    CLI::App* data = nullptr;
    try {
        data = app.get_subcommand("data");
    } catch (const CLI::OptionNotFound&) {
        data = app.add_subcommand("data", "Import, clean, split and describe datasets");
    }
    auto* jsonl = data->add_subcommand(
        "export-jsonl", "Write labelled rows as an OpenAI chat fine-tuning file (JSONL)");
    jsonl->add_option("--project", jl.project, "Project folder")->required();
    jsonl->add_option("--part", jl.part, "Which part of the latest split")
        ->check(CLI::IsMember({"train", "validation", "test", "all"}));
    jsonl->add_option("--system", jl.system, "System message of every example (default: none)");
    jsonl->add_option("--out", jl.out, "JSONL file to write")->required();
    jsonl->add_option("--dataset", jl.dataset, "Dataset name (default: the newest)");
    jsonl->add_flag("--raw", jl.raw, "Use the imported text, not the cleaned one");
    jsonl->callback([] { runExportJsonl(jl); });
}

}  // namespace ft::cli
