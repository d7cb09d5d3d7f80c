// TrafficAnalyzer: the `traffic` section of SPEC 2.6, from the shared link
// traffic routine of the SDK.
#include <array>
#include <cstdint>
#include <string>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "perfreport/sdk.hpp"
#include "perfreport/sdk/device_ids.hpp"
#include "perfreport/sdk/link_traffic.hpp"
#include "perfreport/sdk/resolved_phase.hpp"

namespace perfreport::traffic {
namespace {

// links: one row per link, in first-use order.
void write_links(const LinkTraffic& traffic, const DeviceIds& ids, LinkBandwidthUnit unit, SectionWriter& out)
{
    TableBuilder& table = out.table("links", {
                                                 {"link_id", "", ColumnType::string},
                                                 {"src", "", ColumnType::string},
                                                 {"dst", "", ColumnType::string},
                                                 {"link_type", "", ColumnType::string},
                                                 {"total_bytes", "B", ColumnType::int64},
                                                 {"total_time_us", "us", ColumnType::float64},
                                                 {"bandwidth_gbps", column_unit(unit), ColumnType::float64},
                                                 {"utilization", "ratio", ColumnType::float64},
                                                 {"comm_breakdown", "B", ColumnType::json},
                                             });
    for (const LinkLoad& link : traffic.links) {
        const std::string src = ids.id(link.src);
        const std::string dst = ids.id(link.dst);
        table.append(src + "->" + dst, src, dst, link.link_type, link.total_bytes, link.total_time_us,
                     *link.level->bandwidth_gbps, link.utilization,
                     boost::json::value(breakdown_json(link.comm_breakdown, traffic.labels)));
    }
}

// devices: one row per device, in first-use order.
void write_devices(const LinkTraffic& traffic, const DeviceIds& ids, SectionWriter& out)
{
    TableBuilder& table = out.table("devices", {
                                                   {"device_id", "", ColumnType::string},
                                                   {"total_send_bytes", "B", ColumnType::int64},
                                                   {"total_recv_bytes", "B", ColumnType::int64},
                                                   {"total_bytes", "B", ColumnType::int64},
                                                   {"send_breakdown", "B", ColumnType::json},
                                                   {"recv_breakdown", "B", ColumnType::json},
                                               });
    for (const DeviceLoad& device : traffic.devices) {
        std::int64_t total = 0;
        if (__builtin_add_overflow(device.send_bytes, device.recv_bytes, &total)) {
            throw Failure(PR_ERR_INVALID_INPUT, "device " + ids.id(device.device) + ": sent plus received bytes exceed 2^63-1");
        }
        table.append(ids.id(device.device), device.send_bytes, device.recv_bytes, total,
                     boost::json::value(breakdown_json(device.send_breakdown, traffic.labels)),
                     boost::json::value(breakdown_json(device.recv_breakdown, traffic.labels)));
    }
}

// link_stats: the links again, in the web front end's form.
void write_link_stats(const LinkTraffic& traffic, const DeviceIds& ids, LinkBandwidthUnit unit, SectionWriter& out)
{
    TableBuilder& table = out.table("link_stats", {
                                                      {"source", "", ColumnType::string},
                                                      {"target", "", ColumnType::string},
                                                      {"trafficMb", "MB", ColumnType::float64},
                                                      {"bandwidthGbps", column_unit(unit), ColumnType::float64},
                                                      {"latencyUs", "us", ColumnType::float64},
                                                      {"utilizationPercent", "%", ColumnType::float64},
                                                      {"linkType", "", ColumnType::string},
                                                      {"contributingTasks", "", ColumnType::json},
                                                      {"taskTypeBreakdown", "MB", ColumnType::json},
                                                  });
    for (const LinkLoad& link : traffic.links) {
        LinkStats stats = link_stats(traffic, link, ids);
        table.append(stats.source, stats.target, stats.traffic_mb, stats.bandwidth_gbps, stats.latency_us,
                     stats.utilization_percent, stats.link_type, boost::json::value(std::move(stats.contributing_tasks)),
                     boost::json::value(std::move(stats.task_type_breakdown)));
    }
}

boost::json::object phase_breakdown_json(const Breakdown& phases)
{
    boost::json::object object;
    for (const auto& entry : phases.entries()) object[phase_name(entry.label)] = entry.bytes;
    return object;
}

}  // namespace

class TrafficAnalyzer final : public IAnalyzer {
public:
    static constexpr const char* id = "traffic";
    static constexpr const char* version = "1.0.0";
    static constexpr const char* description =
        "Link traffic: bytes and time the comm steps put on each link and device of the topology";
    // Without link levels there is no bandwidth at all; a links object whose
    // levels all lack a bandwidth is caught in analyze.
    static constexpr std::array required_context{"/topology/interconnect/links"};
    static constexpr const char* options_schema = R"json({
  "link_bandwidth_unit": {"type": "string", "default": "GBps", "values": ["GBps", "Gbps"],
      "description": "how a link level's bandwidth_gbps is read: GB/s (the project's unit) or Gbit/s (the upstream's utilization)"}
})json";

    void analyze(const AnalyzerInput& input, SectionWriter& out) const override
    {
        const LinkLevels levels(input.context());
        if (!levels.any_bandwidth()) {
            const std::string reason =
                "traffic skipped: no level of context.topology.interconnect.links has a bandwidth_gbps "
                "(nor trace_meta.hardware.<level>_bandwidth_gbps)";
            out.warning("W_SKIPPED", "/context/topology/interconnect/links", reason);
            throw Skipped(reason);
        }
        const LinkBandwidthUnit unit = link_bandwidth_unit(input.options());
        const DeviceIds ids(input.context());
        const StepTable steps = input.steps();
        const LinkTraffic traffic =
            compute_link_traffic(steps, ids, levels, PhaseResolver(steps, input.context()), unit);
        write_links(traffic, ids, unit, out);
        write_devices(traffic, ids, out);
        write_link_stats(traffic, ids, unit, out);
        out.summary({
            {"total_bytes", traffic.total_bytes},
            {"total_time_us", traffic.total_time_us},
            {"comm_breakdown", breakdown_json(traffic.comm_breakdown, traffic.labels)},
            {"phase_breakdown", phase_breakdown_json(traffic.phase_breakdown)},
            {"link_bandwidth_unit", option_value(unit)},
        });
    }
};

}  // namespace perfreport::traffic

PERFREPORT_PLUGIN("perfreport-traffic", "1.0.0", perfreport::traffic::TrafficAnalyzer)
