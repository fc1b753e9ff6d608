#pragma once

// Includes QCustomPlot for ftui. Its header uses the Qt keywords (signals, slots,
// emit, foreach) that ftui switches off with QT_NO_KEYWORDS, so they are mapped to
// the Q_ macros for the length of the include only. Include this from .cpp files,
// never <qcustomplot.h> directly; headers forward-declare QCustomPlot.
#ifdef QT_NO_KEYWORDS
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
#else
#include <qcustomplot.h>
#endif
