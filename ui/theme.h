#pragma once

class QApplication;

namespace ft::ui {

// The house look: Fusion with a light palette, the system font one step larger
// for reading, and a small style sheet for the roles widgets declare through the
// "role" / "primary" dynamic properties (hint, note, error, ok, heading, title,
// card). Call once, after QApplication exists and before windows are created.
void applyTheme(QApplication& app);

}  // namespace ft::ui
