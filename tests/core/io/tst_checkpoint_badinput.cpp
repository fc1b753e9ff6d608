// Broken checkpoint folders: every case must fail with an ft::Error that names the file
// and the key or value, never crash, and hand no model on.
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "error.h"
#include "io/safetensors.h"
#include "models/model.h"

namespace {

const QString kBert = QStringLiteral(FT_SHARED_DIR "/fixtures/hf/models/bert-tiny");

QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A safetensors file from a header text and a data section.
QByteArray st(const QByteArray& header, const QByteArray& data) {
    QByteArray out(8, '\0');
    quint64 n = static_cast<quint64>(header.size());
    for (int i = 0; i < 8; ++i) out[i] = static_cast<char>((n >> (8 * i)) & 0xff);
    return out + header + data;
}

QByteArray rawLength(quint64 n, const QByteArray& rest) {
    QByteArray out(8, '\0');
    for (int i = 0; i < 8; ++i) out[i] = static_cast<char>((n >> (8 * i)) & 0xff);
    return out + rest;
}

QByteArray configWith(const char* key, const QJsonValue& value, bool remove = false) {
    QJsonObject o = QJsonDocument::fromJson(readFile(kBert + "/config.json")).object();
    if (remove)
        o.remove(key);
    else
        o.insert(key, value);
    return QJsonDocument(o).toJson();
}

// bert-tiny's weights without one tensor.
QByteArray weightsWithout(const std::string& key, const QString& dir) {
    const ft::io::SafetensorsFile f((kBert + "/model.safetensors").toStdString());
    std::vector<ft::io::TensorView> views;
    for (const auto& e : f.entries())
        if (e.name != key) views.push_back({e.name, e.dtype, e.shape, f.data(e), e.byteSize()});
    const std::string path = (dir + "/tmp.safetensors").toStdString();
    ft::io::writeSafetensors(path, views);
    const QByteArray bytes = readFile(QString::fromStdString(path));
    QFile::remove(QString::fromStdString(path));
    return bytes;
}

}  // namespace

class TestCheckpointBadInput : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void brokenFolders_data() {
        QTest::addColumn<QByteArray>("config");    // empty: bert-tiny's
        QTest::addColumn<QString>("weightsName");  // empty: none
        QTest::addColumn<QByteArray>("weights");   // empty: bert-tiny's
        QTest::addColumn<QString>("tokenizer");    // folder whose vocab.txt is copied
        QTest::addColumn<int>("code");
        QTest::addColumn<QStringList>("mustContain");
        const int parse = int(ft::ErrorCode::Parse);
        const int mapping = int(ft::ErrorCode::Mapping);
        const int invalid = int(ft::ErrorCode::InvalidArgument);
        const QString ms = "model.safetensors";
        const QByteArray real = readFile(kBert + "/model.safetensors");
        const QByteArray f32x2 = QByteArray(8, '\1');

