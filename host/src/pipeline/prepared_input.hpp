// An input file parsed, validated and paired with its resolved options: what
// `run` and `batch` analyze and what `validate` reports on.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "../input/engine_result.hpp"
#include "../plugins/plugin_catalog.hpp"
#include "options_resolver.hpp"

namespace perfreport {

struct PreparedInput {
    std::optional<EngineResult> input;  // set when there is no error
    ResolvedOptions options;
    Diagnostics diagnostics;  // input (parse, options, context.cost), then the catalog's warnings
};

PreparedInput prepare_input(const std::filesystem::path& file, const PluginCatalog& catalog,
                            bool keep_raw_meta, const std::vector<CommandLineOption>& command_line);

// The same for an input already in memory (the batch runner reads each file
// once, to hash it and parse it).
PreparedInput prepare_input_text(std::string_view text, const PluginCatalog& catalog, bool keep_raw_meta,
                                 const std::vector<CommandLineOption>& command_line);

}  // namespace perfreport
