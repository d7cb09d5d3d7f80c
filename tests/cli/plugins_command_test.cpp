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
