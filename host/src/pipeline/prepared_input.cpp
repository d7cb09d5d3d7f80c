#include "prepared_input.hpp"

#include "../input/engine_result_parser.hpp"
#include "cost_context.hpp"

namespace perfreport {
namespace {

PreparedInput prepare_parsed(ParseOutcome parsed, const PluginCatalog& catalog,
                             const std::vector<CommandLineOption>& command_line)
{
    PreparedInput prepared;
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

ParseOptions parse_options(bool keep_raw_meta)
{
    ParseOptions options;
    options.keep_raw_meta = keep_raw_meta;
    return options;
}

}  // namespace

PreparedInput prepare_input(const std::filesystem::path& file, const PluginCatalog& catalog,
                            bool keep_raw_meta, const std::vector<CommandLineOption>& command_line)
{
    return prepare_parsed(parse_engine_result_file(file, parse_options(keep_raw_meta)), catalog, command_line);
}

PreparedInput prepare_input_text(std::string_view text, const PluginCatalog& catalog, bool keep_raw_meta,
                                 const std::vector<CommandLineOption>& command_line)
{
    return prepare_parsed(parse_engine_result_text(text, parse_options(keep_raw_meta)), catalog, command_line);
}

}  // namespace perfreport
