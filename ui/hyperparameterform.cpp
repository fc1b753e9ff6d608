#include "hyperparameterform.h"

#include <algorithm>
#include <cmath>

#include <climits>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QLoggingCategory>
#include <QPalette>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "appsettings.h"
#include "error.h"
#include "io/modelconfig.h"
#include "models/model.h"

Q_LOGGING_CATEGORY(lcHyperparameters, "ft.ui.hyperparameters", QtInfoMsg)

namespace ft::ui {

namespace {

using nlohmann::json;

constexpr int kModelRole = Qt::UserRole;
constexpr int kProjectModelRole = Qt::UserRole + 1;
const char* const kLastConfigDir = "train/lastConfigFolder";
const char* const kLastTokenizer = "train/lastTokenizerFolder";

// Rich text, so Qt wraps long tooltips instead of drawing one endless line.
QString tip(const QString& text) {
    return QStringLiteral("<p style='max-width: 420px'>%1</p>").arg(text.toHtmlEscaped());
}

void markInvalid(QWidget* w, bool invalid) {
    w->setProperty("invalid", invalid);
    // Spin boxes draw their text field with an inner line edit of their own palette.
    QList<QWidget*> targets{w};
    for (QLineEdit* inner : w->findChildren<QLineEdit*>()) targets << inner;
    for (QWidget* t : targets) {
        if (!invalid) {
            t->setPalette(QPalette());  // back to the inherited one
            continue;
        }
        QPalette p = t->palette();
        p.setColor(QPalette::Base, QColor(0xfd, 0xe7, 0xe9));
        p.setColor(QPalette::WindowText, QColor(0xa5, 0x0e, 0x0e));
        t->setPalette(p);
    }
}

// A number as typed, in the C locale or the user's; otherwise the text itself, so the
// core's parser reports "expected a number, found \"abc\"".
json numberOrText(const QString& typed) {
    const QString t = typed.trimmed();
    bool ok = false;
    double v = QLocale::c().toDouble(t, &ok);
    if (!ok) v = QLocale().toDouble(t, &ok);
    if (ok) return v;
    return t.toStdString();
}

QString formatNumber(double v) { return QString::number(v, 'g', 8); }

QDoubleSpinBox* probabilitySpin(double min, const QString& special) {
    auto* spin = new QDoubleSpinBox;
    spin->setRange(min, 0.95);
    spin->setSingleStep(0.05);
    spin->setDecimals(2);
    if (!special.isEmpty()) spin->setSpecialValueText(special);
    return spin;
}

QSpinBox* intSpin(int min, int max, const QString& special = {}) {
    auto* spin = new QSpinBox;
    spin->setRange(min, max);
    if (!special.isEmpty()) spin->setSpecialValueText(special);
    spin->setAccelerated(true);
    return spin;
}

// Whether the core trains a built-in shape without a tokenizer folder (a vocabulary built
// from the data); asked once, so the form follows the core's rule.
bool builtinNeedsTokenizer() {
    static const bool needs = [] {
        try {
            train::parseRunConfig(json{{"model", "builtin:bert-tiny"}});
            return false;
        } catch (const Error&) {
            return true;
        }
    }();
    return needs;
}

}  // namespace

HyperparameterForm::HyperparameterForm(QWidget* parent)
    : QWidget(parent),
      m_banner(new QLabel),
      m_name(new QLineEdit),
      m_dataset(new QComboBox),
      m_split(new QLabel),
      m_latestSplit(new QPushButton(tr("Use the latest"))),
      m_model(new QComboBox),
      m_browseModel(new QPushButton(tr("Folder…"))),
      m_modelNote(new QLabel),
      m_tokenizer(new QLineEdit),
      m_browseTokenizer(new QPushButton(tr("Folder…"))),
      m_newHead(new QCheckBox(tr("replace the classification head"))),
      m_learningRate(new QLineEdit),
      m_batchSize(intSpin(1, 4096)),
      m_evalBatchSize(intSpin(1, 4096)),
      m_epochs(intSpin(1, 1000)),
      m_maxSteps(intSpin(0, 10000000, tr("no cap"))),
      m_maxLength(intSpin(2, 16384)),
      m_accumulation(intSpin(1, 1024)),
      m_schedule(new QComboBox),
      m_warmupMode(new QComboBox),
      m_warmupStack(new QStackedWidget),
      m_warmupSteps(intSpin(0, 10000000)),
      m_warmupRatio(new QDoubleSpinBox),
      m_weightDecay(new QDoubleSpinBox),
      m_maxGradNorm(new QDoubleSpinBox),
      m_classWeightsMode(new QComboBox),
      m_classWeights(new QLineEdit),
      m_beta1(new QDoubleSpinBox),
      m_beta2(new QDoubleSpinBox),
      m_epsilon(new QLineEdit),
      m_hiddenDropout(probabilitySpin(-0.05, tr("as the model"))),
      m_attentionDropout(probabilitySpin(-0.05, tr("as the model"))),
      m_classifierDropout(probabilitySpin(-0.05, tr("as the model"))),
      m_freezeLayers(intSpin(0, 96, tr("none"))),
      m_freezeEmbeddings(new QCheckBox(tr("freeze the embeddings"))),
      m_headOnly(new QCheckBox(tr("train the classification head only"))),
      m_evalSteps(intSpin(0, 10000000, tr("each epoch"))),
      m_saveSteps(intSpin(0, 10000000, tr("each epoch"))),
      m_metricForBest(new QComboBox),
      m_groupByLength(new QCheckBox(tr("batch texts of similar length"))),
      m_earlyStopping(new QCheckBox(tr("stop when validation stops improving"))),
      m_esMetric(new QComboBox),
      m_patience(intSpin(1, 1000)),
      m_minDelta(new QDoubleSpinBox),
      m_seed(intSpin(0, INT_MAX)),
      m_threads(intSpin(0, 1024, tr("all cores"))),
      m_device(new QComboBox) {
    setObjectName(QStringLiteral("hyperparameterForm"));
    // Bad fields turn pink (a palette change keeps the native look of spin boxes and
    // combos, which a style-sheet border would replace); their message sits under them.
    setStyleSheet(QStringLiteral("QLabel[role=\"fieldError\"] { color: #a50e0e; }"));

    m_banner->setObjectName(QStringLiteral("trainConfigError"));
    m_banner->setProperty("role", QStringLiteral("error"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->hide();

    auto* presets = new QHBoxLayout;
    presets->setSpacing(4);
    auto* presetLabel = new QLabel(tr("Preset:"));
    presets->addWidget(presetLabel);
    const std::pair<Preset, QString> presetButtons[] = {{Preset::QuickLook, tr("Quick look")},
                                                        {Preset::Standard, tr("Standard")},
                                                        {Preset::Careful, tr("Careful")}};
    const char* presetNames[] = {"presetQuickLook", "presetStandard", "presetCareful"};
    int i = 0;
    for (const auto& [preset, text] : presetButtons) {
        auto* button = new QPushButton(text);
        button->setObjectName(QLatin1String(presetNames[i++]));
        button->setToolTip(tip(presetDescription(preset)));
        connect(button, &QPushButton::clicked, this, [this, p = preset] { applyPreset(p); });
        presets->addWidget(button);
    }
    presets->addStretch();
    auto* load = new QPushButton(tr("Load…"));
    load->setObjectName(QStringLiteral("loadConfigButton"));
    load->setToolTip(
        tip(tr("Load a run config (JSON) saved here or written for 'finetune train --config'.")));
    auto* save = new QPushButton(tr("Save…"));
    save->setObjectName(QStringLiteral("saveConfigButton"));
    save->setToolTip(
        tip(tr("Save these settings as a run config (JSON). 'finetune train --project P --config "
               "FILE' runs it unchanged, e.g. on a server without a display.")));
    connect(load, &QPushButton::clicked, this, &HyperparameterForm::loadDialog);
    connect(save, &QPushButton::clicked, this, &HyperparameterForm::saveDialog);
    presets->addWidget(load);
    presets->addWidget(save);
    // Compact: five buttons share the form's width.
    for (int k = 1; k < presets->count(); ++k)
        if (auto* b = qobject_cast<QPushButton*>(presets->itemAt(k)->widget()))
            b->setStyleSheet(QStringLiteral("padding: 4px 8px;"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->setSpacing(6);
    layout->addLayout(presets);
    layout->addWidget(m_banner);
    layout->addWidget(createDataGroup());
    layout->addWidget(createOptimisationGroup());
    layout->addWidget(createModelChangesGroup());
    layout->addWidget(createEvaluationGroup());
    layout->addWidget(createHardwareGroup());
    layout->addStretch();

    // Defaults are the core's (a default RunConfig) with the threads and device of
    // Edit → Preferences, then the Standard preset on top.
    train::RunConfig defaults;
    defaults.model = "builtin:bert-mini";
    defaults.threads = AppSettings::threads();
    defaults.device = AppSettings::device().toStdString();
    defaults.tokenizer = QSettings().value(QLatin1String(kLastTokenizer)).toString().toStdString();
    setConfig(defaults);
    applyPreset(Preset::Standard);

    for (QLineEdit* e : {m_name, m_tokenizer, m_learningRate, m_classWeights, m_epsilon})
        connect(e, &QLineEdit::textChanged, this, &HyperparameterForm::onEdited);
    for (QSpinBox* s :
         {m_batchSize, m_evalBatchSize, m_epochs, m_maxSteps, m_maxLength, m_accumulation,
          m_warmupSteps, m_freezeLayers, m_evalSteps, m_saveSteps, m_patience, m_seed, m_threads})
        connect(s, &QSpinBox::valueChanged, this, &HyperparameterForm::onEdited);
    for (QDoubleSpinBox* s : {m_warmupRatio, m_weightDecay, m_maxGradNorm, m_beta1, m_beta2,
                              m_hiddenDropout, m_attentionDropout, m_classifierDropout, m_minDelta})
        connect(s, &QDoubleSpinBox::valueChanged, this, &HyperparameterForm::onEdited);
    for (QComboBox* c : {m_dataset, m_schedule, m_warmupMode, m_classWeightsMode, m_metricForBest,
                         m_esMetric, m_device})
        connect(c, &QComboBox::currentTextChanged, this, &HyperparameterForm::onEdited);
    for (QCheckBox* c :
         {m_newHead, m_freezeEmbeddings, m_headOnly, m_groupByLength, m_earlyStopping})
        connect(c, &QCheckBox::toggled, this, &HyperparameterForm::onEdited);
    connect(m_model, &QComboBox::currentIndexChanged, this, [this] {
        updateModelLimits();
        onEdited();
    });
    connect(m_metricForBest, &QComboBox::currentTextChanged, this, [this](const QString& metric) {
        // Early stopping usually watches what picks the best checkpoint.
        if (!m_loading && !m_earlyStopping->isChecked()) m_esMetric->setCurrentText(metric);
    });
    connect(m_latestSplit, &QPushButton::clicked, this, [this] {
        m_splitId.reset();
        updateVisibility();
        onEdited();
    });
    connect(m_browseModel, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(
            this, tr("A checkpoint folder (config.json + weights + tokenizer)"));
        if (dir.isEmpty()) return;
        const QString path = QDir(dir).absolutePath();
        int index = m_model->findData(path, kModelRole);
        if (index < 0) {
            m_model->addItem(tr("%1 (folder)").arg(QFileInfo(path).fileName()), path);
            index = m_model->count() - 1;
            m_model->setItemData(index, QDir::toNativeSeparators(path), Qt::ToolTipRole);
        }
        m_model->setCurrentIndex(index);
    });
    connect(m_browseTokenizer, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(
            this, tr("A tokenizer folder (vocab.txt, tokenizer.json, …)"), m_tokenizer->text());
        if (dir.isEmpty()) return;
        QSettings().setValue(QLatin1String(kLastTokenizer), dir);
        m_tokenizer->setText(dir);
    });
}

QString HyperparameterForm::presetDescription(Preset preset) {
    switch (preset) {
        case Preset::QuickLook:
            return tr(
                "Quick look — does the model learn at all? 1 epoch, batch 32, max length 64, "
                "validation 4 times in the epoch, learning rate 5e-5 (5e-4 for a built-in "
                "model), 10 % warmup, linear decay, weight decay 0.01, clipping at 1.0.");
        case Preset::Standard:
            return tr(
                "Standard — the usual fine-tuning recipe: 3 epochs, batch 16, max length "
                "128, validation at each epoch end, learning rate 5e-5 (5e-4 for a "
                "built-in model), 10 % warmup, linear decay, weight decay 0.01, clipping "
                "at 1.0, best checkpoint by macro-F1.");
        case Preset::Careful:
            return tr(
                "Careful — the most from a small dataset: 6 epochs at learning rate 2e-5 "
                "(3e-4 built-in), batch 16, max length 128, validation and a checkpoint "
                "twice per epoch, 10 % warmup, linear decay, weight decay 0.01, clipping "
                "at 1.0, early stopping on macro-F1 (patience 3, min delta 0.001).");
    }
    return {};
}

void HyperparameterForm::addRow(QFormLayout* form, const QString& label, const QString& key,
                                QWidget* editor, const QString& unit, const QString& text,
                                const QStringList& alsoKeys) {
    auto* box = new QWidget;
    auto* v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(1);
    auto* h = new QHBoxLayout;
    h->setSpacing(6);
    h->addWidget(editor, 1);
    if (!unit.isEmpty()) {
        auto* u = new QLabel(unit);
        u->setProperty("role", QStringLiteral("hint"));
        u->setMinimumWidth(u->sizeHint().width());
        h->addWidget(u);
    }
    v->addLayout(h);
    auto* error = new QLabel;
    error->setObjectName(QStringLiteral("fieldError_") + key);
    error->setProperty("role", QStringLiteral("fieldError"));
    error->setWordWrap(true);
    error->hide();
    v->addWidget(error);

    auto* l = new QLabel(label);
    l->setBuddy(editor);
    l->setToolTip(tip(text));
    editor->setToolTip(tip(text));
    editor->setObjectName(editor->objectName().isEmpty() ? QStringLiteral("hp_") + key
                                                         : editor->objectName());
    form->addRow(l, box);
    for (const QString& k : QStringList(key) + alsoKeys) {
        m_editors[k] = editor;
        m_errorLine[k] = error;
    }
}

namespace {
QFormLayout* groupForm(QGroupBox* box) {
    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setHorizontalSpacing(10);
    form->setVerticalSpacing(5);
    return form;
}
}  // namespace

QWidget* HyperparameterForm::createDataGroup() {
    auto* box = new QGroupBox(tr("Data and model"));
    auto* form = groupForm(box);

    m_name->setPlaceholderText(tr("model on dataset"));
    addRow(form, tr("Run name"), QStringLiteral("name"), m_name, {},
           tr("A name for the run in the history. Empty: the model and the dataset, e.g. "
              "'bert-mini on support-tickets'."));

    auto* datasetRow = new QWidget;
    auto* dv = new QVBoxLayout(datasetRow);
    dv->setContentsMargins(0, 0, 0, 0);
    dv->setSpacing(2);
    dv->addWidget(m_dataset);
    auto* splitRow = new QHBoxLayout;
    m_split->setProperty("role", QStringLiteral("hint"));
    m_split->setWordWrap(true);
    m_split->setObjectName(QStringLiteral("trainSplitInfo"));
    splitRow->addWidget(m_split, 1);
    m_latestSplit->setObjectName(QStringLiteral("useLatestSplitButton"));
    m_latestSplit->hide();
    splitRow->addWidget(m_latestSplit);
    dv->addLayout(splitRow);
    m_dataset->setObjectName(QStringLiteral("trainDataset"));
    addRow(form, tr("Dataset"), QStringLiteral("dataset"), datasetRow, {},
           tr("The dataset to train on (stage 1) and its split: the train part teaches the "
              "model, the validation part draws the validation curves and picks the best "
              "checkpoint, the test part is kept for the evaluation (stage 4)."),
           {QStringLiteral("split")});
    m_editors[QStringLiteral("dataset")] = m_dataset;

    auto* modelRow = new QWidget;
    auto* mv = new QVBoxLayout(modelRow);
    mv->setContentsMargins(0, 0, 0, 0);
    mv->setSpacing(2);
    auto* mh = new QHBoxLayout;
    mh->addWidget(m_model, 1);
    m_browseModel->setObjectName(QStringLiteral("browseModelButton"));
    mh->addWidget(m_browseModel);
    mv->addLayout(mh);
    m_modelNote->setProperty("role", QStringLiteral("hint"));
    m_modelNote->setWordWrap(true);
    m_modelNote->setObjectName(QStringLiteral("trainModelNote"));
    mv->addWidget(m_modelNote);
    m_model->setObjectName(QStringLiteral("trainModel"));
    m_model->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_model->setMinimumContentsLength(16);
    for (const auto& name : models::Model::builtinNames()) {
        const QString n = QString::fromStdString(name);
        m_model->addItem(tr("%1 (built-in)").arg(n), QStringLiteral("builtin:") + n);
    }
    addRow(form, tr("Model"), QStringLiteral("model"), modelRow, {},
           tr("The model to fine-tune: the one chosen on the Model page (stage 2), another "
              "checkpoint folder, or a built-in BERT shape. Built-in shapes start from random "
              "weights: good for trying the workflow in minutes, not for real accuracy."));
    m_editors[QStringLiteral("model")] = m_model;

    auto* tokRow = new QWidget;
    auto* th = new QHBoxLayout(tokRow);
    th->setContentsMargins(0, 0, 0, 0);
    th->addWidget(m_tokenizer, 1);
    m_tokenizer->setObjectName(QStringLiteral("trainTokenizer"));
    m_browseTokenizer->setObjectName(QStringLiteral("browseTokenizerButton"));
    th->addWidget(m_browseTokenizer);
    addRow(form, tr("Tokenizer"), QStringLiteral("tokenizer"), tokRow, {},
           tr("A folder with tokenizer files (vocab.txt, tokenizer.json, …). Empty: the model "
              "folder's own tokenizer; a built-in shape has none of its own and gets a "
              "WordPiece vocabulary built from the training rows (or give it a BERT "
              "vocabulary folder such as bert-base-uncased)."));
    m_editors[QStringLiteral("tokenizer")] = m_tokenizer;

    m_newHead->setObjectName(QStringLiteral("trainNewHead"));
    addRow(form, tr("Head"), QStringLiteral("new_head"), m_newHead, {},
           tr("Replace the checkpoint's classification head by a new, randomly initialised "
              "one for your labels. Needed when the checkpoint was fine-tuned on other labels "
              "(say, a sentiment model and your intents). A checkpoint without a head always "
              "gets a new one."),
           {QStringLiteral("labels")});
    return box;
}

QWidget* HyperparameterForm::createOptimisationGroup() {
    auto* box = new QGroupBox(tr("Optimisation"));
    auto* form = groupForm(box);

    m_learningRate->setObjectName(QStringLiteral("hpLearningRate"));
    m_learningRate->setPlaceholderText(QStringLiteral("5e-5"));
    addRow(form, tr("Learning rate"), QStringLiteral("learning_rate"), m_learningRate,
           tr("peak, > 0"),
           tr("The peak step size of AdamW. Small (2e-5 to 5e-5) for pre-trained models; "
              "larger (1e-4 to 1e-3) for a built-in model trained from scratch or when only "
              "the head trains. With warmup, the rate climbs from 0 to this value first, then "
              "follows the schedule. Too high: the loss jumps about or turns NaN; too low: it "
              "barely moves."));
    m_epochs->setObjectName(QStringLiteral("hpEpochs"));
    addRow(form, tr("Epochs"), QStringLiteral("epochs"), m_epochs, tr("passes"),
           tr("Passes over the training rows. Pre-trained models usually need 2 to 4; more "
              "passes risk over-fitting — watch for the validation loss turning upward while "
              "the training loss keeps falling."));
    m_maxSteps->setObjectName(QStringLiteral("hpMaxSteps"));
    addRow(form, tr("Max steps"), QStringLiteral("max_steps"), m_maxSteps, tr("steps"),
           tr("Caps the optimizer steps of the whole run ('no cap': the epochs decide). Handy "
              "for a quick look at a large dataset. The schedule and warmup follow the cap."));
    m_batchSize->setObjectName(QStringLiteral("hpBatchSize"));
    addRow(form, tr("Batch size"), QStringLiteral("batch_size"), m_batchSize, tr("rows"),
           tr("Rows per forward and backward pass. Larger batches give smoother gradients and "
              "faster epochs but need more memory (the Model page's pre-flight check estimates "
              "it). 16 or 32 is typical; with a smaller batch, lower the learning rate a "
              "little."));
    m_accumulation->setObjectName(QStringLiteral("hpAccumulation"));
    addRow(form, tr("Accumulation"), QStringLiteral("gradient_accumulation_steps"), m_accumulation,
           tr("batches / step"),
           tr("Batches whose gradients are summed before each optimizer step: an effective "
              "batch of batch size × this, without the memory. Steps, warmup and the evaluation "
              "interval count optimizer steps."));
    m_maxLength->setObjectName(QStringLiteral("hpMaxLength"));
    addRow(form, tr("Max length"), QStringLiteral("max_length"), m_maxLength, tr("tokens"),
           tr("Tokens per text, special tokens included; longer texts are cut. The tokenizer "
              "preview on the Model page shows how long your texts are: cover most of them. "
              "Time and memory grow with it (attention with its square). At most the model's "
              "positions."));

    m_schedule->addItems(
        {QStringLiteral("linear"), QStringLiteral("cosine"), QStringLiteral("constant")});
    m_schedule->setObjectName(QStringLiteral("hpSchedule"));
    addRow(form, tr("Schedule"), QStringLiteral("schedule"), m_schedule, {},
           tr("How the learning rate moves after warmup: linear decay to 0 (the usual choice "
              "for fine-tuning), half a cosine down to 0, or constant. The learning rate plot "
              "shows it."));

    auto* warmup = new QWidget;
    warmup->setObjectName(QStringLiteral("warmupEditor"));
    auto* wh = new QHBoxLayout(warmup);
    wh->setContentsMargins(0, 0, 0, 0);
    m_warmupMode->addItem(tr("ratio"), QStringLiteral("ratio"));
    m_warmupMode->addItem(tr("steps"), QStringLiteral("steps"));
    m_warmupMode->setObjectName(QStringLiteral("hpWarmupMode"));
    m_warmupRatio->setRange(0, 1);
    m_warmupRatio->setDecimals(3);
    m_warmupRatio->setSingleStep(0.01);
    m_warmupRatio->setObjectName(QStringLiteral("hpWarmupRatio"));
    m_warmupRatio->setSuffix(tr(" of all steps"));
    m_warmupSteps->setObjectName(QStringLiteral("hpWarmupSteps"));
    m_warmupSteps->setSuffix(tr(" steps"));
    m_warmupStack->addWidget(m_warmupRatio);
    m_warmupStack->addWidget(m_warmupSteps);
    wh->addWidget(m_warmupMode);
    wh->addWidget(m_warmupStack, 1);
    addRow(form, tr("Warmup"), QStringLiteral("warmup_ratio"), warmup, {},
           tr("The first steps, during which the learning rate climbs from 0 to its peak. "
              "Warmup keeps the first large, noisy updates from wrecking a pre-trained model; "
              "6 to 10 % of all steps is common. A ratio is a fraction of all steps (0 to 1)."),
           {QStringLiteral("warmup_steps")});

    m_weightDecay->setRange(0, 1);
    m_weightDecay->setDecimals(3);
    m_weightDecay->setSingleStep(0.01);
    m_weightDecay->setObjectName(QStringLiteral("hpWeightDecay"));
    addRow(form, tr("Weight decay"), QStringLiteral("weight_decay"), m_weightDecay, tr("≥ 0"),
           tr("AdamW's decoupled weight decay, a mild regulariser (biases and LayerNorm "
              "weights are exempt). 0.01 is the usual choice; 0 switches it off."));
    m_maxGradNorm->setRange(0, 1000);
    m_maxGradNorm->setDecimals(2);
    m_maxGradNorm->setSingleStep(0.5);
    m_maxGradNorm->setSpecialValueText(tr("no clipping"));
    m_maxGradNorm->setObjectName(QStringLiteral("hpMaxGradNorm"));
    addRow(form, tr("Gradient clipping"), QStringLiteral("max_grad_norm"), m_maxGradNorm,
           tr("max L2 norm"),
           tr("Scales the gradients down when their total norm exceeds this, which tames rare "
              "huge gradients (loss spikes). 1.0 is standard. The gradient norm plot shows how "
              "often the dashed line is crossed."));

    auto* weights = new QWidget;
    weights->setObjectName(QStringLiteral("classWeightsEditor"));
    auto* cw = new QHBoxLayout(weights);
    cw->setContentsMargins(0, 0, 0, 0);
    m_classWeightsMode->addItem(tr("none"), QStringLiteral("none"));
    m_classWeightsMode->addItem(tr("balanced"), QStringLiteral("balanced"));
    m_classWeightsMode->addItem(tr("custom"), QStringLiteral("custom"));
    m_classWeightsMode->setObjectName(QStringLiteral("hpClassWeightsMode"));
    m_classWeights->setObjectName(QStringLiteral("hpClassWeights"));
    m_classWeights->setPlaceholderText(tr("one weight per label, e.g. 1, 2.5, 1"));
    cw->addWidget(m_classWeightsMode);
    cw->addWidget(m_classWeights, 1);
    addRow(form, tr("Class weights"), QStringLiteral("class_weights"), weights, {},
           tr("Weights of the labels in the loss. 'none' treats every row alike; 'balanced' "
              "weights a label by n / (labels × its count), as scikit-learn does, so rare "
              "labels count more — useful when one label dominates. 'custom': one positive "
              "weight per label, in the dataset's label order."));

    m_beta1->setRange(0, 0.9999);
    m_beta1->setDecimals(4);
    m_beta1->setSingleStep(0.01);
    m_beta2->setRange(0, 0.9999);
    m_beta2->setDecimals(4);
    m_beta2->setSingleStep(0.001);
    auto* betas = new QWidget;
    auto* bh = new QHBoxLayout(betas);
    bh->setContentsMargins(0, 0, 0, 0);
    bh->addWidget(m_beta1);
    bh->addWidget(m_beta2);
    m_beta1->setObjectName(QStringLiteral("hpAdamBeta1"));
    m_beta2->setObjectName(QStringLiteral("hpAdamBeta2"));
    const QString adamTip =
        tr("AdamW's decay rates of its running means of the gradient (β1) and of its square "
           "(β2), and the ε that keeps the division safe. The defaults (0.9, 0.999, 1e-8) suit "
           "nearly every fine-tuning run.");
    addRow(form, tr("Adam β1, β2"), QStringLiteral("adam_beta1"), betas, tr("in [0, 1)"), adamTip,
           {QStringLiteral("adam_beta2")});
    m_epsilon->setObjectName(QStringLiteral("hpAdamEpsilon"));
    addRow(form, tr("Adam ε"), QStringLiteral("adam_epsilon"), m_epsilon, tr("> 0"), adamTip);
    return box;
}

QWidget* HyperparameterForm::createModelChangesGroup() {
    auto* box = new QGroupBox(tr("Dropout and freezing"));
    auto* form = groupForm(box);
    m_hiddenDropout->setObjectName(QStringLiteral("hpHiddenDropout"));
    addRow(form, tr("Hidden dropout"), QStringLiteral("dropout.hidden"), m_hiddenDropout,
           tr("probability"),
           tr("Dropout on the encoder's hidden states, in [0, 1). 'as the model' keeps the "
              "checkpoint's value (0.1 for BERT). Raise it (0.2 to 0.3) when the model "
              "over-fits a small dataset; lower it for a very large one."),
           {QStringLiteral("dropout")});
    m_attentionDropout->setObjectName(QStringLiteral("hpAttentionDropout"));
    addRow(form, tr("Attention dropout"), QStringLiteral("dropout.attention"), m_attentionDropout,
           tr("probability"),
           tr("Dropout on the attention weights, in [0, 1). Usually left as the model."));
    m_classifierDropout->setObjectName(QStringLiteral("hpClassifierDropout"));
    addRow(form, tr("Classifier dropout"), QStringLiteral("dropout.classifier"),
           m_classifierDropout, tr("probability"),
           tr("Dropout just before the classification head, in [0, 1). 'as the model' keeps "
              "the checkpoint's (for BERT: the hidden dropout)."));
    m_freezeLayers->setObjectName(QStringLiteral("hpFreezeLayers"));
    addRow(form, tr("Freeze layers"), QStringLiteral("freeze_layers"), m_freezeLayers,
           tr("bottom layers"),
           tr("Freeze the embeddings and the bottom N encoder layers: they keep their "
              "pre-trained weights. Faster, and less prone to over-fitting on small data, at "
              "some cost in accuracy. At most the model's layers."));
    m_freezeEmbeddings->setObjectName(QStringLiteral("hpFreezeEmbeddings"));
    addRow(form, tr("Embeddings"), QStringLiteral("freeze_embeddings"), m_freezeEmbeddings, {},
           tr("Freeze the token, position and segment embeddings only. Helps a small dataset "
              "keep the pre-trained vocabulary intact."));
    m_headOnly->setObjectName(QStringLiteral("hpHeadOnly"));
    addRow(form, tr("Head only"), QStringLiteral("head_only"), m_headOnly, {},
           tr("Train the classification head alone, with the whole encoder frozen (a linear "
              "probe). Fast and a good baseline; it needs a higher learning rate (around "
              "1e-3)."));
    return box;
}

QWidget* HyperparameterForm::createEvaluationGroup() {
    auto* box = new QGroupBox(tr("Evaluation, checkpoints, early stopping"));
    auto* form = groupForm(box);
    m_evalSteps->setObjectName(QStringLiteral("hpEvalSteps"));
    m_evalSteps->setSuffix(tr(" steps"));
    addRow(form, tr("Validate every"), QStringLiteral("eval_steps"), m_evalSteps, {},
           tr("Run the validation part every N optimizer steps ('each epoch': at the end of "
              "every epoch). More evaluations give a finer validation curve and earlier "
              "stopping, at the cost of time. The last step is always validated."));
    m_saveSteps->setObjectName(QStringLiteral("hpSaveSteps"));
    m_saveSteps->setSuffix(tr(" steps"));
    addRow(form, tr("Checkpoint every"), QStringLiteral("save_steps"), m_saveSteps, {},
           tr("Also write the resumable 'last' checkpoint every N steps ('each epoch': only at "
              "epoch ends, on pause, stop and completion). Lower it for long epochs, so that "
              "a crash loses less."));
    for (QComboBox* c : {m_metricForBest, m_esMetric}) {
        c->addItem(tr("validation macro-F1"), QStringLiteral("val_macro_f1"));
        c->addItem(tr("validation accuracy"), QStringLiteral("val_accuracy"));
        c->addItem(tr("validation loss"), QStringLiteral("val_loss"));
    }
    m_metricForBest->setObjectName(QStringLiteral("hpMetricForBest"));
    addRow(form, tr("Best checkpoint by"), QStringLiteral("metric_for_best"), m_metricForBest, {},
           tr("Which validation value picks the 'best' checkpoint, the one evaluation and "
              "export use. Macro-F1 suits imbalanced labels; the validation loss is the "
              "smoothest."));
    m_groupByLength->setObjectName(QStringLiteral("hpGroupByLength"));
    addRow(form, tr("Batching"), QStringLiteral("group_by_length"), m_groupByLength, {},
           tr("Batch rows of similar length together and pad each batch only to its longest "
              "row: much faster on texts of mixed lengths. Batches are still shuffled "
              "(seeded)."));
    m_earlyStopping->setObjectName(QStringLiteral("hpEarlyStopping"));
    const QString esTip =
        tr("Stops when the validation metric has not improved for N evaluations (the "
           "patience). Watch the validation curve: when it flattens or turns while the "
           "training loss keeps falling, the model starts to memorise the training rows.");
    addRow(form, tr("Early stopping"), QStringLiteral("early_stopping"), m_earlyStopping, {},
           esTip);
    m_esMetric->setObjectName(QStringLiteral("hpEarlyStoppingMetric"));
    addRow(form, tr("Watch"), QStringLiteral("early_stopping.metric"), m_esMetric, {}, esTip);
    m_patience->setObjectName(QStringLiteral("hpPatience"));
    addRow(form, tr("Patience"), QStringLiteral("early_stopping.patience"), m_patience,
           tr("evaluations"),
           tr("Evaluations in a row without improvement before training stops. With "
              "validation at each epoch end, 2 or 3; with frequent validation, more."));
    m_minDelta->setRange(0, 100);
    m_minDelta->setDecimals(4);
    m_minDelta->setSingleStep(0.001);
    m_minDelta->setObjectName(QStringLiteral("hpMinDelta"));
    addRow(form, tr("Min delta"), QStringLiteral("early_stopping.min_delta"), m_minDelta, tr("≥ 0"),
           tr("An improvement must exceed this to count, in the metric's units: 0.001 is a "
              "tenth of a percentage point of accuracy."));
    return box;
}

QWidget* HyperparameterForm::createHardwareGroup() {
    auto* box = new QGroupBox(tr("Reproducibility and hardware"));
    auto* form = groupForm(box);
    m_seed->setObjectName(QStringLiteral("hpSeed"));
    addRow(form, tr("Seed"), QStringLiteral("seed"), m_seed, {},
           tr("Seeds the new weights, dropout and the batch order. Same seed, machine and "
              "threads: the same losses. Try two or three seeds before trusting a small "
              "difference between two runs."));
    m_threads->setObjectName(QStringLiteral("hpThreads"));
    addRow(form, tr("Threads"), QStringLiteral("threads"), m_threads, tr("CPU threads"),
           tr("Compute threads ('all cores': every core of this machine). Fewer leave room "
              "for other work; the losses depend on the count, so keep it when comparing "
              "runs."));
    m_device->setEditable(true);
    m_device->addItems({QStringLiteral("cpu"), QStringLiteral("auto"), QStringLiteral("cuda"),
                        QStringLiteral("cuda:0"), QStringLiteral("cuda:1")});
    m_device->setObjectName(QStringLiteral("hpDevice"));
    addRow(form, tr("Device"), QStringLiteral("device"), m_device, {},
           tr("cpu; cuda (the first GPU) or cuda:N; auto: a GPU when this build and machine "
              "have one, else the CPU."));
    m_evalBatchSize->setObjectName(QStringLiteral("hpEvalBatchSize"));
    addRow(form, tr("Validation batch"), QStringLiteral("eval_batch_size"), m_evalBatchSize,
           tr("rows"),
           tr("Rows per validation batch: speed and memory only, the scores do not change."));
    return box;
}

void HyperparameterForm::setDatasets(const QStringList& names, const QString& current) {
    const QSignalBlocker block(m_dataset);
    // A dataset named by a loaded config stays chosen even when the project lacks it (the
    // run then fails with the core's message); an empty list forgets it.
    const QString keep = !current.isEmpty() ? current
                         : names.isEmpty()  ? QString()
                                            : m_dataset->currentText();
    m_dataset->clear();
    m_dataset->addItems(names);
    const int index = m_dataset->findText(keep);
    if (index >= 0) {
        m_dataset->setCurrentIndex(index);
    } else if (!keep.isEmpty()) {
        m_dataset->addItem(keep);
        m_dataset->setCurrentIndex(m_dataset->count() - 1);
    }
    validate();
}

void HyperparameterForm::setSplitInfo(const QString& text, int64_t trainRows) {
    m_trainRows = trainRows;
    m_split->setText(text);
    updateVisibility();
}

void HyperparameterForm::setLabels(const QStringList& labels) {
    m_labels = labels;
    m_classWeights->setPlaceholderText(
        labels.isEmpty() ? tr("one weight per label, e.g. 1, 2.5, 1")
                         : tr("one weight each for %1").arg(labels.join(QStringLiteral(", "))));
}

void HyperparameterForm::setProjectModel(const QString& setting, bool selectIt) {
    QString value;
    QString display;
    if (setting.startsWith(QLatin1String("folder:"))) {
        value = QDir(setting.mid(7)).absolutePath();
        display = tr("%1 (Model page)").arg(QFileInfo(value).fileName());
    } else if (setting.startsWith(QLatin1String("builtin:"))) {
        value = setting;
    }
    {
        const QSignalBlocker block(m_model);
        const QString before = modelValue();
        for (int i = m_model->count() - 1; i >= 0; --i)
            if (m_model->itemData(i, kProjectModelRole).toBool() &&
                m_model->itemData(i, kModelRole).toString() != value)
                m_model->removeItem(i);
        if (!display.isEmpty() && m_model->findData(value, kModelRole) < 0) {
            m_model->insertItem(0, display, value);
            m_model->setItemData(0, true, kProjectModelRole);
            m_model->setItemData(0, QDir::toNativeSeparators(value), Qt::ToolTipRole);
        }
        const int keep = m_model->findData(selectIt && !value.isEmpty() ? value : before);
        m_model->setCurrentIndex(std::max(0, keep));
    }
    updateModelLimits();
    validate();
}

QString HyperparameterForm::modelValue() const {
    return m_model->currentData(kModelRole).toString();
}

void HyperparameterForm::updateModelLimits() {
    m_limits = ModelLimits{};
    const QString model = modelValue();
    m_limits.builtin = model.startsWith(QLatin1String("builtin:"));
    try {
        const io::ConfigSummary s =
            m_limits.builtin ? models::Model::builtinConfig(model.mid(8).toStdString()).summary()
                             : io::readConfig(model.toStdString()).summary();
        m_limits.known = true;
        m_limits.layers = s.layers;
        m_limits.maxPositions = s.maxPositions;
    } catch (const Error& e) {
        m_limits.error = QString::fromUtf8(e.what());
    }
    if (m_limits.known) {
        m_modelNote->setText(
            tr("%1 layers, up to %2 tokens.").arg(m_limits.layers).arg(m_limits.maxPositions) +
            (m_limits.builtin ? tr(" Random weights: for trying the workflow; expect modest "
                                   "accuracy.")
                              : QString()));
    } else {
        m_modelNote->setText(QString());
    }
    m_modelNote->setVisible(!m_modelNote->text().isEmpty());
    updateVisibility();
}

void HyperparameterForm::updateVisibility() {
    m_warmupStack->setCurrentIndex(
        m_warmupMode->currentData().toString() == QLatin1String("steps") ? 1 : 0);
    m_classWeights->setVisible(m_classWeightsMode->currentData().toString() ==
                               QLatin1String("custom"));
    const bool es = m_earlyStopping->isChecked();
    m_esMetric->setEnabled(es);
    m_patience->setEnabled(es);
    m_minDelta->setEnabled(es);
    m_latestSplit->setVisible(m_splitId.has_value());
    if (m_splitId) m_split->setText(tr("Split #%1, as the loaded config says.").arg(*m_splitId));
    if (m_limits.builtin) {
        m_tokenizer->setPlaceholderText(builtinNeedsTokenizer()
                                            ? tr("required: a folder with vocab.txt")
                                            : tr("empty: built from the data"));
    } else {
        m_tokenizer->setPlaceholderText(tr("the model folder's own"));
    }
}

void HyperparameterForm::onEdited() {
    if (m_loading) return;
    updateVisibility();
    validate();
    Q_EMIT changed();
}

nlohmann::json HyperparameterForm::document() const {
    json j = json::object();
    if (!m_name->text().trimmed().isEmpty()) j["name"] = m_name->text().trimmed().toStdString();
    if (!m_dataset->currentText().isEmpty()) j["dataset"] = m_dataset->currentText().toStdString();
    j["split"] = m_splitId ? json(*m_splitId) : json("latest");
    j["model"] = modelValue().toStdString();
    if (!m_tokenizer->text().trimmed().isEmpty())
        j["tokenizer"] = m_tokenizer->text().trimmed().toStdString();
    j["new_head"] = m_newHead->isChecked();
    j["epochs"] = m_epochs->value();
    j["max_steps"] = m_maxSteps->value();
    j["batch_size"] = m_batchSize->value();
    j["eval_batch_size"] = m_evalBatchSize->value();
    j["max_length"] = m_maxLength->value();
    j["learning_rate"] = numberOrText(m_learningRate->text());
    j["weight_decay"] = m_weightDecay->value();
    j["adam_beta1"] = m_beta1->value();
    j["adam_beta2"] = m_beta2->value();
    j["adam_epsilon"] = numberOrText(m_epsilon->text());
    j["schedule"] = m_schedule->currentText().toStdString();
    const bool steps = m_warmupMode->currentData().toString() == QLatin1String("steps");
    j["warmup_steps"] = steps ? m_warmupSteps->value() : 0;
    j["warmup_ratio"] = steps ? 0.0 : m_warmupRatio->value();
    j["max_grad_norm"] = m_maxGradNorm->value();
    j["gradient_accumulation_steps"] = m_accumulation->value();
    const QString mode = m_classWeightsMode->currentData().toString();
    if (mode == QLatin1String("custom")) {
        json weights = json::array();
        for (const QString& part : m_classWeights->text().split(
                 QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts))
            weights.push_back(numberOrText(part));
        j["class_weights"] = weights;
    } else {
        j["class_weights"] = mode.toStdString();
    }
    json dropout = json::object();
    if (m_hiddenDropout->value() >= 0) dropout["hidden"] = m_hiddenDropout->value();
    if (m_attentionDropout->value() >= 0) dropout["attention"] = m_attentionDropout->value();
    if (m_classifierDropout->value() >= 0) dropout["classifier"] = m_classifierDropout->value();
    if (!dropout.empty()) j["dropout"] = dropout;
    j["freeze_embeddings"] = m_freezeEmbeddings->isChecked();
    j["freeze_layers"] = m_freezeLayers->value();
    j["head_only"] = m_headOnly->isChecked();
    j["group_by_length"] = m_groupByLength->isChecked();
    j["eval_steps"] = m_evalSteps->value();
    j["save_steps"] = m_saveSteps->value();
    j["metric_for_best"] = m_metricForBest->currentData().toString().toStdString();
    if (m_earlyStopping->isChecked())
        j["early_stopping"] = {{"metric", m_esMetric->currentData().toString().toStdString()},
                               {"patience", m_patience->value()},
                               {"min_delta", m_minDelta->value()}};
    else
        j["early_stopping"] = false;
    j["seed"] = m_seed->value();
    j["threads"] = m_threads->value();
    j["device"] = m_device->currentText().trimmed().toStdString();
    return j;
}

void HyperparameterForm::clearErrors() {
    for (const auto& [key, problem] : m_errors) {
        if (QWidget* editor = m_editors[key]) markInvalid(editor, false);
        if (QLabel* line = m_errorLine[key]) {
            line->clear();
            line->hide();
        }
    }
    m_errors.clear();
    m_banner->clear();
    m_banner->hide();
}

void HyperparameterForm::flag(const QString& key, const QString& problem) {
    if (m_errors.count(key)) return;  // the first message of a field is the one to fix
    m_errors[key] = problem;
    QWidget* editor = m_editors.count(key) ? m_editors[key] : nullptr;
    QLabel* line = m_errorLine.count(key) ? m_errorLine[key] : nullptr;
    if (editor) markInvalid(editor, true);
    if (line) {
        // A line may serve two keys (warmup steps and ratio): show both problems.
        QStringList text;
        for (const auto& [k, p] : m_errors)
            if (m_errorLine.count(k) && m_errorLine[k] == line) text << p;
        line->setText(text.join(QLatin1Char('\n')));
        line->show();
    }
}

void HyperparameterForm::showError(const QString& message) {
    // "run config: <key>: <problem>" or "<file>: <key>: <problem>": find the key.
    const QStringList parts = message.split(QStringLiteral(": "));
    QString key;
    QString problem = message;
    for (int i = 0; i < parts.size() - 1; ++i) {
        if (m_editors.count(parts[i])) {
            key = parts[i];
            problem = parts.mid(i + 1).join(QStringLiteral(": "));
            break;
        }
    }
    if (!key.isEmpty()) flag(key, problem);
    m_banner->setText(message);
    m_banner->show();
}

QStringList HyperparameterForm::fieldErrors() const {
    QStringList out;
    for (const auto& [key, problem] : m_errors) out << key + QStringLiteral(": ") + problem;
    return out;
}

QString HyperparameterForm::bannerText() const {
    return m_banner->isVisible() || !m_banner->text().isEmpty() ? m_banner->text() : QString();
}

bool HyperparameterForm::hasErrors() const { return !m_errors.empty(); }

std::optional<train::RunConfig> HyperparameterForm::validate() {
    clearErrors();
    const json doc = document();
    // Each key on its own, so that every bad field is flagged, not only the first.
    const json base = {{"model", "builtin:bert-tiny"}, {"tokenizer", "."}};
    for (const auto& item : doc.items()) {
        if (item.key() == "model" || item.key() == "tokenizer") continue;
        json single = base;
        single[item.key()] = item.value();
        try {
            train::parseRunConfig(single);
        } catch (const Error& e) {
            showError(QString::fromUtf8(e.what()));
        }
    }
    std::optional<train::RunConfig> config;
    try {
        config = train::parseRunConfig(doc);
    } catch (const Error& e) {
        showError(QString::fromUtf8(e.what()));
    }
    if (!m_limits.error.isEmpty()) flag(QStringLiteral("model"), m_limits.error);
    if (m_limits.known) {
        // The model's limits, each on its own too: freeze_layers with a length that fits,
        // max_length with nothing frozen.
        const std::string model = modelValue().toStdString();
        for (const char* key : {"freeze_layers", "max_length"}) {
            if (m_errors.count(QLatin1String(key)) || !doc.contains(key)) continue;
            json single = base;
            single[key] = doc[key];
            try {
                train::RunConfig c = train::parseRunConfig(single);
                if (std::string(key) == "freeze_layers") c.maxLength = 2;
                train::checkAgainstModel(c, m_limits.layers, m_limits.maxPositions, model);
            } catch (const Error& e) {
                showError(QString::fromUtf8(e.what()));
            }
        }
    }
    // Field problems are shown at their fields; the banner is for the run's own errors.
    m_banner->clear();
    m_banner->hide();
    if (!m_errors.empty()) config.reset();
    const bool valid = config.has_value();
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT validityChanged(valid);
    }
    return config;
}

void HyperparameterForm::setConfig(const train::RunConfig& c) {
    m_loading = true;
    m_name->setText(QString::fromStdString(c.name));
    const QString dataset = QString::fromStdString(c.dataset);
    if (!dataset.isEmpty()) {
        int index = m_dataset->findText(dataset);
        if (index < 0) {
            m_dataset->addItem(dataset);
            index = m_dataset->count() - 1;
        }
        m_dataset->setCurrentIndex(index);
    }
    m_splitId = c.splitId;
    const QString model = QString::fromStdString(c.model);
    int index = m_model->findData(model, kModelRole);
    if (index < 0) {
        m_model->addItem(model.startsWith(QLatin1String("builtin:"))
                             ? model.mid(8)
                             : tr("%1 (folder)").arg(QFileInfo(model).fileName()),
                         model);
        index = m_model->count() - 1;
        m_model->setItemData(index, QDir::toNativeSeparators(model), Qt::ToolTipRole);
    }
    m_model->setCurrentIndex(index);
    m_tokenizer->setText(QString::fromStdString(c.tokenizer));
    m_newHead->setChecked(c.newHead);
    m_epochs->setValue(static_cast<int>(c.epochs));
    m_maxSteps->setValue(static_cast<int>(c.maxSteps));
    m_batchSize->setValue(static_cast<int>(c.batchSize));
    m_evalBatchSize->setValue(static_cast<int>(c.evalBatchSize));
    m_maxLength->setValue(static_cast<int>(c.maxLength));
    m_learningRate->setText(formatNumber(c.learningRate));
    m_weightDecay->setValue(c.weightDecay);
    m_beta1->setValue(c.adamBeta1);
    m_beta2->setValue(c.adamBeta2);
    m_epsilon->setText(formatNumber(c.adamEpsilon));
    m_schedule->setCurrentText(QString::fromStdString(c.schedule));
    m_warmupMode->setCurrentIndex(c.warmupSteps > 0 ? 1 : 0);
    m_warmupSteps->setValue(static_cast<int>(c.warmupSteps));
    m_warmupRatio->setValue(c.warmupRatio);
    m_maxGradNorm->setValue(c.maxGradNorm);
    m_accumulation->setValue(static_cast<int>(c.gradientAccumulationSteps));
    m_classWeightsMode->setCurrentIndex(
        m_classWeightsMode->findData(QString::fromStdString(c.classWeightsMode)));
    QStringList weights;
    for (double w : c.classWeights) weights << formatNumber(w);
    m_classWeights->setText(weights.join(QStringLiteral(", ")));
    m_hiddenDropout->setValue(c.hiddenDropout.value_or(-1));
    m_attentionDropout->setValue(c.attentionDropout.value_or(-1));
    m_classifierDropout->setValue(c.classifierDropout.value_or(-1));
    m_freezeLayers->setValue(static_cast<int>(c.freezeLayers));
    m_freezeEmbeddings->setChecked(c.freezeEmbeddings);
    m_headOnly->setChecked(c.headOnly);
    m_groupByLength->setChecked(c.groupByLength);
    m_evalSteps->setValue(static_cast<int>(c.evalSteps));
    m_saveSteps->setValue(static_cast<int>(c.saveSteps));
    m_metricForBest->setCurrentIndex(
        m_metricForBest->findData(QString::fromStdString(c.metricForBest)));
    m_earlyStopping->setChecked(c.earlyStopping.enabled);
    m_esMetric->setCurrentIndex(
        m_esMetric->findData(QString::fromStdString(c.earlyStopping.metric)));
    m_patience->setValue(static_cast<int>(c.earlyStopping.patience));
    m_minDelta->setValue(c.earlyStopping.minDelta);
    m_seed->setValue(static_cast<int>(std::min<uint64_t>(c.seed, INT_MAX)));
    m_threads->setValue(static_cast<int>(c.threads));
    m_device->setCurrentText(QString::fromStdString(c.device));
    m_loading = false;
    updateModelLimits();
    validate();
    Q_EMIT changed();
}

int64_t HyperparameterForm::stepsPerEpoch(int64_t batch) const {
    if (m_trainRows <= 0) return 0;
    return (m_trainRows + batch - 1) / batch;
}

void HyperparameterForm::applyPreset(Preset preset) {
    const bool builtin = m_limits.builtin;
    const int positions =
        m_limits.known ? static_cast<int>(std::max<int64_t>(2, m_limits.maxPositions)) : 512;
    m_loading = true;
    m_maxSteps->setValue(0);
    m_accumulation->setValue(1);
    m_schedule->setCurrentText(QStringLiteral("linear"));
    m_warmupMode->setCurrentIndex(0);
    m_warmupSteps->setValue(0);
    m_warmupRatio->setValue(0.1);
    m_weightDecay->setValue(0.01);
    m_maxGradNorm->setValue(1.0);
    m_metricForBest->setCurrentIndex(m_metricForBest->findData(QStringLiteral("val_macro_f1")));
    m_esMetric->setCurrentIndex(m_esMetric->findData(QStringLiteral("val_macro_f1")));
    m_earlyStopping->setChecked(false);
    m_saveSteps->setValue(0);
    switch (preset) {
        case Preset::QuickLook: {
            m_epochs->setValue(1);
            m_batchSize->setValue(32);
            m_maxLength->setValue(std::min(64, positions));
            m_learningRate->setText(builtin ? QStringLiteral("5e-4") : QStringLiteral("5e-5"));
            const int64_t spe = stepsPerEpoch(32);
            m_evalSteps->setValue(spe >= 4 ? static_cast<int>(spe / 4) : 0);
            break;
        }
        case Preset::Standard:
            m_epochs->setValue(3);
            m_batchSize->setValue(16);
            m_maxLength->setValue(std::min(128, positions));
            m_learningRate->setText(builtin ? QStringLiteral("5e-4") : QStringLiteral("5e-5"));
            m_evalSteps->setValue(0);
            break;
        case Preset::Careful: {
            m_epochs->setValue(6);
            m_batchSize->setValue(16);
            m_maxLength->setValue(std::min(128, positions));
            m_learningRate->setText(builtin ? QStringLiteral("3e-4") : QStringLiteral("2e-5"));
            const int64_t spe = stepsPerEpoch(16);
            const int every = spe >= 2 ? static_cast<int>(spe / 2) : 0;
            m_evalSteps->setValue(every);
            m_saveSteps->setValue(every);
            m_earlyStopping->setChecked(true);
            m_patience->setValue(3);
            m_minDelta->setValue(0.001);
            break;
        }
    }
    m_loading = false;
    updateVisibility();
    validate();
    Q_EMIT changed();
    const QString names[] = {tr("Quick look"), tr("Standard"), tr("Careful")};
    Q_EMIT statusMessage(tr("Preset %1 applied").arg(names[static_cast<int>(preset)]));
}

bool HyperparameterForm::saveToFile(const QString& path, QString* error) {
    const auto config = validate();
    if (!config) {
        if (error)
            *error = tr("The form has errors; fix the flagged fields first (%1).")
                         .arg(fieldErrors().join(QStringLiteral("; ")));
        return false;
    }
    QSaveFile file(path);
    const std::string text = train::toJson(*config).dump(2) + "\n";
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(text.data(), static_cast<qint64>(text.size())) !=
            static_cast<qint64>(text.size()) ||
        !file.commit()) {
        if (error)
            *error = tr("%1: cannot write the run config: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    qCInfo(lcHyperparameters).noquote() << "saved the run config to" << path;
    return true;
}

void HyperparameterForm::followRuntimeDefaults(int previousThreads, const QString& previousDevice) {
    if (m_threads->value() == previousThreads) m_threads->setValue(AppSettings::threads());
    if (m_device->currentText().trimmed() == previousDevice)
        m_device->setCurrentText(AppSettings::device());
}

bool HyperparameterForm::loadFromFile(const QString& path, QString* error) {
    train::RunConfig config;
    try {
        config = train::loadRunConfig(path.toStdString());
    } catch (const Error& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
    setConfig(config);
    qCInfo(lcHyperparameters).noquote() << "loaded the run config" << path;
    return true;
}

void HyperparameterForm::saveDialog() {
    QSettings settings;
    const QString start =
        settings.value(QLatin1String(kLastConfigDir), QDir::homePath()).toString();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save the run config"), QDir(start).filePath(QStringLiteral("run.json")),
        tr("Run configs (*.json)"));
    if (path.isEmpty()) return;
    settings.setValue(QLatin1String(kLastConfigDir), QFileInfo(path).path());
    QString error;
    if (!saveToFile(path, &error)) {
        m_banner->setText(error);
        m_banner->show();
        return;
    }
    Q_EMIT statusMessage(tr("Saved %1 — 'finetune train --config' runs it unchanged")
                             .arg(QDir::toNativeSeparators(path)));
}

void HyperparameterForm::loadDialog() {
    QSettings settings;
    const QString start =
        settings.value(QLatin1String(kLastConfigDir), QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Load a run config"), start,
                                                      tr("Run configs (*.json);;All files (*)"));
    if (path.isEmpty()) return;
    settings.setValue(QLatin1String(kLastConfigDir), QFileInfo(path).path());
    QString error;
    if (!loadFromFile(path, &error)) {
        m_banner->setText(tr("Not loaded: %1").arg(error));
        m_banner->show();
        return;
    }
    Q_EMIT statusMessage(tr("Loaded %1").arg(QDir::toNativeSeparators(path)));
}

}  // namespace ft::ui
