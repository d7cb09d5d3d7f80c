// The host's merge of cost tables: precedence (--cost-table file > the
// input's context.cost > price sources; the presets lie below, in the
// plugin), origins, conflicts between price sources, and invalid sources.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cost_test_input.hpp"
#include "pipeline/cost_context.hpp"

namespace perfreport {
namespace {
namespace json = boost::json;
using namespace test;

CostTableLayer layer(const std::string& table_json, const std::string& origin,
                     CostTableAuthor author = CostTableAuthor::user)
{
    CostTableReading reading = read_cost_table(parse_json(table_json), origin, author);
    EXPECT_TRUE(reading.problems.empty());
    return std::move(reading.layer);
}

CostSources sources(const std::string& price_sources_json, const std::string& table_json)
{
    return {layer(price_sources_json, "price source p", CostTableAuthor::price_source),
            layer(table_json, "table t.json")};
}

TEST(CostContext, TableBeatsInputBeatsPriceSources)
{
    json::object context = parse_json(R"({"cost": {"chip_prices": {"A": 2, "B": 2}, "depreciation_years": 4}})").as_object();
    const Diagnostics errors = merge_cost_context(
        context, sources(R"({"chip_prices": {"A": 1, "B": 1, "C": 1}})", R"({"chip_prices": {"A": 3}})"));
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(context.at("cost"),
              parse_json(R"({"chip_prices": {"A": 3, "B": 2, "C": 1}, "depreciation_years": 4})"));
    EXPECT_EQ(context.at("cost_origins"), parse_json(R"({
        "chip_prices.A": "table t.json", "chip_prices.B": "input context.cost",
        "chip_prices.C": "price source p", "depreciation_years": "input context.cost"})"));
}

TEST(CostContext, GroupsMergeMemberByMemberAndTiersAsAWhole)
{
    json::object context =
        parse_json(R"({"cost": {"rdma": {"chips_per_card": 2}, "interconnect": {"tiers": [[8, 1], [null, 2]]}}})")
            .as_object();
    merge_cost_context(context, sources(R"({"interconnect": {"tiers": [[4, 0], [8, 5], [null, 9]]}})",
                                        R"({"rdma": {"card_price_usd": 100}})"));
    EXPECT_EQ(context.at("cost"), parse_json(R"({
        "interconnect": {"tiers": [[8, 1], [null, 2]]},
        "rdma": {"chips_per_card": 2, "card_price_usd": 100}})"));
    EXPECT_EQ(context.at("cost_origins").at("interconnect.tiers"), "input context.cost");
    EXPECT_EQ(context.at("cost_origins").at("rdma.card_price_usd"), "table t.json");
}

TEST(CostContext, AChipPricedInAnotherCaseReplacesTheLowerSourcesPrice)
{
    json::object context = parse_json(R"({"cost": {"chip_prices": {"sg2262": 2500}}})").as_object();
    merge_cost_context(context, sources(R"({"chip_prices": {"SG2262": 2000}})", "{}"));
    EXPECT_EQ(context.at("cost"), parse_json(R"({"chip_prices": {"sg2262": 2500}})"));
    EXPECT_EQ(context.at("cost_origins"), parse_json(R"({"chip_prices.sg2262": "input context.cost"})"));
}

TEST(CostContext, NothingToMergeLeavesNoCostKey)
{
    json::object context = parse_json(R"({"hardware": {"chip_type": "SG2262"}})").as_object();
    EXPECT_TRUE(merge_cost_context(context, CostSources{}).empty());
    EXPECT_FALSE(context.contains("cost"));
    EXPECT_FALSE(context.contains("cost_origins"));
}

TEST(CostContext, InvalidInputTableIsAnInputErrorAndChangesNothing)
{
    const json::object original =
        parse_json(R"({"cost": {"rdma": {"card_price_usd": -5}, "chip_prices": {"A": "x"}}})").as_object();
    json::object context = original;
    const Diagnostics errors = merge_cost_context(context, sources(R"({"chip_prices": {"B": 1}})", "{}"));
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].level, Severity::error);
    EXPECT_EQ(errors[0].code, "E_COST_TABLE");
    EXPECT_EQ(errors[0].source, "input");
    EXPECT_EQ(errors[0].where, "/context/cost/rdma/card_price_usd");
    EXPECT_EQ(errors[0].message, "must be >= 0 (a price cannot be negative), got -5");
    EXPECT_EQ(errors[1].where, "/context/cost/chip_prices/A");
    EXPECT_EQ(context, original);
    EXPECT_EQ(check_input_cost_table(original).size(), 2u);
}

