// Runs deploy::Server in this process on a free loopback port and talks HTTP/1.1 to it over
// real sockets: every status code, exact answers against models::Model::predict, the
// Prometheus text, the token, the queue limit, concurrency and draining on stop.
#include <arpa/inet.h>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <netinet/in.h>
#include <regex>
#include <set>
#include <string>
#include <sys/socket.h>
#include <sys/time.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include "deploy/preprocessing.h"
#include "deploy/server.h"
#include "error.h"
#include "models/model.h"
#include "text/tokenizer.h"

using json = nlohmann::json;
using ft::deploy::ServerOptions;

Q_DECLARE_METATYPE(std::vector<size_t>)
Q_DECLARE_METATYPE(std::vector<std::vector<size_t>>)

namespace {

// --- a small HTTP/1.1 client on plain sockets (each request on its own connection) -----

struct Http {
    int status = 0;  // 0: no response (connection failed or closed early)
    std::map<std::string, std::string> headers;  // names lowercased
    std::string body;

    json parsed() const { return json::parse(body); }
    std::string header(const std::string& name) const {
        const auto it = headers.find(name);
        return it == headers.end() ? std::string() : it->second;
    }
};

struct RequestOptions {
    std::vector<std::string> headers;  // "Name: value"
    bool chunked = false;              // Transfer-Encoding: chunked instead of Content-Length
};

int connectTo(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    timeval tv{60, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

void sendAll(int fd, const std::string& data) {
    size_t sent = 0;
    while (sent < data.size()) {
        const ssize_t n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return;  // the server answered early and closed: read what it said
        sent += static_cast<size_t>(n);
    }
}

Http parseResponse(const std::string& raw) {
    Http r;
    const size_t end = raw.find("\r\n\r\n");
    if (end == std::string::npos || raw.compare(0, 9, "HTTP/1.1 ") != 0) return r;
    r.status = std::stoi(raw.substr(9, 3));
    size_t pos = raw.find("\r\n") + 2;
    while (pos < end) {
        const size_t eol = raw.find("\r\n", pos);
        const std::string line = raw.substr(pos, eol - pos);
        const size_t colon = line.find(':');
        std::string name = line.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        r.headers[name] = value;
        pos = eol + 2;
    }
    r.body = raw.substr(end + 4);
    const auto length = r.headers.find("content-length");
    if (length != r.headers.end())
        r.body.resize(std::min<size_t>(r.body.size(), std::stoul(length->second)));
    return r;
}

Http request(int port, const std::string& method, const std::string& path,
             const std::string& body = {}, const RequestOptions& o = {}) {
    const int fd = connectTo(port);
    if (fd < 0) return {};
    std::string head =
        method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    for (const auto& h : o.headers) head += h + "\r\n";
    if (method == "POST" || !body.empty()) {
        head += "Content-Type: application/json\r\n";
        head += o.chunked ? "Transfer-Encoding: chunked\r\n"
                          : "Content-Length: " + std::to_string(body.size()) + "\r\n";
    }
    head += "\r\n";
    if (o.chunked) {
        std::string data;
        for (size_t at = 0; at < body.size(); at += 65536) {
            const std::string part = body.substr(at, 65536);
            char size[32];
            std::snprintf(size, sizeof size, "%zx\r\n", part.size());
            data += size + part + "\r\n";
        }
        sendAll(fd, head + data + "0\r\n\r\n");
    } else {
        sendAll(fd, head + body);
    }
    std::string raw;
    char buf[65536];
    for (;;) {
        const ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        raw.append(buf, static_cast<size_t>(n));
    }
    close(fd);
    return parseResponse(raw);
}

Http post(int port, const json& body, const RequestOptions& o = {}) {
    return request(port, "POST", "/v1/predict", body.dump(), o);
}

// A predict request whose body arrives in two parts. Until finish() the server is receiving
// it, so the batcher holds queued texts for it (up to max-wait).
class Partial {
public:
    Partial(int port, const json& body) : m_body(body.dump()), m_fd(connectTo(port)) {
        sendAll(m_fd,
                "POST /v1/predict HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                "Content-Length: " +
                    std::to_string(m_body.size()) + "\r\n\r\n" + m_body.substr(0, 5));
    }
    ~Partial() {
        if (m_fd >= 0) close(m_fd);
    }
    Http finish() {
        sendAll(m_fd, m_body.substr(5));
        std::string raw;
        char buf[4096];
        for (ssize_t n; (n = recv(m_fd, buf, sizeof buf, 0)) > 0;) raw.append(buf, size_t(n));
        close(m_fd);
        m_fd = -1;
        return parseResponse(raw);
    }

private:
    std::string m_body;
    int m_fd;
};

// --- a Prometheus text exposition parser (format 0.0.4), strict enough to fail -----------

struct Sample {
    std::string name;
    std::map<std::string, std::string> labels;
    double value = 0;
};

struct Metrics {
    std::vector<Sample> samples;
    std::map<std::string, std::string> types;  // family -> counter / gauge / histogram

    // The sum over samples called name whose labels include `match`.
    double value(const std::string& name,
                 const std::map<std::string, std::string>& match = {}) const {
        double sum = 0;
        for (const auto& s : samples) {
            if (s.name != name) continue;
            bool ok = true;
            for (const auto& [k, v] : match) {
                const auto it = s.labels.find(k);
                ok = ok && it != s.labels.end() && it->second == v;
            }
            if (ok) sum += s.value;
        }
        return sum;
    }
};

// Throws std::runtime_error naming the line that is not in the format.
Metrics parseMetrics(const std::string& text) {
    static const std::regex sampleRe(R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$)");
    static const std::regex labelRe(R"re(([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$))re");
    static const std::regex typeRe(
        R"(^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$)");
    Metrics m;
    std::istringstream in(text);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        auto fail = [&](const std::string& why) {
            throw std::runtime_error("metrics line " + std::to_string(number) + ": " + why + ": " +
                                     line);
        };
        if (line.empty()) continue;
        std::smatch sm;
        if (line.rfind("# TYPE ", 0) == 0) {
            if (!std::regex_match(line, sm, typeRe)) fail("bad TYPE line");
            if (m.types.count(sm[1])) fail("family typed twice");
            m.types[sm[1]] = sm[2];
            continue;
        }
        if (line.rfind("# HELP ", 0) == 0) continue;
        if (line[0] == '#') fail("unknown comment");
        if (!std::regex_match(line, sm, sampleRe)) fail("not a sample");
        Sample s;
        s.name = sm[1];
        std::string labels = sm[3];
        while (!labels.empty()) {
            std::smatch lm;
            if (!std::regex_search(labels, lm, labelRe) || lm.position(0) != 0) fail("bad labels");
            s.labels[lm[1]] = lm[2];
            labels = lm.suffix();
        }
        const std::string v = sm[4];
        if (v == "+Inf")
            s.value = INFINITY;
        else {
            size_t used = 0;
            s.value = std::stod(v, &used);
            if (used != v.size()) fail("bad value");
        }
        std::string family = s.name;
        for (const char* suffix : {"_bucket", "_sum", "_count"}) {
            const std::string suf = suffix;
            if (family.size() > suf.size() &&
                family.compare(family.size() - suf.size(), suf.size(), suf) == 0 &&
                m.types.count(family.substr(0, family.size() - suf.size())) &&
                m.types[family.substr(0, family.size() - suf.size())] == "histogram")
                family = family.substr(0, family.size() - suf.size());
        }
        if (!m.types.count(family)) fail("sample before its TYPE line");
        m.samples.push_back(std::move(s));
    }
    // Histograms: buckets cumulative in ascending le, +Inf equal to _count.
    for (const auto& [family, type] : m.types) {
        if (type != "histogram") continue;
        std::map<std::string, std::vector<std::pair<double, double>>>
            series;  // other labels -> (le, n)
        for (const auto& s : m.samples) {
            if (s.name != family + "_bucket") continue;
            auto rest = s.labels;
            if (!rest.count("le")) throw std::runtime_error(family + ": bucket without le");
            const std::string le = rest["le"];
            rest.erase("le");
            std::string key;
            for (const auto& [k, v] : rest) key += k + "=" + v + ",";
            series[key].push_back({le == "+Inf" ? INFINITY : std::stod(le), s.value});
        }
        if (series.empty()) throw std::runtime_error(family + ": a histogram without buckets");
        for (const auto& [key, buckets] : series) {
            for (size_t i = 1; i < buckets.size(); ++i)
                if (!(buckets[i].first > buckets[i - 1].first) ||
                    buckets[i].second < buckets[i - 1].second)
                    throw std::runtime_error(family + "{" + key + "}: buckets not cumulative");
            if (!std::isinf(buckets.back().first))
                throw std::runtime_error(family + ": no +Inf bucket");
        }
    }
    return m;
}

// --- fixtures ------------------------------------------------------------------------

const std::vector<std::string> kLabels = {"ham", "spam"};

// A server on its own thread, stopped (and drained) when this goes out of scope.
class Running {
public:
    Running(const std::string& folder, ServerOptions o) : m_server(folder, with0(o)) {
        m_port = m_server.bind();
        m_thread = std::thread([this] { m_server.run(); });
    }
    ~Running() { stop(); }
    void stop() {
        m_server.stop();
        if (m_thread.joinable()) m_thread.join();
    }
    int port() const { return m_port; }
    ft::deploy::Server& server() { return m_server; }

private:
    static ServerOptions with0(ServerOptions o) {
        o.host = "127.0.0.1";
        o.port = 0;
        return o;
    }
    ft::deploy::Server m_server;
    int m_port = -1;
    std::thread m_thread;
};

Metrics metricsOf(int port, const std::vector<std::string>& headers = {}) {
    RequestOptions o;
    o.headers = headers;
    const Http r = request(port, "GET", "/metrics", {}, o);
    if (r.status != 200) throw std::runtime_error("/metrics answered " + std::to_string(r.status));
    return parseMetrics(r.body);
}

// Waits until the gauge reads `value` (or fails after 20 s).
bool waitForGauge(int port, const char* gauge, double value) {
    for (int i = 0; i < 2000; ++i) {
        if (metricsOf(port).value(gauge) == value) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

bool waitForQueued(int port, double texts) {
    return waitForGauge(port, "finetune_queue_texts", texts);
}

// Texts of different lengths, some with what the preprocessing removes (URLs, stop words).
const std::vector<std::string> kTexts = {
    "WIN a FREE prize now at http://spam.example/claim",
    "are you coming to the meeting later",
    "ok",
    "Congratulations! You have been selected for a reward of $1000, call 0800 123 456 "
    "before it is too late and visit https://www.example.com/now to claim it",
    "the the the and of",
    "Ça va? Très bien, merci — à demain!",
};

}  // namespace

class TestServer : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::string m_folder;  // bert-tiny, ham/spam, preprocessing urls + stopwords, manifest
    std::optional<ft::models::Model> m_model;
    ft::deploy::Preprocessing m_pre;

    std::vector<std::string> preprocessed(const std::vector<std::string>& texts) const {
        std::vector<std::string> out;
        for (const auto& t : texts) out.push_back(m_pre.apply(t));
        return out;
    }

    // The probabilities of one answer, as float32 (how the server wrote them).
    static std::vector<float> probabilities(const json& prediction) {
        std::vector<float> p;
        for (const auto& l : kLabels)
            p.push_back(prediction.at("probabilities").at(l).get<float>());
        return p;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_folder = m_dir.filePath("spam-v1").toStdString();
        const auto model = ft::models::Model::createBuiltin(
            "bert-tiny", kLabels, FT_SHARED_DIR "/data/vocab/bert-base-uncased");
        model.save(m_folder);
        ft::deploy::Preprocessing pre;
        pre.cleaning = ft::data::Pipeline::fromStepList("urls,stopwords");
        ft::deploy::writePreprocessing(m_folder, pre);
        std::ofstream(m_folder + "/manifest.json")
            << R"({"name": "spam", "version": 1, "run": 7, "dtype": "f32"})";
        m_model = ft::models::Model::open(m_folder);
        m_pre = ft::deploy::loadPreprocessing(m_folder);
        QVERIFY(m_pre.cleaning.has_value());
    }

    void healthAndModel() {
        Running s(m_folder, {});
        QCOMPARE(s.server().modelName(), std::string("spam-v1"));
        const Http h = request(s.port(), "GET", "/healthz");
        QCOMPARE(h.status, 200);
        QCOMPARE(h.parsed().at("status").get<std::string>(), std::string("ok"));
        QVERIFY(h.header("content-type").find("application/json") == 0);

        const Http m = request(s.port(), "GET", "/v1/model");
        QCOMPARE(m.status, 200);
        const json j = m.parsed();
        QCOMPARE(j.at("name").get<std::string>(), std::string("spam-v1"));
        QCOMPARE(j.at("architecture").get<std::string>(),
                 std::string("BertForSequenceClassification"));
        QCOMPARE(j.at("labels").get<std::vector<std::string>>(), kLabels);
        QCOMPARE(j.at("max_length").get<int64_t>(), int64_t(512));
        QCOMPARE(j.at("parameters").get<int64_t>(), m_model->info().parameters);
        QCOMPARE(j.at("manifest").at("run").get<int>(), 7);
        QCOMPARE(j.at("preprocessing").at("steps").size(), size_t(2));
    }

    // One text alone in its batch: the numbers are Model::predict's on the cleaned text,
    // bit for bit.
    void singleTextsEqualPredict() {
        ServerOptions o;
        o.maxWaitMs = 0;
        Running s(m_folder, o);
        for (const auto& text : kTexts) {
            const Http r = post(s.port(), {{"texts", {text}}});
            QCOMPARE(r.status, 200);
            const json j = r.parsed();
            QCOMPARE(j.at("model").get<std::string>(), std::string("spam-v1"));
            QVERIFY(j.at("took_ms").get<double>() >= 0);
            const auto expected = m_model->predict({m_pre.apply(text)});
            const json& p = j.at("predictions").at(0);
            QCOMPARE(probabilities(p), expected[0].probabilities);
            QCOMPARE(p.at("label").get<std::string>(), kLabels[size_t(expected[0].label)]);
            // == on purpose: QCOMPARE on floats is a fuzzy comparison.
            QVERIFY(p.at("confidence").get<float>() ==
                    expected[0].probabilities[size_t(expected[0].label)]);
        }
        // The cleaning matters: the raw text of the first one gives other numbers.
        const auto raw = m_model->predict({kTexts[0]});
        const Http r = post(s.port(), {{"texts", {kTexts[0]}}});
        QVERIFY(probabilities(r.parsed().at("predictions").at(0)) != raw[0].probabilities);
    }

    // Texts of different lengths in one padded pass (no splitting by length): the answer
    // is bit-identical to predict over the same batch, and each text's numbers equal
    // predict of that text alone up to float rounding (padding and the attention mask
    // change nothing else; batched matrix products round differently even without padding).
    void paddedBatchEqualsPredict() {
        ServerOptions o;
        o.maxWaitMs = 0;
        o.maxPadding = INFINITY;
        Running s(m_folder, o);
        const Http r = post(s.port(), {{"texts", kTexts}});
        QCOMPARE(r.status, 200);
        const json preds = r.parsed().at("predictions");
        QCOMPARE(preds.size(), kTexts.size());
        const auto together = m_model->predict(preprocessed(kTexts), 32);
        for (size_t i = 0; i < kTexts.size(); ++i) {
            QCOMPARE(probabilities(preds[i]), together[i].probabilities);
            const auto alone = m_model->predict({m_pre.apply(kTexts[i])});
            QCOMPARE(preds[i].at("label").get<std::string>(), kLabels[size_t(alone[0].label)]);
            for (size_t k = 0; k < kLabels.size(); ++k)
                QVERIFY2(std::fabs(probabilities(preds[i])[k] - alone[0].probabilities[k]) <= 1e-6f,
                         qPrintable(QString("text %1 label %2: %3 vs %4")
                                        .arg(i)
                                        .arg(k)
                                        .arg(double(probabilities(preds[i])[k]), 0, 'g', 9)
                                        .arg(double(alone[0].probabilities[k]), 0, 'g', 9)));
        }
        const Metrics m = metricsOf(s.port());
        QCOMPARE(m.value("finetune_batch_size_count"), 1.0);
    }

    // With the default padding bound the same texts go in passes of similar lengths, with
    // the same numbers.
    void lengthGrouping() {
        ServerOptions o;
        o.maxWaitMs = 0;
        Running s(m_folder, o);
        const Http r = post(s.port(), {{"texts", kTexts}});
        QCOMPARE(r.status, 200);
        const json preds = r.parsed().at("predictions");
        QCOMPARE(preds.size(), kTexts.size());
        for (size_t i = 0; i < kTexts.size(); ++i) {
            const auto alone = m_model->predict({m_pre.apply(kTexts[i])});
            QCOMPARE(preds[i].at("label").get<std::string>(), kLabels[size_t(alone[0].label)]);
            for (size_t k = 0; k < kLabels.size(); ++k)
                QVERIFY(std::fabs(probabilities(preds[i])[k] - alone[0].probabilities[k]) <= 1e-6f);
        }
        const Metrics m = metricsOf(s.port());
        QVERIFY(m.value("finetune_batch_size_count") > 1.0);
        QCOMPARE(m.value("finetune_batch_size_sum"), double(kTexts.size()));
    }

    void groupByLength_data() {
        QTest::addColumn<std::vector<size_t>>("lengths");
        QTest::addColumn<double>("bound");
        QTest::addColumn<std::vector<std::vector<size_t>>>("groups");
        using G = std::vector<std::vector<size_t>>;
        QTest::newRow("one") << std::vector<size_t>{7} << 1.25 << G{{0}};
        QTest::newRow("close lengths, one pass")
            << std::vector<size_t>{12, 10, 11} << 1.25 << G{{0, 1, 2}};
        QTest::newRow("split") << std::vector<size_t>{3, 40, 3, 10, 38} << 1.25
                               << G{{0, 2}, {3}, {1, 4}};
        QTest::newRow("no bound") << std::vector<size_t>{3, 40, 3} << double(INFINITY)
                                  << G{{0, 1, 2}};
        QTest::newRow("no padding at all") << std::vector<size_t>{5, 6, 5} << 1.0 << G{{0, 2}, {1}};
    }
    void groupByLength() {
        QFETCH(std::vector<size_t>, lengths);
        QFETCH(double, bound);
        QFETCH(std::vector<std::vector<size_t>>, groups);
        QCOMPARE(ft::deploy::groupByLength(lengths, bound), groups);
    }

    // A request larger than max-batch is split over several forward passes, in order.
    void requestLargerThanBatch() {
        ServerOptions o;
        o.maxBatch = 4;
        o.maxWaitMs = 0;
        o.maxPadding = INFINITY;
        Running s(m_folder, o);
        std::vector<std::string> texts;
        for (int i = 0; i < 10; ++i)
            texts.push_back(kTexts[size_t(i) % kTexts.size()] + " " + std::to_string(i));
        const Http r = post(s.port(), {{"texts", texts}});
        QCOMPARE(r.status, 200);
        const auto expected = m_model->predict(preprocessed(texts), 4);
        const json preds = r.parsed().at("predictions");
        QCOMPARE(preds.size(), texts.size());
        for (size_t i = 0; i < texts.size(); ++i)
            QCOMPARE(probabilities(preds[i]), expected[i].probabilities);
        const Metrics m = metricsOf(s.port());
        QCOMPARE(m.value("finetune_batch_size_count"), 3.0);  // 4 + 4 + 2
        QCOMPARE(m.value("finetune_batch_size_sum"), 10.0);
    }

    // Pairs go through the tokenizer's pair encoding (segment ids 0 / 1).
    void pairs() {
        ServerOptions o;
        o.maxWaitMs = 0;
        Running s(m_folder, o);
        const json pairs =
            json::array({json::array({kTexts[0], kTexts[1]}), json::array({kTexts[2], kTexts[3]})});
        const Http r = post(s.port(), {{"pairs", pairs}});
        QCOMPARE(r.status, 200);
        const json preds = r.parsed().at("predictions");
        QCOMPARE(preds.size(), size_t(2));
        const auto* tok = m_model->tokenizer();
        ft::text::EncodeOptions eo;
        eo.maxLength = 512;
        const std::vector<std::pair<std::string, std::string>> in = {{kTexts[0], kTexts[1]},
                                                                     {kTexts[2], kTexts[3]}};
        for (size_t i = 0; i < in.size(); ++i) {
            const auto e = tok->encode(m_pre.apply(in[i].first), m_pre.apply(in[i].second), eo);
            QVERIFY(std::count(e.typeIds.begin(), e.typeIds.end(), 1) > 0);
            ft::models::Batch b;
            b.batch = 1;
            b.length = int64_t(e.size());
            b.inputIds.assign(e.ids.begin(), e.ids.end());
            b.attentionMask.assign(e.attentionMask.begin(), e.attentionMask.end());
            b.tokenTypeIds.assign(e.typeIds.begin(), e.typeIds.end());
            const auto f = m_model->forward(b);
            const double mx = std::max(f.logits[0], f.logits[1]);
            const double z = std::exp(f.logits[0] - mx) + std::exp(f.logits[1] - mx);
            for (size_t k = 0; k < 2; ++k)
                QVERIFY(std::fabs(probabilities(preds[i])[k] - std::exp(f.logits[k] - mx) / z) <=
                        1e-6);
        }
    }

    void badRequests_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("words");  // the message contains this
        QTest::newRow("not json") << QByteArray(R"({"texts": ["a",)") << "body"
                                  << "not valid JSON";
        QTest::newRow("not an object") << QByteArray(R"(["a"])") << "body"
                                       << "found array";
        QTest::newRow("empty body") << QByteArray("") << "body"
                                    << "not valid JSON";
        QTest::newRow("missing texts") << QByteArray(R"({"text": ["a"]})") << "text"
                                       << "unknown field";
        QTest::newRow("no field") << QByteArray(R"({})") << "texts"
                                  << "missing field";
        QTest::newRow("both") << QByteArray(R"({"texts": ["a"], "pairs": [["a","b"]]})") << "texts"
                              << "not both";
        QTest::newRow("texts a string") << QByteArray(R"({"texts": "a"})") << "texts"
                                        << "expected an array";
        QTest::newRow("number in texts") << QByteArray(R"({"texts": ["a", 42]})") << "texts[1]"
                                         << "found number";
        QTest::newRow("null in texts") << QByteArray(R"({"texts": [null]})") << "texts[0]"
                                       << "found null";
        QTest::newRow("empty list") << QByteArray(R"({"texts": []})") << "texts"
                                    << "empty";
        QTest::newRow("too many") << QByteArray(R"({"texts": ["a","b","c","d","e"]})") << "texts"
                                  << "more than the limit of 4";
        QTest::newRow("pair of one") << QByteArray(R"({"pairs": [["a"]]})") << "pairs[0]"
                                     << "expected a pair";
        QTest::newRow("pair with number") << QByteArray(R"({"pairs": [["a", 1]]})") << "pairs[0][1]"
                                          << "found number";
        QTest::newRow("invalid utf-8") << QByteArray("{\"texts\": [\"\xff\xfe\"]}") << "body"
                                       << "not valid JSON";
    }
    // Every bad request gets 400 naming the field, and the server goes on serving.
    void badRequests() {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        QFETCH(QString, words);
        ServerOptions o;
        o.maxTexts = 4;
        o.queue = 4;
        o.maxWaitMs = 0;
        Running s(m_folder, o);
        const Http bad = request(s.port(), "POST", "/v1/predict", body.toStdString());
        QCOMPARE(bad.status, 400);
        const json j = bad.parsed();
        QCOMPARE(QString::fromStdString(j.at("field").get<std::string>()), field);
        QVERIFY2(QString::fromStdString(j.at("error").get<std::string>()).contains(words),
                 j.at("error").get<std::string>().c_str());
        const Http good = post(s.port(), {{"texts", {"still serving"}}});
        QCOMPARE(good.status, 200);
        const Metrics m = metricsOf(s.port());
        QCOMPARE(
            m.value("finetune_http_requests_total", {{"path", "/v1/predict"}, {"status", "400"}}),
            1.0);
        QCOMPARE(
            m.value("finetune_http_requests_total", {{"path", "/v1/predict"}, {"status", "200"}}),
            1.0);
    }

    // 413 for a body over the limit, announced (Content-Length), chunked or with Expect;
    // the server answers the next request.
    void bodyTooLarge() {
        ServerOptions o;
        o.maxBodyBytes = 4096;
        o.maxWaitMs = 0;
        Running s(m_folder, o);
        const std::string big = json{{"texts", {std::string(10000, 'a')}}}.dump();
        const Http plain = request(s.port(), "POST", "/v1/predict", big);
        QCOMPARE(plain.status, 413);
        QVERIFY(plain.parsed().at("error").get<std::string>().find("4096") != std::string::npos);
        RequestOptions chunked;
        chunked.chunked = true;
        const Http c = request(s.port(), "POST", "/v1/predict", big, chunked);
        QCOMPARE(c.status, 413);
        RequestOptions expect;
        expect.headers = {"Expect: 100-continue"};
        const Http e = request(s.port(), "POST", "/v1/predict", big, expect);
        QCOMPARE(e.status, 413);
        // A chunked body under the limit is read as any other.
        const Http small =
            request(s.port(), "POST", "/v1/predict", json{{"texts", {"hello"}}}.dump(), chunked);
        QCOMPARE(small.status, 200);
        QCOMPARE(post(s.port(), {{"texts", {"next"}}}).status, 200);

        // On one kept-alive connection, the request after an oversized chunked body is
        // still read as a request (the rest of the body was dropped, not parsed).
        const int fd = connectTo(s.port());
        QVERIFY(fd >= 0);
        std::string chunks;
        for (size_t at = 0; at < big.size(); at += 1000) {
            const std::string part = big.substr(at, 1000);
            char size[16];
            std::snprintf(size, sizeof size, "%zx\r\n", part.size());
            chunks += size + part + "\r\n";
        }
        sendAll(fd, "POST /v1/predict HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" +
                        chunks + "0\r\n\r\n");
        // Like every client but a pipelining one, wait for the answer before the next request.
        std::string raw;
        char buf[4096];
        for (ssize_t n;
             raw.find("}") == std::string::npos && (n = recv(fd, buf, sizeof buf, 0)) > 0;)
            raw.append(buf, size_t(n));
        const std::string good = json{{"texts", {"on the same connection"}}}.dump();
        sendAll(fd,
                "POST /v1/predict HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                "Content-Length: " +
                    std::to_string(good.size()) + "\r\n\r\n" + good);
        for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;) raw.append(buf, size_t(n));
        close(fd);
        const size_t first = raw.find("HTTP/1.1 413");
        QVERIFY2(first != std::string::npos, raw.c_str());
        const size_t second = raw.find("HTTP/1.1 200", first);
        QVERIFY2(second != std::string::npos, raw.c_str());
        QVERIFY2(raw.find("HTTP/1.1 ", second + 1) == std::string::npos, raw.c_str());
        const Metrics m = metricsOf(s.port());
        QCOMPARE(m.value("finetune_http_requests_total", {{"path", "other"}}), 0.0);
        QCOMPARE(
            m.value("finetune_http_requests_total", {{"path", "/v1/predict"}, {"status", "413"}}),
            4.0);
    }

