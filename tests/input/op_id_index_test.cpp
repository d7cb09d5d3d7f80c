// OpIdIndex: repeated op_ids, found after the steps are read.
#include "input/op_id_index.hpp"

#include <gtest/gtest.h>

namespace perfreport {
namespace {

StepStore table_of(std::initializer_list<const char*> op_ids)
{
    StepStore table;
    StepRecord record;
    for (const char* id : op_ids) {
        record.op_id = id;
        table.append(record);
    }
    return table;
}

std::vector<std::pair<std::uint64_t, std::uint64_t>> pairs(const std::vector<OpIdIndex::Duplicate>& duplicates)
{
    std::vector<std::pair<std::uint64_t, std::uint64_t>> out;
    for (const auto& d : duplicates) out.emplace_back(d.row, d.first);
    return out;
}

TEST(OpIdIndex, ReportsEveryRepeatAgainstTheFirstStep)
{
    const StepStore table = table_of({"a", "b", "a", "c", "b", "a"});
    OpIdIndex index;
    for (std::uint64_t row = 0; row < table.size(); ++row) index.add(row, OpIdIndex::hash(table.op_id(row)));
    EXPECT_EQ(pairs(index.take_duplicates(table)),
              (std::vector<std::pair<std::uint64_t, std::uint64_t>>{{2, 0}, {4, 1}, {5, 0}}));
}

TEST(OpIdIndex, EqualHashesOfDifferentOpIdsAreNoDuplicates)
{
    const StepStore table = table_of({"x", "y", "x", "y"});
    OpIdIndex index;
    for (std::uint64_t row = 0; row < table.size(); ++row) index.add(row, 7);  // all collide
    EXPECT_EQ(pairs(index.take_duplicates(table)),
              (std::vector<std::pair<std::uint64_t, std::uint64_t>>{{2, 0}, {3, 1}}));
}

TEST(OpIdIndex, NoStepsNoDuplicates)
{
    OpIdIndex index;
    EXPECT_TRUE(index.take_duplicates(StepStore{}).empty());
}

}  // namespace
}  // namespace perfreport
