// safetensors reading and writing: every dtype round-trips with its metadata, writes are
// atomic, BF16 / F16 checkpoints load as float32, and sharded checkpoints load like the
// single file they were split from.
#include <cstring>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "error.h"
#include "io/safetensors.h"
#include "models/model.h"

using namespace ft::io;

namespace {

const QString kBert = QStringLiteral(FT_SHARED_DIR "/fixtures/hf/models/bert-tiny");

void copyTokenizerAndConfig(const QString& to) {
    for (const char* f : {"config.json", "vocab.txt", "tokenizer.json"})
        QFile::copy(kBert + "/" + f, to + "/" + f);
}

ft::models::Batch sampleBatch() {
    ft::models::Batch b;
    b.batch = 2;
    b.length = 4;
    b.inputIds = {5, 17, 300, 999, 42, 7, 0, 0};
    b.attentionMask = {1, 1, 1, 1, 1, 1, 0, 0};
    return b;
}

uint16_t toBf16(float f) {
    uint32_t u;
    std::memcpy(&u, &f, 4);
    return static_cast<uint16_t>(u >> 16);  // truncation: exactly representable back in F32
}

float fromBf16(uint16_t h) {
    const uint32_t u = static_cast<uint32_t>(h) << 16;
    float f;
    std::memcpy(&f, &u, 4);
    return f;
}

}  // namespace

class TestSafetensors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void allDtypesRoundTrip() {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/t.safetensors";
        std::vector<TensorView> views;
        std::vector<std::vector<uint8_t>> buffers;
        const Dtype all[] = {Dtype::F32, Dtype::F16, Dtype::BF16, Dtype::F64, Dtype::I64,
                             Dtype::I32, Dtype::I16, Dtype::I8,   Dtype::U8,  Dtype::Bool};
        for (Dtype d : all) {
            std::vector<uint8_t> bytes(3 * 2 * dtypeSize(d));
            for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<uint8_t>(i * 7 + 1);
            if (d == Dtype::Bool)
                for (auto& b : bytes) b &= 1;
            buffers.push_back(bytes);
        }
        for (size_t i = 0; i < buffers.size(); ++i)
            views.push_back({std::string("t_") + dtypeName(all[i]),
                             all[i],
                             {3, 2},
                             buffers[i].data(),
                             buffers[i].size()});
        views.push_back({"empty", Dtype::F32, {0, 4}, nullptr, 0});
        writeSafetensors(path, views, {{"format", "pt"}, {"note", "hello"}});
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"t.safetensors"});

        const SafetensorsFile f(path);
        QCOMPARE(f.metadata().at("note"), std::string("hello"));
        QCOMPARE(f.entries().size(), views.size());
        for (size_t i = 0; i < buffers.size(); ++i) {
            const auto* e = f.find(views[i].name);
            QVERIFY(e);
            QCOMPARE(e->dtype, all[i]);
            QCOMPARE(e->shape, (std::vector<int64_t>{3, 2}));
            QVERIFY(std::memcmp(f.data(*e), buffers[i].data(), buffers[i].size()) == 0);
        }
        // The header is padded to 8 bytes.
        QFile raw(QString::fromStdString(path));
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray head = raw.read(8);
        quint64 n = 0;
        for (int i = 7; i >= 0; --i) n = (n << 8) | static_cast<uchar>(head[i]);
        QCOMPARE(n % 8, quint64(0));
    }

    void writerRejectsBadInput() {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/t.safetensors";
        const float x[2] = {1, 2};
        QVERIFY_THROWS_EXCEPTION(ft::Error,
                                 writeSafetensors(path, {{"a", Dtype::F32, {3}, x, sizeof x}}));
        QVERIFY_THROWS_EXCEPTION(ft::Error, writeSafetensors(path, {{"a", Dtype::F32, {2}, x, 8},
                                                                    {"a", Dtype::F32, {2}, x, 8}}));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
        QVERIFY_THROWS_EXCEPTION(ft::Error, writeSafetensors("/nonexistent-dir/x.safetensors",
                                                             {{"a", Dtype::F32, {2}, x, 8}}));
    }

    // A BF16 checkpoint loads as float32 with exactly the values BF16 holds.
    void bf16LoadsAsFloat32() {
        QTemporaryDir f32Dir, bf16Dir;
        const SafetensorsFile orig((kBert + "/model.safetensors").toStdString());
        std::vector<std::vector<float>> rounded;
        std::vector<std::vector<uint16_t>> halves;
        std::vector<TensorView> f32Views, bf16Views;
        for (const auto& e : orig.entries()) {
            std::vector<float> v(static_cast<size_t>(e.numel()));
            std::memcpy(v.data(), orig.data(e), e.byteSize());
            std::vector<uint16_t> h(v.size());
            for (size_t i = 0; i < v.size(); ++i) {
                h[i] = toBf16(v[i]);
                v[i] = fromBf16(h[i]);
            }
            rounded.push_back(std::move(v));
            halves.push_back(std::move(h));
        }
        size_t i = 0;
        for (const auto& e : orig.entries()) {
            f32Views.push_back(
                {e.name, Dtype::F32, e.shape, rounded[i].data(), rounded[i].size() * 4});
            bf16Views.push_back(
                {e.name, Dtype::BF16, e.shape, halves[i].data(), halves[i].size() * 2});
            ++i;
        }
        writeSafetensors(f32Dir.path().toStdString() + "/model.safetensors", f32Views);
        writeSafetensors(bf16Dir.path().toStdString() + "/model.safetensors", bf16Views);
        copyTokenizerAndConfig(f32Dir.path());
        copyTokenizerAndConfig(bf16Dir.path());
        const auto a = ft::models::Model::open(f32Dir.path().toStdString());
        const auto b = ft::models::Model::open(bf16Dir.path().toStdString());
        QCOMPARE(b.report().storedDtype, std::string("BF16"));
        QCOMPARE(b.forward(sampleBatch()).logits, a.forward(sampleBatch()).logits);
    }

    void shardedLikeSingle() {
        QTemporaryDir dir;
        const SafetensorsFile orig((kBert + "/model.safetensors").toStdString());
        std::vector<TensorView> part1, part2;
        QJsonObject map;
        for (const auto& e : orig.entries()) {
            const bool first = e.name < "bert.encoder.layer.1";
            (first ? part1 : part2)
                .push_back({e.name, e.dtype, e.shape, orig.data(e), e.byteSize()});
            map.insert(QString::fromStdString(e.name), first ? "model-00001-of-00002.safetensors"
                                                             : "model-00002-of-00002.safetensors");
        }
        writeSafetensors(dir.path().toStdString() + "/model-00001-of-00002.safetensors", part1);
        writeSafetensors(dir.path().toStdString() + "/model-00002-of-00002.safetensors", part2);
        QFile index(dir.path() + "/model.safetensors.index.json");
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.write(
            QJsonDocument(QJsonObject{{"metadata", QJsonObject{}}, {"weight_map", map}}).toJson());
        index.close();
        copyTokenizerAndConfig(dir.path());
        const auto sharded = ft::models::Model::open(dir.path().toStdString());
        QCOMPARE(sharded.report().format, std::string("sharded safetensors"));
        QCOMPARE(sharded.report().files.size(), size_t(2));
        const auto single = ft::models::Model::open(kBert.toStdString());
        QCOMPARE(sharded.forward(sampleBatch()).logits, single.forward(sampleBatch()).logits);
    }
};

QTEST_GUILESS_MAIN(TestSafetensors)
#include "tst_safetensors.moc"
