// The units of report fields that carry none of their own: the performance
// fields of the header (SPEC 2.1) and section summary fields, whose names
// say their unit (total_time_us, weights_bytes, model_memory_gb, ...).
#pragma once

#include <string_view>

namespace perfreport {

// A summary field's unit from its name's suffix; "" when the name says none.
// gantt's phase_transition is the one µs field whose name has no suffix.
inline std::string_view summary_field_unit(std::string_view key)
{
    if (key == "phase_transition") return "us";
    struct Suffix {
        std::string_view suffix;
        std::string_view unit;
    };
    static constexpr Suffix suffixes[] = {
        {"_ms", "ms"}, {"_us", "us"}, {"_bytes", "B"}, {"_mb", "MB"}, {"_gb", "GB"},
    };
    for (const Suffix& entry : suffixes) {
        if (key.ends_with(entry.suffix)) return entry.unit;
    }
    return "";
}

// The unit of a performance field (SPEC 2.1); a field not listed has none.
inline std::string_view performance_field_unit(std::string_view key)
{
    struct Field {
        std::string_view key;
        std::string_view unit;
    };
    static constexpr Field fields[] = {
        {"total_time_ms", "ms"},   {"ttft_ms", "ms"},      {"tpot_ms", "ms"},        {"tps", "tokens/s"},
        {"mfu", "ratio"},          {"mbu", "ratio"},       {"memory_peak_mb", "MB"}, {"compute_time_ms", "ms"},
        {"comm_time_ms", "ms"},    {"wait_time_ms", "ms"}, {"total_flops", "FLOP"},  {"total_bytes", "B"},
    };
    for (const Field& field : fields) {
        if (field.key == key) return field.unit;
    }
    return "";
}

}  // namespace perfreport
