#pragma once

// A real stored evaluation for the tests of the plots and the Evaluate page: a real
// dataset (../shared/data) imported and split in a real project, a real classifier
// (TF-IDF unigrams + logistic regression, fitted on the train part) whose probabilities
// on the test part are stored as a run's evaluation, with the JSON the evaluator
// documents (core/eval/evaluator.h) computed by the real metrics code: the report,
// the majority and TF-IDF 1-2 gram baselines with McNemar's test, and the sensitivity
// analysis. Nothing is hard-coded: every number comes from the data.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/importer.h"
#include "data/splitter.h"
#include "metrics/baselines.h"
#include "metrics/report.h"
#include "metrics/sensitivity.h"
#include "metrics/significance.h"
#include "store/project.h"

namespace ft::test {

struct StoredEvaluation {
    int64_t datasetId = 0;
    int64_t splitId = 0;
    int64_t runId = 0;
    int64_t evaluationId = 0;
    store::EvaluationInfo info;  // as read back from the project
    std::vector<store::PredictionRecord> predictions;
    std::vector<std::string> texts;  // per prediction
};

// The stored predictions packed as computeReport wants them (probabilities as stored).
inline metrics::Classification classificationOf(const std::vector<store::PredictionRecord>& preds,
                                                const std::vector<std::string>& labels) {
    metrics::Classification c;
    c.numClasses = static_cast<int>(labels.size());
    c.labels = labels;
    for (const store::PredictionRecord& p : preds) {
        c.yTrue.push_back(p.trueLabel);
        c.yPred.push_back(p.predicted);
        c.scores.emplace_back(p.probabilities.begin(), p.probabilities.end());
    }
    return c;
}

inline nlohmann::json sliceJson(const std::vector<metrics::SliceMetrics>& slices) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : slices) {
        out.push_back({{"name", s.name},
                       {"rows", s.rows},
                       {"accuracy", s.accuracy},
                       {"macro_f1", s.macroF1}});
    }
    return out;
}

