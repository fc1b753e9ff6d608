// The models against Hugging Face transformers: logits, hidden states and LM losses of
// the tiny fixture checkpoints, the real tiny-gpt2 folder, base checkpoints loaded into
// classifiers, and the save -> load round trip.
#include <algorithm>
#include <cmath>
#include <cstring>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "core/models/referencebatch.h"
#include "error.h"
#include "io/safetensors.h"
#include "models/model.h"
#include "text/tokenizer.h"

using ft::models::Batch;
using ft::models::Model;

namespace {

QString fixture(const QString& name) {
    return QStringLiteral(FT_SHARED_DIR "/fixtures/hf/models/") + name;
}

using ft::test::flatten;
using ft::test::ints;
using ft::test::maxAbsDiff;
using ft::test::readJson;

}  // namespace

class TestHfModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void classifiers_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("architecture");
        for (const char* n : {"bert-tiny", "distilbert-tiny", "roberta-tiny", "gpt2-tiny"})
            QTest::newRow(n) << QString(n) << QString();
    }
    void classifiers() {
        QFETCH(QString, name);
        const QJsonObject ref = readJson(fixture(name) + "/reference.json");
        QVERIFY(!ref.isEmpty());
        const Model model = Model::open(fixture(name).toStdString());
        QCOMPARE(QString::fromStdString(model.info().architecture),
                 ref.value("model_class").toString());
        QVERIFY(model.report().newWeights.empty());
        QVERIFY(model.report().unexpectedKeys.empty());
        QVERIFY(model.tokenizer() != nullptr);
        QCOMPARE(model.info().labels,
                 (std::vector<std::string>{"negative", "neutral", "positive"}));

        const auto r = model.forward(ft::test::referenceBatch(ref), true);
        std::vector<double> logits;
        flatten(ref.value("logits"), logits);
        const double dl = maxAbsDiff(r.logits, logits);
        const auto hs = ref.value("hidden_states").toArray();
        QCOMPARE(r.hiddenStates.size(), static_cast<size_t>(hs.size()));
        double dh = 0;
        for (int i = 0; i < hs.size(); ++i) {
            std::vector<double> want;
            flatten(hs.at(i), want);
            dh = std::max(dh, maxAbsDiff(r.hiddenStates[static_cast<size_t>(i)], want));
        }
        qInfo("%s: max |logits diff| %.3g, max |hidden diff| %.3g", qPrintable(name), dl, dh);
        QVERIFY2(dl <= 1e-5, qPrintable(QString::number(dl)));
        QVERIFY2(dh <= 1e-4, qPrintable(QString::number(dh)));
    }

    void languageModels_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("bert-tiny-lm") << "bert-tiny-lm";
        QTest::newRow("gpt2-tiny-lm") << "gpt2-tiny-lm";
    }
    void languageModels() {
        QFETCH(QString, name);
        const QJsonObject ref = readJson(fixture(name) + "/reference.json");
        const Model model = Model::open(fixture(name).toStdString());
        QCOMPARE(QString::fromStdString(model.info().architecture),
                 ref.value("model_class").toString());
        QVERIFY(model.report().newWeights.empty());
        QVERIFY(model.report().unexpectedKeys.empty());
        Batch b = ft::test::referenceBatch(ref);
        b.labels = b.inputIds;
        for (size_t i = 0; i < b.labels.size(); ++i)
            if (b.attentionMask[i] == 0) b.labels[i] = -100;
        const auto r = model.forward(b);
        std::vector<double> logits;
        flatten(ref.value("logits"), logits);
        const double dl = maxAbsDiff(r.logits, logits);
        QVERIFY(r.loss.has_value());
        const double dloss = std::abs(*r.loss - ref.value("loss").toDouble());
        qInfo("%s: max |logits diff| %.3g, |loss diff| %.3g", qPrintable(name), dl, dloss);
        QVERIFY2(dl <= 1e-5, qPrintable(QString::number(dl)));
        QVERIFY2(dloss <= 1e-5, qPrintable(QString::number(dloss)));
    }

    void realTinyGpt2() {
        const QJsonObject ref = readJson(
            QStringLiteral(FT_SHARED_DIR "/fixtures/hf/external-models/tiny-gpt2.reference.json"));
        const Model model = Model::open(FT_SHARED_DIR "/data/models/tiny-gpt2");
        QCOMPARE(model.info().architecture, std::string("GPT2LMHeadModel"));
        QVERIFY(model.report().unexpectedKeys.empty());
        QVERIFY(model.tokenizer() != nullptr);
        const auto texts = ref.value("texts").toArray();
        const auto allIds = ref.value("input_ids").toArray();
        double dl = 0, dmax = 0, dlse = 0;
        for (int s = 0; s < texts.size(); ++s) {
            const auto enc = model.tokenizer()->encode(texts.at(s).toString().toStdString());
            const auto want = ints(allIds.at(s));
            QCOMPARE(std::vector<int64_t>(enc.ids.begin(), enc.ids.end()), want);
            Batch b;
            b.batch = 1;
            b.length = static_cast<int64_t>(want.size());
            b.inputIds = want;
            const auto r = model.forward(b);
            const int64_t vocab = r.logitsShape.at(2);
            const auto first = ref.value("logits_first_128_ids").toArray().at(s).toArray();
            const auto argmax = ints(ref.value("argmax").toArray().at(s));
            std::vector<double> maxLogit, lse;
            flatten(ref.value("max_logit").toArray().at(s), maxLogit);
            flatten(ref.value("logsumexp").toArray().at(s), lse);
            for (int64_t t = 0; t < b.length; ++t) {
                const float* row = r.logits.data() + t * vocab;
                std::vector<double> want128;
                flatten(first.at(static_cast<int>(t)), want128);
                dl = std::max(dl, maxAbsDiff(std::vector<float>(row, row + 128), want128));
                const auto best = std::max_element(row, row + vocab) - row;
                QCOMPARE(static_cast<int64_t>(best), argmax[static_cast<size_t>(t)]);
                dmax = std::max(dmax, std::abs(row[best] - maxLogit[static_cast<size_t>(t)]));
                double sum = 0;
                for (int64_t v = 0; v < vocab; ++v) sum += std::exp(double(row[v]) - row[best]);
                dlse = std::max(dlse,
                                std::abs(row[best] + std::log(sum) - lse[static_cast<size_t>(t)]));
            }
        }
        qInfo("tiny-gpt2: max |logits diff| %.3g, |max diff| %.3g, |logsumexp diff| %.3g", dl, dmax,
              dlse);
        QVERIFY(dl <= 1e-5);
        QVERIFY(dmax <= 1e-5);
        QVERIFY(dlse <= 1e-5);
    }

    void roundTrip_data() {
        QTest::addColumn<QString>("name");
        for (const char* n : {"bert-tiny", "distilbert-tiny", "roberta-tiny", "gpt2-tiny",
                              "bert-tiny-lm", "gpt2-tiny-lm"})
            QTest::newRow(n) << QString(n);
    }
    void roundTrip() {
        QFETCH(QString, name);
        QTemporaryDir dir;
        const std::string out = dir.path().toStdString() + "/saved";
        const Model a = Model::open(fixture(name).toStdString());
        a.save(out);
        QVERIFY(QFile::exists(dir.path() + "/saved/tokenizer.json"));
        const Model b = Model::open(out);
        QCOMPARE(b.info().architecture, a.info().architecture);
        QCOMPARE(b.config().common.labels, a.config().common.labels);
        QVERIFY(b.report().newWeights.empty());
        // Every stored tensor is bit-identical to the original's.
        const ft::io::SafetensorsFile orig((fixture(name) + "/model.safetensors").toStdString());
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
        const QJsonObject ref = readJson(fixture(name) + "/reference.json");
        QCOMPARE(b.forward(ft::test::referenceBatch(ref)).logits,
                 a.forward(ft::test::referenceBatch(ref)).logits);
    }

    // An encoder checkpoint without the "bert." prefix and without pooler or head: the
    // encoder's hidden states are the classifier's, the head and pooler are new.
    void baseCheckpointWithoutPrefix() {
        QTemporaryDir dir;
        const QString src = fixture("bert-tiny");
        const ft::io::SafetensorsFile orig((src + "/model.safetensors").toStdString());
        std::vector<ft::io::TensorView> views;
        for (const auto& e : orig.entries()) {
            if (e.name.rfind("bert.", 0) != 0 || e.name.rfind("bert.pooler.", 0) == 0) continue;
            views.push_back({e.name.substr(5), e.dtype, e.shape, orig.data(e), e.byteSize()});
        }
        ft::io::writeSafetensors(dir.path().toStdString() + "/model.safetensors", views);
        for (const char* f : {"config.json", "vocab.txt", "tokenizer.json"})
            QVERIFY(QFile::copy(src + "/" + f, dir.path() + "/" + f));
        const Model m = Model::open(dir.path().toStdString());
        auto fresh = m.report().newWeights;
        std::sort(fresh.begin(), fresh.end());
        QCOMPARE(fresh,
                 (std::vector<std::string>{"bert.pooler.dense.bias", "bert.pooler.dense.weight",
                                           "classifier.bias", "classifier.weight"}));
        QVERIFY(m.report().unexpectedKeys.empty());
        const QJsonObject ref = readJson(src + "/reference.json");
        const auto r = m.forward(ft::test::referenceBatch(ref), true);
        std::vector<double> last;
        flatten(ref.value("hidden_states").toArray().last(), last);
        QVERIFY(maxAbsDiff(r.hiddenStates.back(), last) <= 1e-4);
    }

    // A masked-LM checkpoint ("bert." prefix, cls.* head, no pooler) into a classifier.
    void maskedLmIntoClassifier() {
        ft::models::LoadOptions o;
        o.task = ft::models::Task::SequenceClassification;
        o.labels = {"no", "yes"};
        const Model m = Model::open(fixture("bert-tiny-lm").toStdString(), o);
        auto fresh = m.report().newWeights;
        std::sort(fresh.begin(), fresh.end());
        QCOMPARE(fresh,
                 (std::vector<std::string>{"bert.pooler.dense.bias", "bert.pooler.dense.weight",
                                           "classifier.bias", "classifier.weight"}));
        QCOMPARE(m.report().unexpectedKeys.size(), size_t(5));  // cls.predictions.*
        const auto r = m.forward(
            ft::test::referenceBatch(readJson(fixture("bert-tiny-lm") + "/reference.json")));
        QCOMPARE(r.logitsShape, (std::vector<int64_t>{3, 2}));
    }

    void relabelledHead() {
        ft::models::LoadOptions o;
        o.labels = {"a", "b", "c", "d", "e"};
        const Model m = Model::open(fixture("roberta-tiny").toStdString(), o);
        auto fresh = m.report().newWeights;
        std::sort(fresh.begin(), fresh.end());
        QCOMPARE(fresh, (std::vector<std::string>{"classifier.out_proj.bias",
                                                  "classifier.out_proj.weight"}));
        QCOMPARE(m.info().labels, o.labels);
        const auto p = m.predict({"a short text", "another one that is longer than the first"});
        QCOMPARE(p.size(), size_t(2));
        QCOMPARE(p[0].probabilities.size(), size_t(5));
    }

    void builtins_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("layers");
        QTest::addColumn<int>("hidden");
        for (const auto& [n, l, h] :
             {std::tuple{"bert-tiny", 2, 128}, std::tuple{"bert-mini", 4, 256},
              std::tuple{"bert-small", 4, 512}})
            QTest::newRow(n) << QString(n) << l << h;
    }
    void builtins() {
        QFETCH(QString, name);
        QFETCH(int, layers);
        QFETCH(int, hidden);
        const Model m = Model::createBuiltin(name.toStdString(), {"x", "y", "z"},
                                             FT_SHARED_DIR "/data/vocab/bert-base-uncased");
        QVERIFY(m.report().randomlyInitialised);
        QCOMPARE(m.info().layers, int64_t(layers));
        QCOMPARE(m.info().hidden, int64_t(hidden));
        const auto p = m.predict({"hello world"});
        QCOMPARE(p.at(0).probabilities.size(), size_t(3));
        QVERIFY_THROWS_EXCEPTION(ft::Error, Model::createBuiltin("bert-huge"));
    }

    // Padding must not change a row's logits (the attention mask hides it).
    void paddingInvariance_data() {
        QTest::addColumn<QString>("name");
        for (const char* n : {"bert-tiny", "distilbert-tiny", "roberta-tiny", "gpt2-tiny"})
            QTest::newRow(n) << QString(n);
    }
    void paddingInvariance() {
        QFETCH(QString, name);
        const Model m = Model::open(fixture(name).toStdString());
        const auto alone = m.predict({"short"});
        const auto padded =
            m.predict({"short", "a much longer text that forces padding of the first"});
        for (size_t i = 0; i < alone[0].probabilities.size(); ++i)
            QVERIFY(std::abs(alone[0].probabilities[i] - padded[0].probabilities[i]) < 1e-6);
    }
};

QTEST_GUILESS_MAIN(TestHfModels)
#include "tst_hfmodels.moc"
