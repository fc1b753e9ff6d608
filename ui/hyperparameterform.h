#pragma once

#include <cstdint>
#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include <QString>
#include <QStringList>
#include <QWidget>

#include "train/runconfig.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace ft::ui {

// Every knob of a run config (train::RunConfig, docs/run-config.md) as a form: the data and
// the model at the top, then optimisation, model changes, evaluation and early stopping,
// reproducibility and hardware. Each field has its unit, its range and a tooltip that says
// what it does in a practitioner's words.
//
// The rules are the core's: validate() runs train::parseRunConfig on each field's value
// and on the whole document, and train::checkAgainstModel against the chosen model's
// config.json, and flags every bad field where it is (a red frame and the core's message
// under it). Errors the core finds later (Trainer::createRun: labels the head lacks, a
// split without rows) are shown with showError(), at their field too.
//
// Presets set the optimisation knobs only (never the data, the model, dropout, freezing,
// class weights, the seed or the hardware):
//  - Quick look: 1 epoch, batch 32, max length 64, evaluation 4 times in the epoch, a peak
//    learning rate of 5e-5 (5e-4 for a built-in, randomly initialised model), 10 % warmup,
//    linear decay, weight decay 0.01, clipping at 1.0, no early stopping.
//  - Standard (Hugging Face Trainer's habits): 3 epochs, batch 16, max length 128,
//    evaluation at each epoch end, learning rate 5e-5 (5e-4 built-in), 10 % warmup, linear,
//    weight decay 0.01, clipping at 1.0, best checkpoint by macro-F1, no early stopping.
//  - Careful: 6 epochs at a lower rate, 2e-5 (3e-4 built-in), batch 16, max length 128,
//    evaluation twice per epoch with a checkpoint each time, 10 % warmup, linear, weight
//    decay 0.01, clipping at 1.0, early stopping on macro-F1 (patience 3, min delta 0.001).
// Max length never exceeds the model's positions.
//
// GUI thread only.
class HyperparameterForm : public QWidget {
    Q_OBJECT
public:
    enum class Preset { QuickLook, Standard, Careful };

    explicit HyperparameterForm(QWidget* parent = nullptr);

    // What the project offers. Datasets by name, the selected one first choice; splitText
    // describes its latest split; labels in the dataset's order (for custom class weights);
    // trainRows sizes the presets' evaluation intervals (0: unknown).
    void setDatasets(const QStringList& names, const QString& current);
    void setSplitInfo(const QString& text, int64_t trainRows);
    void setLabels(const QStringList& labels);
    // The model the Model page stored ("folder:<path>" / "builtin:<name>", "" for none);
    // chosen in the form when selectIt is true.
    void setProjectModel(const QString& setting, bool selectIt);
    QString modelValue() const;  // the run config's "model"

    // The form as a run config document. A value typed wrongly stays as typed, so that the
    // core's parser names it.
    nlohmann::json document() const;
    // Validates every field (see above), flags the bad ones and returns the config when
    // every field is good.
    std::optional<train::RunConfig> validate();
    // Shows an error the core reported (message "run config: <key>: <problem>") at its
    // field and in the banner above the form.
    void showError(const QString& message);
    void clearErrors();
    // "key: problem" of every flagged field, and the banner's text.
    QStringList fieldErrors() const;
    QString bannerText() const;
    bool hasErrors() const;

    // Loads every field from a config (a loaded file, or a run of the history).
    void setConfig(const train::RunConfig& config);
    // Preferences changed the default threads / device: fields still showing the previous
    // defaults take the new ones (AppSettings); a value chosen in the form stays.
    void followRuntimeDefaults(int previousThreads, const QString& previousDevice);
    void applyPreset(Preset preset);
    // Writes the validated config as the JSON `finetune train --config` reads (atomically);
    // loads one. On failure the message names the file and the key, and the form stays
    // unchanged (load) or the file is not written (save).
    bool saveToFile(const QString& path, QString* error);
    bool loadFromFile(const QString& path, QString* error);

