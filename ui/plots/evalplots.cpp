#include "plots/evalplots.h"

#include "error.h"

// Placeholder while the plots are written (replaced in the same change set).
namespace ft::plots {
QStringList saveEvaluationPlots(const store::EvaluationInfo&, const QString&, const QStringList&) {
    throw Error(ErrorCode::InvalidArgument, "plots are not available yet");
}
}  // namespace ft::plots
