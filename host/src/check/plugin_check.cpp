#include "plugin_check.hpp"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <charconv>
#include <optional>
#include <thread>

#include "../input/effective_context.hpp"
#include "../pipeline/cost_context.hpp"
#include "../pipeline/error_slot.hpp"
#include "../pipeline/options_resolver.hpp"
#include "../pipeline/part_calls.hpp"
#include "../pipeline/prepared_input.hpp"
#include "../pipeline/reporting_engine.hpp"
#include "../plugins/plugin_loader.hpp"
#include "../version.hpp"
#include "run_comparison.hpp"
#include "write_watch.hpp"

namespace perfreport {
namespace fs = std::filesystem;
namespace {

using Kind = CheckFinding::Kind;

bool is_known_status(PR_Status status)
{
    return status >= PR_OK && status <= PR_SKIPPED;
}

std::string status_text(PR_Status status)
{
    return std::to_string(status) + " (" + status_name(status) + ")";
}

std::string hex(uint32_t value)
{
    char digits[8];
    char* end = std::to_chars(std::begin(digits), std::end(digits), value, 16).ptr;
    return "0x" + std::string(std::begin(digits), end);
}

// The files under `folder`, relative, '/'-separated.
std::vector<std::string> files_under(const fs::path& folder)
{
    std::vector<std::string> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (!it->is_directory()) files.push_back(it->path().lexically_relative(folder).generic_string());
    }
    return files;
}

// The sample, parsed and with its options resolved against the library's parts.
struct Sample {
    EngineResult input;
    ResolvedOptions options;
};

class PluginChecker {
public:
    PluginChecker(const PluginCheckRequest& request, const std::function<void(const CheckFinding&)>& report)
        : request_(request), report_(report)
    {
    }

    std::size_t run()
    {
        info("library: " + request_.library.string());
        fs::create_directories(outputs());
        watch_.watch(request_.sandbox, "<sandbox>", true, {"outputs"});
        watch_.watch(request_.library.parent_path(), "<library folder>", false);
        watch_.reset();
        step("loading the library");
        const bool loaded = load();
        check_writes("loading the library", false);
        if (!loaded) return finish();
        check_descriptors();
        if (!prepare_sample()) return finish();
        for (const auto& analyzer : catalog_.analyzers.all()) check_analyzer(analyzer);
        if (!catalog_.exporters.all().empty()) check_exporters();
        for (const auto& source : catalog_.price_sources.all()) check_price_source(source);
        return finish();
    }

private:
    // ---- the account

    void say(Kind kind, const std::string& text)
    {
        if (kind == Kind::problem) ++problems_;
        report_({kind, text});
    }
    void info(const std::string& text) { say(Kind::info, text); }
    void ok(const std::string& text) { say(Kind::ok, text); }
    void note(const std::string& text) { say(Kind::note, text); }
    void problem(const std::string& text) { say(Kind::problem, text); }

    void step(const std::string& what) const
    {
        if (request_.on_step) request_.on_step(what);
    }

    std::size_t finish()
    {
        info(problems_ == 0 ? std::string("result: no problem") : "result: " + std::to_string(problems_) + " problem(s)");
        return problems_;
    }

    fs::path outputs() const { return request_.sandbox / "outputs"; }

    // ---- the library as a whole

    bool load()
    {
        PluginInspection inspection = inspect_plugin(request_.library);
        for (const auto& text : inspection.problems) problem(request_.library.filename().string() + ": " + text);
        if (!inspection.plugin) {
            info("the host refuses this library: nothing of it was run");
            return false;
        }
        LoadedPlugin& plugin = *inspection.plugin;
        const PluginLibrary& library = *plugin.library;
        info("plugin: " + library.name + " " + library.version + ", built against plugin ABI " +
             version_text(library.abi) + " (this host: " + version_text(host_abi) + ")");
        if (const auto older = older_abi_note(library.abi)) note(*older);
        ok("the entry, the ABI version and every descriptor's size, id, version and functions");
        for (auto& part : plugin.analyzers) catalog_.analyzers.add(std::move(part));
        for (auto& part : plugin.exporters) catalog_.exporters.add(std::move(part));
        for (auto& part : plugin.price_sources) catalog_.price_sources.add(std::move(part));
        catalog_.libraries.push_back(plugin.library);
        entry_ = plugin.library->handle.get<const PR_PluginEntry*()>(PR_PLUGIN_ENTRY_SYMBOL)();
        if (catalog_.analyzers.all().empty() && catalog_.exporters.all().empty() &&
            catalog_.price_sources.all().empty()) {
            problem("the library provides no analyzer, exporter or price source");
            return false;
        }
        return true;
    }

