// Output files are atomic and stay inside their folder.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "pipeline/output_directory.hpp"

namespace perfreport {
namespace {
namespace fs = std::filesystem;

class OutputDirectoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        root_ = fs::temp_directory_path() / ("perfreport-out-" + std::to_string(::getpid()) + "-" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(root_);
    }
    void TearDown() override { fs::remove_all(root_); }

    std::vector<std::string> names() const
    {
        std::vector<std::string> out;
        for (const auto& item : fs::recursive_directory_iterator(root_)) {
            out.push_back(fs::relative(item.path(), root_).string());
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    fs::path root_;
};

TEST_F(OutputDirectoryTest, NothingUnderTheFinalNameBeforeCommit)
{
    OutputDirectory output(root_);
    auto file = output.open("report.json");
    output.write(*file, "{}", 2);
    EXPECT_FALSE(fs::exists(root_ / "report.json"));
    output.commit(*file);
    std::ifstream in(root_ / "report.json");
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str(), "{}");
    EXPECT_EQ(names(), (std::vector<std::string>{"report.json"}));
    EXPECT_EQ(output.committed(), (std::vector<std::string>{"report.json"}));
}

TEST_F(OutputDirectoryTest, AbortLeavesNoFile)
{
    OutputDirectory output(root_);
    auto file = output.open("sub/part.csv");
    output.write(*file, "a,b\n", 4);
    output.abort(*file);
    EXPECT_EQ(names(), (std::vector<std::string>{"sub"}));
}

TEST_F(OutputDirectoryTest, RefusesPathsLeavingTheFolder)
{
    OutputDirectory output(root_);
    for (const char* path : {"../escape.json", "/etc/passwd", "a/../../b", "", "a//b", "./a"}) {
        EXPECT_THROW(output.open(path), OutputError) << path;
    }
}

TEST_F(OutputDirectoryTest, RefusesTheSameFileTwice)
{
    OutputDirectory output(root_);
    auto first = output.open("report.json");
    EXPECT_THROW(output.open("report.json"), OutputError);
    output.abort(*first);
}

TEST_F(OutputDirectoryTest, FileInTheWayOfTheFolderIsAClearError)
{
    std::ofstream(root_.string()) << "not a folder";
    try {
        OutputDirectory output(root_);
        FAIL() << "accepted a file as the output folder";
    } catch (const OutputError& e) {
        EXPECT_NE(std::string(e.what()).find("cannot create output folder"), std::string::npos) << e.what();
    }
    fs::remove(root_);
}

TEST_F(OutputDirectoryTest, FullDiskIsAClearErrorAndLeavesNoFile)
{
    OutputDirectory output(root_);
    auto file = output.open("full.json");
    // Swap the descriptor for one on which every write fails with ENOSPC.
    ::close(file->fd);
    file->fd = ::open("/dev/full", O_WRONLY);
    try {
        output.write(*file, "x", 1);
        FAIL() << "a write to a full disk succeeded";
    } catch (const OutputError& e) {
        EXPECT_NE(std::string(e.what()).find("No space left on device"), std::string::npos) << e.what();
    }
    output.abort(*file);
    EXPECT_TRUE(names().empty());
}

TEST_F(OutputDirectoryTest, OpenPathGivesAnEmptyTemporaryFileThatCommitRenames)
{
    OutputDirectory output(root_);
    auto file = output.open_path("db/profiler.db");
    EXPECT_TRUE(file->temporary.is_absolute());
    EXPECT_EQ(file->temporary.parent_path(), root_ / "db");
    EXPECT_EQ(fs::file_size(file->temporary), 0u);
    EXPECT_EQ(file->fd, -1) << "the host holds no descriptor on a file the caller writes";
    std::ofstream(file->temporary, std::ios::binary) << "written by name";
    EXPECT_FALSE(fs::exists(root_ / "db/profiler.db"));
    output.commit(*file);
    std::ifstream in(root_ / "db/profiler.db");
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str(), "written by name");
    EXPECT_EQ(names(), (std::vector<std::string>{"db", "db/profiler.db"}));
}

TEST_F(OutputDirectoryTest, OpenPathRefusesWriteAndAbortRemovesTheFile)
{
    OutputDirectory output(root_);
    auto file = output.open_path("profiler.db");
    EXPECT_THROW(output.write(*file, "x", 1), OutputError);
    std::ofstream(file->temporary, std::ios::binary) << "half";
    output.abort(*file);
    EXPECT_TRUE(names().empty());
    EXPECT_THROW(output.open_path("profiler.db"), OutputError) << "the name stays claimed by its first opener";
}

TEST_F(OutputDirectoryTest, CommitOntoAFolderFailsClearlyAndLeavesOnlyTheFolder)
{
    OutputDirectory output(root_);
    fs::create_directories(root_ / "profiler.db" / "inside");
    auto file = output.open_path("profiler.db");
    try {
        output.commit(*file);
        FAIL() << "a file replaced a folder";
    } catch (const OutputError& e) {
        EXPECT_NE(std::string(e.what()).find("profiler.db"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("Is a directory"), std::string::npos) << e.what();
    }
    EXPECT_EQ(names(), (std::vector<std::string>{"profiler.db", "profiler.db/inside"}));
}

}  // namespace
}  // namespace perfreport
