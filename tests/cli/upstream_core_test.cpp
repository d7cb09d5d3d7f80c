// The real executable on each reference case with the tier6 preset
// reproduces the upstream's core report and roofline, field by field.
#include <gtest/gtest.h>

#include "command_runner.hpp"
#include "json_compare.hpp"
#include "upstream_case.hpp"

namespace perfreport {
namespace {
namespace json = boost::json;
using namespace test;

class UpstreamCase : public ::testing::TestWithParam<std::string> {
protected:
    static json::object run_case(const std::string& name)
    {
        const TempDir out;
        const auto result = run_perfreport(
            {"run", (case_dir(name) / "input.tier6.json").string(), "-q", "-o", out.path().string()});
        EXPECT_EQ(result.exit_code, 0) << result.err;
        return parse_json(read_text(out / "reporting_report.json")).as_object();
    }
};

TEST_P(UpstreamCase, CoreReportMatchesUpstream)
{
    const json::object report = run_case(GetParam());
    const json::object upstream = upstream_file(GetParam(), "reporting_report.json").as_object();
    EXPECT_EQ(report.at("granularity"), upstream.at("granularity"));
    EXPECT_EQ(json_differences(upstream.at("performance"), report.at("performance")), "");
    EXPECT_EQ(json_differences(upstream.at("config"), report.at("config")), "");
    // round4 values agree to 1e-6 (SPEC and the cases' contract).
    const Tolerance rounded{1e-6};
    EXPECT_EQ(json_differences(upstream.at("bottleneck"), report.at("bottleneck"), rounded), "");
    EXPECT_EQ(json_differences(upstream.at("step_metrics"), report.at("step_metrics"), rounded), "");
}

TEST_P(UpstreamCase, RooflineMatchesUpstream)
{
    const json::object report = run_case(GetParam());
    const json::value upstream = snake_case_keys(upstream_file(GetParam(), "roofline.json"));
    const json::object& roofline = report.at("roofline").as_object();
    const json::object& expected = upstream.as_object();
    EXPECT_EQ(json_differences(expected.at("peak_flops"), roofline.at("peak_flops")), "");
    EXPECT_EQ(json_differences(expected.at("peak_bandwidth"), roofline.at("peak_bandwidth")), "");
    EXPECT_EQ(json_differences(expected.at("ridge_point"), roofline.at("ridge_point")), "");
    EXPECT_EQ(json_differences(expected.at("roofline").at("x"), roofline.at("roofline_x")), "");
    EXPECT_EQ(json_differences(expected.at("roofline").at("y"), roofline.at("roofline_y")), "");
    EXPECT_EQ(json_differences(expected.at("points"), roofline.at("points")), "");
    EXPECT_EQ(roofline.at("num_points").as_int64(), static_cast<int64_t>(expected.at("points").as_array().size()));
}

INSTANTIATE_TEST_SUITE_P(Cases, UpstreamCase, ::testing::ValuesIn(reference_cases()));

}  // namespace
}  // namespace perfreport
