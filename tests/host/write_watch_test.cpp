// WriteWatch: what `plugins --check` sees of files written where they must not be.
#include <gtest/gtest.h>

#include <fstream>

#include "check/write_watch.hpp"
#include "temp_dir.hpp"

namespace perfreport {
namespace {
namespace fs = std::filesystem;

void write(const fs::path& file, const std::string& text)
{
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

TEST(WriteWatch, SeesCreatedChangedAndRemovedFiles)
{
    const test::TempDir folder;
    write(folder / "kept.txt", "a");
    write(folder / "gone.txt", "a");
    write(folder / "grows.txt", "a");
    WriteWatch watch;
    watch.watch(folder.path(), "<f>", true);
    watch.reset();
    write(folder / "deep" / "new.txt", "b");
    write(folder / "grows.txt", "abc");
    fs::remove(folder / "gone.txt");
    const std::vector<std::string> expected{"changed <f>/grows.txt", "created <f>/deep", "created <f>/deep/new.txt",
                                            "removed <f>/gone.txt"};
    EXPECT_EQ(watch.changes(), expected);
    EXPECT_TRUE(watch.changes().empty()) << "changes() resets";
}

TEST(WriteWatch, LeavesOutIgnoredEntriesAndDepthWhenNotRecursive)
{
    const test::TempDir folder;
    fs::create_directories(folder / "sub");
    WriteWatch watch;
    watch.watch(folder.path(), "<top>", false, {"outputs"});
    watch.reset();
    write(folder / "outputs" / "report.json", "{}");
    write(folder / "sub" / "deeper.txt", "x");
    write(folder / "beside.txt", "x");
    EXPECT_EQ(watch.changes(), std::vector<std::string>{"created <top>/beside.txt"});
}

}  // namespace
}  // namespace perfreport
