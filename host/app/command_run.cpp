// perfreport run: one input, one report.
#include <atomic>
#include <csignal>
#include <iostream>

#include "../src/pipeline/output_directory.hpp"
#include "../src/pipeline/report_flow.hpp"
#include "../src/report/text_summary.hpp"
#include "cli_support.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "report_flags.hpp"

namespace perfreport::cli {
namespace {

std::atomic<bool> cancel_requested{false};

extern "C" void request_cancel(int)
{
    cancel_requested.store(true);
}

}  // namespace

int command_run(const std::vector<std::string>& args)
{
    std::string input;
    std::string output_dir = "perfreport-out";
    bool quiet = false;
    ReportFlags flags;

    po::options_description options("Options");
    options.add_options()
        ("help,h", "show this help")
        ("input", po::value(&input)->required(), "the EngineResult JSON file")
        ("output,o", po::value(&output_dir), "output folder, created when missing (default: perfreport-out)")
        ("quiet,q", po::bool_switch(&quiet), "do not print the text summary");
    options.add(report_options(flags));
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

    HostLog log;
    PluginCatalog catalog;
    const auto setup = make_setup(flags, catalog, log);
    if (!setup) return exit_bad_input;
    const ReportFlow flow(*setup, log, cancel_requested);

    const PreparedInput prepared = flow.prepare(input);
    if (!prepared.input) {
        print_diagnostics(prepared.diagnostics);
        std::cerr << input << ": not analyzed, the input has errors\n";
        return exit_bad_input;
    }

    std::signal(SIGINT, request_cancel);
    std::signal(SIGTERM, request_cancel);
    ReportingReport report = flow.analyze(prepared);
    print_diagnostics(report.diagnostics);

    std::vector<ExportOutcome> outcomes;
    try {
        outcomes = flow.write(report, prepared, output_dir);
    } catch (const OutputError& e) {
        std::cerr << "error: " << e.what() << '\n';
        return exit_part_failed;
    }
    if (!quiet) std::cout << build_text(report, prepared.options.core.top_n);
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
