// The exception a plugin throws to fail a call with a chosen PR_Status.
#pragma once

#include <stdexcept>
#include <string>

#include "perfreport/abi.h"

namespace perfreport {

// Thrown anywhere inside analyze/export_report/cost_table; the C boundary
// (boundary.hpp) returns `status()` and hands `what()` to the host. Any other
// exception becomes PR_ERR_INTERNAL.
class Failure : public std::runtime_error {
public:
    Failure(PR_Status status, const std::string& message)
        : std::runtime_error(message), status_(status)
    {
    }

    PR_Status status() const noexcept { return status_; }

private:
    PR_Status status_;
};

// Thrown by an analyzer that has nothing to say for this input (PR_SKIPPED):
// not a failure; the host records it as skipped with this reason.
class Skipped : public Failure {
public:
    explicit Skipped(const std::string& reason) : Failure(PR_SKIPPED, reason) {}
};

}  // namespace perfreport
