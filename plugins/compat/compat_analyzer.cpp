// CompatAnalyzer: the `compat` section of SPEC 2.7, the shapes the upstream
// web front end reads (camelCase), with the upstream's heuristics.
#include <cstdint>
#include <string_view>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "gantt_chart.hpp"
#include "perfreport/sdk.hpp"
#include "perfreport/sdk/device_ids.hpp"
#include "perfreport/sdk/link_traffic.hpp"
#include "perfreport/sdk/resolved_phase.hpp"
#include "stats.hpp"

namespace perfreport::compat {
namespace {

// context.deployment.<key>; the host filled the parallel degrees' defaults.
const boost::json::value* deployment_value(const AnalyzerInput& input, std::string_view key)
{
    const auto* deployment = input.context().if_contains("deployment");
    return deployment != nullptr && deployment->is_object() ? deployment->get_object().if_contains(key) : nullptr;
}

std::int64_t deployment_integer(const AnalyzerInput& input, std::string_view key, std::int64_t fallback)
{
    const auto* value = deployment_value(input, key);
    return value != nullptr && value->is_number() ? value->to_number<std::int64_t>() : fallback;
}

bool deployment_flag(const AnalyzerInput& input, std::string_view key, bool fallback)
{
    const auto* value = deployment_value(input, key);
    return value != nullptr && value->is_bool() ? value->get_bool() : fallback;
}

// SPEC 2.6's link_stats rows, computed here with the shared routine; empty,
// with a warning, when traffic would be skipped for want of a bandwidth.
boost::json::array link_traffic_stats(const AnalyzerInput& input, SectionWriter& out)
{
    const LinkLevels levels(input.context());
    if (!levels.any_bandwidth()) {
        out.warning("W_NO_LINK_BANDWIDTH", "/context/topology/interconnect/links",
                    "compat: stats.linkTrafficStats is empty: no level of context.topology.interconnect.links has a "
                    "bandwidth_gbps (nor trace_meta.hardware.<level>_bandwidth_gbps)");
        return {};
    }
    const DeviceIds ids(input.context());
    const StepTable steps = input.steps();
    const LinkTraffic traffic = compute_link_traffic(steps, ids, levels, PhaseResolver(steps, input.context()),
                                                     link_bandwidth_unit(input.options()));
    boost::json::array rows;
    rows.reserve(traffic.links.size());
    for (const LinkLoad& link : traffic.links) rows.emplace_back(to_json(link_stats(traffic, link, ids)));
    return rows;
}

}  // namespace

class CompatAnalyzer final : public IAnalyzer {
public:
    static constexpr const char* id = "compat";
    static constexpr const char* version = "1.0.0";
    static constexpr const char* description =
        "The upstream web front end's gantt_chart and stats (camelCase), with the upstream's heuristics";

    void analyze(const AnalyzerInput& input, SectionWriter& out) const override
    {
        const StepTable steps = input.steps();
        const PR_Aggregates& aggregates = input.aggregates();
        boost::json::object summary;
        summary.emplace("gantt_chart",
                        ChartBuilder().build(steps,
                                             {deployment_integer(input, "pp", 1), deployment_integer(input, "ep", 1),
                                              aggregates.ttft_ms},
                                             out));
        summary.emplace("stats", stats(aggregates, {deployment_flag(input, "is_prefill", true),
                                                    deployment_integer(input, "output_seq_length", 1), steps.size(),
                                                    link_traffic_stats(input, out)}));
        out.summary(summary);
    }
};

}  // namespace perfreport::compat

PERFREPORT_PLUGIN("perfreport-compat", "1.0.0", perfreport::compat::CompatAnalyzer)
