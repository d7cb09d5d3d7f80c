// Cost tables and price sources as a user meets them: the real executable,
// real plugins (the example chip-prices and the test price sources), real
// files; exit codes, messages and the report's cost section.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "command_runner.hpp"
#include "cost_test_input.hpp"

namespace perfreport {
namespace {
namespace fs = std::filesystem;
namespace json = boost::json;
using namespace test;

struct CostRun {
    CommandResult result;
    json::object report;  // empty when none was written
};

// Runs `perfreport run` on `document` with the cost analyzer alone and `extra` arguments.
CostRun run_document(const TempDir& dir, const json::object& document, const std::vector<std::string>& extra)
{
    const fs::path input = dir / "input.json";
    write_text(input, json::serialize(document));
    std::vector<std::string> args{"run", input.string(), "-q", "--analyzers", "cost", "-o", (dir / "out").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    CostRun run{run_perfreport(args), {}};
    const fs::path report = dir / "out" / "reporting_report.json";
    if (fs::exists(report)) run.report = read_json(report).as_object();
    return run;
}

const json::object& cost_of(const CostRun& run)
{
    return run.report.at("cost").as_object();
}

std::vector<std::string> diagnostic_codes(const CostRun& run)
{
    std::vector<std::string> codes;
    for (const auto& d : run.report.at("diagnostics").as_array()) codes.emplace_back(d.at("code").as_string());
    return codes;
}

const json::object* diagnostic(const CostRun& run, const std::string& code)
{
    for (const auto& d : run.report.at("diagnostics").as_array()) {
        if (d.at("code").as_string() == code) return &d.as_object();
    }
    return nullptr;
}

json::object c1_on(const std::string& chip)
{
    json::object document = c1_document();
    hardware_of(document)["chip_type"] = chip;
    return document;
}

TEST(CostCommand, ExamplePricePluginPricesAChipThePresetsDoNotKnow)
{
    // E1 (its own tps) on Gaudi3, seed preset: (15625+750)·8 + 12000 + 7500 = 150500
    // for the server, 1024 lanes at 55 = 56320: 206820 in all.
    const TempDir dir;
    json::object document = e1_document();
    hardware_of(document)["chip_type"] = "Gaudi3";
    const CostRun run = run_document(dir, document, {"--plugin-dir", CHIP_PRICES_PLUGIN_DIR});
    ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
    const json::object& cost = cost_of(run);
    EXPECT_EQ(cost.at("chip_price").to_number<double>(), 15625);
    EXPECT_NEAR(cost.at("total_cost").to_number<double>(), 206820, 1e-9 * 206820);
    EXPECT_NEAR(cost.at("dfop").to_number<double>(), 206820 / 7142.857142857143, 1e-9 * 30);
    EXPECT_EQ(cost.at("origins").at("chip_prices.Gaudi3"),
              "price source chip-prices (Intel, Computex 2024: 8 Gaudi 3 accelerators on a baseboard list at 125000 "
              "USD, 2024-06)");
    EXPECT_EQ(cost.at("origins").at("modules_per_server"), "preset seed");
}

TEST(CostCommand, WithoutThePricePluginTheChipIsUnknown)
{
    const TempDir dir;
    const CostRun run = run_document(dir, c1_on("Gaudi3"), {});
    EXPECT_EQ(run.result.exit_code, 1);
    EXPECT_NE(run.result.err.find("error E_ANALYZER: cost failed: chip type \"Gaudi3\" has no price; known chips: "
                                  "SG2262 (price it in chip_prices of a --cost-table file, the input's context.cost "
                                  "or a price source)"),
              std::string::npos)
        << run.result.err;
    EXPECT_FALSE(run.report.contains("cost"));
}

TEST(CostCommand, PriceSourceBeatsThePreset)
{
    const TempDir dir;
    const CostRun run = run_document(dir, c1_document(), {"--plugin-dir", TEST_PRICES_PLUGIN_DIR});
    ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
    EXPECT_EQ(cost_of(run).at("chip_price").to_number<double>(), 2000);
    EXPECT_EQ(cost_of(run).at("origins").at("chip_prices.SG2262"), "price source test-prices (test fixture, 2025-01)");
    // (2000+750)·8 + 19500 + 56320
    EXPECT_NEAR(cost_of(run).at("total_cost").to_number<double>(), 97820, 1e-9 * 97820);
}

TEST(CostCommand, InputContextCostBeatsPriceSources)
{
    const TempDir dir;
    json::object document = c1_document();
    context_of(document)["cost"] = {{"chip_prices", {{"SG2262", 2500}}}};
    const CostRun run = run_document(dir, document, {"--plugin-dir", TEST_PRICES_PLUGIN_DIR});
    ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
    EXPECT_EQ(cost_of(run).at("chip_price").to_number<double>(), 2500);
    EXPECT_EQ(cost_of(run).at("origins").at("chip_prices.SG2262"), "input context.cost");
}

TEST(CostCommand, CostTableBeatsTheInputAndPriceSources)
{
    const TempDir dir;
    const fs::path table = dir / "prices.json";
    write_text(table, R"({"source": "quote", "as_of": "2025-07", "preset": "tier6", "chip_prices": {"SG2262": 3000}})");
    json::object document = c1_document();
    context_of(document)["cost"] = {{"preset", "seed"}, {"chip_prices", {{"SG2262", 2500}}}};
    const CostRun run = run_document(dir, document, {"--plugin-dir", TEST_PRICES_PLUGIN_DIR, "--cost-table", table.string()});
    ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
    const json::object& cost = cost_of(run);
    const std::string origin = "table " + table.string() + " (quote, 2025-07)";
    EXPECT_EQ(cost.at("preset"), "tier6");
    EXPECT_EQ(cost.at("origins").at("preset").as_string(), origin);
    EXPECT_EQ(cost.at("chip_price").to_number<double>(), 3000);
    EXPECT_EQ(cost.at("origins").at("chip_prices.SG2262").as_string(), origin);
    EXPECT_EQ(cost.at("origins").at("rdma.card_price_usd"), "preset tier6");
    // tier6 at 3000 USD: 3750·8 + 15000 + 12000 + 1571.4285714285716
    EXPECT_NEAR(cost.at("total_cost").to_number<double>(), 58571.42857142857, 1e-9 * 58571.42857142857);
}

TEST(CostCommand, TwoPriceSourcesPricingOneChipWarnAndTheFirstWins)
{
    // The example (first on the search path) gives Gaudi3 15625, test-prices 16000.
    const TempDir dir;
    const CostRun run = run_document(dir, c1_on("Gaudi3"),
                                 {"--plugin-dir", CHIP_PRICES_PLUGIN_DIR, "--plugin-dir", TEST_PRICES_PLUGIN_DIR});
    ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
    EXPECT_EQ(cost_of(run).at("chip_price").to_number<double>(), 15625);
    const json::object* conflict = diagnostic(run, "W_PRICE_CONFLICT");
    ASSERT_NE(conflict, nullptr);
    EXPECT_EQ(conflict->at("level"), "warning");
    EXPECT_EQ(conflict->at("message"),
              "chip_prices.Gaudi3: price source chip-prices (Intel, Computex 2024: 8 Gaudi 3 accelerators on a "
              "baseboard list at 125000 USD, 2024-06) gives 15625, price source test-prices (test fixture, 2025-01) "
              "gives 16000; the first, earlier on the plugin search path, is used");
    EXPECT_NE(run.result.err.find("warning W_PRICE_CONFLICT: chip_prices.Gaudi3: "), std::string::npos);
}

TEST(CostCommand, InvalidOrFailingPriceSourcesAreIgnoredWithWarnings)
{
    const TempDir dir;
    const CostRun run = run_document(dir, c1_document(), {"--plugin-dir", TEST_PRICES_PLUGIN_DIR});
    ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
    std::vector<std::string> messages;
    for (const auto& d : run.report.at("diagnostics").as_array()) {
        if (d.at("code").as_string() == "W_PRICE_SOURCE") messages.emplace_back(d.at("message").as_string());
    }
    EXPECT_EQ(messages, (std::vector<std::string>{
                            "price source failing-prices ignored: the price list server is unreachable",
                            "price source broken-prices ignored: /preset: a price source supplies prices, not the "
                            "preset (the user chooses it); /chip_prices/SG2262: must be >= 0 (a price cannot be "
                            "negative), got -1",
                        }));
    // test-prices still counts; broken-prices' preset does not.
    EXPECT_EQ(cost_of(run).at("preset"), "seed");
    EXPECT_EQ(cost_of(run).at("chip_price").to_number<double>(), 2000);
}

TEST(CostCommand, BadCostTableStopsTheRunBeforeAnalysis)
{
    const TempDir dir;
    const fs::path table = dir / "bad.json";
    write_text(table, R"({"chip_price": {"X": 1}, "interconnect": {"tiers": [[8, 55], [4, -1], [null, 247]]}})");
    const CostRun run = run_document(dir, c1_document(), {"--cost-table", table.string()});
    EXPECT_EQ(run.result.exit_code, 2);
    const std::string label = "error: cost table " + table.string() + ": ";
    EXPECT_EQ(run.result.err,
              label + "/chip_price: unknown key 'chip_price' (did you mean 'chip_prices'?)\n" + label +
                  "/interconnect/tiers/1/0: max_chips 4 must be above the previous tier's 8: tiers ascend\n" + label +
                  "/interconnect/tiers/1/1: must be >= 0 (a price cannot be negative), got -1\n");
    EXPECT_FALSE(fs::exists(dir / "out"));
}

TEST(CostCommand, MissingCostTableFileStopsTheRun)
{
    const TempDir dir;
    const CostRun run = run_document(dir, c1_document(), {"--cost-table", (dir / "none.json").string()});
    EXPECT_EQ(run.result.exit_code, 2);
    EXPECT_EQ(run.result.err,
              "error: cost table " + (dir / "none.json").string() + ": cannot be read: No such file or directory\n");
}

TEST(CostCommand, BadContextCostIsAnInputError)
{
    const TempDir dir;
    json::object document = c1_document();
    context_of(document)["cost"] = {{"rdma", {{"card_price_usd", -5}}}};
    const CostRun run = run_document(dir, document, {});
    EXPECT_EQ(run.result.exit_code, 2);
    EXPECT_NE(run.result.err.find("error E_COST_TABLE at /context/cost/rdma/card_price_usd: must be >= 0 (a price "
                                  "cannot be negative), got -5\n"),
              std::string::npos)
        << run.result.err;
    EXPECT_FALSE(fs::exists(dir / "out"));
}

TEST(CostCommand, ExampleCostTablePricesANewChip)
{
    // tier6 with RDMA cards at 6800, 50 USD per unit up to 8 chips, 4 years:
    // 4950·8 = 39600 + 2·6800 + 12000 + 28.571428571428573·50 = 66628.57142857143.
    const TempDir dir;
    const fs::path table = fs::path(EXAMPLES_DIR) / "cost-tables" / "my-cost-table.json";
    const CostRun run = run_document(dir, c1_on("MyChip-X1"), {"--cost-table", table.string()});
    ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
    const json::object& cost = cost_of(run);
    EXPECT_EQ(cost.at("chip_price").to_number<double>(), 4200);
    EXPECT_NEAR(cost.at("total_cost").to_number<double>(), 66628.57142857143, 1e-9 * 66628.57142857143);
    EXPECT_NEAR(cost.at("cost_per_million_tokens").to_number<double>(),
                66628.57142857143 / (4 * 365 * 24 * 3600.0 * 1000) * 1e6, 1e-9);
    EXPECT_EQ(cost.at("origins").at("chip_prices.MyChip-X1").as_string(),
              "table " + table.string() + " (vendor quote Q-0001, 2025-05)");
    EXPECT_EQ(diagnostic_codes(run), std::vector<std::string>{});
}

TEST(CostCommand, HelpNamesTheCostTableFlag)
{
    const CommandResult result = run_perfreport({"run", "--help"});
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_NE(result.out.find("--cost-table"), std::string::npos);
}

}  // namespace
}  // namespace perfreport
