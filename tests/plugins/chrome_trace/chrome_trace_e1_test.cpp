// chrome_tracing.json for E1 through the real executable: SPEC 3.4's events
// with SPEC 5.9's values, the counters option, and a report without gantt.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "command_runner.hpp"
#include "temp_dir.hpp"
#include "trace_export.hpp"

namespace perfreport {
namespace {

using test::trace_offset_us;

class ChromeTraceOnE1 : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = new test::TempDir;
        test::export_trace(test::e1_input_file, *dir_ / "default", exported_);
        test::export_trace(test::e1_input_file, *dir_ / "no_counters", without_counters_,
                           {"--option", "chrome_trace.counters=false"});
    }
    static void TearDownTestSuite() { delete dir_; }

    static test::TempDir* dir_;
    static test::ExportedTrace exported_;
    static test::ExportedTrace without_counters_;
};
test::TempDir* ChromeTraceOnE1::dir_ = nullptr;
test::ExportedTrace ChromeTraceOnE1::exported_;
test::ExportedTrace ChromeTraceOnE1::without_counters_;

TEST_F(ChromeTraceOnE1, KeepsTheCheckersRulesAndShowsTheGantt)
{
    test::expect_valid_trace_of_gantt(exported_);
    test::expect_valid_trace_of_gantt(without_counters_);
}

TEST_F(ChromeTraceOnE1, IsTheObjectFormWithTheRunsMetadata)
{
    const auto& trace = exported_.trace.as_object();
    EXPECT_EQ(trace.at("displayTimeUnit"), "ms");
    const auto& other = trace.at("otherData").as_object();
    EXPECT_EQ(other.at("schema_version"), "1.1.0");
    EXPECT_EQ(other.at("granularity"), "CHIP");
    EXPECT_EQ(other.at("timestamp"), exported_.report.at("timestamp"));
    EXPECT_EQ(other.at("ts_offset_us").to_number<double>(), trace_offset_us);
}

// SPEC 5.4's tasks and 5.9's X event, every time shifted by the offset.
TEST_F(ChromeTraceOnE1, TasksAreCompleteEventsOnTheirStageAndRow)
{
    struct Expected {
        const char* name;
        const char* cat;
        double start;
        double duration;  // end - start of SPEC 5.4
        std::int64_t pid;
        std::int64_t tid;
        const char* task_id;
        const char* type;
        const char* color;
    };
    const std::vector<Expected> expected{
        {"layers.0.mla_q_a", "compute", 0, 50, 0, 0, "task_1", "mla_attn_fc", "#08979c"},
        {"layers.0.mla_out_proj_comm", "comm", 50, 150.00000000000003 - 50, 0, 1, "task_2", "allreduce", "#1890ff"},
        {"layers.1.ffn_down", "compute", 150.00000000000003, 99.99999999999997, 1, 0, "task_3", "ffn", "#237804"},
        {"layers.1.ffn_down", "wait", 250, 20, 1, 0, "task_4", "idle", "#d9d9d9"},
        {"layers.1.pp_send_p2p", "comm", 270, 290.00000000000006 - 270, 1, 1, "task_5", "p2p", "#722ed1"},
    };
    const auto tasks = exported_.events_of("X");
    ASSERT_EQ(tasks.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        SCOPED_TRACE(expected[i].task_id);
        const auto& event = tasks[i];
        EXPECT_EQ(event.at("name"), expected[i].name);
        EXPECT_EQ(event.at("cat"), expected[i].cat);
        EXPECT_EQ(event.at("ts").as_double(), expected[i].start + trace_offset_us);
        EXPECT_EQ(event.at("dur").as_double(), expected[i].duration);
        EXPECT_EQ(event.at("pid"), expected[i].pid);
        EXPECT_EQ(event.at("tid"), expected[i].tid);
        const auto& args = event.at("args").as_object();
        EXPECT_EQ(args.at("task_id"), expected[i].task_id);
        EXPECT_EQ(args.at("type"), expected[i].type);
        EXPECT_EQ(args.at("color"), expected[i].color);
    }
    // SPEC 5.9's event, field by field.
    const auto& ffn = tasks[2];
    EXPECT_EQ(ffn.at("ts").as_double(), 150.00000000000003 + trace_offset_us);
    EXPECT_EQ(ffn.at("dur").as_double(), 99.99999999999997);
    const auto& args = ffn.at("args").as_object();
    EXPECT_EQ(args.at("phase"), "decode");
    EXPECT_EQ(args.at("layer"), 1);
    EXPECT_EQ(args.at("flops"), 100000000);
    EXPECT_EQ(args.at("bytes"), 100000000);
    EXPECT_EQ(args.at("bottleneck"), "BW_BOUND");
}

