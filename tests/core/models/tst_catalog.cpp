#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include "models/catalog.h"
#include "models/model.h"

using ft::models::CatalogEntry;

namespace {

const QString kFixtures = QStringLiteral(FT_SHARED_DIR "/fixtures/hf/models");

bool writeFile(const QString& path, const QByteArray& content) {
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

// Lays out one repository the way huggingface_hub does: each file of `fixture` copied into
// blobs/ (named by a fake content hash) and linked from snapshots/<revision>/.
bool addSnapshot(const QString& hub, const QString& repoFolder, const QString& revision,
                 const QString& fixture, bool writeRef) {
    const QDir repo(QDir(hub).filePath(repoFolder));
    const QString snapshot = repo.filePath(QStringLiteral("snapshots/") + revision);
    if (!QDir().mkpath(snapshot) || !QDir().mkpath(repo.filePath(QStringLiteral("blobs"))))
        return false;
    const QDir source(QDir(kFixtures).filePath(fixture));
    for (const QString& name : source.entryList(QDir::Files)) {
        const QString blob =
            repo.filePath(QStringLiteral("blobs/%1-%2").arg(revision.left(8), name));
        if (!QFile::copy(source.filePath(name), blob)) return false;
        if (!QFile::link(blob, QDir(snapshot).filePath(name))) return false;
    }
    if (writeRef &&
        !writeFile(repo.filePath(QStringLiteral("refs/main")), revision.toUtf8() + "\n"))
        return false;
    return true;
}

const CatalogEntry* find(const std::vector<CatalogEntry>& entries, const std::string& repoId) {
    for (const auto& e : entries)
        if (e.repoId == repoId) return &e;
    return nullptr;
}

}  // namespace

class TestCatalog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void discoversSnapshotsThroughRefs() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString hub = tmp.filePath(QStringLiteral("hub"));
        const QString current = QStringLiteral("4f1e2d3c4b5a69788796a5b4c3d2e1f001122334");
        const QString older = QStringLiteral("0a0b0c0d0e0f101112131415161718191a1b1c1d");
        // The older snapshot holds another model: refs/main must win over it.
        QVERIFY(addSnapshot(hub, QStringLiteral("models--prajjwal1--bert-tiny"), older,
                            QStringLiteral("distilbert-tiny"), false));
        QVERIFY(addSnapshot(hub, QStringLiteral("models--prajjwal1--bert-tiny"), current,
                            QStringLiteral("bert-tiny"), true));
        // No refs/main: the only snapshot is used.
        QVERIFY(addSnapshot(hub, QStringLiteral("models--gpt2-tiny"),
                            QStringLiteral("aaaabbbbccccddddeeeeffff0000111122223333"),
                            QStringLiteral("gpt2-tiny"), false));
        QVERIFY(addSnapshot(hub, QStringLiteral("models--xlnet--xlnet-tiny"),
                            QStringLiteral("1234123412341234123412341234123412341234"),
                            QStringLiteral("xlnet-tiny"), true));
        // A model type this program does not run: listed with the reason.
        QVERIFY(
            writeFile(hub + QStringLiteral("/models--google--t5-tiny/snapshots/abcd/config.json"),
                      R"({"model_type": "t5", "architectures": ["T5ForConditionalGeneration"]})"));
        QVERIFY(writeFile(hub + QStringLiteral("/models--google--t5-tiny/refs/main"), "abcd"));
        // Not models, or nothing to open: skipped.
        QVERIFY(writeFile(hub + QStringLiteral("/datasets--imdb--plain/snapshots/x/config.json"),
                          "{}"));
        QVERIFY(QDir().mkpath(hub + QStringLiteral("/models--empty--download/snapshots/abc")));
        QVERIFY(writeFile(hub + QStringLiteral("/models--empty--download/refs/main"), "abc"));
        QVERIFY(writeFile(hub + QStringLiteral("/version.txt"), "1"));

        const auto entries = ft::models::scanHubCache(hub.toStdString());
        QCOMPARE(entries.size(), size_t(4));
        QCOMPARE(entries[0].repoId, std::string("google/t5-tiny"));  // sorted by repo id
        QCOMPARE(entries[1].repoId, std::string("gpt2-tiny"));
        QCOMPARE(entries[2].repoId, std::string("prajjwal1/bert-tiny"));
        QCOMPARE(entries[3].repoId, std::string("xlnet/xlnet-tiny"));

        const CatalogEntry* bert = find(entries, "prajjwal1/bert-tiny");
        QVERIFY(bert);
        QCOMPARE(bert->revision, current.toStdString());
        QCOMPARE(QDir::cleanPath(QString::fromStdString(bert->folder)),
                 QDir::cleanPath(hub + QStringLiteral("/models--prajjwal1--bert-tiny/snapshots/") +
                                 current));
        QCOMPARE(bert->modelType, std::string("bert"));
        QCOMPARE(bert->architecture, std::string("BertForSequenceClassification"));
        QVERIFY(bert->hasWeights);
        QVERIFY(bert->hasTokenizer);
        QVERIFY2(bert->problem.empty(), bert->problem.c_str());

