// The roofline plugin reproduces the upstream roofline of every reference case.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>

#include <boost/json/object.hpp>
#include <gtest/gtest.h>

#include "fakes/analyzer_call.hpp"
#include "support/case_input.hpp"
#include "support/options.hpp"
#include "support/plugin_module.hpp"

namespace perfreport {
namespace {

// SPEC 0: parsed values agree to a relative 1e-9.
::testing::AssertionResult close(double actual, double expected)
{
    if (std::fabs(actual - expected) <= 1e-9 * std::max(std::fabs(actual), std::fabs(expected))) {
        return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << actual << " differs from upstream " << expected;
}

double as_double(const fakes::Cell& cell) { return std::get<double>(cell); }

class RooflineCase : public ::testing::TestWithParam<std::string> {};

TEST_P(RooflineCase, ReproducesTheUpstreamRoofline)
{
    const std::filesystem::path folder = test::case_dir(GetParam());
    const testing::CaseInput input = testing::read_case_input(folder / "input.tier6.json");
    const boost::json::object upstream = test::read_json(folder / "upstream" / "roofline.json").as_object();

    const testing::PluginModule module{PERFREPORT_ROOFLINE_PLUGIN};
    const PR_IAnalyzer& roofline = module.analyzer("roofline");
    fakes::AnalyzerCall call{input.steps, input.context_json,
                             testing::options_json("roofline", testing::schema_defaults(roofline.options_schema_json))};
    ASSERT_EQ(call.run(roofline), PR_OK) << call.error_message();
    const boost::json::object summary = parse_json(*call.sink.summary).as_object();

    EXPECT_TRUE(close(summary.at("peak_flops").as_double(), upstream.at("peakFlops").to_number<double>()));
    EXPECT_TRUE(close(summary.at("peak_bandwidth").as_double(), upstream.at("peakBandwidth").to_number<double>()));
    EXPECT_TRUE(close(summary.at("ridge_point").as_double(), upstream.at("ridgePoint").to_number<double>()));
    for (const auto& [ours, theirs] : {std::pair{"roofline_x", "x"}, std::pair{"roofline_y", "y"}}) {
        const auto& curve = summary.at(ours).as_array();
        const auto& expected = upstream.at("roofline").at(theirs).as_array();
        ASSERT_EQ(curve.size(), expected.size()) << ours;
        for (std::size_t k = 0; k < curve.size(); ++k) {
            EXPECT_TRUE(close(curve[k].as_double(), expected[k].to_number<double>())) << ours << "[" << k << "]";
        }
    }

    const auto& expected_points = upstream.at("points").as_array();
    const fakes::CellTable& points = call.sink.table("points");
    ASSERT_EQ(points.row_count(), expected_points.size());
    EXPECT_EQ(summary.at("num_points").to_number<std::size_t>(), expected_points.size());
    const double peak = summary.at("peak_flops").as_double();
    const double bandwidth = summary.at("peak_bandwidth").as_double();
    for (std::size_t row = 0; row < points.row_count(); ++row) {
        const auto& expected = expected_points[row].as_object();
        const auto cell = [&](const char* column) { return points.column(column).cells[row]; };
        SCOPED_TRACE("point " + std::to_string(row));
        EXPECT_EQ(std::get<std::string>(cell("name")), expected.at("name").as_string());
        const double intensity = as_double(cell("arithmetic_intensity"));
        EXPECT_TRUE(close(intensity, expected.at("arithmeticIntensity").to_number<double>()));
        EXPECT_TRUE(close(as_double(cell("achieved_flops")), expected.at("achievedFlops").to_number<double>()));
        EXPECT_TRUE(close(as_double(cell("peak_flops")), expected.at("peakFlops").to_number<double>()));
        EXPECT_TRUE(close(as_double(cell("peak_bandwidth")), expected.at("peakBandwidth").to_number<double>()));
        EXPECT_TRUE(close(as_double(cell("efficiency")), expected.at("efficiency").to_number<double>()));
        const bool compute_bound = expected.at("isComputeBound").as_bool();
        EXPECT_EQ(std::get<bool>(cell("is_compute_bound")), compute_bound);
        EXPECT_EQ(std::get<bool>(cell("is_memory_bound")), expected.at("isMemoryBound").as_bool());
        // Not in the upstream output: new in SPEC 2.4, derived from what is.
        EXPECT_EQ(std::get<std::string>(cell("bottleneck")), compute_bound ? "COMPUTE_BOUND" : "BW_BOUND");
        EXPECT_TRUE(close(as_double(cell("attainable_flops")), std::min(peak, intensity * bandwidth)));
    }
}

INSTANTIATE_TEST_SUITE_P(Upstream, RooflineCase,
                         ::testing::Values("ds3_c8_tp8_ep8_decode_b64", "ds3_c32_tp8_pp4_prefill_b8",
                                           "llama7b_c8_tp8_prefill_b4", "qwen3_32b_c8_tp8_decode_b32"),
                         [](const ::testing::TestParamInfo<std::string>& test) { return test.param; });

}  // namespace
}  // namespace perfreport
