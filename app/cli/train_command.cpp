// finetune train / runs: fine-tunes a classifier on a project's split and lists the runs.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "error.h"
#include "store/project.h"
#include "train/runconfig.h"
#include "train/trainer.h"

namespace ft::cli {

namespace {

struct TrainOptions {
    std::string project, config;
    int64_t resume = 0;
    bool json = false;
    int64_t every = 0;
};

struct RunsOptions {
    std::string project;
    bool json = false;
};

// Set by SIGINT; polled by the trainer before every step. A second Ctrl-C kills as usual.
std::atomic<bool> g_interrupted{false};

void onSigint(int) {
    g_interrupted.store(true);
    std::signal(SIGINT, SIG_DFL);
}

std::string clock(double seconds) {
    if (!(seconds >= 0) || seconds > 1e7) return "--:--";
    const auto s = static_cast<int64_t>(seconds + 0.5);
    std::ostringstream out;
    if (s >= 3600)
        out << s / 3600 << ":" << std::setw(2) << std::setfill('0') << (s / 60) % 60;
    else
        out << s / 60;
    out << ":" << std::setw(2) << std::setfill('0') << s % 60;
    return out.str();
}

nlohmann::json evalJson(const train::EvalEvent& e) {
    return {{"step", e.step},
            {"epoch", e.epoch},
            {"val_loss", e.valLoss},
            {"val_accuracy", e.accuracy},
            {"val_macro_f1", e.macroF1},
            {"best", e.best}};
}

void emit(const nlohmann::json& j) {
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n"
              << std::flush;
}

void runTrain(const TrainOptions& o) {
    if (o.config.empty() == (o.resume == 0))
        throw Error(ErrorCode::InvalidArgument, "train: give either --config FILE or --resume RUN");
    int64_t runId = o.resume;
    {
        auto project = store::Project::open(o.project);
        if (!o.config.empty()) {
            runId = train::Trainer::createRun(project, train::loadRunConfig(o.config));
        } else if (!project.run(runId)) {
            throw Error(ErrorCode::NotFound,
                        "run " + std::to_string(runId) + " does not exist in " + o.project);
        }
    }
    if (o.json)
        emit({{"event", "run"}, {"run_id", runId}, {"resume", o.resume != 0}});
    else
        std::cerr << "run " << runId << (o.resume ? " (resuming)" : "") << "\n";

    const bool tty = !o.json && isatty(fileno(stderr)) != 0;
    g_interrupted.store(false);
    std::signal(SIGINT, onSigint);
    bool lineOpen = false;
    auto endLine = [&] {
        if (lineOpen) std::cerr << "\n";
        lineOpen = false;
    };

    train::TrainCallbacks cb;
    cb.shouldStop = [] { return g_interrupted.load(); };
    cb.onEvent = [&](LogLevel level, const std::string& message) {
        if (o.json) {
            emit({{"event", "log"},
                  {"level", level == LogLevel::Info      ? "info"
                            : level == LogLevel::Warning ? "warning"
                                                         : "error"},
                  {"message", message}});
            return;
        }
        endLine();
        std::cerr << (level == LogLevel::Info      ? ""
                      : level == LogLevel::Warning ? "warning: "
                                                   : "error: ")
                  << message << "\n";
    };
    cb.onStep = [&](const train::StepEvent& e) {
        if (o.json) {
            emit({{"event", "step"},
                  {"step", e.step},
                  {"total_steps", e.totalSteps},
                  {"epoch", e.epochProgress},
                  {"loss", e.loss},
                  {"lr", e.lr},
                  {"grad_norm", e.gradNorm},
                  {"samples_per_second", e.samplesPerSecond},
                  {"elapsed", e.elapsed},
                  {"eta", e.eta}});
            return;
        }
        const int64_t every = o.every > 0 ? o.every : std::max<int64_t>(1, e.totalSteps / 20);
        if (!tty && e.step % every != 0 && e.step != e.totalSteps) return;
        std::ostringstream line;
        line << "epoch " << std::fixed << std::setprecision(2) << e.epochProgress << "  step "
             << e.step << "/" << e.totalSteps << "  loss " << std::setprecision(4) << e.loss << "  "
             << std::setprecision(1) << e.samplesPerSecond << " samples/s  ETA " << clock(e.eta);
        if (tty) {
            std::cerr << "\r" << line.str() << "\033[K" << std::flush;
            lineOpen = true;
        } else {
            std::cerr << line.str() << "\n";
        }
    };
    cb.onEvaluation = [&](const train::EvalEvent& e) {
        if (o.json) {
            auto j = evalJson(e);
            j["event"] = "evaluation";
            emit(j);
            return;
        }
        endLine();
        std::cerr << std::fixed << std::setprecision(4) << "validation at step " << e.step
                  << ": loss " << e.valLoss << ", accuracy " << e.accuracy << ", macro-F1 "
                  << e.macroF1 << (e.best ? " (best so far)" : "") << "\n";
    };
    cb.onCheckpoint = [&](const train::CheckpointEvent& e) {
        if (o.json)
            emit({{"event", "checkpoint"}, {"step", e.step}, {"kind", e.kind}, {"path", e.path}});
    };

    train::TrainResult r;
    try {
        r = train::Trainer::run(o.project, runId, cb);
    } catch (...) {
        std::signal(SIGINT, SIG_DFL);
        endLine();
        throw;
    }
    std::signal(SIGINT, SIG_DFL);
    endLine();
    const char* status = store::toString(r.status);
    if (o.json) {
        nlohmann::json j = {{"event", "finished"},
                            {"run_id", r.runId},
                            {"status", status},
                            {"steps", r.steps},
                            {"total_steps", r.totalSteps},
                            {"early_stopped", r.earlyStopped},
                            {"wall_seconds", r.wallSeconds},
                            {"best_step", r.bestStep},
                            {"last_checkpoint", r.lastCheckpoint},
                            {"best_checkpoint", r.bestCheckpoint}};
        if (r.lastEvaluation) j["validation"] = evalJson(*r.lastEvaluation);
        if (r.bestMetric) j["best_metric"] = *r.bestMetric;
        if (!r.error.empty()) j["error"] = r.error;
        emit(j);
    } else {
        std::cout << "run " << r.runId << ": " << status << " after " << r.steps << " of "
                  << r.totalSteps << " steps in " << std::fixed << std::setprecision(1)
                  << r.wallSeconds << " s" << (r.earlyStopped ? " (early stopping)" : "") << "\n";
        if (r.lastEvaluation)
            std::cout << std::setprecision(4) << "validation: loss " << r.lastEvaluation->valLoss
                      << ", accuracy " << r.lastEvaluation->accuracy << ", macro-F1 "
                      << r.lastEvaluation->macroF1 << " (step " << r.lastEvaluation->step << ")\n";
        if (!r.bestCheckpoint.empty())
            std::cout << "best checkpoint: " << r.bestCheckpoint << " (step " << r.bestStep
                      << ")\n";
        std::cout << "run id: " << r.runId << "\n";
    }
    if (r.status == store::RunStatus::Failed) throw Error(ErrorCode::Internal, r.error);
    if (r.status == store::RunStatus::Stopped)
        throw Error(ErrorCode::Cancelled, "interrupted: run " + std::to_string(r.runId) +
                                              " stopped at step " + std::to_string(r.steps) +
                                              "; continue with --resume " +
                                              std::to_string(r.runId));
}

void runList(const RunsOptions& o) {
    const auto project = store::Project::open(o.project);
    const auto runs = project.runs();
    if (o.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : runs) {
            nlohmann::json j = {{"id", r.id},
                                {"name", r.name},
                                {"status", store::toString(r.status)},
                                {"dataset_id", r.datasetId},
                                {"split_id", r.splitId},
                                {"model", r.modelDir},
                                {"created_at", r.createdAt},
                                {"started_at", r.startedAt},
                                {"finished_at", r.finishedAt},
                                {"checkpoint_dir", r.checkpointDir},
                                {"resumable", r.status == store::RunStatus::Paused ||
                                                  r.status == store::RunStatus::Stopped ||
                                                  r.status == store::RunStatus::Crashed}};
            j["best_metric"] =
                r.bestMetric ? nlohmann::json(*r.bestMetric) : nlohmann::json(nullptr);
            j["best_step"] = r.bestStep ? nlohmann::json(*r.bestStep) : nlohmann::json(nullptr);
            j["error"] = r.error;
            const auto loss = project.runMetrics(r.id, "train_loss");
            j["steps"] = loss.empty() ? 0 : loss.back().step;
            out.push_back(j);
        }
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return;
    }
    if (runs.empty()) {
        std::cout << "no runs yet (start one with 'finetune train --project " << o.project
                  << " --config run.json')\n";
        return;
    }
    std::cout << std::left << std::setw(5) << "id" << std::setw(11) << "status" << std::setw(8)
              << "steps" << std::setw(12) << "best" << std::setw(22) << "started"
              << "name\n";
    for (const auto& r : runs) {
        const auto loss = project.runMetrics(r.id, "train_loss");
        std::ostringstream best;
        if (r.bestMetric) best << std::fixed << std::setprecision(4) << *r.bestMetric;
        std::cout << std::left << std::setw(5) << r.id << std::setw(11) << store::toString(r.status)
                  << std::setw(8) << (loss.empty() ? 0 : loss.back().step) << std::setw(12)
                  << (best.str().empty() ? "-" : best.str()) << std::setw(22)
                  << (r.startedAt.empty() ? "-" : r.startedAt) << r.name << "\n";
        if (r.status == store::RunStatus::Crashed)
            std::cout << "     crashed: resume with 'finetune train --project " << o.project
                      << " --resume " << r.id << "'\n";
        if (!r.error.empty()) std::cout << "     " << r.error << "\n";
    }
}

}  // namespace

void registerTrainCommands(CLI::App& app) {
    static TrainOptions tr;
    auto* train = app.add_subcommand("train", "Fine-tune a classifier on the project's split");
    train->add_option("--project", tr.project, "Project folder")->required();
    train->add_option("--config", tr.config, "Run config (JSON, see docs/run-config.md)");
    train->add_option("--resume", tr.resume, "Continue a paused, stopped or crashed run")
        ->check(CLI::PositiveNumber);
    train->add_flag("--json", tr.json, "One JSON event per line on stdout");
    train->add_option("--every", tr.every, "Without a terminal: a progress line every N steps");
    train->callback([] { runTrain(tr); });

    static RunsOptions rs;
    auto* runs = app.add_subcommand("runs", "Fine-tuning runs of a project");
    runs->require_subcommand(1);
    auto* list = runs->add_subcommand("list", "List the runs, their status and best metric");
    list->add_option("--project", rs.project, "Project folder")->required();
    list->add_flag("--json", rs.json, "JSON output");
    list->callback([] { runList(rs); });
    registerRunsCompareCommand(*runs);
}

}  // namespace ft::cli
