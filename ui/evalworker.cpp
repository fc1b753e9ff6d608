#include "evalworker.h"

#include <algorithm>
#include <exception>

#include <QDateTime>
#include <QLoggingCategory>

#include "appsettings.h"
#include "error.h"

Q_LOGGING_CATEGORY(lcEvalWorker, "ft.ui.evalworker", QtInfoMsg)

namespace ft::ui {

namespace {

QString messageOf(const std::exception& e) { return QString::fromStdString(e.what()); }

}  // namespace

ThresholdMetrics EvalBundle::atThreshold(double threshold) const {
    ThresholdMetrics m;
    m.threshold = threshold;
    // Rows whose score is >= threshold are predicted positive. The scores are floats, as
    // stored; compare in double so a threshold typed as 0.3 means 0.3.
    auto atLeast = [threshold](const std::vector<float>& sorted) {
        const auto it =
            std::lower_bound(sorted.begin(), sorted.end(), threshold,
                             [](float score, double t) { return static_cast<double>(score) < t; });
        return static_cast<int64_t>(sorted.end() - it);
    };
    m.tp = atLeast(positiveScores);
    m.fn = static_cast<int64_t>(positiveScores.size()) - m.tp;
    m.fp = atLeast(negativeScores);
    m.tn = static_cast<int64_t>(negativeScores.size()) - m.fp;
    if (m.tp + m.fp > 0) m.precision = static_cast<double>(m.tp) / static_cast<double>(m.tp + m.fp);
    if (m.tp + m.fn > 0) m.recall = static_cast<double>(m.tp) / static_cast<double>(m.tp + m.fn);
    if (m.precision + m.recall > 0) {
        m.f1 = 2 * m.precision * m.recall / (m.precision + m.recall);
    }
    return m;
}

EvalBundlePtr loadEvalBundle(const store::Project& project, int64_t evaluationId) {
    auto bundle = std::make_shared<EvalBundle>();
    auto info = project.evaluation(evaluationId);
    if (!info) {
        throw Error(ErrorCode::NotFound, "evaluation " + std::to_string(evaluationId) +
                                             " does not exist in " + project.dir());
    }
    bundle->info = std::move(*info);
    bundle->run = project.run(bundle->info.runId);
    bundle->plots = plots::preparePlotData(bundle->info);
    bundle->predictions = project.predictions(evaluationId);
    bundle->texts.reserve(static_cast<int>(bundle->predictions.size()));
    for (const store::PredictionRecord& p : bundle->predictions) {
        const auto row = project.row(p.rowId);
        if (!row) {
            bundle->texts << QString();
            continue;
        }
        QString text = QString::fromStdString(row->cleanText ? *row->cleanText : row->text);
        const auto& pair = row->cleanText ? row->cleanPair : row->textPair;
        if (pair) text += QStringLiteral("  ⟂  ") + QString::fromStdString(*pair);
        bundle->texts << text;
    }
    if (bundle->isBinary()) {
        for (const store::PredictionRecord& p : bundle->predictions) {
            if (p.probabilities.size() != 2) continue;
            (p.trueLabel == 1 ? bundle->positiveScores : bundle->negativeScores)
                .push_back(p.probabilities[1]);
        }
        std::sort(bundle->positiveScores.begin(), bundle->positiveScores.end());
        std::sort(bundle->negativeScores.begin(), bundle->negativeScores.end());
    }
    return bundle;
}

void EvalLoader::list(qint64 jobId, const QString& projectDir) {
    try {
        const store::Project project = store::Project::open(projectDir.toStdString());
        EvalListing listing;
        listing.runs = project.runs();
        for (const store::EvaluationInfo& e : project.evaluations()) {
            listing.evaluations.push_back(
                {e.id, e.runId, e.part, e.checkpoint, e.createdAt, e.seconds});
        }
        Q_EMIT listed(jobId, listing);
    } catch (const std::exception& e) {
        qCWarning(lcEvalWorker).noquote() << "listing evaluations failed:" << e.what();
        Q_EMIT failed(jobId, messageOf(e));
    }
}

void EvalLoader::load(qint64 jobId, const QString& projectDir, qint64 evaluationId) {
    try {
        const store::Project project = store::Project::open(projectDir.toStdString());
        Q_EMIT loaded(jobId, loadEvalBundle(project, evaluationId));
    } catch (const std::exception& e) {
        qCWarning(lcEvalWorker).noquote()
            << "loading evaluation" << evaluationId << "failed:" << e.what();
        Q_EMIT failed(jobId, messageOf(e));
    }
}

void EvalLoader::compare(qint64 jobId, const QString& projectDir, const QList<qint64>& runIds) {
    try {
        const store::Project project = store::Project::open(projectDir.toStdString());
        RunComparison out;
        out.table = eval::compareRuns(project, std::vector<int64_t>(runIds.begin(), runIds.end()));
        for (const nlohmann::json& run : out.table.value("runs", nlohmann::json::array())) {
            const nlohmann::json& evaluationId = run.value("evaluation", nlohmann::json());
            if (!evaluationId.is_number_integer()) continue;
            const auto info = project.evaluation(evaluationId.get<int64_t>());
            if (!info) continue;
            const plots::EvalPlotData data = plots::preparePlotData(*info);
            // One curve per run: the positive class of two, else the micro average.
            const plots::CurveData* chosen = nullptr;
            for (const plots::CurveData& c : data.roc) {
                if ((data.numClasses() == 2 && c.cls == 1) ||
                    (data.numClasses() > 2 && c.key == QLatin1String("micro"))) {
                    chosen = &c;
                }
            }
            if (!chosen) continue;
            plots::CurveData curve = *chosen;
            curve.cls = static_cast<int>(run.value("run", int64_t(0)));
            curve.name = QString::fromStdString(run.value("name", std::string()));
            out.curves.push_back(std::move(curve));
        }
        Q_EMIT compared(jobId, out);
    } catch (const std::exception& e) {
        qCWarning(lcEvalWorker).noquote() << "comparing runs failed:" << e.what();
        Q_EMIT failed(jobId, messageOf(e));
    }
}

void EvalWorker::evaluate(qint64 jobId, const QString& projectDir, qint64 runId,
                          const eval::EvalOptions& options, const StopFlag& stop) {
    qint64 lastMs = -1;
    int lastPermille = -1;
    Progress progress;
    // Core may report every batch; forward at most ~20 updates a second.
    progress.onProgress = [&](double fraction, const std::string& what) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const int permille = static_cast<int>(fraction * 1000);
        if (permille == lastPermille || (now - lastMs < 50 && permille < 1000)) return;
        lastMs = now;
        lastPermille = permille;
        Q_EMIT progressChanged(jobId, fraction, QString::fromStdString(what));
    };
    progress.onEvent = [](LogLevel level, const std::string& message) {
        if (level == LogLevel::Warning || level == LogLevel::Error) {
            qCWarning(lcEvalWorker).noquote() << QString::fromStdString(message);
        } else {
            qCInfo(lcEvalWorker).noquote() << QString::fromStdString(message);
        }
    };
    progress.shouldStop = [stop] { return stop && stop->load(std::memory_order_relaxed); };
    try {
        if (stop && stop->load()) throw Error(ErrorCode::Cancelled, "cancelled before it started");
        // A page that asks for no particular count gets the one of Edit → Preferences.
        eval::EvalOptions withThreads = options;
        if (withThreads.threads == 0)
            withThreads.threads = static_cast<unsigned>(AppSettings::threads());
        const eval::EvalResult result =
            eval::Evaluator::run(projectDir.toStdString(), runId, withThreads, progress);
        Q_EMIT evaluationFinished(jobId, result.info.id);
    } catch (const Error& e) {
        if (e.code() == ErrorCode::Cancelled) {
            Q_EMIT evaluationCancelled(jobId);
        } else {
            qCWarning(lcEvalWorker).noquote()
                << "evaluation of run" << runId << "failed:" << e.what();
            Q_EMIT evaluationFailed(jobId, messageOf(e));
        }
    } catch (const std::exception& e) {
        qCWarning(lcEvalWorker).noquote() << "evaluation of run" << runId << "failed:" << e.what();
        Q_EMIT evaluationFailed(jobId, messageOf(e));
    }
}

}  // namespace ft::ui
