// `perfreport plugins`: what is loaded, from where, at which ABI.
#include <gtest/gtest.h>

#include <perfreport/sdk/json_parse.hpp>

#include "command_runner.hpp"

namespace perfreport {
namespace {
using test::run_perfreport;

TEST(PluginsCommand, ListsTheBuiltPluginsAsJson)
{
    const auto result = run_perfreport({"plugins", "--json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto listing = parse_json(result.out).as_object();
    EXPECT_EQ(listing.at("abi").as_string(), "1.1");
    bool roofline = false, json = false;
    for (const auto& part : listing.at("plugins").as_array()) {
        const std::string id(part.at("id").as_string());
        const std::string library(part.at("library").as_string());
        EXPECT_EQ(part.at("abi").as_string(), "1.1");
        if (id == "roofline") {
            roofline = true;
            EXPECT_EQ(part.at("kind").as_string(), "analyzer");
            EXPECT_TRUE(library.ends_with("/lib/perfreport/plugins/libperfreport_roofline.so")) << library;
        }
        if (id == "json") {
            json = true;
            EXPECT_EQ(part.at("kind").as_string(), "exporter");
        }
    }
    EXPECT_TRUE(roofline);
    EXPECT_TRUE(json);
}

TEST(PluginsCommand, ShowsEachPartsAbiAndWarnsAboutOlderMinors)
{
    const std::string old_binary = std::string(FIXTURE_PLUGIN_ROOT) + "/abi_1_0";
    const auto result = run_perfreport({"plugins", "--plugin-dir", old_binary});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("perfreport " PROJECT_VERSION " (plugin ABI 1.1)\n"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("KIND          ID             VERSION   ABI   LIBRARY"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("analyzer      abi_1_0        1.0.0     1.0   "), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("analyzer      roofline       1.0.0     1.1   "), std::string::npos) << result.out;
    // One warning for the library built against 1.0, none for the bundled ones.
    EXPECT_EQ(result.err, "warning W_PLUGIN_OLDER_ABI: " + old_binary +
                              "/libabi_1_0.so: built against plugin ABI 1.0, older than this host's 1.1: it runs, "
                              "without what ABI 1.1 added\n");

    const auto listing = parse_json(run_perfreport({"plugins", "--json", "--plugin-dir", old_binary}).out).as_object();
    for (const auto& part : listing.at("plugins").as_array()) {
        const bool old = part.at("plugin").as_string() == "abi-1-0-fixture";
        EXPECT_EQ(part.as_object().contains("abi_warning"), old) << part;
    }
}

TEST(PluginsCommand, VersionNamesTheProgramAndTheAbi)
{
    const auto result = run_perfreport({"--version"});
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_EQ(result.out, "perfreport " PROJECT_VERSION " (plugin ABI 1.1)\n");
    EXPECT_EQ(parse_json(run_perfreport({"plugins", "--json"}).out).at("host_version").as_string(), PROJECT_VERSION);
}

TEST(PluginsCommand, RefusedPluginsAreReportedAndTheRestListed)
{
    const auto result = run_perfreport(
        {"plugins", "--plugin-dir", std::string(FIXTURE_PLUGIN_ROOT) + "/newer_major"});
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_NE(result.out.find("roofline"), std::string::npos);
    EXPECT_NE(result.err.find("warning W_PLUGIN_REFUSED"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("built for perfreport ABI 2.0, this host implements ABI 1.1"), std::string::npos);
}

}  // namespace
}  // namespace perfreport
