// The host's reading of a cost table (SPEC 2.2 keys): every problem it
// reports, with its exact message, and what a valid table becomes.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cost_test_input.hpp"
#include "pipeline/cost_context.hpp"
#include "pipeline/cost_table.hpp"
#include "temp_dir.hpp"

namespace perfreport {
namespace {
namespace json = boost::json;
using namespace test;

// "pointer: message" lines of a table read as a user's.
std::vector<std::string> problems_of(const std::string& table_json,
                                     CostTableAuthor author = CostTableAuthor::user)
{
    std::vector<std::string> lines;
    for (const auto& p : read_cost_table(parse_json(table_json), "table t.json", author).problems) {
        lines.push_back(p.pointer + ": " + p.message);
    }
    return lines;
}

using Lines = std::vector<std::string>;

TEST(CostTable, ValidTableBecomesValuesWithOrigins)
{
    const CostTableReading reading = read_cost_table(parse_json(R"({
        "source": "quotes", "as_of": "2025-06", "preset": "tier6",
        "chip_prices": {"SG2262": 2300, "X1": {"usd": 4200, "source": "vendor quote Q-1"}},
        "depreciation_years": 4, "server_count": "single",
        "rdma": {"card_price_usd": 6800},
        "interconnect": {"unit": "lane", "lanes_per_chip": 8, "tiers": [[4, 0], [null, 50]]}})"),
                                                     "table t.json", CostTableAuthor::user);
    ASSERT_TRUE(reading.problems.empty());
    EXPECT_EQ(reading.layer.table, parse_json(R"({
        "preset": "tier6", "chip_prices": {"SG2262": 2300, "X1": 4200}, "depreciation_years": 4,
        "server_count": "single", "rdma": {"card_price_usd": 6800},
        "interconnect": {"unit": "lane", "lanes_per_chip": 8, "tiers": [[4, 0], [null, 50]]}})"));
    EXPECT_EQ(reading.layer.origins, parse_json(R"json({
        "preset": "table t.json (quotes, 2025-06)",
        "chip_prices.SG2262": "table t.json (quotes, 2025-06)",
        "chip_prices.X1": "table t.json (vendor quote Q-1, 2025-06)",
        "depreciation_years": "table t.json (quotes, 2025-06)",
        "server_count": "table t.json (quotes, 2025-06)",
        "rdma.card_price_usd": "table t.json (quotes, 2025-06)",
        "interconnect.unit": "table t.json (quotes, 2025-06)",
        "interconnect.lanes_per_chip": "table t.json (quotes, 2025-06)",
        "interconnect.tiers": "table t.json (quotes, 2025-06)"})json"));
}

TEST(CostTable, OriginWithoutSourceOrDateIsTheBareName)
{
    const CostTableReading reading =
        read_cost_table(parse_json(R"({"chip_prices": {"A": 1}})"), "table t.json", CostTableAuthor::user);
    EXPECT_EQ(reading.layer.origins.at("chip_prices.A"), "table t.json");
}

TEST(CostTable, RejectsATableThatIsNotAnObject)
{
    EXPECT_EQ(problems_of("[1, 2]"), Lines{": a cost table must be a JSON object, got [1,2]"});
}

TEST(CostTable, UnknownKeyNamesTheClosestKnownKey)
{
    EXPECT_EQ(problems_of(R"({"chip_price": {"A": 1}})"),
              Lines{"/chip_price: unknown key 'chip_price' (did you mean 'chip_prices'?)"});
    EXPECT_EQ(problems_of(R"({"rdma": {"card_price": 1}})"),
              Lines{"/rdma/card_price: unknown key 'card_price'; known keys: card_price_usd, chips_per_card, min_cards"});
    EXPECT_EQ(problems_of(R"({"interconnect": {"tier": [[null, 1]]}})"),
              Lines{"/interconnect/tier: unknown key 'tier' (did you mean 'tiers'?)"});
}

TEST(CostTable, UnknownKeyFarFromAnyListsTheKnownKeys)
{
    EXPECT_EQ(problems_of(R"({"colour": 1})"),
              Lines{"/colour: unknown key 'colour'; known keys: preset, chip_prices, modules_per_server, "
                    "chips_per_module, depreciation_years, module_overhead_usd, server_base_usd, server_nic_usd, "
                    "server_count, rdma, per_chip_additional_usd, interconnect, source, as_of"});
}

TEST(CostTable, WrongTypes)
{
    EXPECT_EQ(problems_of(R"({"modules_per_server": "8", "chips_per_module": 1.5, "depreciation_years": 0,
                              "source": 3, "rdma": 7, "interconnect": {"unit_gbps": -112, "free_max_chips": -1}})"),
              (Lines{
                  "/modules_per_server: must be an integer >= 1, got \"8\"",
                  "/chips_per_module: must be an integer >= 1, got 1.5",
                  "/depreciation_years: must be a number > 0, got 0",
                  "/source: must be a string, got 3",
                  "/rdma: must be an object with keys among card_price_usd, chips_per_card, min_cards, got 7",
                  "/interconnect/unit_gbps: must be a number > 0, got -112",
                  "/interconnect/free_max_chips: must be an integer >= 0, got -1",
              }));
}

