// The host's services table as a plugin calls it: open_output_path (ABI 1.1)
// hands out a temporary file by name and commits or removes it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>
#include <unistd.h>

#include "pipeline/error_slot.hpp"
#include "pipeline/host_services.hpp"

namespace perfreport {
namespace {
namespace fs = std::filesystem;

class HostServicesTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        root_ = fs::temp_directory_path() / ("perfreport-services-" + std::to_string(::getpid()) + "-" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(root_);
        output_.emplace(root_);
    }
    void TearDown() override { fs::remove_all(root_); }

    CallContext exporter_call() { return CallContext{.part_id = "test", .output = &*output_}; }

    std::vector<std::string> names() const
    {
        std::vector<std::string> out;
        for (const auto& item : fs::directory_iterator(root_)) out.push_back(item.path().filename().string());
        return out;
    }

    fs::path root_;
    std::optional<OutputDirectory> output_;
};

TEST_F(HostServicesTest, TheTableOffersOpenOutputPath)
{
    HostServices services(exporter_call());
    const PR_Host* host = services.host();
    EXPECT_EQ(host->abi.minor, PR_ABI_VERSION_MINOR);
    EXPECT_TRUE(PR_HAS_FIELD(PR_Host, host, open_output_path));
    EXPECT_NE(host->open_output_path, nullptr);
}

TEST_F(HostServicesTest, OpenOutputPathCommitsTheFileThePluginWrote)
{
    HostServices services(exporter_call());
    const PR_Host* host = services.host();
    ErrorSlot error;
    PR_OutputFile* file = nullptr;
    const char* temporary = nullptr;
    ASSERT_EQ(host->open_output_path(host, "profiler.db", &file, &temporary, error.get()), PR_OK) << error.message();
    ASSERT_NE(temporary, nullptr);
    EXPECT_EQ(fs::path(temporary).parent_path(), fs::canonical(root_));
    std::ofstream(temporary, std::ios::binary) << "SQLite format 3";

    EXPECT_EQ(host->write_output(host, file, "x", 1, error.get()), PR_ERR_IO);
    EXPECT_NE(error.message().find("written through its path"), std::string::npos) << error.message();

    ASSERT_EQ(host->commit_output(host, file, error.get()), PR_OK) << error.message();
    EXPECT_EQ(names(), std::vector<std::string>{"profiler.db"});
    EXPECT_EQ(fs::file_size(root_ / "profiler.db"), 15u);
    EXPECT_EQ(services.committed(), std::vector<std::string>{"profiler.db"});
}

TEST_F(HostServicesTest, AFileLeftOpenIsRemovedWhenTheCallEnds)
{
    {
        HostServices services(exporter_call());
        const PR_Host* host = services.host();
        ErrorSlot error;
        PR_OutputFile* file = nullptr;
        const char* temporary = nullptr;
        ASSERT_EQ(host->open_output_path(host, "profiler.db", &file, &temporary, error.get()), PR_OK);
        std::ofstream(temporary, std::ios::binary) << "half";
        EXPECT_EQ(names().size(), 1u);
    }
    EXPECT_TRUE(names().empty());
}

TEST_F(HostServicesTest, OpenOutputPathRefusesAnalyzersAndMissingArguments)
{
    HostServices analyzer(CallContext{.part_id = "analyzer"});
    ErrorSlot error;
    PR_OutputFile* file = nullptr;
    const char* temporary = nullptr;
    const PR_Host* host = analyzer.host();
    EXPECT_EQ(host->open_output_path(host, "profiler.db", &file, &temporary, error.get()), PR_ERR_UNSUPPORTED);
    EXPECT_NE(error.message().find("exporters only"), std::string::npos) << error.message();

    HostServices exporter(exporter_call());
    host = exporter.host();
    EXPECT_EQ(host->open_output_path(host, "profiler.db", &file, nullptr, error.get()), PR_ERR_INVALID_ARGUMENT);
    EXPECT_EQ(host->open_output_path(host, "../profiler.db", &file, &temporary, error.get()), PR_ERR_IO);
    EXPECT_NE(error.message().find("must stay inside the output folder"), std::string::npos) << error.message();
    EXPECT_TRUE(names().empty());
}

}  // namespace
}  // namespace perfreport
