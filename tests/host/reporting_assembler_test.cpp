// The core summary of SPEC 2.1 on E1: the values of SPEC 5.2.
#include <gtest/gtest.h>

#include "report/reporting_assembler.hpp"
#include "report/text_summary.hpp"
#include "test_support.hpp"

namespace perfreport {
namespace {

ReportingReport assembled(CoreSummaryOptions options = {})
{
    ReportingReport report;
    ReportingAssembler(options).assemble(test::e1(), report);
    return report;
}

TEST(ReportingAssembler, PerformanceOfE1MatchesWorkedExample)
{
    const ReportingReport report = assembled();
    const auto& p = report.performance;
    EXPECT_EQ(p.at("total_time_ms").as_double(), 0.29);
    EXPECT_EQ(p.at("ttft_ms").as_double(), 0.15);
    EXPECT_EQ(p.at("tpot_ms").as_double(), 0.14);
    EXPECT_EQ(p.at("tps").as_double(), 7142.857142857143);
    EXPECT_EQ(p.at("mfu").as_double(), 0.07241379310344828);
    EXPECT_EQ(p.at("mbu").as_double(), 0.19499509);
    EXPECT_EQ(p.at("memory_peak_mb").as_double(), 1024.0);
    EXPECT_EQ(p.at("compute_time_ms").as_double(), 0.15);
    EXPECT_EQ(p.at("comm_time_ms").as_double(), 0.12);
    EXPECT_EQ(p.at("wait_time_ms").as_double(), 0.02);
    EXPECT_EQ(p.at("total_flops").as_int64(), 2100000000);
    EXPECT_EQ(p.at("total_bytes").as_int64(), 113097152);
    EXPECT_EQ(p.at("num_ops").as_int64(), 4);
    std::vector<std::string> keys;
    for (const auto& item : p) keys.emplace_back(item.key());
    EXPECT_EQ(keys, (std::vector<std::string>{"total_time_ms", "ttft_ms", "tpot_ms", "tps", "mfu", "mbu",
                                              "memory_peak_mb", "compute_time_ms", "comm_time_ms",
                                              "wait_time_ms", "total_flops", "total_bytes", "num_ops"}));
}

TEST(ReportingAssembler, BottleneckCountsAndTopOpsOfE1)
{
    const ReportingReport report = assembled();
    const auto& b = report.bottleneck;
    EXPECT_EQ(b.at("compute_bound_count").as_int64(), 1);
    EXPECT_EQ(b.at("bw_bound_count").as_int64(), 2);
    EXPECT_EQ(b.at("latency_bound_count").as_int64(), 1);
    EXPECT_EQ(b.at("unknown_count").as_int64(), 0);
    const auto& top = b.at("top_ops").as_array();
    ASSERT_EQ(top.size(), 4u);
    const char* ids[] = {"layers.1.ffn_down", "layers.0.mla_out_proj_comm", "layers.0.mla_q_a", "layers.1.pp_send_p2p"};
    const double times[] = {0.12, 0.1, 0.05, 0.02};
    const char* tags[] = {"BW_BOUND", "BW_BOUND", "COMPUTE_BOUND", "LATENCY_BOUND"};
    for (std::size_t k = 0; k < 4; ++k) {
        EXPECT_EQ(top[k].at("op_id").as_string(), ids[k]);
        EXPECT_EQ(top[k].at("t_total_ms").as_double(), times[k]);
        EXPECT_EQ(top[k].at("bottleneck").as_string(), tags[k]);
    }
}

TEST(ReportingAssembler, TopNCutsTheList)
{
    const ReportingReport report = assembled({2, true});
    const auto& top = report.bottleneck.at("top_ops").as_array();
    ASSERT_EQ(top.size(), 2u);
    EXPECT_EQ(top[1].at("op_id").as_string(), "layers.0.mla_out_proj_comm");
}

TEST(ReportingAssembler, StepMetricsRowOfE1)
{
    const ReportingReport report = assembled();
    const PR_Table table = report.step_metrics.view();
    ASSERT_EQ(table.row_count, 4u);
    ASSERT_EQ(table.column_count, 9u);
    const char* names[] = {"op_id", "t_compute_ms", "t_comm_ms", "t_wait_ms", "t_total_ms",
                           "bottleneck", "flops", "bytes_read", "bytes_write"};
    for (uint32_t c = 0; c < 9; ++c) EXPECT_STREQ(table.columns[c].name, names[c]);
    const auto real = [&](uint32_t c) { return static_cast<const double*>(table.columns[c].values)[2]; };
    const auto integer = [&](uint32_t c) { return static_cast<const int64_t*>(table.columns[c].values)[2]; };
    EXPECT_EQ(real(1), 0.1);
    EXPECT_EQ(real(2), 0.0);
    EXPECT_EQ(real(3), 0.02);
    EXPECT_EQ(real(4), 0.12);
    EXPECT_EQ(integer(6), 100000000);
    EXPECT_EQ(integer(7), 60000000);
    EXPECT_EQ(integer(8), 40000000);
    EXPECT_EQ(report.config.at("model").at("name").as_string(), "tiny");
}

TEST(ReportingAssembler, StepMetricsCanBeLeftOut)
{
    EXPECT_EQ(assembled({5, false}).step_metrics.row_count(), 0u);
}

TEST(TextSummary, E1LinesOfWorkedExample)
{
    ReportingReport report = assembled();
    const std::string text = build_text(report, 5);
    for (const char* line : {"=== Performance Summary (granularity: CHIP) ===\n", "Total Time: 0.29 ms\n",
                             "TTFT: 0.15 ms | TPOT: 0.14 ms | TPS: 7142.86\n", "MFU: 7.24% | MBU: 19.50%\n",
                             "Memory Peak: 1024.00 MB\n", "\n--- Time Breakdown ---\n",
                             "Compute: 0.15 ms (51.7%)\n", "Comm:    0.12 ms (41.4%)\n",
                             "Wait:    0.02 ms (6.9%)\n", "\n--- Bottleneck Summary ---\n", "Compute Bound: 1\n",
                             "BW Bound:      2\n", "Latency Bound: 1\n", "Unknown:       0\n",
                             "\n--- Top 5 Ops by Time ---\n", "  1. layers.1.ffn_down: 0.1200 ms (BW_BOUND)\n"}) {
        EXPECT_NE(text.find(line), std::string::npos) << "missing: " << line << "\nin:\n" << text;
    }
}

}  // namespace
}  // namespace perfreport