TEST_F(ChromeTraceOnE1, PrefillEndsAtTtftAndNoStepHasAFlow)
{
    const auto instants = exported_.events_of("i");
    ASSERT_EQ(instants.size(), 1u);
    EXPECT_EQ(instants[0].at("name"), "prefill_to_decode");
    EXPECT_EQ(instants[0].at("s"), "g");
    EXPECT_EQ(instants[0].at("ts").as_double(), 150 + trace_offset_us);
    EXPECT_EQ(instants[0].at("pid"), 0);
    EXPECT_EQ(instants[0].at("tid"), 0);
    EXPECT_TRUE(exported_.events_of("s").empty());
    EXPECT_TRUE(exported_.events_of("f").empty());
}

TEST_F(ChromeTraceOnE1, CountersAreFlopsOverEachComputeSegment)
{
    struct Point {
        double ts;
        std::int64_t pid;
        double gflops;
    };
    const std::vector<Point> expected{{0, 0, 40000}, {50, 0, 0}, {150.00000000000003, 1, 1000.0000000000003}, {250, 1, 0}};
    const auto counters = exported_.events_of("C");
    ASSERT_EQ(counters.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(counters[i].at("name"), "achieved_gflops");
        EXPECT_EQ(counters[i].at("ts").as_double(), expected[i].ts + trace_offset_us);
        EXPECT_EQ(counters[i].at("pid"), expected[i].pid);
        EXPECT_EQ(counters[i].at("args").at("gflops").to_number<double>(), expected[i].gflops);
    }
}

TEST_F(ChromeTraceOnE1, CountersOffLeavesEverythingElse)
{
    EXPECT_TRUE(without_counters_.events_of("C").empty());
    for (const char* ph : {"M", "X", "i"}) {
        EXPECT_EQ(without_counters_.events_of(ph), exported_.events_of(ph)) << ph;
    }
}

TEST_F(ChromeTraceOnE1, StagesAreNamedProcessesSortedByStage)
{
    std::vector<std::string> metadata;
    for (const auto& event : exported_.events_of("M")) {
        const auto& args = event.at("args").as_object();
        metadata.push_back(std::string{event.at("name").as_string()} + " " + std::to_string(event.at("pid").as_int64()) +
                           "/" + std::to_string(event.at("tid").as_int64()) + " " +
                           (args.contains("name") ? std::string{args.at("name").as_string()}
                                                  : std::to_string(args.at("sort_index").as_int64())));
    }
    EXPECT_EQ(metadata, (std::vector<std::string>{
                            "process_name 0/0 PP0", "process_sort_index 0/0 0", "process_name 1/0 PP1",
                            "process_sort_index 1/0 1", "thread_name 0/0 Compute", "thread_name 0/1 Network",
                            "thread_name 1/0 Compute", "thread_name 1/1 Network"}));
}

TEST(ChromeTrace, WithoutTheGanttSectionItFailsAloneWithAClearMessage)
{
    const test::TempDir dir;
    const test::CommandResult result = test::run_perfreport(
        {"run", test::e1_input_file, "-o", dir.path().string(), "--analyzers", "roofline", "--format", "chrome-trace,json", "-q"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("error: exporter chrome-trace failed: the report has no gantt section, which "
                              "chrome-trace draws: run the gantt analyzer"),
              std::string::npos)
        << result.err;
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"reporting_report.json"});
}

TEST(ChromeTrace, FormatAllWritesTheTrace)
{
    const test::TempDir dir;
    const test::CommandResult result =
        test::run_perfreport({"run", test::e1_input_file, "-o", dir.path().string(), "--format", "all", "-q"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    const auto entries = dir.entries();
    ASSERT_NE(std::find(entries.begin(), entries.end(), "chrome_tracing.json"), entries.end());
    EXPECT_EQ(test::check_trace(test::read_json(dir / "chrome_tracing.json")).problems, std::vector<std::string>{});
}

}  // namespace
}  // namespace perfreport
