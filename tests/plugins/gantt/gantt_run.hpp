// Runs the gantt analyzer through the real host on an input document and
// hands back its section as JSON, the way the JSON exporter writes it.
#pragma once

#include <perfreport/sdk/columns.hpp>

#include <boost/json.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "file_text.hpp"
#include "host_run.hpp"

namespace perfreport::test {

struct GanttResult {
    boost::json::object summary;
    boost::json::array resources;  // rows of the `resources` table
    boost::json::array tasks;      // rows of the `tasks` table
    std::vector<std::string> task_columns;  // "name(unit) TYPE", or "name TYPE" without a unit
    Diagnostics diagnostics;       // of the whole run
};

// One cell of a host column as JSON (null where the cell is null).
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
    default: throw std::invalid_argument("column " + column.name() + " has a type the gantt does not use");
    }
}

// A table as an array of row objects, keys in column order.
inline boost::json::array rows_of(const Table& table)
{
    boost::json::array rows;
    for (std::size_t row = 0; row < table.row_count(); ++row) {
        boost::json::object cells;
        for (const Column& column : table.columns()) cells[column.name()] = cell_of(column, row);
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

inline std::vector<std::string> columns_of(const Table& table)
{
    std::vector<std::string> columns;
    for (const Column& column : table.columns()) {
        const std::string unit = column.unit().empty() ? "" : "(" + column.unit() + ")";
        columns.push_back(column.name() + unit + " " + column_type_name(column.type()));
    }
    return columns;
}

// `options` are command-line words such as "gantt.mode=per_step".
inline GanttResult run_gantt(const boost::json::object& document, const std::vector<std::string>& options = {})
{
    const EngineResult input = parse_input(boost::json::serialize(document));
    const ReportingReport report = run_analyzers(input, {"gantt"}, options);
    const Section& section = section_of(report, "gantt");
    const Table& tasks = table_named(section, "tasks");
    return {section.summary, rows_of(table_named(section, "resources")), rows_of(tasks), columns_of(tasks),
            report.diagnostics};
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
