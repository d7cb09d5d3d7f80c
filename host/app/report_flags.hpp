// The flags `run` and `batch` share: which parts run, their options, the
// cost table; and turning them into the ReportSetup both commands use.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "../src/pipeline/report_flow.hpp"
#include "cli_support.hpp"

namespace perfreport::cli {

struct ReportFlags {
    std::string formats = "json";
    std::string analyzers = "all";
    std::string preset;
    std::string cost_table;
    std::vector<std::string> option_texts;
    bool compact = false;
    PluginFlags plugins;
};

// --format, --analyzers, --preset, --option, --cost-table, --compact and the
// plugin flags.
po::options_description report_options(ReportFlags& flags);

// The --option, --preset and --compact flags as options; throws UsageError.
std::vector<CommandLineOption> command_line_options(const ReportFlags& flags);

// Reads the --cost-table file, loads the plugins into `catalog` and picks the
// parts. Returns nothing after printing why it cannot (a bad cost table, a
// plugin error); throws UsageError for an unknown part.
std::optional<ReportSetup> make_setup(const ReportFlags& flags, PluginCatalog& catalog, HostLog& log);

}  // namespace perfreport::cli
