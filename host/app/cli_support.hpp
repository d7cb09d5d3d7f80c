// What the commands share: plugin flags, printing diagnostics, usage errors.
#pragma once

#include <boost/program_options.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "../src/input/diagnostic.hpp"
#include "../src/plugins/plugin_catalog.hpp"

namespace perfreport::cli {

namespace po = boost::program_options;

// A mistake on the command line; main prints it with a hint to --help.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct PluginFlags {
    std::vector<std::string> plugin_dirs;
    bool allow_override = false;
};

// --plugin-dir DIR... and --allow-plugin-override.
po::options_description plugin_options(PluginFlags& flags);

// Loads the catalog. When it has errors, prints its diagnostics and returns false.
bool load_catalog(const PluginFlags& flags, PluginCatalog& catalog);

// "error E_T_TOTAL at /step_metrics/2/t_total: ..." on stderr, one per line.
void print_diagnostics(const Diagnostics& diagnostics);

// Parses `args` (the words after the command) against `options`, with
// `positional` naming the positional arguments in order. Returns false when
// --help was asked for (and printed, with `usage` first).
bool parse_command_line(const std::vector<std::string>& args, const po::options_description& options,
                        const po::positional_options_description& positional, const std::string& usage,
                        po::variables_map& values);

// "a,b , c" -> {"a", "b", "c"}.
std::vector<std::string> split_list(const std::string& text);

}  // namespace perfreport::cli
