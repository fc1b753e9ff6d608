// finetune serve: the inference server (deploy::Server) in the foreground until SIGINT or
// SIGTERM, which stop it after the requests in flight are answered.
#include <atomic>
#include <cerrno>
#include <csignal>
#include <iostream>
#include <string>
#include <thread>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "deploy/server.h"
#include "error.h"
#include "runtime.h"

namespace ft::cli {

namespace {

struct ServeOptions {
    std::string model;
    deploy::ServerOptions server;
    int threads = 0;
};

// The signal handler only writes a byte to a pipe (async-signal-safe); a thread reads it
// and asks the server to stop. A second signal while draining quits at once.
int g_signalPipe[2] = {-1, -1};
std::atomic<int> g_signals{0};
volatile std::sig_atomic_t g_lastSignal = 0;

extern "C" void onStopSignal(int sig) {
    g_lastSignal = sig;
    if (g_signals.fetch_add(1) > 0) _exit(128 + sig);
    const char byte = 1;
    const ssize_t written = write(g_signalPipe[1], &byte, 1);
    (void)written;
}

void runServe(const ServeOptions& o) {
    if (o.threads > 0) initRuntime(o.threads);
    deploy::ServerOptions so = o.server;
    so.log = [](const std::string& line) { std::cerr << "finetune: serve: " + line + "\n"; };
    deploy::Server server(o.model, so);
    if (!server.warnings().empty()) std::cerr << "finetune: warning: " << server.warnings() << "\n";
    server.bind();
    if (!deploy::isLoopback(so.host)) {
        std::cerr << "finetune: warning: listening on " << so.host
                  << ", not loopback: other machines can reach this server"
                  << (so.token.empty() ? " and, without --token, use it freely" : "") << "\n";
    }

    if (pipe(g_signalPipe) != 0) throw Error(ErrorCode::Io, "serve: cannot create a pipe");
    struct sigaction sa = {};
    sa.sa_handler = onStopSignal;
    sigemptyset(&sa.sa_mask);
    struct sigaction oldInt = {}, oldTerm = {};
    sigaction(SIGINT, &sa, &oldInt);
    sigaction(SIGTERM, &sa, &oldTerm);
    std::thread watcher([&server] {
        char byte = 0;
        ssize_t n;
        do {
            n = read(g_signalPipe[0], &byte, 1);
        } while (n < 0 && errno == EINTR);
        if (g_signals.load() > 0)
            std::cerr << "finetune: serve: " << (g_lastSignal == SIGTERM ? "SIGTERM" : "SIGINT")
                      << ": stopping after the requests in flight\n";
        server.stop();
    });

    std::cout << "serving " << server.modelName() << " on " << server.url() << std::endl;
    server.run();

    // Wake the watcher if no signal came (run() ended on its own).
    const char byte = 0;
    const ssize_t written = write(g_signalPipe[1], &byte, 1);
    (void)written;
    watcher.join();
    sigaction(SIGINT, &oldInt, nullptr);
    sigaction(SIGTERM, &oldTerm, nullptr);
    close(g_signalPipe[0]);
    close(g_signalPipe[1]);
    std::cerr << "finetune: serve: stopped\n";
}

}  // namespace

void registerServeCommand(CLI::App& app) {
    static ServeOptions o;
    auto* serve =
        app.add_subcommand("serve",
                           "Serve a classifier folder over HTTP (POST /v1/predict, GET /v1/model, "
                           "/healthz, /metrics) until Ctrl-C");
    serve
        ->add_option("--model", o.model,
                     "Classifier folder: an export, or a Hugging Face folder with a tokenizer")
        ->required()
        ->check(CLI::ExistingDirectory);
    serve
        ->add_option("--host", o.server.host,
                     "Address to listen on; anything but loopback is reachable from other "
                     "machines")
        ->capture_default_str();
    serve->add_option("--port", o.server.port, "TCP port; 0 picks a free one (printed)")
        ->capture_default_str()
        ->check(CLI::Range(0, 65535));
    serve
        ->add_option("--token", o.server.token,
                     "Require \"Authorization: Bearer TOKEN\" on every endpoint but /healthz")
        ->envname("FINETUNE_SERVE_TOKEN");
    serve->add_option("--max-batch", o.server.maxBatch, "Texts per forward pass at most")
        ->capture_default_str()
        ->check(CLI::Range(1, 4096));
    serve
        ->add_option("--max-wait-ms", o.server.maxWaitMs,
                     "How long the first queued text waits for others to share its batch")
        ->capture_default_str()
        ->check(CLI::Range(0, 10000));
    serve
        ->add_option("--queue", o.server.queue,
                     "Texts waiting for the model at most; a request over it gets 503")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    serve
        ->add_option("--max-body-bytes", o.server.maxBodyBytes,
                     "Largest request body; a larger one gets 413")
        ->capture_default_str()
        ->check(CLI::Range(64, 1 << 30));
    serve->add_option("--max-texts", o.server.maxTexts, "Texts (or pairs) per request at most")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    serve->add_option("--threads", o.threads, "Compute threads (default: all cores)")
        ->check(CLI::PositiveNumber);
    serve
        ->add_option("--http-threads", o.server.httpThreads,
                     "Connections served at once (one thread each)")
        ->capture_default_str()
        ->check(CLI::Range(1, 1024));
    serve->callback([] { runServe(o); });
}

}  // namespace ft::cli
