#include "job/progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/plural.hpp"

namespace paperbag {

namespace {

std::string format_seconds(double seconds) {
    char buffer[32];
    const long s = std::lround(seconds);
    if (s >= 3600)
        std::snprintf(buffer, sizeof buffer, "%ldh%02ldm", s / 3600, s % 3600 / 60);
    else
        std::snprintf(buffer, sizeof buffer, "%ldm%02lds", s / 60, s % 60);
    return buffer;
}

// Carriage return, then "erase to the end of the line" (ECMA-48 EL).
constexpr std::string_view clear_line = "\r\033[K";

}  // namespace

bool terminal_can_redraw(int fd) {
    if (::isatty(fd) == 0) return false;
    const char* term = std::getenv("TERM");
    return term != nullptr && *term != '\0' && std::string_view(term) != "dumb";
}

Progress::Progress(std::ostream& out, std::size_t total, std::string unit, bool redraw)
    : out_(out),
      total_(total),
      unit_(std::move(unit)),
      redraw_(redraw),
      start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() {
    if (drawn_) out_ << clear_line << std::flush;
}

std::string Progress::bar_text() const {
    constexpr std::size_t width = 30;
    const std::size_t filled = total_ == 0 ? width : std::min(width, done_ * width / total_);
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0;
    std::string line = "[" + std::string(filled, '#') + std::string(width - filled, '.') + "] " +
                       std::to_string(done_) + "/" + plural(total_, unit_);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, " %.1f/s", rate);
    line += buffer;
    if (rate > 0 && done_ < total_)
        line += " ETA " + format_seconds(static_cast<double>(total_ - done_) / rate);
    return line;
}

void Progress::clear() {
    if (!drawn_) return;
    out_ << clear_line << std::flush;
    drawn_ = false;
}

void Progress::redraw() {
    if (!redraw_) return;
    out_ << clear_line << bar_text() << std::flush;
    drawn_ = true;
}

void Progress::item_done(std::string_view result_line) {
    ++done_;
    clear();
    if (!result_line.empty()) out_ << result_line << '\n';
    redraw();
}

void Progress::print_above(std::ostream& stream, std::string_view line) {
    clear();
    stream << line << '\n' << std::flush;
    redraw();
}

void Progress::step() {
    ++done_;
    redraw();
}

void Progress::finish(bool quiet) {
    clear();
    if (quiet) return;
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, " in %.1f s (%.1f %s/s)\n", elapsed,
                  elapsed > 0 ? static_cast<double>(done_) / elapsed : 0.0,
                  plural(2, unit_).substr(2).c_str());
    out_ << plural(done_, unit_) << buffer << std::flush;
}

}  // namespace paperbag
