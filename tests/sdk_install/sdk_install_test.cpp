// The installed perfreport with plugins built out of tree against its SDK
// (install_and_build.cmake, the fixture): each plugin's section or file shows
// up in the report, with the figures of SPEC 5.1's E1.
#include <gtest/gtest.h>

#include <perfreport/sdk/json_parse.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "command_runner.hpp"
#include "edited_input.hpp"

namespace perfreport {
namespace {
namespace fs = std::filesystem;
using test::TempDir;

const std::string e1 = std::string(FIXTURES_DIR) + "/input/e1.json";

std::string built(const std::string& project)
{
    return std::string(WORK_DIR) + "/build/" + project;
}

struct InstalledRun {
    test::CommandResult result;
    TempDir out;
    boost::json::object report() const
    {
        return parse_json(test::read_text(out / "reporting_report.json")).as_object();
    }
};

// `perfreport run` of the installed prefix (PERFREPORT_EXE) on `input`.
void run_installed(InstalledRun& run, const fs::path& input, std::vector<std::string> args)
{
    args.insert(args.begin(), {"run", input.string(), "-o", run.out.path().string(), "-q"});
    run.result = test::run_perfreport(args);
}

TEST(InstalledPerfreport, FindsItsBundledPluginsBesideItself)
{
    const auto result = test::run_perfreport({"plugins", "--json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto listing = parse_json(result.out).as_object();
    EXPECT_EQ(listing.at("host_version"), "1.0.0");
    std::vector<std::string> analyzers;
    for (const auto& plugin : listing.at("plugins").as_array()) {
        const fs::path library(std::string(plugin.at("library").as_string()));
        EXPECT_EQ(library.parent_path(), fs::path(INSTALLED_PLUGIN_DIR)) << library;
        if (plugin.at("kind") == "analyzer") analyzers.emplace_back(plugin.at("id").as_string());
    }
    // The six bundled analyzers, and slow_ops, which the guide's project installed there.
    std::sort(analyzers.begin(), analyzers.end());
    EXPECT_EQ(analyzers,
              (std::vector<std::string>{"compat", "cost", "gantt", "memory", "roofline", "slow_ops", "traffic"}));
}

TEST(OutOfTreePlugins, EnergySectionHasE1sHandComputedFigures)
{
    const TempDir dir;
    const auto input = test::write_edited(e1, dir / "e1.json", {{R"("hardware":{)", R"("hardware":{"power_watts":350,)"}});
    InstalledRun run;
    run_installed(run, input, {"--analyzers", "energy", "--plugin-dir", built("energy")});
    ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
    // 2800 W over 0.29 ms; prefill 0.15 ms for 12 tokens, decode 0.14 ms for 3.
    const auto energy = run.report().at("energy");
    EXPECT_NEAR(energy.at("total_energy_j").as_double(), 0.812, 1e-12);
    EXPECT_NEAR(energy.at("prefill").at("energy_per_token_j").as_double(), 0.035, 1e-12);
    EXPECT_NEAR(energy.at("decode").at("energy_per_token_j").as_double(), 0.392 / 3, 1e-12);
}

TEST(OutOfTreePlugins, MarkdownExporterWritesSummaryMd)
{
    InstalledRun run;
    run_installed(run, e1, {"--analyzers", "roofline", "--format", "markdown", "--plugin-dir", built("markdown")});
    ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
    const std::string page = test::read_text(run.out / "summary.md");
    for (const char* line : {"| MFU | 7.24% |", "| bandwidth | 2 |", "1. `layers.1.ffn_down`: 0.1200 ms (`BW_BOUND`)",
                             "- roofline: ridge point 50.00 FLOP/B; 1 compute-bound, 1 memory-bound ops"}) {
        EXPECT_NE(page.find(std::string("\n") + line + "\n"), std::string::npos) << line << " in:\n" << page;
    }
}

TEST(OutOfTreePlugins, ChipPricesPriceAChipThePresetsDoNotKnow)
{
    const TempDir dir;
    const auto input = test::write_edited(e1, dir / "e1.json", {{R"("chip_type":"SG2262")", R"("chip_type":"Gaudi3")"}});
    InstalledRun run;
    run_installed(run, input, {"--analyzers", "cost", "--plugin-dir", built("chip-prices")});
    ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
    const auto cost = run.report().at("cost");
    EXPECT_EQ(cost.at("chip_price").to_number<double>(), 15625.0);
    EXPECT_TRUE(std::string(cost.at("origins").at("chip_prices.Gaudi3").as_string())
                    .starts_with("price source chip-prices (Intel, Computex 2024"))
        << cost.at("origins");
}

TEST(GuidePlugins, InstalledIntoThePrefixTheyNeedNoPluginDir)
{
    InstalledRun run;
    run_installed(run, e1, {"--analyzers", "slow_ops", "--format", "json,op-times"});
    ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
    // E1 runs 0.29 ms: 0.05, 0.1 and 0.12 ms are at least 10% of it, 0.02 ms is not.
    const auto slow_ops = run.report().at("slow_ops");
    EXPECT_EQ(slow_ops.at("listed"), 3);
    const auto& steps = slow_ops.at("steps").as_array();
    ASSERT_EQ(steps.size(), 3u);
    EXPECT_EQ(steps[2].at("op_id"), "layers.1.ffn_down");
    EXPECT_NEAR(steps[2].at("share").as_double(), 0.12 / 0.29, 1e-12);
    EXPECT_EQ(test::read_text(run.out / "op_times.tsv"),
              "op_id\tt_total_ms\n"
              "layers.0.mla_q_a\t0.050000\n"
              "layers.0.mla_out_proj_comm\t0.100000\n"
              "layers.1.ffn_down\t0.120000\n"
              "layers.1.pp_send_p2p\t0.020000\n");
}

}  // namespace
}  // namespace perfreport
