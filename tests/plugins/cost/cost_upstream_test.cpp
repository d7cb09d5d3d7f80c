// The real executable on each reference case: with the tier6 preset the cost
// section reproduces the upstream's engine_calculate_deployment_cost field by
// field; with the seed defaults it is complete and priced by the seed preset.
#include <gtest/gtest.h>

#include <string>

#include "command_runner.hpp"
#include "json_compare.hpp"
#include "upstream_case.hpp"

namespace perfreport {
namespace {
namespace json = boost::json;
using namespace test;

json::object report_of(const std::string& name, const std::string& input_file)
{
    const TempDir out;
    const auto result = run_perfreport(
        {"run", (case_dir(name) / input_file).string(), "--analyzers", "cost", "-q", "-o", out.path().string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return parse_json(read_text(out / "reporting_report.json")).as_object();
}

bool has_diagnostic(const json::object& report, const std::string& code)
{
    for (const auto& d : report.at("diagnostics").as_array()) {
        if (d.at("code").as_string() == code) return true;
    }
    return false;
}

// engine_calculate_deployment_cost with `chips` as chip_count, plus chip_type
// and depreciation_years of the camelCase dict and tps of the call's params.
json::object expected_cost(const std::string& name)
{
    const json::object upstream = upstream_file(name, "cost.json").as_object();
    json::object expected = upstream.at("engine_calculate_deployment_cost").as_object();
    expected["chip_count"] = expected.at("chips");
    expected.erase("chips");
    const json::object& breakdown = upstream.at("cost_breakdown_to_dict").as_object();
    expected["chip_type"] = breakdown.at("chipType");
    expected["depreciation_years"] = breakdown.at("depreciationYears");
    expected["tps"] = upstream.at("params").at("tps");
    return expected;
}

class CostCase : public ::testing::TestWithParam<std::string> {};

TEST_P(CostCase, Tier6MatchesUpstream)
{
    const json::object report = report_of(GetParam(), "input.tier6.json");
    const json::object& cost = report.at("cost").as_object();
    EXPECT_EQ(json_differences(expected_cost(GetParam()), cost), "");
    EXPECT_EQ(cost.at("preset"), "tier6");
    const double tps = cost.at("tps").to_number<double>();
    EXPECT_EQ(has_diagnostic(report, "W_TPS_ZERO"), tps == 0);
}

TEST_P(CostCase, SeedDefaultsGiveACompleteSection)
{
    const json::object report = report_of(GetParam(), "input.json");
    const json::object& cost = report.at("cost").as_object();
    const char* fields[] = {"preset", "chip_type", "chip_count", "chip_price", "num_servers", "server_cost",
                            "rdma_cost", "per_chip_cost", "interconnect_units", "interconnect_unit_price",
                            "interconnect_cost", "total_cost", "cost_per_chip", "cost_per_million_tokens", "dfop",
                            "tps", "depreciation_years", "model_size_gb", "origins"};
    for (const char* field : fields) EXPECT_TRUE(cost.contains(field)) << field;
    EXPECT_EQ(cost.at("preset"), "seed");
    for (const auto& [key, origin] : cost.at("origins").as_object()) {
        EXPECT_EQ(origin, key == "preset" ? "default" : "preset seed") << key;
    }
    // Seed preset by hand: ceil(N/8) servers of (2371.275+750)·8 + 19500 =
    // 44470.2 USD, and N·8·16 lanes at 55 (N = 8) or 70 (N = 32).
    const std::int64_t chips = cost.at("chip_count").as_int64();
    const double servers = static_cast<double>((chips + 7) / 8);
    const double lanes = static_cast<double>(chips * 8 * 16);
    const double total = servers * 44470.2 + lanes * (chips <= 8 ? 55 : 70);
    const double tps = upstream_file(GetParam(), "cost.json").at("params").at("tps").to_number<double>();
    const json::object expected{
        {"num_servers", static_cast<std::int64_t>(servers)},
        {"interconnect_units", lanes},
        {"total_cost", total},
        {"cost_per_chip", total / static_cast<double>(chips)},
        {"dfop", tps > 0 ? total / tps : 0.0},
        {"cost_per_million_tokens", tps > 0 ? total / (3 * 365 * 24 * 3600.0 * tps) * 1e6 : 0.0},
        // The model size does not depend on the preset.
        {"model_size_gb", upstream_file(GetParam(), "cost.json").at("engine_calculate_deployment_cost").at("model_size_gb")},
    };
    EXPECT_EQ(json_differences(expected, cost), "");
}

INSTANTIATE_TEST_SUITE_P(Cases, CostCase, ::testing::ValuesIn(reference_cases()));

}  // namespace
}  // namespace perfreport
