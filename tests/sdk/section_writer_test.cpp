// SectionWriter and TableBuilder: what reaches the sink, and in which chunks.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/json/value.hpp>
#include <gtest/gtest.h>

#include "fakes/recording_sink.hpp"
#include "perfreport/sdk/section_writer.hpp"

namespace perfreport {
namespace {

using fakes::Cell;

std::vector<Cell> cells_of(std::initializer_list<Cell> cells) { return cells; }

TEST(TableBuilder, DeclaresTheTableWhenCreated)
{
    fakes::RecordingSink sink;
    SectionWriter out{*sink.get()};
    out.table("points", {{"name", "", ColumnType::string}, {"efficiency", "ratio", ColumnType::float64}});
    ASSERT_EQ(sink.tables.size(), 1u);
    EXPECT_EQ(sink.appends[0], std::vector<std::uint64_t>{0});
    const auto& columns = sink.tables[0].columns;
    ASSERT_EQ(columns.size(), 2u);
    EXPECT_EQ(columns[1].name, "efficiency");
    EXPECT_EQ(columns[1].unit, "ratio");
    EXPECT_EQ(columns[1].type, PR_COLUMN_FLOAT64);
}

TEST(TableBuilder, HandsOverRowsInChunksWithIdenticalColumns)
{
    fakes::RecordingSink sink;
    SectionWriter out{*sink.get()};
    TableBuilder& table = out.table("rows", {{"i", "", ColumnType::int64}, {"s", "", ColumnType::string}}, 4);
    for (std::int64_t i = 0; i < 10; ++i) table.append(i, std::to_string(i));
    EXPECT_EQ(sink.appends[0], (std::vector<std::uint64_t>{0, 4, 4}));
    out.finish();
    // The recording sink refuses a chunk whose columns differ from the first.
    EXPECT_EQ(sink.appends[0], (std::vector<std::uint64_t>{0, 4, 4, 2}));
    const auto& i_column = sink.table("rows").column("i").cells;
    ASSERT_EQ(i_column.size(), 10u);
    for (std::int64_t i = 0; i < 10; ++i) EXPECT_EQ(i_column[i], Cell{i});
    EXPECT_EQ(sink.table("rows").column("s").cells[9], Cell{std::string{"9"}});
}

TEST(TableBuilder, DefaultChunkIs65536Rows)
{
    fakes::RecordingSink sink;
    SectionWriter out{*sink.get()};
    TableBuilder& table = out.table("big", {{"i", "", ColumnType::int64}});
    for (std::int64_t i = 0; i < 2 * 65536 + 1; ++i) table.append(i);
    out.finish();
    EXPECT_EQ(sink.appends[0], (std::vector<std::uint64_t>{0, 65536, 65536, 1}));
    EXPECT_EQ(sink.table("big").column("i").cells.back(), Cell{std::int64_t{2 * 65536}});
}

TEST(TableBuilder, WritesEveryColumnTypeAndNulls)
{
    fakes::RecordingSink sink;
    SectionWriter out{*sink.get()};
    TableBuilder& table = out.table("all", {{"i", "B", ColumnType::int64},
                                            {"f", "ms", ColumnType::float64},
                                            {"b", "", ColumnType::boolean},
                                            {"s", "", ColumnType::string},
                                            {"j", "", ColumnType::json},
                                            {"l", "", ColumnType::int64_list}});
    table.append(7, 0.5, true, "x", boost::json::value{{"allreduce", 3}}, std::vector<std::int64_t>{1, 2});
    table.append(std::optional<std::int64_t>{}, std::nullopt, std::optional<bool>{false}, std::string{},
                 std::nullopt, std::vector<std::int64_t>{});
    table.append(std::nullopt, 3, std::nullopt, std::nullopt, boost::json::value{}, std::nullopt);
    out.finish();
    const auto& t = sink.table("all");
    EXPECT_EQ(t.column("i").cells, cells_of({std::int64_t{7}, {}, {}}));
    EXPECT_EQ(t.column("f").cells, cells_of({0.5, {}, 3.0}));
    EXPECT_EQ(t.column("b").cells, cells_of({true, false, {}}));
    EXPECT_EQ(t.column("s").cells, cells_of({std::string{"x"}, std::string{}, {}}));
    EXPECT_EQ(t.column("j").cells, cells_of({std::string{R"({"allreduce":3})"}, {}, std::string{"null"}}));
    EXPECT_EQ(t.column("l").cells,
              cells_of({std::vector<std::int64_t>{1, 2}, std::vector<std::int64_t>{}, {}}));
}

TEST(TableBuilder, ChunkOfEmptyListsIsNotAllNull)
{
    fakes::RecordingSink sink;
    SectionWriter out{*sink.get()};
    out.table("lists", {{"l", "", ColumnType::int64_list}}).append(std::vector<std::int64_t>{});
    out.finish();
    EXPECT_EQ(sink.table("lists").column("l").cells, cells_of({std::vector<std::int64_t>{}}));
}

TEST(TableBuilder, TablesKeepTheirCreationOrder)
{
    fakes::RecordingSink sink;
    SectionWriter out{*sink.get()};
    TableBuilder& first = out.table("first", {{"i", "", ColumnType::int64}}, 2);
    TableBuilder& second = out.table("second", {{"i", "", ColumnType::int64}}, 2);
    for (int i = 0; i < 5; ++i) second.append(i);
    first.append(1);
    out.finish();
    ASSERT_EQ(sink.tables.size(), 2u);
    EXPECT_EQ(sink.tables[0].name, "first");
    EXPECT_EQ(sink.tables[1].name, "second");
}

TEST(TableBuilder, RejectsRowsThatDoNotFitTheColumns)
{
    fakes::RecordingSink sink;
    SectionWriter out{*sink.get()};
    TableBuilder& table = out.table("t", {{"f", "", ColumnType::float64}, {"s", "", ColumnType::string}});
    EXPECT_THROW(table.append(1.0), std::logic_error);
    EXPECT_THROW(table.append("text", "text"), std::logic_error);
    try {
        table.append(1.0, 2);
        FAIL();
    } catch (const std::logic_error& error) {
        EXPECT_STREQ(error.what(), "table t: cell 1 does not fit column s (STRING)");
    }
    EXPECT_THROW(out.table("t", {}), std::logic_error);
    table.append(2.0, "fits");
    out.finish();
    EXPECT_EQ(sink.table("t").column("f").cells, cells_of({2.0}));
    EXPECT_EQ(sink.table("t").column("s").cells, cells_of({std::string{"fits"}}));
}

TEST(SectionWriter, ForwardsSummaryAndDiagnostics)
{
    fakes::RecordingSink sink;
    SectionWriter out{*sink.get()};
    out.summary({{"peak_flops", 100000.0}, {"num_points", 2}, {"name", "tiny"}});
    out.warning("W_TPS_ZERO", "/aggregates/tps", "tps is 0");
    out.error("E_SOMETHING", "", "broken");
    EXPECT_EQ(sink.summary, R"({"peak_flops":100000.0,"num_points":2,"name":"tiny"})");
    ASSERT_EQ(sink.diagnostics.size(), 2u);
    EXPECT_EQ(sink.diagnostics[0].level, PR_LEVEL_WARNING);
    EXPECT_EQ(sink.diagnostics[0].code, "W_TPS_ZERO");
    EXPECT_EQ(sink.diagnostics[0].where, "/aggregates/tps");
    EXPECT_EQ(sink.diagnostics[0].message, "tps is 0");
    EXPECT_EQ(sink.diagnostics[1].level, PR_LEVEL_ERROR);
}

TEST(SectionWriter, FinishGivesASectionWithoutSummaryAnEmptyOne)
{
    fakes::RecordingSink sink;
    SectionWriter out{*sink.get()};
    out.finish();
    EXPECT_EQ(sink.summary, "{}");

    fakes::RecordingSink summarized;
    SectionWriter with_summary{*summarized.get()};
    with_summary.summary({{"n", 1}});
    with_summary.finish();
    EXPECT_EQ(summarized.summary, R"({"n":1})");
}

}  // namespace
}  // namespace perfreport
