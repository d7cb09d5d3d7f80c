// round4(x): the nearest multiple of 1e-4, exactly as Python's round(x, 4).
#pragma once

#include <charconv>
#include <cmath>
#include <system_error>

namespace perfreport {

// Python rounds the exact binary value to 4 decimals and reads the decimal
// back. Far from a tie, rounding x·1e4 to an integer n and dividing gives the
// same double (n and 1e4 are exact, the division is correctly rounded); near a
// tie or for large values, take the exact decimal route.
inline double round4(double x)
{
    if (!std::isfinite(x)) return x;
    const double scaled = x * 1e4;
    const double fraction = scaled - std::floor(scaled);
    if (std::fabs(x) < 1e8 && std::fabs(fraction - 0.5) > 1e-3) {
        return std::nearbyint(scaled) / 1e4;
    }
    char text[64];
    const auto written = std::to_chars(text, text + sizeof text, x, std::chars_format::fixed, 4);
    double rounded = x;
    std::from_chars(text, written.ptr, rounded);
    return rounded;
}

}  // namespace perfreport
