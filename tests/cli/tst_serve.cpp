// Runs the real `finetune serve` (QProcess) on a free loopback port and talks HTTP to it:
// the startup line, answers, the token from the command line and the environment, the
// warning for a non-loopback address, refused options, and a clean stop on SIGTERM and
// SIGINT that answers the request in flight first.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <string>
#include <sys/socket.h>
#include <sys/time.h>
#include <thread>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "cli/cliprocess.h"
#include "models/model.h"

using json = nlohmann::json;

namespace {

struct Http {
    int status = 0;  // 0: no answer
    std::string head, body;
};

// One request on its own connection ("Connection: close"), read to the end.
Http request(int port, const std::string& method, const std::string& path,
             const std::string& body = {}, const std::string& extraHeader = {}) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    timeval tv{60, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        close(fd);
        return {};
    }
    std::string req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!extraHeader.empty()) req += extraHeader + "\r\n";
    if (method == "POST")
        req += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
               "\r\n";
    req += "\r\n" + body;
    (void)send(fd, req.data(), req.size(), MSG_NOSIGNAL);
    std::string raw;
    char buf[16384];
    ssize_t n;
    while ((n = recv(fd, buf, sizeof buf, 0)) > 0) raw.append(buf, size_t(n));
    close(fd);
    Http r;
    const size_t end = raw.find("\r\n\r\n");
    if (end == std::string::npos || raw.size() < 12) return r;
    r.status = std::stoi(raw.substr(9, 3));
    r.head = raw.substr(0, end);
    r.body = raw.substr(end + 4);
    return r;
}

// Connects and sends the head of a predict request and 5 bytes of its body; the server is
// receiving it (its batcher waits for it) until finish() sends the rest.
class Partial {
public:
    Partial(int port, const std::string& body) : m_body(body) {
        m_fd = socket(AF_INET, SOCK_STREAM, 0);
        timeval tv{60, 0};
        setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (connect(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return;
        const std::string head =
            "POST /v1/predict HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
            "Content-Length: " +
            std::to_string(body.size()) + "\r\n\r\n" + body.substr(0, 5);
        (void)send(m_fd, head.data(), head.size(), MSG_NOSIGNAL);
    }
    ~Partial() { close(m_fd); }
    int finish() {
        const std::string rest = m_body.substr(5);
        (void)send(m_fd, rest.data(), rest.size(), MSG_NOSIGNAL);
        std::string raw;
        char buf[4096];
        for (ssize_t n; (n = recv(m_fd, buf, sizeof buf, 0)) > 0;) raw.append(buf, size_t(n));
        return raw.size() > 12 ? std::stoi(raw.substr(9, 3)) : 0;
    }

private:
    std::string m_body;
    int m_fd = -1;
};

Http predict(int port, const std::string& text, const std::string& header = {}) {
    return request(port, "POST", "/v1/predict", json{{"texts", {text}}}.dump(), header);
}

double gauge(int port, const QString& name) {
    const Http m = request(port, "GET", "/metrics");
    const QRegularExpression re("^" + name + " (\\S+)$", QRegularExpression::MultilineOption);
    const auto match = re.match(QString::fromStdString(m.body));
    return match.hasMatch() ? match.captured(1).toDouble() : -1;
}

// A `finetune serve` process; its first stdout line names the port.
class Serve {
public:
    explicit Serve(const QStringList& args,
                   const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
        m_process.setProcessEnvironment(env);
        m_process.start(QStringLiteral(FT_CLI_PATH), QStringList{"serve"} + args);
        QElapsedTimer timer;
        timer.start();
        while (!m_process.canReadLine() && m_process.state() != QProcess::NotRunning &&
               timer.elapsed() < 60000)
            m_process.waitForReadyRead(200);
        line = QString::fromUtf8(m_process.readLine()).trimmed();
        const auto m = QRegularExpression("^serving (\\S+) on http://([^ ]+):(\\d+)$").match(line);
        if (m.hasMatch()) {
            model = m.captured(1);
            host = m.captured(2);
            port = m.captured(3).toInt();
        }
    }
    ~Serve() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }
    void signal(int sig) { ::kill(pid_t(m_process.processId()), sig); }
    bool finished(int ms = 30000) { return m_process.waitForFinished(ms); }
    int exitCode() const {
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    // Everything on stderr so far (kept: QVERIFY2 evaluates its message even on success).
    QString err() {
        m_err += QString::fromUtf8(m_process.readAllStandardError());
        return m_err;
    }

    QString line, model, host;
    int port = -1;

private:
    QProcess m_process;
    QString m_err;
};

}  // namespace

class TestServeCli : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_folder;

