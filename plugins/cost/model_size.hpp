// model_size_gb of SPEC 2.2: the upstream's parameter count at 2 bytes each.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

namespace perfreport::cost {

namespace detail {

// A count of context.model (or of an object inside it) that is a JSON integer > 0 or >= 0.
inline std::optional<std::int64_t> model_count(const boost::json::object* object, std::string_view key)
{
    if (object == nullptr) return std::nullopt;
    const boost::json::value* value = object->if_contains(key);
    if (value == nullptr) return std::nullopt;
    boost::json::error_code error;
    const auto count = value->to_number<std::int64_t>(error);
    if (error || count < 0) return std::nullopt;
    return count;
}

}  // namespace detail

// params = V·h + 4h²·L + 3·h·i·L (dense), or with E > 0 routed experts
// V·h + 4h²·L + 3·h·i·num_dense_layers + E·3·h·moe.intermediate_size·num_moe_layers;
// size = params·2 / 1e9 (decimal GB, BF16 assumed as the upstream does).
// Nothing when the model lacks h, L, V, i, or an MoE model its expert width.
inline std::optional<double> model_size_gb(const boost::json::object* model)
{
    using detail::model_count;
    const auto h = model_count(model, "hidden_size");
    const auto layers = model_count(model, "num_layers");
    const auto vocab = model_count(model, "vocab_size");
    const auto intermediate = model_count(model, "intermediate_size");
    if (!h || !layers || !vocab || !intermediate) return std::nullopt;
    const boost::json::value* moe_value = model->if_contains("moe");
    const boost::json::object* moe = moe_value != nullptr ? moe_value->if_object() : nullptr;
    const std::int64_t experts = model_count(moe, "num_routed_experts").value_or(0);

    // Up to a few 1e12 parameters: exact in double.
    const double hidden = static_cast<double>(*h);
    double params = static_cast<double>(*vocab) * hidden + 4.0 * hidden * hidden * static_cast<double>(*layers);
    if (experts > 0) {
        const auto expert_width = model_count(moe, "intermediate_size");
        if (!expert_width) return std::nullopt;
        const std::int64_t dense_layers = model_count(model, "num_dense_layers").value_or(*layers);
        const std::int64_t moe_layers = model_count(model, "num_moe_layers").value_or(0);
        params += 3.0 * hidden * static_cast<double>(*intermediate) * static_cast<double>(dense_layers) +
                  static_cast<double>(experts) * 3.0 * hidden * static_cast<double>(*expert_width) *
                      static_cast<double>(moe_layers);
    } else {
        params += 3.0 * hidden * static_cast<double>(*intermediate) * static_cast<double>(*layers);
    }
    return params * 2.0 / 1e9;
}

}  // namespace perfreport::cost
