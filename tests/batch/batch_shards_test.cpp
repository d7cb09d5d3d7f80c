// Shards: N runs with --shard K/N cover a sweep exactly once, and merge joins
// them into the summary one machine writes, or says why it cannot.
#include <gtest/gtest.h>

#include <set>

#include "sweep_fixture.hpp"

namespace perfreport {
namespace {
using namespace test;

class BatchShards : public ::testing::Test {
protected:
    void SetUp() override
    {
        copy_example_inputs(dir_ / "sweep", 7);
        write_failing_analyzer(dir_ / "sweep" / "no_price.json");
    }

    CommandResult batch(const std::string& out, std::vector<std::string> extra = {},
                        const std::vector<std::string>& environment = {})
    {
        std::vector<std::string> args = {"batch", (dir_ / "sweep").string(), "-o", (dir_ / out).string(), "-q"};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_perfreport(args, environment);
    }

    CommandResult merge(const std::vector<std::string>& shards, const std::string& out)
    {
        std::vector<std::string> args = {"merge"};
        for (const auto& shard : shards) args.push_back((dir_ / shard).string());
        args.insert(args.end(), {"-o", (dir_ / out).string()});
        return run_perfreport(args);
    }

    TempDir dir_;
};

TEST_F(BatchShards, ShardsCoverEveryInputOnceAndMergeEqualsOneMachine)
{
    EXPECT_EQ(batch("single").exit_code, 1);  // no_price fails, in every layout
    std::multiset<std::string> covered;
    for (int k = 0; k < 3; ++k) {
        batch("shard" + std::to_string(k), {"--shard", std::to_string(k) + "/3"});
        const auto manifest = read_json(dir_ / ("shard" + std::to_string(k)) / "manifest.json");
        EXPECT_EQ(manifest.at("shard").at("index"), k);
        for (const auto& entry : manifest.at("entries").as_array()) {
            EXPECT_EQ(entry.at("index").to_number<int>() % 3, k);
            covered.insert(std::string(entry.at("row").at("name").as_string()));
        }
    }
    const auto all = column(summary_rows(dir_ / "single"), "name");
    EXPECT_EQ(covered, std::multiset<std::string>(all.begin(), all.end()));
    EXPECT_EQ(all.size(), 8u);

    const auto merged = merge({"shard2", "shard0", "shard1"}, "merged");
    ASSERT_EQ(merged.exit_code, 0) << merged.err;
    EXPECT_NE(merged.err.find("3 shards, 8 inputs"), std::string::npos) << merged.err;
    for (const char* file : {"sweep_summary.csv", "sweep_summary.json", "pareto.csv", "failures.csv"}) {
        EXPECT_EQ(read_text(dir_ / "merged" / file), read_text(dir_ / "single" / file)) << file;
    }
}

TEST_F(BatchShards, MergeNamesMissingRepeatedAndMismatchedShards)
{
    batch("s0", {"--shard", "0/3"});
    batch("s1", {"--shard", "1/3"});
    batch("s1_again", {"--shard", "1/3"});
    batch("s2_csv", {"--shard", "2/3", "--format", "csv"});
    batch("s0_of_2", {"--shard", "0/2"});

    const auto missing = merge({"s0", "s1"}, "m");
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("missing shards: 2/3"), std::string::npos) << missing.err;

    const auto twice = merge({"s0", "s1", "s1_again"}, "m");
    EXPECT_NE(twice.err.find("shard 1/3 is given twice: " + (dir_ / "s1").string() + " and " + (dir_ / "s1_again").string()),
              std::string::npos)
        << twice.err;

    const auto settings = merge({"s0", "s1", "s2_csv"}, "m");
    EXPECT_NE(settings.err.find((dir_ / "s2_csv").string() + " was run with other settings than " +
                                (dir_ / "s0").string() + " (exporters)"),
              std::string::npos)
        << settings.err;

    const auto counts = merge({"s0", "s0_of_2"}, "m");
    EXPECT_NE(counts.err.find("every shard needs the same N"), std::string::npos) << counts.err;

    const auto not_batch = merge({"s0", "sweep"}, "m");
    EXPECT_NE(not_batch.err.find("has no manifest.json"), std::string::npos) << not_batch.err;
    EXPECT_FALSE(fs::exists(dir_ / "m"));
}

TEST_F(BatchShards, MergeRefusesAShardWithInputsNotDone)
{
    // no_price is the sweep's first input: shard 0 stops after it, with at
    // most the input then in flight done as well.
    batch("s0", {"--shard", "0/2", "--fail-fast", "--jobs", "1"});
    batch("s1", {"--shard", "1/2"});
    const auto merged = merge({"s0", "s1"}, "m");
    EXPECT_EQ(merged.exit_code, 2);
    EXPECT_NE(merged.err.find("(shard 0/2) has "), std::string::npos) << merged.err;
    EXPECT_NE(merged.err.find(" of its 4 inputs done; finish it with 'perfreport batch ... --resume'"), std::string::npos)
        << merged.err;
    EXPECT_EQ(merged.err.find("has 4 of its 4"), std::string::npos) << merged.err;
}

TEST_F(BatchShards, ASlurmArrayTaskRunsItsShard)
{
    const auto result = batch("task", {}, {"SLURM_ARRAY_TASK_ID=5", "SLURM_ARRAY_TASK_COUNT=3", "SLURM_ARRAY_TASK_MIN=3"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(read_json(dir_ / "task" / "manifest.json").at("shard"), (boost::json::object{{"index", 2}, {"count", 3}}));
    // --shard wins over the environment.
    batch("given", {"--shard", "0/1"}, {"SLURM_ARRAY_TASK_ID=5", "SLURM_ARRAY_TASK_COUNT=3"});
    EXPECT_EQ(summary_rows(dir_ / "given").size(), 8u);
}

}  // namespace
}  // namespace perfreport
