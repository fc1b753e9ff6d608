#pragma once

#include <optional>
#include <utility>

#include <QWidget>

#include "evalworker.h"

class QCustomPlot;
class QCPItemRect;
class QMouseEvent;
class QToolButton;

namespace ft::ui {

// The confusion matrix heatmap of an evaluation with a Counts / Row-normalized switch
// and a Save button. Clicking a cell selects it (outlined) and emits cellClicked; the
// page lists that cell's rows. Hovering a cell shows its numbers in a tooltip.
// GUI thread only.
class ConfusionView : public QWidget {
    Q_OBJECT
public:
    explicit ConfusionView(QWidget* parent = nullptr);

    // Redraws for a new evaluation (nullptr: empty) and clears the selection.
    void setBundle(EvalBundlePtr bundle);
    void setRowNormalized(bool rowNormalized);
    bool isRowNormalized() const { return m_rowNormalized; }
    // Selects a cell as a click does (emits cellClicked).
    void selectCell(int trueClass, int predicted);
    std::optional<std::pair<int, int>> selectedCell() const { return m_selected; }
    QCustomPlot* plot() const { return m_plot; }
    // The centre of a cell in the plot's coordinates (for tests and keyboard users).
    QPoint cellCenter(int trueClass, int predicted) const;

Q_SIGNALS:
    void cellClicked(int trueClass, int predicted);

private:
    void redraw();
    void updateHighlight();
    void onMousePress(QMouseEvent* event);
    void onMouseMove(QMouseEvent* event);

    EvalBundlePtr m_bundle;
    bool m_rowNormalized = false;
    std::optional<std::pair<int, int>> m_selected;
    QCustomPlot* m_plot;
    QToolButton* m_counts;
    QToolButton* m_normalized;
    QCPItemRect* m_highlight = nullptr;
};

}  // namespace ft::ui
