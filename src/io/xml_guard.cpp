#include "io/xml_guard.hpp"

#include <string.h>  // memrchr (GNU)
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace paperbag {

namespace {

constexpr std::string_view cdata_open = "[CDATA[";
constexpr std::string_view doctype = "DOCTYPE";

std::string size_text(std::uint64_t bytes) {
    if (bytes % (1 << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    return std::to_string(bytes) + " bytes";
}

}  // namespace

void XmlGuard::fail(std::string message, std::string code) {
    if (!hit_) hit_ = XmlLimitHit{std::move(code), line_, column_, std::move(message)};
}

void XmlGuard::fail_run() {
    fail("more than " + size_text(limits_.max_text) +
         " of character data without markup (text, whitespace, comment or CDATA); the limit is " +
         size_text(limits_.max_text));
    hit_->line = run_line_;
    hit_->column = run_column_;
}

const std::optional<XmlLimitHit>& XmlGuard::feed(std::string_view bytes) {
    const char* p = bytes.data();
    const char* const end = p + bytes.size();
    while (p < end && !hit_) {
        if (state_ == State::text) {
            // The common case, in bulk: character data up to the next '<'.
            const auto* lt =
                static_cast<const char*>(std::memchr(p, '<', static_cast<std::size_t>(end - p)));
            const char* stop = lt ? lt : end;
            const auto span = static_cast<std::uint64_t>(stop - p);
            const auto newlines = static_cast<std::uint64_t>(std::count(p, stop, '\n'));
            if (newlines > 0) {
                line_ += newlines;
                const auto* last = static_cast<const char*>(
                    ::memrchr(p, '\n', static_cast<std::size_t>(stop - p)));
                column_ = static_cast<std::uint64_t>(stop - last - 1);
            } else {
                column_ += span;
            }
            run_ += span;
            p = stop;
            if (run_ > limits_.max_text) {
                fail_run();
                break;
            }
            if (lt == nullptr) break;
            state_ = State::open;
            ++p;
            ++column_;
            continue;
        }
        const char c = *p++;
        if (c == '\n') {
            ++line_;
            column_ = 0;
        } else {
            ++column_;
        }
        switch (state_) {
            case State::text: break;  // handled above
            case State::open:
                if (c == '!') {
                    state_ = State::bang;
                    bang_.clear();
                } else if (c == '?') {
                    state_ = State::pi;
                    matched_ = 0;
                } else {
                    state_ = State::tag;  // a start or end tag: the text run ends
                    run_ = 0;
                    attributes_ = 0;
                }
                break;
            case State::bang:
                // "<!--", "<![CDATA[" or a declaration such as <!DOCTYPE.
                bang_ += c;
                if (bang_ == "--") {
                    state_ = State::comment;
                    matched_ = 0;
                } else if (bang_ == cdata_open) {
                    state_ = State::cdata;
                    matched_ = 0;
                } else if (bang_ == doctype) {
                    if (!limits_.allow_doctype) {
                        column_ -= doctype.size() + 1;  // where "<!DOCTYPE" starts
                        fail(
                            "document type declaration (DOCTYPE) refused: DTDs and "
                            "entities are not loaded or expanded",
                            "PB-XML-DTD");
                    }
                    state_ = State::declaration;
                    depth_ = 0;
                } else if (!cdata_open.starts_with(bang_) && !doctype.starts_with(bang_) &&
                           bang_ != "-") {
                    state_ = c == '>' ? State::text : State::declaration;
                    depth_ =
                        static_cast<std::uint32_t>(std::count(bang_.begin(), bang_.end(), '['));
                }
                break;
            case State::tag:
                if (c == '"' || c == '\'') {
                    quote_ = c;
                    state_ = State::value;
                } else if (c == '=') {
                    if (++attributes_ > limits_.max_attributes)
                        fail("more than " + std::to_string(limits_.max_attributes) +
                             " attributes on one element; the limit is " +
                             std::to_string(limits_.max_attributes));
                } else if (c == '>') {
                    state_ = State::text;
                    run_line_ = line_;  // a run of character data may start after the tag
                    run_column_ = column_ + 1;
                }
                break;
            case State::value:
                if (c == quote_) state_ = State::tag;
                break;
            case State::comment:  // ends with "-->"
                ++run_;
                if (c == '-') {
                    matched_ = std::min<std::uint32_t>(matched_ + 1, 2);
                } else {
                    if (c == '>' && matched_ == 2) state_ = State::text;
                    matched_ = 0;
                }
                break;
            case State::cdata:  // ends with "]]>"
                ++run_;
                if (c == ']') {
                    matched_ = std::min<std::uint32_t>(matched_ + 1, 2);
                } else {
                    if (c == '>' && matched_ == 2) state_ = State::text;
                    matched_ = 0;
                }
                break;
            case State::pi:  // ends with "?>"
                ++run_;
                if (c == '>' && matched_ == 1) state_ = State::text;
                matched_ = c == '?' ? 1 : 0;
                break;
            case State::declaration:
                ++run_;
                if (c == '[') {
                    ++depth_;
                } else if (c == ']' && depth_ > 0) {
                    --depth_;
                } else if (c == '>' && depth_ == 0) {
                    state_ = State::text;
                }
                break;
        }
        if (run_ > limits_.max_text) fail_run();
    }
    return hit_;
}

int guarded_read(void* context, char* buffer, int len) {
    auto* source = static_cast<GuardedSource*>(context);
    if (source->guard->hit() || len <= 0) return source->guard->hit() ? -1 : 0;
    std::size_t n = 0;
    if (source->pull) {
        const std::ptrdiff_t got = source->pull(buffer, static_cast<std::size_t>(len));
        if (got < 0) return -1;
        n = static_cast<std::size_t>(got);
    } else if (source->fd) {
        ssize_t got = 0;
        do {
            got = ::read(source->fd.get(), buffer, static_cast<std::size_t>(len));
        } while (got < 0 && errno == EINTR);
        if (got < 0) return -1;
        n = static_cast<std::size_t>(got);
    } else {
        n = std::min(source->bytes.size(), static_cast<std::size_t>(len));
        std::memcpy(buffer, source->bytes.data(), n);
        source->bytes.remove_prefix(n);
    }
    if (source->guard->feed(std::string_view(buffer, n))) return -1;
    return static_cast<int>(n);
}

int guarded_close(void* context) {
    delete static_cast<GuardedSource*>(context);
    return 0;
}

std::optional<XmlLimitHit> check_xml_limits(std::string_view bytes, XmlLimits limits) {
    XmlGuard guard(limits);
    return guard.feed(bytes);
}

}  // namespace paperbag
