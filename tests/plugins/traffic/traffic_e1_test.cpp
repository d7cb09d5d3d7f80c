// SPEC 5.5: the traffic analyzer on E1 in both link bandwidth units, its
// edge cases, and the errors and skips of SPEC 2.6.
#include <gtest/gtest.h>

#include <algorithm>

#include <boost/json.hpp>

#include <string>
#include <vector>

#include "e1_link_stats.hpp"
#include "json_compare.hpp"
#include "traffic_run.hpp"

namespace perfreport {
namespace {
namespace json = boost::json;
using namespace test;

// The E1 device ids of SPEC 5.5.
const std::string b0c0 = "pod_0/rack_0/board_0/chip_0";
const std::string b0c1 = "pod_0/rack_0/board_0/chip_1";
const std::string b0c2 = "pod_0/rack_0/board_0/chip_2";
const std::string b0c3 = "pod_0/rack_0/board_0/chip_3";
const std::string b1c0 = "pod_0/rack_0/board_1/chip_0";

json::object& meta_of(json::object& document, std::size_t step)
{
    return document["step_metrics"].as_array()[step].as_object()["meta"].as_object();
}

json::object& links_of(json::object& document)
{
    return document["context"].as_object()["topology"].as_object()["interconnect"].as_object()["links"].as_object();
}

json::array link_ids(const TrafficResult& result)
{
    json::array ids;
    for (const auto& link : result.links) ids.push_back(link.at("link_id"));
    return ids;
}

json::object ring_link(const std::string& src, const std::string& dst, double utilization)
{
    return {{"link_id", src + "->" + dst}, {"src", src}, {"dst", dst}, {"link_type", "c2c"},
            {"total_bytes", 196608}, {"total_time_us", 25.0}, {"bandwidth_gbps", 400.0},
            {"utilization", utilization}, {"comm_breakdown", {{"mla_allreduce", 196608}}}};
}

json::array e1_links(double ring_utilization, double p2p_utilization)
{
    return {ring_link(b0c0, b0c1, ring_utilization), ring_link(b0c1, b0c2, ring_utilization),
            ring_link(b0c2, b0c3, ring_utilization), ring_link(b0c3, b0c0, ring_utilization),
            json::object{{"link_id", b0c3 + "->" + b1c0}, {"src", b0c3}, {"dst", b1c0}, {"link_type", "b2b"},
                         {"total_bytes", 500000}, {"total_time_us", 20.0}, {"bandwidth_gbps", 450.0},
                         {"utilization", p2p_utilization}, {"comm_breakdown", {{"p2p", 500000}}}}};
}

TEST(TrafficE1, SummaryLinksDevicesInGigabytesPerSecond)
{
    const TrafficResult result = run_traffic(e1_document());
    ASSERT_TRUE(result.summary) << result.status;
    const json::object summary = {{"total_bytes", 1548576},
                                  {"total_time_us", 120.0},
                                  {"comm_breakdown", {{"mla_allreduce", 1048576}, {"p2p", 500000}}},
                                  {"phase_breakdown", {{"prefill", 1048576}, {"decode", 500000}}},
                                  {"link_bandwidth_unit", "GBps"}};
    EXPECT_EQ(json_differences(summary, *result.summary), "");
    std::vector<std::string> keys;
    for (const auto& member : *result.summary) keys.emplace_back(member.key());
    EXPECT_EQ(keys, (std::vector<std::string>{"total_bytes", "total_time_us", "comm_breakdown", "phase_breakdown",
                                              "link_bandwidth_unit"}));
    EXPECT_EQ(json_differences(e1_links(0.0196608, 0.05555555555555555), result.links), "");

    const json::object ring_half = {{"mla_allreduce", 196608}};
    const json::array devices = {
        json::object{{"device_id", b0c0}, {"total_send_bytes", 196608}, {"total_recv_bytes", 196608},
                     {"total_bytes", 393216}, {"send_breakdown", ring_half}, {"recv_breakdown", ring_half}},
        json::object{{"device_id", b0c1}, {"total_send_bytes", 196608}, {"total_recv_bytes", 196608},
                     {"total_bytes", 393216}, {"send_breakdown", ring_half}, {"recv_breakdown", ring_half}},
        json::object{{"device_id", b0c2}, {"total_send_bytes", 196608}, {"total_recv_bytes", 196608},
                     {"total_bytes", 393216}, {"send_breakdown", ring_half}, {"recv_breakdown", ring_half}},
        json::object{{"device_id", b0c3}, {"total_send_bytes", 696608}, {"total_recv_bytes", 196608},
                     {"total_bytes", 893216}, {"send_breakdown", {{"mla_allreduce", 196608}, {"p2p", 500000}}},
                     {"recv_breakdown", ring_half}},
        json::object{{"device_id", b1c0}, {"total_send_bytes", 0}, {"total_recv_bytes", 500000},
                     {"total_bytes", 500000}, {"send_breakdown", json::object{}},
                     {"recv_breakdown", {{"p2p", 500000}}}},
    };
    EXPECT_EQ(json_differences(devices, result.devices), "");
    // Breakdowns keep first-insertion order.
    EXPECT_EQ(result.devices[3].at("send_breakdown").as_object().begin()->key(), "mla_allreduce");
}

TEST(TrafficE1, GigabitsPerSecondAsTheUpstream)
{
    const TrafficResult result = run_traffic(e1_document(), {"traffic.link_bandwidth_unit=Gbps"});
    ASSERT_TRUE(result.summary);
    EXPECT_EQ(result.summary->at("link_bandwidth_unit"), "Gbps");
    EXPECT_EQ(json_differences(e1_links(0.1572864, 0.4444444444444444), result.links), "");
}

TEST(TrafficE1, TheTier6PresetReadsGigabits)
{
    json::object document = e1_document();
    document["options"] = {{"preset", "tier6"}};
    const TrafficResult result = run_traffic(document);
    ASSERT_TRUE(result.summary);
    EXPECT_EQ(result.summary->at("link_bandwidth_unit"), "Gbps");
    EXPECT_EQ(json_differences(json::value(0.1572864), result.links[0].at("utilization")), "");
}

TEST(TrafficE1, LinkStatsRowsInBothUnits)
{
    const TrafficResult bytes = run_traffic(e1_document());
    EXPECT_EQ(json_differences(e1_link_stats(1.96608, 5.555555555555555), bytes.link_stats), "");
    const TrafficResult bits = run_traffic(e1_document(), {"traffic.link_bandwidth_unit=Gbps"});
    EXPECT_EQ(json_differences(e1_link_stats(15.72864, 44.44444444444444), bits.link_stats), "");
}

TEST(TrafficE1, ColumnsCarryTheirUnits)
{
    const EngineResult input = parse_input(json::serialize(e1_document()));
    const ReportingReport report = run_analyzers(input, {"traffic"});
    const Section& section = section_of(report, "traffic");
    EXPECT_EQ(unit_of(section, "links", "total_bytes"), "B");
    EXPECT_EQ(unit_of(section, "links", "total_time_us"), "us");
    EXPECT_EQ(unit_of(section, "links", "bandwidth_gbps"), "GB/s");
    EXPECT_EQ(unit_of(section, "links", "utilization"), "ratio");
    EXPECT_EQ(unit_of(section, "devices", "total_send_bytes"), "B");
    EXPECT_EQ(unit_of(section, "link_stats", "trafficMb"), "MB");
    EXPECT_EQ(unit_of(section, "link_stats", "latencyUs"), "us");
    const ReportingReport bits = run_analyzers(input, {"traffic"}, {"traffic.link_bandwidth_unit=Gbps"});
    EXPECT_EQ(unit_of(section_of(bits, "traffic"), "links", "bandwidth_gbps"), "Gbit/s");
}

// SPEC 5.5's edge cases.

TEST(TrafficE1, AMissingLevelBandwidthFailsNamingTheOp)
{
    json::object document = e1_document();
    links_of(document).erase("b2b");
    const TrafficResult result = run_traffic(document);
    EXPECT_EQ(result.status, "error");
    EXPECT_FALSE(result.summary);
    const Diagnostic* failure = diagnostic_with(result.diagnostics, "E_ANALYZER");
    ASSERT_NE(failure, nullptr);
    EXPECT_NE(failure->message.find("layers.1.pp_send_p2p"), std::string::npos) << failure->message;
    EXPECT_NE(failure->message.find("/topology/interconnect/links/b2b/bandwidth_gbps"), std::string::npos)
        << failure->message;
}

TEST(TrafficE1, AStepWithOneMappedChipIsSkipped)
{
    json::object document = e1_document();
    meta_of(document, 3)["chip_ids"] = {3, 99};  // E1 maps chips 0..7
    const TrafficResult result = run_traffic(document);
    ASSERT_TRUE(result.summary);
    EXPECT_EQ(result.summary->at("total_bytes"), 1048576);
    EXPECT_EQ(result.summary->at("comm_breakdown"), (json::object{{"mla_allreduce", 1048576}}));
    EXPECT_EQ(link_ids(result), (json::array{b0c0 + "->" + b0c1, b0c1 + "->" + b0c2, b0c2 + "->" + b0c3,
                                             b0c3 + "->" + b0c0}));
    EXPECT_EQ(result.devices.size(), 4u);
}

TEST(TrafficE1, AnAllToAllOverThreeChipsMakesSixEntries)
{
    json::object document = e1_document();
    json::object& meta = meta_of(document, 1);
    meta["comm_type"] = "all2all";
    meta["chip_ids"] = {0, 1, 2};
    meta["comm_bytes"] = 600000;
    const TrafficResult result = run_traffic(document);
    ASSERT_TRUE(result.summary);
    ASSERT_EQ(result.links.size(), 7u);  // six pairs, then the p2p link
    const std::string pairs[6][2] = {{b0c0, b0c1}, {b0c0, b0c2}, {b0c1, b0c0},
                                     {b0c1, b0c2}, {b0c2, b0c0}, {b0c2, b0c1}};
    for (std::size_t i = 0; i < 6; ++i) {
        const json::object expected = {{"link_id", pairs[i][0] + "->" + pairs[i][1]},
                                       {"total_bytes", 100000},
                                       {"total_time_us", 100.0 / 6},
                                       {"comm_breakdown", {{"mla_allreduce", 100000}}}};
        EXPECT_EQ(json_differences(expected, result.links[i]), "") << i;
    }
    EXPECT_EQ(result.summary->at("total_bytes"), 1100000);  // M itself, not the sum over links
}

TEST(TrafficE1, AnUnknownCollectiveIsARingOfEvenShares)
{
    json::object document = e1_document();
    json::object& meta = meta_of(document, 1);
    meta["comm_type"] = "broadcast";
    meta["comm_bytes"] = 1000;
    const TrafficResult result = run_traffic(document);
    ASSERT_TRUE(result.summary);
    ASSERT_EQ(result.links.size(), 5u);
    for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(result.links[i].at("total_bytes"), 250) << i;
    EXPECT_EQ(result.links[3].at("link_id"), json::value(b0c3 + "->" + b0c0));
}

// Which steps contribute, and what a contributing step must carry.

TEST(TrafficE1, OnlyCommEvaluatorStepsWithCommTimeContribute)
{
    json::object document = e1_document();
    meta_of(document, 1)["evaluator"] = "compute";
    const TrafficResult result = run_traffic(document);
    ASSERT_TRUE(result.summary);
    EXPECT_EQ(result.summary->at("total_bytes"), 500000);
    EXPECT_EQ(result.links.size(), 1u);
}

TEST(TrafficE1, ReasonFallsBackToTheCommType)
{
    json::object document = e1_document();
    meta_of(document, 1).erase("reason");
    const TrafficResult result = run_traffic(document);
    ASSERT_TRUE(result.summary);
    EXPECT_EQ(result.summary->at("comm_breakdown"), (json::object{{"allreduce", 1048576}, {"p2p", 500000}}));
}

TEST(TrafficE1, AContributingStepWithoutItsCommKeysFails)
{
    for (const char* key : {"chip_ids", "comm_bytes", "comm_type", "path_key"}) {
        json::object document = e1_document();
        meta_of(document, 1).erase(key);
        const TrafficResult result = run_traffic(document);
        EXPECT_EQ(result.status, "error") << key;
        const Diagnostic* failure = diagnostic_with(result.diagnostics, "E_ANALYZER");
        ASSERT_NE(failure, nullptr) << key;
        EXPECT_NE(failure->message.find("layers.0.mla_out_proj_comm"), std::string::npos) << failure->message;
        EXPECT_NE(failure->message.find(std::string("/step_metrics/1/meta/") + key), std::string::npos)
            << failure->message;
    }
}

TEST(TrafficE1, EmptyChipsOrNoBytesSkipBeforeTheLevelIsLookedUp)
{
    // As U: the skip comes first, so an unknown level does not matter then.
    json::object document = e1_document();
    meta_of(document, 3)["path_key"] = "nvlink";
    meta_of(document, 3)["comm_bytes"] = 0;
    meta_of(document, 1)["chip_ids"] = json::array{};
    const TrafficResult result = run_traffic(document);
    ASSERT_TRUE(result.summary) << result.status;
    EXPECT_EQ(result.summary->at("total_bytes"), 0);
    EXPECT_TRUE(result.links.empty());
}

TEST(TrafficE1, AnOtherLevelNameIsAC2cLinkWithItsOwnBandwidth)
{
    json::object document = e1_document();
    links_of(document)["intra_noc"] = {{"bandwidth_gbps", 1000}, {"latency_us", 0.05}};
    meta_of(document, 3)["path_key"] = "intra_noc";
    const TrafficResult result = run_traffic(document);
    ASSERT_TRUE(result.summary);
    const json::object expected = {{"link_type", "c2c"}, {"bandwidth_gbps", 1000.0}, {"utilization", 0.025}};
    EXPECT_EQ(json_differences(expected, result.links[4]), "");  // 500000 B over 1e6 B/µs · 20 µs
    EXPECT_EQ(json_differences(json::value(0.05), result.link_stats[4].at("latencyUs")), "");
}

TEST(TrafficE1, ALinkWithoutLevelLatencyFails)
{
    json::object document = e1_document();
    links_of(document)["c2c"].as_object().erase("latency_us");
    const TrafficResult result = run_traffic(document);
    EXPECT_EQ(result.status, "error");
    const Diagnostic* failure = diagnostic_with(result.diagnostics, "E_ANALYZER");
    ASSERT_NE(failure, nullptr);
    EXPECT_NE(failure->message.find("/topology/interconnect/links/c2c/latency_us"), std::string::npos)
        << failure->message;
}

// Skips (SPEC 2.6, 5.10).

TEST(TrafficE1, WithoutTopologyTrafficIsSkipped)
{
    json::object document = e1_document();
    document["context"].as_object().erase("topology");
    const TrafficResult result = run_traffic(document);
    EXPECT_EQ(result.status, "skipped");
    EXPECT_FALSE(result.summary);
    const Diagnostic* skip = diagnostic_with(result.diagnostics, "W_SKIPPED");
    ASSERT_NE(skip, nullptr);
    EXPECT_EQ(skip->where, "/context/topology/interconnect/links");
}

TEST(TrafficE1, LevelsWithoutAnyBandwidthSkipTraffic)
{
    json::object document = e1_document();
    for (auto& level : links_of(document)) level.value().as_object().erase("bandwidth_gbps");
    const TrafficResult result = run_traffic(document);
    const Diagnostic* skip = diagnostic_with(result.diagnostics, "W_SKIPPED");
    ASSERT_NE(skip, nullptr);
    EXPECT_EQ(skip->source, "traffic");
    EXPECT_EQ(skip->where, "/context/topology/interconnect/links");
    EXPECT_NE(skip->message.find("bandwidth_gbps"), std::string::npos);
    EXPECT_EQ(result.status, "skipped");
    EXPECT_FALSE(result.summary);
    // One explanation: the host adds none of its own.
    EXPECT_EQ(std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                            [](const Diagnostic& d) { return d.code == "W_SKIPPED"; }),
              1);
}

TEST(TrafficE1, TraceMetaBandwidthsStandInForTheTopologyLinks)
{
    json::object document = e1_document();
    document["context"].as_object()["topology"].as_object().erase("interconnect");
    document["trace_meta"] = {{"hardware",
                               {{"c2c_bandwidth_gbps", 400}, {"c2c_latency_us", 0.2},
                                {"b2b_bandwidth_gbps", 450}, {"b2b_latency_us", 0.35}}}};
    const TrafficResult result = run_traffic(document);
    ASSERT_TRUE(result.summary) << result.status;
    EXPECT_EQ(json_differences(e1_links(0.0196608, 0.05555555555555555), result.links), "");
}

}  // namespace
}  // namespace perfreport
