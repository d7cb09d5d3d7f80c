#include "file_bytes.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace perfreport {

std::string read_file_bytes(const std::filesystem::path& file)
{
    const auto fail = [&](int error) {
        return std::runtime_error("cannot read " + file.string() + ": " + std::strerror(error));
    };
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> stream(std::fopen(file.c_str(), "rb"), &std::fclose);
    if (!stream) throw fail(errno);
    std::error_code size_error;
    const auto size = std::filesystem::file_size(file, size_error);
    std::string bytes;
    if (!size_error) bytes.reserve(static_cast<std::size_t>(size));
    char buffer[1 << 16];
    for (;;) {
        const std::size_t got = std::fread(buffer, 1, sizeof buffer, stream.get());
        bytes.append(buffer, got);
        if (got == sizeof buffer) continue;
        if (std::ferror(stream.get())) throw fail(errno);
        return bytes;
    }
}

}  // namespace perfreport
