// finetune model info / predict: shows a checkpoint folder and runs its classifier.
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "models/model.h"

namespace ft::cli {

namespace {

struct ModelOptions {
    std::string folder;
    bool json = false;
    std::vector<std::string> texts;
    size_t batch = 32;
};

void printWarnings(const models::LoadReport& r) {
    if (!r.unexpectedKeys.empty()) {
        std::cerr << "finetune: warning: " << r.unexpectedKeys.size()
                  << " checkpoint keys not used by the model:";
        for (const auto& k : r.unexpectedKeys) std::cerr << " " << k;
        std::cerr << "\n";
    }
    if (!r.newWeights.empty() && !r.randomlyInitialised) {
        std::cerr << "finetune: warning: newly initialised (train before use):";
        for (const auto& k : r.newWeights) std::cerr << " " << k;
        std::cerr << "\n";
    }
}

void runInfo(const ModelOptions& o) {
    const auto model = models::Model::open(o.folder);
    const auto i = model.info();
    const auto& r = model.report();
    if (o.json) {
        const nlohmann::json out = {{"architecture", i.architecture},
                                    {"model_type", i.modelType},
                                    {"task", models::toString(i.task)},
                                    {"parameters", i.parameters},
                                    {"layers", i.layers},
                                    {"hidden_size", i.hidden},
                                    {"heads", i.heads},
                                    {"vocab_size", i.vocab},
                                    {"max_positions", i.maxPositions},
                                    {"tokenizer", i.tokenizerKind},
                                    {"file_bytes", i.fileBytes},
                                    {"dtype", i.dtype},
                                    {"stored_dtype", r.storedDtype},
                                    {"format", r.format},
                                    {"labels", i.labels},
                                    {"new_weights", r.newWeights},
                                    {"unexpected_keys", r.unexpectedKeys}};
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return;
    }
    printWarnings(r);
    std::cout << "architecture   " << i.architecture << " (" << i.modelType << ", "
              << models::toString(i.task) << ")\n"
              << "parameters     " << i.parameters << "\n"
              << "layers         " << i.layers << "\n"
              << "hidden size    " << i.hidden << "\n"
              << "heads          " << i.heads << "\n"
              << "vocabulary     " << i.vocab << "\n"
              << "max positions  " << i.maxPositions << "\n"
              << "tokenizer      " << (i.tokenizerKind.empty() ? "none" : i.tokenizerKind) << "\n"
              << "weights        " << r.format << ", " << i.fileBytes << " bytes, " << r.storedDtype
              << "\n"
              << "dtype          " << i.dtype << "\n";
    if (!i.labels.empty()) {
        std::cout << "labels         ";
        for (size_t k = 0; k < i.labels.size(); ++k) std::cout << (k ? ", " : "") << i.labels[k];
        std::cout << "\n";
    }
}

void runPredict(const ModelOptions& o) {
    const auto model = models::Model::open(o.folder);
    if (!o.json) printWarnings(model.report());
    const auto& labels = model.config().common.labels;
    const auto predictions = model.predict(o.texts, o.batch);
    if (o.json) {
        nlohmann::json out = nlohmann::json::array();
        for (size_t t = 0; t < predictions.size(); ++t) {
            nlohmann::json probs = nlohmann::json::object();
            for (size_t k = 0; k < labels.size(); ++k)
                probs[labels[k]] = predictions[t].probabilities[k];
            out.push_back({{"text", o.texts[t]},
                           {"label", labels[static_cast<size_t>(predictions[t].label)]},
                           {"label_id", predictions[t].label},
                           {"probabilities", probs}});
        }
        std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return;
    }
    std::cout << std::fixed << std::setprecision(4);
    for (size_t t = 0; t < predictions.size(); ++t) {
        std::cout << o.texts[t] << "\n";
        for (size_t k = 0; k < labels.size(); ++k)
            std::cout << "  " << (static_cast<int64_t>(k) == predictions[t].label ? "*" : " ")
                      << " " << labels[k] << "\t" << predictions[t].probabilities[k] << "\n";
    }
}

}  // namespace

void registerModelCommands(CLI::App& app) {
    static ModelOptions o;
    auto* model = app.add_subcommand("model", "Inspect and run Hugging Face checkpoint folders");
    model->require_subcommand(1);

    auto* info = model->add_subcommand(
        "info", "Architecture, size, shape, tokenizer, dtype and labels of a checkpoint folder");
    info->add_option("folder", o.folder, "Checkpoint folder (config.json + weights)")
        ->required()
        ->check(CLI::ExistingDirectory);
    info->add_flag("--json", o.json, "Print the facts as a JSON object");
    info->callback([] { runInfo(o); });

    auto* predict = model->add_subcommand(
        "predict", "Class probabilities of texts from a classifier checkpoint's own head");
    predict->add_option("folder", o.folder, "Checkpoint folder (config.json + weights + tokenizer)")
        ->required()
        ->check(CLI::ExistingDirectory);
    predict->add_flag("--json", o.json,
                      "Print [{\"text\", \"label\", \"label_id\", \"probabilities\"}] as JSON");
    predict->add_option("--batch", o.batch, "Texts per forward pass")->check(CLI::PositiveNumber);
    predict->add_option("texts", o.texts, "Texts to classify")->required();
    predict->callback([] { runPredict(o); });
}

}  // namespace ft::cli
