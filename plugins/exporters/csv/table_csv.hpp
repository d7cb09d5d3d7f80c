// A report table as CSV: a header of `name(unit)`, then one line per row.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "perfreport/sdk/csv_cell.hpp"
#include "csv_file.hpp"
#include "perfreport/sdk.hpp"
#include "units.hpp"

namespace perfreport::csv_export {

namespace detail {

// A µs column shown in ms is divided by 1000; integers then become doubles.
inline void append_column_cell(std::string& out, const ColumnView& column, std::size_t row, double divisor)
{
    if (column.is_null(row)) return;
    const PR_Column& raw = column.raw();
    switch (column.type()) {
    case ColumnType::int64: {
        const std::int64_t value = static_cast<const std::int64_t*>(raw.values)[row];
        if (divisor == 1.0) return append_int_cell(out, value);
        return append_double_cell(out, static_cast<double>(value) / divisor);
    }
    case ColumnType::float64: return append_double_cell(out, static_cast<const double*>(raw.values)[row] / divisor);
    case ColumnType::boolean:
        out += static_cast<const std::uint8_t*>(raw.values)[row] != 0 ? "true" : "false";
        return;
    case ColumnType::string: return append_text_cell(out, column.strings()[row]);
    case ColumnType::json: return append_value_cell(out, parse_json(column.strings()[row]), divisor);
    case ColumnType::int64_list: {
        JsonWriter json;
        json.begin_array();
        for (const std::int64_t element : column.int64_lists()[row]) json.number(element);
        json.end_array();
        return append_text_cell(out, json.buffer());
    }
    }
    throw Failure(PR_ERR_INCOMPATIBLE, "column " + std::string{column.name()} + ": unknown column type " +
                                           std::to_string(static_cast<int>(column.type())));
}

}  // namespace detail

inline void write_table(const TableView& table, const TimeUnit& time_unit, CsvFile& file)
{
    std::vector<double> divisors;
    std::string& text = file.text();
    for (std::size_t c = 0; c < table.column_count(); ++c) {
        const ColumnView column = table.column(c);
        const ShownUnit shown = time_unit.show(column.unit());
        if (c > 0) text += ',';
        append_text_cell(text, header_name(column.name(), shown.unit));
        divisors.push_back(shown.divisor);
    }
    file.end_row();
    for (std::size_t row = 0; row < table.row_count(); ++row) {
        for (std::size_t c = 0; c < table.column_count(); ++c) {
            if (c > 0) text += ',';
            detail::append_column_cell(text, table.column(c), row, divisors[c]);
        }
        file.end_row();
    }
}

}  // namespace perfreport::csv_export
