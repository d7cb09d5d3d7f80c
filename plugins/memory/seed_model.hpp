// The seed memory model of SPEC 2.3 (S, the default; decisions D3 and D7).
#pragma once

#include <cmath>
#include <cstdint>

#include "breakdown.hpp"
#include "memory_inputs.hpp"

namespace perfreport::memory {

struct SeedOptions {
    double activation_factor;  // >= 0
    bool include_overhead;
};

// One sequence length s = kv_seq_len. Weights are per chip (÷ tp) while the
// KV cache is per replica (no ÷ tp or pp): the seed as written (D3).
inline Breakdown seed_breakdown(const ModelShape& m, const Deployment& d, SeedOptions options)
{
    const CheckedInt h = m.hidden_size, L = m.num_layers, i = m.intermediate_size, V = m.vocab_size;
    const CheckedInt K = m.attention.num_kv_heads, hd = m.attention.head_dim;
    const CheckedInt b = d.batch_size, s = d.kv_seq_len, tp = d.tp;

    const std::int64_t weights = bytes_named("weights_bytes", [&] {
        const CheckedInt layer_params = 4 * h * h + 3 * h * i + 2 * h;  // Q/K/V/O + gate/up/down + two norms
        return floor_div((layer_params * L + V * h) * m.weight_dtype.half_bytes(), 2 * tp);
    });
    const std::int64_t kv_cache =
        bytes_named("kv_cache_bytes", [&] { return m.activation_dtype.bytes_of(2 * b * s * K * hd * L); });
    const std::int64_t activations = bytes_named("activations_bytes", [&] {
        // floor(b·s·h·d_a·factor); a long double holds the int64 exactly.
        const CheckedInt half_bytes = b * s * h * m.activation_dtype.half_bytes();
        const long double bytes = std::floor(static_cast<long double>(half_bytes.value()) *
                                             options.activation_factor / 2);
        if (bytes >= 0x1p63L) throw Overflow();
        return CheckedInt{static_cast<std::int64_t>(bytes)};
    });
    const std::int64_t overhead = options.include_overhead
                                      ? bytes_named("overhead_bytes", [&] { return overhead_bytes(weights, kv_cache); })
                                      : 0;
    return {weights, kv_cache, activations, overhead};
}

}  // namespace perfreport::memory
