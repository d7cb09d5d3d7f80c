// The search path and the registries: precedence, duplicates, refusals.
#include <gtest/gtest.h>

#include <cstdlib>
#include <sys/stat.h>

#include "plugins/plugin_catalog.hpp"

namespace perfreport {
namespace {
namespace fs = std::filesystem;

fs::path fixture_dir(const std::string& name)
{
    return fs::path(FIXTURE_PLUGIN_ROOT) / name;
}

CatalogOptions only(std::vector<fs::path> dirs, bool allow_override = false)
{
    CatalogOptions options;
    options.search.plugin_dirs = std::move(dirs);
    options.search.use_environment = false;
    options.search.use_install_dir = false;
    options.allow_override = allow_override;
    return options;
}

bool has_code(const Diagnostics& diagnostics, const std::string& code)
{
    for (const auto& d : diagnostics) {
        if (d.code == code) return true;
    }
    return false;
}

TEST(PluginCatalog, RegistersEveryPartOfTheSearchPath)
{
    const PluginCatalog catalog = load_plugin_catalog(only({fixture_dir("good"), fixture_dir("failing")}));
    EXPECT_TRUE(catalog.diagnostics.empty());
    EXPECT_EQ(catalog.analyzers.ids(), (std::vector<std::string>{"fixture", "failing"}));
    EXPECT_EQ(catalog.exporters.ids(), (std::vector<std::string>{"fixture-out", "failing-out"}));
}

TEST(PluginCatalog, DuplicateIdIsAnErrorNamingBothFiles)
{
    const PluginCatalog catalog = load_plugin_catalog(only({fixture_dir("good"), fixture_dir("twin")}));
    ASSERT_FALSE(catalog.diagnostics.empty());
    const Diagnostic& d = catalog.diagnostics.front();
    EXPECT_EQ(d.level, Severity::error);
    EXPECT_EQ(d.code, "E_DUPLICATE_PLUGIN");
    EXPECT_NE(d.message.find("analyzer id 'fixture' is provided by"), std::string::npos);
    EXPECT_NE(d.message.find("good/libgood.so"), std::string::npos);
    EXPECT_NE(d.message.find("twin/libtwin.so"), std::string::npos);
}

TEST(PluginCatalog, OverrideKeepsTheEarlierPluginWithAWarning)
{
    const PluginCatalog catalog = load_plugin_catalog(only({fixture_dir("twin"), fixture_dir("good")}, true));
    EXPECT_FALSE(has_errors(catalog.diagnostics));
    EXPECT_TRUE(has_code(catalog.diagnostics, "W_PLUGIN_OVERRIDE"));
    ASSERT_NE(catalog.analyzers.find("fixture"), nullptr);
    EXPECT_EQ(catalog.analyzers.find("fixture")->library->file.filename(), "libtwin.so");
}

TEST(PluginCatalog, BrokenLibraryIsRefusedAndTheRestLoads)
{
    const PluginCatalog catalog = load_plugin_catalog(only({fixture_dir("newer_major"), fixture_dir("good")}));
    EXPECT_FALSE(has_errors(catalog.diagnostics));
    EXPECT_TRUE(has_code(catalog.diagnostics, "W_PLUGIN_REFUSED"));
    EXPECT_EQ(catalog.analyzers.ids(), (std::vector<std::string>{"fixture"}));
}

TEST(PluginCatalog, MissingPluginDirIsAnError)
{
    const PluginCatalog catalog = load_plugin_catalog(only({"/nonexistent/perfreport/plugins"}));
    EXPECT_TRUE(has_code(catalog.diagnostics, "E_PLUGIN_DIR"));
}

class WorldWritable : public ::testing::Test {
protected:
    void SetUp() override
    {
        dir_ = fs::temp_directory_path() / ("perfreport-ww-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
        fs::copy_file(fixture_dir("good") / "libgood.so", dir_ / "libgood.so",
                      fs::copy_options::overwrite_existing);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

TEST_F(WorldWritable, PluginFileWritableByOthersIsRefused)
{
    fs::permissions(dir_ / "libgood.so", fs::perms::others_write, fs::perm_options::add);
    const PluginCatalog catalog = load_plugin_catalog(only({dir_}));
    EXPECT_TRUE(catalog.analyzers.all().empty());
    ASSERT_TRUE(has_code(catalog.diagnostics, "W_PLUGIN_REFUSED"));
    EXPECT_NE(catalog.diagnostics.front().message.find("writable by others"), std::string::npos);
}

TEST_F(WorldWritable, PluginFolderWritableByOthersIsRefused)
{
    fs::permissions(dir_, fs::perms::others_write, fs::perm_options::add);
    const PluginCatalog catalog = load_plugin_catalog(only({dir_}));
    EXPECT_TRUE(catalog.analyzers.all().empty());
    EXPECT_TRUE(has_code(catalog.diagnostics, "W_PLUGIN_REFUSED"));
}

TEST(PluginSearchPath, EnvironmentIgnoresRelativeAndEmptyEntries)
{
    ::setenv("PERFREPORT_PLUGIN_PATH", (":relative/dir:" + fixture_dir("good").string()).c_str(), 1);
    CatalogOptions options;
    options.search.use_install_dir = false;
    Diagnostics diagnostics;
    const auto path = plugin_search_path(options.search, diagnostics);
    ::unsetenv("PERFREPORT_PLUGIN_PATH");
    EXPECT_EQ(path, (std::vector<fs::path>{fixture_dir("good")}));
    EXPECT_TRUE(has_code(diagnostics, "W_PLUGIN_PATH"));
}

TEST(PluginSearchPath, CommandLineFoldersComeFirst)
{
    ::setenv("PERFREPORT_PLUGIN_PATH", fixture_dir("good").c_str(), 1);
    PluginSearchOptions options;
    options.plugin_dirs = {fixture_dir("twin")};
    options.use_install_dir = false;
    Diagnostics diagnostics;
    const auto path = plugin_search_path(options, diagnostics);
    ::unsetenv("PERFREPORT_PLUGIN_PATH");
    EXPECT_EQ(path, (std::vector<fs::path>{fixture_dir("twin"), fixture_dir("good")}));
}

}  // namespace
}  // namespace perfreport