        QTest::newRow("shorter than the length field")
            << QByteArray() << ms << QByteArray("abc") << QString() << parse
            << QStringList{ms, "truncated", "3 bytes"};
        QTest::newRow("truncated data")
            << QByteArray() << ms << real.left(real.size() / 2) << QString() << parse
            << QStringList{ms, "outside the data section"};
        QTest::newRow("header length beyond the file")
            << QByteArray() << ms << rawLength(1000, "{}") << QString() << parse
            << QStringList{ms, "header length 1000", "past the end"};
        QTest::newRow("header length over 100 MB")
            << QByteArray() << ms << rawLength(200000000, "{}") << QString() << parse
            << QStringList{ms, "100 MB"};
        QTest::newRow("invalid JSON header")
            << QByteArray() << ms << st("{\"a\": [1,", f32x2) << QString() << parse
            << QStringList{ms, "not valid JSON"};
        QTest::newRow("header not an object")
            << QByteArray() << ms << st("[1, 2]", f32x2) << QString() << parse
            << QStringList{ms, "not a JSON object"};
        QTest::newRow("unknown dtype")
            << QByteArray() << ms
            << st(R"({"w": {"dtype": "F8", "shape": [2], "data_offsets": [0, 2]}})", f32x2)
            << QString() << parse << QStringList{ms, "'w'", "unsupported dtype 'F8'"};
        QTest::newRow("offsets outside the data")
            << QByteArray() << ms
            << st(R"({"w": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]}})", f32x2)
            << QString() << parse << QStringList{ms, "'w'", "[0, 16]", "outside"};
        QTest::newRow("offsets reversed")
            << QByteArray() << ms
            << st(R"({"w": {"dtype": "F32", "shape": [0], "data_offsets": [8, 0]}})", f32x2)
            << QString() << parse << QStringList{ms, "'w'", "outside"};
        QTest::newRow("dtype lies about the size")
            << QByteArray() << ms
            << st(R"({"w": {"dtype": "F64", "shape": [2], "data_offsets": [0, 8]}})", f32x2)
            << QString() << invalid << QStringList{ms, "'w'", "16 bytes", "span 8 bytes"};
        QTest::newRow("shape disagrees with byte length")
            << QByteArray() << ms
            << st(R"({"w": {"dtype": "F32", "shape": [3], "data_offsets": [0, 8]}})", f32x2)
            << QString() << invalid << QStringList{ms, "'w'", "12 bytes"};
        QTest::newRow("negative dimension")
            << QByteArray() << ms
            << st(R"({"w": {"dtype": "F32", "shape": [-2], "data_offsets": [0, 8]}})", f32x2)
            << QString() << parse << QStringList{ms, "'w'", "negative"};
        QTest::newRow("overlapping tensors")
            << QByteArray() << ms
            << st(R"({"a": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]},
                      "b": {"dtype": "F32", "shape": [2], "data_offsets": [2, 10]}})",
                  QByteArray(12, '\0'))
            << QString() << parse << QStringList{ms, "'a'", "'b'", "overlap"};
        QTest::newRow("metadata not strings")
            << QByteArray() << ms << st(R"({"__metadata__": {"format": 1}})", QByteArray())
            << QString() << parse << QStringList{ms, "__metadata__", "format"};
        QTest::newRow("missing key")
            << QByteArray() << ms << QByteArray("drop:bert.encoder.layer.1.output.dense.weight")
            << QString() << mapping
            << QStringList{ms, "missing key", "bert.encoder.layer.1.output.dense.weight"};
        QTest::newRow("shape disagrees with config.json")
            << configWith("intermediate_size", 48) << QString() << QByteArray() << QString()
            << invalid
            << QStringList{ms, "bert.encoder.layer.0.intermediate.dense.bias", "[64]", "[48]"};
        QTest::newRow("unsupported model_type")
            << configWith("model_type", "llama") << QString() << QByteArray() << QString()
            << mapping << QStringList{"config.json", "'llama'", "bert, distilbert, roberta, gpt2"};
        QTest::newRow("missing required field")
            << configWith("hidden_size", {}, true) << QString() << QByteArray() << QString()
            << mapping << QStringList{"config.json", "'hidden_size'"};
        QTest::newRow("missing model_type")
            << configWith("model_type", {}, true) << QString() << QByteArray() << QString()
            << mapping << QStringList{"config.json", "'model_type'"};
        QTest::newRow("heads do not divide hidden")
            << configWith("num_attention_heads", 5) << QString() << QByteArray() << QString()
            << invalid << QStringList{"config.json", "hidden_size", "num_attention_heads"};
        QTest::newRow("unknown activation")
            << configWith("hidden_act", "gelu_fancy") << QString() << QByteArray() << QString()
            << invalid << QStringList{"config.json", "hidden_act", "gelu_fancy"};
        QTest::newRow("invalid config JSON")
            << QByteArray("{\"model_type\": ") << QString() << QByteArray() << QString() << parse
            << QStringList{"config.json", "invalid JSON"};
        QTest::newRow("tokenizer larger than the embeddings")
            << QByteArray() << QString() << QByteArray()
            << QStringLiteral(FT_SHARED_DIR "/data/vocab/bert-base-uncased") << invalid
            << QStringList{"30522", "1000", "embedding"};
        QTest::newRow("no weights")
            << QByteArray() << QString("none") << QByteArray() << QString()
            << int(ft::ErrorCode::NotFound)
            << QStringList{"no weights", "model.safetensors", "pytorch_model.bin"};
        QTest::newRow("pytorch_model.bin that is not a pickle")
            << QByteArray() << QString("pytorch_model.bin") << QByteArray("not a zip archive")
            << QString() << parse << QStringList{"pytorch_model.bin", "convert it to"};
        QTest::newRow("shard index naming a missing shard")
            << QByteArray() << QString("model.safetensors.index.json")
            << QByteArray(
                   R"({"weight_map": {"bert.embeddings.LayerNorm.bias": "part-1.safetensors"}})")
            << QString() << int(ft::ErrorCode::NotFound) << QStringList{"part-1.safetensors"};
        QTest::newRow("shard index that escapes the folder")
            << QByteArray() << QString("model.safetensors.index.json")
            << QByteArray(R"({"weight_map": {"x": "../model.safetensors"}})") << QString() << parse
            << QStringList{"model.safetensors.index.json", "../model.safetensors"};
    }
    void brokenFolders() {
        QFETCH(QByteArray, config);
        QFETCH(QString, weightsName);
        QFETCH(QByteArray, weights);
        QFETCH(QString, tokenizer);
        QFETCH(int, code);
        QFETCH(QStringList, mustContain);
        QTemporaryDir dir;
        auto write = [&](const QString& name, const QByteArray& bytes) {
            QFile f(dir.path() + "/" + name);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        };
        write("config.json", config.isEmpty() ? readFile(kBert + "/config.json") : config);
        if (weights.startsWith("drop:"))
            weights = weightsWithout(weights.mid(5).toStdString(), dir.path());
        if (weightsName.isEmpty())
            write("model.safetensors", readFile(kBert + "/model.safetensors"));
        else if (weightsName != "none")
            write(weightsName, weights);
        write("vocab.txt", readFile((tokenizer.isEmpty() ? kBert : tokenizer) + "/vocab.txt"));

        bool threw = false;
        try {
            const auto model = ft::models::Model::open(dir.path().toStdString());
            Q_UNUSED(model);
        } catch (const ft::Error& e) {
            threw = true;
            const QString msg = QString::fromUtf8(e.what());
            QVERIFY2(int(e.code()) == code,
                     qPrintable(QString("code %1: %2").arg(int(e.code())).arg(msg)));
            for (const auto& s : mustContain) QVERIFY2(msg.contains(s), qPrintable(msg));
        }
        QVERIFY(threw);
    }
};

QTEST_GUILESS_MAIN(TestCheckpointBadInput)
#include "tst_checkpoint_badinput.moc"