    void unknownEncoding() {
        Running s(m_folder, {});
        RequestOptions zstd;
        zstd.headers = {"Content-Encoding: zstd"};
        const Http r = post(s.port(), {{"texts", {"hello"}}}, zstd);
        QCOMPARE(r.status, 415);
        QVERIFY(r.parsed().at("error").get<std::string>().find("zstd") != std::string::npos);
        QCOMPARE(post(s.port(), {{"texts", {"hello"}}}).status, 200);
    }

    void tenMegabytes() {
        Running s(m_folder, {});  // the default limit, 1 MiB
        const Http r = request(s.port(), "POST", "/v1/predict",
                               json{{"texts", {std::string(10 << 20, 'x')}}}.dump());
        QCOMPARE(r.status, 413);
        QCOMPARE(post(s.port(), {{"texts", {"fine"}}}).status, 200);
    }

    void token() {
        ServerOptions o;
        o.token = "s3cret-token";
        o.maxWaitMs = 0;
        Running s(m_folder, o);
        const json body = {{"texts", {"hello"}}};
        const Http none = post(s.port(), body);
        QCOMPARE(none.status, 401);
        QVERIFY(none.header("www-authenticate").find("Bearer") == 0);
        QVERIFY(none.parsed().at("error").get<std::string>().find("Authorization") !=
                std::string::npos);
        RequestOptions wrong;
        wrong.headers = {"Authorization: Bearer s3cret-tokeN"};
        QCOMPARE(post(s.port(), body, wrong).status, 401);
        RequestOptions basic;
        basic.headers = {"Authorization: Basic czNjcmV0LXRva2Vu"};
        QCOMPARE(post(s.port(), body, basic).status, 401);
        RequestOptions right;
        right.headers = {"Authorization: Bearer s3cret-token"};
        QCOMPARE(post(s.port(), body, right).status, 200);
        // Probes need no token; the model and the metrics do.
        QCOMPARE(request(s.port(), "GET", "/healthz").status, 200);
        QCOMPARE(request(s.port(), "GET", "/v1/model").status, 401);
        QCOMPARE(request(s.port(), "GET", "/metrics").status, 401);
        QCOMPARE(request(s.port(), "GET", "/v1/model", {}, right).status, 200);
        const Metrics m = metricsOf(s.port(), right.headers);
        QCOMPARE(
            m.value("finetune_http_requests_total", {{"path", "/v1/predict"}, {"status", "401"}}),
            3.0);
    }

