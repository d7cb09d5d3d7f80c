// Runs perfreport with the chrome-trace exporter and reads what it wrote:
// the trace, and the gantt section of the JSON report it was drawn from.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "command_runner.hpp"
#include "file_text.hpp"
#include "trace_checker.hpp"

namespace perfreport::test {

inline const std::string e1_input_file = std::string(FIXTURES_DIR) + "/input/e1.json";

// The 1 µs the exporter shifts every timed event by (otherData.ts_offset_us).
inline constexpr double trace_offset_us = 1.0;

struct ExportedTrace {
    boost::json::value trace;
    boost::json::value report;
    std::filesystem::path trace_file;

    const boost::json::object& gantt() const { return report.at("gantt").as_object(); }
    const boost::json::array& events() const { return trace.at("traceEvents").as_array(); }

    // The events of phase `ph`, in file order.
    std::vector<boost::json::object> events_of(const std::string& ph) const
    {
        std::vector<boost::json::object> found;
        for (const auto& event : events()) {
            if (event.at("ph").as_string() == ph) found.push_back(event.as_object());
        }
        return found;
    }
};

// `perfreport run input -o out --format chrome-trace,json --compact -q` plus
// `extra`; fails the test (fatally) when the run does not succeed.
inline void export_trace(const std::string& input, const std::filesystem::path& out, ExportedTrace& exported,
                         const std::vector<std::string>& extra = {})
{
    std::vector<std::string> args{"run", input, "-o", out.string(), "--format", "chrome-trace,json", "--compact", "-q"};
    args.insert(args.end(), extra.begin(), extra.end());
    const CommandResult result = run_perfreport(args);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    exported.trace_file = out / "chrome_tracing.json";
    exported.trace = read_json(exported.trace_file);
    exported.report = read_json(out / "reporting_report.json");
}

// What a trace of a gantt section must show, read from the section alone
// (SPEC 3.4): a process "PP{s}" per stage, a thread per resource (tid 0
// "Compute", tid 1 "Network"), one slice per task, and the time range.
struct GanttPicture {
    std::size_t task_count = 0;
    std::vector<std::string> processes;  // "pid name", by pid
    std::vector<std::string> threads;    // "pid/tid name", by pid then tid
    double start = 0;
    double end = 0;
};

inline GanttPicture gantt_picture(const boost::json::object& gantt)
{
    GanttPicture picture;
    picture.task_count = static_cast<std::size_t>(gantt.at("task_count").to_number<std::int64_t>());
    picture.start = gantt.at("time_range").at("start").to_number<double>();
    picture.end = gantt.at("time_range").at("end").to_number<double>();
    for (const auto& resource : gantt.at("resources").as_array()) {
        const auto stage = resource.at("pp_stage").to_number<std::int64_t>();
        const bool network = resource.at("type").as_string() == "network";
        const std::string process = std::to_string(stage) + " PP" + std::to_string(stage);
        if (std::find(picture.processes.begin(), picture.processes.end(), process) == picture.processes.end()) {
            picture.processes.push_back(process);
        }
        picture.threads.push_back(std::to_string(stage) + (network ? "/1 Network" : "/0 Compute"));
    }
    std::sort(picture.processes.begin(), picture.processes.end());
    std::sort(picture.threads.begin(), picture.threads.end());
    return picture;
}

// SPEC 0's tolerance for trace times.
inline double trace_time_tolerance(double end)
{
    return 1e-9 * std::max(1.0, end);
}

// The checker's rules hold, and the trace shows what the gantt says.
inline void expect_valid_trace_of_gantt(const ExportedTrace& exported)
{
    const TraceCheck check = check_trace(exported.trace);
    EXPECT_EQ(check.problems, std::vector<std::string>{}) << exported.trace_file;
    const GanttPicture picture = gantt_picture(exported.gantt());
    EXPECT_EQ(check.complete_events, picture.task_count);
    if (picture.task_count == 0) return;
    const double tolerance = trace_time_tolerance(picture.end + trace_offset_us);
    EXPECT_NEAR(check.first_ts, picture.start + trace_offset_us, tolerance);
    EXPECT_NEAR(check.last_end, picture.end + trace_offset_us, tolerance);
    std::vector<std::string> processes;
    std::vector<std::string> threads;
    for (const auto& event : exported.events()) {
        if (event.at("ph").as_string() != "M") continue;
        const std::string name{event.at("name").as_string()};
        const std::string pid = std::to_string(event.at("pid").as_int64());
        if (name == "process_name") {
            processes.push_back(pid + " " + std::string{event.at("args").at("name").as_string()});
        } else if (name == "thread_name") {
            threads.push_back(pid + "/" + std::to_string(event.at("tid").as_int64()) + " " +
                              std::string{event.at("args").at("name").as_string()});
        }
    }
    std::sort(processes.begin(), processes.end());
    std::sort(threads.begin(), threads.end());
    EXPECT_EQ(processes, picture.processes);
    EXPECT_EQ(threads, picture.threads);
}

}  // namespace perfreport::test
