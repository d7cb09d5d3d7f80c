#include "effective_context.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace perfreport {

namespace {

const boost::json::object* object_at(const boost::json::object* parent, std::string_view key)
{
    if (!parent) return nullptr;
    const auto* value = parent->if_contains(key);
    return value ? value->if_object() : nullptr;
}

// The child object `key`, created when absent; nullptr when it is something
// else. Creating it may move the parent's other members.
boost::json::object* child(boost::json::object& parent, std::string_view key)
{
    auto& value = parent.contains(key) ? parent.at(key) : (parent[key] = boost::json::object());
    return value.if_object();
}

// A number of trace_meta usable as a fallback, as written: > 0, or >= 0 when
// `zero_allowed`.
const boost::json::value* number_at(const boost::json::object* parent, std::string_view key, bool zero_allowed = false)
{
    if (!parent) return nullptr;
    const auto* value = parent->if_contains(key);
    if (!value || !value->is_number()) return nullptr;
    const double number = value->to_number<double>();
    return number > 0 || (zero_allowed && number == 0) ? value : nullptr;
}

void fill(boost::json::object& target, std::string_view key, const boost::json::value* value)
{
    if (value && !target.contains(key)) target[key] = *value;
}

std::int64_t degree(const boost::json::object& deployment, std::string_view key)
{
    return deployment.at(key).to_number<std::int64_t>();  // validated: an integer >= 1
}

void apply_deployment_defaults(boost::json::object& deployment)
{
    for (const std::string_view key : {"tp", "pp", "dp", "ep", "moe_tp"}) {
        if (!deployment.contains(key)) deployment[key] = 1;
    }
}

void apply_hardware_fallbacks(boost::json::object& hardware, const boost::json::object& deployment,
                              const boost::json::object& trace_meta)
{
    const boost::json::object* trace_hardware = object_at(&trace_meta, "hardware");
    if (!hardware.contains("chip_type")) {
        if (const auto* chip = trace_meta.if_contains("chip"); chip && chip->is_string()) hardware["chip_type"] = *chip;
    }
    if (!hardware.contains("chip_count")) {
        hardware["chip_count"] = degree(deployment, "tp") * degree(deployment, "pp") * degree(deployment, "dp");
    }
    const auto first = [](const boost::json::value* a, const boost::json::value* b) { return a ? a : b; };
    fill(hardware, "compute_tflops",
         first(number_at(trace_hardware, "compute_tflops"), number_at(&trace_meta, "peak_tflops")));
    fill(hardware, "memory_bandwidth_gbps",
         first(number_at(trace_hardware, "memory_bandwidth_gbps"), number_at(&trace_meta, "memory_bandwidth_gbps")));
}

void apply_link_fallbacks(boost::json::object& context, const boost::json::object& trace_meta)
{
    const boost::json::object* trace_hardware = object_at(&trace_meta, "hardware");
    for (const std::string_view level : {"c2c", "b2b", "r2r", "p2p"}) {
        const std::string prefix(level);
        const auto bandwidth = number_at(trace_hardware, prefix + "_bandwidth_gbps");
        const auto latency = number_at(trace_hardware, prefix + "_latency_us", true);
        if (!bandwidth && !latency) continue;  // nothing to add: create nothing
        boost::json::object* node = child(context, "topology");
        for (const std::string_view key : {std::string_view("interconnect"), std::string_view("links"), level}) {
            if (node) node = child(*node, key);
        }
        if (!node) continue;
        fill(*node, "bandwidth_gbps", bandwidth);
        fill(*node, "latency_us", latency);
    }
}

}  // namespace

boost::json::object effective_context(const EngineResult& result)
{
    boost::json::object context = result.context;
    // Both members exist before either is pointed to: an insertion moves the others.
    child(context, "deployment");
    child(context, "hardware");
    boost::json::object* deployment = child(context, "deployment");
    boost::json::object* hardware = child(context, "hardware");
    if (deployment) apply_deployment_defaults(*deployment);
    if (deployment && hardware) apply_hardware_fallbacks(*hardware, *deployment, result.trace_meta);
    apply_link_fallbacks(context, result.trace_meta);
    context["trace_meta"] = result.trace_meta;
    return context;
}

}  // namespace perfreport
