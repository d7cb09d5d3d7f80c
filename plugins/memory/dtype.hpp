// Element types of SPEC 1.6 and the bytes a count of their elements takes.
#pragma once

#include <array>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "checked_int.hpp"

namespace perfreport::memory {

// An element size counted in half-bytes, so that int4's 0.5 B stays an integer.
class Dtype {
public:
    constexpr explicit Dtype(std::int64_t half_bytes) : half_bytes_(half_bytes) {}

    constexpr std::int64_t half_bytes() const noexcept { return half_bytes_; }
    constexpr double bytes() const noexcept { return static_cast<double>(half_bytes_) / 2.0; }

    // "0.5", "1", "2" or "4", for messages.
    std::string bytes_text() const
    {
        return std::to_string(half_bytes_ / 2) + (half_bytes_ % 2 == 0 ? "" : ".5");
    }

    // floor(elements · bytes): only int4 can leave a half byte to drop.
    CheckedInt bytes_of(CheckedInt elements) const { return floor_div(elements * half_bytes_, 2); }

    friend constexpr bool operator==(Dtype, Dtype) = default;

private:
    std::int64_t half_bytes_;
};

struct NamedDtype {
    std::string_view name;
    Dtype dtype;
};

inline constexpr std::array<NamedDtype, 6> dtype_names{{
    {"fp32", Dtype{8}},
    {"fp16", Dtype{4}},
    {"bf16", Dtype{4}},
    {"fp8", Dtype{2}},
    {"int8", Dtype{2}},
    {"int4", Dtype{1}},
}};

// The dtype called `name`, compared case-insensitively ("BF16" is bf16).
inline std::optional<Dtype> dtype_named(std::string_view name)
{
    for (const NamedDtype& known : dtype_names) {
        if (known.name.size() != name.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < name.size() && same; ++i) {
            same = std::tolower(static_cast<unsigned char>(name[i])) == known.name[i];
        }
        if (same) return known.dtype;
    }
    return std::nullopt;
}

// "fp32, fp16, bf16, fp8, int8, int4", for messages.
inline std::string known_dtype_names()
{
    std::string list;
    for (const NamedDtype& known : dtype_names) list += (list.empty() ? "" : ", ") + std::string{known.name};
    return list;
}

}  // namespace perfreport::memory
