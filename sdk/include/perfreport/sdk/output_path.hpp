// An output file the plugin writes itself through a path, for libraries that
// open files by name (SQLite): the host renames it on commit.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "perfreport/abi.h"
#include "perfreport/sdk/failure.hpp"
#include "perfreport/sdk/host_call.hpp"
#include "perfreport/sdk/output_handle.hpp"

namespace perfreport {

// Opened with host->open_output_path (ABI 1.1): `temporary_path()` names an
// empty file in the output folder that the plugin's library opens, writes and
// closes; commit() then gives it its final name. Destroyed without commit(),
// the temporary file is removed.
class OutputPath {
public:
    OutputPath(const PR_Host& host, std::string_view relative_path) : handle_(open(host, relative_path)) {}

    // Absolute and UTF-8; valid until commit() or destruction.
    const std::string& temporary_path() const noexcept { return temporary_path_; }
    const std::string& relative_path() const noexcept { return handle_.relative_path(); }

    // Call once the library has closed the file.
    void commit() { handle_.commit(); }

private:
    detail::OutputHandle open(const PR_Host& host, std::string_view relative_path)
    {
        if (!PR_HAS_FIELD(PR_Host, &host, open_output_path) || host.open_output_path == nullptr) {
            throw Failure(PR_ERR_UNSUPPORTED, "the host offers no output paths (ABI 1.1 open_output_path)");
        }
        std::string path{relative_path};
        PR_OutputFile* file = nullptr;
        const char* temporary = nullptr;
        detail::check_host_call("cannot open " + path, [&](PR_Error* error) {
            return host.open_output_path(&host, path.c_str(), &file, &temporary, error);
        });
        detail::OutputHandle handle{host, file, std::move(path)};
        if (temporary == nullptr) {
            throw Failure(PR_ERR_INTERNAL, "the host gave no temporary path for " + handle.relative_path());
        }
        temporary_path_ = temporary;
        return handle;
    }

    std::string temporary_path_;  // before handle_: open() sets it
    detail::OutputHandle handle_;
};

}  // namespace perfreport
