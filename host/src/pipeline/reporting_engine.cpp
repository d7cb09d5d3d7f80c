#include "reporting_engine.hpp"

#include <boost/json/serialize.hpp>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <chrono>
#include <optional>

#include "../input/effective_context.hpp"
#include "../report/reporting_assembler.hpp"
#include "../report/timestamp.hpp"
#include "error_slot.hpp"
#include "host_services.hpp"
#include "report_view.hpp"
#include "section_collector.hpp"

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

// Everything one analyzer run produced, kept apart until the ordered merge.
struct AnalyzerRun {
    PartProvenance provenance;
    std::optional<Section> section;
    Diagnostics diagnostics;
};

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
    const std::string context_text = json::serialize(context);
    const std::string options_text = json::serialize(request.options.options);
    const PR_StepTable steps = input.steps.view();

    const auto analyzers = in_report_order(request.analyzers);
    std::vector<AnalyzerRun> runs(analyzers.size());
    tbb::parallel_for(std::size_t{0}, analyzers.size(), [&](std::size_t i) {
        const AnalyzerInfo& analyzer = *analyzers[i];
        AnalyzerRun& run = runs[i];
        run.provenance = {analyzer.id, analyzer.version, analyzer.library->file.string(), 0.0, "ok"};
        if (const auto missing = missing_context(analyzer, context)) {
            run.provenance.status = "skipped";
            run.diagnostics.push_back({Severity::warning, "W_SKIPPED", analyzer.id, "/context" + *missing,
                                       analyzer.id + " skipped: the context has no " + *missing});
            return;
        }
        CallContext call;
        call.part_id = analyzer.id;
        call.log = &log_;
        call.cancelled = &cancelled_;
        if ((analyzer.flags & PR_ANALYZER_NEEDS_RAW_META) != 0) call.raw_meta = &input.raw_meta;
        HostServices services(std::move(call));
        PR_AnalyzerInput view{};
        view.struct_size = sizeof(PR_AnalyzerInput);
        view.granularity = input.granularity;
        view.host = services.host();
        view.aggregates = &input.aggregates;
        view.steps = &steps;
        view.context_json = {context_text.data(), context_text.size()};
        view.options_json = {options_text.data(), options_text.size()};

        SectionCollector collector(analyzer.id);
        ErrorSlot error;
        const auto start = std::chrono::steady_clock::now();
        const PR_Status status = analyzer.descriptor->analyze(analyzer.descriptor, &view, collector.sink(), error.get());
        run.provenance.elapsed_ms = milliseconds_since(start);
        run.diagnostics = std::move(collector.diagnostics());
        std::string failure;
        if (status == PR_SKIPPED) {
            run.provenance.status = "skipped";
            const bool explained = std::any_of(run.diagnostics.begin(), run.diagnostics.end(),
                                               [](const Diagnostic& d) { return d.code == "W_SKIPPED"; });
            if (!explained) {
                run.diagnostics.push_back({Severity::warning, "W_SKIPPED", analyzer.id, "",
                                           analyzer.id + " skipped: " + error.message()});
            }
            return;
        }
        if (status != PR_OK) {
            failure = error.message().empty() ? std::string(status_name(status)) : error.message();
        } else {
            try {
                run.section = collector.take_section();
            } catch (const std::exception& e) {
                failure = e.what();
            }
        }
        if (!failure.empty()) {
            run.provenance.status = "error";
            run.diagnostics.push_back({Severity::error, "E_ANALYZER", analyzer.id, "",
                                       analyzer.id + " failed: " + failure});
        }
    });

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

    std::vector<ExportOutcome> outcomes(exporters.size());
    tbb::parallel_for(std::size_t{0}, exporters.size(), [&](std::size_t i) {
        const ExporterInfo& exporter = *exporters[i];
        ExportOutcome& outcome = outcomes[i];
        outcome.id = exporter.id;
        CallContext call;
        call.part_id = exporter.id;
        call.log = &log_;
        call.cancelled = &cancelled_;
        call.output = &output;
        HostServices services(std::move(call));
        const PR_ReportView view = data.view_for(services.host());
        ErrorSlot error;
        const auto start = std::chrono::steady_clock::now();
        const PR_Status status = exporter.descriptor->export_report(exporter.descriptor, &view, error.get());
        outcome.elapsed_ms = milliseconds_since(start);
        outcome.ok = status == PR_OK;
        if (!outcome.ok) outcome.message = error.message().empty() ? status_name(status) : error.message();
        outcome.files = services.committed();
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
