// Report folder names: one safe folder name per input, unique in the sweep.
#include <gtest/gtest.h>

#include "batch/safe_names.hpp"

namespace perfreport {
namespace {

TEST(SafeName, JoinsThePathsPartsAndDropsTheJsonEnding)
{
    EXPECT_EQ(safe_name("llama/tp8/b4.json"), "llama__tp8__b4");
    EXPECT_EQ(safe_name("run.JSON"), "run");
    EXPECT_EQ(safe_name("notes.txt"), "notes.txt");
    EXPECT_EQ(safe_name("llama-3.1_b4.json"), "llama-3.1_b4");
}

TEST(SafeName, NeverClimbsOrStartsAtTheRoot)
{
    EXPECT_EQ(safe_name("../../etc/passwd"), "etc__passwd");
    EXPECT_EQ(safe_name("/abs/path/x.json"), "abs__path__x");
    EXPECT_EQ(safe_name("./a/./b.json"), "a__b");
    EXPECT_EQ(safe_name(".."), "input");
    EXPECT_EQ(safe_name(""), "input");
    EXPECT_EQ(safe_name(".json"), "_.json");
}

TEST(SafeName, ReplacesWhatAFileSystemOrShellWouldMisread)
{
    EXPECT_EQ(safe_name("a b:c*?.json"), "a_b_c__");
    EXPECT_EQ(safe_name("w\\x.json"), "w__x");
    EXPECT_EQ(safe_name(".hidden.json"), "_.hidden");
    EXPECT_EQ(safe_name("-rf.json"), "_-rf");
    EXPECT_EQ(safe_name("caf\xc3\xa9.json"), "caf__");
}

TEST(SafeName, IsCutToAReadableLength)
{
    EXPECT_EQ(safe_name(std::string(300, 'x') + ".json"), std::string(120, 'x'));
}

TEST(UniqueSafeNames, NumbersRepeatsInInputOrderIgnoringCase)
{
    EXPECT_EQ(unique_safe_names({"a/b.json", "a__b.json", "A/B.json", "a__b-2.json", "c.json"}),
              (std::vector<std::string>{"a__b", "a__b-2", "A__B-3", "a__b-2-2", "c"}));
}

TEST(UniqueSafeNames, KeepsClearOfTheSweepsOwnFiles)
{
    const auto names = unique_safe_names({"manifest.json.json", "Pareto.csv.json", "sweep_summary.json.json"});
    EXPECT_EQ(names, (std::vector<std::string>{"manifest.json-2", "Pareto.csv-2", "sweep_summary.json-2"}));
}

}  // namespace
}  // namespace perfreport
