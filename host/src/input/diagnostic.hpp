// A finding about the input or a part of the run, as the report lists it (SPEC 0).
#pragma once

#include <string>
#include <vector>

namespace perfreport {

enum class Severity { warning, error };

struct Diagnostic {
    Severity level = Severity::error;
    std::string code;    // e.g. "E_T_TOTAL", "W_SKIPPED"
    std::string source;  // "input", "host", or a plugin id
    std::string where;   // JSON pointer into the input, "" when none applies
    std::string message;
};

using Diagnostics = std::vector<Diagnostic>;

inline bool has_errors(const Diagnostics& diagnostics)
{
    for (const auto& d : diagnostics) {
        if (d.level == Severity::error) return true;
    }
    return false;
}

}  // namespace perfreport