    void notFoundAndMethod() {
        Running s(m_folder, {});
        const Http nf = request(s.port(), "GET", "/v2/predict");
        QCOMPARE(nf.status, 404);
        QVERIFY(nf.parsed().at("error").get<std::string>().find("/v2/predict") !=
                std::string::npos);
        const Http get = request(s.port(), "GET", "/v1/predict");
        QCOMPARE(get.status, 405);
        QCOMPARE(get.header("allow"), std::string("POST"));
        QCOMPARE(request(s.port(), "POST", "/healthz", "{}").status, 405);
        const Metrics m = metricsOf(s.port());
        QCOMPARE(m.value("finetune_http_requests_total", {{"path", "other"}, {"status", "404"}}),
                 1.0);
    }

    // A full queue answers 503 with Retry-After at once; the queued request is answered.
    void queueFull() {
        ServerOptions o;
        o.maxTexts = 4;
        o.queue = 4;
        o.maxBatch = 64;
        o.maxWaitMs = 10000;  // the batcher waits while `held` is being received
        Running s(m_folder, o);
        Partial held(s.port(), {{"texts", {"held back"}}});
        QVERIFY(waitForGauge(s.port(), "finetune_predict_receiving", 1));
        Http first;
        std::thread t([&] { first = post(s.port(), {{"texts", {"a", "b", "c", "d"}}}); });
        QVERIFY(waitForQueued(s.port(), 4));
        QCOMPARE(metricsOf(s.port()).value("finetune_queue_requests"), 1.0);
        const Http rejected = post(s.port(), {{"texts", {"one more"}}});
        QCOMPARE(rejected.status, 503);
        QCOMPARE(rejected.header("retry-after"), std::string("1"));
        QVERIFY(rejected.parsed().at("error").get<std::string>().find("queue") !=
                std::string::npos);
        // The held request, complete now, finds the queue as full; then the batch runs.
        QCOMPARE(held.finish().status, 503);
        t.join();
        QCOMPARE(first.status, 200);
        QCOMPARE(first.parsed().at("predictions").size(), size_t(4));
        const Metrics m = metricsOf(s.port());
        QCOMPARE(
            m.value("finetune_http_requests_total", {{"path", "/v1/predict"}, {"status", "503"}}),
            2.0);
        QCOMPARE(m.value("finetune_queue_texts"), 0.0);
        QCOMPARE(m.value("finetune_predict_receiving"), 0.0);
    }

