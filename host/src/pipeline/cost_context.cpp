#include "cost_context.hpp"

#include <perfreport/sdk/json_parse.hpp>
#include <perfreport/sdk/json_writer.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "error_slot.hpp"
#include "host_services.hpp"
#include "text_collector.hpp"

namespace perfreport {
namespace json = boost::json;
namespace {

constexpr const char* input_origin = "input context.cost";

std::string problem_text(const CostTableProblem& problem)
{
    return problem.pointer.empty() ? problem.message : problem.pointer + ": " + problem.message;
}

std::string joined_lines(const std::vector<std::string>& lines)
{
    std::string text;
    for (const auto& line : lines) text += (text.empty() ? "" : "\n") + line;
    return text;
}

std::string read_file(const std::filesystem::path& file, const std::string& label)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) throw CostTableError({label + "cannot be read: " + std::strerror(errno)});
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string json_text(const json::value& value)
{
    JsonWriter writer;
    writer.json(value);
    return std::move(writer.buffer());
}

void warn(Diagnostics& warnings, const std::string& code, const std::string& source, const std::string& message)
{
    warnings.push_back({Severity::warning, code, source, "", message});
}

// The input's table, read; absent means empty.
CostTableReading read_input_table(const json::object& input_context)
{
    const json::value* table = input_context.if_contains("cost");
    if (table == nullptr) return {};
    return read_cost_table(*table, input_origin, CostTableAuthor::user);
}

Diagnostics input_errors(const CostTableReading& reading)
{
    Diagnostics errors;
    for (const auto& problem : reading.problems) {
        errors.push_back({Severity::error, "E_COST_TABLE", "input", "/context/cost" + problem.pointer, problem.message});
    }
    return errors;
}

}  // namespace

CostTableError::CostTableError(std::vector<std::string> problems)
    : std::runtime_error(joined_lines(problems)), problems_(std::move(problems))
{
}

CostTableLayer load_cost_table_file(const std::filesystem::path& file)
{
    const std::string label = "cost table " + file.string() + ": ";
    const std::string text = read_file(file, label);
    std::string parse_problem;
    const auto table = parse_json(text, parse_problem);
    if (!table) throw CostTableError({label + parse_problem});
    CostTableReading reading = read_cost_table(*table, "table " + file.string(), CostTableAuthor::user);
    if (!reading.problems.empty()) {
        std::vector<std::string> problems;
        for (const auto& problem : reading.problems) problems.push_back(label + problem_text(problem));
        throw CostTableError(std::move(problems));
    }
    return std::move(reading.layer);
}

PriceSourceAnswer ask_price_source(const PriceSourceInfo& source, HostLog& log)
{
    CallContext call;
    call.part_id = source.id;
    call.log = &log;
    HostServices services(std::move(call));
    TextCollector collected;
    ErrorSlot error;
    PriceSourceAnswer answer;
    answer.status = source.descriptor->cost_table(source.descriptor, services.host(), collected.sink(), error.get());
    answer.error_message = error.message();
    answer.text = collected.text();
    return answer;
}

std::vector<PriceSourceTable> ask_price_sources(const PriceSourceRegistry& registry, HostLog& log,
                                                Diagnostics& warnings)
{
    std::vector<PriceSourceTable> tables;
    for (const auto& source : registry.all()) {
        const PriceSourceAnswer answer = ask_price_source(source, log);
        const std::string ignored = "price source " + source.id + " ignored: ";
        if (answer.status != PR_OK) {
            warn(warnings, "W_PRICE_SOURCE", source.id,
                 ignored + (answer.error_message.empty() ? status_name(answer.status) : answer.error_message));
            continue;
        }
        std::string parse_problem;
        auto table = parse_json(answer.text, parse_problem);
        if (!table) {
            warn(warnings, "W_PRICE_SOURCE", source.id, ignored + "its cost table is not JSON: " + parse_problem);
            continue;
        }
        tables.push_back({source.id, std::move(*table)});
    }
    return tables;
}

CostTableLayer merge_price_sources(const std::vector<PriceSourceTable>& tables, Diagnostics& warnings)
{
    CostTableLayer merged;
    for (const auto& [id, table] : tables) {
        CostTableReading reading = read_cost_table(table, "price source " + id, CostTableAuthor::price_source);
        if (!reading.problems.empty()) {
            std::string problems;
            for (const auto& problem : reading.problems) problems += (problems.empty() ? "" : "; ") + problem_text(problem);
            warn(warnings, "W_PRICE_SOURCE", id, "price source " + id + " ignored: " + problems);
            continue;
        }
        for (const auto& conflict : underlay(merged, reading.layer)) {
            warn(warnings, "W_PRICE_CONFLICT", "host",
                 conflict.leaf + ": " + conflict.kept_origin + " gives " + json_text(conflict.kept) + ", " +
                     conflict.ignored_origin + " gives " + json_text(conflict.ignored) +
                     "; the first, earlier on the plugin search path, is used");
        }
    }
    return merged;
}

Diagnostics check_input_cost_table(const json::object& input_context)
{
    return input_errors(read_input_table(input_context));
}

Diagnostics merge_cost_context(json::object& context, const CostSources& sources)
{
    const CostTableReading input = read_input_table(context);
    Diagnostics errors = input_errors(input);
    if (!errors.empty()) return errors;
    CostTableLayer merged = sources.price_sources;
    overlay(merged, input.layer);
    overlay(merged, sources.table_file);
    context.erase("cost");
    if (!merged.table.empty()) {
        context["cost"] = std::move(merged.table);
        context["cost_origins"] = std::move(merged.origins);
    }
    return errors;
}

}  // namespace perfreport
