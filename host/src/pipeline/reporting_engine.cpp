#include "reporting_engine.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>

#include "../input/effective_context.hpp"
#include "../report/reporting_assembler.hpp"
#include "../report/timestamp.hpp"
#include "report_view.hpp"

namespace perfreport {
namespace json = boost::json;
namespace {

constexpr const char* fixed_section_order[] = {"cost", "memory", "roofline", "gantt", "traffic", "compat"};

std::size_t order_rank(const std::string& id)
{
    const auto* end = std::end(fixed_section_order);
    return static_cast<std::size_t>(std::find(std::begin(fixed_section_order), end, id) -
                                    std::begin(fixed_section_order));
}

}  // namespace

std::vector<const AnalyzerInfo*> in_report_order(std::vector<const AnalyzerInfo*> analyzers)
{
    std::stable_sort(analyzers.begin(), analyzers.end(), [](const AnalyzerInfo* a, const AnalyzerInfo* b) {
        const std::size_t ra = order_rank(a->id);
        const std::size_t rb = order_rank(b->id);
        return ra != rb ? ra < rb : a->id < b->id;
    });
    return analyzers;
}

ReportingReport ReportingEngine::analyze(const EngineResult& input, const AnalysisRequest& request) const
{
    ReportingReport report;
    report.timestamp = report_timestamp();
    ReportingAssembler(request.options.core).assemble(input, report);
    report.diagnostics = request.diagnostics;

    json::value context = effective_context(input);
    const Diagnostics cost_errors = merge_cost_context(context.as_object(), request.cost);
    if (has_errors(cost_errors)) {
        report.diagnostics.insert(report.diagnostics.end(), cost_errors.begin(), cost_errors.end());
        return report;
    }
    const AnalyzerInputData data(input, std::move(context), request.options.options);
    const CallEnvironment environment{log_, cancelled_};
    const auto analyzers = in_report_order(request.analyzers);
    std::vector<AnalyzerRun> runs(analyzers.size());
    tbb::parallel_for(std::size_t{0}, analyzers.size(),
                      [&](std::size_t i) { runs[i] = run_analyzer(*analyzers[i], data, environment); });

    for (auto& run : runs) {
        report.analyzers.push_back(std::move(run.provenance));
        if (run.section) report.sections.push_back(std::move(*run.section));
        report.diagnostics.insert(report.diagnostics.end(), run.diagnostics.begin(), run.diagnostics.end());
    }
    return report;
}

std::vector<ExportOutcome> ReportingEngine::export_report(ReportingReport& report,
                                                          const std::vector<const ExporterInfo*>& exporters,
                                                          const json::object& options,
                                                          const std::filesystem::path& output_dir) const
{
    OutputDirectory output(output_dir);
    report.exporters.clear();
    for (const auto* exporter : exporters) {
        report.exporters.push_back({exporter->id, exporter->version, exporter->library->file.string(), 0.0, ""});
    }
    const ReportViewData data(report, options);

    const CallEnvironment environment{log_, cancelled_};
    std::vector<ExportOutcome> outcomes(exporters.size());
    tbb::parallel_for(std::size_t{0}, exporters.size(), [&](std::size_t i) {
        outcomes[i] = run_exporter(*exporters[i], data, output, environment);
    });
    return outcomes;
}

bool report_has_failures(const ReportingReport& report)
{
    for (const auto& part : report.analyzers) {
        if (part.status == "error") return true;
    }
    return has_errors(report.diagnostics);
}

}  // namespace perfreport
