// finetune tokenize: shows how a checkpoint folder's tokenizer encodes a text.
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "text/tokenizer.h"

namespace ft::cli {

namespace {

// Option values live as long as the app: CLI11 binds to their addresses.
struct TokenizeOptions {
    std::string model, text, pair;
    size_t maxLength = 0;
    bool noSpecial = false;
    bool json = false;
};

void runTokenize(const TokenizeOptions& o, bool hasPair) {
    const auto tokenizer = text::loadTokenizer(o.model);
    text::EncodeOptions eo;
    eo.addSpecialTokens = !o.noSpecial;
    eo.maxLength = o.maxLength;
    const text::Encoding e =
        hasPair ? tokenizer->encode(o.text, o.pair, eo) : tokenizer->encode(o.text, eo);
    if (o.json) {
        nlohmann::json offsets = nlohmann::json::array();
        for (const text::Span& s : e.offsets) offsets.push_back({s.begin, s.end});
        const nlohmann::json out = {
            {"ids", e.ids}, {"tokens", e.tokens}, {"type_ids", e.typeIds}, {"offsets", offsets}};
        // Invalid UTF-8 cannot occur in tokens of valid input; replace rather than throw.
        std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return;
    }
    for (size_t i = 0; i < e.size(); ++i)
        std::cout << e.ids[i] << "\t" << e.tokens[i] << "\t" << e.typeIds[i] << "\t"
                  << e.offsets[i].begin << "-" << e.offsets[i].end << "\n";
    std::cout << e.size() << " tokens\n";
}

}  // namespace

void registerTokenizeCommand(CLI::App& app) {
    static TokenizeOptions o;
    auto* cmd =
        app.add_subcommand("tokenize", "Encode a text with a checkpoint folder's tokenizer");
    cmd->add_option("--model", o.model,
                    "Checkpoint folder (tokenizer.json, vocab files or spiece.model)")
        ->required()
        ->check(CLI::ExistingDirectory);
    auto* pair = cmd->add_option("--pair", o.pair, "Second text of a pair");
    cmd->add_option("--max-length", o.maxLength, "Truncate to this many tokens (longest first)");
    cmd->add_flag("--no-special", o.noSpecial, "Do not add special tokens");
    cmd->add_flag("--json", o.json,
                  "Print {\"ids\", \"tokens\", \"type_ids\", \"offsets\"} as JSON");
    cmd->add_option("text", o.text, "The text to encode")->required();
    cmd->callback([pair] { runTokenize(o, pair->count() > 0); });
}

}  // namespace ft::cli
