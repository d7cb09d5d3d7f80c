// The options of SPEC 1.7: the input's, the command line's, a preset's,
// checked against what each part declares and completed with defaults.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "../input/diagnostic.hpp"
#include "../plugins/plugin_catalog.hpp"
#include "../report/reporting_assembler.hpp"

namespace perfreport {

// One --option KEY=VALUE: KEY is "section.key" (or "preset"); VALUE is read
// as JSON when it is JSON (3, true, "x") and as a plain string otherwise.
struct CommandLineOption {
    std::string section;  // "" for top-level keys such as "preset"
    std::string key;
    boost::json::value value;
};

// Throws std::invalid_argument with a message for the user.
CommandLineOption parse_command_line_option(std::string_view text);

// The options schema a part declares (abi/analyzer.h), under its section name.
struct OptionSchema {
    std::string section;  // the part's id, '-' read as '_'
    std::string schema_json;
};

struct ResolvedOptions {
    boost::json::object options;  // preset < input < command line, defaults filled
    CoreSummaryOptions core;
    Diagnostics diagnostics;      // E_TYPE errors, W_UNKNOWN_KEY warnings
};

// Precedence: the preset (command line's over the input's), then the input's
// options, then the command line's, key by key.
ResolvedOptions resolve_options(const boost::json::object& input_options,
                                const std::vector<CommandLineOption>& command_line,
                                const std::vector<OptionSchema>& schemas);

// What is wrong with one part's options schema (abi/analyzer.h): not an
// object, an option without a known "type", a default its own spec refuses,
// an unknown key. Empty when it is right.
std::vector<std::string> options_schema_problems(std::string_view schema_json);

// The schemas of every analyzer and exporter in `catalog`.
std::vector<OptionSchema> option_schemas(const PluginCatalog& catalog);

// The sections SPEC names, accepted even when their plugin is not loaded.
const std::vector<std::string>& known_option_sections();

}  // namespace perfreport
