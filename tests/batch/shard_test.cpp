// Shards: K/N parsing, Slurm array variables, and that N shards cover a
// sweep exactly once with balanced sizes.
#include <gtest/gtest.h>

#include <map>

#include "batch/shard.hpp"

namespace perfreport {
namespace {

TEST(Shard, ParsesKOverN)
{
    EXPECT_EQ(parse_shard("0/1"), (ShardSpec{0, 1}));
    EXPECT_EQ(parse_shard("3/8"), (ShardSpec{3, 8}));
    EXPECT_EQ(parse_shard("3/8").text(), "3/8");
    for (const char* wrong : {"", "3", "8/8", "9/8", "1/0", "-1/4", "a/4", "1/4x", "1 /4"}) {
        EXPECT_THROW(parse_shard(wrong), std::invalid_argument) << wrong;
    }
}

TEST(Shard, NShardsCoverEveryInputExactlyOnceAndStayBalanced)
{
    for (std::size_t count = 1; count <= 9; ++count) {
        for (std::size_t inputs = 0; inputs <= 40; ++inputs) {
            std::map<std::size_t, std::size_t> owners;
            std::vector<std::size_t> sizes(count, 0);
            for (std::size_t k = 0; k < count; ++k) {
                for (std::size_t i = 0; i < inputs; ++i) {
                    if (!ShardSpec{k, count}.holds(i)) continue;
                    ++owners[i];
                    ++sizes[k];
                }
            }
            ASSERT_EQ(owners.size(), inputs);
            for (const auto& [input, owner_count] : owners) ASSERT_EQ(owner_count, 1u) << input;
            const auto [smallest, largest] = std::minmax_element(sizes.begin(), sizes.end());
            EXPECT_LE(*largest - *smallest, 1u);
        }
    }
}

std::optional<ShardSpec> from(const std::map<std::string, std::string>& variables)
{
    return shard_from_slurm([&](const char* name) -> const char* {
        const auto found = variables.find(name);
        return found == variables.end() ? nullptr : found->second.c_str();
    });
}

TEST(Shard, ASlurmArrayTaskIsAShard)
{
    EXPECT_EQ(from({}), std::nullopt);
    EXPECT_EQ(from({{"SLURM_ARRAY_TASK_ID", "2"}, {"SLURM_ARRAY_TASK_COUNT", "4"}}), (ShardSpec{2, 4}));
    EXPECT_EQ(from({{"SLURM_ARRAY_TASK_ID", "4"}, {"SLURM_ARRAY_TASK_COUNT", "4"}, {"SLURM_ARRAY_TASK_MIN", "1"}}),
              (ShardSpec{3, 4}));
    EXPECT_EQ(from({{"SLURM_ARRAY_TASK_ID", "14"}, {"SLURM_ARRAY_TASK_COUNT", "4"}, {"SLURM_ARRAY_TASK_MIN", "10"},
                    {"SLURM_ARRAY_TASK_STEP", "2"}}),
              (ShardSpec{2, 4}));
}

TEST(Shard, SlurmVariablesThatMakeNoShardAreNamed)
{
    const auto message = [](const std::map<std::string, std::string>& variables) {
        try {
            from(variables);
        } catch (const std::invalid_argument& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(message({{"SLURM_ARRAY_TASK_ID", "1"}}), "SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not");
    EXPECT_EQ(message({{"SLURM_ARRAY_TASK_ID", "x"}, {"SLURM_ARRAY_TASK_COUNT", "2"}}),
              "SLURM_ARRAY_TASK_ID='x' is not a whole number");
    // --array=1,4,5: three tasks, ids not an evenly spaced range.
    EXPECT_NE(message({{"SLURM_ARRAY_TASK_ID", "5"}, {"SLURM_ARRAY_TASK_COUNT", "3"}, {"SLURM_ARRAY_TASK_MIN", "1"}})
                  .find("do not make a shard: the array must be an evenly spaced range"),
              std::string::npos);
}

}  // namespace
}  // namespace perfreport
