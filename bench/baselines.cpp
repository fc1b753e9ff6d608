// TF-IDF + logistic regression baseline on AG News (test.csv, 7,600 rows): fit and predict
// speed and accuracy, rows 0, 5, 10, ... held out (1,520 rows), the rest trained on.
// Prints only.
#include "metrics/baselines.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

// RFC-4180 records with every field quoted: class index, title, description.
bool readAgNews(const std::string& path, std::vector<std::string>& texts,
                std::vector<int>& labels) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string data = ss.str();
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (size_t i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (quoted) {
            if (c == '"' && i + 1 < data.size() && data[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(std::move(field));
            field.clear();
        } else if (c == '\n') {
            fields.push_back(std::move(field));
            field.clear();
            if (fields.size() == 3) {
                labels.push_back(std::stoi(fields[0]) - 1);
                texts.push_back(fields[1] + " " + fields[2]);
            }
            fields.clear();
        } else if (c != '\r') {
            field += c;
        }
    }
    return !texts.empty();
}

double seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int main() {
    std::vector<std::string> texts;
    std::vector<int> labels;
    const std::string path = std::string(FT_SHARED_DIR) + "/data/ag-news/test.csv";
    if (!readAgNews(path, texts, labels)) {
        std::fprintf(stderr, "cannot read %s\n", path.c_str());
        return 1;
    }
    std::vector<std::string> trainTexts, testTexts;
    std::vector<int> trainLabels, testLabels;
    for (size_t i = 0; i < texts.size(); ++i) {
        (i % 5 == 0 ? testTexts : trainTexts).push_back(texts[i]);
        (i % 5 == 0 ? testLabels : trainLabels).push_back(labels[i]);
    }
    ft::metrics::TfidfBaseline model;
    auto start = std::chrono::steady_clock::now();
    model.fit(trainTexts, trainLabels, 4);
    const double fitS = seconds(start);
    start = std::chrono::steady_clock::now();
    const ft::metrics::Classification c = ft::metrics::classify(model, testTexts, testLabels, 4);
    const double predictS = seconds(start);
    std::printf(
        "tfidf-logreg: fit %zu rows in %.3f s (%.0f rows/s, vocabulary %zu, %d L-BFGS "
        "iterations); predict %zu rows in %.3f s (%.0f rows/s); accuracy %.4f\n",
        trainTexts.size(), fitS, static_cast<double>(trainTexts.size()) / fitS,
        model.vectorizer().vocabularySize(), model.regression().iterations(), testTexts.size(),
        predictS, static_cast<double>(testTexts.size()) / predictS, ft::metrics::accuracy(c));
    return 0;
}
