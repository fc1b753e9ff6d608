#pragma once

// Reading the Hugging Face reference outputs (fixtures/hf/models/*/reference.json)
// for the model tests.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "models/model.h"

namespace ft::test {

inline QJsonObject readJson(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// Flattens nested JSON arrays of numbers.
inline void flatten(const QJsonValue& v, std::vector<double>& out) {
    if (v.isArray())
        for (const auto& x : v.toArray()) flatten(x, out);
    else
        out.push_back(v.toDouble());
}

inline std::vector<int64_t> ints(const QJsonValue& v) {
    std::vector<double> d;
    flatten(v, d);
    return std::vector<int64_t>(d.begin(), d.end());
}

inline double maxAbsDiff(const std::vector<float>& got, const std::vector<double>& want) {
    if (got.size() != want.size()) return INFINITY;
    double m = 0;
    for (size_t i = 0; i < got.size(); ++i) m = std::max(m, std::abs(got[i] - want[i]));
    return m;
}

// The padded batch a reference was computed on (token types where the model takes them).
inline models::Batch referenceBatch(const QJsonObject& ref) {
    models::Batch b;
    const auto rows = ref.value("input_ids").toArray();
    b.batch = rows.size();
    b.length = rows.at(0).toArray().size();
    b.inputIds = ints(ref.value("input_ids"));
    b.attentionMask = ints(ref.value("attention_mask"));
    if (ref.value("token_type_ids").isArray()) b.tokenTypeIds = ints(ref.value("token_type_ids"));
    return b;
}

}  // namespace ft::test
