#include <cstdio>
#include <iostream>
#include <unistd.h>

#include "commands.h"

namespace ft::cli {

ProgressPrinter::ProgressPrinter(std::string what)
    : m_what(std::move(what)), m_tty(isatty(fileno(stderr)) != 0) {}

ProgressPrinter::~ProgressPrinter() {
    if (m_tty && m_lastPercent >= 0) std::cerr << "\n";
}

void ProgressPrinter::update(double fraction) {
    const int percent = static_cast<int>(fraction * 100.0);
    if (percent == m_lastPercent) return;
    if (m_tty) {
        std::cerr << "\r" << m_what << " " << percent << " %" << std::flush;
    } else if (percent / 10 != m_lastPercent / 10 || m_lastPercent < 0) {
        std::cerr << m_what << " " << percent << " %\n";
    }
    m_lastPercent = percent;
}

}  // namespace ft::cli
