// Host callbacks are called from plugin code, possibly C: no exception may
// unwind through it. Every callback body runs inside one of these.
#pragma once

#include <perfreport/abi.h>

#include <exception>
#include <string>

namespace perfreport {

// Runs `body` (returning PR_Status); any exception becomes PR_ERR_INTERNAL
// with its message in `error` (when there is one).
template <class Body>
PR_Status guard_status(PR_Error* error, Body&& body) noexcept
{
    std::string message;
    try {
        return body();
    } catch (const std::exception& e) {
        message = e.what();
    } catch (...) {
        message = "unknown exception in the host";
    }
    if (error != nullptr && error->set_message != nullptr) error->set_message(error, message.data(), message.size());
    return PR_ERR_INTERNAL;
}

// Runs `body` (returning nothing); an exception is dropped, there is no way to report it.
template <class Body>
void guard_void(Body&& body) noexcept
{
    try {
        body();
    } catch (...) {
    }
}

}  // namespace perfreport
