// Helpers shared by the host tests: E1 (SPEC 5.1) parsed, fixture plugins.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "input/engine_result_parser.hpp"
#include "plugins/plugin_catalog.hpp"

namespace perfreport::test {

inline std::string read_text(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// SPEC 5.1's example input, parsed; fails the test when it does not parse.
inline EngineResult e1()
{
    ParseOutcome outcome = parse_engine_result_text(read_text(std::filesystem::path(FIXTURES_DIR) / "input" / "e1.json"));
    EXPECT_TRUE(outcome.result.has_value());
    return std::move(*outcome.result);
}

// A catalog of the named fixture plugin folders only.
inline PluginCatalog fixture_catalog(const std::vector<std::string>& names)
{
    CatalogOptions options;
    for (const auto& name : names) options.search.plugin_dirs.push_back(std::filesystem::path(FIXTURE_PLUGIN_ROOT) / name);
    options.search.use_environment = false;
    options.search.use_install_dir = false;
    return load_plugin_catalog(options);
}

}  // namespace perfreport::test
