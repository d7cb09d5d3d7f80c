// Units as the CSV shows them: µs converted to ms unless csv.time_unit = "us",
// and the units of summary fields, which carry no unit of their own.
#pragma once

#include <string>
#include <string_view>

namespace perfreport::csv_export {

// A unit after csv.time_unit is applied, and what divides values to reach it.
struct ShownUnit {
    std::string_view unit;
    double divisor = 1.0;
};

class TimeUnit {
public:
    explicit TimeUnit(std::string_view option) : microseconds_(option == "us") {}

    ShownUnit show(std::string_view unit) const
    {
        if (unit == "us" && !microseconds_) return {"ms", 1000.0};
        return {unit, 1.0};
    }

private:
    bool microseconds_;
};

// The unit of a summary field, read from its name's suffix as SPEC 2 names
// them (total_time_us, weights_bytes, model_memory_gb, ...); "" when the
// name says none. gantt's phase_transition is the one µs field whose name
// has no suffix.
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

// The units of the performance fields (SPEC 2.1), which the header carries
// as a plain object; a field not listed has none.
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

}  // namespace perfreport::csv_export
