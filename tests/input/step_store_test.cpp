// StepStore: the columns of PR_StepTable, with lazily allocated meta columns.
#include "input/step_store.hpp"

#include <gtest/gtest.h>

#include <cstring>

#include "input_test_support.hpp"

namespace perfreport {
namespace {

using test::f64;
using test::i64;
using test::is_null;
using test::list;
using test::text;

StepRecord step(std::string op_id, double t_compute)
{
    StepRecord record;
    record.op_id = std::move(op_id);
    record.t_compute = t_compute;
    record.t_total = t_compute;
    return record;
}

TEST(StepStore, ViewNamesEveryColumnWithItsTypeAndUnit)
{
    StepStore table;
    table.append(step("a", 1));
    const PR_StepTable view = table.view();
    EXPECT_EQ(view.struct_size, sizeof(PR_StepTable));
    EXPECT_EQ(view.count, 1u);
    const auto expect = [](const PR_Column& c, const char* name, const char* unit, int type) {
        EXPECT_STREQ(c.name, name);
        EXPECT_STREQ(c.unit, unit);
        EXPECT_EQ(c.type, type) << name;
        EXPECT_EQ(c.length, 1u) << name;
    };
    expect(view.op_id, "op_id", "", PR_COLUMN_STRING);
    expect(view.t_compute, "t_compute", "ms", PR_COLUMN_FLOAT64);
    expect(view.t_comm, "t_comm", "ms", PR_COLUMN_FLOAT64);
    expect(view.t_wait, "t_wait", "ms", PR_COLUMN_FLOAT64);
    expect(view.t_total, "t_total", "ms", PR_COLUMN_FLOAT64);
    expect(view.bottleneck, "bottleneck", "", PR_COLUMN_INT64);
    expect(view.flops, "flops", "FLOP", PR_COLUMN_INT64);
    expect(view.bytes_read, "bytes_read", "B", PR_COLUMN_INT64);
    expect(view.bytes_write, "bytes_write", "B", PR_COLUMN_INT64);
    expect(view.meta_evaluator, "meta_evaluator", "", PR_COLUMN_STRING);
    expect(view.meta_comm_type, "meta_comm_type", "", PR_COLUMN_STRING);
    expect(view.meta_path_key, "meta_path_key", "", PR_COLUMN_STRING);
    expect(view.meta_chip_ids, "meta_chip_ids", "", PR_COLUMN_INT64_LIST);
    expect(view.meta_comm_bytes, "meta_comm_bytes", "B", PR_COLUMN_INT64);
    expect(view.meta_reason, "meta_reason", "", PR_COLUMN_STRING);
    expect(view.meta_phase, "meta_phase", "", PR_COLUMN_INT64);
    expect(view.meta_pp_stage, "meta_pp_stage", "", PR_COLUMN_INT64);
    expect(view.meta_layer_index, "meta_layer_index", "", PR_COLUMN_INT64);
    expect(view.meta_token_index, "meta_token_index", "", PR_COLUMN_INT64);
    expect(view.meta_device_id, "meta_device_id", "", PR_COLUMN_STRING);
    expect(view.meta_task_type, "meta_task_type", "", PR_COLUMN_STRING);
    EXPECT_EQ(i64(view.bottleneck, 0), PR_BOTTLENECK_UNKNOWN);
    EXPECT_EQ(view.op_id.valid, nullptr);
}

TEST(StepStore, AMetaKeyNoStepCarriesStaysUnallocated)
{
    StepStore table;
    table.append(step("a", 1));
    table.append(step("b", 2));
    const PR_StepTable view = table.view();
    EXPECT_EQ(view.meta_pp_stage.values, nullptr);
    EXPECT_EQ(view.meta_pp_stage.valid, nullptr);
    EXPECT_EQ(view.meta_reason.values, nullptr);
    EXPECT_EQ(view.meta_reason.offsets, nullptr);
    EXPECT_EQ(view.meta_chip_ids.values, nullptr);
    EXPECT_EQ(text(view.op_id, 1), "b");
    EXPECT_EQ(f64(view.t_compute, 1), 2.0);
}

TEST(StepStore, TheFirstValueBackFillsNullsBeforeIt)
{
    StepStore table;
    table.append(step("a", 1));
    StepRecord second = step("b", 2);
    second.integer(MetaInt::pp_stage) = 1;
    second.text(MetaText::reason) = {"mla_allreduce", true};
    second.chip_ids = {{3, 4}, true};
    table.append(second);
    table.append(step("c", 3));
    const PR_StepTable view = table.view();

    ASSERT_NE(view.meta_pp_stage.valid, nullptr);
    EXPECT_TRUE(is_null(view.meta_pp_stage, 0));
    EXPECT_EQ(i64(view.meta_pp_stage, 1), 1);
    EXPECT_TRUE(is_null(view.meta_pp_stage, 2));
    EXPECT_EQ(table.meta_int(MetaInt::pp_stage, 1), 1);
    EXPECT_FALSE(table.meta_int(MetaInt::pp_stage, 2).has_value());

    EXPECT_TRUE(is_null(view.meta_reason, 0));
    EXPECT_EQ(text(view.meta_reason, 1), "mla_allreduce");
    EXPECT_EQ(text(view.meta_reason, 2), "");
    EXPECT_TRUE(is_null(view.meta_reason, 2));

    EXPECT_EQ(list(view.meta_chip_ids, 1), (std::vector<std::int64_t>{3, 4}));
    EXPECT_TRUE(list(view.meta_chip_ids, 2).empty());
    EXPECT_TRUE(is_null(view.meta_chip_ids, 0));
}

TEST(StepStore, AColumnEveryStepCarriesHasNoValidityArray)
{
    StepStore table;
    for (const char* id : {"a", "b"}) {
        StepRecord record = step(id, 1);
        record.text(MetaText::evaluator) = {"", true};  // present, even if empty
        record.chip_ids = {{}, true};
        table.append(record);
    }
    const PR_StepTable view = table.view();
    EXPECT_NE(view.meta_evaluator.values, nullptr);  // allocated though no byte was written
    EXPECT_EQ(view.meta_evaluator.valid, nullptr);
    EXPECT_EQ(text(view.meta_evaluator, 1), "");
    EXPECT_NE(view.meta_chip_ids.values, nullptr);
    EXPECT_EQ(view.meta_chip_ids.valid, nullptr);
}

TEST(StepStore, ReserveChangesNothingVisible)
{
    StepStore table;
    table.reserve(1000);
    table.append(step("a", 0.5));
    EXPECT_EQ(table.size(), 1u);
    EXPECT_EQ(table.op_id(0), "a");
}

}  // namespace
}  // namespace perfreport
