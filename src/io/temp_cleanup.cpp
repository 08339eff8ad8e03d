#include "io/temp_cleanup.hpp"

#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cstring>
#include <mutex>
#include <set>
#include <string_view>
#include <utility>

namespace paperbag {

namespace {

// 0 free, 1 being filled or emptied, 2 holds a path the handler may remove.
struct Slot {
    std::atomic<int> state{0};
    char path[PATH_MAX] = {};
};

constexpr int slot_count = 512;
std::array<Slot, slot_count> slots;

extern "C" void on_stop_signal(int signal_number) {
    remove_registered_temporaries();
    ::signal(signal_number, SIG_DFL);
    ::raise(signal_number);
}

int take_slot(const std::string& path) noexcept {
    if (path.size() >= PATH_MAX) return -1;
    for (int i = 0; i < slot_count; ++i) {
        int expected = 0;
        if (!slots[i].state.compare_exchange_strong(expected, 1)) continue;
        std::memcpy(slots[i].path, path.c_str(), path.size() + 1);
        slots[i].state.store(2);
        return i;
    }
    return -1;
}

}  // namespace

TempRegistration::TempRegistration(const std::filesystem::path& path) noexcept
    : slot_(take_slot(std::filesystem::absolute(path).string())) {}

TempRegistration::~TempRegistration() {
    release();
}

TempRegistration::TempRegistration(TempRegistration&& other) noexcept
    : slot_(std::exchange(other.slot_, -1)) {}

TempRegistration& TempRegistration::operator=(TempRegistration&& other) noexcept {
    if (this != &other) {
        release();
        slot_ = std::exchange(other.slot_, -1);
    }
    return *this;
}

void TempRegistration::release() noexcept {
    if (slot_ < 0) return;
    Slot& slot = slots[static_cast<std::size_t>(slot_)];
    slot.state.store(1);
    slot.path[0] = '\0';
    slot.state.store(0);
    slot_ = -1;
}

void install_cleanup_handlers() {
    for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction previous = {};
        // A signal ignored on entry (SIGINT of a background job) stays ignored.
        if (::sigaction(signal_number, nullptr, &previous) == 0 && previous.sa_handler == SIG_IGN)
            continue;
        struct sigaction action = {};
        action.sa_handler = on_stop_signal;
        sigemptyset(&action.sa_mask);
        ::sigaction(signal_number, &action, nullptr);
    }
}

void remove_registered_temporaries() noexcept {
    for (Slot& slot : slots)
        if (slot.state.load() == 2) ::unlink(slot.path);
}

std::string temporary_prefix(const std::string& prefix) {
    return prefix + "-" + std::to_string(::getpid()) + "-";
}

namespace {

// The process id in "<prefix>-<pid>-<n>" (n digits only), or 0 when `name` is not one.
pid_t temporary_owner(std::string_view name, std::string_view prefix) {
    if (!name.starts_with(prefix) || name.size() <= prefix.size() || name[prefix.size()] != '-')
        return 0;
    const char* first = name.data() + prefix.size() + 1;
    const char* last = name.data() + name.size();
    pid_t pid = 0;
    const auto [end, error] = std::from_chars(first, last, pid);
    if (error != std::errc() || end == first || end == last || *end != '-' || end + 1 == last)
        return 0;
    for (const char* p = end + 1; p != last; ++p)
        if (*p < '0' || *p > '9') return 0;
    return pid;
}

// Only a process that is gone (ESRCH) loses its files; a live one, or one we may not signal,
// keeps them.
bool process_gone(pid_t pid) {
    return pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH;
}

}  // namespace

void remove_stale_temporaries_once(const std::filesystem::path& folder) {
    static std::mutex mutex;
    static std::set<std::string> scanned;
    std::error_code ec;
    const std::string key =
        std::filesystem::weakly_canonical(folder.empty() ? std::filesystem::path(".") : folder, ec)
            .string();
    {
        const std::lock_guard lock(mutex);
        if (!scanned.insert(key).second) return;
    }
    for (const auto& entry : std::filesystem::directory_iterator(key, ec)) {
        const std::string name = entry.path().filename().string();
        const std::size_t tmp = name.rfind(".tmp-");
        if (name.size() < 2 || name[0] != '.' || tmp == std::string::npos) continue;
        if (!process_gone(temporary_owner(name, std::string_view(name).substr(0, tmp + 4))))
            continue;
        std::error_code removal;
        std::filesystem::remove(entry.path(), removal);
    }
}

std::size_t remove_stale_temporaries(const std::filesystem::path& folder,
                                     const std::string& prefix) {
    std::size_t removed = 0;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(
             folder.empty() ? std::filesystem::path(".") : folder, ec)) {
        if (!process_gone(temporary_owner(entry.path().filename().string(), prefix))) continue;
        std::error_code removal;
        if (std::filesystem::remove(entry.path(), removal)) ++removed;
    }
    return removed;
}

}  // namespace paperbag