    // With nobody else on the way, a lone request does not sit out max-wait.
    void loneRequestDoesNotWait() {
        ServerOptions o;
        o.maxWaitMs = 10000;
        Running s(m_folder, o);
        const auto t0 = std::chrono::steady_clock::now();
        QCOMPARE(post(s.port(), {{"texts", {"alone"}}}).status, 200);
        QVERIFY(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(9));
    }

    // 16 clients x 10 requests at once: every one answered with its own text's numbers,
    // and the batcher put texts of different requests into one forward pass.
    void concurrency() {
        ServerOptions o;
        o.maxWaitMs = 20;
        o.maxBatch = 32;
        Running s(m_folder, o);
        constexpr int kThreads = 16, kEach = 10;
        std::vector<std::string> texts;
        for (int i = 0; i < kThreads * kEach; ++i)
            texts.push_back(kTexts[size_t(i) % kTexts.size()] + " number " + std::to_string(i));
        std::vector<Http> answers(texts.size());
        std::vector<std::thread> clients;
        for (int t = 0; t < kThreads; ++t)
            clients.emplace_back([&, t] {
                for (int k = 0; k < kEach; ++k) {
                    const size_t i = size_t(t * kEach + k);
                    answers[i] = post(s.port(), {{"texts", {texts[i]}}});
                }
            });
        for (auto& c : clients) c.join();
        const auto alone = [&] {
            std::vector<ft::models::Prediction> out;
            for (const auto& t : texts) out.push_back(m_model->predict({m_pre.apply(t)})[0]);
            return out;
        }();
        for (size_t i = 0; i < texts.size(); ++i) {
            QCOMPARE(answers[i].status, 200);
            const json p = answers[i].parsed().at("predictions").at(0);
            QCOMPARE(p.at("label").get<std::string>(), kLabels[size_t(alone[i].label)]);
            for (size_t k = 0; k < kLabels.size(); ++k)
                QVERIFY(std::fabs(probabilities(p)[k] - alone[i].probabilities[k]) <= 1e-6f);
        }
        const Metrics m = metricsOf(s.port());
        const double batches = m.value("finetune_batch_size_count");
        const double singles = m.value("finetune_batch_size_bucket", {{"le", "1"}});
        QCOMPARE(m.value("finetune_batch_size_sum"), double(texts.size()));
        QVERIFY2(singles < batches, "no forward pass held more than one text");
        QCOMPARE(
            m.value("finetune_http_requests_total", {{"path", "/v1/predict"}, {"status", "200"}}),
            double(texts.size()));
        QCOMPARE(m.value("finetune_predictions_total"), double(texts.size()));
    }

