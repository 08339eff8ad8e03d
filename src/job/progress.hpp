// Progress of a batch (issues built, bundles exported) on stderr. On a terminal: one line
// redrawn in place with a bar, items per second and the time left. Elsewhere (CI logs,
// pipes): no escape codes and no redraws; only the result lines callers print.
#pragma once

#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace paperbag {

class Progress {
public:
    // `terminal`: draw the bar (callers pass isatty(STDERR_FILENO)).
    Progress(std::ostream& out, std::size_t total, std::string unit, bool terminal);

    // Prints one result line (e.g. "ok  jianghe-daily-2024-03-18.zip") above the bar and
    // counts one item done.
    void item_done(std::string_view result_line);
    // Clears the bar and prints "N unit in T s (R unit/s)".
    void finish();

    // The bar as it would be drawn now, without escape codes (for tests).
    std::string bar_text() const;

private:
    void redraw();

    std::ostream& out_;
    std::size_t total_;
    std::size_t done_ = 0;
    std::string unit_;
    bool terminal_;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace paperbag
