#include "prepared_input.hpp"

#include "../src/input/engine_result_parser.hpp"
#include "../src/pipeline/cost_context.hpp"

namespace perfreport::cli {

PreparedInput prepare_input(const std::filesystem::path& file, const PluginCatalog& catalog,
                            bool keep_raw_meta, const std::vector<CommandLineOption>& command_line)
{
    PreparedInput prepared;
    ParseOptions parse_options;
    parse_options.keep_raw_meta = keep_raw_meta;
    ParseOutcome parsed = parse_engine_result_file(file, parse_options);
    prepared.diagnostics = std::move(parsed.diagnostics);
    if (parsed.result) {
        prepared.options = resolve_options(parsed.result->options, command_line, option_schemas(catalog));
        prepared.diagnostics.insert(prepared.diagnostics.end(), prepared.options.diagnostics.begin(),
                                    prepared.options.diagnostics.end());
        const Diagnostics cost_table = check_input_cost_table(parsed.result->context);
        prepared.diagnostics.insert(prepared.diagnostics.end(), cost_table.begin(), cost_table.end());
    }
    for (const auto& d : catalog.diagnostics) {
        if (d.level == Severity::warning) prepared.diagnostics.push_back(d);
    }
    if (parsed.result && !has_errors(prepared.diagnostics)) prepared.input = std::move(parsed.result);
    return prepared;
}

}  // namespace perfreport::cli