    // The exposition format parses, and the counters rise with requests.
    void metricsRise() {
        ServerOptions o;
        o.maxWaitMs = 0;
        Running s(m_folder, o);
        const Metrics before = metricsOf(s.port());
        QCOMPARE(before.types.at("finetune_http_requests_total"), std::string("counter"));
        QCOMPARE(before.types.at("finetune_http_request_duration_seconds"),
                 std::string("histogram"));
        QCOMPARE(before.types.at("finetune_batch_size"), std::string("histogram"));
        QCOMPARE(before.types.at("finetune_predictions_total"), std::string("counter"));
        QCOMPARE(before.types.at("finetune_queue_texts"), std::string("gauge"));
        QCOMPARE(before.value("finetune_predictions_total"), 0.0);
        const Http r = post(s.port(), {{"texts", {kTexts[0], kTexts[1], kTexts[2]}}});
        QCOMPARE(r.status, 200);
        std::map<std::string, double> labels;
        const json answer = r.parsed();
        for (const auto& p : answer.at("predictions"))
            labels[p.at("label").get<std::string>()] += 1;
        QCOMPARE(request(s.port(), "GET", "/healthz").status, 200);
        const Metrics after = metricsOf(s.port());
        QCOMPARE(after.value("finetune_http_requests_total",
                             {{"path", "/v1/predict"}, {"status", "200"}}),
                 1.0);
        QCOMPARE(
            after.value("finetune_http_requests_total", {{"path", "/healthz"}, {"status", "200"}}),
            1.0);
        QCOMPARE(
            after.value("finetune_http_requests_total", {{"path", "/metrics"}, {"status", "200"}}),
            1.0);
        QCOMPARE(
            after.value("finetune_http_request_duration_seconds_count", {{"path", "/v1/predict"}}),
            1.0);
        QCOMPARE(after.value("finetune_http_request_duration_seconds_bucket",
                             {{"path", "/v1/predict"}, {"le", "+Inf"}}),
                 1.0);
        QVERIFY(after.value("finetune_http_request_duration_seconds_sum",
                            {{"path", "/v1/predict"}}) > 0);
        QCOMPARE(after.value("finetune_batch_size_count"), 1.0);
        QCOMPARE(after.value("finetune_batch_size_bucket", {{"le", "2"}}), 0.0);
        QCOMPARE(after.value("finetune_batch_size_bucket", {{"le", "4"}}), 1.0);
        for (const auto& l : kLabels)
            QVERIFY2(after.value("finetune_predictions_total", {{"label", l}}) == labels[l],
                     qPrintable(QString("%1: %2 in the metrics, %3 in the answer\n%4")
                                    .arg(l.c_str())
                                    .arg(after.value("finetune_predictions_total", {{"label", l}}))
                                    .arg(labels[l])
                                    .arg(r.body.c_str())));
    }

