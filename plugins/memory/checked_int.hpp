// CheckedInt: the non-negative int64 arithmetic of SPEC 2.3, failing instead
// of wrapping (SPEC 0: byte counts are below 2^63).
#pragma once

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace perfreport::memory {

// Thrown by CheckedInt; the model names the quantity it was computing.
class Overflow : public std::overflow_error {
public:
    Overflow() : std::overflow_error("int64 overflow") {}
};

class CheckedInt {
public:
    constexpr CheckedInt(std::int64_t value) : value_(value) {}  // implicit: formulas read as in SPEC

    constexpr std::int64_t value() const noexcept { return value_; }

    friend CheckedInt operator+(CheckedInt a, CheckedInt b)
    {
        std::int64_t sum = 0;
        if (__builtin_add_overflow(a.value_, b.value_, &sum)) throw Overflow();
        return sum;
    }

    friend CheckedInt operator-(CheckedInt a, CheckedInt b)
    {
        std::int64_t difference = 0;
        if (__builtin_sub_overflow(a.value_, b.value_, &difference)) throw Overflow();
        return difference;
    }

    friend CheckedInt operator*(CheckedInt a, CheckedInt b)
    {
        std::int64_t product = 0;
        if (__builtin_mul_overflow(a.value_, b.value_, &product)) throw Overflow();
        return product;
    }

    // SPEC's `x div y`. Operands are >= 0 and y > 0, where truncation is floor.
    friend CheckedInt floor_div(CheckedInt a, CheckedInt b) { return a.value_ / b.value_; }

    friend CheckedInt max(CheckedInt a, CheckedInt b) { return std::max(a.value_, b.value_); }

    friend auto operator<=>(CheckedInt a, CheckedInt b) = default;

private:
    std::int64_t value_;
};

}  // namespace perfreport::memory
