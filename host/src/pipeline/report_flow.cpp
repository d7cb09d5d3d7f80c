#include "report_flow.hpp"

#include <algorithm>

namespace perfreport {

ReportSetup make_report_setup(const PluginCatalog& catalog, std::vector<const AnalyzerInfo*> analyzers,
                              std::vector<const ExporterInfo*> exporters,
                              std::vector<CommandLineOption> command_line, CostTableLayer cost_table_file,
                              HostLog& log)
{
    ReportSetup setup;
    setup.catalog = &catalog;
    setup.keep_raw_meta = std::any_of(analyzers.begin(), analyzers.end(), [](const AnalyzerInfo* a) {
        return (a->flags & PR_ANALYZER_NEEDS_RAW_META) != 0;
    });
    setup.analyzers = std::move(analyzers);
    setup.exporters = std::move(exporters);
    setup.command_line = std::move(command_line);
    setup.cost.table_file = std::move(cost_table_file);
    const auto price_tables = ask_price_sources(catalog.price_sources, log, setup.cost_warnings);
    setup.cost.price_sources = merge_price_sources(price_tables, setup.cost_warnings);
    return setup;
}

PreparedInput ReportFlow::prepare(const std::filesystem::path& file) const
{
    return prepare_input(file, *setup_.catalog, setup_.keep_raw_meta, setup_.command_line);
}

PreparedInput ReportFlow::prepare_text(std::string_view text) const
{
    return prepare_input_text(text, *setup_.catalog, setup_.keep_raw_meta, setup_.command_line);
}

ReportingReport ReportFlow::analyze(const PreparedInput& prepared) const
{
    AnalysisRequest request;
    request.analyzers = setup_.analyzers;
    request.options = prepared.options;
    request.diagnostics = prepared.diagnostics;
    request.diagnostics.insert(request.diagnostics.end(), setup_.cost_warnings.begin(), setup_.cost_warnings.end());
    request.cost = setup_.cost;
    return engine_.analyze(*prepared.input, request);
}

std::vector<ExportOutcome> ReportFlow::write(ReportingReport& report, const PreparedInput& prepared,
                                             const std::filesystem::path& output_dir) const
{
    return engine_.export_report(report, setup_.exporters, prepared.options.options, output_dir);
}

}  // namespace perfreport
