#include "deploy/modelcard.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace ft::deploy {

namespace {

using nlohmann::json;

json parseOrNull(const std::string& text) {
    if (text.empty()) return nullptr;
    try {
        return json::parse(text);
    } catch (const json::exception&) {
        return nullptr;
    }
}

std::optional<double> number(const json& j, const char* key) {
    if (!j.is_object()) return std::nullopt;
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}

// A member by reference (json::value() returns a copy, and worst() points into it).
const json& member(const json& j, const char* key) {
    static const json kNull;
    if (!j.is_object()) return kNull;
    const auto it = j.find(key);
    return it == j.end() ? kNull : *it;
}

std::optional<double> at(const json& a, size_t k) {
    if (!a.is_array() || k >= a.size() || !a[k].is_number()) return std::nullopt;
    return a[k].get<double>();
}

std::string fixed(double v, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

std::string pct(double v) { return fixed(100.0 * v, 1) + " %"; }

std::string pctOrDash(std::optional<double> v) { return v ? pct(*v) : "–"; }

// p-values span many orders of magnitude: keep three significant digits, and say "<
// 0.001" rather than print a long tail of zeros.
std::string pValue(double p) {
    if (p < 0.001) return "< 0.001";
    return fixed(p, 3);
}

// Markdown table cells must not break the table.
std::string cell(std::string s) {
    for (char& c : s)
        if (c == '|' || c == '\n' || c == '\r') c = ' ';
    return s;
}

std::string thousands(int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string joinLabels(const std::vector<std::string>& labels) {
    std::string out;
    for (size_t i = 0; i < labels.size(); ++i) out += (i ? ", " : "") + labels[i];
    return out;
}

std::string interval(const json& report, const char* key) {
    const auto it = report.find(key);
    if (it == report.end() || !it->is_object()) return "–";
    const auto lo = number(*it, "lower"), hi = number(*it, "upper");
    if (!lo || !hi) return "–";
    return pct(*lo) + " – " + pct(*hi);
}

// The worst entry of a list of {"name", "accuracy", ...} objects by `key` (lowest), among
// entries with rows > 0 when they carry a row count.
const json* worst(const json& list, const char* key) {
    if (!list.is_array()) return nullptr;
    const json* best = nullptr;
    for (const auto& e : list) {
        const auto v = number(e, key);
        if (!v) continue;
        if (const auto rows = number(e, "rows"); rows && *rows <= 0) continue;
        if (!best || *v < *number(*best, key)) best = &e;
    }
    return best;
}

std::string nameOf(const json& e) {
    return e.is_object() && e.contains("name") && e["name"].is_string()
               ? e["name"].get<std::string>()
               : std::string("?");
}

void dataSection(std::ostringstream& md, const ModelCardInput& in) {
    md << "## Training data\n\n";
    md << "Dataset \"" << in.datasetName << "\"";
    if (!in.datasetSha256.empty()) md << ", SHA-256 `" << in.datasetSha256 << "`";
    md << ".\n\n";
    if (!in.sources.empty()) {
        md << "| Source file | Rows | Size (bytes) | SHA-256 |\n|---|---:|---:|---|\n";
        for (const auto& s : in.sources)
            md << "| `" << cell(s.path) << "` | " << thousands(s.rowCount) << " | "
               << thousands(s.size) << " | `" << s.sha256 << "` |\n";
        md << "\n";
    }
    if (in.cleaningJson.empty()) {
        md << "Texts were used as imported (no cleaning steps).\n\n";
    } else {
        const json c = parseOrNull(in.cleaningJson);
        std::string steps;
        if (c.is_object() && c.contains("steps") && c["steps"].is_array())
            for (const auto& s : c["steps"])
                if (s.is_string()) steps += (steps.empty() ? "" : ", ") + s.get<std::string>();
        md << "Cleaning steps: " << (steps.empty() ? "none" : steps)
           << ". `preprocessing.json` repeats the text steps at prediction time (`finetune "
              "predict` and `finetune serve` apply it; other tools must apply them "
              "themselves).\n\n";
    }
    if (!in.parts.empty()) {
        md << "Labelled rows per part of the split (dropped rows excluded):\n\n| Part | Rows |";
        for (const auto& l : in.labels) md << " " << cell(l) << " |";
        md << "\n|---|---:|";
        for (size_t i = 0; i < in.labels.size(); ++i) md << "---:|";
        md << "\n";
        for (const auto& p : in.parts) {
            md << "| " << p.part << " | " << thousands(p.rows) << " |";
            for (const auto& l : in.labels) {
                int64_t n = 0;
                for (const auto& c : p.labels)
                    if (c.label == l) n = c.count;
                md << " " << thousands(n) << " |";
            }
            md << "\n";
        }
        md << "\n";
    }
}

void trainingSection(std::ostringstream& md, const ModelCardInput& in) {
    md << "## Training\n\n";
    md << "Run " << in.run.id << " \"" << in.run.name << "\" (" << store::toString(in.run.status)
       << "), exported from its **" << in.checkpoint << "** checkpoint at step "
       << in.checkpointStep;
    if (in.run.bestMetric && in.checkpoint == "best")
        md << " (best validation metric " << fixed(*in.run.bestMetric, 4) << ")";
    md << ". Starting model: `" << in.run.modelDir << "`.\n\n";
    md << "| Hyperparameter | Value |\n|---|---|\n";
    static const char* const kKeys[] = {"model",
                                        "tokenizer",
                                        "epochs",
                                        "max_steps",
                                        "batch_size",
                                        "gradient_accumulation_steps",
                                        "max_length",
                                        "learning_rate",
                                        "weight_decay",
                                        "schedule",
                                        "warmup_steps",
                                        "warmup_ratio",
                                        "max_grad_norm",
                                        "class_weights",
                                        "dropout",
                                        "freeze_embeddings",
                                        "freeze_layers",
                                        "head_only",
                                        "metric_for_best",
                                        "early_stopping",
                                        "seed",
                                        "device"};
    for (const char* key : kKeys) {
        const auto it = in.runConfig.find(key);
        if (it == in.runConfig.end() || it->is_null()) continue;
        const std::string v = it->is_string() ? it->get<std::string>() : it->dump();
        md << "| " << key << " | " << cell(v) << " |\n";
    }
    md << "\nThe complete run config is in `manifest.json` (`run.config`); `finetune train "
          "--config` accepts it as it is.\n\n";
}

void metricsSection(std::ostringstream& md, const ModelCardInput& in, const json& report) {
    const auto& e = *in.evaluation;
    md << "## Evaluation\n\n";
    md << "Evaluation " << e.id << " of the " << e.checkpoint << " checkpoint on the **"
       << store::toString(e.part) << "** part of the split (" << thousands(report.value("rows", 0))
       << " rows the model never trained on), " << e.createdAt
       << ". Intervals are 95 % bootstrap intervals.\n\n";
    md << "| Metric | Value | 95 % interval |\n|---|---:|---|\n";
    md << "| Accuracy | " << pctOrDash(number(report, "accuracy")) << " | "
       << interval(report, "accuracy_interval") << " |\n";
    md << "| Macro F1 | " << pctOrDash(number(report, "f1_macro")) << " | "
       << interval(report, "f1_macro_interval") << " |\n";
    md << "| Balanced accuracy | " << pctOrDash(number(report, "balanced_accuracy")) << " | |\n";
    if (const auto v = number(report, "mcc")) md << "| MCC | " << fixed(*v, 3) << " | |\n";
    if (const auto v = number(report, "roc_auc")) md << "| ROC AUC | " << fixed(*v, 4) << " | |\n";
    if (const auto v = number(report, "roc_auc_ovr_macro"))
        md << "| ROC AUC (one-vs-rest, macro) | " << fixed(*v, 4) << " | |\n";
    if (const auto v = number(report, "log_loss"))
        md << "| Log loss | " << fixed(*v, 4) << " | |\n";
    md << "\n";

    const json& labels = report.contains("labels") ? report["labels"] : json();
    const json& p = report.contains("precision_per_class") ? report["precision_per_class"] : json();
    const json& r = report.contains("recall_per_class") ? report["recall_per_class"] : json();
    const json& f = report.contains("f1_per_class") ? report["f1_per_class"] : json();
    const json& s = report.contains("support") ? report["support"] : json();
    if (labels.is_array() && p.is_array() && r.is_array() && f.is_array() && s.is_array() &&
        p.size() == labels.size() && r.size() == labels.size() && f.size() == labels.size() &&
        s.size() == labels.size()) {
        md << "| Label | Precision | Recall | F1 | Support |\n|---|---:|---:|---:|---:|\n";
        for (size_t k = 0; k < labels.size(); ++k)
            md << "| " << cell(labels[k].is_string() ? labels[k].get<std::string>() : "?") << " | "
               << pctOrDash(at(p, k)) << " | " << pctOrDash(at(r, k)) << " | "
               << pctOrDash(at(f, k)) << " | "
               << (at(s, k) ? thousands(static_cast<int64_t>(*at(s, k))) : "–") << " |\n";
        md << "\n";
    }
    const json& cm = report.contains("confusion_matrix") ? report["confusion_matrix"] : json();
    if (labels.is_array() && cm.is_array() && cm.size() == labels.size()) {
        md << "Confusion matrix (rows: true label, columns: predicted):\n\n| |";
        for (const auto& l : labels)
            md << " " << cell(l.is_string() ? l.get<std::string>() : "?") << " |";
        md << "\n|---|";
        for (size_t k = 0; k < labels.size(); ++k) md << "---:|";
        md << "\n";
        for (size_t i = 0; i < cm.size(); ++i) {
            md << "| **" << cell(labels[i].is_string() ? labels[i].get<std::string>() : "?")
               << "** |";
            if (cm[i].is_array())
                for (const auto& v : cm[i])
                    md << " " << (v.is_number() ? thousands(v.get<int64_t>()) : "?") << " |";
            md << "\n";
        }
        md << "\n";
    }
    if (report.contains("warnings") && report["warnings"].is_array() &&
        !report["warnings"].empty()) {
        md << "Caveats of these numbers:\n\n";
        for (const auto& w : report["warnings"])
            if (w.is_string()) md << "- " << w.get<std::string>() << "\n";
        md << "\n";
    }
    if (!in.plotFiles.empty()) {
        auto has = [&](const std::string& f) {
            return std::find(in.plotFiles.begin(), in.plotFiles.end(), f) != in.plotFiles.end();
        };
        static const std::pair<const char*, const char*> kPlots[] = {
            {"confusion_matrix.png", "Confusion matrix"},
            {"confusion_matrix_normalized.png", "Confusion matrix, rows normalised"},
            {"roc.png", "ROC curves"},
            {"pr.png", "Precision-recall curves"},
            {"calibration.png", "Calibration"},
            {"baselines.png", "Model against baselines"},
            {"sensitivity.png", "Sensitivity"}};
        for (const auto& [file, title] : kPlots)
            if (has(file)) md << "![" << title << "](" << file << ")\n\n";
    } else {
        md << "*No plot images in this folder: "
           << (in.plotsNote.empty() ? "they were not rendered" : in.plotsNote) << ".*\n\n";
    }
}

void baselinesSection(std::ostringstream& md, const std::string& baselinesJson) {
    md << "## Baselines\n\n";
    const json b = parseOrNull(baselinesJson);
    if (!b.is_object() || !b.contains("baselines") || !b["baselines"].is_array() ||
        b["baselines"].empty()) {
        md << "The evaluation has no baseline comparison.\n\n";
        return;
    }
    const json& model = member(b, "model");
    md << "Simple baselines";
    if (const auto n = number(b, "train_rows"))
        md << " fitted on the same " << thousands(static_cast<int64_t>(*n)) << " training rows";
    md << " and scored on the same rows. McNemar's test asks whether the model and the "
          "baseline err on different rows more often than chance allows (b: only the model "
          "right, c: only the baseline right).\n\n";
    md << "| | Accuracy | Macro F1 | b | c | McNemar p | Verdict (5 %) |\n"
          "|---|---:|---:|---:|---:|---:|---|\n";
    md << "| **model** | " << pctOrDash(number(model, "accuracy")) << " | "
       << pctOrDash(number(model, "f1_macro")) << " | | | | |\n";
    for (const auto& e : b["baselines"]) {
        md << "| " << cell(nameOf(e)) << " | " << pctOrDash(number(e, "accuracy")) << " | "
           << pctOrDash(number(e, "f1_macro")) << " | ";
        const json& m = member(e, "mcnemar");
        const auto only = number(m, "only_model"), other = number(m, "only_baseline");
        const auto p = number(m, "p_value");
        md << (only ? thousands(static_cast<int64_t>(*only)) : "–") << " | "
           << (other ? thousands(static_cast<int64_t>(*other)) : "–") << " | "
           << (p ? pValue(*p) : "–") << " | ";
        if (!p || !only || !other)
            md << "–";
        else if (*p >= 0.05)
            md << "no significant difference";
        else
            md << (*only > *other ? "model better" : "baseline better");
        md << " |\n";
    }
    md << "\n";
}

}  // namespace

std::vector<std::string> knownWeaknesses(const std::string& sensitivityJson,
                                         std::optional<double> overallAccuracy) {
    std::vector<std::string> out;
    const json s = parseOrNull(sensitivityJson);
    if (!s.is_object()) return out;
    const std::string overall =
        overallAccuracy ? " (overall " + pct(*overallAccuracy) + ")" : std::string();
    if (const json* w = worst(member(s, "by_length"), "accuracy")) {
        const auto rows = number(*w, "rows");
        out.push_back("Texts of " + nameOf(*w) + " are its weakest length: accuracy " +
                      pct(*number(*w, "accuracy")) + overall +
                      (rows ? " on " + thousands(static_cast<int64_t>(*rows)) + " rows" : "") +
                      ".");
    }
    if (const json* w = worst(member(s, "by_class"), "accuracy")) {
        const auto rows = number(*w, "rows");
        out.push_back("The label \"" + nameOf(*w) +
                      "\" is recognised least often: " + pct(*number(*w, "accuracy")) + " of its" +
                      (rows ? " " + thousands(static_cast<int64_t>(*rows)) : "") +
                      " rows are labelled correctly" + overall + ".");
    }
    if (const json* w = worst(member(s, "perturbations"), "accuracy_delta")) {
        const double delta = *number(*w, "accuracy_delta");
        const auto changed = number(*w, "changed_predictions");
        if (delta < 0) {
            out.push_back("It is most sensitive to " + nameOf(*w) + " text: accuracy falls by " +
                          fixed(-100.0 * delta, 1) + " points" +
                          (changed ? " and " + thousands(static_cast<int64_t>(*changed)) +
                                         " predictions change"
                                   : std::string()) +
                          ".");
        } else {
            out.push_back("None of the perturbations tried (" + nameOf(*w) +
                          " text being the hardest) lowers its accuracy.");
        }
    }
    return out;
}

json headlineMetrics(const std::optional<store::EvaluationInfo>& evaluation) {
    json out = json::object();
    if (!evaluation) return out;
    out["evaluation"] = evaluation->id;
    out["part"] = store::toString(evaluation->part);
    out["checkpoint"] = evaluation->checkpoint;
    const json r = parseOrNull(evaluation->reportJson);
    if (!r.is_object()) return out;
    if (const auto v = number(r, "rows")) out["rows"] = static_cast<int64_t>(*v);
    for (const char* key : {"accuracy", "f1_macro", "balanced_accuracy", "mcc", "log_loss",
                            "roc_auc", "roc_auc_ovr_macro"})
        if (const auto v = number(r, key)) out[key] = *v;
    for (const auto& [key, name] :
         {std::pair<const char*, const char*>{"accuracy_interval", "accuracy"},
          {"f1_macro_interval", "f1_macro"}}) {
        const auto it = r.find(key);
        if (it == r.end() || !it->is_object()) continue;
        if (const auto lo = number(*it, "lower")) out[std::string(name) + "_lower"] = *lo;
        if (const auto hi = number(*it, "upper")) out[std::string(name) + "_upper"] = *hi;
    }
    return out;
}

std::string renderModelCard(const ModelCardInput& in) {
    std::ostringstream md;
    const std::string labelList = joinLabels(in.labels);
    md << "---\nlibrary_name: transformers\npipeline_tag: text-classification\ntags:\n"
          "- finetune-studio\n---\n\n";
    md << "# " << in.name << " (version " << in.version << ")\n\n";
    md << "A text classifier (" << in.architecture << ", " << thousands(in.parameters)
       << " parameters, weights in " << in.dtype << ") fine-tuned with Finetune Studio "
       << in.softwareVersion << " on the dataset \"" << in.datasetName
       << "\". It sorts a text into one of " << in.labels.size() << " labels: " << labelList
       << ". Exported " << in.createdAt << ".\n\n";

    md << "## Intended use\n\n";
    md << "Classifying texts like those it was trained on (same language, domain, style and "
          "length) into "
       << labelList << ". Texts are cut after " << in.maxLength
       << " tokens, as in training. Each prediction comes with a probability per label; "
          "read low-confidence answers with care. It is not meant for texts from another "
          "domain without a new evaluation, nor for decisions about people without a human "
          "review.\n\n";
    md << "```sh\nfinetune predict --model . --input texts.csv --output predictions.csv\n"
          "finetune serve --model . --port 8080        # or: docker build -t "
       << in.name << ":v" << in.version
       << " .\n```\n\n"
          "```python\nfrom transformers import AutoModelForSequenceClassification, "
          "AutoTokenizer\ntokenizer = AutoTokenizer.from_pretrained(\"path/to/this/folder\")\n"
          "model = AutoModelForSequenceClassification.from_pretrained(\"path/to/this/folder\")\n"
          "```\n\n";

    dataSection(md, in);
    trainingSection(md, in);

    std::optional<double> overall;
    if (in.evaluation) {
        const json report = parseOrNull(in.evaluation->reportJson);
        if (report.is_object()) {
            overall = number(report, "accuracy");
            metricsSection(md, in, report);
        } else {
            md << "## Evaluation\n\nThe stored evaluation " << in.evaluation->id
               << " has no readable metrics report.\n\n";
        }
        baselinesSection(md, in.evaluation->baselinesJson);
        md << "## Known weaknesses\n\n";
        const auto weak = knownWeaknesses(in.evaluation->sensitivityJson, overall);
        if (weak.empty())
            md << "The evaluation holds no sensitivity analysis, so its weak spots are "
                  "unknown.\n\n";
        for (const auto& w : weak) md << "- " << w << "\n";
        if (!weak.empty()) md << "\n";
    } else {
        md << "## Evaluation\n\n**This model was not evaluated.** "
           << (in.notEvaluatedReason.empty() ? std::string() : in.notEvaluatedReason + " ")
           << "Its quality on unseen data is unknown: run `finetune eval --project <project> "
              "--run "
           << in.run.id
           << "` (or the Evaluate page) and export again for metrics, baselines "
              "and known weaknesses.\n\n";
    }

    md << "## Verification\n\n";
    const json& v = in.verification;
    if (v.is_object() && v.value("performed", false)) {
        md << "Before this folder was published it was loaded back the way `finetune predict` "
              "loads it (weights, tokenizer and preprocessing.json) and run on "
           << thousands(v.value("rows", int64_t{0})) << " rows of the " << v.value("part", "")
           << " part: " << v.value("message", "") << "\n\n";
    } else {
        md << "The folder was not verified by re-prediction"
           << (v.is_object() && v.contains("message") ? ": " + v.value("message", "") : ".")
           << "\n\n";
    }
    md << "## Provenance\n\nFinetune Studio " << in.softwareVersion << ", LibTorch "
       << in.torchVersion
       << ". `manifest.json` lists every file of this folder with its size and SHA-256.\n";
    return md.str();
}

}  // namespace ft::deploy
