// DevTools' own trace engine reads the traces perfreport writes and sees
// what the gantt section says: as many complete events as tasks, the stages'
// processes and rows' threads by name, and the gantt's time range (shifted
// by the exporter's offset). Inputs: E1, the reference cases (both presets),
// a generated 100k-step input.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "command_runner.hpp"
#include "generated_input.hpp"
#include "file_text.hpp"
#include "temp_dir.hpp"
#include "trace_export.hpp"
#include "upstream_case.hpp"

namespace perfreport {
namespace {

// What read_trace.mjs prints for `trace`; fails the test when node fails.
boost::json::value read_with_trace_engine(const std::filesystem::path& trace, const test::TempDir& dir)
{
    const std::filesystem::path out = dir / "trace_engine.json";
    const std::filesystem::path err = dir / "trace_engine.err";
    const std::string command = test::shell_quote(PERFREPORT_NODE) + " " + test::shell_quote(TRACE_ENGINE_READER) +
                                " " + test::shell_quote(trace.string()) + " > " + test::shell_quote(out.string()) +
                                " 2> " + test::shell_quote(err.string());
    if (std::system(command.c_str()) != 0) {
        ADD_FAILURE() << command << "\n" << test::read_text(err);
        return {};
    }
    return test::read_json(out);
}

// Exports `input`'s trace and compares what the engine read with the gantt section.
void expect_engine_sees_the_gantt(const std::string& input, const std::vector<std::string>& extra = {})
{
    const test::TempDir dir;
    std::vector<std::string> args{"run", input, "-o", dir.path().string(), "--format", "chrome-trace,json",
                                  "--compact", "-q"};
    args.insert(args.end(), extra.begin(), extra.end());
    const test::CommandResult result = test::run_perfreport(args);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const boost::json::value report = test::read_json(dir / "reporting_report.json");
    const test::GanttPicture gantt = test::gantt_picture(report.at("gantt").as_object());

    const boost::json::value seen = read_with_trace_engine(dir / "chrome_tracing.json", dir);
    ASSERT_TRUE(seen.is_object());
    EXPECT_EQ(static_cast<std::size_t>(seen.at("complete_events").to_number<std::int64_t>()), gantt.task_count);
    std::vector<std::string> processes;
    for (const auto& name : seen.at("processes").as_array()) processes.emplace_back(name.as_string());
    EXPECT_EQ(processes, gantt.processes);
    std::vector<std::string> threads;
    for (const auto& name : seen.at("threads").as_array()) threads.emplace_back(name.as_string());
    std::sort(threads.begin(), threads.end());  // as gantt_picture orders them
    EXPECT_EQ(threads, gantt.threads);
    const double tolerance = test::trace_time_tolerance(gantt.end + test::trace_offset_us);
    EXPECT_NEAR(seen.at("time_range").at("min").to_number<double>(), gantt.start + test::trace_offset_us, tolerance);
    EXPECT_NEAR(seen.at("time_range").at("max").to_number<double>(), gantt.end + test::trace_offset_us, tolerance);
}

TEST(TraceEngine, ReadsE1AsTheGanttDrawsIt)
{
    expect_engine_sees_the_gantt(test::e1_input_file);
    expect_engine_sees_the_gantt(test::e1_input_file, {"--option", "gantt.mode=per_step"});
}

class TraceEngineOnCase : public ::testing::TestWithParam<std::string> {};

TEST_P(TraceEngineOnCase, ReadsTheCaseAsTheGanttDrawsIt)
{
    for (const char* input : {"input.json", "input.tier6.json"}) {
        SCOPED_TRACE(input);
        expect_engine_sees_the_gantt((test::case_dir(GetParam()) / input).string(), {"--analyzers", "gantt"});
    }
}

INSTANTIATE_TEST_SUITE_P(ReferenceCases, TraceEngineOnCase, ::testing::ValuesIn(test::reference_cases()));

TEST(TraceEngine, ReadsA100kStepTrace)
{
    const test::TempDir dir;
    const std::string input = (dir / "big.json").string();
    ASSERT_NO_FATAL_FAILURE(test::generate_engine_result(100000, input));
    expect_engine_sees_the_gantt(input, {"--analyzers", "gantt"});
}

}  // namespace
}  // namespace perfreport
