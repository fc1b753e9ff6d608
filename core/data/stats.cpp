#include "data/stats.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "error.h"
#include "store/project.h"
#include "store/sqlite.h"

namespace ft::data {

namespace {

using Json = nlohmann::json;

// Code points in UTF-8: every byte that is not a continuation byte starts one
// (an invalid byte counts as one character, as a replacement would).
int64_t codePoints(const std::string& s) {
    int64_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace

std::string DatasetStats::toJson() const {
    Json j;
    j["dataset"] = {{"id", datasetId}, {"name", name}};
    j["rows"] = rows;
    j["labelled"] = labelled;
    j["unlabelled"] = unlabelled;
    j["dropped"] = dropped;
    j["labels"] = Json::array();
    for (const auto& [label, count] : labelCounts) {
        j["labels"].push_back({{"label", label}, {"count", count}});
    }
    j["length"] = {{"min", minLength},
                   {"max", maxLength},
                   {"mean", meanLength},
                   {"median", medianLength},
                   {"bin_start", minLength},
                   {"bin_width", lengthBinWidth},
                   {"histogram", lengthHistogram}};
    if (split) {
        j["split"] = {{"id", split->id},         {"seed", split->seed},
                      {"ratios", split->ratios}, {"stratified", split->stratified},
                      {"train", split->train},   {"validation", split->validation},
                      {"test", split->test}};
    } else {
        j["split"] = nullptr;
    }
    j["cleaning"] = nullptr;
    if (cleaningPipeline) {
        // Stored by applyCleaning, so it parses; a hand-edited one is shown as text.
        const Json pipeline = Json::parse(*cleaningPipeline, nullptr, false);
        j["cleaning"] = pipeline.is_discarded() ? Json(*cleaningPipeline) : pipeline;
    }
    j["sources"] = Json::array();
    for (const auto& s : sources) {
        j["sources"].push_back({{"path", s.path}, {"rows", s.rows}, {"sha256", s.sha256}});
    }
    return j.dump(2, ' ', false, Json::error_handler_t::replace);
}

DatasetStats computeStats(store::Project& project, int64_t datasetId, int histogramBins) {
    if (histogramBins < 1) {
        throw Error(ErrorCode::InvalidArgument,
                    "histogram bins must be 1 or more, got " + std::to_string(histogramBins));
    }
    const auto info = project.dataset(datasetId);
    if (!info) {
        throw Error(ErrorCode::NotFound,
                    "dataset " + std::to_string(datasetId) + " does not exist");
    }
    DatasetStats st;
    st.datasetId = datasetId;
    st.name = info->name;

    std::vector<int64_t> lengths;
    store::Statement s(project.handle(),
                       "SELECT COALESCE(clean_text, text), label IS NOT NULL, dropped FROM rows "
                       "WHERE dataset_id = ?");
    s.bind(1, datasetId);
    while (s.step()) {
        ++st.rows;
        if (s.int64(2) != 0) {
            ++st.dropped;
            continue;
        }
        (s.int64(1) ? st.labelled : st.unlabelled) += 1;
        lengths.push_back(codePoints(s.text(0)));
    }
    for (const auto& lc : project.labelCounts(datasetId))
        st.labelCounts.emplace_back(lc.label, lc.count);

    if (!lengths.empty()) {
        std::sort(lengths.begin(), lengths.end());
        const size_t n = lengths.size();
        st.minLength = lengths.front();
        st.maxLength = lengths.back();
        double sum = 0;
        for (int64_t l : lengths) sum += static_cast<double>(l);
        st.meanLength = sum / static_cast<double>(n);
        st.medianLength = n % 2 ? static_cast<double>(lengths[n / 2])
                                : (lengths[n / 2 - 1] + lengths[n / 2]) / 2.0;
        // Integer-width bins from the shortest text, at most `histogramBins` of them.
        const int64_t span = st.maxLength - st.minLength + 1;
        st.lengthBinWidth = std::max<int64_t>(1, (span + histogramBins - 1) / histogramBins);
        st.lengthHistogram.assign(
            static_cast<size_t>((span + st.lengthBinWidth - 1) / st.lengthBinWidth), 0);
        for (int64_t l : lengths)
            ++st.lengthHistogram[static_cast<size_t>((l - st.minLength) / st.lengthBinWidth)];
    }

    if (const auto split = project.latestSplit(datasetId)) {
        SplitSummary sum;
        sum.id = split->id;
        sum.seed = split->seed;
        sum.ratios = split->ratios;
        sum.stratified = split->stratified;
        sum.train =
            static_cast<int64_t>(project.splitRowIds(split->id, store::SplitPart::Train).size());
        sum.validation = static_cast<int64_t>(
            project.splitRowIds(split->id, store::SplitPart::Validation).size());
        sum.test =
            static_cast<int64_t>(project.splitRowIds(split->id, store::SplitPart::Test).size());
        st.split = sum;
    }
    if (const auto cleaning = project.latestCleaning(datasetId))
        st.cleaningPipeline = cleaning->pipelineJson;
    for (const auto& src : project.sources(datasetId))
        st.sources.push_back({src.path, src.rowCount, src.sha256});
    return st;
}

}  // namespace ft::data
