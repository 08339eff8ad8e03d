#include "job/progress.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

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

}  // namespace

Progress::Progress(std::ostream& out, std::size_t total, std::string unit, bool terminal)
    : out_(out),
      total_(total),
      unit_(std::move(unit)),
      terminal_(terminal),
      start_(std::chrono::steady_clock::now()) {}

std::string Progress::bar_text() const {
    constexpr std::size_t width = 30;
    const std::size_t filled = total_ == 0 ? width : std::min(width, done_ * width / total_);
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0;
    std::string line = "[" + std::string(filled, '#') + std::string(width - filled, '.') + "] " +
                       std::to_string(done_) + "/" + std::to_string(total_) + " " + unit_;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, " %.1f/s", rate);
    line += buffer;
    if (rate > 0 && done_ < total_)
        line += " ETA " + format_seconds(static_cast<double>(total_ - done_) / rate);
    return line;
}

void Progress::redraw() {
    if (!terminal_) return;
    out_ << "\r\033[K" << bar_text() << std::flush;
}

void Progress::item_done(std::string_view result_line) {
    ++done_;
    if (terminal_) out_ << "\r\033[K";
    if (!result_line.empty()) out_ << result_line << '\n';
    redraw();
}

void Progress::finish() {
    if (terminal_) out_ << "\r\033[K";
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "%zu %s in %.1f s (%.1f %s/s)\n", done_, unit_.c_str(),
                  elapsed, elapsed > 0 ? static_cast<double>(done_) / elapsed : 0.0, unit_.c_str());
    out_ << buffer << std::flush;
}

}  // namespace paperbag
