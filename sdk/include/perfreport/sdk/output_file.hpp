// A file an exporter writes through the host: buffered, committed or aborted.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "perfreport/abi.h"
#include "perfreport/sdk/failure.hpp"
#include "perfreport/sdk/host_call.hpp"

namespace perfreport {

// Opened with host->open_output; nothing appears under the final name until
// commit(). Destroyed without commit() (an exception, an early return), the
// file is aborted, so no half-written file is ever left behind.
class OutputFile {
public:
    static constexpr std::size_t buffer_capacity = 256 * 1024;

    OutputFile(const PR_Host& host, std::string_view relative_path)
        : host_(&host), path_(relative_path)
    {
        if (host.open_output == nullptr) {
            throw Failure(PR_ERR_UNSUPPORTED, "the host offers no output files");
        }
        detail::check_host_call("cannot open " + path_, [&](PR_Error* error) {
            return host.open_output(&host, path_.c_str(), &file_, error);
        });
        buffer_.reserve(buffer_capacity);
    }

    OutputFile(OutputFile&& other) noexcept
        : host_(other.host_),
          file_(std::exchange(other.file_, nullptr)),
          path_(std::move(other.path_)),
          buffer_(std::move(other.buffer_))
    {
    }
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;
    OutputFile& operator=(OutputFile&&) = delete;

    ~OutputFile()
    {
        if (file_ != nullptr) host_->abort_output(host_, file_);
    }

    void write(std::string_view bytes)
    {
        if (file_ == nullptr) throw std::logic_error("OutputFile: write after commit");
        if (buffer_.size() + bytes.size() > buffer_capacity) flush();
        if (bytes.size() >= buffer_capacity) {
            write_through(bytes);
        } else {
            buffer_.append(bytes);
        }
    }

    // Writes what is buffered and moves the file to its final name.
    void commit()
    {
        if (file_ == nullptr) throw std::logic_error("OutputFile: commit twice");
        flush();
        detail::check_host_call("cannot commit " + path_, [&](PR_Error* error) {
            return host_->commit_output(host_, file_, error);
        });
        file_ = nullptr;  // the host has released the handle
    }

private:
    void flush()
    {
        write_through(buffer_);
        buffer_.clear();
    }

    void write_through(std::string_view bytes)
    {
        if (bytes.empty()) return;
        detail::check_host_call("cannot write " + path_, [&](PR_Error* error) {
            return host_->write_output(host_, file_, bytes.data(), bytes.size(), error);
        });
    }

    const PR_Host* host_;
    PR_OutputFile* file_ = nullptr;
    std::string path_;
    std::string buffer_;
};

}  // namespace perfreport
