// Progress of a batch (issues built, bundles exported) on stderr. On a terminal that can
// redraw: one line at the bottom, redrawn in place with a bar, items per second and the time
// left; every result line is printed above it (the bar is cleared first, then drawn again
// below the line). Elsewhere (CI logs, pipes, TERM=dumb, --no-progress): no escape codes
// and no bar; only the result lines callers print and the closing "N items in T s" line.
#pragma once

#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace paperbag {

// Whether the terminal on `fd` can redraw a line in place: `fd` is a terminal and TERM is
// set and not "dumb".
bool terminal_can_redraw(int fd);

class Progress {
public:
    // `unit` is singular ("issue"); the counts say "1 issue", "2 issues".
    // `redraw`: draw the bar (callers pass terminal_can_redraw(STDERR_FILENO) unless the
    // user asked for no progress).
    Progress(std::ostream& out, std::size_t total, std::string unit, bool redraw);
    // Clears a bar still drawn (a run ended by an exception), so that the error printed next
    // starts on a clean line.
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // Prints one result line (e.g. "ok  jianghe-daily-2024-03-18.zip") above the bar on the
    // progress stream and counts one item done. An empty line only counts.
    void item_done(std::string_view result_line);
    // Prints `line` (without its newline) on `stream`, which shares the terminal with the
    // progress stream (stdout under a bar on stderr): the bar is cleared first and drawn
    // again after the line, so that the two never share a line. Counts nothing.
    void print_above(std::ostream& stream, std::string_view line);
    // Counts one item done and redraws the bar.
    void step();
    // Draws the bar before the first item is done (a long first item shows 0/N at once).
    void show() { redraw(); }
    // Clears the bar and prints "N units in T s (R units/s)" unless `quiet`.
    void finish(bool quiet = false);

    // The bar as it would be drawn now, without escape codes (for tests).
    std::string bar_text() const;

private:
    void clear();
    void redraw();

    std::ostream& out_;
    std::size_t total_;
    std::size_t done_ = 0;
    std::string unit_;
    bool redraw_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace paperbag
