// A table's rows as JSON text, formatted in independent chunks: the columns
// are resolved once, and each chunk can be formatted on its own thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "perfreport/sdk.hpp"

namespace perfreport::json_export {

class TableRows {
public:
    // Rows of `table` as the elements of an array whose elements sit at
    // `depth` (JsonWriter::depth() right after begin_array()).
    TableRows(const TableView& table, JsonWriter::Style style, std::size_t depth)
        : table_(table), style_(style), depth_(depth)
    {
        const bool pretty = style == JsonWriter::Style::pretty;
        const std::string row_line = pretty ? "\n" + std::string(2 * depth, ' ') : "";
        const std::string cell_line = pretty ? "\n" + std::string(2 * (depth + 1), ' ') : "";
        row_open_ = row_line + "{";
        row_close_ = (table.column_count() > 0 ? row_line : "") + "}";
        for (std::size_t c = 0; c < table.column_count(); ++c) {
            const ColumnView column = table.column(c);
            std::string prefix = cell_line;
            append_json_string(prefix, column.name());
            prefix += pretty ? ": " : ":";
            columns_.push_back({column, std::move(prefix)});
        }
    }

    std::size_t size() const noexcept { return table_.row_count(); }

    // Appends rows [first, last) to `out`, each preceded by its comma when a
    // row comes before it. [thread-safe]
    void format(std::size_t first, std::size_t last, std::string& out) const
    {
        for (std::size_t row = first; row < last; ++row) {
            if (row > 0) out += ',';
            out += row_open_;
            bool wrote_cell = false;
            for (const Cell& cell : columns_) {
                // A column that omits nulls leaves its key out of this row.
                if (cell.column.omits_null() && cell.column.is_null(row)) continue;
                if (wrote_cell) out += ',';
                out += cell.prefix;
                format_cell(cell.column, row, out);
                wrote_cell = true;
            }
            out += wrote_cell ? row_close_ : "}";
        }
    }

private:
    struct Cell {
        ColumnView column;
        std::string prefix;  // new line, indentation and quoted key
    };

    void format_cell(const ColumnView& column, std::size_t row, std::string& out) const
    {
        if (column.is_null(row)) {
            out += "null";
            return;
        }
        const PR_Column& raw = column.raw();
        switch (column.type()) {
        case ColumnType::int64: {
            char text[24];
            out.append(text, std::to_chars(text, text + sizeof text, static_cast<const std::int64_t*>(raw.values)[row]).ptr);
            return;
        }
        case ColumnType::float64: append_json_number(out, static_cast<const double*>(raw.values)[row]); return;
        case ColumnType::boolean: out += static_cast<const std::uint8_t*>(raw.values)[row] != 0 ? "true" : "false"; return;
        case ColumnType::string: append_json_string(out, column.strings()[row]); return;
        case ColumnType::json: format_json_cell(column, row, out); return;
        case ColumnType::int64_list: {
            JsonWriter json(style_, depth_ + 1);
            json.begin_array();
            for (const std::int64_t element : column.int64_lists()[row]) json.number(element);
            json.end_array();
            out += json.buffer();
            return;
        }
        }
        throw Failure(PR_ERR_INCOMPATIBLE, "table " + std::string{table_.name()} + ", column " +
                                               std::string{column.name()} + ": unknown column type " +
                                               std::to_string(static_cast<int>(column.type())));
    }

    // A JSON cell is parsed and rewritten: same number rules, same indentation.
    void format_json_cell(const ColumnView& column, std::size_t row, std::string& out) const
    {
        JsonWriter json(style_, depth_ + 1);
        try {
            json.json(parse_json(column.strings()[row]));
        } catch (const JsonParseError& error) {
            throw Failure(PR_ERR_INVALID_INPUT, "table " + std::string{table_.name()} + ", column " +
                                                    std::string{column.name()} + ", row " + std::to_string(row) +
                                                    ": not JSON: " + error.what());
        }
        out += json.buffer();
    }

    TableView table_;
    JsonWriter::Style style_;
    std::size_t depth_;
    std::string row_open_;
    std::string row_close_;
    std::vector<Cell> columns_;
};

}  // namespace perfreport::json_export
