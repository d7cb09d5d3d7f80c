// What analyzer tests read from a report (tables as JSON rows, a section's
// status and diagnostics) and the inputs they start from (SPEC 5.1's E1, or
// a few steps of their own).
#pragma once

#include <perfreport/sdk/columns.hpp>
#include <perfreport/sdk/json_parse.hpp>

#include <boost/json.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "file_text.hpp"
#include "host_run.hpp"

namespace perfreport::test {

// One cell of a host column as JSON (null where the cell is null; JSON cells parsed).
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
    case PR_COLUMN_BOOL: {
        const NullableBoolColumn values(view, ColumnType::boolean);
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
    default: {
        const Int64ListColumn values(view, ColumnType::int64_list);
        if (values.is_null(row)) return nullptr;
        boost::json::array items;
        for (const std::int64_t item : values[row]) items.push_back(item);
        return items;
    }
    }
}

// A table as an array of row objects, keys in column order, as the JSON
// exporter writes it: a null cell of a PR_COLUMN_OMIT_NULL column is left out.
inline boost::json::array rows_of(const Table& table)
{
    boost::json::array rows;
    for (std::size_t row = 0; row < table.row_count(); ++row) {
        boost::json::object cells;
        for (const Column& column : table.columns()) {
            boost::json::value cell = cell_of(column, row);
            if (cell.is_null() && (column.flags() & PR_COLUMN_OMIT_NULL) != 0) continue;
            cells[column.name()] = std::move(cell);
        }
        rows.push_back(std::move(cells));
    }
    return rows;
}

inline const Table& table_named(const Section& section, const std::string& name)
{
    for (const Table& table : section.tables) {
        if (table.name() == name) return table;
    }
    throw std::invalid_argument("section " + section.id + " has no table " + name);
}

// The provenance status of analyzer `id`: "ok", "skipped", "error", or "".
inline std::string status_of(const ReportingReport& report, const std::string& id)
{
    for (const auto& part : report.analyzers) {
        if (part.id == id) return part.status;
    }
    return "";
}

// The first diagnostic with `code`, or nullptr.
inline const Diagnostic* diagnostic_with(const Diagnostics& diagnostics, const std::string& code)
{
    for (const auto& diagnostic : diagnostics) {
        if (diagnostic.code == code) return &diagnostic;
    }
    return nullptr;
}

// SPEC 5.1's example E1, to run as is or to edit.
inline boost::json::object e1_document()
{
    return read_json(std::filesystem::path(FIXTURES_DIR) / "input" / "e1.json").as_object();
}

// An input with `steps` (an array of step objects) and `context`; the
// aggregates are zeros apart from num_steps (mismatches are only warnings).
inline boost::json::object document_with(const boost::json::array& steps, const boost::json::object& context = {})
{
    boost::json::object aggregates;
    for (const char* key : {"ttft", "tpot", "tps", "mfu", "mbu", "memory_peak", "total_time", "total_compute_time",
                            "total_comm_time", "total_wait_time", "total_flops", "total_bytes"}) {
        aggregates[key] = 0;
    }
    aggregates["num_steps"] = steps.size();
    return {{"format", "engine_result"}, {"schema_version", 1}, {"granularity", "CHIP"},
            {"step_metrics", steps},     {"aggregates", aggregates}, {"context", context}};
}

}  // namespace perfreport::test
