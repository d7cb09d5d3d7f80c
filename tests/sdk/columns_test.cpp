// Typed column views over PR_Column: values, nulls, offsets, type checks.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fakes/cell_table.hpp"
#include "fakes/step_table.hpp"
#include "perfreport/sdk/step_table.hpp"
#include "perfreport/sdk/table_view.hpp"

namespace perfreport {
namespace {

using fakes::Cell;

TEST(StepTable, CoreColumnsReadAsSpansAndAbsentMetaAsNull)
{
    const fakes::OwnedStepTable owned{{{"a", 0.05, 0, 0, 0.05, PR_BOTTLENECK_COMPUTE_BOUND, 2000, 6, 4},
                                       {"bb", 0, 0.1, 0, 0.1, PR_BOTTLENECK_BW_BOUND, 0, 1, 1}}};
    const StepTable steps{owned.get()};
    ASSERT_EQ(steps.size(), 2u);
    EXPECT_EQ(steps.op_id()[0], "a");
    EXPECT_EQ(steps.op_id()[1], "bb");
    EXPECT_EQ(steps.t_total()[1], 0.1);
    EXPECT_EQ(steps.flops()[0], 2000);
    EXPECT_EQ(steps.bottleneck()[1], PR_BOTTLENECK_BW_BOUND);
    EXPECT_TRUE(steps.meta_pp_stage().is_null(1));
    EXPECT_EQ(steps.meta_pp_stage()[1], std::nullopt);
    EXPECT_TRUE(steps.meta_reason().is_null(0));
    EXPECT_TRUE(steps.meta_chip_ids()[0].empty());
}

TEST(TableView, ReadsNullableCellsOfEveryType)
{
    fakes::CellTable cells{"t",
                           {{"i", "B", PR_COLUMN_INT64, {std::int64_t{5}, {}}},
                            {"f", "ms", PR_COLUMN_FLOAT64, {{}, 2.5}},
                            {"b", "", PR_COLUMN_BOOL, {true, {}}},
                            {"s", "", PR_COLUMN_STRING, {std::string{"x"}, {}}},
                            {"j", "", PR_COLUMN_JSON, {std::string{"[1]"}, {}}},
                            {"l", "", PR_COLUMN_INT64_LIST, {std::vector<std::int64_t>{3, 4}, {}}}}};
    const fakes::OwnedTable owned{cells};
    const TableView table{owned.get()};
    EXPECT_EQ(table.name(), "t");
    EXPECT_EQ(table.row_count(), 2u);
    EXPECT_EQ(table.column("i").int64s()[0], 5);
    EXPECT_EQ(table.column("i").int64s()[1], std::nullopt);
    EXPECT_EQ(table.column("i").unit(), "B");
    EXPECT_TRUE(table.column("f").is_null(0));
    EXPECT_EQ(table.column("f").float64s()[1], 2.5);
    EXPECT_EQ(table.column("b").bools()[0], true);
    EXPECT_EQ(table.column("s").strings()[0], "x");
    EXPECT_EQ(table.column("j").strings()[0], "[1]");
    EXPECT_TRUE(table.column("j").is_null(1));
    const std::span<const std::int64_t> list = table.column("l").int64_lists()[0];
    EXPECT_EQ(std::vector<std::int64_t>(list.begin(), list.end()), (std::vector<std::int64_t>{3, 4}));
    EXPECT_TRUE(table.column("l").is_null(1));
}

TEST(TableView, WrongTypeOrNameFails)
{
    fakes::CellTable cells{"t", {{"i", "", PR_COLUMN_INT64, {std::int64_t{1}}}}};
    const fakes::OwnedTable owned{cells};
    const TableView table{owned.get()};
    try {
        table.column("i").float64s();
        FAIL();
    } catch (const Failure& failure) {
        EXPECT_EQ(failure.status(), PR_ERR_INCOMPATIBLE);
        EXPECT_STREQ(failure.what(), "column i is INT64, expected FLOAT64");
    }
    try {
        table.column("missing");
        FAIL();
    } catch (const Failure& failure) {
        EXPECT_EQ(failure.status(), PR_ERR_INVALID_INPUT);
        EXPECT_STREQ(failure.what(), "table t has no column missing");
    }
}

}  // namespace
}  // namespace perfreport
