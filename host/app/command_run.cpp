// perfreport run: one input, one report.
#include <atomic>
#include <csignal>
#include <iostream>

#include "../src/input/closest_key.hpp"
#include "../src/pipeline/cost_context.hpp"
#include "../src/pipeline/output_directory.hpp"
#include "../src/pipeline/reporting_engine.hpp"
#include "../src/report/text_summary.hpp"
#include "cli_support.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "prepared_input.hpp"

namespace perfreport::cli {
namespace {

std::atomic<bool> cancel_requested{false};

extern "C" void request_cancel(int)
{
    cancel_requested.store(true);
}

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

int command_run(const std::vector<std::string>& args)
{
    std::string input;
    std::string output_dir = "perfreport-out";
    std::string formats = "json";
    std::string analyzers = "all";
    std::string preset;
    std::string cost_table;
    std::vector<std::string> option_texts;
    bool quiet = false;
    bool compact = false;
    PluginFlags plugin_flags;

    po::options_description options("Options");
    options.add_options()
        ("help,h", "show this help")
        ("input", po::value(&input)->required(), "the EngineResult JSON file")
        ("output,o", po::value(&output_dir), "output folder, created when missing (default: perfreport-out)")
        ("format", po::value(&formats), "exporters to run, comma-separated, or 'all' (default: json)")
        ("analyzers", po::value(&analyzers), "analyzers to run, comma-separated, or 'all' (default: all loaded)")
        ("preset", po::value(&preset), "option preset: 'tier6' selects every upstream variant, 'seed' the defaults")
        ("option", po::value(&option_texts)->composing(),
         "KEY=VALUE, e.g. roofline.num_points=50 (repeatable; wins over the input's options)")
        ("cost-table", po::value(&cost_table),
         "a JSON cost table (SPEC 2.2): a preset plus overrides; wins over the input's context.cost "
         "and the price-source plugins")
        ("compact", po::bool_switch(&compact), "JSON without whitespace (the same as --option json.compact=true)")
        ("quiet,q", po::bool_switch(&quiet), "do not print the text summary");
    options.add(plugin_options(plugin_flags));
    po::positional_options_description positional;
    positional.add("input", 1);
    po::variables_map values;
    if (!parse_command_line(args, options, positional,
                            "Usage: perfreport run INPUT [-o DIR] [--format LIST] [--analyzers LIST] "
                            "[--preset NAME] [--option KEY=VALUE]... [--cost-table FILE] [--plugin-dir DIR]...\n\n"
                            "Writes the report of INPUT into DIR and prints a short summary.\n"
                            "Exit codes: 0 ok, 1 a part failed, 2 bad input or usage.",
                            values)) {
        return exit_ok;
    }

    std::vector<CommandLineOption> command_line;
    try {
        if (!preset.empty()) command_line.push_back(parse_command_line_option("preset=" + preset));
        for (const auto& text : option_texts) command_line.push_back(parse_command_line_option(text));
        if (compact) command_line.push_back(parse_command_line_option("json.compact=true"));
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }

    CostSources cost_sources;
    if (!cost_table.empty()) {
        try {
            cost_sources.table_file = load_cost_table_file(cost_table);
        } catch (const CostTableError& e) {
            for (const auto& problem : e.problems()) std::cerr << "error: " << problem << '\n';
            return exit_bad_input;
        }
    }

    PluginCatalog catalog;
    if (!load_catalog(plugin_flags, catalog)) return exit_bad_input;
    const auto chosen_analyzers = select(catalog.analyzers, analyzers, "analyzer");
    const auto chosen_exporters = select(catalog.exporters, formats, "format");
    const bool keep_raw_meta = std::any_of(chosen_analyzers.begin(), chosen_analyzers.end(),
                                           [](const AnalyzerInfo* a) { return (a->flags & PR_ANALYZER_NEEDS_RAW_META) != 0; });

    PreparedInput prepared = prepare_input(input, catalog, keep_raw_meta, command_line);
    if (!prepared.input) {
        print_diagnostics(prepared.diagnostics);
        std::cerr << input << ": not analyzed, the input has errors\n";
        return exit_bad_input;
    }

    std::signal(SIGINT, request_cancel);
    std::signal(SIGTERM, request_cancel);
    HostLog log;
    const ReportingEngine engine(log, cancel_requested);
    AnalysisRequest request;
    request.analyzers = chosen_analyzers;
    request.options = std::move(prepared.options);
    request.diagnostics = std::move(prepared.diagnostics);
    const auto price_tables = ask_price_sources(catalog.price_sources, log, request.diagnostics);
    cost_sources.price_sources = merge_price_sources(price_tables, request.diagnostics);
    request.cost = std::move(cost_sources);
    ReportingReport report = engine.analyze(*prepared.input, request);

    print_diagnostics(report.diagnostics);

    std::vector<ExportOutcome> outcomes;
    try {
        outcomes = engine.export_report(report, chosen_exporters, request.options.options, output_dir);
    } catch (const OutputError& e) {
        std::cerr << "error: " << e.what() << '\n';
        return exit_part_failed;
    }
    if (!quiet) std::cout << build_text(report, request.options.core.top_n);
    bool failed = report_has_failures(report);
    for (const auto& outcome : outcomes) {
        for (const auto& file : outcome.files) std::cerr << "wrote " << (std::filesystem::path(output_dir) / file).string() << '\n';
        if (!outcome.ok) {
            std::cerr << "error: exporter " << outcome.id << " failed: " << outcome.message << '\n';
            failed = true;
        }
    }
    return failed ? exit_part_failed : exit_ok;
}

}  // namespace perfreport::cli
