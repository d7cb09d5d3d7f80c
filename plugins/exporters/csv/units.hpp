// Units as the CSV shows them: µs converted to ms unless csv.time_unit = "us".
// The units of summary fields come from the SDK (field_units.hpp).
#pragma once

#include <string>
#include <string_view>

#include "perfreport/sdk/field_units.hpp"

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

}  // namespace perfreport::csv_export
