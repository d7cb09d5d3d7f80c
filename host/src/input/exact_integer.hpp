// The integer a JSON number denotes, decided on its text (SPEC 0: 1e3 and 2.0
// are integers, 1.5 is not, and neither is 1.0000000000000000001, which a
// double would round to 1).
#pragma once

#include <perfreport/sdk/json_parse.hpp>

#include <cstdint>

namespace perfreport {

struct ExactInteger {
    enum class Status {
        ok,          // `value` holds it
        fractional,  // not integral
        too_large,   // integral, but |value| >= 2^63
    };
    Status status = Status::ok;
    std::int64_t value = 0;
};

ExactInteger exact_integer(const JsonNumber& number);

}  // namespace perfreport