// Imports request into the project, splits it (seed 42, 70/15/15, stratified), and
// stores an evaluation of a new run named runName on the test part. trainRows caps the
// training rows the classifiers see (keeps the test fast).
inline StoredEvaluation storeEvaluation(store::Project& project, const data::ImportRequest& request,
                                        const std::string& runName, size_t trainRows = 1500,
                                        int bootstrapResamples = 200, double learningRate = 5e-4) {
    StoredEvaluation out;
    out.datasetId = data::importFile(project, request).datasetId;
    out.splitId = data::splitDataset(project, out.datasetId, data::SplitOptions{}).splitId;
    const std::vector<std::string> labels = project.labels(out.datasetId);
    const int k = static_cast<int>(labels.size());
    auto labelIndex = [&labels](const std::string& l) {
        return static_cast<int>(std::find(labels.begin(), labels.end(), l) - labels.begin());
    };

    std::vector<std::string> trainTexts;
    std::vector<int> trainLabels;
    for (int64_t id : project.splitRowIds(out.splitId, store::SplitPart::Train)) {
        if (trainTexts.size() >= trainRows) break;
        const auto row = project.row(id);
        trainTexts.push_back(row->text);
        trainLabels.push_back(labelIndex(*row->label));
    }
    std::vector<int64_t> testIds = project.splitRowIds(out.splitId, store::SplitPart::Test);
    std::sort(testIds.begin(), testIds.end());
    std::vector<int> yTrue;
    for (int64_t id : testIds) {
        const auto row = project.row(id);
        out.texts.push_back(row->text);
        yTrue.push_back(labelIndex(*row->label));
    }

    metrics::TfidfBaselineOptions modelOptions;
    modelOptions.tfidf.maxN = 1;
    modelOptions.tfidf.sublinearTf = true;
    modelOptions.regression.c = 10;
    metrics::TfidfBaseline model(modelOptions);
    model.fit(trainTexts, trainLabels, k);

    // The "model": its probabilities rounded to float as the database stores them, its
    // prediction the most probable label (the lowest index on ties).
    auto predict = [&](const std::vector<std::string>& texts) {
        std::vector<store::PredictionRecord> preds;
        const auto proba = model.predictProba(texts);
        for (size_t i = 0; i < texts.size(); ++i) {
            store::PredictionRecord p;
            p.rowId = i < testIds.size() ? testIds[i] : 0;
            p.trueLabel = yTrue[i];
            p.probabilities.assign(proba[i].begin(), proba[i].end());
            p.predicted =
                static_cast<int>(std::max_element(p.probabilities.begin(), p.probabilities.end()) -
                                 p.probabilities.begin());
            preds.push_back(std::move(p));
        }
        return preds;
    };
    const std::vector<store::PredictionRecord> preds = predict(out.texts);
    const metrics::Classification c = classificationOf(preds, labels);
    metrics::ReportOptions reportOptions;
    reportOptions.bootstrap.resamples = bootstrapResamples;
    const metrics::Report report = metrics::computeReport(c, reportOptions);

    nlohmann::json baselines;
    baselines["model"] = {
        {"name", runName}, {"accuracy", report.accuracy}, {"f1_macro", report.scores.f1Macro}};
    baselines["baselines"] = nlohmann::json::array();
    metrics::MajorityBaseline majority;
    metrics::TfidfBaseline tfidf;
    for (metrics::TextClassifier* base :
         std::initializer_list<metrics::TextClassifier*>{&majority, &tfidf}) {
        base->fit(trainTexts, trainLabels, k);
        metrics::Classification bc = metrics::classify(*base, out.texts, yTrue, k);
        bc.labels = labels;
        const metrics::Report br = metrics::computeReport(bc, reportOptions);
        const metrics::McNemar m = metrics::mcnemar(yTrue, c.yPred, bc.yPred);
        baselines["baselines"].push_back({{"name", base->name()},
                                          {"accuracy", br.accuracy},
                                          {"f1_macro", br.scores.f1Macro},
                                          {"report", br.toJson()},
                                          {"mcnemar",
                                           {{"only_model", m.onlyA},
                                            {"only_baseline", m.onlyB},
                                            {"exact", m.exact},
                                            {"statistic", m.statistic},
                                            {"p_value", m.pValue}}}});
    }
    baselines["train_rows"] = trainTexts.size();

    nlohmann::json sensitivity;
    sensitivity["by_length"] = sliceJson(metrics::metricsByLength(c, out.texts, 4));
    sensitivity["by_class"] = sliceJson(metrics::metricsByClass(c));
    sensitivity["perturbations"] = nlohmann::json::array();
    for (metrics::Perturbation p :
         {metrics::Perturbation::Lowercase, metrics::Perturbation::NoPunctuation,
          metrics::Perturbation::Typos, metrics::Perturbation::TruncateHalf}) {
        const metrics::Classification pc =
            classificationOf(predict(metrics::perturb(out.texts, p)), labels);
        const metrics::SensitivityDelta d = metrics::compareMetrics(metrics::toString(p), c, pc);
        sensitivity["perturbations"].push_back({{"name", d.name},
                                                {"accuracy", d.accuracy},
                                                {"accuracy_delta", d.accuracyDelta},
                                                {"macro_f1", d.macroF1},
                                                {"macro_f1_delta", d.macroF1Delta},
                                                {"changed_predictions", d.changedPredictions}});
    }

    store::RunInfo run;
    run.name = runName;
    run.datasetId = out.datasetId;
    run.splitId = out.splitId;
    run.modelDir = "builtin:bert-tiny";
    run.configJson = nlohmann::json{
        {"name", runName},
        {"model", "builtin:bert-tiny"},
        {"learning_rate", learningRate},
        {"epochs", 3}}.dump();
    out.runId = project.createRun(run);
    project.finishRun(out.runId, store::RunStatus::Completed);

    store::EvaluationInfo info;
    info.runId = out.runId;
    info.splitId = out.splitId;
    info.part = store::SplitPart::Test;
    info.checkpoint = "best";
    info.checkpointPath = project.runsDir() + "/" + std::to_string(out.runId) + "/best";
    info.labels = labels;
    info.reportJson = report.toJson().dump();
    info.baselinesJson = baselines.dump();
    info.sensitivityJson = sensitivity.dump();
    info.seconds = 1.5;
    out.evaluationId = project.saveEvaluation(info, preds);
    out.info = *project.evaluation(out.evaluationId);
    out.predictions = project.predictions(out.evaluationId);
    return out;
}

inline std::string sharedFile(const char* relative) {
    return std::string(FT_SHARED_DIR) + "/" + relative;
}

// SMS Spam Collection ("ham\ttext" lines): two classes.
inline data::ImportRequest smsSpamRequest() {
    data::ImportRequest r;
    r.path = sharedFile("data/sms-spam/SMSSpamCollection");
    r.format.format = data::Format::Lines;
    r.format.separator = "\t";
    r.mapping.text = "text";
    r.mapping.label = "label";
    r.datasetName = "sms";
    return r;
}

// TREC question classification, coarse labels: six classes.
inline data::ImportRequest trecRequest() {
    data::ImportRequest r;
    r.path = sharedFile("data/trec/TREC.train");
    r.format.format = data::Format::Lines;
    r.format.separator = " ";
    r.format.labelPart = data::LabelPart::Coarse;
    r.mapping.text = "text";
    r.mapping.label = "label";
    r.datasetName = "trec";
    return r;
}

}  // namespace ft::test
