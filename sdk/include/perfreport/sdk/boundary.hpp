// The C boundary: runs C++ plugin code and turns every exception into a status.
#pragma once

#include <cstring>
#include <exception>

#include "perfreport/abi.h"
#include "perfreport/sdk/failure.hpp"

namespace perfreport::detail {

inline void report_error(PR_Error* error, const char* message) noexcept
{
    if (error != nullptr && error->set_message != nullptr) {
        error->set_message(error, message, std::strlen(message));
    }
}

// Runs `body`; PR_OK when it returns, otherwise the status its exception
// names with the message set on `error`. Nothing escapes into C.
template <class Body>
PR_Status guarded_call(PR_Error* error, Body&& body) noexcept
{
    try {
        body();
        return PR_OK;
    } catch (const Failure& failure) {
        report_error(error, failure.what());
        // A failure must never read as success to the host.
        return failure.status() == PR_OK ? PR_ERR_INTERNAL : failure.status();
    } catch (const std::exception& exception) {
        report_error(error, exception.what());
        return PR_ERR_INTERNAL;
    } catch (...) {
        report_error(error, "unknown exception");
        return PR_ERR_INTERNAL;
    }
}

}  // namespace perfreport::detail