TEST(CostTable, NegativePrices)
{
    EXPECT_EQ(problems_of(R"({"module_overhead_usd": -750, "chip_prices": {"A": -1.5, "B": {"usd": -2}},
                              "rdma": {"card_price_usd": -7500}, "per_chip_additional_usd": "1500"})"),
              (Lines{
                  "/module_overhead_usd: must be >= 0 (a price cannot be negative), got -750",
                  "/chip_prices/A: must be >= 0 (a price cannot be negative), got -1.5",
                  "/chip_prices/B/usd: must be >= 0 (a price cannot be negative), got -2",
                  "/rdma/card_price_usd: must be >= 0 (a price cannot be negative), got -7500",
                  "/per_chip_additional_usd: must be a number >= 0 (USD), got \"1500\"",
              }));
}

TEST(CostTable, ChoicesOutsideTheirValues)
{
    EXPECT_EQ(problems_of(R"({"preset": "tier7", "server_count": "double", "interconnect": {"unit": "lanes"}})"),
              (Lines{
                  "/preset: must be \"seed\" or \"tier6\", got \"tier7\"",
                  "/server_count: must be \"ceil\" or \"single\", got \"double\"",
                  "/interconnect/unit: must be \"lane\" or \"bandwidth\", got \"lanes\"",
              }));
}

TEST(CostTable, TiersMustAscend)
{
    EXPECT_EQ(problems_of(R"({"interconnect": {"tiers": [[16, 70], [8, 55], [8, 60], [null, 247]]}})"),
              (Lines{
                  "/interconnect/tiers/1/0: max_chips 8 must be above the previous tier's 16: tiers ascend",
                  "/interconnect/tiers/2/0: max_chips 8 must be above the previous tier's 8: tiers ascend",
              }));
}

TEST(CostTable, TiersArePairsOfMaxChipsOrNullAndAPrice)
{
    EXPECT_EQ(problems_of(R"({"interconnect": {"tiers": [[2], [0, 1], [4.5, 1], ["8", 1], [16, -70], [32, 70, 1]]}})"),
              (Lines{
                  "/interconnect/tiers/0: must be a [max_chips, usd_per_unit] pair, got [2]",
                  "/interconnect/tiers/1/0: max_chips must be an integer >= 1 or null (no limit), got 0",
                  "/interconnect/tiers/2/0: max_chips must be an integer >= 1 or null (no limit), got 4.5",
                  "/interconnect/tiers/3/0: max_chips must be an integer >= 1 or null (no limit), got \"8\"",
                  "/interconnect/tiers/4/1: must be >= 0 (a price cannot be negative), got -70",
                  "/interconnect/tiers/5: must be a [max_chips, usd_per_unit] pair, got [32,70,1]",
              }));
}

TEST(CostTable, NullMaxChipsOnlyInTheLastTier)
{
    EXPECT_EQ(problems_of(R"({"interconnect": {"tiers": [[null, 1], [8, 55]]}})"),
              Lines{"/interconnect/tiers/0/0: null (no limit) is allowed only in the last tier"});
}

