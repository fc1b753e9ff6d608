// finetune: the headless command-line tool on the same core as the GUI.
#include <csignal>
#include <iostream>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "error.h"
#include "runtime.h"

int main(int argc, char** argv) {
    CLI::App app{"Finetune Studio command-line tool: prepare data, fine-tune, evaluate, serve.",
                 "finetune"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("finetune ") + FT_VERSION);
    ft::initRuntime();
    app.add_option_function<int>(
           "--threads", [](const int& n) { ft::initRuntime(n); },
           "Compute threads (default: all cores)")
        ->check(CLI::PositiveNumber);

    auto* info = app.add_subcommand("info", "Show the compute runtime: LibTorch, threads, CUDA");
    info->callback([] { std::cout << ft::runtimeInfo(); });

    ft::cli::registerProjectCommands(app);
    ft::cli::registerDataCommands(app);
    ft::cli::registerTokenizeCommand(app);
    ft::cli::registerModelCommands(app);
    ft::cli::registerTrainCommands(app);
    ft::cli::registerEvalCommand(app);
    ft::cli::registerDeployCommands(app);
    ft::cli::registerServeCommand(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const ft::Error& e) {
        std::cerr << "finetune: " << e.what() << "\n";
        return e.code() == ft::ErrorCode::Cancelled ? 130 : 1;
    } catch (const std::exception& e) {
        std::cerr << "finetune: unexpected error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
