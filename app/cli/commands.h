#pragma once

#include <string>

namespace CLI {
class App;
}

namespace ft::cli {

// Each register function adds one command group to the app. The callbacks throw
// ft::Error; main() turns it into one line on stderr and a non-zero exit code.
void registerProjectCommands(CLI::App& app);
void registerDataCommands(CLI::App& app);
void registerTokenizeCommand(CLI::App& app);
void registerModelCommands(CLI::App& app);
void registerTrainCommands(CLI::App& app);
// export (+ list / delete / compare), predict, and data export-jsonl (needs the data
// command registered first).
void registerDeployCommands(CLI::App& app);
void registerServeCommand(CLI::App& app);
// eval; runs compare is added to the runs group by registerTrainCommands.
void registerEvalCommand(CLI::App& app);
void registerRunsCompareCommand(CLI::App& runs);

// Progress on stderr: a refreshed line on a terminal, a line per 10 % otherwise.
class ProgressPrinter {
public:
    explicit ProgressPrinter(std::string what);
    ~ProgressPrinter();
    void update(double fraction);

private:
    std::string m_what;
    bool m_tty;
    int m_lastPercent = -1;
};

}  // namespace ft::cli
