// The energy example analyzer (examples/plugins/energy) through the real
// command, against energy computed by hand from SPEC 5.1's E1 and the bundled
// example: energy = time × chips × power per chip, tokens from the deployment.
#include <gtest/gtest.h>

#include <perfreport/sdk/json_parse.hpp>

#include "command_runner.hpp"
#include "edited_input.hpp"
#include "json_compare.hpp"

namespace perfreport {
namespace {
using test::TempDir;

const std::string e1 = std::string(FIXTURES_DIR) + "/input/e1.json";
const std::string example = std::string(EXAMPLES_DIR) + "/ds3_c8_tp8_ep8_decode_b64.json";
const std::string with_power = R"("hardware":{"power_watts":350,)";

struct EnergyRun {
    test::CommandResult result;
    boost::json::object report;
};

EnergyRun run_energy(const std::string& input)
{
    const TempDir out;
    EnergyRun run{test::run_perfreport({"run", input, "-o", out.path().string(), "-q", "--analyzers", "energy",
                                        "--plugin-dir", ENERGY_PLUGIN_DIR}),
                  {}};
    if (run.result.exit_code != 2) run.report = parse_json(test::read_text(out / "reporting_report.json")).as_object();
    return run;
}

EnergyRun run_edited(const std::string& source, const std::vector<test::TextEdit>& edits)
{
    const TempDir dir;
    return run_energy(test::write_edited(source, dir / "input.json", edits).string());
}

void expect_json(const boost::json::value& actual, const char* expected)
{
    EXPECT_EQ(test::json_differences(parse_json(expected), actual), "") << actual;
}

TEST(EnergyOnE1, PhasesAndTotalsMatchHandComputation)
{
    const EnergyRun run = run_edited(e1, {{R"("hardware":{)", with_power}});
    ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
    // 8 chips at 350 W draw 2800 W. Prefill: steps 0 and 1, 0.05 + 0.1 ms,
    // batch 3 × prompt 4 = 12 tokens: 0.15e-3 s × 2800 W = 0.42 J, 0.035 J
    // per token. Decode: steps 2 and 3, 0.12 + 0.02 ms, one token for each of
    // the 3 sequences: 0.392 J, 0.392 / 3 J per token. All: 0.29 ms, 0.812 J.
    expect_json(run.report.at("energy"), R"({
        "power_watts": 350, "chip_count": 8, "total_time_ms": 0.29, "total_energy_j": 0.812,
        "prefill": {"steps": 2, "time_ms": 0.15, "tokens": 12, "energy_j": 0.42, "energy_per_token_j": 0.035},
        "decode": {"steps": 2, "time_ms": 0.14, "tokens": 3, "energy_j": 0.392,
                   "energy_per_token_j": 0.13066666666666667}})");
}

TEST(EnergyOnE1, ChipCountFallsBackToTpTimesPpTimesDp)
{
    // Without chip_count the host fills tp 4 × pp 2 × dp 1 = 8 (SPEC 1.6);
    // at 100 W per chip the whole run is 0.29e-3 s × 800 W = 0.232 J.
    const EnergyRun run = run_edited(e1, {{R"("chip_count":8,)", ""}, {R"("hardware":{)", R"("hardware":{"power_watts":100,)"}});
    ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
    EXPECT_EQ(run.report.at("energy").at("chip_count"), 8);
    EXPECT_NEAR(run.report.at("energy").at("total_energy_j").as_double(), 0.232, 1e-12);
}

TEST(EnergyOnExample, DecodeOnlyRunHasNoPrefillAndOneTokenPerSequence)
{
    // The bundled example decodes a batch of 64 on 8 chips; every step is
    // decode (deployment.is_prefill is false). Its steps add up to
    // aggregates.total_time, 36.50626327741166 ms: at 600 W per chip that is
    // 36.50626327741166e-3 × 4800 = 175.23006373157597 J, / 64 tokens.
    const EnergyRun run = run_edited(example, {{R"("hardware": {
  "chip_type")", R"("hardware": {"power_watts": 600, "chip_type")"}});
    ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
    const auto& energy = run.report.at("energy");
    EXPECT_TRUE(energy.at("prefill").is_null());
    expect_json(energy.at("decode"), R"({"steps": 1084, "time_ms": 36.50626327741166, "tokens": 64,
        "energy_j": 175.23006373157597, "energy_per_token_j": 2.7379697458058745})");
    EXPECT_EQ(energy.at("total_energy_j"), energy.at("decode").at("energy_j"));
}

TEST(EnergyOnE1, WithoutPowerTheAnalyzerIsSkippedNamingTheKey)
{
    const EnergyRun run = run_energy(e1);
    ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
    EXPECT_FALSE(run.report.contains("energy"));
    const auto& diagnostic = run.report.at("diagnostics").as_array().back().as_object();
    EXPECT_EQ(diagnostic.at("code"), "W_SKIPPED");
    EXPECT_NE(std::string(diagnostic.at("message").as_string()).find("/hardware/power_watts"), std::string::npos)
        << diagnostic;
}

TEST(EnergyOnE1, ZeroPowerFailsTheAnalyzerWithTheValue)
{
    const EnergyRun run = run_edited(e1, {{R"("hardware":{)", R"("hardware":{"power_watts":0,)"}});
    EXPECT_EQ(run.result.exit_code, 1) << run.result.err;
    EXPECT_FALSE(run.report.contains("energy"));
    EXPECT_NE(run.result.err.find("context value /hardware/power_watts must be > 0 W, got 0"), std::string::npos)
        << run.result.err;
}

}  // namespace
}  // namespace perfreport
