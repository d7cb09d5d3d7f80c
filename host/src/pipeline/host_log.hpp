// Where plugins' log lines and the host's own notes go.
#pragma once

#include <perfreport/abi.h>

#include <cstdio>
#include <mutex>
#include <string_view>

namespace perfreport {

// Prints lines at or above a threshold to a stream, one line at a time.
class HostLog {
public:
    explicit HostLog(int32_t threshold = PR_LEVEL_WARNING, std::FILE* stream = stderr)
        : threshold_(threshold), stream_(stream) {}

    void write(int32_t level, std::string_view source, std::string_view message)
    {
        if (level < threshold_) return;
        static constexpr const char* names[] = {"debug", "info", "warning", "error"};
        const char* name = level >= PR_LEVEL_DEBUG && level <= PR_LEVEL_ERROR ? names[level] : "log";
        std::lock_guard lock(mutex_);
        std::fprintf(stream_, "%s: [%.*s] %.*s\n", name, static_cast<int>(source.size()),
                     source.data(), static_cast<int>(message.size()), message.data());
    }

private:
    int32_t threshold_;
    std::FILE* stream_;
    std::mutex mutex_;
};

}  // namespace perfreport