    // What the loader lets pass but the ABI still asks for.
    void check_descriptors()
    {
        const std::size_t before = problems_;
        if (entry_->reserved != 0) problem("the plugin entry's reserved field is " + std::to_string(entry_->reserved) + ", not 0");
        for (const auto& analyzer : catalog_.analyzers.all()) {
            const std::string part = "analyzer '" + analyzer.id + "'";
            if ((analyzer.flags & ~PR_ANALYZER_NEEDS_RAW_META) != 0) {
                problem(part + " sets flags " + hex(analyzer.flags) + "; only PR_ANALYZER_NEEDS_RAW_META (0x1) is defined");
            }
            for (const auto& pointer : analyzer.required_context) {
                if (pointer.empty() || pointer.front() != '/') {
                    problem(part + ": required context '" + pointer + "' is not a JSON pointer (one starts with '/')");
                }
            }
            check_description(part, analyzer.description);
            check_schema(part, analyzer.options_schema);
        }
        for (const auto& exporter : catalog_.exporters.all()) {
            const std::string part = "exporter '" + exporter.id + "'";
            if (exporter.descriptor->flags != 0) problem(part + " sets flags " + hex(exporter.descriptor->flags) + "; none are defined, it must be 0");
            check_description(part, exporter.description);
            check_schema(part, exporter.options_schema);
        }
        for (const auto& source : catalog_.price_sources.all()) {
            const std::string part = "price source '" + source.id + "'";
            if (source.descriptor->flags != 0) problem(part + " sets flags " + hex(source.descriptor->flags) + "; none are defined, it must be 0");
            check_description(part, source.description);
        }
        if (problems_ == before) ok("flags, reserved fields, required context pointers and options schemas");
    }

    void check_description(const std::string& part, const std::string& description)
    {
        if (description.empty()) note(part + " has no description (`perfreport plugins` shows it)");
    }

    void check_schema(const std::string& part, const std::string& schema)
    {
        if (schema.empty()) return;
        for (const auto& text : options_schema_problems(schema)) problem(part + ": options schema: " + text);
    }

    bool prepare_sample()
    {
        step("reading the sample");
        bool keep_raw_meta = false;
        for (const auto& analyzer : catalog_.analyzers.all()) {
            keep_raw_meta = keep_raw_meta || (analyzer.flags & PR_ANALYZER_NEEDS_RAW_META) != 0;
        }
        PreparedInput prepared = prepare_input_text(request_.sample_text, catalog_, keep_raw_meta, {});
        if (!prepared.input) {
            // Options that do not resolve against this library's schemas are
            // its problem; anything else is the sample's.
            const Diagnostics& option_errors = prepared.options.diagnostics;
            std::string sample_errors;
            for (const auto& d : prepared.diagnostics) {
                const bool of_options = std::any_of(option_errors.begin(), option_errors.end(), [&](const Diagnostic& o) {
                    return o.message == d.message && o.where == d.where;
                });
                if (d.level == Severity::error && !of_options) {
                    sample_errors += "\n  " + d.code + (d.where.empty() ? "" : " at " + d.where) + ": " + d.message;
                }
            }
            if (!sample_errors.empty()) throw CheckInputError(request_.sample_label + " is not a valid EngineResult:" + sample_errors);
            for (const auto& d : option_errors) {
                if (d.level == Severity::error) problem("the options of " + request_.sample_label + " do not resolve: " + d.message);
            }
            info("nothing was run");
            return false;
        }
        sample_.emplace(Sample{std::move(*prepared.input), std::move(prepared.options)});
        info("sample: " + request_.sample_label + ", " + std::to_string(sample_->input.aggregates.num_steps) + " steps");
        return true;
    }

    // ---- calls

    // A call's status, when it is not OK: a note for a clean failure (a
    // known status and a message), else a problem. Returns whether clean.
    bool judge_failure(const std::string& part, const char* call, PR_Status status, const std::string& message)
    {
        if (!is_known_status(status)) {
            problem(part + ": " + call + " returned " + std::to_string(status) + ", which is no PR_* status");
            return false;
        }
        if (message.empty()) {
            problem(part + ": " + call + " returned " + status_text(status) + " without a message (PR_Error.set_message)");
            return false;
        }
        note(part + ": " + call + " on the sample ended with " + status_text(status) + ": " + message);
        return true;
    }

