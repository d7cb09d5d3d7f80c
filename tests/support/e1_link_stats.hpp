// SPEC 5.5's link_stats rows of E1, which traffic.link_stats and compat's
// stats.linkTrafficStats both must equal.
#pragma once

#include <boost/json.hpp>

namespace perfreport::test {

inline boost::json::object e1_link_stats_row(const char* source, const char* target, double traffic_mb,
                                             double bandwidth, double latency, double percent, const char* type,
                                             const char* label)
{
    return {{"source", source},
            {"target", target},
            {"trafficMb", traffic_mb},
            {"bandwidthGbps", bandwidth},
            {"latencyUs", latency},
            {"utilizationPercent", percent},
            {"linkType", type},
            {"contributingTasks", {label}},
            {"taskTypeBreakdown", {{label, traffic_mb}}}};
}

// The five rows; `ring` and `p2p` are the utilization percents, which
// depend on the link bandwidth unit.
inline boost::json::array e1_link_stats(double ring, double p2p)
{
    const char* c[] = {"pod_0/rack_0/board_0/chip_0", "pod_0/rack_0/board_0/chip_1", "pod_0/rack_0/board_0/chip_2",
                       "pod_0/rack_0/board_0/chip_3"};
    boost::json::array rows;
    for (int k = 0; k < 4; ++k) {
        rows.push_back(e1_link_stats_row(c[k], c[(k + 1) % 4], 0.1875, 400, 0.2, ring, "c2c", "mla_allreduce"));
    }
    rows.push_back(e1_link_stats_row(c[3], "pod_0/rack_0/board_1/chip_0", 0.476837158203125, 450, 0.35, p2p, "b2b",
                                     "p2p"));
    return rows;
}

}  // namespace perfreport::test
