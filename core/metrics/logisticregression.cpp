#include "metrics/logisticregression.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <string>

#include "error.h"

namespace ft::metrics {

namespace {

double dot(const std::vector<double>& a, const std::vector<double>& b) {
    double s = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        s += a[i] * b[i];
    }
    return s;
}

double maxAbs(const std::vector<double>& a) {
    double m = 0;
    for (double v : a) {
        m = std::max(m, std::fabs(v));
    }
    return m;
}

// In place: z -> softmax(z); returns log-sum-exp of the input.
double softmaxInPlace(std::vector<double>& z) {
    const double mx = *std::max_element(z.begin(), z.end());
    double sum = 0;
    for (double& v : z) {
        v = std::exp(v - mx);
        sum += v;
    }
    for (double& v : z) {
        v /= sum;
    }
    return mx + std::log(sum);
}

}  // namespace

LogisticRegression::LogisticRegression(LogisticRegressionOptions options) : m_options(options) {}

void LogisticRegression::logits(const SparseMatrix& x, size_t row, const std::vector<double>& w,
                                std::vector<double>& z) const {
    const auto k = static_cast<size_t>(m_numClasses);
    const size_t biasAt = m_numFeatures * k;
    for (size_t c = 0; c < k; ++c) {
        z[c] = w[biasAt + c];
    }
    for (size_t p = x.rowStart[row]; p < x.rowStart[row + 1]; ++p) {
        const double v = x.value[p];
        const double* wj = &w[static_cast<size_t>(x.col[p]) * k];
        for (size_t c = 0; c < k; ++c) {
            z[c] += v * wj[c];
        }
    }
}

double LogisticRegression::objective(const SparseMatrix& x, const std::vector<int>& y,
                                     const std::vector<double>& sampleWeight,
                                     const std::vector<double>& w,
                                     std::vector<double>& grad) const {
    const auto k = static_cast<size_t>(m_numClasses);
    const size_t biasAt = m_numFeatures * k;
    const auto n = static_cast<double>(x.rows);
    const double lambda = 1.0 / (m_options.c * n);
    std::fill(grad.begin(), grad.end(), 0.0);
    double loss = 0;
    std::vector<double> z(k);
    for (size_t i = 0; i < x.rows; ++i) {
        logits(x, i, w, z);
        const double zTrue = z[y[i]];
        const double lse = softmaxInPlace(z);
        const double s = sampleWeight[i] / n;
        loss += s * (lse - zTrue);
        z[y[i]] -= 1.0;
        for (size_t c = 0; c < k; ++c) {
            z[c] *= s;
            grad[biasAt + c] += z[c];
        }
        for (size_t p = x.rowStart[i]; p < x.rowStart[i + 1]; ++p) {
            const double v = x.value[p];
            double* gj = &grad[static_cast<size_t>(x.col[p]) * k];
            for (size_t c = 0; c < k; ++c) {
                gj[c] += v * z[c];
            }
        }
    }
    double penalty = 0;
    for (size_t j = 0; j < biasAt; ++j) {
        penalty += w[j] * w[j];
        grad[j] += lambda * w[j];
    }
    return loss + 0.5 * lambda * penalty;
}

