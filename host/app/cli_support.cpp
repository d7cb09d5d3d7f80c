#include "cli_support.hpp"

#include <iostream>

namespace perfreport::cli {

po::options_description plugin_options(PluginFlags& flags)
{
    po::options_description options("Plugins");
    options.add_options()
        ("plugin-dir", po::value(&flags.plugin_dirs)->composing(),
         "search this folder for plugins first (repeatable); then PERFREPORT_PLUGIN_PATH, "
         "then the install's plugin folder")
        ("allow-plugin-override", po::bool_switch(&flags.allow_override),
         "when two plugins share an id, use the one earlier on the search path instead of failing");
    return options;
}

bool load_catalog(const PluginFlags& flags, PluginCatalog& catalog)
{
    CatalogOptions options;
    for (const auto& dir : flags.plugin_dirs) options.search.plugin_dirs.emplace_back(dir);
    options.allow_override = flags.allow_override;
    catalog = load_plugin_catalog(options);
    if (!has_errors(catalog.diagnostics)) return true;
    print_diagnostics(catalog.diagnostics);
    return false;
}

void print_diagnostics(const Diagnostics& diagnostics)
{
    for (const auto& d : diagnostics) {
        std::cerr << (d.level == Severity::error ? "error " : "warning ") << d.code;
        if (!d.where.empty()) std::cerr << " at " << d.where;
        std::cerr << ": " << d.message << '\n';
    }
}

bool parse_command_line(const std::vector<std::string>& args, const po::options_description& options,
                        const po::positional_options_description& positional, const std::string& usage,
                        po::variables_map& values)
{
    try {
        po::store(po::command_line_parser(args).options(options).positional(positional).run(), values);
    } catch (const po::error& e) {
        throw UsageError(e.what());
    }
    if (values.count("help") != 0) {
        std::cout << usage << "\n\n" << options << '\n';
        return false;
    }
    try {
        po::notify(values);
    } catch (const po::error& e) {
        throw UsageError(e.what());
    }
    return true;
}

std::vector<std::string> split_list(const std::string& text)
{
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        std::string item = text.substr(start, end - start);
        const auto first = item.find_first_not_of(' ');
        const auto last = item.find_last_not_of(' ');
        if (first != std::string::npos) items.push_back(item.substr(first, last - first + 1));
        start = end + 1;
    }
    return items;
}

}  // namespace perfreport::cli
