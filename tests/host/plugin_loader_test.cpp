// Loading one library: the good fixture loads, each broken one is refused
// with a message naming the file and the problem.
#include <gtest/gtest.h>

#include "plugins/plugin_loader.hpp"

namespace perfreport {
namespace {

std::filesystem::path fixture(const std::string& name)
{
    return std::filesystem::path(FIXTURE_PLUGIN_ROOT) / name / ("lib" + name + ".so");
}

std::string refusal(const std::string& name)
{
    try {
        load_plugin(fixture(name));
    } catch (const PluginLoadError& e) {
        return e.what();
    }
    return "loaded";
}

TEST(PluginLoader, LoadsPlainCPluginWithAnalyzerAndExporter)
{
    const LoadedPlugin plugin = load_plugin(fixture("good"));
    EXPECT_EQ(plugin.library->name, "fixture-plugin");
    EXPECT_EQ(plugin.library->version, "1.2.3");
    EXPECT_EQ(plugin.library->abi.major, 1);
    EXPECT_EQ(plugin.library->abi.minor, 1);
    ASSERT_EQ(plugin.analyzers.size(), 1u);
    EXPECT_EQ(plugin.analyzers[0].id, "fixture");
    EXPECT_EQ(plugin.analyzers[0].description, "a test fixture");
    EXPECT_NE(plugin.analyzers[0].options_schema.find("label"), std::string::npos);
    ASSERT_EQ(plugin.exporters.size(), 1u);
    EXPECT_EQ(plugin.exporters[0].id, "fixture-out");
    EXPECT_TRUE(plugin.price_sources.empty());
}

TEST(PluginLoader, RejectsPluginWithNewerMajorAbi)
{
    const std::string message = refusal("newer_major");
    EXPECT_NE(message.find("libnewer_major.so"), std::string::npos) << message;
    EXPECT_NE(message.find("built for perfreport ABI 2.0, this host implements ABI 1.1"), std::string::npos)
        << message;
}

TEST(PluginLoader, RejectsPluginWithNewerMinorAbi)
{
    const std::string message = refusal("newer_minor");
    EXPECT_NE(message.find("built for perfreport ABI 1.2, this host implements ABI 1.1"), std::string::npos)
        << message;
}

TEST(PluginLoader, LoadsPluginBuiltForAnOlderMinorAbi)
{
    const LoadedPlugin plugin = load_plugin(fixture("abi_1_0"));
    EXPECT_EQ(plugin.library->abi.major, 1);
    EXPECT_EQ(plugin.library->abi.minor, 0);
    ASSERT_EQ(plugin.analyzers.size(), 1u);
    EXPECT_EQ(plugin.analyzers[0].id, "abi_1_0");
}

TEST(PluginLoader, RejectsLibraryWithoutEntry)
{
    const std::string message = refusal("no_entry");
    EXPECT_NE(message.find("is not a perfreport plugin: it exports no perfreport_plugin_entry"),
              std::string::npos)
        << message;
}

TEST(PluginLoader, RejectsNullFunctionPointer)
{
    const std::string message = refusal("null_analyze");
    EXPECT_NE(message.find("analyzer #0 ('null_analyze'): analyze is NULL"), std::string::npos) << message;
}

TEST(PluginLoader, RejectsStructSmallerThanAbi10Layout)
{
    const std::string message = refusal("small_struct");
    EXPECT_NE(message.find("analyzer #0 ('small_struct') has struct_size " +
                           std::to_string(sizeof(PR_IAnalyzer) - sizeof(void*)) +
                           ", smaller than the ABI 1.0 layout"),
              std::string::npos)
        << message;
}

TEST(PluginLoader, RejectsStructLargerThanTheHostKnows)
{
    const std::string message = refusal("big_struct");
    EXPECT_NE(message.find("analyzer #0 ('big_struct') has struct_size " +
                           std::to_string(sizeof(PR_IAnalyzer) + sizeof(uint64_t)) +
                           ", larger than this host knows (" + std::to_string(sizeof(PR_IAnalyzer)) +
                           ") for ABI 1.1"),
              std::string::npos)
        << message;
}

TEST(PluginLoader, RejectsMissingFile)
{
    const std::string message = refusal("does_not_exist");
    EXPECT_NE(message.find("cannot be loaded"), std::string::npos) << message;
}

}  // namespace
}  // namespace perfreport
