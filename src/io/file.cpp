#include "io/file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "io/unique_fd.hpp"
#include "paperbag/diagnostic.hpp"

namespace paperbag {

namespace {

std::string kind_of(mode_t mode) {
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISDIR(mode)) return "a folder";
    return "a special file";
}

}  // namespace

UniqueFd open_regular_file(const std::filesystem::path& path) {
    const std::string name = path.string();
    // O_NONBLOCK: a FIFO opens at once instead of waiting for a writer, and is refused below.
    UniqueFd fd(::open(name.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    if (!fd) throw_system_error("cannot open", name);
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) throw_system_error("cannot stat", name);
    if (!S_ISREG(st.st_mode))
        throw Error("PB-IO", name, "not a regular file (" + kind_of(st.st_mode) + ")");
    const int flags = ::fcntl(fd.get(), F_GETFL);
    if (flags < 0 || ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK) != 0)
        throw_system_error("cannot open", name);
    return fd;
}

std::string read_head(const std::filesystem::path& path, std::size_t size) {
    const UniqueFd fd = open_regular_file(path);
    std::string head(size, '\0');
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd.get(), head.data() + done, size - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw_system_error("cannot read", path.string());
        }
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    head.resize(done);
    return head;
}

void require_file_or_folder(const std::filesystem::path& path) {
    if (path == "-") return;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return;  // a missing file is reported where it is read
    if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
        throw Error("PB-IO", path.string(),
                    "not a regular file or a folder (" + kind_of(st.st_mode) + ")");
}

std::string read_file(const std::filesystem::path& path, std::uint64_t max_size) {
    const std::string name = path.string();
    const UniqueFd fd = open_regular_file(path);
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) throw_system_error("cannot stat", name);
    if (static_cast<std::uint64_t>(st.st_size) > max_size)
        throw Error("PB-TOO-LARGE", name,
                    "file is larger than the limit of " + std::to_string(max_size) + " bytes");
    std::string data;
    data.resize(static_cast<std::size_t>(st.st_size));
    std::size_t done = 0;
    while (true) {
        if (done == data.size()) {
            // The file may have grown since fstat; read on in chunks up to the limit.
            if (data.size() >= max_size) break;
            data.resize(std::min<std::uint64_t>(max_size, data.size() + 65536));
        }
        const ssize_t n = ::read(fd.get(), data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw_system_error("cannot read", name);
        }
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    data.resize(done);
    return data;
}

bool path_is_within(const std::filesystem::path& root, const std::filesystem::path& child) {
    const auto r = root.lexically_normal();
    const auto c = child.lexically_normal();
    auto ri = r.begin();
    auto ci = c.begin();
    for (; ri != r.end(); ++ri, ++ci) {
        if (ri->empty()) continue;  // trailing separator of a directory path
        if (ci == c.end() || *ri != *ci) return false;
    }
    return true;
}

void refuse_output_over_input(const std::filesystem::path& output,
                              const std::vector<std::filesystem::path>& inputs) {
    if (output.empty()) return;
    for (const auto& input : inputs) {
        std::error_code ec;
        if (std::filesystem::equivalent(output, input, ec) && !ec)
            throw Error("PB-OUTPUT-IS-INPUT", output.string(),
                        "the output is the input '" + input.string() +
                            "'; writing it would destroy it: choose another -o");
    }
}

}  // namespace paperbag
