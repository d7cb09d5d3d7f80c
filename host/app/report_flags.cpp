#include "report_flags.hpp"

#include <algorithm>
#include <iostream>

#include "../src/input/closest_key.hpp"

namespace perfreport::cli {
namespace {

// The parts named in `wanted` ("all" for every one), in the order given.
template <class Info>
std::vector<const Info*> select(const Registry<Info>& registry, const std::string& wanted, const char* kind)
{
    std::vector<const Info*> chosen;
    const auto names = split_list(wanted);
    if (names.size() == 1 && names.front() == "all") {
        for (const auto& info : registry.all()) chosen.push_back(&info);
        return chosen;
    }
    for (const auto& name : names) {
        const Info* info = registry.find(name);
        if (info == nullptr) {
            std::string known;
            for (const auto& id : registry.ids()) known += (known.empty() ? "" : ", ") + id;
            throw UsageError("unknown " + std::string(kind) + " '" + name + "'" +
                             did_you_mean(name, registry.ids()) + "; loaded: " +
                             (known.empty() ? "none" : known));
        }
        if (std::find(chosen.begin(), chosen.end(), info) == chosen.end()) chosen.push_back(info);
    }
    return chosen;
}

}  // namespace

po::options_description report_options(ReportFlags& flags)
{
    po::options_description options("Report");
    options.add_options()
        ("format", po::value(&flags.formats), "exporters to run, comma-separated, or 'all' (default: json)")
        ("analyzers", po::value(&flags.analyzers), "analyzers to run, comma-separated, or 'all' (default: all loaded)")
        ("preset", po::value(&flags.preset), "option preset: 'tier6' selects every upstream variant, 'seed' the defaults")
        ("option", po::value(&flags.option_texts)->composing(),
         "KEY=VALUE, e.g. roofline.num_points=50 (repeatable; wins over the input's options)")
        ("cost-table", po::value(&flags.cost_table),
         "a JSON cost table (SPEC 2.2): a preset plus overrides; wins over the input's context.cost "
         "and the price-source plugins")
        ("compact", po::bool_switch(&flags.compact), "JSON without whitespace (the same as --option json.compact=true)");
    options.add(plugin_options(flags.plugins));
    return options;
}

std::vector<CommandLineOption> command_line_options(const ReportFlags& flags)
{
    std::vector<CommandLineOption> command_line;
    try {
        if (!flags.preset.empty()) command_line.push_back(parse_command_line_option("preset=" + flags.preset));
        for (const auto& text : flags.option_texts) command_line.push_back(parse_command_line_option(text));
        if (flags.compact) command_line.push_back(parse_command_line_option("json.compact=true"));
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    return command_line;
}

std::optional<ReportSetup> make_setup(const ReportFlags& flags, PluginCatalog& catalog, HostLog& log)
{
    auto command_line = command_line_options(flags);
    CostTableLayer cost_table;
    if (!flags.cost_table.empty()) {
        try {
            cost_table = load_cost_table_file(flags.cost_table);
        } catch (const CostTableError& e) {
            for (const auto& problem : e.problems()) std::cerr << "error: " << problem << '\n';
            return std::nullopt;
        }
    }
    if (!load_catalog(flags.plugins, catalog)) return std::nullopt;
    auto analyzers = select(catalog.analyzers, flags.analyzers, "analyzer");
    auto exporters = select(catalog.exporters, flags.formats, "format");
    return make_report_setup(catalog, std::move(analyzers), std::move(exporters), std::move(command_line),
                             std::move(cost_table), log);
}

}  // namespace perfreport::cli
