// One call of one plugin part, with its host services, as the engine makes it
// for a report and `perfreport plugins --check` makes it to test a plugin.
#pragma once

#include <perfreport/abi.h>

#include <boost/json/value.hpp>

#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "../input/engine_result.hpp"
#include "../plugins/plugin_info.hpp"
#include "../report/reporting_report.hpp"
#include "host_log.hpp"
#include "output_directory.hpp"
#include "report_view.hpp"

namespace perfreport {

// What every analyzer call on one input reads: built once, shared read-only
// by calls running at once (each gets its own copy of the top struct).
class AnalyzerInputData {
public:
    // `context` is the effective context with the cost context merged.
    AnalyzerInputData(const EngineResult& input, boost::json::value context, const boost::json::object& options);
    AnalyzerInputData(const AnalyzerInputData&) = delete;
    AnalyzerInputData& operator=(const AnalyzerInputData&) = delete;

    const EngineResult& input() const { return input_; }
    const boost::json::value& context() const { return context_; }
    PR_AnalyzerInput view_for(const PR_Host* host) const;

private:
    const EngineResult& input_;
    boost::json::value context_;
    std::string context_text_;
    std::string options_text_;
    PR_StepTable steps_{};
};

// Where a call's log lines go and whether the run is being cancelled.
struct CallEnvironment {
    HostLog& log;
    const std::atomic<bool>& cancelled;
};

// Everything one analyzer call produced, kept apart until the ordered merge.
struct AnalyzerRun {
    PartProvenance provenance;      // status "ok", "skipped" or "error"
    std::optional<Section> section;  // when ok
    Diagnostics diagnostics;         // the analyzer's own, then the host's about it
    bool called = false;             // false when skipped for a missing context value
    PR_Status status = PR_OK;        // what analyze returned
    std::string error_message;       // what it set through PR_Error, verbatim
};

// Runs `analyzer` on `data` unless a required context value is missing
// (then skipped with W_SKIPPED). Never throws for a failing analyzer: its
// failure is an E_ANALYZER diagnostic and provenance status "error".
AnalyzerRun run_analyzer(const AnalyzerInfo& analyzer, const AnalyzerInputData& data, const CallEnvironment& environment);

// How one exporter went.
struct ExportOutcome {
    std::string id;
    bool ok = false;
    PR_Status status = PR_OK;         // what export_report returned
    std::string message;              // why it failed (the status' name when it gave no message)
    std::string error_message;        // what it set through PR_Error, verbatim
    std::vector<std::string> files;   // committed, relative to the output folder
    double elapsed_ms = 0.0;
};

// Runs `exporter` on the report into `output`.
ExportOutcome run_exporter(const ExporterInfo& exporter, const ReportViewData& report, OutputDirectory& output,
                           const CallEnvironment& environment);

}  // namespace perfreport