    // Two calls in a row, then rounds of two calls from two threads at once:
    // each result must equal the first. `call(n)` makes call number n.
    template <class Result, class Call, class Difference>
    void check_repeatable(const std::string& part, const Result& first, const Call& call, const Difference& difference)
    {
        step(part + ": a second call");
        if (const auto d = difference(first, call(1))) {
            problem(part + ": a second call on the same input gives another result: " + *d);
            return;
        }
        for (int round = 0; round < request_.concurrent_rounds; ++round) {
            step(part + ": two calls at once, round " + std::to_string(round + 1));
            std::optional<Result> results[2];
            std::string failures[2];
            std::barrier start(2);
            const auto worker = [&](int side) {
                start.arrive_and_wait();
                try {
                    results[side] = call(2 + 2 * round + side);
                } catch (const std::exception& e) {
                    failures[side] = e.what();
                }
            };
            std::thread a(worker, 0), b(worker, 1);
            a.join();
            b.join();
            for (const auto& failure : failures) {
                if (!failure.empty()) throw std::runtime_error(part + ": " + failure);
            }
            for (const auto& result : results) {
                if (const auto d = difference(first, *result)) {
                    problem(part + ": not reentrant: a call made while another ran at once gives another result than a call alone (round " +
                            std::to_string(round + 1) + "): " + *d);
                    return;
                }
            }
        }
        ok(part + ": the same result from two calls in a row and from " + std::to_string(2 * request_.concurrent_rounds) +
           " calls two at a time");
    }

    // Problems for what changed in the watched folders since the last reset;
    // an ok line when nothing did and `say_ok`.
    void check_writes(const std::string& part, bool say_ok = true)
    {
        const auto changes = watch_.changes();
        for (const auto& change : changes) problem(part + " wrote outside the output folder: " + change);
        if (changes.empty() && say_ok) ok(part + ": no write outside the output folder");
    }

    // ---- analyzers

    void check_analyzer(const AnalyzerInfo& analyzer)
    {
        const std::string part = "analyzer '" + analyzer.id + "'";
        boost::json::value context = effective_context(sample_->input);
        merge_cost_context(context.as_object(), {});  // the sample's own table, checked when it was read
        const AnalyzerInputData data(sample_->input, std::move(context), sample_->options.options);
        watch_.reset();
        step(part + ": analyze on the sample");
        const AnalyzerRun first = run_analyzer(analyzer, data, {log_, cancelled_});
        if (!judge_analyze(part, analyzer, first)) {
            check_writes(part);
            return;
        }
        check_repeatable(part, first, [&](int) { return run_analyzer(analyzer, data, {quiet_, cancelled_}); },
                         [](const AnalyzerRun& a, const AnalyzerRun& b) { return run_difference(a, b); });
        check_writes(part);
    }

    // Whether analyze was called and answered within the rules.
    bool judge_analyze(const std::string& part, const AnalyzerInfo& analyzer, const AnalyzerRun& run)
    {
        if (!run.called) {
            note(part + ": not run: " + run.diagnostics.back().message + " (the sample lacks what it requires)");
            return false;
        }
        if (run.status == PR_OK) {
            if (!run.section) {
                problem(part + ": analyze returned PR_OK but the host refused what it handed over: " +
                        run.diagnostics.back().message);
                return false;
            }
            ok(part + ": analyze on the sample gave a section with " + std::to_string(run.section->tables.size()) +
               " table(s)");
            return true;
        }
        if (run.status == PR_SKIPPED) {
            // Without a reason of its own, the host's W_SKIPPED ends in "skipped: ".
            const std::string no_reason = analyzer.id + " skipped: ";
            const bool explained = !run.error_message.empty() ||
                                   std::any_of(run.diagnostics.begin(), run.diagnostics.end(), [&](const Diagnostic& d) {
                                       return d.code == "W_SKIPPED" && d.message != no_reason;
                                   });
            if (!explained) {
                problem(part + ": analyze returned PR_SKIPPED without a reason (PR_Error or a W_SKIPPED diagnostic)");
                return false;
            }
            note(part + ": skipped itself on the sample: " + run.diagnostics.back().message);
            return true;
        }
        return judge_failure(part, "analyze", run.status, run.error_message);
    }

    // ---- exporters

