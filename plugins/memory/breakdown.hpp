// The four parts of a memory breakdown, and the overhead rule both models share.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "checked_int.hpp"
#include "perfreport/sdk/failure.hpp"

namespace perfreport::memory {

// Bytes per chip.
struct Breakdown {
    std::int64_t weights;
    std::int64_t kv_cache;
    std::int64_t activations;
    std::int64_t overhead;
};

// `formula()` as the byte count called `name`; one that does not fit in
// int64 fails the analyzer, naming it.
template <class Formula>
std::int64_t bytes_named(std::string_view name, Formula formula)
{
    try {
        return CheckedInt{formula()}.value();
    } catch (const Overflow&) {
        throw Failure(PR_ERR_INVALID_INPUT,
                      "memory: " + std::string{name} + " exceeds 2^63 - 1 bytes; check the model and deployment sizes");
    }
}

// 15 % of weights + KV cache, clamped to [500 MiB, 4 GiB]. Computed in
// doubles and truncated, as the upstream's int(0.15 * (w + kv)).
inline CheckedInt overhead_bytes(CheckedInt weights, CheckedInt kv_cache)
{
    constexpr std::int64_t least = std::int64_t{500} << 20;
    constexpr std::int64_t most = std::int64_t{4} << 30;
    const double share = 0.15 * static_cast<double>((weights + kv_cache).value());
    if (share >= static_cast<double>(most)) return most;
    return std::max(least, static_cast<std::int64_t>(share));
}

inline CheckedInt total_bytes(const Breakdown& parts)
{
    return CheckedInt{parts.weights} + parts.kv_cache + parts.activations + parts.overhead;
}

}  // namespace perfreport::memory
