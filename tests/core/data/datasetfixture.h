#pragma once

// Builds a dataset through the store API, for the tests of the steps after import
// (cleaning, splitting, stats): the importer is not under test there.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/project.h"
#include "store/sqlite.h"

namespace ft::test {

struct TestRow {
    std::string text;
    std::optional<std::string> label;
};

inline int64_t makeDataset(store::Project& p, const std::vector<TestRow>& rows,
                           const std::string& name = "d", const std::string& path = "rows.tsv",
                           const std::string& sha256 = "0") {
    const int64_t ds = p.createDataset(name);
    store::Transaction tx(p.handle());
    store::SourceInfo src;
    src.datasetId = ds;
    src.path = path;
    src.sha256 = sha256;
    src.formatJson = "{}";
    src.mappingJson = "{}";
    const int64_t sourceId = p.addSource(src);
    store::RowInserter ins(p.handle(), ds, sourceId);
    for (size_t i = 0; i < rows.size(); ++i) {
        ins.insert(static_cast<int64_t>(i), static_cast<int64_t>(i) + 1, rows[i].text, std::nullopt,
                   rows[i].label, rows[i].label);
    }
    p.updateSourceCounts(sourceId, static_cast<int64_t>(rows.size()), 0, "[]");
    tx.commit();
    return ds;
}

}  // namespace ft::test
