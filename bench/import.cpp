// Import throughput: our streaming CSV importer against the sqlite3 shell's
// `.import --csv` of the same generated file. Measures and prints; asserts nothing.
//
//   bench_import [rows] [keep-dir]
//
// The import runs in a child process (this program re-executed with --child) so its
// peak RSS (VmHWM) is the import's own and not the generator's.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

#include "data/importer.h"
#include "error.h"
#include "store/project.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

long statusKb(const char* key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(key) + ":";
    while (std::getline(in, line)) {
        if (line.rfind(prefix, 0) == 0) return std::atol(line.c_str() + prefix.size());
    }
    return -1;
}

// ~200 bytes of English-like text per row from a fixed vocabulary; some rows carry a
// comma or a quote so the CSV needs real quoting.
void generate(const std::string& path, long rows) {
    static const char* words[] = {
        "the",        "market",     "shares",     "rose",      "after",    "company",   "reported",
        "quarterly",  "profit",     "team",       "won",       "match",    "season",    "coach",
        "said",       "players",    "government", "minister",  "election", "officials", "announced",
        "new",        "plan",       "to",         "cut",       "taxes",    "and",       "spending",
        "scientists", "discovered", "a",          "species",   "in",       "the",       "rain",
        "forest",     "software",   "update",     "fixes",     "security", "flaw",      "users",
        "should",     "install",    "it",         "today",     "of",       "for",       "with",
        "on",         "by",         "from",       "at",        "is",       "was",       "will",
        "has",        "have",       "been",       "more",      "than",     "percent",   "year",
        "week",       "Monday",     "Tuesday",    "London",    "Paris",    "Tokyo",     "oil",
        "prices",     "fell",       "sharply",    "investors", "worried",  "about",     "growth",
        "economy",    "bank"};
    const int nwords = sizeof words / sizeof *words;
    static const char* labels[] = {"World", "Sports", "Business", "Sci/Tech"};
    std::mt19937 rng(42);
    std::ofstream out(path, std::ios::binary);
    std::vector<char> buf(1 << 20);
    out.rdbuf()->pubsetbuf(buf.data(), static_cast<std::streamsize>(buf.size()));
    out << "label,text\n";
    std::string text;
    for (long i = 0; i < rows; ++i) {
        text.clear();
        while (text.size() < 190) {
            if (!text.empty()) text += (rng() % 23 == 0) ? ", " : " ";
            text += words[rng() % nwords];
        }
        const bool quote = rng() % 50 == 0;
        if (quote) text += " \"\"quoted\"\" words";
        out << labels[rng() % 4] << ',';
        if (quote || text.find(',') != std::string::npos) {
            out << '"' << text << '"';
        } else {
            out << text;
        }
        out << '\n';
    }
}

int child(const std::string& csv, const std::string& projectDir) {
    const long rssBefore = statusKb("VmRSS");
    ft::store::Project project = ft::store::Project::create(projectDir);
    ft::data::ImportRequest req;
    req.path = csv;
    req.mapping.text = "text";
    req.mapping.label = "label";
    const auto t0 = Clock::now();
    const ft::data::ImportResult r = ft::data::importFile(project, req);
    const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    std::printf("%lld %.6f %ld %ld\n", static_cast<long long>(r.rows), seconds, rssBefore,
                statusKb("VmHWM"));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        if (argc == 4 && std::string(argv[1]) == "--child") return child(argv[2], argv[3]);
        const long rows = argc > 1 ? std::atol(argv[1]) : 1000000;
        const fs::path dir = argc > 2 ? fs::path(argv[2])
                                      : fs::temp_directory_path() /
                                            ("ft-bench-import-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        const std::string csv = (dir / "data.csv").string();

        auto t0 = Clock::now();
        generate(csv, rows);
        const double genSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
        const double mb = double(fs::file_size(csv)) / 1e6;
        std::printf("generated %ld rows, %.1f MB in %.1f s: %s\n", rows, mb, genSeconds,
                    csv.c_str());

        // Ours, in a child process.
        const std::string self = fs::read_symlink("/proc/self/exe").string();
        const std::string cmd =
            "'" + self + "' --child '" + csv + "' '" + (dir / "project").string() + "'";
        FILE* pipe = ::popen(cmd.c_str(), "r");
        long long ourRows = 0;
        double ourSeconds = 0;
        long rssBefore = 0, hwm = 0;
        const bool ok = pipe && std::fscanf(pipe, "%lld %lf %ld %ld", &ourRows, &ourSeconds,
                                            &rssBefore, &hwm) == 4;
        if (pipe) ::pclose(pipe);
        if (!ok) {
            std::fprintf(stderr, "the import child failed\n");
            return 1;
        }

        // sqlite3's own CSV import of the same file into a fresh database: once as it
        // comes (rollback journal, which a fresh file barely uses), once in WAL mode,
        // the journal a project database needs so the GUI can read while a worker writes.
        struct ShellRun {
            const char* name;
            const char* pragma;
            int rc = -1;
            long long rows = -1;
            double seconds = 0;
        };
        ShellRun shell[] = {{"sqlite3 .import --csv", ""},
                            {"sqlite3 .import (WAL)", "PRAGMA journal_mode=WAL;"}};
        for (size_t i = 0; i < std::size(shell); ++i) {
            ShellRun& run = shell[i];
            const std::string db = (dir / ("sqlite3-" + std::to_string(i) + ".db")).string();
            const std::string sqliteCmd = "sqlite3 '" + db + "' '" + run.pragma + "' \".import --csv '" +
                                          csv + "' t\" >/dev/null";
            t0 = Clock::now();
            run.rc = std::system(sqliteCmd.c_str());
            run.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
            if (run.rc != 0) continue;
            FILE* count = ::popen(("sqlite3 '" + db + "' 'SELECT COUNT(*) FROM t'").c_str(), "r");
            if (count) {
                if (std::fscanf(count, "%lld", &run.rows) != 1) run.rows = -1;
                ::pclose(count);
            }
        }

        std::printf("\n%-26s %12s %10s %12s %10s %12s %8s\n", "", "rows", "seconds", "rows/s",
                    "MB/s", "peak RSS MB", "ours/it");
        const double ourRate = double(ourRows) / ourSeconds;
        std::printf("%-26s %12lld %10.2f %12.0f %10.1f %12.1f\n", "finetune importFile", ourRows,
                    ourSeconds, ourRate, mb / ourSeconds, double(hwm) / 1024);
        for (const ShellRun& run : shell) {
            if (run.rc != 0) {
                std::printf("%-26s failed or not installed (exit %d)\n", run.name, run.rc);
                continue;
            }
            const double rate = double(run.rows) / run.seconds;
            std::printf("%-26s %12lld %10.2f %12.0f %10.1f %12s %8.2f\n", run.name, run.rows,
                        run.seconds, rate, mb / run.seconds, "-", ourRate / rate);
        }
        std::printf("import child RSS before the import: %.1f MB; project.db %.1f MB\n",
                    double(rssBefore) / 1024,
                    double(fs::file_size(dir / "project" / "project.db")) / 1e6);
        if (argc <= 2) fs::remove_all(dir);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_import: %s\n", e.what());
        return 1;
    }
}