TEST(CostContext, InputTableThatIsNotAnObjectIsAnInputError)
{
    const Diagnostics errors = check_input_cost_table(parse_json(R"({"cost": [1]})").as_object());
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].where, "/context/cost");
    EXPECT_EQ(errors[0].message, "a cost table must be a JSON object, got [1]");
}

TEST(PriceSources, FirstSourceWinsAConflictWithAWarning)
{
    Diagnostics warnings;
    const CostTableLayer merged = merge_price_sources(
        {{"first", parse_json(R"({"source": "list A", "as_of": "2025-01", "chip_prices": {"X": 100, "Y": 5}})")},
         {"second", parse_json(R"({"chip_prices": {"x": 120, "Y": 5.0, "Z": 7}})")}},
        warnings);
    EXPECT_EQ(merged.table, parse_json(R"({"chip_prices": {"X": 100, "Y": 5, "Z": 7}})"));
    EXPECT_EQ(merged.origins.at("chip_prices.Z"), "price source second");
    ASSERT_EQ(warnings.size(), 1u);  // Y: the same price twice is no conflict
    EXPECT_EQ(warnings[0].level, Severity::warning);
    EXPECT_EQ(warnings[0].code, "W_PRICE_CONFLICT");
    EXPECT_EQ(warnings[0].message,
              "chip_prices.X: price source first (list A, 2025-01) gives 100, price source second gives 120; the "
              "first, earlier on the plugin search path, is used");
}

TEST(PriceSources, InvalidTableIsLeftOutWholeWithAWarning)
{
    Diagnostics warnings;
    const CostTableLayer merged = merge_price_sources(
        {{"broken", parse_json(R"({"preset": "tier6", "chip_prices": {"A": -1, "B": 2}})")},
         {"good", parse_json(R"({"chip_prices": {"C": 3}})")}},
        warnings);
    EXPECT_EQ(merged.table, parse_json(R"({"chip_prices": {"C": 3}})"));
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].code, "W_PRICE_SOURCE");
    EXPECT_EQ(warnings[0].source, "broken");
    EXPECT_EQ(warnings[0].message,
              "price source broken ignored: /preset: a price source supplies prices, not the preset (the user "
              "chooses it); /chip_prices/A: must be >= 0 (a price cannot be negative), got -1");
}

TEST(PriceSources, TheExamplePluginAnswersWithItsTable)
{
    CatalogOptions options;
    options.search.plugin_dirs = {CHIP_PRICES_PLUGIN_DIR};
    options.search.use_environment = false;
    options.search.use_install_dir = false;
    const PluginCatalog catalog = load_plugin_catalog(options);
    ASSERT_FALSE(has_errors(catalog.diagnostics));
    HostLog log(PR_LEVEL_ERROR);
    Diagnostics warnings;
    const auto tables = ask_price_sources(catalog.price_sources, log, warnings);
    EXPECT_TRUE(warnings.empty());
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].id, "chip-prices");
    const CostTableLayer merged = merge_price_sources(tables, warnings);
    EXPECT_TRUE(warnings.empty());
    EXPECT_EQ(merged.table.at("chip_prices"), parse_json(R"({"Gaudi3": 15625, "H100-SXM": 25000, "MI300X": 15000})"));
    EXPECT_EQ(merged.origins.at("chip_prices.Gaudi3"),
              "price source chip-prices (Intel, Computex 2024: 8 Gaudi 3 accelerators on a baseboard list at 125000 "
              "USD, 2024-06)");
}

TEST(ReportingEngine, InvalidContextCostStopsTheAnalysis)
{
    json::object document = c1_document();
    context_of(document)["cost"] = {{"depreciation_years", 0}};
    const ReportingReport report = run_analyzers(parse_input(json::serialize(document)), {"cost", "roofline"});
    EXPECT_TRUE(report.sections.empty());
    EXPECT_TRUE(report.analyzers.empty());
    ASSERT_FALSE(report.diagnostics.empty());
    const Diagnostic& error = report.diagnostics.back();
    EXPECT_EQ(error.code, "E_COST_TABLE");
    EXPECT_EQ(error.where, "/context/cost/depreciation_years");
    EXPECT_EQ(error.message, "must be a number > 0, got 0");
}

}  // namespace
}  // namespace perfreport
