// The reference cases: with the tier6 preset the real executable reproduces
// the upstream's compat_gantt_chart.json and compat_stats.json.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>

#include "command_runner.hpp"
#include "json_compare.hpp"
#include "upstream_case.hpp"

namespace perfreport {
namespace {
namespace json = boost::json;
using namespace test;

class CompatCase : public ::testing::TestWithParam<std::string> {
protected:
    static json::object run_tier6(const std::string& name)
    {
        const TempDir out;
        const auto result = run_perfreport({"run", (case_dir(name) / "input.tier6.json").string(), "--analyzers",
                                            "compat", "-q", "-o", out.path().string()});
        EXPECT_EQ(result.exit_code, 0) << result.err;
        return parse_json(read_text(out / "reporting_report.json")).at("compat").as_object();
    }
};

TEST_P(CompatCase, Tier6ReproducesTheUpstreamGanttChart)
{
    const json::object compat = run_tier6(GetParam());
    const json::object& chart = compat.at("gantt_chart").as_object();
    const json::value expected = upstream_file(GetParam(), "compat_gantt_chart.json");
    // The times derive from round4, so they agree to 1e-6 (the cases' contract).
    EXPECT_EQ(json_differences(expected, chart, Tolerance{1e-6}), "");
    // phaseTransition is ttft · 1000, not a rounded time.
    EXPECT_EQ(json_differences(expected.at("phaseTransition"), chart.at("phaseTransition")), "");
    // Every task also carries `resource`, equal to `resourceId` (D8), and nothing else new.
    const json::array& tasks = chart.at("tasks").as_array();
    const json::array& upstream_tasks = expected.at("tasks").as_array();
    ASSERT_EQ(tasks.size(), upstream_tasks.size());
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        const json::object& task = tasks[i].as_object();
        EXPECT_EQ(task.at("resource"), task.at("resourceId")) << i;
        EXPECT_EQ(task.size(), upstream_tasks[i].as_object().size() + 1) << i;
    }
}

TEST_P(CompatCase, Tier6ReproducesTheUpstreamStats)
{
    const json::object compat = run_tier6(GetParam());
    const json::value expected = upstream_file(GetParam(), "compat_stats.json");
    EXPECT_EQ(json_differences(expected, compat.at("stats")), "");
    EXPECT_EQ(compat.at("stats").as_object().size(), expected.as_object().size());
    EXPECT_EQ(compat.size(), 2u);  // gantt_chart and stats, no tables
}

INSTANTIATE_TEST_SUITE_P(Cases, CompatCase, ::testing::ValuesIn(reference_cases()));

}  // namespace
}  // namespace perfreport