    // SIGTERM or SIGINT while one request waits in the queue and another is still being
    // uploaded: both are answered, then the process exits 0.
    void stopsCleanly(int sig, const char* name) {
        Serve s({"--model", m_folder, "--port", "0", "--max-wait-ms", "10000"});
        QVERIFY2(s.port > 0, qPrintable(s.line + s.err()));
        Partial uploading(s.port, json{{"texts", {"still uploading"}}}.dump());
        QTRY_COMPARE_WITH_TIMEOUT(gauge(s.port, "finetune_predict_receiving"), 1.0, 20000);
        Http answer;
        std::thread client([&] { answer = predict(s.port, "in flight"); });
        QTRY_COMPARE_WITH_TIMEOUT(gauge(s.port, "finetune_queue_texts"), 1.0, 20000);
        s.signal(sig);
        QTRY_COMPARE_WITH_TIMEOUT(request(s.port, "GET", "/healthz").status, 0, 20000);
        QCOMPARE(uploading.finish(), 200);
        client.join();
        QCOMPARE(answer.status, 200);
        QCOMPARE(json::parse(answer.body).at("predictions").size(), size_t(1));
        QVERIFY(s.finished());
        QCOMPARE(s.exitCode(), 0);
        const QString err = s.err();
        QVERIFY2(err.contains(name) && err.contains("stopped"), qPrintable(err));
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_folder = m_dir.filePath("spam-v2");
        ft::models::Model::createBuiltin("bert-tiny", {"ham", "spam"},
                                         FT_SHARED_DIR "/data/vocab/bert-base-uncased")
            .save(m_folder.toStdString());
    }

    void servesOnLoopback() {
        Serve s({"--model", m_folder, "--port", "0"});
        QVERIFY2(s.port > 0, qPrintable(s.line + s.err()));
        QCOMPARE(s.model, QString("spam-v2"));
        QCOMPARE(s.host, QString("127.0.0.1"));
        const Http h = request(s.port, "GET", "/healthz");
        QCOMPARE(h.status, 200);
        QCOMPARE(json::parse(h.body).at("status").get<std::string>(), std::string("ok"));
        const Http p = predict(s.port, "free entry in a weekly competition");
        QCOMPARE(p.status, 200);
        const auto model = ft::models::Model::open(m_folder.toStdString());
        const auto expected = model.predict({"free entry in a weekly competition"});
        const json got = json::parse(p.body).at("predictions").at(0);
        // Exact (QCOMPARE on floats would be fuzzy).
        const std::vector<float> probs = {got.at("probabilities").at("ham").get<float>(),
                                          got.at("probabilities").at("spam").get<float>()};
        QCOMPARE(probs, expected[0].probabilities);
        const Http bad = request(s.port, "POST", "/v1/predict", R"({"texts": [1]})");
        QCOMPARE(bad.status, 400);
        QCOMPARE(predict(s.port, "after a bad one").status, 200);
        QVERIFY(request(s.port, "GET", "/metrics").body.find("finetune_http_requests_total") !=
                std::string::npos);
    }

    void sigterm() { stopsCleanly(SIGTERM, "SIGTERM"); }
    void sigint() { stopsCleanly(SIGINT, "SIGINT"); }

    void token() {
        Serve s({"--model", m_folder, "--port", "0", "--token", "t0ken"});
        QVERIFY2(s.port > 0, qPrintable(s.line + s.err()));
        QCOMPARE(predict(s.port, "x").status, 401);
        QCOMPARE(predict(s.port, "x", "Authorization: Bearer wrong").status, 401);
        QCOMPARE(predict(s.port, "x", "Authorization: Bearer t0ken").status, 200);
        QCOMPARE(request(s.port, "GET", "/healthz").status, 200);
        QCOMPARE(request(s.port, "GET", "/metrics").status, 401);
    }

    // The token can come from the environment, out of `ps` listings.
    void tokenFromEnvironment() {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("FINETUNE_SERVE_TOKEN", "from-env");
        Serve s({"--model", m_folder, "--port", "0"}, env);
        QVERIFY2(s.port > 0, qPrintable(s.line + s.err()));
        QCOMPARE(predict(s.port, "x").status, 401);
        QCOMPARE(predict(s.port, "x", "Authorization: Bearer from-env").status, 200);
    }

    void warnsOffLoopback() {
        Serve s({"--model", m_folder, "--port", "0", "--host", "0.0.0.0"});
        QVERIFY2(s.port > 0, qPrintable(s.line + s.err()));
        QCOMPARE(s.host, QString("0.0.0.0"));
        QCOMPARE(request(s.port, "GET", "/healthz").status, 200);
        s.signal(SIGTERM);
        QVERIFY(s.finished());
        const QString err = s.err();
        QVERIFY2(err.contains("warning") && err.contains("not loopback") && err.contains("--token"),
                 qPrintable(err));
    }

    void refusedOptions() {
        auto r = ft::test::runCli(
            {"serve", "--model", m_folder, "--port", "0", "--queue", "2", "--max-texts", "4"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("--queue 2") && r.err.contains("--max-texts 4"), qPrintable(r.err));
        r = ft::test::runCli({"serve", "--model", m_dir.filePath("missing"), "--port", "0"});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("missing"), qPrintable(r.err));
        r = ft::test::runCli({"serve", "--model", m_folder, "--port", "70000"});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("--port"), qPrintable(r.err));
        // A port in use is an error, not a second server sharing it.
        Serve first({"--model", m_folder, "--port", "0"});
        QVERIFY(first.port > 0);
        r = ft::test::runCli({"serve", "--model", m_folder, "--port", QString::number(first.port)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QString("127.0.0.1:%1").arg(first.port)), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestServeCli)
#include "tst_serve.moc"
