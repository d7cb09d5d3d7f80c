// The text exporter through the C ABI on hand-built reports: which sections get
// a line and how, the unknown-section shape, and failure without a file.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fakes/fake_host.hpp"
#include "perfreport/sdk/host_call.hpp"
#include "support/owned_report.hpp"
#include "support/plugin_module.hpp"
#include "file_text.hpp"
#include "temp_dir.hpp"

namespace perfreport {
namespace {

using fakes::Cell;

// SPEC 5.2's header for E1, cut to one top op.
constexpr const char* e1_header = R"({"schema_version": "1.1.0", "timestamp": "2026-01-01T00:00:00Z",
  "granularity": "CHIP",
  "performance": {"total_time_ms": 0.29, "ttft_ms": 0.15, "tpot_ms": 0.14, "tps": 7142.857142857143,
    "mfu": 0.07241379310344828, "mbu": 0.19499509, "memory_peak_mb": 1024.0, "compute_time_ms": 0.15,
    "comm_time_ms": 0.12, "wait_time_ms": 0.02, "total_flops": 2100000000, "total_bytes": 113097152,
    "num_ops": 4},
  "bottleneck": {"compute_bound_count": 1, "bw_bound_count": 2, "latency_bound_count": 1, "unknown_count": 0,
    "top_ops": [{"op_id": "layers.1.ffn_down", "t_total_ms": 0.12, "bottleneck": "BW_BOUND"}]},
  "config": {}})";

constexpr const char* top_1 = R"({"summary": {"top_n": 1, "include_step_metrics": true}})";

// What build_text gives for the header above (SPEC 2.1's format).
constexpr const char* e1_core_text = R"(=== Performance Summary (granularity: CHIP) ===
Total Time: 0.29 ms
TTFT: 0.15 ms | TPOT: 0.14 ms | TPS: 7142.86
MFU: 7.24% | MBU: 19.50%
Memory Peak: 1024.00 MB

--- Time Breakdown ---
Compute: 0.15 ms (51.7%)
Comm:    0.12 ms (41.4%)
Wait:    0.02 ms (6.9%)

--- Bottleneck Summary ---
Compute Bound: 1
BW Bound:      2
Latency Bound: 1
Unknown:       0

--- Top 1 Ops by Time ---
  1. layers.1.ffn_down: 0.1200 ms (BW_BOUND)
)";

testing::ReportSpec report_with(std::vector<testing::SectionSpec> sections)
{
    testing::ReportSpec spec;
    spec.header_json = e1_header;
    spec.options_json = top_1;
    spec.sections = std::move(sections);
    return spec;
}

class TextExporter : public ::testing::Test {
protected:
    PR_Status run(const testing::ReportSpec& spec)
    {
        const testing::OwnedReport report{spec, host_.get()};
        const PR_IExporter& text = module_.exporter("text");
        return text.export_report(&text, &report.get(), error_.get());
    }

    std::string output() const { return test::read_text(dir_.path() / "summary.txt"); }
    const std::string& error_message() const { return error_.message(); }

    test::TempDir dir_;
    fakes::FakeHost host_{dir_.path()};

private:
    testing::PluginModule module_{PERFREPORT_TEXT_PLUGIN};
    detail::ErrorCapture error_;
};

TEST_F(TextExporter, WithoutSectionsWritesOnlyTheCoreSummary)
{
    ASSERT_EQ(run(report_with({})), PR_OK) << error_message();
    EXPECT_EQ(output(), e1_core_text);
}

TEST_F(TextExporter, UnknownSectionIsDescribedByItsShape)
{
    const fakes::CellTable rows{"rows", {{"x", "", PR_COLUMN_INT64, {Cell{std::int64_t{1}}}}}};
    const fakes::CellTable more{"more", {{"y", "", PR_COLUMN_INT64, {Cell{std::int64_t{2}}}}}};
    ASSERT_EQ(run(report_with({{"my-analyzer", R"({"a": 1, "b": [2], "c": {"d": 3}})", {rows, more}},
                               {"empty_one", "{}", {}}})),
              PR_OK)
        << error_message();
    EXPECT_EQ(output(), std::string{e1_core_text} + "\n--- Sections ---\n" +
                            "my-analyzer: 3 summary keys, 2 tables\n" + "empty_one: 0 summary keys, 0 tables\n");
}

