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
#include "perfreport/sdk/output_handle.hpp"

namespace perfreport {

// Opened with host->open_output; nothing appears under the final name until
// commit(). Destroyed without commit() (an exception, an early return), the
// file is aborted, so no half-written file is ever left behind.
class OutputFile {
public:
    static constexpr std::size_t buffer_capacity = 256 * 1024;

    OutputFile(const PR_Host& host, std::string_view relative_path) : handle_(open(host, relative_path))
    {
        buffer_.reserve(buffer_capacity);
    }

    void write(std::string_view bytes)
    {
        if (!handle_.open()) throw std::logic_error("OutputFile: write after commit");
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
        flush();
        handle_.commit();
    }

private:
    static detail::OutputHandle open(const PR_Host& host, std::string_view relative_path)
    {
        if (host.open_output == nullptr) {
            throw Failure(PR_ERR_UNSUPPORTED, "the host offers no output files");
        }
        std::string path{relative_path};
        PR_OutputFile* file = nullptr;
        detail::check_host_call("cannot open " + path, [&](PR_Error* error) {
            return host.open_output(&host, path.c_str(), &file, error);
        });
        return {host, file, std::move(path)};
    }

    void flush()
    {
        write_through(buffer_);
        buffer_.clear();
    }

    void write_through(std::string_view bytes)
    {
        if (bytes.empty()) return;
        const PR_Host& host = handle_.host();
        detail::check_host_call("cannot write " + handle_.relative_path(), [&](PR_Error* error) {
            return host.write_output(&host, handle_.get(), bytes.data(), bytes.size(), error);
        });
    }

    detail::OutputHandle handle_;
    std::string buffer_;
};

}  // namespace perfreport
