#include "deploy/jsonlexport.h"

#include <map>

#include <nlohmann/json.hpp>

#include "deploy/fileio.h"
#include "error.h"

namespace ft::deploy {

JsonlExportResult exportOpenAiJsonl(const store::Project& project, const std::string& path,
                                    const JsonlExportOptions& options, const Progress& progress) {
    if (path.empty()) throw Error(ErrorCode::InvalidArgument, "export-jsonl: no output file given");
    store::DatasetInfo ds;
    if (options.dataset.empty()) {
        ds = project.defaultDataset();
    } else {
        const auto found = project.datasetByName(options.dataset);
        if (!found)
            throw Error(ErrorCode::NotFound,
                        project.dir() + ": no dataset named '" + options.dataset + "'");
        ds = *found;
    }
    const auto split = project.latestSplit(ds.id);
    const std::string partName = options.part ? store::toString(*options.part) : "all";
    if (options.part && !split)
        throw Error(ErrorCode::NotFound, "dataset '" + ds.name + "' has no split, so it has no " +
                                             partName +
                                             " part: split it first (finetune data split)");

    store::RowFilter filter;
    filter.labelled = store::RowFilter::Labelled::Labelled;
    filter.includeDropped = false;
    filter.part = options.part;
    const int64_t total = project.rowCount(ds.id, filter);

    const auto labelSet = project.labels(ds.id);
    std::map<std::string, int64_t> counts;
    std::string out;
    JsonlExportResult result;
    result.path = path;
    const std::string system = options.system;
    constexpr int64_t kPage = 2000;
    int64_t done = 0;
    for (int64_t offset = 0;; offset += kPage) {
        if (progress.stopRequested())
            throw Error(ErrorCode::Cancelled, path + ": export cancelled; nothing was written");
        const auto rows = project.rows(ds.id, filter, offset, kPage);
        for (const auto& row : rows) {
            // "all" with a split means every part of it: rows outside the split (labelled
            // after it was made) belong to none.
            if (!options.part && split && !row.part) continue;
            if (!row.label) continue;
            std::string text = options.rawText || !row.cleanText ? row.text : *row.cleanText;
            const auto& pair = options.rawText || !row.cleanText ? row.textPair : row.cleanPair;
            if (pair) text += "\n" + *pair;
            nlohmann::json messages = nlohmann::json::array();
            if (!system.empty()) messages.push_back({{"role", "system"}, {"content", system}});
            messages.push_back({{"role", "user"}, {"content", text}});
            messages.push_back({{"role", "assistant"}, {"content", *row.label}});
            // Texts in the project are UTF-8 already; replace guards the promise of valid
            // UTF-8 output should a byte slip through.
            out += nlohmann::json{{"messages", messages}}.dump(
                -1, ' ', false, nlohmann::json::error_handler_t::replace);
            out += '\n';
            ++counts[*row.label];
            ++result.lines;
        }
        done += static_cast<int64_t>(rows.size());
        if (total > 0) progress.progress(static_cast<double>(done) / total, "Writing " + path);
        if (static_cast<int64_t>(rows.size()) < kPage) break;
    }
    if (result.lines == 0)
        throw Error(ErrorCode::InvalidArgument,
                    "dataset '" + ds.name + "', part " + partName +
                        ": no labelled rows to export (dropped and unlabelled rows are left out)");
    fileio::writeFileAtomic(path, out);
    result.bytes = static_cast<int64_t>(out.size());
    for (const auto& l : labelSet)
        if (const auto it = counts.find(l); it != counts.end())
            result.labels.push_back({l, it->second});
    return result;
}

}  // namespace ft::deploy
