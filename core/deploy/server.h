#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

// The inference server behind `finetune serve`: a classifier folder (a Hugging Face
// folder, or an export with preprocessing.json and manifest.json) behind a small REST API.
// Torch-free and httplib-free header; the work happens in server.cpp.
//
//   POST /v1/predict  {"texts": [...]} or {"pairs": [[a, b], ...]}
//                     -> {"predictions": [{"label", "confidence", "probabilities"}...],
//                         "model", "took_ms"}
//   GET  /v1/model    name, architecture, labels, max length, parameters, manifest
//   GET  /healthz     {"status": "ok"} (never behind the token, for probes)
//   GET  /metrics     Prometheus text exposition format
//
// Micro-batching: request threads clean (preprocessing.json) and tokenize their own texts,
// then queue them; one inference thread runs up to maxBatch queued texts in one forward
// pass, starting as soon as maxBatch texts wait, maxWaitMs after the oldest one arrived, or
// at once when no other predict request is being received (waiting could bring nothing).
// Texts of very different lengths are split into passes of similar lengths (maxPadding).
// A text's answer is bit-identical to models::Model::predict({text}) when it runs alone;
// in a pass with others it differs by float rounding only (padding is masked out, but
// batched matrix products round differently, as in predict itself).
//
// Errors are JSON {"error": message[, "field": name]}: 400 malformed or invalid body
// (naming the field), 401 missing or wrong bearer token, 404 / 405, 413 body over
// maxBodyBytes (also after gzip / deflate / br decoding), 415 another Content-Encoding,
// 503 with Retry-After when the queue is full, 500 when the model fails.
namespace ft::deploy {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8080;       // 0: the system picks a free port (Server::port() tells which)
    std::string token;     // not empty: "Authorization: Bearer <token>" on all but /healthz
    size_t maxBatch = 32;  // texts per forward pass
    int maxWaitMs = 5;     // how long the oldest queued text waits for company
    size_t queue = 256;    // texts waiting for the model; a request over it gets 503
    size_t maxBodyBytes = 1 << 20;
    size_t maxTexts = 256;    // texts (or pairs) in one request
    size_t httpThreads = 64;  // connections served at once (one thread each)
    // Padded tokens over real tokens that one forward pass may carry. A batch whose texts
    // differ more in length is split, shortest first, into passes within this bound (the
    // attention and matrix work of padding is wasted; CPU inference slows down by it).
    // Infinity: one pass per batch, texts in arrival order.
    double maxPadding = 1.25;
    // Server-side failures (500s), one line each; called from any thread. May be empty.
    std::function<void(const std::string&)> log;
};

class Server {
public:
    // Loads the classifier in modelFolder (its tokenizer, preprocessing.json and
    // manifest.json) and checks the options. Throws ft::Error: InvalidArgument for an
    // option out of range or a model that cannot serve (no tokenizer, no trained
    // classification head), NotFound / Parse / Io naming the file. Nothing is bound yet.
    Server(const std::string& modelFolder, const ServerOptions& options);
    // Stops (as stop()) and waits for run() to return.
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds host:port and returns the port (the one chosen for port 0). Throws ft::Error
    // (Io) naming host:port when it cannot (in use, no such address, no permission).
    int bind();
    // Serves on the calling thread until stop(); requests already being answered are
    // finished first. bind() must have succeeded. Once per Server.
    void run();
    // Any thread, any time (also before run()); returns at once. Not async-signal-safe:
    // a signal handler should wake a thread that calls it.
    void stop();

    int port() const;
    // "http://host:port".
    std::string url() const;
    // The folder's name (an export folder is named <name>-v<N>).
    const std::string& modelName() const;
    // Human-readable warnings found while loading (e.g. an unused checkpoint key).
    const std::string& warnings() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// How a batch of tokenized texts (their lengths) is split into forward passes: all in one
// pass, in order, when padding to the longest stays within maxPadding x the real tokens;
// otherwise sorted by length and cut where the next text would break the bound. Returns
// index groups, each in ascending (arrival) order.
std::vector<std::vector<size_t>> groupByLength(const std::vector<size_t>& lengths,
                                               double maxPadding);

// True for a host that only this machine can reach: "127.0.0.1" (any 127/8), "::1",
// "localhost".
bool isLoopback(const std::string& host);

}  // namespace ft::deploy
