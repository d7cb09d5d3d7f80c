// JSONExporter: the whole report as reporting_report.json (SPEC 3.1, 3.2).
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include <algorithm>
#include <vector>

#include "perfreport/sdk.hpp"
#include "perfreport/sdk/ordered_chunks.hpp"
#include "table_rows.hpp"

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

// Rows are formatted in chunks on as many threads as there are, and written
// in order; at most `chunks_in_flight` chunks of text exist at once.
constexpr std::size_t rows_per_chunk = 8192;
constexpr std::size_t chunks_in_flight = 8;

// A table is an array of row objects, keys in column order.
void write_table(const TableView& table, Document& document)
{
    JsonWriter& json = document.json();
    json.begin_array();
    const TableRows rows(table, json.pretty() ? JsonWriter::Style::pretty : JsonWriter::Style::compact, json.depth());
    for_each_chunk_in_order(
        rows.size(), rows_per_chunk, chunks_in_flight,
        [&](std::size_t first, std::size_t last) {
            std::string text;
            rows.format(first, last, text);
            return std::pair{last - first, std::move(text)};
        },
        [&](const std::pair<std::size_t, std::string>& chunk) {
            json.raw_elements(chunk.second, chunk.first);
            document.drain();
        });
    json.end_array();
}

// The members of `object`, with each table placed at its path: a table named
// "a.b" becomes the member "b" of the member "a" (created when absent), so a
// large array can live inside a summary without being a DOM.
void write_members(const boost::json::object& object, std::vector<std::pair<std::string_view, TableView>> tables,
                   const std::string& where, Document& document)
{
    JsonWriter& json = document.json();
    const auto first_part = [](std::string_view path) { return path.substr(0, path.find('.')); };
    const auto below = [&](std::string_view part) {
        std::vector<std::pair<std::string_view, TableView>> inner;
        for (const auto& [path, table] : tables) {
            if (path.find('.') != std::string_view::npos && first_part(path) == part) {
                inner.emplace_back(path.substr(part.size() + 1), table);
            }
        }
        return inner;
    };
    for (const auto& member : object) {
        json.key(member.key());
        auto inner = below(member.key());
        for (const auto& [path, table] : tables) {
            if (path == member.key()) {
                throw Failure(PR_ERR_INVALID_INPUT, where + ": table " + std::string{table.name()} +
                                                        " has the name of a summary key");
            }
        }
        if (inner.empty()) {
            json.json(member.value());
        } else if (!member.value().is_object()) {
            throw Failure(PR_ERR_INVALID_INPUT, where + ": table " + std::string{inner.front().second.name()} +
                                                    " is placed inside " + std::string{member.key()} +
                                                    ", which is not an object");
        } else {
            json.begin_object();
            write_members(member.value().get_object(), std::move(inner), where + "." + std::string{member.key()},
                          document);
            json.end_object();
        }
    }
    std::vector<std::string_view> opened;  // parts that are not summary members
    for (const auto& [path, table] : tables) {
        if (path.find('.') == std::string_view::npos) {
            if (!below(path).empty()) {
                throw Failure(PR_ERR_INVALID_INPUT, where + ": table " + std::string{table.name()} +
                                                        " has the name of a place other tables go inside");
            }
            json.key(path);
            write_table(table, document);
            continue;
        }
        const std::string_view part = first_part(path);
        if (object.contains(part) || std::find(opened.begin(), opened.end(), part) != opened.end()) continue;
        opened.push_back(part);
        json.key(part);
        json.begin_object();
        write_members({}, below(part), where + "." + std::string{part}, document);
        json.end_object();
    }
}

// "<id>": {summary keys..., "<table>": [rows]...}
void write_section(const SectionView& section, Document& document)
{
    JsonWriter& json = document.json();
    json.key(section.id());
    json.begin_object();
    std::vector<std::pair<std::string_view, TableView>> tables;
    for (std::size_t t = 0; t < section.table_count(); ++t) {
        const TableView table = section.table(t);
        tables.emplace_back(table.name(), table);
    }
    write_members(section.summary(), std::move(tables), "section " + std::string{section.id()}, document);
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
