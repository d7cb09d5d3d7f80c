#include "output_directory.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <utility>
#include <fcntl.h>
#include <unistd.h>

namespace perfreport {
namespace fs = std::filesystem;
namespace {

std::string system_error_text(int error)
{
    return std::strerror(error);
}

// A path an exporter may name: relative, '/'-separated, no "." or ".." parts.
void check_relative(std::string_view path)
{
    const std::string shown(path);
    if (path.empty()) throw OutputError("an output file needs a name");
    if (path.front() == '/') throw OutputError("output file '" + shown + "' is absolute");
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view part = path.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") {
            throw OutputError("output file '" + shown + "' must stay inside the output folder");
        }
        start = end + 1;
    }
}

std::atomic<uint64_t> temporary_counter{0};

}  // namespace

OutputDirectory::OutputDirectory(fs::path root) : root_(std::move(root))
{
    std::error_code ec;
    fs::create_directories(root_, ec);
    if (!fs::is_directory(root_)) {
        throw OutputError("cannot create output folder " + root_.string() + ": " +
                          (ec ? ec.message() : std::string("a file of that name is in the way")));
    }
    root_ = fs::canonical(root_);
}

std::unique_ptr<PR_OutputFile> OutputDirectory::open(std::string_view relative_path)
{
    check_relative(relative_path);
    const std::string relative(relative_path);
    {
        std::lock_guard lock(mutex_);
        if (!claimed_.insert(relative).second) {
            throw OutputError("output file '" + relative + "' is already written by another part of this run");
        }
    }
    auto file = std::make_unique<PR_OutputFile>();
    file->relative = relative;
    file->final_path = root_ / relative;
    std::error_code ec;
    fs::create_directories(file->final_path.parent_path(), ec);
    if (ec) {
        throw OutputError("cannot create folder for " + relative + ": " + ec.message());
    }
    file->temporary = file->final_path.parent_path() /
                      ("." + file->final_path.filename().string() + ".tmp." +
                       std::to_string(::getpid()) + "." + std::to_string(++temporary_counter));
    file->fd = ::open(file->temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (file->fd < 0) {
        throw OutputError("cannot create " + file->final_path.string() + ": " +
                          system_error_text(errno));
    }
    return file;
}

std::unique_ptr<PR_OutputFile> OutputDirectory::open_path(std::string_view relative_path)
{
    auto file = open(relative_path);
    file->by_path = true;
    const int fd = std::exchange(file->fd, -1);
    if (::close(fd) != 0) {
        const int error = errno;
        abort(*file);
        throw OutputError("cannot create " + file->final_path.string() + ": " + system_error_text(error));
    }
    return file;
}

void OutputDirectory::write(PR_OutputFile& file, const void* data, uint64_t size)
{
    if (file.by_path) {
        throw OutputError(file.final_path.string() + " is written through its path, not write_output");
    }
    const auto* bytes = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t written = ::write(file.fd, bytes, size);
        if (written < 0) {
            if (errno == EINTR) continue;
            throw OutputError("cannot write " + file.final_path.string() + ": " +
                              system_error_text(errno));
        }
        bytes += written;
        size -= static_cast<uint64_t>(written);
    }
}

void OutputDirectory::commit(PR_OutputFile& file)
{
    const int fd = std::exchange(file.fd, -1);
    if (fd >= 0 && ::close(fd) != 0) {
        const int error = errno;
        ::unlink(file.temporary.c_str());
        throw OutputError("cannot write " + file.final_path.string() + ": " + system_error_text(error));
    }
    if (::rename(file.temporary.c_str(), file.final_path.c_str()) != 0) {
        const int error = errno;
        ::unlink(file.temporary.c_str());
        throw OutputError("cannot rename the temporary file to " + file.final_path.string() + ": " +
                          system_error_text(error));
    }
    std::lock_guard lock(mutex_);
    committed_.push_back(file.relative);
}

void OutputDirectory::abort(PR_OutputFile& file) noexcept
{
    if (file.fd >= 0) ::close(file.fd);
    file.fd = -1;
    ::unlink(file.temporary.c_str());
}

void OutputDirectory::write_whole(std::string_view relative_path, std::string_view text)
{
    const auto file = open(relative_path);
    try {
        write(*file, text.data(), text.size());
        commit(*file);
    } catch (...) {
        abort(*file);
        throw;
    }
}

std::vector<std::string> OutputDirectory::committed() const
{
    std::lock_guard lock(mutex_);
    return committed_;
}

}  // namespace perfreport