TEST(CostTable, TiersMustBeANonEmptyArray)
{
    EXPECT_EQ(problems_of(R"({"interconnect": {"tiers": []}})"),
              Lines{"/interconnect/tiers: must be a non-empty array of [max_chips, usd_per_unit] pairs, got []"});
    EXPECT_EQ(problems_of(R"({"interconnect": {"tiers": {"8": 55}}})"),
              Lines{"/interconnect/tiers: must be a non-empty array of [max_chips, usd_per_unit] pairs, got {\"8\":55}"});
}

TEST(CostTable, ChipPriceEntries)
{
    EXPECT_EQ(problems_of(R"({"chip_prices": {"A": "2371", "B": {"source": "q"}, "C": {"usd": 1, "src": "q"}, "": 1}})"),
              (Lines{
                  "/chip_prices/A: must be a price in USD (a number >= 0) or an object {\"usd\": price, \"source\": "
                  "text, \"as_of\": text}, got \"2371\"",
                  "/chip_prices/B: has no \"usd\" (the price in USD)",
                  "/chip_prices/C/src: unknown key 'src'; known keys: usd, source, as_of",
                  "/chip_prices/: a chip type must not be empty",
              }));
    EXPECT_EQ(problems_of(R"({"chip_prices": [1]})"),
              Lines{"/chip_prices: must be an object mapping chip types to prices, got [1]"});
}

TEST(CostTable, PointersEscapeChipNames)
{
    EXPECT_EQ(problems_of(R"({"chip_prices": {"H100/SXM~5": -1}})"),
              Lines{"/chip_prices/H100~1SXM~05: must be >= 0 (a price cannot be negative), got -1"});
}

TEST(CostTable, PriceSourceMayNotChooseThePreset)
{
    EXPECT_EQ(problems_of(R"({"preset": "tier6", "chip_prices": {"A": 1}})", CostTableAuthor::price_source),
              Lines{"/preset: a price source supplies prices, not the preset (the user chooses it)"});
}

TEST(CostTableFile, ProblemsNameTheFileAndTheKey)
{
    const TempDir dir;
    const auto file = dir / "prices.json";
    write_text(file, R"({"rdma": {"card_price_usd": -1}, "interconnect": {"tiers": [[8, 55], [4, 0]]}})");
    try {
        load_cost_table_file(file);
        FAIL() << "no error";
    } catch (const CostTableError& e) {
        const std::string label = "cost table " + file.string() + ": ";
        EXPECT_EQ(e.problems(), (Lines{
                                    label + "/rdma/card_price_usd: must be >= 0 (a price cannot be negative), got -1",
                                    label + "/interconnect/tiers/1/0: max_chips 4 must be above the previous "
                                            "tier's 8: tiers ascend",
                                }));
    }
}

TEST(CostTableFile, UnreadableAndNonJsonFiles)
{
    const TempDir dir;
    const auto missing = dir / "missing.json";
    try {
        load_cost_table_file(missing);
        FAIL() << "no error";
    } catch (const CostTableError& e) {
        EXPECT_EQ(std::string(e.what()), "cost table " + missing.string() + ": cannot be read: No such file or directory");
    }
    const auto nan = dir / "nan.json";
    write_text(nan, R"({"depreciation_years": NaN})");
    try {
        load_cost_table_file(nan);
        FAIL() << "no error";
    } catch (const CostTableError& e) {
        EXPECT_EQ(std::string(e.what()), "cost table " + nan.string() +
                                             ": line 1, column 24: NaN is not JSON (Python's json.dump writes it "
                                             "unless allow_nan=False)");
    }
}

TEST(CostTableFile, ExampleTableIsValid)
{
    const CostTableLayer layer =
        load_cost_table_file(std::filesystem::path(EXAMPLES_DIR) / "cost-tables" / "my-cost-table.json");
    EXPECT_EQ(layer.table.at("preset"), "tier6");
    EXPECT_EQ(layer.table.at("chip_prices").at("MyChip-X1"), 4200);
}

}  // namespace
}  // namespace perfreport
