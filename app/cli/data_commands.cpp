#include <cctype>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "data/cleaner.h"
#include "data/importer.h"
#include "data/reader.h"
#include "data/splitter.h"
#include "data/stats.h"
#include "error.h"
#include "store/project.h"

namespace ft::cli {

namespace {

// Option values live as long as the app: CLI11 binds to their addresses.
struct ImportOptions {
    std::string project, input, format = "auto", textColumn, pairColumn, labelColumn;
    std::string separator, labelSide = "first", labelPart = "full", delimiter, dataset;
    std::string header = "auto";
    std::vector<std::string> renames;
    bool skipRagged = false;
};

struct CleanOptions {
    std::string project, dataset, steps, unicodeForm = "NFKC", stopWordsFile;
    int preview = 0;
};

struct SplitCliOptions {
    std::string project, dataset, ratios = "70,15,15";
    uint64_t seed = 42;
    bool stratify = false, random = false;
};

struct StatsOptions {
    std::string project, dataset;
    bool json = false;
};

Progress printerProgress(ProgressPrinter& printer) {
    Progress p;
    p.onProgress = [&printer](double f, const std::string&) { printer.update(f); };
    p.onEvent = [](LogLevel level, const std::string& message) {
        if (level != LogLevel::Info) std::cerr << "warning: " << message << "\n";
    };
    return p;
}

// Separators are typed on a shell: accept "\t", "tab", "space" as well as the character.
std::string unescapeSeparator(const std::string& s) {
    if (s == "\\t" || s == "tab" || s == "TAB") return "\t";
    if (s == "space") return " ";
    return s;
}

store::DatasetInfo pickDataset(const store::Project& project, const std::string& name) {
    if (name.empty()) return project.defaultDataset();
    auto d = project.datasetByName(name);
    if (!d) {
        std::string known;
        for (const auto& ds : project.datasets()) known += (known.empty() ? "" : ", ") + ds.name;
        throw Error(ErrorCode::NotFound, "no dataset named '" + name + "' in " + project.dir() +
                                             " (datasets: " + (known.empty() ? "none" : known) +
                                             ")");
    }
    return *d;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Common column names, so `--input reviews.csv` alone works on a tidy file. Only
// used when neither --text-column nor --label-column is given.
void guessMapping(const std::vector<std::string>& columns, data::ColumnMapping& mapping) {
    static const char* const textNames[] = {"text",    "sentence", "message",  "review",
                                            "content", "body",     "document", "comment"};
    static const char* const labelNames[] = {"label",  "labels", "class",     "category",
                                             "intent", "target", "sentiment", "topic"};
    for (const char* name : textNames) {
        for (const auto& c : columns) {
            if (mapping.text.empty() && lower(c) == name) mapping.text = c;
        }
    }
    for (const char* name : labelNames) {
        for (const auto& c : columns) {
            if (mapping.label.empty() && lower(c) == name) mapping.label = c;
        }
    }
    if (!mapping.text.empty()) {
        std::cerr << "using column '" << mapping.text << "' as text"
                  << (mapping.label.empty() ? std::string(", no label column")
                                            : ", '" + mapping.label + "' as label")
                  << " (set --text-column / --label-column to choose)\n";
    }
}

void runImport(const ImportOptions& o) {
    store::Project project = store::Project::open(o.project);
    data::ImportRequest request;
    request.path = o.input;
    request.datasetName = o.dataset;
    request.format.format = data::formatFromString(o.format);
    if (!o.separator.empty()) request.format.separator = unescapeSeparator(o.separator);
    if (!o.delimiter.empty()) {
        const std::string d = unescapeSeparator(o.delimiter);
        if (d.size() != 1) {
            throw Error(ErrorCode::InvalidArgument,
                        "--delimiter must be one character, got '" + o.delimiter + "'");
        }
        request.format.delimiter = d[0];
    }
    if (o.header == "yes") request.format.header = true;
    if (o.header == "no") request.format.header = false;
    request.format.labelSide =
        o.labelSide == "last" ? data::LabelSide::Last : data::LabelSide::First;
    request.format.labelPart =
        o.labelPart == "coarse" ? data::LabelPart::Coarse : data::LabelPart::Full;
    request.format.skipRagged = o.skipRagged;

    const data::Detection detection = data::detect(o.input, request.format);
    request.format = detection.options;
    // Default mapping: the Lines format has fixed columns; a two-column file with a
    // header is text + label in whichever order the names suggest.
    request.mapping.text = o.textColumn;
    request.mapping.textPair = o.pairColumn;
    request.mapping.label = o.labelColumn;
    if (request.mapping.text.empty() && detection.options.format == data::Format::Lines) {
        request.mapping.text = "text";
        if (request.mapping.label.empty()) request.mapping.label = "label";
    }
    if (request.mapping.text.empty() && request.mapping.label.empty()) {
        guessMapping(detection.columns, request.mapping);
    }
    if (request.mapping.text.empty()) {
        std::string cols;
        for (const auto& c : detection.columns) cols += (cols.empty() ? "'" : ", '") + c + "'";
        throw Error(ErrorCode::Mapping, o.input +
                                            ": say which column holds the text with "
                                            "--text-column (columns: " +
                                            cols + ")");
    }
    for (const auto& r : o.renames) {
        const auto eq = r.find('=');
        if (eq == std::string::npos || eq == 0) {
            throw Error(ErrorCode::InvalidArgument, "--rename expects RAW=SHOWN, got '" + r + "'");
        }
        request.mapping.labelRenames[r.substr(0, eq)] = r.substr(eq + 1);
    }

    ProgressPrinter printer("importing " + std::filesystem::path(o.input).filename().string());
    const data::ImportResult result = data::importFile(project, request, printerProgress(printer));
    const auto ds = project.dataset(result.datasetId);
    std::cout << "Imported " << result.rows << " rows from " << o.input << " into dataset '"
              << (ds ? ds->name : "?") << "' (" << data::toString(request.format.format) << ")\n";
    if (result.unlabelled) std::cout << "  unlabelled rows: " << result.unlabelled << "\n";
    if (result.skipped) std::cout << "  skipped ragged rows: " << result.skipped << "\n";
    for (const auto& [label, count] : result.labelCounts) {
        std::cout << "  " << std::left << std::setw(20) << label << " " << count << "\n";
    }
    for (const auto& w : result.warnings) {
        std::cerr << "warning: " << o.input << ":" << w.line << ": " << w.message << "\n";
    }
}

void runClean(const CleanOptions& o) {
    store::Project project = store::Project::open(o.project);
    const auto ds = pickDataset(project, o.dataset);
    data::Pipeline pipeline = data::Pipeline::fromStepList(o.steps);
    pipeline.unicodeForm = o.unicodeForm;
    if (!o.stopWordsFile.empty()) {
        std::ifstream in(o.stopWordsFile);
        if (!in) throw Error(ErrorCode::Io, o.stopWordsFile + ": cannot open the stop word list");
        std::string word;
        while (in >> word) pipeline.stopWords.insert(word);
    }
    if (o.preview > 0) {
        for (const auto& r : data::previewCleaning(project, ds.id, pipeline, o.preview)) {
            std::cout << "#" << r.rowId << (r.dropped ? "  [dropped]" : "")
                      << "\n  before: " << r.before << "\n  after:  " << r.after << "\n";
        }
        return;
    }
    ProgressPrinter printer("cleaning");
    const data::CleaningReport report =
        data::applyCleaning(project, ds.id, pipeline, printerProgress(printer));
    std::cout << "Cleaned dataset '" << ds.name << "' with steps: " << o.steps << "\n"
              << "  rows: " << report.rows << ", changed: " << report.changed
              << ", dropped empty: " << report.droppedEmpty
              << ", dropped duplicates: " << report.droppedDuplicates << "\n";
    if (!report.conflicts.empty()) {
        std::cout << "  duplicates whose labels disagree: " << report.conflicts.size() << "\n";
        size_t shown = 0;
        for (const auto& c : report.conflicts) {
            if (++shown > 10) break;
            std::string labels;
            for (const auto& l : c.labels) labels += (labels.empty() ? "" : " / ") + l;
            std::cout << "    \"" << c.text.substr(0, 60) << (c.text.size() > 60 ? "…" : "")
                      << "\": " << labels << "\n";
        }
    }
}

void printPart(const char* name, const data::PartCounts& part) {
    std::cout << "  " << std::left << std::setw(11) << name << std::right << std::setw(7)
              << part.total;
    for (const auto& [label, count] : part.perLabel) std::cout << "  " << label << " " << count;
    std::cout << "\n";
}

void runSplit(const SplitCliOptions& o) {
    store::Project project = store::Project::open(o.project);
    const auto ds = pickDataset(project, o.dataset);
    if (o.stratify && o.random) {
        throw Error(ErrorCode::InvalidArgument, "--stratify and --random exclude each other");
    }
    data::SplitOptions options;
    options.seed = o.seed;
    options.ratios = data::SplitOptions::parseRatios(o.ratios);
    options.stratify = !o.random;
    const data::SplitReport report = data::splitDataset(project, ds.id, options);
    std::cout << "Split dataset '" << ds.name << "' ("
              << (options.stratify ? "stratified" : "random") << ", seed " << o.seed << ", ratios "
              << o.ratios << ")\n";
    printPart("train", report.train);
    printPart("validation", report.validation);
    printPart("test", report.test);
    if (report.excludedUnlabelled)
        std::cout << "  not split (unlabelled): " << report.excludedUnlabelled << "\n";
    if (report.excludedDropped)
        std::cout << "  not split (dropped by cleaning): " << report.excludedDropped << "\n";
    std::cout << "  leakage check: " << report.textsInTwoParts << " texts in two parts; "
              << report.duplicateGroups << " groups of identical texts kept together\n";
}

void runStats(const StatsOptions& o) {
    store::Project project = store::Project::open(o.project);
    const auto ds = pickDataset(project, o.dataset);
    const data::DatasetStats stats = data::computeStats(project, ds.id);
    if (o.json) {
        std::cout << stats.toJson() << "\n";
        return;
    }
    std::cout << "Dataset '" << stats.name << "': " << stats.rows << " rows (" << stats.labelled
              << " labelled, " << stats.unlabelled << " unlabelled, " << stats.dropped
              << " dropped by cleaning)\n";
    int64_t kept = 0;
    for (const auto& lc : stats.labelCounts) kept += lc.second;
    for (const auto& [label, count] : stats.labelCounts) {
        std::cout << "  " << std::left << std::setw(20) << label << std::right << std::setw(8)
                  << count << "  " << std::fixed << std::setprecision(1)
                  << (kept ? 100.0 * static_cast<double>(count) / static_cast<double>(kept) : 0.0)
                  << " %\n";
    }
    std::cout << "  text length (characters): min " << stats.minLength << ", median "
              << stats.medianLength << ", mean " << std::setprecision(1) << stats.meanLength
              << ", max " << stats.maxLength << "\n";
    if (stats.split) {
        const auto& sp = *stats.split;
        std::cout << "  latest split: seed " << sp.seed
                  << (sp.stratified ? ", stratified" : ", random") << ", train " << sp.train
                  << ", validation " << sp.validation << ", test " << sp.test << "\n";
    }
}

}  // namespace

void registerDataCommands(CLI::App& app) {
    auto* data = app.add_subcommand("data", "Import, clean, split and describe datasets");
    data->require_subcommand(1);

    static ImportOptions imp;
    auto* import =
        data->add_subcommand("import", "Import a CSV / TSV / JSON / JSONL / delimited-lines file");
    import->add_option("--project", imp.project, "Project folder")->required();
    import->add_option("--input", imp.input, "File to import")->required();
    import->add_option("--format", imp.format, "File format (default: detected)")
        ->check(CLI::IsMember({"auto", "csv", "tsv", "json", "jsonl", "lines"}));
    import->add_option("--text-column", imp.textColumn, "Column with the text");
    import->add_option("--text-pair-column", imp.pairColumn,
                       "Column with the second text of a pair");
    import->add_option("--label-column", imp.labelColumn,
                       "Column with the label (none: unlabelled)");
    import->add_option("--separator", imp.separator,
                       "Lines format: separator between label and text ('\\t', 'space', ';' ...)");
    import
        ->add_option("--label-side", imp.labelSide,
                     "Lines format: label before (first) or after (last) the text")
        ->check(CLI::IsMember({"first", "last"}));
    import
        ->add_option("--label-part", imp.labelPart,
                     "Labels such as COARSE:fine: keep the full value or the coarse part")
        ->check(CLI::IsMember({"full", "coarse"}));
    import->add_option("--delimiter", imp.delimiter, "CSV/TSV field delimiter (default: detected)");
    import->add_option("--header", imp.header, "Whether the first row is a header")
        ->check(CLI::IsMember({"auto", "yes", "no"}));
    import->add_flag("--skip-ragged", imp.skipRagged,
                     "Skip rows with the wrong number of fields (counted)");
    import->add_option("--rename", imp.renames, "Rename a label value: RAW=SHOWN (repeatable)");
    import->add_option("--dataset", imp.dataset,
                       "Dataset to add the rows to (default: the newest, or a new one)");
    import->callback([] { runImport(imp);
});

static CleanOptions cln;
auto* clean =
    data->add_subcommand("clean", "Clean the dataset's texts (from the raw text each time)");
clean->add_option("--project", cln.project, "Project folder")->required();
clean
    ->add_option("--steps", cln.steps,
                 "Comma-separated steps, run in order: unicode, html, urls, emails, contractions, "
                 "lowercase, special, punctuation, stopwords, empty, duplicates ('' = none)")
    ->required();
clean->add_option("--unicode-form", cln.unicodeForm, "Normalization of the unicode step")
    ->check(CLI::IsMember({"NFC", "NFKC"}));
clean->add_option("--stopwords-file", cln.stopWordsFile, "Own stop word list (one word per line)");
clean->add_option("--preview", cln.preview, "Show N rows before/after without changing anything");
clean->add_option("--dataset", cln.dataset, "Dataset name (default: the newest)");
clean->callback([] { runClean(cln); });

static SplitCliOptions spl;
auto* split =
    data->add_subcommand("split", "Split into train / validation / test (saved as row ids)");
split->add_option("--project", spl.project, "Project folder")->required();
split->add_option("--seed", spl.seed, "Random seed (same seed and data: same split)");
split->add_option("--ratios", spl.ratios, "Train,validation,test in percent or fractions");
split->add_flag("--stratify", spl.stratify,
                "Keep each label's proportion in every part (the default)");
split->add_flag("--random", spl.random, "Plain random split, not stratified");
split->add_option("--dataset", spl.dataset, "Dataset name (default: the newest)");
split->callback([] { runSplit(spl); });

static StatsOptions st;
auto* stats = data->add_subcommand("stats", "Row and label counts, text lengths, latest split");
stats->add_option("--project", st.project, "Project folder")->required();
stats->add_option("--dataset", st.dataset, "Dataset name (default: the newest)");
stats->add_flag("--json", st.json, "Machine-readable output");
stats->callback([] { runStats(st); });
}  // namespace ft::cli

}  // namespace ft::cli
