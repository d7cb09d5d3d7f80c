// Runs bundled analyzers through the real host library, as `perfreport run`
// does, on an input given as JSON text: what analyzer tests assert on.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include "input/effective_context.hpp"
#include "input/engine_result_parser.hpp"
#include "pipeline/reporting_engine.hpp"
#include "plugins/plugin_catalog.hpp"

namespace perfreport::test {

// An input parsed and validated by the host's own parser; throws when it has errors.
inline EngineResult parse_input(const std::string& json)
{
    ParseOutcome outcome = parse_engine_result_text(json);
    if (!outcome.result) {
        std::string message = "the test input does not validate:";
        for (const auto& d : outcome.diagnostics) message += "\n  " + d.code + " " + d.where + " " + d.message;
        throw std::invalid_argument(message);
    }
    return std::move(*outcome.result);
}

// The build's bundled plugins, loaded once per test binary.
inline const PluginCatalog& bundled_plugins()
{
    static const PluginCatalog catalog = [] {
        CatalogOptions options;
        options.search.plugin_dirs = {PERFREPORT_PLUGIN_DIR};
        options.search.use_environment = false;
        options.search.use_install_dir = false;
        return load_plugin_catalog(options);
    }();
    return catalog;
}

// The report of `analyzers` on `input`, with --option words such as
// "gantt.mode=per_step". Option errors throw.
inline ReportingReport run_analyzers(const EngineResult& input, const std::vector<std::string>& analyzers,
                                     const std::vector<std::string>& options = {})
{
    const PluginCatalog& catalog = bundled_plugins();
    AnalysisRequest request;
    for (const auto& id : analyzers) {
        const AnalyzerInfo* analyzer = catalog.analyzers.find(id);
        if (analyzer == nullptr) throw std::invalid_argument("no bundled analyzer '" + id + "'");
        request.analyzers.push_back(analyzer);
    }
    std::vector<CommandLineOption> command_line;
    for (const auto& word : options) command_line.push_back(parse_command_line_option(word));
    request.options = resolve_options(input.options, command_line, option_schemas(catalog));
    if (has_errors(request.options.diagnostics)) throw std::invalid_argument("bad options for the test");
    HostLog log(PR_LEVEL_ERROR);
    std::atomic<bool> cancelled{false};
    return ReportingEngine(log, cancelled).analyze(input, request);
}

// The section `id` of `report`; fails the test when it is absent.
inline const Section& section_of(const ReportingReport& report, const std::string& id)
{
    for (const auto& section : report.sections) {
        if (section.id == id) return section;
    }
    std::string diagnostics;
    for (const auto& d : report.diagnostics) diagnostics += "\n  " + d.code + ": " + d.message;
    throw std::invalid_argument("the report has no section '" + id + "'" + diagnostics);
}

}  // namespace perfreport::test
