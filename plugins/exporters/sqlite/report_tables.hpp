// One SQL table per report table: typed columns (INT64 and BOOL as INTEGER,
// FLOAT64 as REAL, STRING as TEXT, JSON and INT64_LIST as JSON TEXT), null
// cells as NULL, rows in report order (rowid 1, 2, ...), and indexes on the
// columns a viewer filters by.
#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"
#include "perfreport/sdk/columns.hpp"
#include "perfreport/sdk/failure.hpp"
#include "perfreport/sdk/host_services.hpp"
#include "perfreport/sdk/table_view.hpp"
#include "sql_text.hpp"
#include "sqlite_database.hpp"

namespace perfreport::sqlite_export {

inline std::string_view sql_type_of(const ColumnView& column)
{
    switch (column.type()) {
    case ColumnType::int64:
    case ColumnType::boolean: return "INTEGER";
    case ColumnType::float64: return "REAL";
    case ColumnType::string:
    case ColumnType::json:
    case ColumnType::int64_list: return "TEXT";
    }
    throw Failure(PR_ERR_INCOMPATIBLE, "column " + std::string{column.name()} + ": unknown column type " +
                                           std::to_string(static_cast<int>(column.type())));
}

namespace detail {

// `[1,2,3]`, the JSON text of an INT64_LIST cell.
inline void format_list(std::span<const std::int64_t> values, std::string& text)
{
    text = "[";
    char digits[24];
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) text += ',';
        text.append(digits, std::to_chars(digits, digits + sizeof digits, values[i]).ptr);
    }
    text += ']';
}

// Binds row `row` of `column` to parameter `index`; list cells are formatted
// into `scratch`, which must live until the row is inserted.
inline void bind_cell(Statement& insert, int index, const ColumnView& column, std::size_t row, std::string& scratch)
{
    if (column.is_null(row)) return insert.bind_null(index);
    const PR_Column& raw = column.raw();
    switch (column.type()) {
    case ColumnType::int64: return insert.bind(index, static_cast<const std::int64_t*>(raw.values)[row]);
    case ColumnType::float64: return insert.bind(index, static_cast<const double*>(raw.values)[row]);
    case ColumnType::boolean:
        return insert.bind(index, std::int64_t{static_cast<const std::uint8_t*>(raw.values)[row] != 0});
    case ColumnType::string:
    case ColumnType::json: return insert.bind(index, column.strings()[row]);
    case ColumnType::int64_list:
        format_list(column.int64_lists()[row], scratch);
        return insert.bind(index, std::string_view{scratch});
    }
}

}  // namespace detail

// Columns indexed in every report table that has them: time (start),
// process (pp_stage, compat's ppStage) and thread (resource).
inline constexpr std::string_view indexed_report_columns[] = {"start", "pp_stage", "ppStage", "resource"};

// Creates `sql_name` from `table` (`source` is its report name, e.g.
// "gantt.tasks") and inserts every row.
inline void write_report_table(Database& db, Catalog& catalog, const TableView& table, const std::string& sql_name,
                               std::string_view source, const HostServices& host)
{
    std::vector<SqlColumn> columns;
    std::vector<ColumnView> views;
    for (std::size_t c = 0; c < table.column_count(); ++c) {
        const ColumnView column = table.column(c);
        if (column.size() != table.row_count()) {
            throw Failure(PR_ERR_INVALID_INPUT, std::string{source} + "." + std::string{column.name()} + " has " +
                                                    std::to_string(column.size()) + " cells for " +
                                                    std::to_string(table.row_count()) + " rows");
        }
        columns.push_back({std::string{column.name()}, sql_type_of(column), column_type_name(column.raw().type),
                           std::string{column.unit()}});
        views.push_back(column);
    }
    Statement insert = catalog.create_table(sql_name, "report", source, columns);
    std::vector<std::string> scratch(views.size());
    for (std::size_t row = 0; row < table.row_count(); ++row) {
        if (row % 65536 == 0) host.throw_if_cancelled();
        for (std::size_t c = 0; c < views.size(); ++c) {
            detail::bind_cell(insert, static_cast<int>(c + 1), views[c], row, scratch[c]);
        }
        insert.run();
    }
    for (const SqlColumn& column : columns) {
        for (const std::string_view indexed : indexed_report_columns) {
            if (column.name != indexed) continue;
            db.execute("CREATE INDEX " + quoted(sql_name + "_" + column.name) + " ON " + quoted(sql_name) + " (" +
                       quoted(column.name) + ")");
        }
    }
}

}  // namespace perfreport::sqlite_export
