// perfreport plugins: what is loaded, from where, at which ABI.
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <iostream>
#include <optional>

#include "../src/version.hpp"
#include "cli_support.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"

namespace perfreport::cli {
namespace {

struct Row {
    std::string kind, id, version, plugin, abi, library;
    std::optional<std::string> abi_note;  // built against an older minor
};

template <class Info>
void add_rows(std::vector<Row>& rows, const char* kind, const Registry<Info>& registry)
{
    for (const auto& info : registry.all()) {
        rows.push_back({kind, info.id, info.version, info.library->name, version_text(info.library->abi),
                        info.library->file.string(), older_abi_note(info.library->abi)});
    }
}

// One warning per library built against an older minor: it works, but the
// user may want a rebuild to get what the newer minors offer.
Diagnostics older_abi_warnings(const PluginCatalog& catalog)
{
    Diagnostics warnings;
    for (const auto& library : catalog.libraries) {
        if (const auto note = older_abi_note(library->abi)) {
            warnings.push_back({Severity::warning, "W_PLUGIN_OLDER_ABI", "host", "",
                                library->file.string() + ": " + *note});
        }
    }
    return warnings;
}

}  // namespace

int command_plugins(const std::vector<std::string>& args)
{
    bool as_json = false;
    std::string check;
    std::string input;
    int timeout = 60;
    PluginFlags plugin_flags;
    po::options_description options("Options");
    options.add_options()
        ("help,h", "show this help")
        ("json", po::bool_switch(&as_json), "print the list as JSON")
        ("check", po::value(&check), "check the plugin library LIB alone instead of listing (see above)")
        ("input", po::value(&input), "with --check: the EngineResult to run it on (default: SPEC 5.1's E1, built in)")
        ("timeout", po::value(&timeout), "with --check: seconds the whole check may take (default: 60)");
    options.add(plugin_options(plugin_flags));
    po::variables_map values;
    if (!parse_command_line(args, options, {},
                            "Usage: perfreport plugins [--json] [--plugin-dir DIR]...\n"
                            "       perfreport plugins --check LIB [--input FILE] [--timeout SECONDS]\n\n"
                            "Lists every analyzer, exporter and price source found on the plugin\n"
                            "search path: id, kind, version, library file and ABI version. A library\n"
                            "built against an older minor of the ABI gets a warning W_PLUGIN_OLDER_ABI.\n\n"
                            "--check loads LIB alone and takes it through its whole lifecycle on a\n"
                            "sample input: descriptors, a real call of every part, two calls at once,\n"
                            "no write outside the output folder. It prints one line per finding\n"
                            "('problem: ...' for each problem). Exit codes: 0 no problem, 1 problems,\n"
                            "2 usage or a bad --input.",
                            values)) {
        return exit_ok;
    }
    if (!check.empty()) {
        if (as_json || !plugin_flags.plugin_dirs.empty() || plugin_flags.allow_override) {
            throw UsageError("--check loads one library alone: --json, --plugin-dir and --allow-plugin-override do not apply");
        }
        return check_plugin_command(check, input, timeout);
    }
    if (values.count("input") != 0 || values.count("timeout") != 0) throw UsageError("--input and --timeout go with --check");
    CatalogOptions catalog_options;
    for (const auto& dir : plugin_flags.plugin_dirs) catalog_options.search.plugin_dirs.emplace_back(dir);
    catalog_options.allow_override = plugin_flags.allow_override;
    const PluginCatalog catalog = load_plugin_catalog(catalog_options);

    std::vector<Row> rows;
    add_rows(rows, "analyzer", catalog.analyzers);
    add_rows(rows, "exporter", catalog.exporters);
    add_rows(rows, "price-source", catalog.price_sources);

    if (as_json) {
        boost::json::array parts;
        for (const auto& row : rows) {
            boost::json::object part{{"kind", row.kind}, {"id", row.id}, {"version", row.version},
                                     {"plugin", row.plugin}, {"abi", row.abi}, {"library", row.library}};
            if (row.abi_note) part["abi_warning"] = *row.abi_note;
            parts.push_back(std::move(part));
        }
        boost::json::array path;
        for (const auto& folder : catalog.search_path) path.emplace_back(folder.string());
        boost::json::object out{{"host_version", host_version}, {"abi", version_text(host_abi)},
                                {"search_path", std::move(path)}, {"plugins", std::move(parts)}};
        std::cout << boost::json::serialize(out) << '\n';
    } else {
        std::cout << version_line() << '\n';
        std::cout << "search path:\n";
        for (const auto& folder : catalog.search_path) std::cout << "  " << folder.string() << '\n';
        std::printf("%-13s %-14s %-9s %-5s %s\n", "KIND", "ID", "VERSION", "ABI", "LIBRARY");
        for (const auto& row : rows) {
            std::printf("%-13s %-14s %-9s %-5s %s\n", row.kind.c_str(), row.id.c_str(), row.version.c_str(),
                        row.abi.c_str(), row.library.c_str());
        }
        std::fflush(stdout);
    }
    print_diagnostics(catalog.diagnostics);
    print_diagnostics(older_abi_warnings(catalog));
    return has_errors(catalog.diagnostics) ? exit_bad_input : exit_ok;
}

}  // namespace perfreport::cli
