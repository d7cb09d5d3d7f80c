#include "memory_inputs.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "perfreport/sdk/failure.hpp"
#include "perfreport/sdk/json_lookup.hpp"

namespace perfreport::memory {
namespace {

Failure invalid(std::string_view pointer, std::string_view problem)
{
    return Failure(PR_ERR_INVALID_INPUT, "context value " + std::string{pointer} + " " + std::string{problem});
}

// Typed reads of the context. A null counts as absent, as for the host's
// required_context check.
class ContextReader {
public:
    explicit ContextReader(const boost::json::object& context) : root_(context) {}

    bool has(std::string_view pointer) const
    {
        const boost::json::value* value = find_at(root_, pointer);
        return value != nullptr && !value->is_null();
    }

    template <class T>
    T required(std::string_view pointer) const
    {
        if (!has(pointer)) {
            throw Failure(PR_ERR_MISSING_CONTEXT, "context value " + std::string{pointer} + " is missing");
        }
        return require_at<T>(root_, pointer, "context value", PR_ERR_MISSING_CONTEXT, PR_ERR_INVALID_INPUT);
    }

    template <class T>
    std::optional<T> optional(std::string_view pointer) const
    {
        if (!has(pointer)) return std::nullopt;
        return required<T>(pointer);
    }

    // An integer >= 0 of a sub-object the host does not check (moe, mla).
    std::int64_t count(std::string_view pointer, std::int64_t fallback) const
    {
        const std::int64_t value = optional<std::int64_t>(pointer).value_or(fallback);
        if (value < 0) throw invalid(pointer, "must be an integer >= 0, got " + std::to_string(value));
        return value;
    }

private:
    boost::json::value root_;  // a copy: JSON pointers resolve from a value
};

struct KeyedValue {
    std::int64_t value;
    std::string key;
};

// A model key and its alias (SPEC 1.6: num_heads / num_attention_heads); both
// may be given if they agree.
std::optional<KeyedValue> aliased(const ContextReader& context, std::string_view key, std::string_view alias)
{
    const auto value = context.optional<std::int64_t>(key);
    const auto alias_value = context.optional<std::int64_t>(alias);
    if (value && alias_value && *value != *alias_value) {
        throw invalid(key, "(" + std::to_string(*value) + ") and its alias " + std::string{alias} + " (" +
                               std::to_string(*alias_value) + ") disagree");
    }
    if (value) return KeyedValue{*value, std::string{key}};
    if (alias_value) return KeyedValue{*alias_value, std::string{alias}};
    return std::nullopt;
}

Dtype named_dtype(const ContextReader& context, std::string_view pointer)
{
    const std::string_view name = context.required<std::string_view>(pointer);
    if (const auto dtype = dtype_named(name)) return *dtype;
    throw invalid(pointer, "\"" + std::string{name} + "\" is not a known dtype (" + known_dtype_names() +
                               ", case-insensitive)");
}

// weight_dtype, or dtype_bytes, or both when they agree.
Dtype weight_dtype(const ContextReader& context)
{
    constexpr std::string_view name_key = "/model/weight_dtype";
    constexpr std::string_view bytes_key = "/model/dtype_bytes";
    std::optional<Dtype> named;
    if (context.has(name_key)) named = named_dtype(context, name_key);
    if (!context.has(bytes_key)) {
        if (named) return *named;
        throw Failure(PR_ERR_MISSING_CONTEXT,
                      "context value /model/weight_dtype is missing (or give /model/dtype_bytes)");
    }
    const double bytes = context.required<double>(bytes_key);  // the host checked: 0.5, 1, 2 or 4
    const Dtype sized{static_cast<std::int64_t>(bytes * 2)};
    if (named && *named != sized) {
        throw invalid(bytes_key, "(" + sized.bytes_text() + ") disagrees with /model/weight_dtype \"" +
                                     std::string{context.required<std::string_view>(name_key)} + "\" (" +
                                     named->bytes_text() + " B)");
    }
    return sized;
}

Attention attention(const ContextReader& context, std::int64_t hidden_size)
{
    const auto heads = aliased(context, "/model/num_heads", "/model/num_attention_heads");
    if (!heads) {
        throw Failure(PR_ERR_MISSING_CONTEXT,
                      "context value /model/num_heads (or its alias /model/num_attention_heads) is missing");
    }
    const KeyedValue kv_heads = aliased(context, "/model/num_kv_heads", "/model/num_key_value_heads").value_or(*heads);
    const auto head_dim = context.optional<std::int64_t>("/model/head_dim").value_or(hidden_size / heads->value);
    return {heads->value, kv_heads.value, head_dim, kv_heads.key};
}

Moe moe(const ContextReader& context, std::int64_t num_layers)
{
    Moe result;
    result.num_moe_layers = context.count("/model/num_moe_layers", 0);
    if (result.num_moe_layers > num_layers) {
        throw invalid("/model/num_moe_layers", "(" + std::to_string(result.num_moe_layers) +
                                                   ") exceeds /model/num_layers (" + std::to_string(num_layers) + ")");
    }
    result.routed_experts = context.count("/model/moe/num_routed_experts", 0);
    result.shared_experts = context.count("/model/moe/num_shared_experts", 0);
    if (result.in_effect()) {
        constexpr std::string_view key = "/model/moe/intermediate_size";
        result.intermediate_size = context.required<std::int64_t>(key);
        if (result.intermediate_size <= 0) {
            throw invalid(key, "must be an integer > 0, got " + std::to_string(result.intermediate_size));
        }
    }
    return result;
}

Mla mla(const ContextReader& context)
{
    return {context.count("/model/mla/kv_lora_rank", 0), context.count("/model/mla/qk_rope_head_dim", 0)};
}

ModelShape model_shape(const ContextReader& context, ModelKind kind)
{
    const std::int64_t hidden_size = context.required<std::int64_t>("/model/hidden_size");
    const std::int64_t num_layers = context.required<std::int64_t>("/model/num_layers");
    const Dtype weights = weight_dtype(context);
    // D7: the seed model may store KV cache and activations in another dtype;
    // the code model uses the weight dtype throughout, as the upstream.
    const Dtype activations = kind == ModelKind::seed && context.has("/model/activation_dtype")
                                  ? named_dtype(context, "/model/activation_dtype")
                                  : weights;
    return {
        hidden_size,
        num_layers,
        context.required<std::int64_t>("/model/intermediate_size"),
        context.required<std::int64_t>("/model/vocab_size"),
        attention(context, hidden_size),
        kind == ModelKind::code ? moe(context, num_layers) : Moe{},
        kind == ModelKind::code ? mla(context) : Mla{},
        weights,
        activations,
    };
}

// kv_seq_len, default input_seq_length.
std::int64_t kv_seq_len(const ContextReader& context)
{
    if (const auto value = context.optional<std::int64_t>("/deployment/kv_seq_len")) return *value;
    if (const auto value = context.optional<std::int64_t>("/deployment/input_seq_length")) return *value;
    throw Failure(PR_ERR_MISSING_CONTEXT,
                  "context value /deployment/kv_seq_len is missing (and so is /deployment/input_seq_length, "
                  "its default)");
}

// q_seq_len, default input_seq_length in a prefill (also when is_prefill is
// absent: SPEC 1.9's last phase fallback) and 1 in a decode step.
std::optional<std::int64_t> q_seq_len(const ContextReader& context, ModelKind kind)
{
    if (const auto value = context.optional<std::int64_t>("/deployment/q_seq_len")) return *value;
    if (!context.optional<bool>("/deployment/is_prefill").value_or(true)) return 1;
    const auto input_length = context.optional<std::int64_t>("/deployment/input_seq_length");
    if (!input_length && kind == ModelKind::code) {
        throw Failure(PR_ERR_MISSING_CONTEXT,
                      "context value /deployment/q_seq_len is missing (and so is /deployment/input_seq_length, "
                      "its default in a prefill)");
    }
    return input_length;
}

Deployment deployment(const ContextReader& context, ModelKind kind)
{
    return {
        context.required<std::int64_t>("/deployment/batch_size"),
        kv_seq_len(context),
        q_seq_len(context, kind),
        context.required<std::int64_t>("/deployment/tp"),  // the host defaults the degrees to 1
        context.required<std::int64_t>("/deployment/pp"),
        context.required<std::int64_t>("/deployment/ep"),
    };
}

}  // namespace

MemoryInputs read_memory_inputs(const AnalyzerInput& input, ModelKind kind)
{
    const ContextReader context{input.context()};
    return {model_shape(context, kind), deployment(context, kind),
            context.optional<double>("/hardware/memory_capacity_gb")};
}

}  // namespace perfreport::memory
