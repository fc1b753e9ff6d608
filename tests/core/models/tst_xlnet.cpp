// XLNet against Hugging Face transformers: logits and hidden states of the xlnet-tiny
// fixture, the save -> load round trip, the tokenizer's conventions, padding, a fresh
// head and config validation.
#include <algorithm>
#include <cmath>
#include <cstring>

#include <nlohmann/json.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "core/models/referencebatch.h"
#include "error.h"
#include "io/modelconfig.h"
#include "io/safetensors.h"
#include "models/model.h"
#include "text/tokenizer.h"

using ft::models::Batch;
using ft::models::Model;

namespace {

const QString kFolder = QStringLiteral(FT_SHARED_DIR "/fixtures/hf/models/xlnet-tiny");

using ft::test::flatten;
using ft::test::ints;
using ft::test::maxAbsDiff;
using ft::test::readJson;

nlohmann::json fixtureConfig() {
    QFile f(kFolder + "/config.json");
    if (!f.open(QIODevice::ReadOnly)) return {};
    return nlohmann::json::parse(f.readAll().toStdString());
}

// One row of a batch as a batch of its own.
Batch row(const Batch& b, int64_t r) {
    Batch out;
    out.batch = 1;
    out.length = b.length;
    auto slice = [&](const std::vector<int64_t>& v) {
        if (v.empty()) return std::vector<int64_t>();
        return std::vector<int64_t>(v.begin() + r * b.length, v.begin() + (r + 1) * b.length);
    };
    out.inputIds = slice(b.inputIds);
    out.attentionMask = slice(b.attentionMask);
    out.tokenTypeIds = slice(b.tokenTypeIds);
    return out;
}

}  // namespace

class TestXLNet : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesTransformers() {
        const QJsonObject ref = readJson(kFolder + "/reference.json");
        QVERIFY(!ref.isEmpty());
        const Model model = Model::open(kFolder.toStdString());
        QCOMPARE(QString::fromStdString(model.info().architecture),
                 ref.value("model_class").toString());
        QCOMPARE(model.info().modelType, std::string("xlnet"));
        QVERIFY(model.report().newWeights.empty());
        QVERIFY(model.report().unexpectedKeys.empty());
        QVERIFY(model.tokenizer() != nullptr);
        QCOMPARE(model.info().tokenizerKind, std::string("Unigram"));
        QCOMPARE(model.info().labels,
                 (std::vector<std::string>{"negative", "neutral", "positive"}));
        QCOMPARE(model.info().layers, int64_t(2));
        QCOMPARE(model.info().hidden, int64_t(32));
        QCOMPARE(model.info().heads, int64_t(4));
        QCOMPARE(model.info().vocab, int64_t(1000));

