// Finding a sweep's inputs: a folder's *.json files in byte order, or a list.
#include <gtest/gtest.h>

#include <fstream>

#include "batch/sweep_inputs.hpp"
#include "temp_dir.hpp"

namespace perfreport {
namespace {
namespace fs = std::filesystem;
using test::TempDir;

void touch(const fs::path& file)
{
    fs::create_directories(file.parent_path());
    std::ofstream(file) << "{}";
}

std::vector<std::string> relatives(const SweepListing& listing)
{
    std::vector<std::string> out;
    for (const auto& input : listing.inputs) out.push_back(input.relative);
    return out;
}

std::vector<std::string> names(const SweepListing& listing)
{
    std::vector<std::string> out;
    for (const auto& input : listing.inputs) out.push_back(input.name);
    return out;
}

TEST(SweepInputs, AFolderGivesItsJsonFilesRecursivelyInByteOrder)
{
    const TempDir dir;
    for (const char* name : {"b.json", "a/z.json", "a/b/c.JSON", "B.json", "a.json", "notes.txt", "a/readme.md"}) {
        touch(dir / name);
    }
    const SweepListing listing = list_sweep_inputs(dir.path(), dir / "out");
    EXPECT_EQ(relatives(listing), (std::vector<std::string>{"B.json", "a.json", "a/b/c.JSON", "a/z.json", "b.json"}));
    EXPECT_EQ(names(listing), (std::vector<std::string>{"B", "a", "a__b__c", "a__z", "b-2"}));
    EXPECT_EQ(listing.inputs[2].file, dir.path() / "a/b/c.JSON");
}

TEST(SweepInputs, HiddenFilesAndTheOutputFolderAreNotInputs)
{
    const TempDir dir;
    for (const char* name : {"x.json", ".hidden.json", ".cache/y.json", "out/x/reporting_report.json",
                             "out/manifest.json"}) {
        touch(dir / name);
    }
    EXPECT_EQ(relatives(list_sweep_inputs(dir.path(), dir / "out")), (std::vector<std::string>{"x.json"}));
    // Named differently, the same folder is still recognised.
    EXPECT_EQ(relatives(list_sweep_inputs(dir.path(), dir / "." / "out")), (std::vector<std::string>{"x.json"}));
}

TEST(SweepInputs, AListKeepsItsOrderAndReadsPathsFromItsFolder)
{
    const TempDir dir;
    touch(dir / "cases/one.json");
    touch(dir / "elsewhere/two.json");
    std::ofstream(dir / "cases" / "sweep.txt") << "# configurations to compare\n"
                                                  "\n"
                                                  "  one.json  \n"
                                                  "../elsewhere/two.json\r\n"
                                                  "one.json\n"
                                                  "missing.json\n"
                                               << (dir / "elsewhere/two.json").string() << "\n";
    const SweepListing listing = list_sweep_inputs(dir / "cases" / "sweep.txt", dir / "out");
    EXPECT_EQ(relatives(listing), (std::vector<std::string>{"one.json", "../elsewhere/two.json", "missing.json"}));
    EXPECT_EQ(names(listing), (std::vector<std::string>{"one", "elsewhere__two", "missing"}));
    EXPECT_EQ(listing.inputs[1].file, dir.path() / "elsewhere/two.json");
    ASSERT_EQ(listing.warnings.size(), 2u);
    EXPECT_NE(listing.warnings[0].find("sweep.txt:5: one.json is listed already"), std::string::npos)
        << listing.warnings[0];
}

TEST(SweepInputs, AnEngineResultIsNotAListAndAMissingSourceIsNamed)
{
    const TempDir dir;
    std::ofstream(dir / "e1.json") << "{\n  \"format\": \"engine_result\"\n}\n";
    try {
        list_sweep_inputs(dir / "e1.json", dir / "out");
        ADD_FAILURE() << "no error";
    } catch (const SweepError& e) {
        EXPECT_NE(std::string(e.what()).find("is a JSON document, not a folder or a list of inputs"), std::string::npos);
    }
    EXPECT_THROW(list_sweep_inputs(dir / "nothing", dir / "out"), SweepError);
}

}  // namespace
}  // namespace perfreport