TEST_F(TextExporter, MemoryWithoutCapacitySaysSo)
{
    ASSERT_EQ(run(report_with({{"memory",
                                R"({"total_per_chip_gb": 0.48828278481960297, "memory_capacity_gb": null,
                                    "is_memory_sufficient": null})", {}}})),
              PR_OK)
        << error_message();
    EXPECT_TRUE(output().ends_with("\n--- Sections ---\nmemory: 0.488 GB per chip (capacity unknown)\n"));
}

TEST_F(TextExporter, MemoryOverCapacityDoesNotFit)
{
    ASSERT_EQ(run(report_with({{"memory",
                                R"({"total_per_chip_gb": 140.5, "memory_capacity_gb": 128,
                                    "is_memory_sufficient": false})", {}}})),
              PR_OK)
        << error_message();
    EXPECT_TRUE(output().ends_with("\nmemory: 140 GB per chip of 128 GB (does not fit)\n"));
}

TEST_F(TextExporter, CostWithoutThroughputHasNoPerTokenFigure)
{
    ASSERT_EQ(run(report_with({{"cost",
                                R"({"total_cost": 53541.62857142857, "tps": 0, "cost_per_million_tokens": 0,
                                    "chip_type": "SG2262", "chip_count": 8})", {}}})),
              PR_OK)
        << error_message();
    EXPECT_TRUE(output().ends_with("\ncost: total 53541.63 USD, no cost per token (tps is 0) (SG2262 x 8)\n"));
}

fakes::CellTable links(std::vector<Cell> ids, std::vector<Cell> utilization)
{
    return {"links",
            {{"link_id", "", PR_COLUMN_STRING, std::move(ids)},
             {"utilization", "ratio", PR_COLUMN_FLOAT64, std::move(utilization)}}};
}

TEST_F(TextExporter, TrafficTieGoesToTheFirstLink)
{
    const auto table = links({std::string{"a->b"}, std::string{"b->c"}, std::string{"c->d"}}, {0.25, 0.5, 0.5});
    ASSERT_EQ(run(report_with({{"traffic", R"({"total_bytes": 3145728})", {table}}})), PR_OK) << error_message();
    EXPECT_TRUE(output().ends_with("\ntraffic: busiest link b->c at 50.00% utilization (3.00 MB total over 3 links)\n"));
}

TEST_F(TextExporter, TrafficWithoutLinksSaysSo)
{
    ASSERT_EQ(run(report_with({{"traffic", R"({"total_bytes": 0})", {links({}, {})}}})), PR_OK) << error_message();
    EXPECT_TRUE(output().ends_with("\ntraffic: no link carried traffic (0.00 MB total)\n"));
}

TEST_F(TextExporter, OnlyPresentSectionsInReportOrder)
{
    const fakes::CellTable points{"points",
                                  {{"is_compute_bound", "", PR_COLUMN_BOOL, {true, false, false, Cell{}}}}};
    ASSERT_EQ(run(report_with({{"roofline", R"({"ridge_point": 12.5})", {points}},
                               {"gantt", R"({"task_count": 0, "time_range": {"start": 0, "end": 0}})", {}}})),
              PR_OK)
        << error_message();
    EXPECT_TRUE(output().ends_with("\n--- Sections ---\n"
                                   "roofline: ridge point 12.50 FLOP/B; 1 compute-bound, 2 memory-bound ops\n"
                                   "gantt: 0 tasks over 0.00 ms\n"));
}

TEST_F(TextExporter, MalformedSectionFailsAndLeavesNoFile)
{
    ASSERT_EQ(run(report_with({{"gantt", R"({"task_count": 5})", {}}})), PR_ERR_INVALID_INPUT);
    EXPECT_EQ(error_message(), "gantt has no time_range");
    EXPECT_EQ(dir_.entries(), std::vector<std::string>{});
    EXPECT_EQ(host_.open_files(), 0);
}

TEST_F(TextExporter, CommittedFileLeavesNoTemporary)
{
    ASSERT_EQ(run(report_with({})), PR_OK) << error_message();
    EXPECT_EQ(dir_.entries(), std::vector<std::string>{"summary.txt"});
    EXPECT_EQ(host_.open_files(), 0);
}

}  // namespace
}  // namespace perfreport