    // The model's shape (for checkAgainstModel): layers and positions, "" error when known.
    struct ModelLimits {
        bool known = false;
        int64_t layers = 0, maxPositions = 0;
        bool builtin = false;
        QString error;  // config.json could not be read
    };
    const ModelLimits& modelLimits() const { return m_limits; }

    // Presets' tooltips and what they set, for the documentation.
    static QString presetDescription(Preset preset);

public Q_SLOTS:
    void saveDialog();
    void loadDialog();

Q_SIGNALS:
    // Any field changed (after validation).
    void changed();
    void validityChanged(bool valid);
    void statusMessage(const QString& text);

private:
    QWidget* createDataGroup();
    QWidget* createOptimisationGroup();
    QWidget* createModelChangesGroup();
    QWidget* createEvaluationGroup();
    QWidget* createHardwareGroup();
    // A row: label (with tooltip), the editor with its unit, and an error line under it.
    void addRow(QFormLayout* form, const QString& label, const QString& key, QWidget* editor,
                const QString& unit, const QString& tip, const QStringList& alsoKeys = {});
    void flag(const QString& key, const QString& problem);
    void updateModelLimits();
    void updateVisibility();
    void onEdited();
    int64_t stepsPerEpoch(int64_t batch) const;

    bool m_loading = false;  // setConfig in progress: validate once at the end
    bool m_valid = false;
    ModelLimits m_limits;
    std::optional<int64_t> m_splitId;
    int64_t m_trainRows = 0;
    QStringList m_labels;

    std::map<QString, QWidget*> m_editors;   // run config key -> the editor to frame
    std::map<QString, QLabel*> m_errorLine;  // run config key -> the line under the editor
    std::map<QString, QString> m_errors;     // flagged keys -> problem

    QLabel* m_banner;
    QLineEdit* m_name;
    QComboBox* m_dataset;
    QLabel* m_split;
    QPushButton* m_latestSplit;
    QComboBox* m_model;
    QPushButton* m_browseModel;
    QLabel* m_modelNote;
    QLineEdit* m_tokenizer;
    QPushButton* m_browseTokenizer;
    QCheckBox* m_newHead;

    QLineEdit* m_learningRate;
    QSpinBox* m_batchSize;
    QSpinBox* m_evalBatchSize;
    QSpinBox* m_epochs;
    QSpinBox* m_maxSteps;
    QSpinBox* m_maxLength;
    QSpinBox* m_accumulation;
    QComboBox* m_schedule;
    QComboBox* m_warmupMode;
    QStackedWidget* m_warmupStack;
    QSpinBox* m_warmupSteps;
    QDoubleSpinBox* m_warmupRatio;
    QDoubleSpinBox* m_weightDecay;
    QDoubleSpinBox* m_maxGradNorm;
    QComboBox* m_classWeightsMode;
    QLineEdit* m_classWeights;
    QDoubleSpinBox* m_beta1;
    QDoubleSpinBox* m_beta2;
    QLineEdit* m_epsilon;

    QDoubleSpinBox* m_hiddenDropout;
    QDoubleSpinBox* m_attentionDropout;
    QDoubleSpinBox* m_classifierDropout;
    QSpinBox* m_freezeLayers;
    QCheckBox* m_freezeEmbeddings;
    QCheckBox* m_headOnly;

    QSpinBox* m_evalSteps;
    QSpinBox* m_saveSteps;
    QComboBox* m_metricForBest;
    QCheckBox* m_groupByLength;
    QCheckBox* m_earlyStopping;
    QComboBox* m_esMetric;
    QSpinBox* m_patience;
    QDoubleSpinBox* m_minDelta;

    QSpinBox* m_seed;
    QSpinBox* m_threads;
    QComboBox* m_device;
};

}  // namespace ft::ui
