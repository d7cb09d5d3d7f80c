// The host's services (PR_Host) for the length of one call.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "perfreport/abi.h"
#include "perfreport/sdk/failure.hpp"
#include "perfreport/sdk/host_call.hpp"
#include "perfreport/sdk/output_file.hpp"
#include "perfreport/sdk/output_path.hpp"
#include "perfreport/sdk/string_view.hpp"

namespace perfreport {

enum class LogLevel : std::int32_t {
    debug = PR_LEVEL_DEBUG,
    info = PR_LEVEL_INFO,
    warning = PR_LEVEL_WARNING,
    error = PR_LEVEL_ERROR,
};

// log, progress, cancelled and step_meta_json may be called from tasks the
// plugin starts inside the call (the ABI marks them thread-safe).
class HostServices {
public:
    explicit HostServices(const PR_Host& host) : host_(&host) {}

    void log(LogLevel level, std::string_view message) const
    {
        if (host_->log == nullptr) return;
        const std::string line{message};  // the ABI wants a NUL-terminated string
        host_->log(host_, static_cast<std::int32_t>(level), line.c_str());
    }

    void progress(double fraction) const
    {
        if (host_->progress != nullptr) host_->progress(host_, fraction);
    }

    bool cancelled() const
    {
        return host_->is_cancelled != nullptr && host_->is_cancelled(host_) != 0;
    }

    // Stops the work the way the ABI asks: PR_ERR_CANCELLED at the boundary.
    void throw_if_cancelled() const
    {
        if (cancelled()) throw Failure(PR_ERR_CANCELLED, "cancelled by the host");
    }

    // The raw `meta` JSON of one step; needs `needs_raw_meta` on the analyzer.
    std::string_view step_meta_json(std::uint64_t step_index) const
    {
        if (host_->step_meta_json == nullptr) {
            throw Failure(PR_ERR_UNSUPPORTED, "the host offers no raw step meta");
        }
        PR_StringView meta{};
        detail::check_host_call("step_meta_json(" + std::to_string(step_index) + ")",
                                [&](PR_Error* error) {
                                    return host_->step_meta_json(host_, step_index, &meta, error);
                                });
        return to_string_view(meta);
    }

    OutputFile open_output(std::string_view relative_path) const { return {*host_, relative_path}; }
    // A file the plugin's library writes by name (ABI 1.1).
    OutputPath open_output_path(std::string_view relative_path) const { return {*host_, relative_path}; }

    const PR_Host& raw() const noexcept { return *host_; }

private:
    const PR_Host* host_;
};

}  // namespace perfreport
