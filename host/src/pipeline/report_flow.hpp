// The flow of one input, from file to written report, shared by `run` (one
// input) and `batch` (every input of a sweep, several at once): what is
// chosen once per command is a ReportSetup; each input then goes through
// prepare -> analyze -> write. Every step is const and keeps its state per
// input, so one ReportFlow serves concurrent inputs.
#pragma once

#include <atomic>
#include <filesystem>
#include <string_view>
#include <vector>

#include "../plugins/plugin_catalog.hpp"
#include "../report/reporting_report.hpp"
#include "cost_context.hpp"
#include "host_log.hpp"
#include "options_resolver.hpp"
#include "prepared_input.hpp"
#include "reporting_engine.hpp"

namespace perfreport {

// The same for every input of a command.
struct ReportSetup {
    const PluginCatalog* catalog = nullptr;
    std::vector<const AnalyzerInfo*> analyzers;
    std::vector<const ExporterInfo*> exporters;
    std::vector<CommandLineOption> command_line;
    CostSources cost;           // the --cost-table file and the price sources, merged once
    Diagnostics cost_warnings;  // what asking the price sources found
    bool keep_raw_meta = false;  // some chosen analyzer reads raw step meta
};

// Asks the price sources once, for every input to come.
ReportSetup make_report_setup(const PluginCatalog& catalog, std::vector<const AnalyzerInfo*> analyzers,
                              std::vector<const ExporterInfo*> exporters,
                              std::vector<CommandLineOption> command_line, CostTableLayer cost_table_file,
                              HostLog& log);

class ReportFlow {
public:
    // `setup` must outlive the flow.
    ReportFlow(const ReportSetup& setup, HostLog& log, const std::atomic<bool>& cancelled)
        : setup_(setup), engine_(log, cancelled) {}

    PreparedInput prepare(const std::filesystem::path& file) const;
    PreparedInput prepare_text(std::string_view text) const;

    // `prepared` must hold an input. Its diagnostics come first in the
    // report's, then the price sources' warnings, then the analyzers'.
    ReportingReport analyze(const PreparedInput& prepared) const;

    // Runs the chosen exporters into `output_dir`; throws OutputError when the
    // folder cannot be made.
    std::vector<ExportOutcome> write(ReportingReport& report, const PreparedInput& prepared,
                                     const std::filesystem::path& output_dir) const;

private:
    const ReportSetup& setup_;
    ReportingEngine engine_;
};

}  // namespace perfreport
