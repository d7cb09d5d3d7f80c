// An input file parsed, validated and paired with its resolved options: what
// `run` analyzes and what `validate` reports on.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "../src/input/engine_result.hpp"
#include "../src/pipeline/options_resolver.hpp"
#include "../src/plugins/plugin_catalog.hpp"

namespace perfreport::cli {

struct PreparedInput {
    std::optional<EngineResult> input;  // set when there is no error
    ResolvedOptions options;
    Diagnostics diagnostics;  // input (parse, options, context.cost), then the catalog's warnings
};

PreparedInput prepare_input(const std::filesystem::path& file, const PluginCatalog& catalog,
                            bool keep_raw_meta, const std::vector<CommandLineOption>& command_line);

}  // namespace perfreport::cli
