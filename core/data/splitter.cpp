#include "data/splitter.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <locale>
#include <numeric>
#include <optional>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "error.h"
#include "store/project.h"
#include "store/sqlite.h"
#include "util/random.h"

namespace ft::data {

namespace {

using Json = nlohmann::json;
constexpr int kParts = 3;
constexpr const char* kPartNames[kParts] = {"train", "validation", "test"};

std::string formatNumber(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

std::string formatRatios(const std::vector<double>& ratios) {
    std::string s;
    for (size_t i = 0; i < ratios.size(); ++i) {
        if (i) s += ",";
        s += formatNumber(ratios[i]);
    }
    return s;
}

void validateRatios(const std::vector<double>& r) {
    if (r.size() != kParts) {
        throw Error(ErrorCode::InvalidArgument,
                    "split ratios need three values (train, validation, test), got " +
                        std::to_string(r.size()) + ": '" + formatRatios(r) + "'");
    }
    for (int i = 0; i < kParts; ++i) {
        if (!std::isfinite(r[i]) || r[i] < 0) {
            throw Error(ErrorCode::InvalidArgument, std::string("split ratio ") +
                                                        formatNumber(r[i]) + " for " +
                                                        kPartNames[i] + " must be 0 or more");
        }
    }
    const double sum = r[0] + r[1] + r[2];
    if (std::fabs(sum - 1.0) > 1e-6) {
        throw Error(ErrorCode::InvalidArgument, "split ratios '" + formatRatios(r) + "' sum to " +
                                                    formatNumber(sum) + ", not 1");
    }
    if (r[0] <= 0) {
        throw Error(ErrorCode::InvalidArgument,
                    "split ratios '" + formatRatios(r) + "' leave no rows to train on");
    }
}

// Integer weights (millionths) so that the allocation below is exact arithmetic.
std::array<int64_t, kParts> weightsOf(const std::vector<double>& r) {
    std::array<int64_t, kParts> w{};
    for (int i = 0; i < kParts; ++i) w[i] = std::llround(r[i] * 1e6);
    return w;
}

// Largest-remainder (Hamilton) allocation of n rows to the parts: each part gets
// the floor or the ceiling of its quota n * w / W, so it is within one row of
// ratio * n. Ties between equal remainders go to the part furthest below its
// share of everything allocated so far (`allocated` over `allocatedRows`), so
// that many small classes do not all round the same way.
std::array<int64_t, kParts> allocate(int64_t n, const std::array<int64_t, kParts>& w,
                                     std::array<int64_t, kParts>& allocated,
                                     int64_t& allocatedRows) {
    const int64_t total = w[0] + w[1] + w[2];
    std::array<int64_t, kParts> size{}, rem{};
    int64_t left = n;
    for (int i = 0; i < kParts; ++i) {
        size[i] = n * w[i] / total;
        rem[i] = n * w[i] % total;
        left -= size[i];
    }
    allocatedRows += n;
    std::array<int, kParts> order{0, 1, 2};
    auto behind = [&](int i) {
        return static_cast<double>(w[i]) * allocatedRows / total - (allocated[i] + size[i]);
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        if (rem[a] != rem[b]) return rem[a] > rem[b];
        return behind(a) > behind(b);
    });
    for (int k = 0; k < kParts && left > 0; ++k) {
        if (rem[order[k]] == 0) break;
        ++size[order[k]];
        --left;
    }
    for (int i = 0; i < kParts; ++i) allocated[i] += size[i];
    return size;
}

struct EligibleRow {
    int64_t id = 0;
    size_t label = 0;  // index into the label set
    size_t group = 0;
};

struct Group {
    std::vector<size_t> rows;  // indices into the eligible rows
    size_t label = 0;          // majority label
    int part = -1;
};

std::string textKey(const std::string& text, const std::optional<std::string>& pair) {
    std::string key = text;
    if (pair) {
        key.push_back('\x1f');
        key += *pair;
    }
    return key;
}

std::string reportJson(const SplitReport& r, bool withId) {
    Json j;
    if (withId) j["split_id"] = r.splitId;
    j["seed"] = r.seed;
    j["ratios"] = r.ratios;
    j["stratified"] = r.stratified;
    Json parts = Json::object();
    const PartCounts* counts[kParts] = {&r.train, &r.validation, &r.test};
    for (int i = 0; i < kParts; ++i) {
        Json labels = Json::array();
        for (const auto& [label, n] : counts[i]->perLabel) {
            labels.push_back({{"label", label}, {"count", n}});
        }
        parts[kPartNames[i]] = {{"total", counts[i]->total}, {"labels", labels}};
    }
    j["parts"] = parts;
    j["excluded"] = {{"unlabelled", r.excludedUnlabelled}, {"dropped", r.excludedDropped}};
    j["leakage"] = {{"duplicate_groups", r.duplicateGroups},
                    {"texts_in_two_parts", r.textsInTwoParts}};
    return j.dump(withId ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

void checkStop(const Progress& progress) {
    if (progress.stopRequested()) {
        throw Error(ErrorCode::Cancelled, "split cancelled; no split was saved");
    }
}

}  // namespace

std::vector<double> SplitOptions::parseRatios(const std::string& s) {
    std::vector<double> values;
    size_t start = 0;
    while (start <= s.size()) {
        size_t comma = s.find(',', start);
        if (comma == std::string::npos) comma = s.size();
        std::string item = s.substr(start, comma - start);
        start = comma + 1;
        const auto first = item.find_first_not_of(" \t");
        const auto last = item.find_last_not_of(" \t%");
        item = first == std::string::npos || last == std::string::npos || last < first
                   ? ""
                   : item.substr(first, last - first + 1);
        // The classic locale: a GUI may have set a decimal comma for the process.
        std::istringstream in(item);
        in.imbue(std::locale::classic());
        double v = 0;
        in >> v;
        if (item.empty() || in.fail() || !in.eof() || !std::isfinite(v)) {
            throw Error(ErrorCode::InvalidArgument,
                        "split ratio '" + item + "' in '" + s + "' is not a number");
        }
        if (v < 0) {
            throw Error(ErrorCode::InvalidArgument,
                        "split ratio '" + item + "' in '" + s + "' is negative");
        }
        values.push_back(v);
    }
    if (values.size() != kParts) {
        throw Error(ErrorCode::InvalidArgument,
                    "split ratios '" + s + "' need three values: train, validation, test");
    }
    const double sum = values[0] + values[1] + values[2];
    if (std::fabs(sum - 100.0) < 1e-6) {
        for (double& v : values) v /= 100.0;
    } else if (std::fabs(sum - 1.0) > 1e-6) {
        throw Error(ErrorCode::InvalidArgument,
                    "split ratios '" + s + "' sum to " + formatNumber(sum) +
                        ": give percentages that sum to 100 (70,15,15) or fractions that sum "
                        "to 1 (0.7,0.15,0.15)");
    }
    return values;
}

std::string SplitReport::toJson() const { return reportJson(*this, true); }

SplitReport splitDataset(store::Project& project, int64_t datasetId, const SplitOptions& options,
                         const Progress& progress) {
    const auto dataset = project.dataset(datasetId);
    if (!dataset) {
        throw Error(ErrorCode::NotFound,
                    "dataset " + std::to_string(datasetId) + " does not exist");
    }
    validateRatios(options.ratios);
    progress.progress(0.0, "Reading rows");

    std::vector<std::string> labels = project.labels(datasetId);
    std::unordered_map<std::string, size_t> labelIndex;
    for (size_t i = 0; i < labels.size(); ++i) labelIndex.emplace(labels[i], i);

    SplitReport report;
    report.seed = options.seed;
    report.ratios = options.ratios;
    report.stratified = options.stratify;

    // Rows in id order, grouped by their effective text (cleaned if cleaned), so
    // identical texts can be kept in one part.
    std::vector<EligibleRow> rows;
    std::vector<Group> groups;
    std::unordered_map<std::string, size_t> groupOf;
    {
        store::Statement s(project.handle(),
                           "SELECT id, text, text_pair, label, clean_text, clean_pair, dropped "
                           "FROM rows WHERE dataset_id = ? ORDER BY id");
        s.bind(1, datasetId);
        while (s.step()) {
            if (s.int64(6) != 0) {
                ++report.excludedDropped;
                continue;
            }
            const auto label = s.optionalText(3);
            if (!label) {
                ++report.excludedUnlabelled;
                continue;
            }
            auto li = labelIndex.find(*label);
            if (li == labelIndex.end()) {
                // A label missing from the label set (a database edited by hand):
                // append it so that it is counted rather than lost.
                li = labelIndex.emplace(*label, labels.size()).first;
                labels.push_back(*label);
            }
            const std::string text = s.isNull(4) ? s.text(1) : s.text(4);
            const auto pair = s.isNull(5) ? s.optionalText(2) : s.optionalText(5);
            auto [it, inserted] = groupOf.try_emplace(textKey(text, pair), groups.size());
            if (inserted) groups.emplace_back();
            groups[it->second].rows.push_back(rows.size());
            rows.push_back({s.int64(0), li->second, it->second});
            if (rows.size() % 4096 == 0) checkStop(progress);
        }
    }
    checkStop(progress);

    std::vector<int64_t> classSize(labels.size(), 0);
    for (const auto& r : rows) ++classSize[r.label];
    std::vector<size_t> classes;
    for (size_t i = 0; i < labels.size(); ++i) {
        if (classSize[i] > 0) classes.push_back(i);
    }
    if (classes.empty()) {
        throw Error(ErrorCode::InvalidArgument,
                    "dataset '" + dataset->name +
                        "' has no labelled rows to split (dropped and unlabelled rows are left "
                        "out): label rows first");
    }
    if (classes.size() == 1) {
        throw Error(ErrorCode::InvalidArgument,
                    "only one class ('" + labels[classes[0]] +
                        "') has labelled rows: a classifier needs at least two");
    }

    // A group's label for stratification is its majority label; ties go to the
    // label first in the label set.
    for (Group& g : groups) {
        std::unordered_map<size_t, int64_t> votes;
        for (size_t r : g.rows) ++votes[rows[r].label];
        int64_t best = -1;
        for (const auto& [label, n] : votes) {
            if (n > best || (n == best && label < g.label)) {
                best = n;
                g.label = label;
            }
        }
        if (g.rows.size() > 1) ++report.duplicateGroups;
    }

    // Strata: one per class (label-set order) or one for everything; each holds
    // group indices in order of their first row.
    std::vector<std::vector<size_t>> strata;
    if (options.stratify) {
        std::vector<size_t> stratumOf(labels.size(), 0);
        for (size_t k = 0; k < classes.size(); ++k) stratumOf[classes[k]] = k;
        strata.resize(classes.size());
        for (size_t g = 0; g < groups.size(); ++g) strata[stratumOf[groups[g].label]].push_back(g);
    } else {
        strata.emplace_back(groups.size());
        std::iota(strata[0].begin(), strata[0].end(), size_t{0});
    }

    const auto weights = weightsOf(options.ratios);
    std::array<int64_t, kParts> allocated{};
    int64_t allocatedRows = 0;
    std::vector<std::array<int64_t, kParts>> targets;
    for (const auto& stratum : strata) {
        int64_t n = 0;
        for (size_t g : stratum) n += static_cast<int64_t>(groups[g].rows.size());
        targets.push_back(allocate(n, weights, allocated, allocatedRows));
    }
    for (int p = 0; p < kParts; ++p) {
        if (weights[p] > 0 && allocated[p] == 0) {
            throw Error(ErrorCode::InvalidArgument,
                        "too few rows to split: with " + std::to_string(rows.size()) +
                            " labelled rows and ratios '" + formatRatios(options.ratios) +
                            "' the " + kPartNames[p] + " part would be empty");
        }
    }

    // Groups are placed in a seeded random order, larger groups first so they
    // still fit; each goes to a part that has room for it, chosen with
    // probability proportional to the room left. For single rows this draws a
    // uniformly random split with exactly the allocated part sizes.
    util::Random rng(options.seed);
    for (size_t k = 0; k < strata.size(); ++k) {
        std::vector<size_t> order = strata[k];
        rng.shuffle(order);
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            return groups[a].rows.size() > groups[b].rows.size();
        });
        std::array<int64_t, kParts> room = targets[k];
        for (size_t g : order) {
            const auto size = static_cast<int64_t>(groups[g].rows.size());
            uint64_t fitting = 0;
            for (int p = 0; p < kParts; ++p) {
                if (weights[p] > 0 && room[p] >= size) fitting += static_cast<uint64_t>(room[p]);
            }
            int part = -1;
            if (fitting > 0) {
                uint64_t pick = rng.below(fitting);
                for (int p = 0; p < kParts; ++p) {
                    if (weights[p] == 0 || room[p] < size) continue;
                    if (pick < static_cast<uint64_t>(room[p])) {
                        part = p;
                        break;
                    }
                    pick -= static_cast<uint64_t>(room[p]);
                }
            } else {
                // A group larger than any part's room left: the part with the most.
                for (int p = 0; p < kParts; ++p) {
                    if (weights[p] > 0 && (part < 0 || room[p] > room[part])) part = p;
                }
            }
            groups[g].part = part;
            room[part] -= size;
        }
        checkStop(progress);
        progress.progress(0.2 + 0.6 * static_cast<double>(k + 1) / strata.size(), "Splitting");
    }

