// ReportingEngine: runs a report end to end on one parsed input: the core
// summary, the analyzers in parallel, the merge, then the exporters.
#pragma once

#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

#include "../input/engine_result.hpp"
#include "../plugins/plugin_info.hpp"
#include "../report/reporting_report.hpp"
#include "cost_context.hpp"
#include "host_log.hpp"
#include "options_resolver.hpp"
#include "part_calls.hpp"

namespace perfreport {

struct AnalysisRequest {
    std::vector<const AnalyzerInfo*> analyzers;  // any order; the report orders them
    ResolvedOptions options;
    CostSources cost;         // merged with each input's context.cost
    Diagnostics diagnostics;  // what came before: input and host findings
};

class ReportingEngine {
public:
    ReportingEngine(HostLog& log, const std::atomic<bool>& cancelled) : log_(log), cancelled_(cancelled) {}

    // Never throws for a failing analyzer: its diagnostic goes into the
    // report, its provenance says "error", and the other sections stay. An
    // invalid context.cost is an input error: the report then has its
    // diagnostics and no section.
    ReportingReport analyze(const EngineResult& input, const AnalysisRequest& request) const;

    // Records the exporters in the report's provenance, then runs them in
    // parallel into `output_dir`; one failing does not stop the others.
    // Throws OutputError when the folder cannot be made.
    std::vector<ExportOutcome> export_report(ReportingReport& report,
                                             const std::vector<const ExporterInfo*>& exporters,
                                             const boost::json::object& options,
                                             const std::filesystem::path& output_dir) const;

private:
    HostLog& log_;
    const std::atomic<bool>& cancelled_;
};

// True when any analyzer failed (an error diagnostic from a part, or an
// analyzer provenance with status "error").
bool report_has_failures(const ReportingReport& report);

// The fixed order of SPEC 3.1: the known sections first, then the rest by id.
std::vector<const AnalyzerInfo*> in_report_order(std::vector<const AnalyzerInfo*> analyzers);

}  // namespace perfreport
