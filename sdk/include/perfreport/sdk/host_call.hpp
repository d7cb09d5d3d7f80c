// Calls into a host function that reports failure as PR_Status + PR_Error.
#pragma once

#include <string>
#include <string_view>

#include "perfreport/abi.h"
#include "perfreport/sdk/failure.hpp"

namespace perfreport::detail {

// A PR_Error whose message lands in a std::string owned by the plugin.
class ErrorCapture {
public:
    ErrorCapture() noexcept
        : error_{sizeof(PR_Error), this, &ErrorCapture::set_message}
    {
    }
    ErrorCapture(const ErrorCapture&) = delete;
    ErrorCapture& operator=(const ErrorCapture&) = delete;

    PR_Error* get() noexcept { return &error_; }
    const std::string& message() const noexcept { return message_; }

private:
    static void set_message(PR_Error* self, const char* utf8, uint64_t size)
    {
        // Called from C: an allocation failure must not unwind through it.
        try {
            static_cast<ErrorCapture*>(self->host_data)->message_.assign(utf8, size);
        } catch (...) {
        }
    }

    PR_Error error_;
    std::string message_;
};

// Runs `call(PR_Error*) -> PR_Status` and throws Failure(status, "<what>: <message>")
// when the host says no.
template <class Call>
void check_host_call(std::string_view what, Call&& call)
{
    ErrorCapture error;
    const PR_Status status = call(error.get());
    if (status != PR_OK) {
        std::string message{what};
        if (!error.message().empty()) {
            message += ": ";
            message += error.message();
        }
        throw Failure(status, message);
    }
}

}  // namespace perfreport::detail
