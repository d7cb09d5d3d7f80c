// A PR_Host for tests: log capture, cancellation, and output files written to
// a temporary name and renamed on commit, as the real host does.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "perfreport/abi.h"

// The ABI leaves PR_OutputFile opaque: each host defines it.
struct PR_OutputFile {
    std::ofstream stream;
    std::filesystem::path temporary;
    std::filesystem::path final_path;
};

namespace perfreport::fakes {

class FakeHost {
public:
    // Without `output_dir`, open_output answers PR_ERR_UNSUPPORTED (an analyzer's host).
    explicit FakeHost(std::filesystem::path output_dir = {})
        : host_{sizeof(PR_Host), PR_ABI_VERSION_INIT, this, &FakeHost::log, &FakeHost::progress,
                &FakeHost::is_cancelled, &FakeHost::step_meta_json, &FakeHost::open_output,
                &FakeHost::write_output, &FakeHost::commit_output, &FakeHost::abort_output,
                &FakeHost::open_output_path},
          output_dir_(std::move(output_dir))
    {
    }
    FakeHost(const FakeHost&) = delete;
    FakeHost& operator=(const FakeHost&) = delete;

    const PR_Host* get() const { return &host_; }

    void cancel() { cancelled_ = true; }

    std::vector<std::string> log_lines() const
    {
        const std::lock_guard lock{mutex_};
        return log_;
    }

    // Files opened and neither committed nor aborted.
    int open_files() const { return open_files_; }
    std::uint64_t largest_write() const { return largest_write_; }
    std::uint64_t write_calls() const { return write_calls_; }

private:
    static FakeHost& self(const PR_Host* host) { return *static_cast<FakeHost*>(host->host_data); }

    static PR_Status fail(PR_Error* error, PR_Status status, const std::string& message)
    {
        error->set_message(error, message.data(), message.size());
        return status;
    }

    static void log(const PR_Host* host, std::int32_t level, const char* utf8)
    {
        FakeHost& me = self(host);
        const std::lock_guard lock{me.mutex_};
        me.log_.push_back(std::to_string(level) + " " + utf8);
    }

    static void progress(const PR_Host*, double) {}

    static std::int32_t is_cancelled(const PR_Host* host) { return self(host).cancelled_ ? 1 : 0; }

    static PR_Status step_meta_json(const PR_Host*, std::uint64_t, PR_StringView*, PR_Error* error)
    {
        return fail(error, PR_ERR_UNSUPPORTED, "no raw meta in this test");
    }

    static PR_Status open_output(const PR_Host* host, const char* relative_path, PR_OutputFile** file,
                                 PR_Error* error)
    {
        FakeHost& me = self(host);
        if (me.output_dir_.empty()) return fail(error, PR_ERR_UNSUPPORTED, "output files are for exporters");
        const std::filesystem::path relative{relative_path};
        const bool escapes = std::any_of(relative.begin(), relative.end(), [](const auto& part) { return part == ".."; });
        if (relative.empty() || relative.is_absolute() || escapes) {
            return fail(error, PR_ERR_INVALID_ARGUMENT, std::string{"bad output path "} + relative_path);
        }
        auto opened = std::make_unique<PR_OutputFile>();
        opened->final_path = me.output_dir_ / relative;
        opened->temporary = opened->final_path;
        opened->temporary += ".partial";
        std::filesystem::create_directories(opened->final_path.parent_path());
        opened->stream.open(opened->temporary, std::ios::binary | std::ios::trunc);
        if (!opened->stream) return fail(error, PR_ERR_IO, "cannot create " + opened->temporary.string());
        *file = opened.release();
        ++me.open_files_;
        return PR_OK;
    }

    // The file is created empty and closed; the caller writes it by name.
    static PR_Status open_output_path(const PR_Host* host, const char* relative_path, PR_OutputFile** file,
                                      const char** temporary_path, PR_Error* error)
    {
        const PR_Status status = open_output(host, relative_path, file, error);
        if (status != PR_OK) return status;
        (*file)->stream.close();
        *temporary_path = (*file)->temporary.c_str();
        return PR_OK;
    }

    static PR_Status write_output(const PR_Host* host, PR_OutputFile* file, const void* data, std::uint64_t size,
                                  PR_Error* error)
    {
        FakeHost& me = self(host);
        ++me.write_calls_;
        me.largest_write_ = std::max<std::uint64_t>(me.largest_write_, size);
        file->stream.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
        return file->stream ? PR_OK : fail(error, PR_ERR_IO, "cannot write " + file->temporary.string());
    }

    static PR_Status commit_output(const PR_Host* host, PR_OutputFile* file, PR_Error* error)
    {
        const std::unique_ptr<PR_OutputFile> owned{file};
        --self(host).open_files_;
        if (owned->stream.is_open()) {
            owned->stream.close();
            if (!owned->stream) return fail(error, PR_ERR_IO, "cannot close " + owned->temporary.string());
        }
        std::filesystem::rename(owned->temporary, owned->final_path);
        return PR_OK;
    }

    static void abort_output(const PR_Host* host, PR_OutputFile* file)
    {
        const std::unique_ptr<PR_OutputFile> owned{file};
        --self(host).open_files_;
        owned->stream.close();
        std::filesystem::remove(owned->temporary);
    }

    PR_Host host_;
    std::filesystem::path output_dir_;
    mutable std::mutex mutex_;
    std::vector<std::string> log_;
    std::atomic<bool> cancelled_{false};
    std::atomic<int> open_files_{0};
    std::atomic<std::uint64_t> largest_write_{0};
    std::atomic<std::uint64_t> write_calls_{0};
};

}  // namespace perfreport::fakes