    // stop() with requests in flight, one queued and one still uploading: both are answered
    // before run() returns, and nothing new is accepted.
    void drainsOnStop() {
        ServerOptions o;
        o.maxWaitMs = 10000;
        Running s(m_folder, o);
        Partial uploading(s.port(), {{"texts", {"still uploading"}}});
        QVERIFY(waitForGauge(s.port(), "finetune_predict_receiving", 1));
        Http queued;
        std::thread t([&] { queued = post(s.port(), {{"texts", {"in flight"}}}); });
        QVERIFY(waitForQueued(s.port(), 1));
        s.server().stop();
        QTRY_COMPARE_WITH_TIMEOUT(request(s.port(), "GET", "/healthz").status, 0, 10000);  // closed
        const Http last = uploading.finish();
        t.join();
        s.stop();
        QCOMPARE(queued.status, 200);
        QCOMPARE(last.status, 200);
    }

    // Every architecture's padding (right for BERT-likes, left for XLNet, none for GPT-2)
    // gives predict's numbers.
    void architectures_data() {
        QTest::addColumn<QString>("name");
        for (const char* n :
             {"bert-tiny", "distilbert-tiny", "roberta-tiny", "gpt2-tiny", "xlnet-tiny"})
            QTest::newRow(n) << QString(n);
    }
    void architectures() {
        QFETCH(QString, name);
        const std::string folder =
            std::string(FT_SHARED_DIR "/fixtures/hf/models/") + name.toStdString();
        const auto model = ft::models::Model::open(folder);
        ServerOptions o;
        o.maxWaitMs = 0;
        o.maxPadding = INFINITY;
        Running s(folder, o);
        const std::vector<std::string> texts = {"a short one",
                                                "and a rather longer text to make padding", "x"};
        const Http r = post(s.port(), {{"texts", texts}});
        QCOMPARE(r.status, 200);
        const auto expected = model.predict(texts, 32);
        const auto& labels = model.config().common.labels;
        const json preds = r.parsed().at("predictions");
        for (size_t i = 0; i < texts.size(); ++i) {
            std::vector<float> got;
            for (const auto& l : labels)
                got.push_back(preds[i].at("probabilities").at(l).get<float>());
            QCOMPARE(got, expected[i].probabilities);  // vectors: exact ==
        }
    }

