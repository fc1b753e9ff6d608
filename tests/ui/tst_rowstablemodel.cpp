#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "rowstablemodel.h"
#include "store/project.h"
#include "store/sqlite.h"

using ft::store::Project;
using ft::store::RowFilter;
using ft::ui::RowsTableModel;

namespace {

constexpr int kRows = 3000;

// Row i: "text i"; every third row unlabelled, the others ham / spam alternately.
std::optional<std::string> labelOf(int i) {
    if (i % 3 == 0) return std::nullopt;
    return std::string(i % 2 ? "spam" : "ham");
}

int64_t fillProject(Project& project) {
    const int64_t dataset = project.createDataset("sms");
    ft::store::Transaction tx(project.handle());
    ft::store::SourceInfo source;
    source.datasetId = dataset;
    source.path = "/data/sms.tsv";
    const int64_t sourceId = project.addSource(source);
    ft::store::RowInserter inserter(project.handle(), dataset, sourceId);
    for (int i = 0; i < kRows; ++i) {
        inserter.insert(i, i + 1, "text " + std::to_string(i), std::nullopt, labelOf(i),
                        labelOf(i));
    }
    tx.commit();
    return dataset;
}

}  // namespace

class TestRowsTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        m_project = std::make_unique<Project>(
            Project::create(m_dir->filePath(QStringLiteral("p")).toStdString()));
        m_dataset = fillProject(*m_project);
    }
    void cleanup() {
        m_project.reset();
        m_dir.reset();
    }

    void passesModelTester() {
        RowsTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDataset(m_project.get(), m_dataset);
        while (model.canFetchMore({})) model.fetchMore({});
        QCOMPARE(model.rowCount(), kRows);
        model.setFilter(RowFilter{RowFilter::Labelled::Unlabelled, {}, {}, {}, true});
        QCOMPARE(model.totalRows(), int64_t(kRows / 3));
        QVERIFY(model.setData(model.index(0, model.columnOf(RowsTableModel::Column::Label)),
                              QStringLiteral("ham")));
        model.setDataset(nullptr, 0);
        QCOMPARE(model.rowCount(), 0);
    }

    void fetchesLazilyInBlocks() {
        RowsTableModel model;
        model.setDataset(m_project.get(), m_dataset);
        QCOMPARE(model.totalRows(), int64_t(kRows));
        QCOMPARE(model.rowCount(), RowsTableModel::kBlockSize);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2 * RowsTableModel::kBlockSize);
        const int text = model.columnOf(RowsTableModel::Column::Text);
        QCOMPARE(model.index(300, text).data().toString(), QStringLiteral("text 300"));
        QCOMPARE(model.index(300, model.columnOf(RowsTableModel::Column::Source)).data().toString(),
                 QStringLiteral("sms.tsv:301"));
        // No text pair, no cleaning, no split: those columns are absent.
        QCOMPARE(model.columnOf(RowsTableModel::Column::TextPair), -1);
        QCOMPARE(model.columnOf(RowsTableModel::Column::CleanText), -1);
        QCOMPARE(model.columnOf(RowsTableModel::Column::Split), -1);
        QCOMPARE(model.labels(), (QStringList{QStringLiteral("spam"), QStringLiteral("ham")}));
    }

    void labelsThroughSetDataAndUndoes() {
        RowsTableModel model;
        model.setDataset(m_project.get(), m_dataset);
        QSignalSpy changed(&model, &RowsTableModel::labelsChanged);
        const int label = model.columnOf(RowsTableModel::Column::Label);
        const QModelIndex first = model.index(0, label);  // row 0 is unlabelled
        QCOMPARE(first.data().toString(), QString());
        QVERIFY(first.flags() & Qt::ItemIsEditable);
        QVERIFY(!(model.index(0, 0).flags() & Qt::ItemIsEditable));

        QVERIFY(model.setData(first, QStringLiteral("spam")));
        QCOMPARE(first.data().toString(), QStringLiteral("spam"));
        QCOMPARE(m_project->row(model.rowIdAt(0))->label, std::optional<std::string>("spam"));
        QCOMPARE(changed.count(), 1);

        // A new label joins the label set.
        QVERIFY(model.setData(model.index(1, label), QStringLiteral("maybe")));
        QVERIFY(model.labels().contains(QStringLiteral("maybe")));

        bool undone = false;
        QCOMPARE(model.undoLabelChange(&undone), 1);
        QVERIFY(undone);
        QCOMPARE(model.index(1, label).data().toString(), QStringLiteral("spam"));
        QCOMPARE(model.undoLabelChange(&undone), 0);
        QCOMPARE(first.data().toString(), QString());
        QVERIFY(!m_project->row(model.rowIdAt(0))->label.has_value());

        // Clearing through setData with an empty value.
        QVERIFY(model.setData(model.index(2, label), QString()));
        QVERIFY(!m_project->row(model.rowIdAt(2))->label.has_value());
    }

    void labellingInAnUnlabelledFilterSkipsNoRow() {
        RowsTableModel model;
        model.setDataset(m_project.get(), m_dataset);
        model.setFilter(RowFilter{RowFilter::Labelled::Unlabelled, {}, {}, {}, true});
        const std::vector<int64_t> expected = [&] {
            std::vector<int64_t> ids;
            for (const auto& r : m_project->rows(m_dataset, model.filter(), 0, kRows)) {
                ids.push_back(r.id);
            }
            return ids;
        }();
        // Label the first 100 fetched rows: they leave the filter in the database
        // but the rows fetched afterwards must continue without a gap.
        for (int i = 0; i < 100; ++i) QVERIFY(model.setLabelAt(i, std::string("ham")));
        while (model.canFetchMore({})) model.fetchMore({});
        QCOMPARE(model.rowCount(), int(expected.size()));
        for (int i = 0; i < model.rowCount(); ++i) QCOMPARE(model.rowIdAt(i), expected[size_t(i)]);
        QCOMPARE(model.findUnlabelled(0), 100);
    }

    void findsTheNextUnlabelledRowBeyondTheFetchedBlock() {
        RowsTableModel model;
        model.setDataset(m_project.get(), m_dataset);
        model.setFilter(RowFilter{RowFilter::Labelled::Labelled, {}, {}, {}, true});
        QCOMPARE(model.findUnlabelled(0), -1);
        model.setFilter({});
        QCOMPARE(model.findUnlabelled(1), 3);
        QCOMPARE(model.findUnlabelled(2995), 2997);
        QCOMPARE(model.findUnlabelled(2998), -1);
        QVERIFY(model.rowCount() >= 3000);
    }

    void renamesALabel() {
        RowsTableModel model;
        model.setDataset(m_project.get(), m_dataset);
        QVERIFY(model.renameLabel(QStringLiteral("spam"), QStringLiteral("junk")));
        QCOMPARE(model.labels(), (QStringList{QStringLiteral("junk"), QStringLiteral("ham")}));
        const int label = model.columnOf(RowsTableModel::Column::Label);
        QCOMPARE(model.index(1, label).data().toString(), QStringLiteral("junk"));
        QCOMPARE(model.index(1, label).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("In the file: spam"));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Project> m_project;
    int64_t m_dataset = 0;
};

QTEST_MAIN(TestRowsTableModel)
#include "tst_rowstablemodel.moc"
