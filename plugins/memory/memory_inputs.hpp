// What the memory models read (SPEC 2.3), resolved from the context: aliases,
// defaults and dtypes applied, every value checked.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "dtype.hpp"
#include "perfreport/sdk/analyzer_input.hpp"

namespace perfreport::memory {

enum class ModelKind { seed, code };

struct Attention {
    std::int64_t num_heads;     // H
    std::int64_t num_kv_heads;  // K
    std::int64_t head_dim;      // hd
    std::string num_kv_heads_key;  // the context pointer K came from, for diagnostics
};

// Mixture of experts (code model); in effect when both counts are > 0.
struct Moe {
    std::int64_t num_moe_layers = 0;
    std::int64_t routed_experts = 0;     // E
    std::int64_t shared_experts = 0;     // S
    std::int64_t intermediate_size = 0;  // mi
    bool in_effect() const noexcept { return num_moe_layers > 0 && routed_experts > 0; }
};

// Multi-head latent attention (code model); on iff kv_lora_rank > 0.
struct Mla {
    std::int64_t kv_lora_rank = 0;
    std::int64_t qk_rope_head_dim = 0;
    bool enabled() const noexcept { return kv_lora_rank > 0; }
};

struct ModelShape {
    std::int64_t hidden_size;        // h
    std::int64_t num_layers;         // L
    std::int64_t intermediate_size;  // i
    std::int64_t vocab_size;         // V
    Attention attention;
    Moe moe;
    Mla mla;
    Dtype weight_dtype;      // d_w
    Dtype activation_dtype;  // d_a: activation_dtype, default d_w
};

struct Deployment {
    std::int64_t batch_size;  // b
    std::int64_t kv_seq_len;
    std::optional<std::int64_t> q_seq_len;  // always set for the code model
    std::int64_t tp;
    std::int64_t pp;
    std::int64_t ep;
};

struct MemoryInputs {
    ModelShape model;
    Deployment deployment;
    std::optional<double> memory_capacity_gb;  // GiB
};

// Throws Failure naming the context key: PR_ERR_MISSING_CONTEXT when a value
// the model needs is absent, PR_ERR_INVALID_INPUT when one is unusable.
// Keys only the code model reads (MoE, MLA, q_seq_len) are required only by it.
MemoryInputs read_memory_inputs(const AnalyzerInput& input, ModelKind kind);

}  // namespace perfreport::memory
