// perfreport plugins: what is loaded, from where, at which ABI.
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <iostream>

#include "../src/version.hpp"
#include "cli_support.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"

namespace perfreport::cli {
namespace {

struct Row {
    std::string kind, id, version, plugin, abi, library;
};

template <class Info>
void add_rows(std::vector<Row>& rows, const char* kind, const Registry<Info>& registry)
{
    for (const auto& info : registry.all()) {
        rows.push_back({kind, info.id, info.version, info.library->name, version_text(info.library->abi),
                        info.library->file.string()});
    }
}

}  // namespace

int command_plugins(const std::vector<std::string>& args)
{
    bool as_json = false;
    PluginFlags plugin_flags;
    po::options_description options("Options");
    options.add_options()
        ("help,h", "show this help")
        ("json", po::bool_switch(&as_json), "print the list as JSON");
    options.add(plugin_options(plugin_flags));
    po::variables_map values;
    if (!parse_command_line(args, options, {},
                            "Usage: perfreport plugins [--json] [--plugin-dir DIR]...\n\n"
                            "Lists every analyzer, exporter and price source found on the plugin\n"
                            "search path: id, kind, version, library file and ABI version.",
                            values)) {
        return exit_ok;
    }
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
            parts.push_back({{"kind", row.kind}, {"id", row.id}, {"version", row.version},
                             {"plugin", row.plugin}, {"abi", row.abi}, {"library", row.library}});
        }
        boost::json::array path;
        for (const auto& folder : catalog.search_path) path.emplace_back(folder.string());
        boost::json::object out{{"host_version", host_version}, {"abi", version_text(host_abi)},
                                {"search_path", std::move(path)}, {"plugins", std::move(parts)}};
        std::cout << boost::json::serialize(out) << '\n';
    } else {
        std::cout << "perfreport " << host_version << ", plugin ABI " << version_text(host_abi) << '\n';
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
    return has_errors(catalog.diagnostics) ? exit_bad_input : exit_ok;
}

}  // namespace perfreport::cli
