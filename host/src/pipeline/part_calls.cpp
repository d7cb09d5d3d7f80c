#include "part_calls.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <chrono>

#include "error_slot.hpp"
#include "host_services.hpp"
#include "section_collector.hpp"

namespace perfreport {
namespace json = boost::json;
namespace {

double milliseconds_since(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// The first required context pointer that has no value, if any.
std::optional<std::string> missing_context(const AnalyzerInfo& analyzer, const json::value& context)
{
    for (const auto& pointer : analyzer.required_context) {
        json::error_code ec;
        const json::value* found = context.find_pointer(pointer, ec);
        if (found == nullptr || found->is_null()) return pointer;
    }
    return std::nullopt;
}

}  // namespace

AnalyzerInputData::AnalyzerInputData(const EngineResult& input, json::value context, const json::object& options)
    : input_(input),
      context_(std::move(context)),
      context_text_(json::serialize(context_)),
      options_text_(json::serialize(options)),
      steps_(input.steps.view())
{
}

PR_AnalyzerInput AnalyzerInputData::view_for(const PR_Host* host) const
{
    PR_AnalyzerInput view{};
    view.struct_size = sizeof(PR_AnalyzerInput);
    view.granularity = input_.granularity;
    view.host = host;
    view.aggregates = &input_.aggregates;
    view.steps = &steps_;
    view.context_json = {context_text_.data(), context_text_.size()};
    view.options_json = {options_text_.data(), options_text_.size()};
    return view;
}

AnalyzerRun run_analyzer(const AnalyzerInfo& analyzer, const AnalyzerInputData& data, const CallEnvironment& environment)
{
    AnalyzerRun run;
    run.provenance = {analyzer.id, analyzer.version, analyzer.library->file.string(), 0.0, "ok"};
    if (const auto missing = missing_context(analyzer, data.context())) {
        run.provenance.status = "skipped";
        run.diagnostics.push_back({Severity::warning, "W_SKIPPED", analyzer.id, "/context" + *missing,
                                   analyzer.id + " skipped: the context has no " + *missing});
        return run;
    }
    CallContext call;
    call.part_id = analyzer.id;
    call.log = &environment.log;
    call.cancelled = &environment.cancelled;
    if ((analyzer.flags & PR_ANALYZER_NEEDS_RAW_META) != 0) call.raw_meta = &data.input().raw_meta;
    HostServices services(std::move(call));
    const PR_AnalyzerInput view = data.view_for(services.host());

    SectionCollector collector(analyzer.id);
    ErrorSlot error;
    const auto start = std::chrono::steady_clock::now();
    run.called = true;
    run.status = analyzer.descriptor->analyze(analyzer.descriptor, &view, collector.sink(), error.get());
    run.provenance.elapsed_ms = milliseconds_since(start);
    run.error_message = error.message();
    run.diagnostics = std::move(collector.diagnostics());
    if (run.status == PR_SKIPPED) {
        run.provenance.status = "skipped";
        const bool explained = std::any_of(run.diagnostics.begin(), run.diagnostics.end(),
                                           [](const Diagnostic& d) { return d.code == "W_SKIPPED"; });
        if (!explained) {
            run.diagnostics.push_back({Severity::warning, "W_SKIPPED", analyzer.id, "",
                                       analyzer.id + " skipped: " + error.message()});
        }
        return run;
    }
    std::string failure;
    if (run.status != PR_OK) {
        failure = error.message().empty() ? std::string(status_name(run.status)) : error.message();
    } else {
        try {
            run.section = collector.take_section();
        } catch (const std::exception& e) {
            failure = e.what();
        }
    }
    if (!failure.empty()) {
        run.provenance.status = "error";
        run.diagnostics.push_back({Severity::error, "E_ANALYZER", analyzer.id, "", analyzer.id + " failed: " + failure});
    }
    return run;
}

ExportOutcome run_exporter(const ExporterInfo& exporter, const ReportViewData& report, OutputDirectory& output,
                           const CallEnvironment& environment)
{
    ExportOutcome outcome;
    outcome.id = exporter.id;
    CallContext call;
    call.part_id = exporter.id;
    call.log = &environment.log;
    call.cancelled = &environment.cancelled;
    call.output = &output;
    HostServices services(std::move(call));
    const PR_ReportView view = report.view_for(services.host());
    ErrorSlot error;
    const auto start = std::chrono::steady_clock::now();
    outcome.status = exporter.descriptor->export_report(exporter.descriptor, &view, error.get());
    outcome.elapsed_ms = milliseconds_since(start);
    outcome.ok = outcome.status == PR_OK;
    outcome.error_message = error.message();
    if (!outcome.ok) outcome.message = error.message().empty() ? status_name(outcome.status) : error.message();
    outcome.files = services.committed();
    return outcome;
}

}  // namespace perfreport
