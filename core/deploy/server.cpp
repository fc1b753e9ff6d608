#include "deploy/server.h"

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <future>
#include <httplib.h>
#include <map>
#include <mutex>
#include <netinet/in.h>
#include <sstream>
#include <sys/socket.h>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "deploy/preprocessing.h"
#include "error.h"
#include "models/model.h"
#include "text/tokenizer.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using json = nlohmann::json;

namespace ft::deploy {
namespace {

constexpr const char* kPredict = "/v1/predict";
constexpr const char* kModel = "/v1/model";
constexpr const char* kHealth = "/healthz";
constexpr const char* kMetrics = "/metrics";
constexpr const char* kJson = "application/json";

// --- metrics ------------------------------------------------------------------------

struct Histogram {
    std::vector<double> bounds;    // upper bounds, ascending; +Inf is implicit
    std::vector<uint64_t> counts;  // per bucket (not cumulative), bounds.size() + 1
    double sum = 0;
    uint64_t count = 0;

    explicit Histogram(std::vector<double> b = {})
        : bounds(std::move(b)), counts(bounds.size() + 1, 0) {}
    void observe(double v) {
        const size_t i =
            static_cast<size_t>(std::lower_bound(bounds.begin(), bounds.end(), v) - bounds.begin());
        ++counts[i];
        sum += v;
        ++count;
    }
};

std::string number(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

std::string number(float v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

// Label values in the exposition format escape backslash, double quote and newline.
std::string labelValue(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

void writeHistogram(std::ostringstream& out, const std::string& name, const std::string& labels,
                    const Histogram& h) {
    const std::string sep = labels.empty() ? "" : ",";
    uint64_t cumulative = 0;
    for (size_t i = 0; i < h.bounds.size(); ++i) {
        cumulative += h.counts[i];
        out << name << "_bucket{" << labels << sep << "le=\"" << number(h.bounds[i]) << "\"} "
            << cumulative << "\n";
    }
    cumulative += h.counts.back();
    out << name << "_bucket{" << labels << sep << "le=\"+Inf\"} " << cumulative << "\n";
    const std::string braces = labels.empty() ? "" : "{" + labels + "}";
    out << name << "_sum" << braces << " " << number(h.sum) << "\n";
    out << name << "_count" << braces << " " << h.count << "\n";
}

const std::vector<double>& latencyBounds() {
    static const std::vector<double> b = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                          0.25,  0.5,    1,     2.5,  5,     10};
    return b;
}

std::vector<double> batchBounds(size_t maxBatch) {
    std::vector<double> b;
    for (size_t n = 1; n < maxBatch; n *= 2) b.push_back(static_cast<double>(n));
    b.push_back(static_cast<double>(maxBatch));
    return b;
}

// A path label from a closed set, so a scanner probing random URLs cannot grow the metrics.
std::string pathLabel(const std::string& path) {
    for (const char* known : {kPredict, kModel, kHealth, kMetrics})
        if (path == known) return path;
    return "other";
}

// --- requests -----------------------------------------------------------------------

struct BadRequest {
    int status;
    std::string field;  // may be empty
    std::string message;
};

std::string errorBody(const std::string& message, const std::string& field = {}) {
    json j = {{"error", message}};
    if (!field.empty()) j["field"] = field;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

void sendError(httplib::Response& res, int status, const std::string& message,
               const std::string& field = {}) {
    res.status = status;
    res.set_content(errorBody(message, field), kJson);
}

std::string quoted(const std::string& field) { return "\"" + field + "\""; }

// One item to classify: a text or a pair, as tokens.
struct Item {
    text::Encoding encoding;
};

// A request's items as the inference thread sees them. The handler thread waits on
// `finished`; results are written by the inference thread before it is fulfilled.
struct Job {
    std::vector<text::Encoding> items;
    std::vector<models::Prediction> results;
    size_t next = 0;  // first item not yet taken into a batch (under the queue mutex)
    size_t done = 0;  // inference thread only
    bool failed = false;
    Clock::time_point enqueued;
    std::promise<void> finished;
};

}  // namespace

std::vector<std::vector<size_t>> groupByLength(const std::vector<size_t>& lengths,
                                               double maxPadding) {
    size_t total = 0, longest = 0;
    for (size_t l : lengths) {
        total += l;
        longest = std::max(longest, l);
    }
    std::vector<size_t> all(lengths.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    if (lengths.size() <= 1 ||
        static_cast<double>(longest * lengths.size()) <= maxPadding * static_cast<double>(total))
        return {all};
    // Shortest first; a group closes when its next (longest yet) member would pad it past
    // the bound.
    std::stable_sort(all.begin(), all.end(),
                     [&](size_t a, size_t b) { return lengths[a] < lengths[b]; });
    std::vector<std::vector<size_t>> groups;
    std::vector<size_t> group;
    size_t sum = 0;
    for (size_t i : all) {
        const size_t l = lengths[i];
        if (!group.empty() && static_cast<double>(l * (group.size() + 1)) >
                                  maxPadding * static_cast<double>(sum + l)) {
            groups.push_back(std::move(group));
            group.clear();
            sum = 0;
        }
        group.push_back(i);
        sum += l;
    }
    groups.push_back(std::move(group));
    for (auto& g : groups) std::sort(g.begin(), g.end());  // arrival order within a pass
    return groups;
}

namespace {

// Per-thread start of the request being handled (httplib answers a connection on one
// thread from the request line to the log call).
thread_local Clock::time_point t_requestStart;
thread_local bool t_requestStarted = false;

bool constantTimeEquals(const std::string& a, const std::string& b) {
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    const size_t n = std::max(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
        const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
        const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
        diff |= static_cast<unsigned char>(x ^ y);
    }
    return diff == 0;
}

json readManifest(const fs::path& folder) {
    const fs::path path = folder / "manifest.json";
    std::error_code ec;
    if (!fs::exists(path, ec)) return json();
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::Io, path.string() + ": cannot be opened");
    std::stringstream buffer;
    buffer << in.rdbuf();
    json j;
    try {
        j = json::parse(buffer.str());
    } catch (const json::exception& e) {
        throw Error(ErrorCode::Parse, path.string() + ": not valid JSON (" + e.what() + ")");
    }
    if (!j.is_object())
        throw Error(ErrorCode::Parse, path.string() + ": expected a JSON object, found " +
                                          std::string(j.type_name()));
    return j;
}

// Throws InvalidArgument naming the option; called before the model is loaded.
const ServerOptions& checked(const ServerOptions& o) {
    auto check = [](bool ok, const std::string& message) {
        if (!ok) throw Error(ErrorCode::InvalidArgument, message);
    };
    check(o.port >= 0 && o.port <= 65535,
          "--port " + std::to_string(o.port) + " is outside 0..65535");
    check(o.maxBatch >= 1 && o.maxBatch <= 4096,
          "--max-batch " + std::to_string(o.maxBatch) + " is outside 1..4096");
    check(o.maxWaitMs >= 0 && o.maxWaitMs <= 10000,
          "--max-wait-ms " + std::to_string(o.maxWaitMs) + " is outside 0..10000");
    check(o.maxTexts >= 1, "--max-texts must be at least 1");
    check(o.queue >= o.maxTexts, "--queue " + std::to_string(o.queue) +
                                     " is smaller than --max-texts " + std::to_string(o.maxTexts) +
                                     ": a request that large could never be queued");
    check(o.maxBodyBytes >= 64,
          "--max-body-bytes " + std::to_string(o.maxBodyBytes) + " is below 64");
    check(o.maxPadding >= 1, "max padding " + std::to_string(o.maxPadding) + " is below 1");
    check(o.httpThreads >= 1 && o.httpThreads <= 1024,
          "--http-threads " + std::to_string(o.httpThreads) + " is outside 1..1024");
    for (char c : o.token)
        check(c > ' ' && c < 127, "--token must be printable ASCII without spaces");
    return o;
}

}  // namespace

bool isLoopback(const std::string& host) {
    if (host == "localhost" || host == "::1" || host == "[::1]") return true;
    in_addr a{};
    if (inet_pton(AF_INET, host.c_str(), &a) == 1) return (ntohl(a.s_addr) >> 24) == 127;
    return false;
}

struct Server::Impl {
    ServerOptions options;
    models::Model model;
    Preprocessing preprocessing;
    json manifest;
    std::string name;
    std::string warnings;
    std::vector<std::string> labels;
    text::EncodeOptions encodeOptions;  // per item: truncation, no padding
    text::EncodeOptions padOptions;     // per batch: padding to the longest
    size_t maxLength = 0;

    httplib::Server http;
    int boundPort = -1;

    // The queue of jobs waiting for the inference thread.
    std::mutex queueMutex;
    std::condition_variable queueCv;
    std::deque<std::shared_ptr<Job>> queue;
    size_t queuedTexts = 0;
    // Predict requests being read or tokenized: texts that will join the queue soon.
    size_t preparing = 0;
    bool stopBatcher = false;
    std::thread batcher;

    // stop() may come before run() has started listening (httplib's stop() is a no-op
    // then), so a helper thread in run() waits for the request and retries.
    std::mutex stopMutex;
    std::condition_variable stopCv;
    bool stopRequested = false;
    bool listenReturned = false;
    std::mutex runMutex;

    // Metrics, under metricsMutex.
    std::mutex metricsMutex;
    std::map<std::pair<std::string, int>, uint64_t> requests;
    std::map<std::string, Histogram> latency;
    Histogram batchSizes;
    Histogram inferenceSeconds{
        {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}};
    std::vector<uint64_t> predicted;

    Impl(const std::string& folder, const ServerOptions& o);

    void installRoutes();
    std::string tooLargeMessage() const {
        return "request body over the limit of " + std::to_string(options.maxBodyBytes) +
               " bytes (--max-body-bytes)";
    }
    bool authorized(const httplib::Request& req, httplib::Response& res);
    void handlePredict(const httplib::Request& req, httplib::Response& res,
                       const httplib::ContentReader& reader);
    std::vector<text::Encoding> parseItems(const std::string& body) const;
    std::string modelJson() const;
    std::string metricsText();
    void record(const httplib::Request& req, const httplib::Response& res);

    void batchLoop();
    void runBatch(std::vector<std::pair<std::shared_ptr<Job>, std::pair<size_t, size_t>>>& parts);
    std::vector<models::Prediction> infer(std::vector<text::Encoding>& encodings) const;
};

Server::Impl::Impl(const std::string& folder, const ServerOptions& o)
    : options(checked(o)),
      model([&] {
          models::LoadOptions lo;
          lo.requireTokenizer = true;
          return models::Model::open(folder, lo);
      }()),
      batchSizes(batchBounds(std::max<size_t>(1, o.maxBatch))) {
    const auto info = model.info();
    if (info.task != models::Task::SequenceClassification)
        throw Error(ErrorCode::InvalidArgument,
                    folder + ": a " + models::toString(info.task) +
                        " has no classification head to serve; fine-tune a classifier first");
    const auto& report = model.report();
    if (!report.newWeights.empty()) {
        std::string keys;
        for (const auto& k : report.newWeights) keys += (keys.empty() ? "" : ", ") + k;
        throw Error(ErrorCode::InvalidArgument,
                    folder + ": the checkpoint lacks " + keys +
                        ", so its predictions would be random; serve a fine-tuned classifier");
    }
    if (!report.unexpectedKeys.empty()) {
        warnings = std::to_string(report.unexpectedKeys.size()) +
                   " checkpoint keys are not used by the model:";
        for (const auto& k : report.unexpectedKeys) warnings += " " + k;
    }
    labels = model.config().common.labels;
    if (labels.empty())
        throw Error(ErrorCode::InvalidArgument,
                    folder + "/config.json: the classifier has no labels");
    predicted.assign(labels.size(), 0);

    preprocessing = loadPreprocessing(folder);
    manifest = readManifest(folder);
    name = fs::path(folder).lexically_normal().filename().string();
    if (name.empty() || name == ".")
        name = fs::absolute(folder).lexically_normal().parent_path().filename().string();
    if (name.empty()) name = "model";

    // The same length and padding rules as models::Model::predict, so a text alone gets
    // bit-identical numbers.
    const auto* tokenizer = model.tokenizer();
    maxLength = static_cast<size_t>(model.config().summary().maxPositions);
    if (tokenizer->modelMaxLength() > 0 && tokenizer->modelMaxLength() < maxLength)
        maxLength = tokenizer->modelMaxLength();
    encodeOptions.maxLength = maxLength;
    encodeOptions.padding = text::PaddingStrategy::None;
    padOptions = encodeOptions;
    padOptions.padding =
        tokenizer->padId() >= 0 ? text::PaddingStrategy::Longest : text::PaddingStrategy::None;

    for (const char* path : {kPredict, kModel, kHealth, kMetrics, "other"})
        latency.emplace(path, Histogram(latencyBounds()));

    // Only SO_REUSEADDR (a restart may bind while old connections linger): httplib's
    // default adds SO_REUSEPORT, which would let a second server share a port in use.
    http.set_socket_options([](int sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    const size_t threads = options.httpThreads;
    http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    http.set_payload_max_length(options.maxBodyBytes);
    http.set_keep_alive_max_count(1000);
    http.set_tcp_nodelay(true);
    // A client that announces a body over the limit (curl does for large ones) is told
    // before it sends it.
    http.set_expect_100_continue_handler(
        [this](const httplib::Request& req, httplib::Response& res) {
            if (req.get_header_value<uint64_t>("Content-Length") <= options.maxBodyBytes)
                return 100;
            res.status = 413;  // httplib answers with res as it is
            return 413;
        });
    installRoutes();
}

bool Server::Impl::authorized(const httplib::Request& req, httplib::Response& res) {
    if (options.token.empty()) return true;
    const std::string header = req.get_header_value("Authorization");
    static const std::string scheme = "bearer ";
    std::string given;
    bool hasScheme = header.size() >= scheme.size();
    for (size_t i = 0; hasScheme && i < scheme.size(); ++i)
        hasScheme = std::tolower(static_cast<unsigned char>(header[i])) == scheme[i];
    if (hasScheme) given = header.substr(scheme.size());
    if (hasScheme && constantTimeEquals(given, options.token)) return true;
    res.set_header("WWW-Authenticate", "Bearer realm=\"finetune\"");
    sendError(res, 401,
              header.empty() ? "missing header \"Authorization: Bearer <token>\" (the server "
                               "was started with --token)"
                             : "header \"Authorization\": not the server's bearer token");
    return false;
}

void Server::Impl::installRoutes() {
    http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
        t_requestStart = Clock::now();
        t_requestStarted = true;
        return httplib::Server::HandlerResponse::Unhandled;
    });
    http.set_logger(
        [this](const httplib::Request& req, const httplib::Response& res) { record(req, res); });
    // Errors httplib answers by itself (404, 413, 415, 400 for a broken request line) get
    // a JSON body like ours.
    http.set_error_handler(httplib::Server::HandlerWithResponse(
        [this](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
            std::string message;
            switch (res.status) {
                case 404:
                    message = "no such endpoint: " + req.method + " " + req.path +
                              " (POST /v1/predict, GET /v1/model, GET /healthz, GET /metrics)";
                    break;
                case 413:
                    res.set_content(errorBody(tooLargeMessage(), "body"), kJson);
                    return httplib::Server::HandlerResponse::Handled;
                case 415:
                    message = "unsupported Content-Encoding \"" +
                              req.get_header_value("Content-Encoding") + "\"";
                    break;
                default:
                    message = "HTTP status " + std::to_string(res.status);
            }
            res.set_content(errorBody(message), kJson);
            return httplib::Server::HandlerResponse::Handled;
        }));
    http.set_exception_handler(
        [this](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
            std::string what = "unknown exception";
            try {
                std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            if (options.log) options.log("error: " + what);
            sendError(res, 500, "internal error: " + what);
        });

    http.Post(kPredict,
              [this](const httplib::Request& req, httplib::Response& res,
                     const httplib::ContentReader& reader) { handlePredict(req, res, reader); });
    http.Get(kModel, [this](const httplib::Request& req, httplib::Response& res) {
        if (authorized(req, res)) res.set_content(modelJson(), kJson);
    });
    http.Get(kHealth, [this](const httplib::Request&, httplib::Response& res) {
        res.set_content(json({{"status", "ok"}, {"model", name}}).dump(), kJson);
    });
    http.Get(kMetrics, [this](const httplib::Request& req, httplib::Response& res) {
        if (authorized(req, res))
            res.set_content(metricsText(), "text/plain; version=0.0.4; charset=utf-8");
    });
    // The other method on a known path is 405 (with Allow), not a misleading 404.
    auto notAllowed = [](const char* allow) {
        return [allow](const httplib::Request& req, httplib::Response& res) {
            res.set_header("Allow", allow);
            sendError(res, 405,
                      req.method + " " + req.path + " is not allowed (use " + allow + ")");
        };
    };
    http.Get(kPredict, notAllowed("POST"));
    for (const char* path : {kModel, kHealth, kMetrics}) {
        http.Post(path, notAllowed("GET"));
        http.Put(path, notAllowed("GET"));
        http.Delete(path, notAllowed("GET"));
    }
    http.Put(kPredict, notAllowed("POST"));
    http.Delete(kPredict, notAllowed("POST"));
}

void Server::Impl::handlePredict(const httplib::Request& req, httplib::Response& res,
                                 const httplib::ContentReader& reader) {
    const Clock::time_point start = t_requestStarted ? t_requestStart : Clock::now();
    // Counted as preparing until its texts are queued or it is answered otherwise, so the
    // batcher knows whether waiting can bring company.
    struct Preparing {
        Impl& d;
        bool counted = true;
        explicit Preparing(Impl& impl) : d(impl) {
            std::lock_guard<std::mutex> lock(d.queueMutex);
            ++d.preparing;
        }
        ~Preparing() {
            if (!counted) return;
            {
                std::lock_guard<std::mutex> lock(d.queueMutex);
                --d.preparing;
            }
            d.queueCv.notify_all();
        }
    } preparingGuard(*this);
    // The body is read (up to the limit) even when the token is wrong, so the connection
    // stays in step for the client's next request.
    std::string body;
    bool tooLarge = false;
    size_t dropped = 0;
    const size_t dropLimit = std::max<size_t>(size_t(64) << 20, 16 * options.maxBodyBytes);
    const bool read = reader([&](const char* data, size_t length) {
        if (!tooLarge && body.size() + length <= options.maxBodyBytes) {
            body.append(data, length);
            return true;
        }
        // A chunked or compressed body over the limit (an announced length over it never
        // gets here): read on and drop it, so the connection stays in step for the next
        // request, but not forever.
        tooLarge = true;
        std::string().swap(body);
        dropped += length;
        return dropped <= dropLimit;
    });
    if (tooLarge || res.status == 413) {
        if (!read) res.set_header("Connection", "close");
        sendError(res, 413, tooLargeMessage(), "body");
        return;
    }
    // httplib decodes these and hands any other encoding on as it came.
    const std::string encoding = req.get_header_value("Content-Encoding");
    const bool knownEncoding = encoding.empty() || encoding == "identity" || encoding == "gzip" ||
                               encoding == "deflate" || encoding == "br";
    if (!read || !knownEncoding || res.status == 415) {
        if (!read) res.set_header("Connection", "close");
        if (!knownEncoding || res.status == 415)
            sendError(res, 415,
                      "unsupported Content-Encoding \"" + encoding +
                          "\" (send the body as it is, or gzip, deflate or br)");
        else
            sendError(res, 400,
                      "the request body could not be read" +
                          (encoding.empty() ? std::string() : " (as " + encoding + ")"),
                      "body");
        return;
    }
    if (!authorized(req, res)) return;

    auto job = std::make_shared<Job>();
    try {
        job->items = parseItems(body);
    } catch (const BadRequest& e) {
        sendError(res, e.status, e.message, e.field);
        return;
    }
    const size_t n = job->items.size();
    job->results.resize(n);
    std::future<void> finished = job->finished.get_future();
    {
        std::lock_guard<std::mutex> lock(queueMutex);
        if (queuedTexts + n > options.queue) {
            res.set_header("Retry-After", "1");
            sendError(res, 503,
                      "the queue is full (" + std::to_string(queuedTexts) + " of " +
                          std::to_string(options.queue) + " texts waiting); retry later");
            return;
        }
        job->enqueued = Clock::now();
        queue.push_back(job);
        queuedTexts += n;
        --preparing;
        preparingGuard.counted = false;
    }
    queueCv.notify_all();
    try {
        finished.get();
    } catch (const std::exception& e) {
        if (options.log) options.log(std::string("error: predict: ") + e.what());
        sendError(res, 500, std::string("the model failed: ") + e.what());
        return;
    }

    // Floats are written in their shortest round-trip form: parsed back as float32 they
    // are the model's numbers exactly.
    std::string out;
    out.reserve(64 + n * (48 + 24 * labels.size()));
    out += "{\"predictions\":[";
    std::vector<std::string> quotedLabels;
    for (const auto& l : labels)
        quotedLabels.push_back(json(l).dump(-1, ' ', false, json::error_handler_t::replace));
    for (size_t i = 0; i < n; ++i) {
        const auto& p = job->results[i];
        const size_t best = static_cast<size_t>(p.label);
        if (i) out += ",";
        out += "{\"label\":" + quotedLabels[best] +
               ",\"confidence\":" + number(p.probabilities[best]) + ",\"probabilities\":{";
        for (size_t k = 0; k < labels.size(); ++k) {
            if (k) out += ",";
            out += quotedLabels[k] + ":" + number(p.probabilities[k]);
        }
        out += "}}";
    }
    const double tookMs = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    out += "],\"model\":" + json(name).dump(-1, ' ', false, json::error_handler_t::replace) +
           ",\"took_ms\":" + number(std::round(tookMs * 1000) / 1000) + "}";
    res.set_content(out, kJson);
}

std::vector<text::Encoding> Server::Impl::parseItems(const std::string& body) const {
    json j;
    try {
        j = json::parse(body);
    } catch (const json::parse_error& e) {
        std::string what = e.what();
        const auto pos = what.find("] ");
        if (pos != std::string::npos) what = what.substr(pos + 2);
        throw BadRequest{400, "body", "body: not valid JSON: " + what};
    }
    if (!j.is_object())
        throw BadRequest{400, "body",
                         std::string("body: expected a JSON object with \"texts\" or \"pairs\", "
                                     "found ") +
                             j.type_name()};
    for (const auto& [key, value] : j.items())
        if (key != "texts" && key != "pairs")
            throw BadRequest{400, key,
                             "unknown field " + quoted(key) + " (expected \"texts\" or \"pairs\")"};
    const bool hasTexts = j.contains("texts"), hasPairs = j.contains("pairs");
    if (hasTexts == hasPairs)
        throw BadRequest{400, "texts",
                         hasTexts ? "give either \"texts\" or \"pairs\", not both"
                                  : "missing field \"texts\" (or \"pairs\")"};
    const std::string field = hasTexts ? "texts" : "pairs";
    const json& list = j[field];
    if (!list.is_array())
        throw BadRequest{
            400, field,
            "field " + quoted(field) + ": expected an array, found " + list.type_name()};
    if (list.empty())
        throw BadRequest{400, field, "field " + quoted(field) + ": the list is empty"};
    if (list.size() > options.maxTexts)
        throw BadRequest{400, field,
                         "field " + quoted(field) + ": " + std::to_string(list.size()) +
                             " items, more than the limit of " + std::to_string(options.maxTexts) +
                             " (--max-texts)"};

    const auto* tokenizer = model.tokenizer();
    std::vector<text::Encoding> items;
    items.reserve(list.size());
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string at = field + "[" + std::to_string(i) + "]";
        const json& v = list[i];
        text::Encoding e;
        try {
            if (hasTexts) {
                if (!v.is_string())
                    throw BadRequest{
                        400, at,
                        "field " + quoted(at) + ": expected a string, found " + v.type_name()};
                e = tokenizer->encode(preprocessing.apply(v.get_ref<const std::string&>()),
                                      encodeOptions);
            } else {
                if (!v.is_array() || v.size() != 2)
                    throw BadRequest{400, at,
                                     "field " + quoted(at) +
                                         ": expected a pair [text, text], found " +
                                         (v.is_array() ? "an array of " + std::to_string(v.size())
                                                       : std::string(v.type_name()))};
                for (size_t k = 0; k < 2; ++k)
                    if (!v[k].is_string())
                        throw BadRequest{400, at + "[" + std::to_string(k) + "]",
                                         "field " + quoted(at + "[" + std::to_string(k) + "]") +
                                             ": expected a string, found " + v[k].type_name()};
                e = tokenizer->encode(preprocessing.apply(v[0].get_ref<const std::string&>()),
                                      preprocessing.apply(v[1].get_ref<const std::string&>()),
                                      encodeOptions);
            }
        } catch (const Error& err) {
            throw BadRequest{400, at, "field " + quoted(at) + ": " + err.what()};
        }
        if (e.size() == 0)
            throw BadRequest{400, at, "field " + quoted(at) + ": the text encodes to no tokens"};
        items.push_back(std::move(e));
    }
    return items;
}

// --- the inference thread -----------------------------------------------------------

void Server::Impl::batchLoop() {
    const auto maxWait = std::chrono::milliseconds(options.maxWaitMs);
    for (;;) {
        std::vector<std::pair<std::shared_ptr<Job>, std::pair<size_t, size_t>>> parts;
        {
            std::unique_lock<std::mutex> lock(queueMutex);
            queueCv.wait(lock, [&] { return stopBatcher || !queue.empty(); });
            if (queue.empty()) return;  // stopping, and nothing left to answer
            // Wait for a full batch, but never longer than maxWait after the oldest text
            // arrived (it may have waited while the previous batch ran), and only while
            // other requests are on their way in: with none, waiting only adds latency.
            const auto deadline = queue.front()->enqueued + maxWait;
            queueCv.wait_until(lock, deadline, [&] {
                return stopBatcher || queuedTexts >= options.maxBatch || preparing == 0;
            });
            size_t taken = 0;
            while (taken < options.maxBatch && !queue.empty()) {
                auto& job = queue.front();
                const size_t n = std::min(options.maxBatch - taken, job->items.size() - job->next);
                parts.push_back({job, {job->next, n}});
                job->next += n;
                taken += n;
                queuedTexts -= n;
                if (job->next == job->items.size()) queue.pop_front();
            }
        }
        runBatch(parts);
    }
}

void Server::Impl::runBatch(
    std::vector<std::pair<std::shared_ptr<Job>, std::pair<size_t, size_t>>>& parts) {
    std::vector<text::Encoding> encodings;
    for (auto& [job, range] : parts)
        for (size_t i = range.first; i < range.first + range.second; ++i)
            encodings.push_back(std::move(job->items[i]));
    std::vector<size_t> lengths;
    for (const auto& e : encodings) lengths.push_back(e.size());
    std::vector<models::Prediction> predictions(encodings.size());
    std::vector<std::pair<size_t, double>> passes;  // texts and seconds of each forward pass
    std::exception_ptr failure;
    try {
        for (const auto& group : groupByLength(lengths, options.maxPadding)) {
            std::vector<text::Encoding> g;
            for (size_t i : group) g.push_back(std::move(encodings[i]));
            const auto start = Clock::now();
            auto p = infer(g);
            passes.push_back(
                {group.size(), std::chrono::duration<double>(Clock::now() - start).count()});
            for (size_t k = 0; k < group.size(); ++k) predictions[group[k]] = std::move(p[k]);
        }
    } catch (...) {
        failure = std::current_exception();
    }
    if (!failure) {
        std::lock_guard<std::mutex> lock(metricsMutex);
        for (const auto& [texts, seconds] : passes) {
            batchSizes.observe(static_cast<double>(texts));
            inferenceSeconds.observe(seconds);
        }
        for (const auto& p : predictions) ++predicted[static_cast<size_t>(p.label)];
    }
    size_t k = 0;
    for (auto& [job, range] : parts) {
        if (job->failed) continue;
        if (failure) {
            job->failed = true;
            job->finished.set_exception(failure);
            continue;
        }
        for (size_t i = range.first; i < range.first + range.second; ++i)
            job->results[i] = std::move(predictions[k++]);
        job->done += range.second;
        if (job->done == job->items.size()) job->finished.set_value();
    }
}

// models::Model::predict's arithmetic on already tokenized items: pad to the longest
// (with the attention mask), one forward pass, softmax per row in float32.
std::vector<models::Prediction> Server::Impl::infer(std::vector<text::Encoding>& encodings) const {
    if (padOptions.padding == text::PaddingStrategy::None && encodings.size() > 1) {
        // A tokenizer without a padding token: one item per pass, as predict does.
        std::vector<models::Prediction> out;
        for (auto& e : encodings) {
            std::vector<text::Encoding> one{std::move(e)};
            out.push_back(infer(one).front());
        }
        return out;
    }
    model.tokenizer()->pad(encodings, padOptions);
    models::Batch batch;
    batch.batch = static_cast<int64_t>(encodings.size());
    batch.length = static_cast<int64_t>(encodings.front().size());
    const size_t cells = encodings.size() * encodings.front().size();
    batch.inputIds.reserve(cells);
    batch.attentionMask.reserve(cells);
    batch.tokenTypeIds.reserve(cells);
    for (const auto& e : encodings)
        for (size_t i = 0; i < e.size(); ++i) {
            batch.inputIds.push_back(e.ids[i]);
            batch.attentionMask.push_back(e.attentionMask[i]);
            batch.tokenTypeIds.push_back(e.typeIds[i]);
        }
    const auto r = model.forward(batch);
    const int64_t k = r.logitsShape.at(1);
    std::vector<models::Prediction> out;
    out.reserve(encodings.size());
    for (int64_t row = 0; row < batch.batch; ++row)
        out.push_back(models::predictionFromLogits(r.logits.data() + row * k, k));
    return out;
}

// --- read-only endpoints ------------------------------------------------------------

std::string Server::Impl::modelJson() const {
    const auto i = model.info();
    json j = {{"name", name},
              {"architecture", i.architecture},
              {"model_type", i.modelType},
              {"labels", labels},
              {"max_length", maxLength},
              {"parameters", i.parameters},
              {"layers", i.layers},
              {"hidden_size", i.hidden},
              {"heads", i.heads},
              {"vocab_size", i.vocab},
              {"tokenizer", i.tokenizerKind},
              {"dtype", i.dtype},
              {"max_batch", options.maxBatch},
              {"max_texts", options.maxTexts}};
    j["preprocessing"] =
        preprocessing.cleaning ? json::parse(preprocessing.cleaning->toJson()) : json();
    if (!manifest.is_null()) j["manifest"] = manifest;
    return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

void Server::Impl::record(const httplib::Request& req, const httplib::Response& res) {
    const std::string path = pathLabel(req.path);
    const bool timed = t_requestStarted;
    const double seconds =
        timed ? std::chrono::duration<double>(Clock::now() - t_requestStart).count() : 0;
    t_requestStarted = false;
    std::lock_guard<std::mutex> lock(metricsMutex);
    ++requests[{path, res.status}];
    if (timed) latency.at(path).observe(seconds);
}

std::string Server::Impl::metricsText() {
    size_t texts = 0, jobs = 0, receiving = 0;
    {
        std::lock_guard<std::mutex> lock(queueMutex);
        texts = queuedTexts;
        jobs = queue.size();
        receiving = preparing;
    }
    std::ostringstream out;
    std::lock_guard<std::mutex> lock(metricsMutex);
    out << "# HELP finetune_http_requests_total HTTP requests answered, by path and status.\n"
        << "# TYPE finetune_http_requests_total counter\n";
    for (const auto& [key, count] : requests)
        out << "finetune_http_requests_total{path=\"" << labelValue(key.first) << "\",status=\""
            << key.second << "\"} " << count << "\n";
    out << "# HELP finetune_http_request_duration_seconds Time from the request's arrival to "
           "its answer.\n"
        << "# TYPE finetune_http_request_duration_seconds histogram\n";
    for (const auto& [path, h] : latency)
        writeHistogram(out, "finetune_http_request_duration_seconds",
                       "path=\"" + labelValue(path) + "\"", h);
    out << "# HELP finetune_batch_size Texts per forward pass.\n"
        << "# TYPE finetune_batch_size histogram\n";
    writeHistogram(out, "finetune_batch_size", "", batchSizes);
    out << "# HELP finetune_inference_duration_seconds Time of one forward pass.\n"
        << "# TYPE finetune_inference_duration_seconds histogram\n";
    writeHistogram(out, "finetune_inference_duration_seconds", "", inferenceSeconds);
    out << "# HELP finetune_predictions_total Texts answered, by predicted label.\n"
        << "# TYPE finetune_predictions_total counter\n";
    for (size_t k = 0; k < labels.size(); ++k)
        out << "finetune_predictions_total{label=\"" << labelValue(labels[k]) << "\"} "
            << predicted[k] << "\n";
    out << "# HELP finetune_queue_texts Texts waiting for the model.\n"
        << "# TYPE finetune_queue_texts gauge\n"
        << "finetune_queue_texts " << texts << "\n"
        << "# HELP finetune_queue_requests Requests with texts waiting for the model.\n"
        << "# TYPE finetune_queue_requests gauge\n"
        << "finetune_queue_requests " << jobs << "\n"
        << "# HELP finetune_predict_receiving Predict requests being read or tokenized.\n"
        << "# TYPE finetune_predict_receiving gauge\n"
        << "finetune_predict_receiving " << receiving << "\n"
        << "# HELP finetune_queue_capacity_texts The queue's limit (--queue).\n"
        << "# TYPE finetune_queue_capacity_texts gauge\n"
        << "finetune_queue_capacity_texts " << options.queue << "\n";
    return out.str();
}

// --- Server -------------------------------------------------------------------------

Server::Server(const std::string& modelFolder, const ServerOptions& options)
    : m_impl(std::make_unique<Impl>(modelFolder, options)) {}

Server::~Server() {
    stop();
    std::lock_guard<std::mutex> wait(m_impl->runMutex);
}

int Server::bind() {
    auto& d = *m_impl;
    const std::string where = d.options.host + ":" + std::to_string(d.options.port);
    errno = 0;
    int port = -1;
    if (d.options.port == 0) {
        port = d.http.bind_to_any_port(d.options.host);
    } else if (d.http.bind_to_port(d.options.host, d.options.port)) {
        port = d.options.port;
    }
    if (port < 0) {
        const int e = errno;
        throw Error(ErrorCode::Io, "cannot listen on " + where + ": " +
                                       (e ? std::string(std::strerror(e))
                                          : std::string("the address is not this machine's")));
    }
    d.boundPort = port;
    return port;
}

void Server::run() {
    auto& d = *m_impl;
    std::lock_guard<std::mutex> running(d.runMutex);
    if (d.boundPort < 0) throw Error(ErrorCode::InvalidArgument, "run: bind() first");
    {
        std::lock_guard<std::mutex> lock(d.queueMutex);
        d.stopBatcher = false;
    }
    d.batcher = std::thread([&d] { d.batchLoop(); });
    std::thread stopper([&d] {
        std::unique_lock<std::mutex> lock(d.stopMutex);
        d.stopCv.wait(lock, [&] { return d.stopRequested || d.listenReturned; });
        // httplib ignores stop() until listen has begun: retry until it has, or returned.
        while (!d.listenReturned) {
            lock.unlock();
            if (d.http.is_running()) d.http.stop();
            lock.lock();
            d.stopCv.wait_for(lock, std::chrono::milliseconds(5), [&] { return d.listenReturned; });
        }
    });
    bool stopNow;
    {
        std::lock_guard<std::mutex> lock(d.stopMutex);
        stopNow = d.stopRequested;
    }
    // listen_after_bind returns once stopped and every connection thread has finished
    // its request; the inference thread keeps answering until then.
    if (!stopNow) d.http.listen_after_bind();
    {
        std::lock_guard<std::mutex> lock(d.stopMutex);
        d.listenReturned = true;
    }
    d.stopCv.notify_all();
    stopper.join();
    {
        std::lock_guard<std::mutex> lock(d.queueMutex);
        d.stopBatcher = true;
    }
    d.queueCv.notify_all();
    d.batcher.join();
}

void Server::stop() {
    auto& d = *m_impl;
    {
        std::lock_guard<std::mutex> lock(d.stopMutex);
        d.stopRequested = true;
    }
    d.stopCv.notify_all();
}

int Server::port() const { return m_impl->boundPort; }

std::string Server::url() const {
    const std::string& host = m_impl->options.host;
    const bool v6 = host.find(':') != std::string::npos && host.front() != '[';
    return "http://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(m_impl->boundPort);
}

const std::string& Server::modelName() const { return m_impl->name; }
const std::string& Server::warnings() const { return m_impl->warnings; }

}  // namespace ft::deploy
