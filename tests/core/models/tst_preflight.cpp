#include <QtTest>

#include "error.h"
#include "io/modelconfig.h"
#include "models/model.h"
#include "models/preflight.h"

using ft::models::MemoryEstimate;
using ft::models::TrainingShape;
using ft::models::Verdict;

namespace {

std::string fixture(const char* name) {
    return std::string(FT_SHARED_DIR "/fixtures/hf/models/") + name;
}

TrainingShape fixtureShape(const char* name) {
    const auto model = ft::models::Model::open(fixture(name));
    return ft::models::trainingShape(model.config(), model.info().parameters);
}

}  // namespace

class TestPreflight : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shapeComesFromEachConfig() {
        const auto bert = fixtureShape("bert-tiny");
        QCOMPARE(bert.layers, int64_t(2));
        QCOMPARE(bert.hidden, int64_t(32));
        QCOMPARE(bert.heads, int64_t(4));
        QCOMPARE(bert.intermediate, int64_t(64));  // intermediate_size
        QVERIFY(bert.parameters > 0);
        QCOMPARE(fixtureShape("distilbert-tiny").intermediate, int64_t(64));  // hidden_dim
        QCOMPARE(fixtureShape("gpt2-tiny").intermediate, int64_t(4 * 32));    // n_inner null
    }

    void matchesTheFormulaForAKnownConfig() {
        const auto shape = fixtureShape("bert-tiny");
        const uint64_t p = static_cast<uint64_t>(shape.parameters);
        const MemoryEstimate e = ft::models::estimateTrainingMemory(shape, 8, 16);
        QCOMPARE(e.weights, 4 * p);
        QCOMPARE(e.gradients, 4 * p);
        QCOMPARE(e.optimizer, 8 * p);
        // Per layer: B T (8 H + 2 I) + 2 A B T^2 = 8*16*(256+128) + 2*4*8*256 = 65536;
        // two layers plus 2 B T H = 8192 for the embeddings, four bytes each.
        QCOMPARE(e.activations, uint64_t(4 * (2 * 65536 + 8192)));
        QCOMPARE(e.total(), 16 * p + 557056);

        // bert-base (110 M parameters, 12 x 768, 12 heads, 3072) at batch 32 x 128.
        TrainingShape base{109483778, 12, 768, 12, 3072};
        const auto b = ft::models::estimateTrainingMemory(base, 32, 128);
        QCOMPARE(b.activations, uint64_t(4) * (12 * (32ull * 128 * (8 * 768 + 2 * 3072) +
                                                     2ull * 12 * 32 * 128 * 128) +
                                               2ull * 32 * 128 * 768));
        QVERIFY(b.total() > 4ull << 30);  // several GiB: as people observe for bert-base
    }

    void growsWithBatchAndLength() {
        const auto shape = fixtureShape("distilbert-tiny");
        uint64_t previous = 0;
        for (int64_t batch : {1, 2, 8, 32, 128}) {
            const uint64_t total = ft::models::estimateTrainingMemory(shape, batch, 64).total();
            QVERIFY(total > previous);
            previous = total;
        }
        previous = 0;
        for (int64_t length : {8, 16, 32, 64}) {
            const auto e = ft::models::estimateTrainingMemory(shape, 4, length);
            QVERIFY(e.total() > previous);
            previous = e.total();
            QCOMPARE(e.weights, uint64_t(4 * shape.parameters));  // only activations grow
        }
        QVERIFY_THROWS_EXCEPTION(ft::Error, ft::models::estimateTrainingMemory(shape, 0, 64));
        QVERIFY_THROWS_EXCEPTION(ft::Error, ft::models::estimateTrainingMemory(shape, 4, 0));
    }

    void verdictAndAdvice() {
        QCOMPARE(ft::models::verdict(700, 1000), Verdict::Fits);
        QCOMPARE(ft::models::verdict(750, 1000), Verdict::Fits);
        QCOMPARE(ft::models::verdict(900, 1000), Verdict::Tight);
        QCOMPARE(ft::models::verdict(1000, 1000), Verdict::Tight);
        QCOMPARE(ft::models::verdict(1001, 1000), Verdict::WillNotFit);

        const TrainingShape base{109483778, 12, 768, 12, 3072};
        const uint64_t available = 4ull << 30;
        const int64_t b = ft::models::largestFittingBatch(base, 64, 256, available);
        QVERIFY(b >= 1 && b < 64);
        QCOMPARE(ft::models::verdict(ft::models::estimateTrainingMemory(base, b, 256).total(),
                                     available),
                 Verdict::Fits);
        QVERIFY(ft::models::verdict(ft::models::estimateTrainingMemory(base, b + 1, 256).total(),
                                    available) != Verdict::Fits);
        const int64_t t = ft::models::largestFittingLength(base, 64, 512, available);
        QVERIFY(t >= 1 && t < 512);
        // Nothing fits in a few megabytes: the weights alone are larger.
        QCOMPARE(ft::models::largestFittingBatch(base, 8, 128, 1 << 20), int64_t(0));
    }

    void readsFreeMemory() {
        const std::string meminfo =
            "MemTotal:       16318548 kB\nMemFree:         1016024 kB\n"
            "MemAvailable:    9876543 kB\nBuffers:          123456 kB\n";
        QCOMPARE(ft::models::parseMemAvailable(meminfo),
                 std::optional<uint64_t>(9876543ull * 1024));
        QCOMPARE(ft::models::parseMemAvailable("MemTotal: 1 kB\n"), std::optional<uint64_t>());
#ifdef __linux__
        const auto available = ft::models::availableMemory();
        QVERIFY(available.has_value());
        QVERIFY(*available > 0);
#endif
    }

    void measuresATinyModelWithoutTouchingIt() {
        const auto model = ft::models::Model::open(fixture("bert-tiny"));
        ft::models::Batch batch;
        batch.batch = 1;
        batch.length = 4;
        batch.inputIds = {2, 10, 11, 3};
        const auto before = model.forward(batch).logits;

        int reports = 0;
        ft::Progress progress;
        progress.onProgress = [&reports](double, const std::string&) { ++reports; };
        const auto m =
            ft::models::measureTrainingSpeed(model.config(), model.info().task, 4, 32, 3, progress);
        QCOMPARE(m.stepSeconds.size(), size_t(3));
        QVERIFY(m.secondsPerStep > 0);
        for (double s : m.stepSeconds) QVERIFY(s > 0);
        QVERIFY(reports >= 3);
        // The loaded weights are untouched (the steps ran on a fresh copy of the shape).
        QVERIFY(model.forward(batch).logits == before);

        // A language model times with token labels.
        const auto lm = ft::models::Model::open(fixture("gpt2-tiny-lm"));
        QVERIFY(
            ft::models::measureTrainingSpeed(lm.config(), lm.info().task, 2, 16, 1).secondsPerStep >
            0);
    }

    void measurementCanBeCancelledAndRefusesBadInput() {
        const auto config = ft::models::Model::builtinConfig("bert-tiny");
        ft::Progress stop;
        stop.shouldStop = [] { return true; };
        try {
            ft::models::measureTrainingSpeed(config, ft::models::Task::SequenceClassification, 2,
                                             16, 3, stop);
            QFAIL("expected a cancellation");
        } catch (const ft::Error& e) {
            QCOMPARE(e.code(), ft::ErrorCode::Cancelled);
        }
        try {
            ft::models::measureTrainingSpeed(config, ft::models::Task::SequenceClassification, 2,
                                             513, 1);
            QFAIL("expected a refusal");
        } catch (const ft::Error& e) {
            QCOMPARE(e.code(), ft::ErrorCode::InvalidArgument);
            QVERIFY(QString::fromStdString(e.what()).contains(QStringLiteral("512")));
        }
    }
};

QTEST_GUILESS_MAIN(TestPreflight)
#include "tst_preflight.moc"
