// The files the csv exporter writes for E1 (SPEC 3.3, 5.9), as a user sees them.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "csv_read_back.hpp"

namespace perfreport {
namespace {
using test::CsvRows;
using test::read_csv;
using test::TempDir;

std::vector<std::string> sorted_names(const std::filesystem::path& folder)
{
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
        lines.push_back(text.substr(start, end - start));
    }
    EXPECT_EQ(start, text.size()) << "the last line ends with LF";
    return lines;
}

class CsvOnE1 : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        out_ = new TempDir;
        test::run_csv(test::e1_input, *out_ / "ms", "csv");
        test::run_csv(test::e1_input, *out_ / "us", "csv", {"--option", "csv.time_unit=us"});
    }
    static void TearDownTestSuite() { delete out_; }

    static std::filesystem::path ms() { return *out_ / "ms"; }
    static std::filesystem::path us() { return *out_ / "us"; }

    static TempDir* out_;
};
TempDir* CsvOnE1::out_ = nullptr;

TEST_F(CsvOnE1, WritesOneFilePerSummaryAndPerTable)
{
    EXPECT_EQ(sorted_names(ms()),
              (std::vector<std::string>{
                  "bottleneck.csv", "compat.csv", "compat.gantt_chart.tasks.csv",
                  "cost.csv", "gantt.csv", "gantt.resources.csv", "gantt.tasks.csv", "memory.csv", "performance.csv", "roofline.csv",
                  "roofline.points.csv", "step_metrics.csv", "top_ops.csv", "traffic.csv", "traffic.devices.csv",
                  "traffic.link_stats.csv", "traffic.links.csv"}));
}

TEST_F(CsvOnE1, GanttTaskRowTwoIsTheWorkedExampleInMilliseconds)
{
    const std::vector<std::string> lines = lines_of(test::read_text(ms() / "gantt.tasks.csv"));
    ASSERT_GE(lines.size(), 3u);
    const std::string& header = lines[0];
    EXPECT_NE(header.find(",start(ms),end(ms),duration(ms),"), std::string::npos) << header;
    EXPECT_TRUE(lines[2].starts_with("task_2,layers.0.mla_out_proj_comm,comm,1,stage0_network,0.05,"
                                     "0.15000000000000002,0.10000000000000003,allreduce,prefill,"))
        << lines[2];
}

TEST_F(CsvOnE1, TimeUnitUsKeepsMicroseconds)
{
    const CsvRows rows = read_csv(us() / "gantt.tasks.csv");
    ASSERT_GE(rows.size(), 3u);
    const auto column = [&](const std::string& name) {
        return std::find(rows[0].begin(), rows[0].end(), name) - rows[0].begin();
    };
    ASSERT_LT(column("start(us)"), static_cast<long>(rows[0].size()));
    ASSERT_LT(column("end(us)"), static_cast<long>(rows[0].size()));
    EXPECT_EQ(std::stod(rows[2][column("start(us)")]), 50.0);
    EXPECT_EQ(std::stod(rows[2][column("end(us)")]), 150.00000000000003);
}

TEST_F(CsvOnE1, PerformanceListsTheCoreFieldsWithTheirUnits)
{
    const CsvRows rows = read_csv(ms() / "performance.csv");
    EXPECT_EQ(rows, (CsvRows{{"metric", "value", "unit"},
                             {"total_time_ms", "0.29", "ms"},
                             {"ttft_ms", "0.15", "ms"},
                             {"tpot_ms", "0.14", "ms"},
                             {"tps", "7142.857142857143", "tokens/s"},
                             {"mfu", "0.07241379310344828", "ratio"},
                             {"mbu", "0.19499509", "ratio"},
                             {"memory_peak_mb", "1024.0", "MB"},
                             {"compute_time_ms", "0.15", "ms"},
                             {"comm_time_ms", "0.12", "ms"},
                             {"wait_time_ms", "0.02", "ms"},
                             {"total_flops", "2100000000", "FLOP"},
                             {"total_bytes", "113097152", "B"},
                             {"num_ops", "4", ""}}));
}

TEST_F(CsvOnE1, BottleneckCountsAndTopOps)
{
    EXPECT_EQ(read_csv(ms() / "bottleneck.csv"), (CsvRows{{"metric", "value", "unit"},
                                                          {"compute_bound_count", "1", ""},
                                                          {"bw_bound_count", "2", ""},
                                                          {"latency_bound_count", "1", ""},
                                                          {"unknown_count", "0", ""}}));
    EXPECT_EQ(read_csv(ms() / "top_ops.csv"), (CsvRows{{"op_id", "t_total_ms(ms)", "bottleneck"},
                                                       {"layers.1.ffn_down", "0.12", "BW_BOUND"},
                                                       {"layers.0.mla_out_proj_comm", "0.1", "BW_BOUND"},
                                                       {"layers.0.mla_q_a", "0.05", "COMPUTE_BOUND"},
                                                       {"layers.1.pp_send_p2p", "0.02", "LATENCY_BOUND"}}));
}

TEST_F(CsvOnE1, StepMetricsRowTwoIsTheWorkedExample)
{
    const CsvRows rows = read_csv(ms() / "step_metrics.csv");
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"op_id", "t_compute_ms(ms)", "t_comm_ms(ms)", "t_wait_ms(ms)",
                                                 "t_total_ms(ms)", "bottleneck", "flops(FLOP)", "bytes_read(B)",
                                                 "bytes_write(B)"}));
    EXPECT_EQ(rows[3][0], "layers.1.ffn_down");
    EXPECT_EQ(std::stod(rows[3][1]), 0.1);
    EXPECT_EQ(std::stod(rows[3][4]), 0.12);
    EXPECT_EQ(rows[3][5], "BW_BOUND");
    EXPECT_EQ(rows[3][6], "100000000");
}

TEST_F(CsvOnE1, SummaryTimesInMicrosecondsFollowTheTimeUnit)
{
    const CsvRows gantt_ms = read_csv(ms() / "gantt.csv");
    const CsvRows gantt_us = read_csv(us() / "gantt.csv");
    const auto row_of = [](const CsvRows& rows, const std::string& key) {
        for (const auto& row : rows) {
            if (!row.empty() && row[0] == key) return row;
        }
        return std::vector<std::string>{};
    };
    EXPECT_EQ(row_of(gantt_ms, "phase_transition"), (std::vector<std::string>{"phase_transition", "0.15", "ms"}));
    EXPECT_EQ(row_of(gantt_us, "phase_transition"), (std::vector<std::string>{"phase_transition", "150.0", "us"}));
    EXPECT_EQ(row_of(gantt_ms, "mode"), (std::vector<std::string>{"mode", "segmented", ""}));
    EXPECT_EQ(row_of(read_csv(ms() / "traffic.csv"), "total_time_us"),
              (std::vector<std::string>{"total_time_us", "0.12", "ms"}));
    EXPECT_EQ(row_of(read_csv(ms() / "memory.csv"), "weights_bytes"),
              (std::vector<std::string>{"weights_bytes", "696", "B"}));
}

}  // namespace
}  // namespace perfreport
