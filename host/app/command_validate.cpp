// perfreport validate: says whether an input is valid, with every finding.
#include <boost/json/serialize.hpp>

#include <iostream>

#include "../src/pipeline/prepared_input.hpp"
#include "../src/report/report_json.hpp"
#include "cli_support.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"

namespace perfreport::cli {

int command_validate(const std::vector<std::string>& args)
{
    std::string input;
    bool as_json = false;
    PluginFlags plugin_flags;
    po::options_description options("Options");
    options.add_options()
        ("help,h", "show this help")
        ("input", po::value(&input)->required(), "the EngineResult JSON file")
        ("json", po::bool_switch(&as_json), "print the findings as a JSON array on stdout");
    options.add(plugin_options(plugin_flags));
    po::positional_options_description positional;
    positional.add("input", 1);
    po::variables_map values;
    if (!parse_command_line(args, options, positional,
                            "Usage: perfreport validate INPUT [--json] [--plugin-dir DIR]...\n\n"
                            "Checks INPUT against the EngineResult schema (SPEC 1) and its options\n"
                            "against the loaded plugins; lists every error and warning.\n"
                            "Exit codes: 0 valid (warnings allowed), 2 invalid.",
                            values)) {
        return exit_ok;
    }
    PluginCatalog catalog;
    if (!load_catalog(plugin_flags, catalog)) return exit_bad_input;
    const PreparedInput prepared = prepare_input(input, catalog, false, {});

    std::size_t errors = 0;
    for (const auto& d : prepared.diagnostics) errors += d.level == Severity::error ? 1 : 0;
    const std::size_t warnings = prepared.diagnostics.size() - errors;
    if (as_json) {
        std::cout << diagnostics_json(prepared.diagnostics) << '\n';
    } else {
        print_diagnostics(prepared.diagnostics);
    }
    std::cerr << input << ": " << (prepared.input ? "valid" : "invalid");
    if (prepared.input) std::cerr << ", " << prepared.input->aggregates.num_steps << " steps";
    std::cerr << ", " << errors << " error(s), " << warnings << " warning(s)\n";
    return prepared.input ? exit_ok : exit_bad_input;
}

}  // namespace perfreport::cli
