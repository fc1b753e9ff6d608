#pragma once

#include <cstdint>
#include <vector>

#include <QAbstractTableModel>
#include <QWidget>

#include "store/project.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace ft::ui {

// The project's runs as a table, newest first: name, status, best validation value, date.
// GUI thread only.
class RunHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Status, Best, Date, ColumnCount };
    static constexpr int kRunIdRole = Qt::UserRole;

    explicit RunHistoryModel(QObject* parent = nullptr);

    void setRuns(std::vector<store::RunInfo> runs);
    const std::vector<store::RunInfo>& runs() const { return m_runs; }
    // -1 when the run is not listed.
    int rowOf(int64_t runId) const;
    const store::RunInfo* run(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "macro-F1 0.8312" from a run's metric_for_best and best value ("" without one).
    static QString bestText(const store::RunInfo& run);
    // "2026-11-26 06:15" in local time from the store's UTC stamp.
    static QString dateText(const std::string& utc);
    static QString statusText(store::RunStatus status);

private:
    std::vector<store::RunInfo> m_runs;
};

// The run history of the Train page: the table of runs and, for the selected one, what it
// is (model, dataset, status, error) and its config, with Resume for a paused, stopped or
// crashed run and "Use this config" to load its config into the form. Reads the GUI
// thread's Project (not owned). GUI thread only.
class RunHistory : public QWidget {
    Q_OBJECT
public:
    explicit RunHistory(QWidget* parent = nullptr);

    // nullptr empties the list.
    void setProject(store::Project* project);
    // Reloads the runs from the project, keeping the selection.
    void refresh();
    void selectRun(int64_t runId);
    int64_t selectedRun() const;
    // The run training in this window right now: it offers neither Resume nor its config.
    void setActiveRun(int64_t runId);
    RunHistoryModel* model() const { return m_model; }
    static bool isResumable(store::RunStatus status);

Q_SIGNALS:
    // 0 when the selection is cleared.
    void runSelected(qint64 runId);
    void resumeRequested(qint64 runId);
    void useConfigRequested(qint64 runId);

private:
    void showDetails();

    store::Project* m_project = nullptr;
    int64_t m_activeRun = 0;
    RunHistoryModel* m_model;
    QTableView* m_table;
    QLabel* m_summary;
    QLabel* m_error;
    QPlainTextEdit* m_config;
    QPushButton* m_resume;
    QPushButton* m_useConfig;
};

}  // namespace ft::ui
