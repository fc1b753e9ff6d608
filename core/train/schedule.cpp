#include "train/schedule.h"

#include <algorithm>
#include <cmath>

namespace ft::train {

const char* toString(ScheduleKind kind) {
    switch (kind) {
        case ScheduleKind::Linear:
            return "linear";
        case ScheduleKind::Cosine:
            return "cosine";
        case ScheduleKind::Constant:
            return "constant";
    }
    return "?";
}

bool parseScheduleKind(const std::string& name, ScheduleKind& out) {
    if (name == "linear")
        out = ScheduleKind::Linear;
    else if (name == "cosine")
        out = ScheduleKind::Cosine;
    else if (name == "constant")
        out = ScheduleKind::Constant;
    else
        return false;
    return true;
}

Schedule::Schedule(ScheduleKind kind, double baseLr, int64_t warmupSteps, int64_t totalSteps)
    : m_kind(kind),
      m_baseLr(baseLr),
      m_warmup(std::max<int64_t>(0, warmupSteps)),
      m_total(std::max<int64_t>(0, totalSteps)) {}

double Schedule::factorAt(int64_t step) const {
    // The lambdas of transformers/optimization.py, operation for operation.
    if (step < m_warmup)
        return static_cast<double>(step) / static_cast<double>(std::max<int64_t>(1, m_warmup));
    switch (m_kind) {
        case ScheduleKind::Constant:
            return 1.0;
        case ScheduleKind::Linear:
            return std::max(0.0, static_cast<double>(m_total - step) /
                                     static_cast<double>(std::max<int64_t>(1, m_total - m_warmup)));
        case ScheduleKind::Cosine: {
            const double numCycles = 0.5;
            const double progress = static_cast<double>(step - m_warmup) /
                                    static_cast<double>(std::max<int64_t>(1, m_total - m_warmup));
            return std::max(0.0, 0.5 * (1.0 + std::cos(M_PI * numCycles * 2.0 * progress)));
        }
    }
    return 1.0;
}

double Schedule::lrAt(int64_t step) const { return m_baseLr * factorAt(step); }

int64_t Schedule::warmupFor(int64_t totalSteps, int64_t warmupSteps, double warmupRatio) {
    if (warmupSteps > 0) return warmupSteps;
    return static_cast<int64_t>(std::ceil(static_cast<double>(totalSteps) * warmupRatio));
}

}  // namespace ft::train
