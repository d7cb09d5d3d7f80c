// The host side of PR_Error: where a plugin's failure message is copied.
#pragma once

#include <perfreport/abi.h>

#include <string>

#include "callback_guard.hpp"

namespace perfreport {

class ErrorSlot {
public:
    ErrorSlot()
    {
        error_.struct_size = sizeof(PR_Error);
        error_.host_data = this;
        error_.set_message = &ErrorSlot::set;
    }
    ErrorSlot(const ErrorSlot&) = delete;
    ErrorSlot& operator=(const ErrorSlot&) = delete;

    PR_Error* get() { return &error_; }
    const std::string& message() const { return message_; }

private:
    static void set(PR_Error* error, const char* utf8, uint64_t size)
    {
        guard_void([&] {
            auto* self = static_cast<ErrorSlot*>(error->host_data);
            self->message_.assign(utf8 != nullptr ? utf8 : "", utf8 != nullptr ? size : 0);
        });
    }

    PR_Error error_{};
    std::string message_;
};

// A readable name for a status code, for messages.
inline const char* status_name(PR_Status status)
{
    switch (status) {
    case PR_OK: return "ok";
    case PR_ERR_INVALID_ARGUMENT: return "invalid argument";
    case PR_ERR_INVALID_INPUT: return "invalid input";
    case PR_ERR_MISSING_CONTEXT: return "missing context";
    case PR_ERR_UNSUPPORTED: return "unsupported";
    case PR_ERR_CANCELLED: return "cancelled";
    case PR_ERR_IO: return "I/O error";
    case PR_ERR_INCOMPATIBLE: return "incompatible";
    case PR_ERR_INTERNAL: return "internal error";
    case PR_SKIPPED: return "skipped";
    default: return "unknown status";
    }
}

}  // namespace perfreport
