#include "summary_writers.hpp"

#include <perfreport/sdk/csv_cell.hpp>
#include <perfreport/sdk/json_writer.hpp>

#include <string>

#include "../pipeline/output_directory.hpp"

namespace perfreport {
namespace {

template <class Columns>
std::string csv_header(const Columns& columns)
{
    std::string text;
    for (const auto& column : columns) {
        if (!text.empty()) text += ',';
        append_text_cell(text, header_name(column.key, column.unit));
    }
    return text + '\n';
}

void append_csv_row(std::string& text, const SummaryRow& row, std::span<const SummaryColumn> columns)
{
    bool first = true;
    for (const auto& column : columns) {
        if (!first) text += ',';
        first = false;
        append_value_cell(text, row.at(column.key));
    }
    text += '\n';
}

std::string summary_csv(const std::vector<SummaryRow>& rows, bool pareto_only)
{
    const auto columns = summary_columns();
    std::string text = csv_header(columns);
    for (const auto& row : rows) {
        if (!pareto_only || row.at("pareto") == true) append_csv_row(text, row, columns);
    }
    return text;
}

std::string failures_csv(const std::vector<SummaryRow>& rows)
{
    static constexpr SummaryColumn columns[] = {{"name", ""}, {"input", ""}, {"reason", ""}};
    std::string text = csv_header(columns);
    for (const auto& row : rows) {
        if (!row_ok(row)) append_csv_row(text, row, columns);
    }
    return text;
}

std::string summary_json(const std::vector<SummaryRow>& rows, const std::vector<ParetoObjective>& objectives)
{
    JsonWriter json(JsonWriter::Style::pretty);
    json.begin_object();
    json.key("pareto_objectives");
    json.begin_array();
    for (const auto& objective : objectives) json.string(objective.text());
    json.end_array();
    json.key("rows");
    json.begin_array();
    for (const auto& row : rows) json.json(row);
    json.end_array();
    json.end_object();
    return json.buffer() + '\n';
}

}  // namespace

void write_sweep_summary(const std::filesystem::path& out, std::vector<SummaryRow> rows,
                         const std::vector<ParetoObjective>& objectives)
{
    mark_pareto_front(rows, objectives);
    OutputDirectory output(out);
    output.write_whole("sweep_summary.csv", summary_csv(rows, false));
    output.write_whole("sweep_summary.json", summary_json(rows, objectives));
    output.write_whole("pareto.csv", summary_csv(rows, true));
    output.write_whole("failures.csv", failures_csv(rows));
}

}  // namespace perfreport
