// OutputPath (ABI 1.1 open_output_path): a file written by name appears under
// its final name on commit and never before; a 1.0 host is refused clearly.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "fakes/fake_host.hpp"
#include "file_text.hpp"
#include "perfreport/sdk/host_services.hpp"
#include "temp_dir.hpp"

namespace perfreport {
namespace {
using test::TempDir;

TEST(OutputPath, FileWrittenByNameAppearsOnCommit)
{
    const TempDir folder;
    const fakes::FakeHost host{folder.path()};
    OutputPath output = HostServices{*host.get()}.open_output_path("sub/profiler.db");
    EXPECT_EQ(output.relative_path(), "sub/profiler.db");
    const std::filesystem::path temporary{output.temporary_path()};
    EXPECT_TRUE(std::filesystem::exists(temporary));
    EXPECT_FALSE(std::filesystem::exists(folder / "sub/profiler.db"));
    std::ofstream(temporary, std::ios::binary) << "database bytes";
    output.commit();
    EXPECT_EQ(test::read_text(folder / "sub/profiler.db"), "database bytes");
    EXPECT_FALSE(std::filesystem::exists(temporary));
    EXPECT_EQ(host.open_files(), 0);
    EXPECT_THROW(output.commit(), std::logic_error);
}

TEST(OutputPath, DestroyedWithoutCommitLeavesNothing)
{
    const TempDir folder;
    const fakes::FakeHost host{folder.path()};
    {
        OutputPath output{*host.get(), "profiler.db"};
        std::ofstream(output.temporary_path(), std::ios::binary) << "half a database";
    }
    EXPECT_EQ(folder.entries(), std::vector<std::string>{});
    EXPECT_EQ(host.open_files(), 0);
}

TEST(OutputPath, HostBuiltForAbi10IsRefusedWithTheReason)
{
    const TempDir folder;
    const fakes::FakeHost host{folder.path()};
    PR_Host older = *host.get();
    older.struct_size = offsetof(PR_Host, open_output_path);  // a 1.0 host's table ends before it
    try {
        OutputPath output{older, "profiler.db"};
        FAIL() << "a 1.0 host was asked for a 1.1 service";
    } catch (const Failure& e) {
        EXPECT_EQ(e.status(), PR_ERR_UNSUPPORTED);
        EXPECT_NE(std::string(e.what()).find("open_output_path"), std::string::npos) << e.what();
    }
    EXPECT_EQ(host.open_files(), 0);
}

TEST(OutputPath, HostRefusalNamesTheFile)
{
    const fakes::FakeHost analyzer_host;  // no output folder: an analyzer's host
    try {
        OutputPath output{*analyzer_host.get(), "profiler.db"};
        FAIL() << "an analyzer's host opened an output";
    } catch (const Failure& e) {
        EXPECT_EQ(e.status(), PR_ERR_UNSUPPORTED);
        EXPECT_NE(std::string(e.what()).find("cannot open profiler.db"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace perfreport