void LogisticRegression::fit(const SparseMatrix& x, const std::vector<int>& y, int numClasses,
                             const Progress& progress) {
    if (numClasses < 2) {
        throw Error(
            ErrorCode::InvalidArgument,
            "logistic regression needs at least two classes, found " + std::to_string(numClasses));
    }
    if (y.size() != x.rows || x.rows == 0) {
        throw Error(ErrorCode::InvalidArgument, "logistic regression: " + std::to_string(x.rows) +
                                                    " rows but " + std::to_string(y.size()) +
                                                    " labels");
    }
    if (!(m_options.c > 0)) {
        throw Error(ErrorCode::InvalidArgument, "logistic regression: C must be positive");
    }
    std::vector<double> classCount(numClasses, 0);
    for (size_t i = 0; i < y.size(); ++i) {
        if (y[i] < 0 || y[i] >= numClasses) {
            throw Error(ErrorCode::InvalidArgument, "logistic regression: row " +
                                                        std::to_string(i) + ": label " +
                                                        std::to_string(y[i]) + " outside [0, " +
                                                        std::to_string(numClasses) + ")");
        }
        ++classCount[y[i]];
    }
    m_numClasses = numClasses;
    m_numFeatures = x.cols;
    std::vector<double> sampleWeight(y.size(), 1.0);
    if (m_options.balancedClassWeight) {
        for (size_t i = 0; i < y.size(); ++i) {
            sampleWeight[i] = static_cast<double>(y.size()) / (numClasses * classCount[y[i]]);
        }
    }

    const size_t dim = (m_numFeatures + 1) * static_cast<size_t>(numClasses);
    std::vector<double> w(dim, 0.0), g(dim), wNew(dim), gNew(dim), dir(dim);
    double f = objective(x, y, sampleWeight, w, g);
    const double g0 = std::max(maxAbs(g), 1e-300);
    std::deque<std::vector<double>> sHist, yHist;
    std::deque<double> rhoHist;
    std::vector<double> alpha(m_options.history);
    m_iterations = 0;
    for (int it = 0; it < m_options.maxIterations; ++it) {
        if (progress.stopRequested()) {
            throw Error(ErrorCode::Cancelled, "logistic regression: stopped by request");
        }
        if (maxAbs(g) <= m_options.gradientTolerance * g0) {
            break;
        }
        // Two-loop recursion: dir = -H g.
        for (size_t i = 0; i < dim; ++i) {
            dir[i] = -g[i];
        }
        for (size_t h = sHist.size(); h-- > 0;) {
            alpha[h] = rhoHist[h] * dot(sHist[h], dir);
            for (size_t i = 0; i < dim; ++i) {
                dir[i] -= alpha[h] * yHist[h][i];
            }
        }
        if (!sHist.empty()) {
            const double gamma = dot(sHist.back(), yHist.back()) / dot(yHist.back(), yHist.back());
            for (double& d : dir) {
                d *= gamma;
            }
        }
        for (size_t h = 0; h < sHist.size(); ++h) {
            const double beta = rhoHist[h] * dot(yHist[h], dir);
            for (size_t i = 0; i < dim; ++i) {
                dir[i] += sHist[h][i] * (alpha[h] - beta);
            }
        }
        double slope = dot(g, dir);
        if (slope >= 0) {  // not a descent direction: restart from steepest descent
            sHist.clear();
            yHist.clear();
            rhoHist.clear();
            for (size_t i = 0; i < dim; ++i) {
                dir[i] = -g[i];
            }
            slope = -dot(g, g);
        }
        double step = sHist.empty() ? std::min(1.0, 1.0 / std::sqrt(-slope)) : 1.0;
        double fNew = f;
        bool accepted = false;
        for (int ls = 0; ls < 40; ++ls) {
            for (size_t i = 0; i < dim; ++i) {
                wNew[i] = w[i] + step * dir[i];
            }
            fNew = objective(x, y, sampleWeight, wNew, gNew);
            if (fNew <= f + 1e-4 * step * slope) {
                accepted = true;
                break;
            }
            step *= 0.5;
        }
        ++m_iterations;
        if (!accepted) {
            break;
        }
        std::vector<double> s(dim), yy(dim);
        for (size_t i = 0; i < dim; ++i) {
            s[i] = wNew[i] - w[i];
            yy[i] = gNew[i] - g[i];
        }
        const double sy = dot(s, yy);
        if (sy > 1e-300) {
            if (static_cast<int>(sHist.size()) == m_options.history) {
                sHist.pop_front();
                yHist.pop_front();
                rhoHist.pop_front();
            }
            sHist.push_back(std::move(s));
            yHist.push_back(std::move(yy));
            rhoHist.push_back(1.0 / sy);
        }
        const double improvement = f - fNew;
        w.swap(wNew);
        g.swap(gNew);
        f = fNew;
        progress.progress(static_cast<double>(it + 1) / m_options.maxIterations,
                          "fitting logistic regression");
        if (improvement < m_options.functionTolerance * std::max(1.0, std::fabs(f))) {
            break;
        }
    }
    m_weights = std::move(w);
    m_objective = f;
}

std::vector<std::vector<double>> LogisticRegression::predictProba(const SparseMatrix& x) const {
    if (m_weights.empty()) {
        throw Error(ErrorCode::InvalidArgument, "logistic regression: predict before fit");
    }
    if (x.cols != m_numFeatures) {
        throw Error(ErrorCode::InvalidArgument, "logistic regression: fitted on " +
                                                    std::to_string(m_numFeatures) +
                                                    " features, given " + std::to_string(x.cols));
    }
    std::vector<std::vector<double>> out(x.rows, std::vector<double>(m_numClasses));
    for (size_t i = 0; i < x.rows; ++i) {
        logits(x, i, m_weights, out[i]);
        softmaxInPlace(out[i]);
    }
    return out;
}

std::vector<int> LogisticRegression::predict(const SparseMatrix& x) const {
    std::vector<int> out;
    for (const std::vector<double>& p : predictProba(x)) {
        out.push_back(static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin()));
    }
    return out;
}

}  // namespace ft::metrics