        const auto r = model.forward(ft::test::referenceBatch(ref), true);
        QCOMPARE(r.logitsShape, (std::vector<int64_t>{3, 3}));
        std::vector<double> logits;
        flatten(ref.value("logits"), logits);
        const double dl = maxAbsDiff(r.logits, logits);
        // hidden_states: the embedding output, then every layer's output_h, [B, T, d_model].
        const auto hs = ref.value("hidden_states").toArray();
        QCOMPARE(r.hiddenStates.size(), static_cast<size_t>(hs.size()));
        QCOMPARE(r.hiddenShape, (std::vector<int64_t>{3, 12, 32}));
        double dh = 0;
        for (int i = 0; i < hs.size(); ++i) {
            std::vector<double> want;
            flatten(hs.at(i), want);
            const double d = maxAbsDiff(r.hiddenStates[static_cast<size_t>(i)], want);
            qInfo("xlnet-tiny: hidden state %d: max |diff| %.3g", i, d);
            dh = std::max(dh, d);
        }
        qInfo("xlnet-tiny: max |logits diff| %.3g, max |hidden diff| %.3g", dl, dh);
        QVERIFY2(dl <= 1e-5, qPrintable(QString::number(dl)));
        QVERIFY2(dh <= 1e-4, qPrintable(QString::number(dh)));
    }

    // The loss with labels is the mean cross entropy of the logits.
    void lossIsCrossEntropy() {
        const Model model = Model::open(kFolder.toStdString());
        Batch b = ft::test::referenceBatch(readJson(kFolder + "/reference.json"));
        b.labels = {2, 0, 1};
        const auto r = model.forward(b);
        QVERIFY(r.loss.has_value());
        double want = 0;
        for (int64_t i = 0; i < b.batch; ++i) {
            const float* l = r.logits.data() + i * 3;
            const double m = *std::max_element(l, l + 3);
            double sum = 0;
            for (int k = 0; k < 3; ++k) sum += std::exp(double(l[k]) - m);
            want += m + std::log(sum) - l[b.labels[static_cast<size_t>(i)]];
        }
        want /= static_cast<double>(b.batch);
        QVERIFY2(std::abs(*r.loss - want) < 1e-6, qPrintable(QString::number(*r.loss - want)));
    }

    // Segments enter through relative segment encodings: a row in one segment gets the
    // same segment score for every key, which softmax cancels, so leaving token types out
    // (transformers then drops the term) matches all zeros; two segments change the
    // result. A full row needs no attention mask.
    void tokenTypesAndMasks() {
        const Model model = Model::open(kFolder.toStdString());
        const Batch ref = ft::test::referenceBatch(readJson(kFolder + "/reference.json"));
        const auto close = [](const std::vector<float>& a, const std::vector<float>& b) {
            double m = 0;
            for (size_t i = 0; i < a.size(); ++i) m = std::max(m, double(std::abs(a[i] - b[i])));
            return a.size() == b.size() && m < 1e-6;
        };
        const Batch oneSegment = row(ref, 1);  // type ids all 0
        Batch none = oneSegment;
        none.tokenTypeIds.clear();
        const auto last = [&](const Batch& b) {
            return model.forward(b, true).hiddenStates.back();
        };
        QVERIFY(close(last(none), last(oneSegment)));

        const Batch twoSegments = row(ref, 0);  // type ids 0 then 1
        Batch untyped = twoSegments;
        untyped.tokenTypeIds.clear();
        QVERIFY(!close(last(untyped), last(twoSegments)));

        Batch noMask = twoSegments;
        noMask.attentionMask.clear();
        QVERIFY(close(last(noMask), last(twoSegments)));
    }

    // The checkpoint's spiece.model with XLNet's conventions: <sep> <cls> appended, type
    // id 2 for <cls>, padding on the left.
    void tokenizerConventions() {
        const Model model = Model::open(kFolder.toStdString());
        const auto* tk = model.tokenizer();
        QVERIFY(tk);
        const auto e = tk->encode("Hello, world!");
        QCOMPARE(e.ids, (std::vector<int32_t>{333, 80, 25, 16, 452, 143, 4, 3}));
        QCOMPARE(e.typeIds, (std::vector<int32_t>{0, 0, 0, 0, 0, 0, 0, 2}));
        ft::text::EncodeOptions o;
        o.padding = ft::text::PaddingStrategy::Longest;
        const auto batch = tk->encodeBatch({"Hello, world!", "Hello"}, o);
        QCOMPARE(batch[1].size(), batch[0].size());
        QCOMPARE(batch[1].ids.front(), 5);  // <pad>
        QCOMPARE(batch[1].attentionMask.front(), 0);
        QCOMPARE(batch[1].ids.back(), 3);  // <cls> last: what the summary reads
    }

    // With left padding the summarised <cls> is the last position of every row, and
    // relative positions make the result independent of how much padding precedes it.
    void leftPaddingInvariance() {
        const Model m = Model::open(kFolder.toStdString());
        const auto alone = m.predict({"short"});
        const auto padded =
            m.predict({"short", "a much longer text that forces padding of the first"});
        QCOMPARE(alone[0].probabilities.size(), size_t(3));
        for (size_t i = 0; i < alone[0].probabilities.size(); ++i)
            QVERIFY(std::abs(alone[0].probabilities[i] - padded[0].probabilities[i]) < 1e-6);
    }

    void roundTripIsBitIdentical() {
        QTemporaryDir dir;
        const std::string out = dir.path().toStdString() + "/saved";
        const Model a = Model::open(kFolder.toStdString());
        a.save(out);
        QVERIFY(QFile::exists(dir.path() + "/saved/spiece.model"));
        const Model b = Model::open(out);
        QCOMPARE(b.info().architecture, a.info().architecture);
        QCOMPARE(b.config().common.labels, a.config().common.labels);
        QVERIFY(b.report().newWeights.empty());
        QVERIFY(b.report().unexpectedKeys.empty());
        const ft::io::SafetensorsFile orig((kFolder + "/model.safetensors").toStdString());
        const ft::io::SafetensorsFile saved(out + "/model.safetensors");
        QCOMPARE(saved.entries().size(), orig.entries().size());
        for (const auto& e : orig.entries()) {
            const auto* s = saved.find(e.name);
            QVERIFY2(s, e.name.c_str());
            QCOMPARE(s->shape, e.shape);
            QVERIFY2(s->byteSize() == e.byteSize() &&
                         std::memcmp(saved.data(*s), orig.data(e), e.byteSize()) == 0,
                     e.name.c_str());
        }
        // The saved config.json keeps XLNet's fields.
        const auto x = std::get<ft::io::XLNetConfig>(b.config().arch);
        QCOMPARE(x.dModel, int64_t(32));
        QCOMPARE(x.dHead, int64_t(8));
        QCOMPARE(x.dInner, int64_t(64));
        QCOMPARE(x.summaryType, std::string("last"));
        QVERIFY(x.summaryActivation.has_value());
        QCOMPARE(b.config().raw.value("mem_len", 0), 512);
        const Batch batch = ft::test::referenceBatch(readJson(kFolder + "/reference.json"));
        QCOMPARE(b.forward(batch).logits, a.forward(batch).logits);
    }

    // Another label count replaces logits_proj only; the summary projection is kept.
    void relabelledHead() {
        ft::models::LoadOptions o;
        o.labels = {"a", "b", "c", "d", "e"};
        const Model m = Model::open(kFolder.toStdString(), o);
        auto fresh = m.report().newWeights;
        std::sort(fresh.begin(), fresh.end());
        QCOMPARE(fresh, (std::vector<std::string>{"logits_proj.bias", "logits_proj.weight"}));
        const auto p = m.predict({"a short text", "another one"});
        QCOMPARE(p.at(1).probabilities.size(), size_t(5));
    }

    // A model built from the config is initialised as transformers does: the relative
    // attention parameters and mask_emb ~ normal(0, 0.02), not zero.
    void createdFromConfig() {
        const auto config = ft::io::parseConfig(fixtureConfig());
        const Model m = Model::create(config);
        QVERIFY(m.report().randomlyInitialised);
        QCOMPARE(m.info().architecture, std::string("XLNetForSequenceClassification"));
        const QJsonObject ref = readJson(kFolder + "/reference.json");
        const auto r = m.forward(ft::test::referenceBatch(ref), true);
        QCOMPARE(r.logits.size(), size_t(9));
        for (float v : r.logits) QVERIFY(std::isfinite(v));
        QTemporaryDir dir;
        m.save(dir.path().toStdString());
        const ft::io::SafetensorsFile saved(dir.path().toStdString() + "/model.safetensors");
        for (const char* name :
             {"transformer.layer.0.rel_attn.q", "transformer.layer.1.rel_attn.r",
              "transformer.layer.0.rel_attn.r_w_bias", "transformer.layer.1.rel_attn.seg_embed",
              "transformer.mask_emb"}) {
            const auto* e = saved.find(name);
            QVERIFY2(e, name);
            const auto* f = reinterpret_cast<const float*>(saved.data(*e));
            const size_t n = e->byteSize() / sizeof(float);
            double sum = 0, sq = 0;
            for (size_t i = 0; i < n; ++i) {
                sum += f[i];
                sq += double(f[i]) * f[i];
            }
            const double sd = std::sqrt(sq / n - (sum / n) * (sum / n));
            QVERIFY2(sd > 0.01 && sd < 0.04, qPrintable(QString("%1: sd %2").arg(name).arg(sd)));
        }
    }

    void rejectsWhatItCannotRun() {
        const auto base = fixtureConfig();
        const auto fails = [&](const char* key, const nlohmann::json& value) {
            auto j = base;
            j[key] = value;
            try {
                ft::io::parseConfig(j);
            } catch (const ft::Error& e) {
                return QString::fromUtf8(e.what()).contains(QString::fromUtf8(key));
            }
            return false;
        };
        QVERIFY(fails("attn_type", "uni"));
        QVERIFY(fails("bi_data", true));
        QVERIFY(fails("d_head", 16));
        QVERIFY(fails("n_head", 5));
        QVERIFY(fails("summary_type", "attn"));
        QVERIFY(fails("ff_activation", "swiglu"));
        auto noModel = base;
        noModel.erase("d_model");
        QVERIFY_THROWS_EXCEPTION(ft::Error, ft::io::parseConfig(noModel));
        // A causal or masked LM head is not offered for XLNet.
        ft::models::LoadOptions o;
        o.task = ft::models::Task::CausalLM;
        QVERIFY_THROWS_EXCEPTION(ft::Error, Model::open(kFolder.toStdString(), o));
        // The longest input offered is 512 tokens.
        QCOMPARE(ft::io::parseConfig(base).summary().maxPositions, int64_t(512));
    }
};

QTEST_GUILESS_MAIN(TestXLNet)
#include "tst_xlnet.moc"
