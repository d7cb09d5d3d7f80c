// MemoryAnalyzer: the `memory` section of SPEC 2.3, per-chip memory in the
// seed model (default) or the upstream's code model (memory.model = "code").
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "breakdown.hpp"
#include "code_model.hpp"
#include "memory_inputs.hpp"
#include "perfreport/sdk.hpp"
#include "seed_model.hpp"

namespace perfreport::memory {
namespace {

constexpr double bytes_per_gib = 1024.0 * 1024.0 * 1024.0;  // SPEC 0: "GB" is 2^30 B

double gib(std::int64_t bytes) { return static_cast<double>(bytes) / bytes_per_gib; }

// 1, 2 or 4 as an integer, int4's 0.5 as a number.
boost::json::value dtype_bytes_json(Dtype dtype)
{
    if (dtype.half_bytes() % 2 == 0) return dtype.half_bytes() / 2;
    return dtype.bytes();
}

template <class T>
boost::json::value or_null(const std::optional<T>& value)
{
    return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

ModelKind model_kind(const AnalyzerInput& input)
{
    // The host checked the value against the schema's "values".
    return input.option<std::string_view>("/memory/model") == "code" ? ModelKind::code : ModelKind::seed;
}

// The schema gives include_overhead no default because the default depends on
// the model: false in the seed model, true in the code model (SPEC 1.7).
bool include_overhead(const AnalyzerInput& input, ModelKind kind)
{
    const auto* memory = input.options().if_contains("memory");
    const auto* chosen = memory != nullptr && memory->is_object() ? memory->get_object().if_contains("include_overhead")
                                                                   : nullptr;
    if (chosen == nullptr) return kind == ModelKind::code;
    return input.option<bool>("/memory/include_overhead");
}

Breakdown breakdown(const AnalyzerInput& input, const MemoryInputs& in, ModelKind kind)
{
    const bool overhead = include_overhead(input, kind);
    if (kind == ModelKind::code) return code_breakdown(in.model, in.deployment, {overhead});
    return seed_breakdown(in.model, in.deployment, {input.option<double>("/memory/activation_factor"), overhead});
}

// The code model splits KV heads over tp with floor division, which leaves no
// head on a chip when tp > K (MLA does not use K).
void warn_kv_heads_below_tp(const MemoryInputs& in, ModelKind kind, SectionWriter& out)
{
    const Attention& attention = in.model.attention;
    if (kind != ModelKind::code || in.model.mla.enabled() || attention.num_kv_heads >= in.deployment.tp) return;
    const std::string key = attention.num_kv_heads_key.substr(attention.num_kv_heads_key.rfind('/') + 1);
    out.warning("W_KV_HEADS_LT_TP", "/context" + attention.num_kv_heads_key,
                key + " " + std::to_string(attention.num_kv_heads) + " < tp " + std::to_string(in.deployment.tp) +
                    ": K div tp = 0 KV heads per chip, so kv_cache_bytes is 0 (the upstream's rule, kept)");
}

boost::json::object summary(const MemoryInputs& in, ModelKind kind, const Breakdown& parts)
{
    const std::int64_t total = bytes_named("total_bytes", [&] { return total_bytes(parts); });
    const double total_gb = gib(total);
    const std::optional<double> capacity = in.memory_capacity_gb;
    const Deployment& d = in.deployment;
    return {
        {"model", kind == ModelKind::code ? "code" : "seed"},
        {"weights_bytes", parts.weights},
        {"kv_cache_bytes", parts.kv_cache},
        {"activations_bytes", parts.activations},
        {"overhead_bytes", parts.overhead},
        {"total_bytes", total},
        {"model_memory_gb", gib(parts.weights)},
        {"kv_cache_memory_gb", gib(parts.kv_cache)},
        {"activation_memory_gb", gib(parts.activations)},
        {"overhead_gb", gib(parts.overhead)},
        {"total_per_chip_gb", total_gb},
        {"memory_capacity_gb", or_null(capacity)},
        {"is_memory_sufficient", capacity ? boost::json::value(total_gb <= *capacity) : nullptr},
        {"memory_utilization", capacity ? boost::json::value(total_gb / *capacity) : nullptr},
        {"dtype_bytes", dtype_bytes_json(in.model.weight_dtype)},
        {"activation_dtype_bytes", dtype_bytes_json(in.model.activation_dtype)},
        {"batch_size", d.batch_size},
        {"kv_seq_len", d.kv_seq_len},
        {"q_seq_len", or_null(d.q_seq_len)},
        {"tp", d.tp},
        {"pp", d.pp},
        {"ep", d.ep},
    };
}

}  // namespace

class MemoryAnalyzer final : public IAnalyzer {
public:
    static constexpr const char* id = "memory";
    static constexpr const char* version = "1.0.0";
    static constexpr const char* description =
        "Memory per chip: weights, KV cache, activations and overhead, against the chip's capacity";
    // num_heads and the dtype are required too, but each has an alternative
    // key (num_attention_heads; weight_dtype or dtype_bytes) that a single
    // pointer cannot express: the analyzer checks them and fails naming both.
    static constexpr std::array required_context{"/model/hidden_size", "/model/num_layers",
                                                 "/model/intermediate_size", "/model/vocab_size",
                                                 "/deployment/batch_size"};
    static constexpr const char* options_schema = R"json({
  "model": {"type": "string", "default": "seed", "values": ["seed", "code"],
            "description": "seed: the seed design's formulas; code: the upstream's (GQA, MoE, MLA, KV over tp and pp)"},
  "activation_factor": {"type": "number", "default": 1.0, "minimum": 0,
                        "description": "seed model: activations = b * kv_seq_len * h * dtype bytes * factor"},
  "include_overhead": {"type": "boolean",
                       "description": "add 15 % of weights + KV, clamped to [500 MiB, 4 GiB]; default: code model only"}
})json";

    void analyze(const AnalyzerInput& input, SectionWriter& out) const override
    {
        const ModelKind kind = model_kind(input);
        const MemoryInputs in = read_memory_inputs(input, kind);
        const Breakdown parts = breakdown(input, in, kind);
        warn_kv_heads_below_tp(in, kind, out);
        out.summary(summary(in, kind, parts));
    }
};

}  // namespace perfreport::memory

PERFREPORT_PLUGIN("perfreport-memory", "1.0.0", perfreport::memory::MemoryAnalyzer)
