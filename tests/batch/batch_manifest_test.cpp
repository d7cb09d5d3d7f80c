// The manifest and its journal: what --resume and merge read back.
#include <gtest/gtest.h>

#include <fstream>

#include "batch/batch_manifest.hpp"
#include "batch/manifest_journal.hpp"
#include "temp_dir.hpp"

namespace perfreport {
namespace {
namespace fs = std::filesystem;
using test::TempDir;

ManifestEntry entry(std::size_t index, const std::string& name, bool ok)
{
    ManifestEntry e;
    e.index = index;
    e.content_hash = "00000000000000" + std::to_string(10 + index);
    e.settings_hash = "aaaaaaaaaaaaaaaa";
    e.files = {"reporting_report.json", "cost.csv"};
    e.row = ok ? analyzed_row(name, name + ".json", {}, ReportingReport{}) : unanalyzed_row(name, name + ".json", "E_PARSE: no");
    e.row["tps"] = 1753.1238273734841;  // a double that must come back bit for bit
    return e;
}

TEST(BatchManifest, ReadsBackWhatItWrote)
{
    const TempDir out;
    BatchManifest manifest;
    manifest.settings = {{"host_version", "0.1.0"}, {"exporters", boost::json::array{"json 1.0.0"}}};
    manifest.settings_hash = "aaaaaaaaaaaaaaaa";
    manifest.sweep = {7, "0123456789abcdef"};
    manifest.shard = {2, 3};
    manifest.entries = {entry(2, "a", true), entry(5, "b", false)};
    write_manifest(out.path(), manifest);

    const auto back = read_manifest(out.path());
    ASSERT_TRUE(back);
    EXPECT_EQ(back->settings, manifest.settings);
    EXPECT_EQ(back->settings_hash, manifest.settings_hash);
    EXPECT_EQ(back->sweep, manifest.sweep);
    EXPECT_EQ(back->shard, manifest.shard);
    ASSERT_EQ(back->entries.size(), 2u);
    EXPECT_EQ(back->entries[1].index, 5u);
    EXPECT_EQ(back->entries[1].name(), "b");
    EXPECT_EQ(back->entries[1].files, manifest.entries[1].files);
    EXPECT_EQ(back->entries[0].row, manifest.entries[0].row);
    EXPECT_EQ(back->entries[0].row.at("tps").as_double(), 1753.1238273734841);
    EXPECT_EQ(back->entries[1].row.at("reason"), "E_PARSE: no");
    // Nothing but the manifest itself is left: no temporary file.
    EXPECT_EQ(out.entries(), (std::vector<std::string>{"manifest.json"}));
}

TEST(BatchManifest, NoManifestIsNothingAndABrokenOneIsNamed)
{
    const TempDir out;
    EXPECT_FALSE(read_manifest(out.path()));
    std::ofstream(out / "manifest.json") << R"({"format": "perfreport-batch-manifest", "version": 1, "settings": {}})";
    try {
        read_manifest(out.path());
        ADD_FAILURE() << "no error";
    } catch (const ManifestError& e) {
        EXPECT_NE(std::string(e.what()).find("manifest.json: 'settings_hash' is missing or of the wrong type"),
                  std::string::npos)
            << e.what();
    }
    std::ofstream(out / "manifest.json") << "{\"format\": ";
    EXPECT_THROW(read_manifest(out.path()), ManifestError);
}

TEST(ManifestJournal, KeepsEachRecordedEntryUntilCleared)
{
    const TempDir out;
    {
        ManifestJournal journal(out.path());
        journal.record(entry(0, "a", true));
        journal.record(entry(1, "b", false));
    }
    std::ofstream(out / ".journal" / "torn.json") << "{\"index\": 3, \"content";  // not written by the journal
    ManifestJournal journal(out.path());
    auto entries = journal.entries();
    std::sort(entries.begin(), entries.end(), [](const auto& x, const auto& y) { return x.index < y.index; });
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].name(), "a");
    EXPECT_EQ(entries[1].row.at("status"), "failed");
    journal.clear();
    EXPECT_TRUE(journal.entries().empty());
    EXPECT_TRUE(fs::is_empty(out / ".journal"));
}

}  // namespace
}  // namespace perfreport
