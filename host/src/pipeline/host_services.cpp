#include "host_services.hpp"

#include "../version.hpp"
#include "callback_guard.hpp"

#include <algorithm>

namespace perfreport {
namespace {

PR_Status fail(PR_Error* error, PR_Status status, const std::string& message)
{
    if (error != nullptr && error->set_message != nullptr) {
        error->set_message(error, message.data(), message.size());
    }
    return status;
}

}  // namespace

HostServices::HostServices(CallContext context) : context_(std::move(context))
{
    host_.struct_size = sizeof(PR_Host);
    host_.abi = host_abi;
    host_.host_data = this;
    host_.log = &HostServices::log;
    host_.progress = &HostServices::progress;
    host_.is_cancelled = &HostServices::is_cancelled;
    host_.step_meta_json = &HostServices::step_meta_json;
    host_.open_output = &HostServices::open_output;
    host_.write_output = &HostServices::write_output;
    host_.commit_output = &HostServices::commit_output;
    host_.abort_output = &HostServices::abort_output;
    host_.open_output_path = &HostServices::open_output_path;
}

HostServices::~HostServices()
{
    for (auto& file : open_files_) context_.output->abort(*file);
}

HostServices& HostServices::self_of(const PR_Host* host)
{
    return *static_cast<HostServices*>(host->host_data);
}

void HostServices::log(const PR_Host* host, int32_t level, const char* utf8)
{
    guard_void([&] {
        auto& self = self_of(host);
        if (self.context_.log != nullptr && utf8 != nullptr) self.context_.log->write(level, self.context_.part_id, utf8);
    });
}

void HostServices::progress(const PR_Host*, double)
{
    // A single report is short; the batch runner reports progress per input.
}

int32_t HostServices::is_cancelled(const PR_Host* host)
{
    const auto* flag = self_of(host).context_.cancelled;
    return flag != nullptr && flag->load(std::memory_order_relaxed) ? 1 : 0;
}

PR_Status HostServices::step_meta_json(const PR_Host* host, uint64_t step, PR_StringView* meta,
                                       PR_Error* error)
{
    return guard_status(error, [&] { return self_of(host).read_meta(step, meta, error); });
}

PR_Status HostServices::read_meta(uint64_t step, PR_StringView* meta, PR_Error* error) const
{
    const RawMetaStore* store = context_.raw_meta;
    if (store == nullptr) {
        return fail(error, PR_ERR_UNSUPPORTED,
                    "step_meta_json is offered to analyzers that set PR_ANALYZER_NEEDS_RAW_META");
    }
    if (meta == nullptr || step >= store->size()) {
        return fail(error, PR_ERR_INVALID_ARGUMENT, "step_meta_json: no step " + std::to_string(step));
    }
    const std::string_view text = store->get(step);
    *meta = PR_StringView{text.data(), text.size()};
    return PR_OK;
}

PR_Status HostServices::open_output(const PR_Host* host, const char* path, PR_OutputFile** file,
                                    PR_Error* error)
{
    return guard_status(error, [&] { return self_of(host).open_file(path, file, nullptr, error); });
}

PR_Status HostServices::open_output_path(const PR_Host* host, const char* path, PR_OutputFile** file,
                                         const char** temporary_path, PR_Error* error)
{
    if (temporary_path == nullptr) {
        return fail(error, PR_ERR_INVALID_ARGUMENT, "open_output_path: nowhere to put the temporary path");
    }
    return guard_status(error, [&] { return self_of(host).open_file(path, file, temporary_path, error); });
}

PR_Status HostServices::open_file(const char* path, PR_OutputFile** file, const char** temporary_path,
                                  PR_Error* error)
{
    if (context_.output == nullptr) {
        return fail(error, PR_ERR_UNSUPPORTED, "output files are offered to exporters only");
    }
    if (path == nullptr || file == nullptr) return fail(error, PR_ERR_INVALID_ARGUMENT, "open_output: no path");
    try {
        auto opened = temporary_path == nullptr ? context_.output->open(path) : context_.output->open_path(path);
        if (temporary_path != nullptr) *temporary_path = opened->temporary.c_str();
        *file = opened.get();
        std::lock_guard lock(files_mutex_);
        open_files_.push_back(std::move(opened));
        return PR_OK;
    } catch (const OutputError& e) {
        return fail(error, PR_ERR_IO, e.what());
    }
}

std::unique_ptr<PR_OutputFile> HostServices::release(PR_OutputFile* file)
{
    std::lock_guard lock(files_mutex_);
    const auto found = std::find_if(open_files_.begin(), open_files_.end(),
                                    [file](const auto& open) { return open.get() == file; });
    if (found == open_files_.end()) return nullptr;
    auto owned = std::move(*found);
    open_files_.erase(found);
    return owned;
}

PR_Status HostServices::write_output(const PR_Host* host, PR_OutputFile* file, const void* data,
                                     uint64_t size, PR_Error* error)
{
    return guard_status(error, [&] { return self_of(host).write_file(file, data, size, error); });
}

PR_Status HostServices::write_file(PR_OutputFile* file, const void* data, uint64_t size, PR_Error* error)
{
    if (context_.output == nullptr || file == nullptr || (data == nullptr && size > 0)) {
        return fail(error, PR_ERR_INVALID_ARGUMENT, "write_output: no open file or no data");
    }
    try {
        context_.output->write(*file, data, size);
        return PR_OK;
    } catch (const OutputError& e) {
        return fail(error, PR_ERR_IO, e.what());
    }
}

PR_Status HostServices::commit_output(const PR_Host* host, PR_OutputFile* file, PR_Error* error)
{
    return guard_status(error, [&] { return self_of(host).commit_file(file, error); });
}

PR_Status HostServices::commit_file(PR_OutputFile* file, PR_Error* error)
{
    auto owned = release(file);
    if (!owned) return fail(error, PR_ERR_INVALID_ARGUMENT, "commit_output: the file is not open");
    try {
        context_.output->commit(*owned);
        std::lock_guard lock(files_mutex_);
        committed_.push_back(owned->relative);
        return PR_OK;
    } catch (const OutputError& e) {
        return fail(error, PR_ERR_IO, e.what());
    }
}

void HostServices::abort_output(const PR_Host* host, PR_OutputFile* file)
{
    guard_void([&] {
        auto& self = self_of(host);
        if (auto owned = self.release(file)) self.context_.output->abort(*owned);
    });
}

}  // namespace perfreport
