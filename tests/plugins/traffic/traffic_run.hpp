// Runs the traffic analyzer through the real host on an input document and
// hands back its section as JSON, the way the JSON exporter writes it.
#pragma once

#include <perfreport/sdk/columns.hpp>
#include <perfreport/sdk/json_parse.hpp>

#include <boost/json.hpp>

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "file_text.hpp"
#include "host_run.hpp"

namespace perfreport::test {

struct TrafficResult {
    std::optional<boost::json::object> summary;  // none when skipped or failed
    boost::json::array links;
    boost::json::array devices;
    boost::json::array link_stats;
    std::string status;  // provenance: "ok", "skipped" or "error"
    Diagnostics diagnostics;
};

// One cell of a host column as JSON; JSON cells parsed.
inline boost::json::value cell_of(const Column& column, std::size_t row)
{
    const PR_Column view = column.view();
    switch (view.type) {
    case PR_COLUMN_INT64: {
        const NullableInt64Column values(view, ColumnType::int64);
        return values.is_null(row) ? boost::json::value(nullptr) : boost::json::value(values.value(row));
    }
    case PR_COLUMN_FLOAT64: {
        const NullableFloat64Column values(view, ColumnType::float64);
        return values.is_null(row) ? boost::json::value(nullptr) : boost::json::value(values.value(row));
    }
    case PR_COLUMN_STRING: {
        const StringColumn values(view, ColumnType::string);
        return values.is_null(row) ? boost::json::value(nullptr) : boost::json::value(values[row]);
    }
    case PR_COLUMN_JSON: {
        const StringColumn values(view, ColumnType::json);
        return values.is_null(row) ? boost::json::value(nullptr) : parse_json(values[row]);
    }
    default: throw std::invalid_argument("column " + column.name() + " has a type the traffic does not use");
    }
}

// A table as an array of row objects, keys in column order.
inline boost::json::array rows_of(const Section& section, const std::string& name)
{
    for (const Table& table : section.tables) {
        if (table.name() != name) continue;
        boost::json::array rows;
        for (std::size_t row = 0; row < table.row_count(); ++row) {
            boost::json::object cells;
            for (const Column& column : table.columns()) cells[column.name()] = cell_of(column, row);
            rows.push_back(std::move(cells));
        }
        return rows;
    }
    throw std::invalid_argument("section " + section.id + " has no table " + name);
}

// The unit of column `column` of table `table` in `section`.
inline std::string unit_of(const Section& section, const std::string& table, const std::string& column)
{
    for (const Table& candidate : section.tables) {
        if (candidate.name() != table) continue;
        for (const Column& c : candidate.columns()) {
            if (c.name() == column) return c.unit();
        }
    }
    throw std::invalid_argument("no column " + table + "." + column);
}

inline std::string status_of(const ReportingReport& report, const std::string& id)
{
    for (const auto& part : report.analyzers) {
        if (part.id == id) return part.status;
    }
    return "";
}

// `options` are command-line words such as "traffic.link_bandwidth_unit=Gbps".
inline TrafficResult run_traffic(const boost::json::object& document, const std::vector<std::string>& options = {})
{
    const EngineResult input = parse_input(boost::json::serialize(document));
    const ReportingReport report = run_analyzers(input, {"traffic"}, options);
    TrafficResult result;
    result.status = status_of(report, "traffic");
    result.diagnostics = report.diagnostics;
    for (const auto& section : report.sections) {
        if (section.id != "traffic") continue;
        result.summary = section.summary;
        if (!section.tables.empty()) {
            result.links = rows_of(section, "links");
            result.devices = rows_of(section, "devices");
            result.link_stats = rows_of(section, "link_stats");
        }
    }
    return result;
}

// SPEC 5.1's example E1, to run as is or to edit.
inline boost::json::object e1_document()
{
    return read_json(std::filesystem::path(FIXTURES_DIR) / "input" / "e1.json").as_object();
}

// The diagnostic with `code`, or nullptr.
inline const Diagnostic* diagnostic_with(const Diagnostics& diagnostics, const std::string& code)
{
    for (const auto& diagnostic : diagnostics) {
        if (diagnostic.code == code) return &diagnostic;
    }
    return nullptr;
}

}  // namespace perfreport::test