    void refusesWhatCannotServe() {
        // queue smaller than one full request
        ServerOptions o;
        o.queue = 8;
        o.maxTexts = 16;
        QVERIFY_THROWS_EXCEPTION(ft::Error, ft::deploy::Server(m_folder, o));
        // a model without a tokenizer
        const std::string bare = m_dir.filePath("no-tokenizer").toStdString();
        ft::models::Model::createBuiltin("bert-tiny", kLabels).save(bare);
        try {
            ft::deploy::Server s(bare, {});
            QFAIL("a folder without a tokenizer was served");
        } catch (const ft::Error& e) {
            QVERIFY2(std::string(e.what()).find("no-tokenizer") != std::string::npos, e.what());
        }
        // a language model: no classification head
        try {
            ft::deploy::Server s(FT_SHARED_DIR "/fixtures/hf/models/bert-tiny-lm", {});
            QFAIL("a masked language model was served");
        } catch (const ft::Error& e) {
            QVERIFY2(std::string(e.what()).find("classification head") != std::string::npos,
                     e.what());
        }
        // a port in use
        Running first(m_folder, {});
        ServerOptions same;
        same.port = first.port();
        ft::deploy::Server second(m_folder, same);
        try {
            second.bind();
            QFAIL("bound a port in use");
        } catch (const ft::Error& e) {
            QVERIFY2(std::string(e.what()).find(std::to_string(first.port())) != std::string::npos,
                     e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestServer)
#include "tst_server.moc"