    void check_exporters()
    {
        step("making the report the exporters write");
        AnalysisRequest request;
        for (const auto& analyzer : catalog_.analyzers.all()) request.analyzers.push_back(&analyzer);
        request.options = sample_->options;
        const ReportingEngine engine(quiet_, cancelled_);
        ReportingReport report = engine.analyze(sample_->input, request);
        info("report: the sample's core summary and " + std::to_string(report.sections.size()) +
             " section(s) of this library's analyzers");
        for (const auto& exporter : catalog_.exporters.all()) {
            report.exporters = {{exporter.id, exporter.version, exporter.library->file.string(), 0.0, ""}};
            const ReportViewData data(report, sample_->options.options);
            check_exporter(exporter, data);
        }
    }

    struct Export {
        ExportOutcome outcome;
        fs::path folder;
    };

    Export export_into(const ExporterInfo& exporter, const ReportViewData& data, int call, HostLog& log)
    {
        Export result;
        result.folder = outputs() / (exporter.id + "-" + std::to_string(call));
        OutputDirectory output(result.folder);
        result.outcome = run_exporter(exporter, data, output, {log, cancelled_});
        return result;
    }

    void check_exporter(const ExporterInfo& exporter, const ReportViewData& data)
    {
        const std::string part = "exporter '" + exporter.id + "'";
        watch_.reset();
        step(part + ": export_report of the sample's report");
        const Export first = export_into(exporter, data, 0, log_);
        if (judge_export(part, first)) {
            check_repeatable(part, first, [&](int call) { return export_into(exporter, data, call, quiet_); },
                             [](const Export& a, const Export& b) {
                                 return export_difference(a.outcome, a.folder, b.outcome, b.folder);
                             });
        }
        check_writes(part);
    }

    bool judge_export(const std::string& part, const Export& result)
    {
        const ExportOutcome& outcome = result.outcome;
        for (const auto& file : files_under(result.folder)) {
            if (std::find(outcome.files.begin(), outcome.files.end(), file) == outcome.files.end()) {
                problem(part + " left " + file + " in the output folder without committing it through the host");
            }
        }
        if (outcome.status != PR_OK) return judge_failure(part, "export_report", outcome.status, outcome.error_message);
        if (outcome.files.empty()) {
            problem(part + ": export_report returned PR_OK but committed no file");
            return false;
        }
        std::string files;
        for (const auto& file : outcome.files) files += (files.empty() ? "" : ", ") + file;
        ok(part + ": export_report wrote " + files);
        return true;
    }

    // ---- price sources

    void check_price_source(const PriceSourceInfo& source)
    {
        const std::string part = "price source '" + source.id + "'";
        watch_.reset();
        step(part + ": cost_table");
        const PriceSourceAnswer first = ask_price_source(source, log_);
        if (judge_cost_table(part, source, first)) {
            check_repeatable(part, first, [&](int) { return ask_price_source(source, quiet_); },
                             [](const PriceSourceAnswer& a, const PriceSourceAnswer& b) { return answer_difference(a, b); });
        }
        check_writes(part);
    }

    bool judge_cost_table(const std::string& part, const PriceSourceInfo& source, const PriceSourceAnswer& answer)
    {
        if (answer.status != PR_OK) return judge_failure(part, "cost_table", answer.status, answer.error_message);
        PriceSourceRegistry alone;
        alone.add(source);
        Diagnostics warnings;
        merge_price_sources(ask_price_sources(alone, quiet_, warnings), warnings);
        for (const auto& warning : warnings) problem(part + ": " + warning.message);
        if (!warnings.empty()) return false;
        ok(part + ": cost_table gave a valid cost table");
        return true;
    }

    const PluginCheckRequest& request_;
    const std::function<void(const CheckFinding&)>& report_;
    std::size_t problems_ = 0;
    PluginCatalog catalog_;  // this library alone
    const PR_PluginEntry* entry_ = nullptr;
    std::optional<Sample> sample_;
    WriteWatch watch_;
    HostLog log_{PR_LEVEL_WARNING};
    HostLog quiet_{PR_LEVEL_ERROR + 1};  // repeated calls: their log lines were seen once
    std::atomic<bool> cancelled_{false};
};

}  // namespace

std::size_t check_plugin(const PluginCheckRequest& request, const std::function<void(const CheckFinding&)>& report)
{
    return PluginChecker(request, report).run();
}

}  // namespace perfreport
