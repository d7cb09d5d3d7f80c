// The cost analyzer on SPEC 5.7's worked example C1 and its boundaries, run
// through the host library. Expected values are SPEC's, or hand computations
// written out beside them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "cost_test_input.hpp"

namespace perfreport {
namespace {
namespace json = boost::json;
using namespace test;

double number(const json::object& summary, const char* key)
{
    return summary.at(key).to_number<double>();
}

void expect_close(const json::object& summary, const char* key, double expected)
{
    const double scale = std::max(1.0, std::fabs(expected));
    EXPECT_NEAR(number(summary, key), expected, 1e-9 * scale) << key;
}

json::object cost_summary(const json::object& document, const std::vector<std::string>& options = {})
{
    return section_of(run_cost(document, options), "cost").summary;
}

json::object c1_with_chips(std::int64_t chips)
{
    json::object document = c1_document();
    hardware_of(document)["chip_count"] = chips;
    return document;
}

const Diagnostic* find_diagnostic(const ReportingReport& report, const std::string& code)
{
    for (const auto& d : report.diagnostics) {
        if (d.code == code) return &d;
    }
    return nullptr;
}

TEST(CostAnalyzer, SeedPresetMatchesWorkedExampleC1)
{
    const json::object summary = cost_summary(c1_document());
    EXPECT_EQ(summary.at("preset"), "seed");
    EXPECT_EQ(summary.at("chip_type"), "SG2262");
    EXPECT_EQ(summary.at("chip_count").as_int64(), 8);
    expect_close(summary, "chip_price", 2371.275);
    EXPECT_EQ(summary.at("num_servers").as_int64(), 1);
    expect_close(summary, "server_cost", 44470.2);  // (2371.275+750)·8 + 12000 + 7500
    expect_close(summary, "rdma_cost", 0);
    expect_close(summary, "per_chip_cost", 0);
    expect_close(summary, "interconnect_units", 1024);  // 8·8·1·16 lanes
    expect_close(summary, "interconnect_unit_price", 55);
    expect_close(summary, "interconnect_cost", 56320);
    expect_close(summary, "total_cost", 100790.2);
    expect_close(summary, "cost_per_chip", 12598.775);
    expect_close(summary, "dfop", 100.7902);
    expect_close(summary, "cost_per_million_tokens", 1.0653454253340098);
    expect_close(summary, "tps", 1000);
    expect_close(summary, "depreciation_years", 3);
}

TEST(CostAnalyzer, Tier6PresetMatchesWorkedExampleC1)
{
    const json::object summary = cost_summary(c1_document(), {"cost.preset=tier6"});
    EXPECT_EQ(summary.at("preset"), "tier6");
    EXPECT_EQ(summary.at("num_servers").as_int64(), 1);
    expect_close(summary, "server_cost", 24970.2);       // 3121.275·8
    expect_close(summary, "rdma_cost", 15000);           // max(1, 2)·7500
    expect_close(summary, "per_chip_cost", 12000);       // 1500·8
    expect_close(summary, "interconnect_units", 28.571428571428573);  // 8·400/112
    expect_close(summary, "interconnect_unit_price", 55);
    expect_close(summary, "interconnect_cost", 1571.4285714285716);
    expect_close(summary, "total_cost", 53541.62857142857);
    expect_close(summary, "cost_per_chip", 6692.703571428571);
    expect_close(summary, "dfop", 53.54162857142857);
    expect_close(summary, "cost_per_million_tokens", 0.5659313014906623);
}

TEST(CostAnalyzer, OptionPresetTier6SelectsTheTier6CostPreset)
{
    const json::object summary = cost_summary(c1_document(), {"preset=tier6"});
    EXPECT_EQ(summary.at("preset"), "tier6");
    EXPECT_EQ(summary.at("origins").at("preset"), "option cost.preset");
    expect_close(summary, "total_cost", 53541.62857142857);
}

TEST(CostAnalyzer, ContextCostPresetWinsOverTheOptionPreset)
{
    json::object document = c1_document();
    context_of(document)["cost"] = {{"preset", "seed"}};
    const json::object summary = cost_summary(document, {"preset=tier6"});
    EXPECT_EQ(summary.at("preset"), "seed");
    EXPECT_EQ(summary.at("origins").at("preset"), "input context.cost");
    expect_close(summary, "total_cost", 100790.2);
}

struct Boundary {
    std::int64_t chips;
    double total_cost;
};

TEST(CostAnalyzer, SeedTierAndServerBoundaries)
{
    const Boundary boundaries[] = {{1, 44598.2}, {3, 65590.2}, {9, 169580.4}, {64, 1215921.6}, {65, 2455271.8}};
    for (const auto& [chips, total] : boundaries) {
        SCOPED_TRACE("N = " + std::to_string(chips));
        expect_close(cost_summary(c1_with_chips(chips)), "total_cost", total);
    }
    // N = 1: 1·8·1·16 = 128 lanes at 1 USD.
    const json::object one = cost_summary(c1_with_chips(1));
    expect_close(one, "interconnect_units", 128);
    expect_close(one, "interconnect_unit_price", 1);
    EXPECT_EQ(one.at("num_servers").as_int64(), 1);
    expect_close(cost_summary(c1_with_chips(3)), "interconnect_unit_price", 55);
    const json::object nine = cost_summary(c1_with_chips(9));
    EXPECT_EQ(nine.at("num_servers").as_int64(), 2);
    expect_close(nine, "interconnect_unit_price", 70);
    const json::object sixty_four = cost_summary(c1_with_chips(64));
    EXPECT_EQ(sixty_four.at("num_servers").as_int64(), 8);
    expect_close(sixty_four, "interconnect_unit_price", 105);
    const json::object sixty_five = cost_summary(c1_with_chips(65));
    EXPECT_EQ(sixty_five.at("num_servers").as_int64(), 9);
    expect_close(sixty_five, "interconnect_unit_price", 247);
}

TEST(CostAnalyzer, Tier6TierAndServerBoundaries)
{
    const Boundary boundaries[] = {{1, 33970.2},   {3, 36970.2},           {9, 80690.4},
                                   {64, 439761.6}, {65, 499571.0857142857}, {129, 971789.8285714285}};
    for (const auto& [chips, total] : boundaries) {
        SCOPED_TRACE("N = " + std::to_string(chips));
        expect_close(cost_summary(c1_with_chips(chips), {"cost.preset=tier6"}), "total_cost", total);
    }
    // N = 1: the interconnect is free (free_max_chips 1) and one RDMA card is bought.
    const json::object one = cost_summary(c1_with_chips(1), {"cost.preset=tier6"});
    expect_close(one, "interconnect_cost", 0);
    expect_close(one, "rdma_cost", 7500);
    // N = 3: the tier up to 4 chips costs 0 per unit.
    const json::object three = cost_summary(c1_with_chips(3), {"cost.preset=tier6"});
    expect_close(three, "interconnect_unit_price", 0);
    expect_close(three, "interconnect_cost", 0);
    EXPECT_EQ(cost_summary(c1_with_chips(9), {"cost.preset=tier6"}).at("num_servers").as_int64(), 2);
    // N = 129: past the tier up to 128, the last tier (null = no limit) at 247.
    expect_close(cost_summary(c1_with_chips(129), {"cost.preset=tier6"}), "interconnect_unit_price", 247);
}

TEST(CostAnalyzer, ChipTypeMatchesCaseInsensitively)
{
    json::object document = c1_document();
    hardware_of(document)["chip_type"] = "sg2262";
    const json::object summary = cost_summary(document);
    EXPECT_EQ(summary.at("chip_type"), "sg2262");
    expect_close(summary, "chip_price", 2371.275);
    EXPECT_EQ(summary.at("origins").at("chip_prices.SG2262"), "preset seed");
    expect_close(summary, "total_cost", 100790.2);
}

TEST(CostAnalyzer, UnknownChipTypeFailsListingTheKnownChips)
{
    json::object document = c1_document();
    hardware_of(document)["chip_type"] = "XYZ";
    const ReportingReport report = run_cost(document);
    EXPECT_TRUE(report.sections.empty());
    const Diagnostic* failure = find_diagnostic(report, "E_ANALYZER");
    ASSERT_NE(failure, nullptr);
    EXPECT_EQ(failure->message,
              "cost failed: chip type \"XYZ\" has no price; known chips: SG2262 (price it in chip_prices of a "
              "--cost-table file, the input's context.cost or a price source)");
}

TEST(CostAnalyzer, ZeroTpsGivesZeroPerTokenFiguresAndAWarning)
{
    json::object document = c1_document();
    document["aggregates"].as_object()["tps"] = 0;
    const ReportingReport report = run_cost(document);
    const json::object& summary = section_of(report, "cost").summary;
    expect_close(summary, "cost_per_million_tokens", 0);
    expect_close(summary, "dfop", 0);
    expect_close(summary, "total_cost", 100790.2);
    const Diagnostic* warning = find_diagnostic(report, "W_TPS_ZERO");
    ASSERT_NE(warning, nullptr);
    EXPECT_EQ(warning->level, Severity::warning);
    EXPECT_EQ(warning->where, "/aggregates/tps");
    EXPECT_EQ(warning->message, "tps is 0: cost_per_million_tokens and dfop are 0");
}

TEST(CostAnalyzer, PositiveTpsGivesNoTpsWarning)
{
    EXPECT_EQ(find_diagnostic(run_cost(c1_document()), "W_TPS_ZERO"), nullptr);
}

TEST(CostAnalyzer, ModelSizeOfADenseModel)
{
    // E1's model: V·h = 80, 4h²L = 4·64·2 = 512, 3·h·i·L = 3·8·16·2 = 768 → 1360 params, 2 B each.
    expect_close(cost_summary(c1_document()), "model_size_gb", 1360 * 2 / 1e9);
}

TEST(CostAnalyzer, ModelSizeOfAnMoeModel)
{
    json::object document = c1_document();
    json::object& model = context_of(document)["model"].as_object();
    model["num_dense_layers"] = 1;
    model["num_moe_layers"] = 1;
    model["moe"] = {{"num_routed_experts", 4}, {"intermediate_size", 6}};
    // 80 + 512 + 3·8·16·1 = 384 + 4·3·8·6·1 = 576 → 1552 params.
    expect_close(cost_summary(document), "model_size_gb", 1552 * 2 / 1e9);
}

TEST(CostAnalyzer, ModelSizeIsNullWithoutTheVocabulary)
{
    json::object document = c1_document();
    context_of(document)["model"].as_object().erase("vocab_size");
    EXPECT_TRUE(cost_summary(document).at("model_size_gb").is_null());
}

TEST(CostAnalyzer, SummaryHasEveryFieldOfSpecInOrder)
{
    const json::object summary = cost_summary(c1_document());
    const char* fields[] = {"preset", "chip_type", "chip_count", "chip_price", "num_servers", "server_cost",
                            "rdma_cost", "per_chip_cost", "interconnect_units", "interconnect_unit_price",
                            "interconnect_cost", "total_cost", "cost_per_chip", "cost_per_million_tokens", "dfop",
                            "tps", "depreciation_years", "model_size_gb", "origins"};
    ASSERT_EQ(summary.size(), std::size(fields));
    std::size_t i = 0;
    for (const auto& item : summary) EXPECT_EQ(item.key(), fields[i++]);
}

TEST(CostAnalyzer, OriginsNameThePresetForEveryValueUsed)
{
    const json::object origins = cost_summary(c1_document()).at("origins").as_object();
    const json::object expected{
        {"preset", "default"},
        {"chip_prices.SG2262", "preset seed"},
        {"modules_per_server", "preset seed"},
        {"chips_per_module", "preset seed"},
        {"depreciation_years", "preset seed"},
        {"module_overhead_usd", "preset seed"},
        {"server_base_usd", "preset seed"},
        {"server_nic_usd", "preset seed"},
        {"server_count", "preset seed"},
        {"rdma.card_price_usd", "preset seed"},
        {"rdma.chips_per_card", "preset seed"},
        {"rdma.min_cards", "preset seed"},
        {"per_chip_additional_usd", "preset seed"},
        {"interconnect.unit", "preset seed"},
        {"interconnect.lanes_per_chip", "preset seed"},
        {"interconnect.free_max_chips", "preset seed"},
        {"interconnect.tiers", "preset seed"},
    };
    EXPECT_EQ(origins, expected);
}

TEST(CostAnalyzer, ContextCostOverridesOneValueAndNamesItsOrigin)
{
    json::object document = c1_document();
    context_of(document)["cost"] = {{"rdma", {{"card_price_usd", 1000}}}, {"server_count", "single"}};
    const json::object summary = cost_summary(document, {"cost.preset=tier6"});
    // tier6 with one server and RDMA at 1000 per card: 24970.2 + 2·1000 + 12000 + 1571.4285714285716.
    expect_close(summary, "rdma_cost", 2000);
    expect_close(summary, "total_cost", 40541.62857142857);
    const json::object& origins = summary.at("origins").as_object();
    EXPECT_EQ(origins.at("rdma.card_price_usd"), "input context.cost");
    EXPECT_EQ(origins.at("server_count"), "input context.cost");
    EXPECT_EQ(origins.at("rdma.chips_per_card"), "preset tier6");
}

TEST(CostAnalyzer, SingleServerCountPricesOneServerWhateverTheChips)
{
    json::object document = c1_with_chips(9);
    context_of(document)["cost"] = {{"server_count", "single"}};
    // The seed read literally: 44470.2 for one server, 9·8·1·16 = 1152 lanes at 70.
    const json::object summary = cost_summary(document);
    EXPECT_EQ(summary.at("num_servers").as_int64(), 1);
    expect_close(summary, "total_cost", 44470.2 + 1152 * 70);
}

TEST(CostAnalyzer, IsSkippedWithoutAChipType)
{
    json::object document = c1_document();
    hardware_of(document).erase("chip_type");
    const ReportingReport report = run_cost(document);
    EXPECT_TRUE(report.sections.empty());
    const Diagnostic* skipped = find_diagnostic(report, "W_SKIPPED");
    ASSERT_NE(skipped, nullptr);
    EXPECT_EQ(skipped->where, "/context/hardware/chip_type");
}

TEST(CostAnalyzer, BandwidthUnitWithoutAC2cLinkFails)
{
    json::object document = c1_document();
    context_of(document).erase("topology");
    const ReportingReport report = run_cost(document, {"cost.preset=tier6"});
    const Diagnostic* failure = find_diagnostic(report, "E_ANALYZER");
    ASSERT_NE(failure, nullptr);
    EXPECT_EQ(failure->message,
              "cost failed: interconnect.unit \"bandwidth\" prices the c2c link bandwidth, but the context has no "
              "/topology/interconnect/links/c2c/bandwidth_gbps");
}

TEST(CostAnalyzer, TiersThatEndBeforeTheChipCountFail)
{
    json::object document = c1_document();
    context_of(document)["cost"] = {{"interconnect", {{"tiers", json::array{json::array{2, 1}, json::array{4, 2}}}}}};
    const ReportingReport report = run_cost(document);
    const Diagnostic* failure = find_diagnostic(report, "E_ANALYZER");
    ASSERT_NE(failure, nullptr);
    EXPECT_EQ(failure->message,
              "cost failed: no interconnect tier covers 8 chips: the last tier ends at 4 (end the tiers with "
              "[null, price] for no limit)");
}

}  // namespace
}  // namespace perfreport
