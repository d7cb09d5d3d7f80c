// The host's handle of one output file while a plugin holds it: committed
// once, or aborted when it goes away uncommitted.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "perfreport/abi.h"
#include "perfreport/sdk/host_call.hpp"

namespace perfreport::detail {

class OutputHandle {
public:
    // `file` as host->open_output or host->open_output_path returned it.
    OutputHandle(const PR_Host& host, PR_OutputFile* file, std::string relative_path) noexcept
        : host_(&host), file_(file), path_(std::move(relative_path))
    {
    }
    OutputHandle(OutputHandle&& other) noexcept
        : host_(other.host_), file_(std::exchange(other.file_, nullptr)), path_(std::move(other.path_))
    {
    }
    OutputHandle(const OutputHandle&) = delete;
    OutputHandle& operator=(const OutputHandle&) = delete;
    OutputHandle& operator=(OutputHandle&&) = delete;

    // An exception or an early return: nothing appears under the final name.
    ~OutputHandle()
    {
        if (file_ != nullptr) host_->abort_output(host_, file_);
    }

    const PR_Host& host() const noexcept { return *host_; }
    const std::string& relative_path() const noexcept { return path_; }
    bool open() const noexcept { return file_ != nullptr; }

    // The open file; std::logic_error after commit.
    PR_OutputFile* get() const
    {
        if (file_ == nullptr) throw std::logic_error("output " + path_ + " is already committed");
        return file_;
    }

    // Moves the file to its final name; the host releases the handle.
    void commit()
    {
        PR_OutputFile* file = get();
        file_ = nullptr;  // committed or failed, the host has released it
        check_host_call("cannot commit " + path_,
                        [&](PR_Error* error) { return host_->commit_output(host_, file, error); });
    }

private:
    const PR_Host* host_;
    PR_OutputFile* file_;
    std::string path_;
};

}  // namespace perfreport::detail
