// The host side of PR_Host: one services table per plugin call.
#pragma once

#include <perfreport/abi.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "../input/engine_result.hpp"
#include "host_log.hpp"
#include "output_directory.hpp"

namespace perfreport {

// What one call may reach. Absent members make the matching services answer
// PR_ERR_UNSUPPORTED.
struct CallContext {
    std::string part_id;                         // log prefix
    HostLog* log = nullptr;
    const std::atomic<bool>* cancelled = nullptr;
    const RawMetaStore* raw_meta = nullptr;      // analyzers that asked for raw meta
    OutputDirectory* output = nullptr;           // exporters
};

class HostServices {
public:
    explicit HostServices(CallContext context);
    HostServices(const HostServices&) = delete;
    HostServices& operator=(const HostServices&) = delete;
    // Aborts every file the call left neither committed nor aborted.
    ~HostServices();

    const PR_Host* host() const { return &host_; }

    // Relative paths of the files this call committed.
    const std::vector<std::string>& committed() const { return committed_; }

private:
    static HostServices& self_of(const PR_Host* host);
    static void log(const PR_Host* host, int32_t level, const char* utf8);
    static void progress(const PR_Host* host, double fraction);
    static int32_t is_cancelled(const PR_Host* host);
    static PR_Status step_meta_json(const PR_Host* host, uint64_t step, PR_StringView* meta, PR_Error* error);
    static PR_Status open_output(const PR_Host* host, const char* path, PR_OutputFile** file, PR_Error* error);
    static PR_Status write_output(const PR_Host* host, PR_OutputFile* file, const void* data,
                                  uint64_t size, PR_Error* error);
    static PR_Status commit_output(const PR_Host* host, PR_OutputFile* file, PR_Error* error);
    static void abort_output(const PR_Host* host, PR_OutputFile* file);
    static PR_Status open_output_path(const PR_Host* host, const char* path, PR_OutputFile** file,
                                      const char** temporary_path, PR_Error* error);

    PR_Status read_meta(uint64_t step, PR_StringView* meta, PR_Error* error) const;
    // Opens `path` with open_output, or with open_path when `temporary_path`
    // asks for the file's temporary path.
    PR_Status open_file(const char* path, PR_OutputFile** file, const char** temporary_path, PR_Error* error);
    PR_Status write_file(PR_OutputFile* file, const void* data, uint64_t size, PR_Error* error);
    PR_Status commit_file(PR_OutputFile* file, PR_Error* error);
    std::unique_ptr<PR_OutputFile> release(PR_OutputFile* file);

    PR_Host host_{};
    CallContext context_;
    std::mutex files_mutex_;
    std::vector<std::unique_ptr<PR_OutputFile>> open_files_;
    std::vector<std::string> committed_;
};

}  // namespace perfreport
