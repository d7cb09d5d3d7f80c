// The chrome-trace exporter through the C ABI on hand-built gantt sections:
// tasks that overlap on a row go to an extra, named thread; a malformed
// section fails the call and leaves no file.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fakes/fake_host.hpp"
#include "file_text.hpp"
#include "gantt_section.hpp"
#include "perfreport/sdk/host_call.hpp"
#include "support/owned_report.hpp"
#include "support/plugin_module.hpp"
#include "temp_dir.hpp"
#include "trace_checker.hpp"

namespace perfreport {
namespace {

class ChromeTraceExporter : public ::testing::Test {
protected:
    // Exports a report whose only section is `gantt`, over `steps` steps.
    PR_Status run(const testing::SectionSpec& gantt, std::size_t steps)
    {
        testing::ReportSpec spec;
        spec.header_json = R"({"schema_version": "1.1.0", "timestamp": "2026-01-01T00:00:00Z", "granularity": "CHIP"})";
        spec.options_json = R"({"chrome_trace": {"counters": true}})";
        spec.step_metrics.name = "step_metrics";
        spec.step_metrics.columns.push_back({"op_id", "", PR_COLUMN_STRING, {}});
        for (std::size_t s = 0; s < steps; ++s) {
            spec.step_metrics.columns[0].cells.emplace_back(std::in_place_type<std::string>, "op");
        }
        spec.sections.push_back(gantt);
        const testing::OwnedReport report{spec, host_.get()};
        const PR_IExporter& exporter = module_.exporter("chrome-trace");
        return exporter.export_report(&exporter, &report.get(), error_.get());
    }

    test::TempDir dir_;
    fakes::FakeHost host_{dir_.path()};
    detail::ErrorCapture error_;

private:
    testing::PluginModule module_{PERFREPORT_CHROME_TRACE_PLUGIN};
};

TEST_F(ChromeTraceExporter, OverlappingTasksGoToAnExtraRowAndFlowsFollowThem)
{
    ASSERT_EQ(run(testing::gantt_section({{"task_1", "compute", 0, "stage0_compute", 0, 10, 1000},
                                          {"task_2", "compute", 1, "stage0_compute", 5, 15, 1000},
                                          {"task_3", "comm", 1, "stage0_network", 15, 20}},
                                         1),
                  2),
              PR_OK)
        << error_.message();
    const boost::json::value trace = test::read_json(dir_ / "chrome_tracing.json");
    EXPECT_EQ(test::check_trace(trace).problems, std::vector<std::string>{});
    std::vector<std::string> threads;
    std::vector<std::string> slices;
    std::vector<std::string> flow_ends;
    for (const auto& value : trace.at("traceEvents").as_array()) {
        const auto& event = value.as_object();
        const std::string place = std::to_string(event.at("pid").as_int64()) + "/" +
                                  std::to_string(event.at("tid").as_int64());
        const auto& ph = event.at("ph").as_string();
        if (ph == "M" && event.at("name") == "thread_name") {
            threads.push_back(place + " " + std::string{event.at("args").at("name").as_string()});
        } else if (ph == "X") {
            slices.push_back(std::string{event.at("args").at("task_id").as_string()} + " " + place);
        } else if (ph == "s" || ph == "f") {
            flow_ends.push_back(std::string{ph} + " " + place);
        }
    }
    EXPECT_EQ(threads, (std::vector<std::string>{"0/0 Compute", "0/1 Network", "0/2 Compute 2"}));
    EXPECT_EQ(slices, (std::vector<std::string>{"task_1 0/0", "task_2 0/2", "task_3 0/1"}));
    EXPECT_EQ(flow_ends, (std::vector<std::string>{"s 0/2", "f 0/1"}));
}

TEST_F(ChromeTraceExporter, AMalformedGanttFailsTheCallAndLeavesNoFile)
{
    EXPECT_EQ(run(testing::gantt_section({{"task_1", "compute", 0, "stage1_compute", 0, 10}}, 1), 1),
              PR_ERR_INVALID_INPUT);
    EXPECT_EQ(error_.message(), "gantt.tasks row 0 (task_1): its resource stage1_compute is not in gantt.resources");
    EXPECT_EQ(dir_.entries(), std::vector<std::string>{});
    EXPECT_EQ(host_.open_files(), 0);
}

}  // namespace
}  // namespace perfreport
