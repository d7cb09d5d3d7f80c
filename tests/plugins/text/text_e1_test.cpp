// `perfreport run --format text` on E1 (SPEC 5.1): summary.txt holds what the
// command prints (SPEC 5.2) and one line per section, checked against SPEC 5.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "command_runner.hpp"

namespace perfreport {
namespace {

const std::string e1 = std::string(FIXTURES_DIR) + "/input/e1.json";

// The seconds in SPEC 2.2's three depreciation years.
constexpr double three_years_s = 3 * 365 * 24 * 3600.0;

std::string formatted(const char* format, double value)
{
    char text[64];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
        lines.push_back(text.substr(start, end - start));
    }
    return lines;
}

// The lines after "--- Sections ---".
std::vector<std::string> section_lines(const std::string& summary)
{
    const std::string heading = "\n--- Sections ---\n";
    const std::size_t at = summary.find(heading);
    if (at == std::string::npos) return {};
    return lines_of(summary.substr(at + heading.size()));
}

struct TextRun {
    test::CommandResult result;
    std::string summary;
    std::vector<std::string> files;
};

TextRun run_text(const std::string& input, const std::vector<std::string>& extra = {})
{
    const test::TempDir out;
    std::vector<std::string> args{"run", input, "--format", "text", "-o", out.path().string()};
    args.insert(args.end(), extra.begin(), extra.end());
    TextRun run{test::run_perfreport(args), {}, out.entries()};
    if (run.result.exit_code == 0) run.summary = test::read_text(out / "summary.txt");
    return run;
}

class TextOnE1 : public ::testing::Test {
protected:
    static void SetUpTestSuite() { run_ = new TextRun(run_text(e1)); }
    static void TearDownTestSuite()
    {
        delete run_;
        run_ = nullptr;
    }

    void SetUp() override { ASSERT_EQ(run_->result.exit_code, 0) << run_->result.err; }

    static const TextRun& run() { return *run_; }

private:
    static inline TextRun* run_ = nullptr;
};

bool has_line(const std::string& text, const std::string& line)
{
    const auto lines = lines_of(text);
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

TEST_F(TextOnE1, CoreSummaryHasTheLinesOfSpec52)
{
    for (const char* line : {"=== Performance Summary (granularity: CHIP) ===", "Total Time: 0.29 ms",
                             "TTFT: 0.15 ms | TPOT: 0.14 ms | TPS: 7142.86", "MFU: 7.24% | MBU: 19.50%",
                             "Memory Peak: 1024.00 MB", "Compute: 0.15 ms (51.7%)", "Comm:    0.12 ms (41.4%)",
                             "Wait:    0.02 ms (6.9%)", "Compute Bound: 1", "BW Bound:      2", "Latency Bound: 1",
                             "Unknown:       0", "--- Top 5 Ops by Time ---",
                             "  1. layers.1.ffn_down: 0.1200 ms (BW_BOUND)",
                             "  2. layers.0.mla_out_proj_comm: 0.1000 ms (BW_BOUND)",
                             "  3. layers.0.mla_q_a: 0.0500 ms (COMPUTE_BOUND)",
                             "  4. layers.1.pp_send_p2p: 0.0200 ms (LATENCY_BOUND)"}) {
        EXPECT_TRUE(has_line(run().summary, line)) << line << "\n in:\n" << run().summary;
    }
}

TEST_F(TextOnE1, FirstPartIsWhatRunPrints)
{
    const std::string& printed = run().result.out;
    ASSERT_FALSE(printed.empty());
    ASSERT_GE(run().summary.size(), printed.size());
    EXPECT_EQ(run().summary.substr(0, printed.size()), printed);
    EXPECT_EQ(run().summary.substr(printed.size()).rfind("\n--- Sections ---\n", 0), 0u);
}

TEST_F(TextOnE1, OneLinePerSectionWithHandComputedFigures)
{
    // SPEC 5.7: the seed total does not depend on tps; E1's own tps sets the rate.
    const double per_million = 100790.2 / (three_years_s * 7142.857142857143) * 1e6;
    // SPEC 5.8: E1's own context gives 1272 B per chip.
    const double memory_gb = 1272 / 1073741824.0;
    // SPEC 5.5: the b2b link is the busiest; 1548576 B in all.
    const double traffic_mb = 1548576 / 1048576.0;
    EXPECT_EQ(section_lines(run().summary),
              (std::vector<std::string>{
                  "cost: total 100790.20 USD, " + formatted("%.2f", per_million) +
                      " USD per million tokens (SG2262 x 8)",
                  "memory: " + formatted("%.3g", memory_gb) + " GB per chip of 128 GB (fits)",
                  "roofline: ridge point 50.00 FLOP/B; 1 compute-bound, 1 memory-bound ops",
                  "gantt: 5 tasks over 0.29 ms",
                  "traffic: busiest link pod_0/rack_0/board_0/chip_3->pod_0/rack_0/board_1/chip_0 at 5.56% "
                  "utilization (" + formatted("%.2f", traffic_mb) + " MB total over 5 links)",
                  "compat: 5 gantt chart tasks, 5 link traffic stats"}));
}

TEST_F(TextOnE1, WritesOnlySummaryTxtNoTemporaryFile)
{
    EXPECT_EQ(run().files, std::vector<std::string>{"summary.txt"});
    EXPECT_NE(run().result.err.find("summary.txt"), std::string::npos);
}

TEST(TextOnC1, CostLineUsesTheWorkedExampleAtTps1000)
{
    // C1 = E1 with aggregates.tps = 1000 (SPEC 5.7).
    std::string input = test::read_text(e1);
    const std::string tps = "\"tps\":7142.857142857143";
    const std::size_t at = input.find(tps);
    ASSERT_NE(at, std::string::npos);
    input.replace(at, tps.size(), "\"tps\":1000");
    const test::TempDir dir;
    std::ofstream(dir / "c1.json") << input;

    const TextRun run = run_text((dir / "c1.json").string(), {"--analyzers", "cost"});
    ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
    // 1.0653454253340098 USD per million tokens in SPEC 5.7.
    EXPECT_EQ(section_lines(run.summary),
              std::vector<std::string>{"cost: total 100790.20 USD, 1.07 USD per million tokens (SG2262 x 8)"});
}

TEST(TextTopN, HeadingAndOpsFollowTheOption)
{
    const TextRun run = run_text(e1, {"--analyzers", "roofline", "--option", "summary.top_n=2"});
    ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
    EXPECT_TRUE(has_line(run.summary, "--- Top 2 Ops by Time ---"));
    EXPECT_TRUE(has_line(run.summary, "  2. layers.0.mla_out_proj_comm: 0.1000 ms (BW_BOUND)"));
    EXPECT_EQ(run.summary.find("  3. "), std::string::npos);
    EXPECT_EQ(section_lines(run.summary),
              std::vector<std::string>{"roofline: ridge point 50.00 FLOP/B; 1 compute-bound, 1 memory-bound ops"});
}

}  // namespace
}  // namespace perfreport
