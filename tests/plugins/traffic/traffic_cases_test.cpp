// The reference cases: with the tier6 preset the real executable reproduces
// the upstream's traffic.json and compat_link_traffic.json; with the seed
// defaults the totals follow SPEC 2.6 from the input itself.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <cstdint>
#include <string>

#include "command_runner.hpp"
#include "json_compare.hpp"
#include "traffic_run.hpp"
#include "upstream_case.hpp"

namespace perfreport {
namespace {
namespace json = boost::json;
using namespace test;

class TrafficCase : public ::testing::TestWithParam<std::string> {};

json::object run_tier6(const std::string& name)
{
    const TempDir out;
    const auto result = run_perfreport({"run", (case_dir(name) / "input.tier6.json").string(), "--analyzers",
                                        "traffic", "-q", "-o", out.path().string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return parse_json(read_text(out / "reporting_report.json")).as_object();
}

TEST_P(TrafficCase, Tier6ReproducesTheUpstreamTraffic)
{
    const json::object report = run_tier6(GetParam());
    const json::object& traffic = report.at("traffic").as_object();
    json::object expected = snake_case_keys(upstream_file(GetParam(), "traffic.json")).as_object();
    // The one intended difference (D6): the upstream leaves phase_breakdown empty.
    ASSERT_EQ(expected.at("phase_breakdown"), json::object{});
    expected.erase("phase_breakdown");
    EXPECT_EQ(json_differences(expected, traffic), "");
    EXPECT_EQ(traffic.at("link_bandwidth_unit"), "Gbps");
    // Every case's run is one phase, named by deployment.is_prefill (no
    // op_id names a phase), so all its bytes land there.
    const json::object input = read_json(case_dir(GetParam()) / "input.tier6.json").as_object();
    const bool prefill = input.at("context").at("deployment").at("is_prefill").as_bool();
    EXPECT_EQ(traffic.at("phase_breakdown"), (json::object{{prefill ? "prefill" : "decode", traffic.at("total_bytes")}}));
}

TEST_P(TrafficCase, Tier6LinkStatsAreTheUpstreamLinkTraffic)
{
    const json::object report = run_tier6(GetParam());
    const json::value expected = upstream_file(GetParam(), "compat_link_traffic.json");
    EXPECT_EQ(json_differences(expected, report.at("traffic").at("link_stats")), "");
}

// Σ entries · bytes per entry of a step, by SPEC 2.6's table, all chips mapped.
std::int64_t link_bytes_of(const json::object& meta)
{
    const auto n = static_cast<std::int64_t>(meta.at("chip_ids").as_array().size());
    const std::int64_t m = meta.at("comm_bytes").to_number<std::int64_t>();
    const std::string type(meta.at("comm_type").as_string());
    if (type == "p2p" || n == 2) return m;
    if (type == "allreduce" || type == "allgather" || type == "reduce_scatter" || type == "reducescatter") {
        return n * (m * (n - 1) / (n * n));
    }
    if (type == "all2all" || type == "alltoall") return n * (n - 1) * (m / (n * (n - 1)));
    return n * (m / n);
}

TEST_P(TrafficCase, SeedDefaultsFollowTheInput)
{
    const json::object document = read_json(case_dir(GetParam()) / "input.json").as_object();
    std::int64_t message_bytes = 0;
    std::int64_t link_bytes = 0;
    for (const auto& step : document.at("step_metrics").as_array()) {
        const json::object& meta = step.at("meta").as_object();
        const auto* t_comm = step.as_object().if_contains("t_comm");
        const auto* evaluator = meta.if_contains("evaluator");
        if (t_comm == nullptr || !(t_comm->to_number<double>() > 0) || evaluator == nullptr || *evaluator != "comm") {
            continue;
        }
        message_bytes += meta.at("comm_bytes").to_number<std::int64_t>();
        link_bytes += link_bytes_of(meta);
    }
    const TrafficResult result = run_traffic(document);
    ASSERT_TRUE(result.summary) << result.status;
    EXPECT_EQ(result.summary->at("link_bandwidth_unit"), "GBps");
    EXPECT_EQ(result.summary->at("total_bytes").as_int64(), message_bytes);

    std::int64_t on_links = 0;
    for (const auto& link : result.links) {
        on_links += link.at("total_bytes").as_int64();
        // GB/s: capacity = bandwidth · 1e9 / 1e6 B per µs.
        const double capacity = link.at("bandwidth_gbps").as_double() * 1e3 * link.at("total_time_us").as_double();
        const double utilization = std::min(1.0, static_cast<double>(link.at("total_bytes").as_int64()) / capacity);
        EXPECT_EQ(json_differences(json::value(utilization), link.at("utilization")), "") << link.at("link_id");
    }
    EXPECT_EQ(on_links, link_bytes);
    std::int64_t sent = 0;
    std::int64_t received = 0;
    for (const auto& device : result.devices) {
        sent += device.at("total_send_bytes").as_int64();
        received += device.at("total_recv_bytes").as_int64();
    }
    EXPECT_EQ(sent, link_bytes);
    EXPECT_EQ(received, link_bytes);
}

INSTANTIATE_TEST_SUITE_P(Cases, TrafficCase, ::testing::ValuesIn(reference_cases()));

}  // namespace
}  // namespace perfreport
