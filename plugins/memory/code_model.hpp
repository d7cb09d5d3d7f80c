// The code memory model of SPEC 2.3 (U, the upstream's service path; the
// tier6 preset): GQA-aware attention, MoE, MLA, KV ÷ tp and pp, one layer's
// activation peak. Every size uses the weight dtype, as the upstream (D7).
#pragma once

#include <cstdint>

#include "breakdown.hpp"
#include "memory_inputs.hpp"

namespace perfreport::memory {

struct CodeOptions {
    bool include_overhead;
};

// Parameters of the whole model, before any split.
inline CheckedInt code_model_params(const ModelShape& m, const Deployment& d)
{
    const CheckedInt h = m.hidden_size, L = m.num_layers, i = m.intermediate_size, V = m.vocab_size;
    const CheckedInt K = m.attention.num_kv_heads, hd = m.attention.head_dim;
    const CheckedInt attention = h * h + 2 * h * K * hd + h * h;  // Q, K, V, O with GQA
    const CheckedInt norms = 2 * h;
    const CheckedInt dense = attention + 3 * h * i + norms;
    const CheckedInt moe_layers = m.moe.num_moe_layers;
    CheckedInt moe_layer = 0;  // as the upstream: MoE layers count only when they have routed experts
    if (m.moe.in_effect()) {
        const CheckedInt E = m.moe.routed_experts, S = m.moe.shared_experts, mi = m.moe.intermediate_size;
        const CheckedInt expert = 3 * h * mi;
        moe_layer = attention + h * E + floor_div(E, d.ep) * expert + S * expert + norms;  // router, routed, shared
    }
    return (L - moe_layers) * dense + moe_layers * moe_layer + V * h;
}

inline Breakdown code_breakdown(const ModelShape& m, const Deployment& d, CodeOptions options)
{
    const Dtype dtype = m.weight_dtype;
    const CheckedInt h = m.hidden_size, i = m.intermediate_size;
    const CheckedInt b = d.batch_size, tp = d.tp;

    const std::int64_t weights =
        bytes_named("weights_bytes", [&] { return dtype.bytes_of(floor_div(code_model_params(m, d), tp)); });
    const std::int64_t kv_cache = bytes_named("kv_cache_bytes", [&] {
        const CheckedInt layers_per_chip = floor_div(CheckedInt{m.num_layers}, d.pp);
        // MLA caches one latent vector per token; MHA/GQA a K and a V per KV
        // head, and K div tp is 0 when tp > K (the upstream's rule, kept: W_KV_HEADS_LT_TP).
        const CheckedInt per_token_and_layer =
            m.mla.enabled() ? floor_div(m.mla.kv_lora_rank, tp) + floor_div(m.mla.qk_rope_head_dim, tp)
                            : 2 * floor_div(m.attention.num_kv_heads, tp) * m.attention.head_dim;
        return dtype.bytes_of(b * d.kv_seq_len * layers_per_chip * per_token_and_layer);
    });
    const std::int64_t activations = bytes_named("activations_bytes", [&] {
        const CheckedInt q = max(CheckedInt{d.q_seq_len.value()}, 1);
        return dtype.bytes_of(b * q * max(h, floor_div(i, tp)));
    });
    const std::int64_t overhead = options.include_overhead
                                      ? bytes_named("overhead_bytes", [&] { return overhead_bytes(weights, kv_cache); })
                                      : 0;
    return {weights, kv_cache, activations, overhead};
}

}  // namespace perfreport::memory
