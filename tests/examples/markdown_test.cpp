// The markdown example exporter (examples/plugins/markdown) through the real
// command: summary.md on SPEC 5.1's E1, against the figures of SPEC 5.2 and
// the section lines of SPEC 5.3 and 5.4.
#include <gtest/gtest.h>

#include "command_runner.hpp"
#include "edited_input.hpp"

namespace perfreport {
namespace {
using test::TempDir;

const std::string e1 = std::string(FIXTURES_DIR) + "/input/e1.json";

struct MarkdownRun {
    test::CommandResult result;
    std::string page;
    std::vector<std::string> files;
};

MarkdownRun run_markdown(const std::string& input, const std::string& analyzers)
{
    const TempDir out;
    MarkdownRun run{test::run_perfreport({"run", input, "-o", out.path().string(), "-q", "--format", "markdown",
                                          "--analyzers", analyzers, "--plugin-dir", MARKDOWN_PLUGIN_DIR,
                                          "--plugin-dir", ENERGY_PLUGIN_DIR},
                                         {"SOURCE_DATE_EPOCH=0"}),
                    {},
                    out.entries()};
    if (run.result.exit_code == 0) run.page = test::read_text(out / "summary.md");
    return run;
}

TEST(MarkdownOnE1, PageHasPerformanceBottlenecksAndOneLinePerSection)
{
    const TempDir dir;
    const auto input = test::write_edited(e1, dir / "e1.json", {{R"("hardware":{)", R"("hardware":{"power_watts":350,)"}});
    const MarkdownRun run = run_markdown(input.string(), "roofline,gantt,energy");
    ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
    // Performance and bottlenecks: SPEC 5.2 (compute 0.15 of 0.29 ms is
    // 51.7%); roofline: SPEC 5.3's ridge point and its two points; gantt:
    // SPEC 5.4's five tasks over 0.29 ms; energy has no wording of its own.
    EXPECT_EQ(run.page, R"(# perfreport summary

Granularity CHIP, report schema 1.1.0, 1970-01-01T00:00:00Z.

## Performance

| metric | value |
|---|---:|
| total time | 0.29 ms |
| TTFT | 0.15 ms |
| TPOT | 0.14 ms |
| TPS | 7142.86 tokens/s |
| MFU | 7.24% |
| MBU | 19.50% |
| memory peak | 1024.00 MB |
| compute | 0.15 ms (51.7%) |
| communication | 0.12 ms (41.4%) |
| wait | 0.02 ms (6.9%) |

## Bottlenecks

| bound | ops |
|---|---:|
| compute | 1 |
| bandwidth | 2 |
| latency | 1 |
| unknown | 0 |

Slowest ops:

1. `layers.1.ffn_down`: 0.1200 ms (`BW_BOUND`)
2. `layers.0.mla_out_proj_comm`: 0.1000 ms (`BW_BOUND`)
3. `layers.0.mla_q_a`: 0.0500 ms (`COMPUTE_BOUND`)
4. `layers.1.pp_send_p2p`: 0.0200 ms (`LATENCY_BOUND`)

## Sections

- roofline: ridge point 50.00 FLOP/B; 1 compute-bound, 1 memory-bound ops
- gantt: 5 tasks over 0.29 ms
- energy: 6 summary keys, 0 tables
)");
}

TEST(MarkdownOnE1, WritesOnlySummaryMd)
{
    const MarkdownRun run = run_markdown(e1, "roofline");
    ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
    EXPECT_EQ(run.files, std::vector<std::string>{"summary.md"});
}

TEST(MarkdownOnE1, MarkupInAnOpIdIsEscaped)
{
    const TempDir dir;
    const auto input = test::write_edited(e1, dir / "e1.json", {{"layers.1.ffn_down", "layers.1.ffn_down|`x`*"}});
    const MarkdownRun run = run_markdown(input.string(), "roofline");
    ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
    EXPECT_NE(run.page.find("\n1. layers.1.ffn\\_down\\|\\`x\\`\\*: 0.1200 ms (`BW_BOUND`)\n"), std::string::npos)
        << run.page;
}

TEST(MarkdownOnE1, ControlCharactersInAnOpIdStayOnItsLine)
{
    const TempDir dir;
    const auto input = test::write_edited(e1, dir / "e1.json", {{"layers.1.ffn_down", R"(layers.1.ffn\n\u001b[2Jdown)"}});
    const MarkdownRun run = run_markdown(input.string(), "roofline");
    ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
    EXPECT_NE(run.page.find("\n1. `layers.1.ffn\\n\\x1b[2Jdown`: 0.1200 ms (`BW_BOUND`)\n"), std::string::npos)
        << run.page;
}

}  // namespace
}  // namespace perfreport
