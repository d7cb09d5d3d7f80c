// The trace layout of a gantt section (sdk/trace_tracks.hpp): processes,
// threads and extra lanes, flows, counter values, and malformed sections.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "fakes/fake_host.hpp"
#include "gantt_section.hpp"
#include "perfreport/sdk/trace_tracks.hpp"
#include "support/owned_report.hpp"

namespace perfreport {
namespace {

using testing::TaskSpec;

// SPEC 5.4's five tasks of E1 (segmented, pp = 2).
const std::vector<TaskSpec> e1_tasks{
    {"task_1", "compute", 0, "stage0_compute", 0, 50, 2000000000, "layers.0.mla_q_a"},
    {"task_2", "comm", 1, "stage0_network", 50, 150.00000000000003, 0, "layers.0.mla_out_proj_comm"},
    {"task_3", "compute", 2, "stage1_compute", 150.00000000000003, 250, 100000000, "layers.1.ffn_down"},
    {"task_4", "wait", 2, "stage1_compute", 250, 270, 0, "layers.1.ffn_down"},
    {"task_5", "comm", 3, "stage1_network", 270, 290.00000000000006, 0, "layers.1.pp_send_p2p"},
};

// Owns a report holding one section and lays it out.
class Layout {
public:
    Layout(testing::SectionSpec section, std::size_t step_count)
    {
        spec_.header_json = "{}";
        spec_.sections.push_back(std::move(section));
        report_.emplace(spec_, host_.get());
        view_.emplace(report_->get());
        tracks_.emplace(view_->sections().front(), step_count);
    }

