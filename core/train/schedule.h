#pragma once

#include <cstdint>
#include <string>

// Learning-rate schedules exactly as transformers' get_linear_schedule_with_warmup,
// get_cosine_schedule_with_warmup and get_constant_schedule_with_warmup compute them
// through torch's LambdaLR: lr(step) = baseLr * lambda(step), every quantity a double
// (Python float), so the values compare equal (==) to the ones Hugging Face's Trainer
// logs. Torch-free; a Schedule is a value, safe to use from any thread.
namespace ft::train {

enum class ScheduleKind { Linear, Cosine, Constant };

const char* toString(ScheduleKind kind);
// "linear", "cosine", "constant"; false for anything else.
bool parseScheduleKind(const std::string& name, ScheduleKind& out);

class Schedule {
public:
    Schedule() = default;
    // totalSteps: optimizer steps of the whole run; warmupSteps may exceed it.
    Schedule(ScheduleKind kind, double baseLr, int64_t warmupSteps, int64_t totalSteps);

    // The learning rate used by optimizer step `step` (0-based: the first update uses
    // lrAt(0), which is 0 whenever there is warmup).
    double lrAt(int64_t step) const;
    // The multiplier lambda(step) of the base rate.
    double factorAt(int64_t step) const;

    // Warmup steps as transformers' TrainingArguments.get_warmup_steps: warmupSteps when
    // it is > 0, else ceil(totalSteps * warmupRatio).
    static int64_t warmupFor(int64_t totalSteps, int64_t warmupSteps, double warmupRatio);

    ScheduleKind kind() const { return m_kind; }
    double baseLr() const { return m_baseLr; }
    int64_t warmupSteps() const { return m_warmup; }
    int64_t totalSteps() const { return m_total; }

private:
    ScheduleKind m_kind = ScheduleKind::Linear;
    double m_baseLr = 0;
    int64_t m_warmup = 0;
    int64_t m_total = 0;
};

}  // namespace ft::train
