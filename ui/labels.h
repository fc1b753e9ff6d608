#pragma once

#include <string>

#include <QString>

#include "store/project.h"

// Words the pages share for stored values, so that every page says them alike.
namespace ft::ui {

// "train", "validation", "test" (translated).
QString splitPartName(store::SplitPart part);

// A run's status as the Evaluate and Deploy pages list it (translated).
QString runStatusName(store::RunStatus status);

// A stored UTC time ("2026-11-26T05:15:26Z") in the user's time zone, as
// "2026-11-26 06:15": one unambiguous style on every page. Unparseable text comes back
// as it is.
QString localTime(const std::string& utc);

}  // namespace ft::ui