    const TraceTracks& operator*() const { return *tracks_; }
    const TraceTracks* operator->() const { return &*tracks_; }

private:
    fakes::FakeHost host_;
    testing::ReportSpec spec_;
    std::optional<testing::OwnedReport> report_;
    std::optional<ReportView> view_;
    std::optional<TraceTracks> tracks_;
};

// "pid/tid name" for each thread, in the layout's order.
std::vector<std::string> thread_list(const TraceTracks& tracks)
{
    std::vector<std::string> out;
    for (const TraceThread& thread : tracks.threads()) {
        out.push_back(std::to_string(thread.pid) + "/" + std::to_string(thread.tid) + " " + thread.name);
    }
    return out;
}

std::vector<std::string> task_threads(const TraceTracks& tracks)
{
    std::vector<std::string> out;
    for (std::size_t t = 0; t < tracks.task_count(); ++t) {
        out.push_back(std::to_string(tracks.thread_of(t).pid) + "/" + std::to_string(tracks.thread_of(t).tid));
    }
    return out;
}

TEST(TraceTracks, E1HasAProcessPerStageAndTwoRowsEach)
{
    const Layout layout(testing::gantt_section(e1_tasks, 2, "150.0"), 4);
    ASSERT_EQ(layout->processes().size(), 2u);
    EXPECT_EQ(layout->processes()[0].pid, 0);
    EXPECT_EQ(layout->processes()[0].name, "PP0");
    EXPECT_EQ(layout->processes()[1].pid, 1);
    EXPECT_EQ(layout->processes()[1].name, "PP1");
    EXPECT_EQ(thread_list(*layout),
              (std::vector<std::string>{"0/0 Compute", "0/1 Network", "1/0 Compute", "1/1 Network"}));
    EXPECT_EQ(task_threads(*layout), (std::vector<std::string>{"0/0", "0/1", "1/0", "1/0", "1/1"}));
    EXPECT_EQ(layout->tasks().name[2], "layers.1.ffn_down");
}

TEST(TraceTracks, E1CountersAreFlopsOverTheSegmentAndThereIsNoFlow)
{
    const Layout layout(testing::gantt_section(e1_tasks, 2, "150.0"), 4);
    // SPEC 5.9: 2e9 FLOP in 50 µs, 1e8 FLOP in 99.99999999999997 µs.
    EXPECT_EQ(layout->achieved_gflops(0), 40000.0);
    EXPECT_EQ(layout->achieved_gflops(2), 1000.0000000000003);
    EXPECT_EQ(layout->achieved_gflops(1), std::nullopt);
    EXPECT_EQ(layout->achieved_gflops(3), std::nullopt);
    EXPECT_TRUE(layout->flows().empty());  // no step has both a compute and a comm task
    EXPECT_EQ(layout->phase_transition(), 150.0);
    EXPECT_EQ(layout->time_range().start, 0.0);
    EXPECT_EQ(layout->time_range().end, 290.00000000000006);
}

TEST(TraceTracks, AStepWithComputeAndCommGetsOneFlowFromItsFirstComputeToItsFirstComm)
{
    const Layout layout(testing::gantt_section({{"task_1", "compute", 0, "stage0_compute", 0, 10, 5},
                                                {"task_2", "comm", 0, "stage0_network", 10, 20},
                                                {"task_3", "wait", 0, "stage0_compute", 20, 25},
                                                {"task_4", "comm", 1, "stage0_network", 25, 30},
                                                {"task_5", "compute", 2, "stage1_compute", 30, 40, 5},
                                                {"task_6", "comm", 2, "stage1_network", 40, 50},
                                                {"task_7", "comm", 2, "stage1_network", 50, 60}},
                                               2),
                        3);
    ASSERT_EQ(layout->flows().size(), 2u);
    EXPECT_EQ(layout->flows()[0].compute_task, 0u);
    EXPECT_EQ(layout->flows()[0].comm_task, 1u);
    EXPECT_EQ(layout->flows()[1].compute_task, 4u);
    EXPECT_EQ(layout->flows()[1].comm_task, 5u);
    EXPECT_EQ(layout->phase_transition(), std::nullopt);
}

TEST(TraceTracks, PerStepTasksHaveNoFlows)
{
    const Layout layout(testing::gantt_section({{"task_1", "step", 0, "stage0_compute", 0, 10, 5},
                                                {"task_2", "step", 1, "stage0_network", 10, 20}},
                                               1),
                        2);
    EXPECT_TRUE(layout->flows().empty());
    EXPECT_EQ(layout->achieved_gflops(0), 5.0 / 10000.0);
}

TEST(TraceTracks, OverlappingTasksGoToExtraLanesOfTheirRow)
{
    const Layout layout(testing::gantt_section({{"a", "compute", 0, "stage0_compute", 0, 10},
                                                {"b", "compute", 1, "stage0_compute", 5, 15},
                                                {"c", "compute", 2, "stage0_compute", 10, 20},  // after a
                                                {"d", "compute", 3, "stage0_compute", 12, 13},  // under c and b
                                                {"e", "comm", 4, "stage0_network", 0, 30},
                                                {"f", "comm", 5, "stage0_network", 29, 31},
                                                {"g", "compute", 6, "stage0_compute", 20, 21}},  // after c
                                               1),
                        7);
    EXPECT_EQ(thread_list(*layout), (std::vector<std::string>{"0/0 Compute", "0/1 Network", "0/2 Compute 2",
                                                              "0/3 Network 2", "0/4 Compute 3"}));
    EXPECT_EQ(task_threads(*layout), (std::vector<std::string>{"0/0", "0/2", "0/0", "0/4", "0/1", "0/3", "0/0"}));
}

TEST(TraceTracks, LanesAreAssignedByStartWhateverTheTableOrder)
{
    const Layout layout(testing::gantt_section({{"late", "compute", 0, "stage0_compute", 5, 15},
                                                {"early", "compute", 1, "stage0_compute", 0, 10},
                                                {"last", "compute", 2, "stage0_compute", 10, 12}},
                                               1),
                        3);
    // Taken by start: early on lane 0, late on lane 1, last back on lane 0.
    EXPECT_EQ(task_threads(*layout), (std::vector<std::string>{"0/2", "0/0", "0/0"}));
}

TEST(TraceTracks, TouchingTasksShareALane)
{
    const Layout layout(testing::gantt_section({{"a", "compute", 0, "stage0_compute", 0, 0.1 + 0.2},
                                                {"b", "compute", 1, "stage0_compute", 0.1 + 0.2, 1},
                                                {"c", "compute", 2, "stage0_compute", 1, 1}},
                                               1),
                        3);
    EXPECT_EQ(task_threads(*layout), (std::vector<std::string>{"0/0", "0/0", "0/0"}));
}

// The message of the Failure that laying out `section` throws.
std::string layout_error(const testing::SectionSpec& section, std::size_t step_count)
{
    try {
        const Layout layout(section, step_count);
    } catch (const Failure& failure) {
        EXPECT_EQ(failure.status(), PR_ERR_INVALID_INPUT);
        return failure.what();
    }
    return "(no error)";
}

TEST(TraceTracks, MalformedSectionsAreErrorsNamingTheTask)
{
    EXPECT_EQ(layout_error(testing::gantt_section({{"task_1", "compute", 0, "stage2_compute", 0, 1}}, 2), 1),
              "gantt.tasks row 0 (task_1): its resource stage2_compute is not in gantt.resources");
    EXPECT_EQ(layout_error(testing::gantt_section({{"task_1", "compute", 0, "stage0_compute", -1, 1}}, 1), 1),
              "gantt.tasks row 0 (task_1): a task needs start >= 0, end >= start and a duration >= 0, all finite");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(layout_error(testing::gantt_section({{"task_1", "compute", 0, "stage0_compute", 0, 1},
                                                   {"task_2", "compute", 1, "stage0_compute", nan, 1}},
                                                  1),
                           2),
              "gantt.tasks row 1 (task_2): a task needs start >= 0, end >= start and a duration >= 0, all finite");
    EXPECT_EQ(layout_error(testing::gantt_section({{"task_1", "compute", 4, "stage0_compute", 0, 1}}, 1), 4),
              "gantt.tasks row 0 (task_1): step_index 4 is not a row of step_metrics (4 rows)");
    testing::SectionSpec no_resources = testing::gantt_section({}, 1);
    no_resources.tables.erase(no_resources.tables.begin());
    EXPECT_EQ(layout_error(no_resources, 0), "section gantt has no table resources");
}

TEST(TraceTracks, AReportWithoutGanttIsAnErrorNamingTheExporter)
{
    fakes::FakeHost host;
    testing::ReportSpec spec;
    spec.header_json = "{}";
    const testing::OwnedReport report(spec, host.get());
    try {
        const TraceTracks tracks(ReportView{report.get()}, "chrome-trace");
        FAIL() << "no error";
    } catch (const Failure& failure) {
        EXPECT_EQ(failure.status(), PR_ERR_INVALID_INPUT);
        EXPECT_STREQ(failure.what(), "the report has no gantt section, which chrome-trace draws: run the gantt "
                                     "analyzer (see provenance if it was skipped or failed)");
    }
}

}  // namespace
}  // namespace perfreport
