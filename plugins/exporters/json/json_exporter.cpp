// JSONExporter: the whole report as reporting_report.json (SPEC 3.1, 3.2).
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "perfreport/sdk.hpp"

namespace perfreport::json_export {
namespace {

// The writer's buffer goes to the file once it holds this much, so memory
// stays bounded whatever the size of the tables.
constexpr std::size_t flush_bytes = 1 << 20;

// The file being written: text accumulates in the writer and moves to the
// file between rows, once there is enough of it.
class Document {
public:
    Document(OutputFile file, JsonWriter::Style style, HostServices host)
        : file_(std::move(file)), json_(style), host_(host)
    {
    }

    JsonWriter& json() noexcept { return json_; }

    void drain()
    {
        if (json_.buffer().size() < flush_bytes) return;
        host_.throw_if_cancelled();
        file_.write(json_.buffer());
        json_.buffer().clear();
    }

    // Writes the rest, ending the file with a new line, and commits it.
    void finish()
    {
        json_.buffer() += '\n';
        file_.write(json_.buffer());
        json_.buffer().clear();
        file_.commit();
    }

private:
    OutputFile file_;
    JsonWriter json_;
    HostServices host_;
};

void write_cell(const TableView& table, const ColumnView& column, std::size_t row, JsonWriter& json)
{
    if (column.is_null(row)) {
        json.null();
        return;
    }
    switch (column.type()) {
    case ColumnType::int64: json.number(column.int64s().value(row)); return;
    case ColumnType::float64: json.number(column.float64s().value(row)); return;
    case ColumnType::boolean: json.boolean(column.bools().value(row)); return;
    case ColumnType::string: json.string(column.strings()[row]); return;
    case ColumnType::json:
        try {
            json.json(parse_json(column.strings()[row]));
        } catch (const JsonParseError& error) {
            throw Failure(PR_ERR_INVALID_INPUT, "table " + std::string{table.name()} + ", column " +
                                                    std::string{column.name()} + ", row " + std::to_string(row) +
                                                    ": not JSON: " + error.what());
        }
        return;
    case ColumnType::int64_list:
        json.begin_array();
        for (const std::int64_t element : column.int64_lists()[row]) json.number(element);
        json.end_array();
        return;
    }
    throw Failure(PR_ERR_INCOMPATIBLE, "table " + std::string{table.name()} + ", column " +
                                           std::string{column.name()} + ": unknown column type " +
                                           std::to_string(static_cast<int>(column.type())));
}

// A table is an array of row objects, keys in column order.
void write_table(const TableView& table, Document& document)
{
    JsonWriter& json = document.json();
    json.begin_array();
    for (std::size_t row = 0; row < table.row_count(); ++row) {
        json.begin_object();
        for (std::size_t c = 0; c < table.column_count(); ++c) {
            const ColumnView column = table.column(c);
            json.key(column.name());
            write_cell(table, column, row, json);
        }
        json.end_object();
        document.drain();
    }
    json.end_array();
}

// "<id>": {summary keys..., "<table>": [rows]...}
void write_section(const SectionView& section, Document& document)
{
    JsonWriter& json = document.json();
    json.key(section.id());
    json.begin_object();
    for (const auto& member : section.summary()) {
        json.key(member.key());
        json.json(member.value());
    }
    for (std::size_t t = 0; t < section.table_count(); ++t) {
        const TableView table = section.table(t);
        if (section.summary().contains(table.name())) {
            throw Failure(PR_ERR_INVALID_INPUT, "section " + std::string{section.id()} + ": table " +
                                                    std::string{table.name()} + " has the name of a summary key");
        }
        json.key(table.name());
        write_table(table, document);
    }
    json.end_object();
}

}  // namespace

class JSONExporter final : public IExporter {
public:
    static constexpr const char* id = "json";
    static constexpr const char* version = "1.0.0";
    static constexpr const char* description = "The whole report as one JSON document, reporting_report.json";
    static constexpr const char* options_schema = R"({
  "compact": {"type": "boolean", "default": false,
              "description": "write no whitespace instead of two-space indentation"}
})";

    void export_report(const ReportView& report) const override
    {
        const HostServices host = report.host();
        const auto style = report.option<bool>("/json/compact") ? JsonWriter::Style::compact
                                                                 : JsonWriter::Style::pretty;
        Document document{host.open_output("reporting_report.json"), style, host};
        JsonWriter& json = document.json();
        json.begin_object();
        for (const auto& member : report.header()) {
            json.key(member.key());
            json.json(member.value());
        }
        json.key("step_metrics");
        write_table(report.step_metrics(), document);
        for (const SectionView& section : report.sections()) write_section(section, document);
        json.key("provenance");
        json.json(report.provenance());
        json.key("diagnostics");
        json.json(report.diagnostics());
        json.end_object();
        document.finish();
    }
};

}  // namespace perfreport::json_export

PERFREPORT_PLUGIN("perfreport-json", "1.0.0", perfreport::json_export::JSONExporter)
