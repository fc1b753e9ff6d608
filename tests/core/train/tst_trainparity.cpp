// Training parity with Hugging Face's Trainer: from the initial weights in
// ../shared/fixtures/hf/models/<arch>-tiny-train-init and the eight recorded batches, the
// per-step losses, learning rates, pre-clip gradient norms and the final evaluation logits
// must agree with train_trace.json.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <QtTest>

#include "error.h"
#include "models/model.h"
#include "train/stepper.h"

using nlohmann::json;

namespace {

const std::string kModels = std::string(FT_SHARED_DIR) + "/fixtures/hf/models/";

json readJson(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    return json::parse(in);
}

ft::models::Batch toBatch(const json& ids, const json& mask, const json* labels) {
    ft::models::Batch b;
    b.batch = static_cast<int64_t>(ids.size());
    b.length = static_cast<int64_t>(ids.at(0).size());
    for (const auto& row : ids)
        for (const auto& v : row) b.inputIds.push_back(v.get<int64_t>());
    for (const auto& row : mask)
        for (const auto& v : row) b.attentionMask.push_back(v.get<int64_t>());
    if (labels)
        for (const auto& v : *labels) b.labels.push_back(v.get<int64_t>());
    return b;
}

}  // namespace

class TstTrainParity : public QObject {
    Q_OBJECT

private slots:
    void trace_data();
    void trace();
};

void TstTrainParity::trace_data() {
    QTest::addColumn<QString>("arch");
    for (const char* a : {"bert", "distilbert", "roberta", "gpt2", "xlnet"})
        QTest::newRow(a) << QString(a);
}

void TstTrainParity::trace() {
    QFETCH(QString, arch);
    const std::string folder = kModels + arch.toStdString() + "-tiny-train-init";
    const json trace = readJson(folder + "/train_trace.json");

    std::optional<ft::models::Model> opened;
    try {
        opened = ft::models::Model::open(folder);
    } catch (const ft::Error& e) {
        QFAIL(e.what());
    }
    ft::models::Model& model = *opened;

    ft::train::OptimizerOptions o;
    o.learningRate = trace.at("lr").get<double>();
    o.weightDecay = trace.at("weight_decay").get<double>();
    o.schedule = ft::train::ScheduleKind::Linear;
    o.warmupSteps = trace.at("warmup_steps").get<int64_t>();
    o.totalSteps = trace.at("total_steps").get<int64_t>();
    o.maxGradNorm = trace.at("clip_grad_norm").get<double>();
    ft::train::Stepper stepper(model, o);

    auto decay = stepper.decayParameterNames();
    auto expectedDecay = trace.at("decay_params").get<std::vector<std::string>>();
    std::sort(decay.begin(), decay.end());
    std::sort(expectedDecay.begin(), expectedDecay.end());
    QCOMPARE(decay, expectedDecay);

    const auto& batches = trace.at("batches");
    const auto& losses = trace.at("losses");
    const auto& lrs = trace.at("lr_used");
    const auto& norms = trace.at("grad_norm_before_clip");
    double maxLoss = 0, maxNorm = 0;
    for (size_t i = 0; i < batches.size(); ++i) {
        const auto& b = batches[i];
        const double loss =
            stepper.accumulate(toBatch(b.at("input_ids"), b.at("attention_mask"), &b.at("labels")));
        const auto s = stepper.update();
        const double dl = std::abs(loss - losses[i].get<double>());
        const double dn = std::abs(s.gradNorm - norms[i].get<double>());
        maxLoss = std::max(maxLoss, dl);
        maxNorm = std::max(maxNorm, dn);
        if (s.lr != lrs[i].get<double>())
            QFAIL(qPrintable(QString("step %1: lr %2 != %3")
                                 .arg(i)
                                 .arg(s.lr, 0, 'g', 17)
                                 .arg(lrs[i].get<double>(), 0, 'g', 17)));
        if (dl > 1e-4 || dn > 1e-4)
            QFAIL(qPrintable(QString("step %1: loss %2 vs %3, grad norm %4 vs %5")
                                 .arg(i)
                                 .arg(loss, 0, 'g', 9)
                                 .arg(losses[i].get<double>(), 0, 'g', 9)
                                 .arg(s.gradNorm, 0, 'g', 9)
                                 .arg(norms[i].get<double>(), 0, 'g', 9)));
    }

    const auto r = model.forward(
        toBatch(trace.at("eval_input_ids"), trace.at("eval_attention_mask"), nullptr));
    const auto& expected = trace.at("final_eval_logits");
    const size_t labels = expected.at(0).size();
    QCOMPARE(r.logits.size(), expected.size() * labels);
    double maxLogit = 0;
    for (size_t row = 0; row < expected.size(); ++row)
        for (size_t k = 0; k < labels; ++k)
            maxLogit = std::max(
                maxLogit, std::abs(r.logits[row * labels + k] - expected[row][k].get<double>()));
    qInfo("%s: max |loss diff| %.3g, max |grad norm diff| %.3g, max |logit diff| %.3g",
          qPrintable(arch), maxLoss, maxNorm, maxLogit);
    QVERIFY2(maxLogit <= 1e-4, qPrintable(QString("final logits differ by %1").arg(maxLogit)));
}

QTEST_GUILESS_MAIN(TstTrainParity)
#include "tst_trainparity.moc"
