#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "data/reader.h"
#include "progress.h"

namespace ft::store {
class Project;
}

namespace ft::data {

// Which columns hold what, by column name (as in Detection::columns).
struct ColumnMapping {
    std::string text;
    std::string textPair;  // "" = single-text task
    std::string label;     // "" = unlabelled import (label later in the rows table)
    std::map<std::string, std::string> labelRenames;  // raw value -> shown label
};

std::string toJson(const ColumnMapping& m);
ColumnMapping columnMappingFromJson(const std::string& json);

struct ImportRequest {
    std::string path;
    FormatOptions format;       // may hold Auto members: resolved by detect()
    ColumnMapping mapping;
    std::string datasetName;    // "" = the newest dataset, or a new one named after the file
};

struct ImportResult {
    int64_t datasetId = 0;
    int64_t sourceId = 0;
    int64_t rows = 0;
    int64_t unlabelled = 0;
    int64_t skipped = 0;
    std::vector<ReadWarning> warnings;
    std::vector<std::pair<std::string, int64_t>> labelCounts;  // this source's rows
};

// Reads `request.path` and appends its rows to a dataset in one transaction:
// on any error (or cancel) the project is exactly as before. Records the source
// (path, size, SHA-256, resolved format, mapping). Throws ft::Error with file,
// line and column for a mapping to a column that does not exist, a label column
// that is empty everywhere, malformed rows, etc.
ImportResult importFile(store::Project& project, const ImportRequest& request,
                        const Progress& progress = {});

}  // namespace ft::data