    // Counts, and the leakage check done from the row assignment itself rather
    // than trusted from the construction above.
    std::vector<std::array<int64_t, kParts>> perLabel(labels.size(), std::array<int64_t, kParts>{});
    std::vector<uint8_t> partsOfGroup(groups.size(), 0);
    std::vector<std::pair<int64_t, store::SplitPart>> assignment;
    assignment.reserve(rows.size());
    for (const auto& r : rows) {
        const int part = groups[r.group].part;
        ++perLabel[r.label][part];
        partsOfGroup[r.group] |= static_cast<uint8_t>(1u << part);
        assignment.emplace_back(r.id, static_cast<store::SplitPart>(part));
    }
    for (uint8_t mask : partsOfGroup) {
        if (mask & (mask - 1)) ++report.textsInTwoParts;
    }
    if (report.textsInTwoParts != 0) {
        throw Error(ErrorCode::Internal, std::to_string(report.textsInTwoParts) +
                                             " texts landed in two parts of the split; "
                                             "nothing was saved");
    }
    PartCounts* counts[kParts] = {&report.train, &report.validation, &report.test};
    for (int p = 0; p < kParts; ++p) {
        for (size_t l = 0; l < labels.size(); ++l) {
            counts[p]->perLabel.emplace_back(labels[l], perLabel[l][p]);
            counts[p]->total += perLabel[l][p];
        }
    }
    if (options.stratify) {
        for (size_t l : classes) {
            for (int p = 0; p < kParts; ++p) {
                if (weights[p] > 0 && perLabel[l][p] == 0) {
                    progress.event(LogLevel::Warning, "class '" + labels[l] + "' has no rows in " +
                                                          kPartNames[p] + " (" +
                                                          std::to_string(classSize[l]) +
                                                          " labelled rows in all)");
                }
            }
        }
    }

    checkStop(progress);
    progress.progress(0.9, "Saving the split");
    report.splitId = project.saveSplit(datasetId, options.seed, options.ratios, options.stratify,
                                       assignment, reportJson(report, false));
    progress.progress(1.0, "Saving the split");
    return report;
}

}  // namespace ft::data