        const CatalogEntry* gpt2 = find(entries, "gpt2-tiny");
        QCOMPARE(gpt2->modelType, std::string("gpt2"));
        QCOMPARE(gpt2->architecture, std::string("GPT2ForSequenceClassification"));
        QVERIFY(gpt2->problem.empty());

        const CatalogEntry* xlnet = find(entries, "xlnet/xlnet-tiny");
        QCOMPARE(xlnet->modelType, std::string("xlnet"));
        QCOMPARE(xlnet->architecture, std::string("XLNetForSequenceClassification"));
        QVERIFY(xlnet->hasTokenizer);
        QVERIFY2(xlnet->problem.empty(), xlnet->problem.c_str());

        const CatalogEntry* t5 = find(entries, "google/t5-tiny");
        QCOMPARE(t5->modelType, std::string("t5"));
        QVERIFY(!t5->problem.empty());
        QVERIFY2(QString::fromStdString(t5->problem).contains(QStringLiteral("t5")),
                 t5->problem.c_str());

        // The resolved snapshot opens through the symlinks as a model.
        const auto model = ft::models::Model::open(bert->folder);
        QCOMPARE(model.info().architecture, std::string("BertForSequenceClassification"));
        QVERIFY(model.tokenizer() != nullptr);
    }

    void fallsBackToTheNewestSnapshotWhenRefsPointNowhere() {
        QTemporaryDir tmp;
        const QString hub = tmp.filePath(QStringLiteral("hub"));
        QVERIFY(addSnapshot(hub, QStringLiteral("models--org--model"), QStringLiteral("one"),
                            QStringLiteral("roberta-tiny"), false));
        QVERIFY(writeFile(hub + QStringLiteral("/models--org--model/refs/main"), "missing\n"));
        const std::string snapshot = ft::models::resolveSnapshot(
            (hub + QStringLiteral("/models--org--model")).toStdString());
        QVERIFY(QString::fromStdString(snapshot).endsWith(QStringLiteral("/snapshots/one")));
        // A ref that tries to leave snapshots/ is not followed.
        QVERIFY(writeFile(hub + QStringLiteral("/models--org--model/refs/main"), "../../x"));
        QVERIFY(
            QString::fromStdString(ft::models::resolveSnapshot(
                                       (hub + QStringLiteral("/models--org--model")).toStdString()))
                .endsWith(QStringLiteral("/snapshots/one")));
        QCOMPARE(ft::models::resolveSnapshot(tmp.filePath(QStringLiteral("nothing")).toStdString()),
                 std::string());
    }

    void cacheFoldersFollowTheEnvironment() {
        QTemporaryDir a, b;
        QVERIFY(QDir().mkpath(a.filePath(QStringLiteral("hub"))));
        QVERIFY(QDir().mkpath(b.filePath(QStringLiteral("explicit"))));
        QVERIFY(addSnapshot(a.filePath(QStringLiteral("hub")), QStringLiteral("models--x--same"),
                            QStringLiteral("r1"), QStringLiteral("bert-tiny"), true));
        QVERIFY(addSnapshot(b.filePath(QStringLiteral("explicit")),
                            QStringLiteral("models--x--same"), QStringLiteral("r2"),
                            QStringLiteral("distilbert-tiny"), true));
        qputenv("HF_HOME", a.path().toUtf8());
        qputenv("HUGGINGFACE_HUB_CACHE", b.filePath(QStringLiteral("explicit")).toUtf8());
        qunsetenv("HF_HUB_CACHE");
        const auto dirs = ft::models::huggingFaceCacheDirs();
        QVERIFY(dirs.size() >= 2);
        QCOMPARE(QString::fromStdString(dirs[0]), b.filePath(QStringLiteral("explicit")));
        QCOMPARE(QString::fromStdString(dirs[1]), a.filePath(QStringLiteral("hub")));

        // The same repository in two caches is listed once, from the first cache.
        const auto all = ft::models::findCachedModels();
        const CatalogEntry* same = find(all, "x/same");
        QVERIFY(same);
        QCOMPARE(same->revision, std::string("r2"));
        QCOMPARE(same->modelType, std::string("distilbert"));
        int count = 0;
        for (const auto& e : all) count += e.repoId == "x/same";
        QCOMPARE(count, 1);
        qunsetenv("HF_HOME");
        qunsetenv("HUGGINGFACE_HUB_CACHE");
    }

    void describesAPlainFolder() {
        const auto e = ft::models::describeFolder(
            (kFixtures + QStringLiteral("/distilbert-tiny")).toStdString());
        QCOMPARE(e.repoId, std::string("distilbert-tiny"));
        QCOMPARE(e.modelType, std::string("distilbert"));
        QVERIFY(e.hasWeights && e.hasTokenizer);
        QVERIFY(e.problem.empty());

        QTemporaryDir tmp;
        QVERIFY(writeFile(tmp.filePath(QStringLiteral("config.json")), "{ not json"));
        const auto broken = ft::models::describeFolder(tmp.path().toStdString());
        QVERIFY(QString::fromStdString(broken.problem).contains(QStringLiteral("config.json")));
        QVERIFY(!broken.hasWeights);
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
