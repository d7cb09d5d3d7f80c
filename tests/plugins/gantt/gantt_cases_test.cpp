// The reference cases: with the tier6 preset the real executable reproduces
// the upstream gantt field by field; with the seed defaults every step's
// segments add up to the step.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "command_runner.hpp"
#include "gantt_run.hpp"
#include "json_compare.hpp"
#include "upstream_case.hpp"

namespace perfreport {
namespace {
namespace json = boost::json;
using namespace test;

double number_or_zero(const json::object& step, const char* key)
{
    const json::value* value = step.if_contains(key);
    return value == nullptr ? 0.0 : value->to_number<double>();
}

std::int64_t integer_or_zero(const json::object& step, const char* key)
{
    const json::value* value = step.if_contains(key);
    return value == nullptr ? 0 : value->to_number<std::int64_t>();
}

class GanttCase : public ::testing::TestWithParam<std::string> {};

TEST_P(GanttCase, Tier6ReproducesUpstreamGantt)
{
    const TempDir out;
    const auto result = run_perfreport({"run", (case_dir(GetParam()) / "input.tier6.json").string(), "--analyzers",
                                        "gantt", "-q", "-o", out.path().string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json::object report = parse_json(read_text(out / "reporting_report.json")).as_object();
    const json::object& gantt = report.at("gantt").as_object();
    const json::object upstream = snake_case_keys(upstream_file(GetParam(), "gantt.json")).as_object();

    // Gantt times are running sums: absolute tolerance scaled by the span.
    const double span = upstream.at("time_range").at("end").to_number<double>();
    const double time_tolerance = 1e-9 * std::max(1.0, span);
    const auto expect_time = [&](const json::value& expected, const json::value& actual, const std::string& where) {
        EXPECT_NEAR(actual.to_number<double>(), expected.to_number<double>(), time_tolerance) << where;
    };

    EXPECT_EQ(json_differences(upstream.at("resources"), gantt.at("resources")), "");
    expect_time(upstream.at("time_range").at("start"), gantt.at("time_range").at("start"), "time_range.start");
    expect_time(upstream.at("time_range").at("end"), gantt.at("time_range").at("end"), "time_range.end");
    expect_time(upstream.at("phase_transition"), gantt.at("phase_transition"), "phase_transition");
    EXPECT_EQ(gantt.at("mode"), "per_step");

    const json::array& expected_tasks = upstream.at("tasks").as_array();
    const json::array& tasks = gantt.at("tasks").as_array();
    ASSERT_EQ(tasks.size(), expected_tasks.size());
    EXPECT_EQ(gantt.at("task_count").to_number<std::int64_t>(), static_cast<std::int64_t>(tasks.size()));
    const json::array steps =
        read_json(case_dir(GetParam()) / "input.tier6.json").at("step_metrics").as_array();
    ASSERT_EQ(steps.size(), tasks.size());
    std::size_t differences = 0;
    for (std::size_t i = 0; i < tasks.size() && differences < 20; ++i) {
        const json::object& task = tasks[i].as_object();
        const std::string where = "task " + std::to_string(i + 1);
        // Every field upstream writes, under its snake_case name.
        for (const auto& [key, value] : expected_tasks[i].as_object()) {
            ASSERT_TRUE(task.contains(key)) << where << " lacks " << key;
            if (key == "start" || key == "end") {
                expect_time(value, task.at(key), where + " " + std::string(key));
                differences += std::fabs(value.to_number<double>() - task.at(key).to_number<double>()) > time_tolerance;
            } else {
                EXPECT_EQ(task.at(key), value) << where << " " << key;
                differences += task.at(key) != value;
            }
        }
        // What SPEC adds: the step behind the task and U's attrs (flops, bytes_accessed).
        const json::object& step = steps[i].as_object();
        EXPECT_EQ(task.at("segment"), "step") << where;
        EXPECT_EQ(task.at("step_index"), static_cast<std::int64_t>(i)) << where;
        EXPECT_EQ(task.at("flops"), integer_or_zero(step, "flops")) << where;
        EXPECT_EQ(task.at("bytes"), integer_or_zero(step, "bytes_read") + integer_or_zero(step, "bytes_write"))
            << where;
        expect_time(json::value(task.at("end").to_number<double>() - task.at("start").to_number<double>()),
                    task.at("duration"), where + " duration");
    }
}

TEST_P(GanttCase, SeedSegmentsAddUpToEachStep)
{
    const json::object document = read_json(case_dir(GetParam()) / "input.json").as_object();
    const auto gantt = run_gantt(document);
    const json::array& steps = document.at("step_metrics").as_array();
    const std::int64_t tp = document.at("context").at("deployment").at("tp").to_number<std::int64_t>();

    const double span = gantt.summary.at("time_range").at("end").to_number<double>();
    const double tolerance = 1e-9 * std::max(1.0, span);
    EXPECT_EQ(gantt.summary.at("task_count").to_number<std::int64_t>(), static_cast<std::int64_t>(gantt.tasks.size()));

    std::set<std::string> resources;
    for (const auto& resource : gantt.resources) resources.insert(std::string(resource.at("id").as_string()));
    std::map<std::size_t, double> drawn;  // step -> Σ segment durations, µs
    boost::system::error_code ignored;
    for (const auto& element : gantt.tasks) {
        const json::object& task = element.as_object();
        EXPECT_TRUE(resources.contains(std::string(task.at("resource").as_string()))) << json::serialize(task);
        const auto step = static_cast<std::size_t>(task.at("step_index").as_int64());
        drawn[step] += task.at("duration").to_number<double>();
        // dp = 1 in every case: stage s holds chips tp·s .. tp·s + tp − 1 (cases README).
        const json::value* chips = steps.at(step).find_pointer("/meta/chip_ids", ignored);
        if (chips != nullptr) {
            EXPECT_EQ(task.at("pp_stage").as_int64(), chips->at(0).to_number<std::int64_t>() / tp)
                << json::serialize(task);
        }
    }
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const json::object& step = steps[i].as_object();
        const double wait = number_or_zero(step, "t_wait");
        const double expected_ms = number_or_zero(step, "t_compute") + number_or_zero(step, "t_comm") +
                                   (wait > 0.001 ? wait : 0.0);
        const double drawn_us = drawn.contains(i) ? drawn.at(i) : 0.0;
        EXPECT_NEAR(drawn_us, expected_ms * 1000, tolerance) << "step " << i;
        EXPECT_EQ(drawn.contains(i), expected_ms > 0) << "step " << i;
    }
}

INSTANTIATE_TEST_SUITE_P(Cases, GanttCase, ::testing::ValuesIn(reference_cases()));

}  // namespace
}  // namespace perfreport
