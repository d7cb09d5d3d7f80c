// Builds one table of a section row by row and hands it to the host in chunks.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

#include "perfreport/abi.h"
#include "perfreport/sdk/columns.hpp"
#include "perfreport/sdk/host_call.hpp"
#include "perfreport/sdk/json_writer.hpp"

namespace perfreport {

namespace detail {
template <class T>
inline constexpr bool is_optional = false;
template <class T>
inline constexpr bool is_optional<std::optional<T>> = true;
}  // namespace detail

// A column of a table being built. `unit` is "" or one of SPEC's units.
struct ColumnSpec {
    std::string name;
    std::string unit;
    ColumnType type;
    std::uint32_t flags = 0;  // PR_COLUMN_OMIT_NULL: a null cell is left out of its row
};

// Rows are buffered column-wise and handed over through append_table every
// `chunk_rows` rows, so a table of any length costs bounded memory. The
// constructor declares the table (its columns, in creation order) with no
// rows; the SectionWriter flushes the rest when analyze returns.
class TableBuilder {
public:
    TableBuilder(const PR_SectionSink& sink, std::string name, std::vector<ColumnSpec> columns,
                 std::size_t chunk_rows)
        : sink_(&sink), name_(std::move(name)), chunk_rows_(chunk_rows == 0 ? 1 : chunk_rows)
    {
        columns_.reserve(columns.size());
        for (auto& spec : columns) columns_.push_back(Buffer{std::move(spec)});
        flush();
    }
    TableBuilder(const TableBuilder&) = delete;
    TableBuilder& operator=(const TableBuilder&) = delete;

    std::string_view name() const noexcept { return name_; }

    // One row, one cell per column in order. A cell is std::nullopt, an
    // std::optional of a cell, or a value of the column's type: an integer
    // (INT64), any number (FLOAT64), bool (BOOL), anything that converts to
    // std::string_view (STRING), a boost::json::value (JSON), or anything
    // that converts to std::span<const std::int64_t> (INT64_LIST). A row that
    // does not fit throws std::logic_error and leaves the table unchanged.
    template <class... Cells>
    void append(const Cells&... cells)
    {
        if (sizeof...(Cells) != columns_.size()) {
            throw std::logic_error("table " + name_ + ": a row has " + std::to_string(sizeof...(Cells)) +
                                   " cells for " + std::to_string(columns_.size()) + " columns");
        }
        std::size_t index = 0;
        (check_fits<Cells>(index++), ...);
        index = 0;
        (put(columns_[index++], cells), ...);
        if (++rows_ == chunk_rows_) flush();
    }

    // Hands the buffered rows to the host (the first call declares the table).
    void flush()
    {
        if (rows_ == 0 && declared_) return;
        std::vector<PR_Column> columns;
        columns.reserve(columns_.size());
        for (const auto& column : columns_) columns.push_back(column.view(rows_));
        const PR_Table table{name_.c_str(), rows_, static_cast<std::uint32_t>(columns.size()), 0,
                             columns.data()};
        detail::check_host_call("table " + name_, [&](PR_Error* error) {
            return sink_->append_table(sink_, &table, error);
        });
        for (auto& column : columns_) column.clear();
        rows_ = 0;
        declared_ = true;
    }

private:
    // One column's cells since the last flush.
    struct Buffer {
        explicit Buffer(ColumnSpec column_spec) : spec(std::move(column_spec)) {}

        bool has_offsets() const noexcept
        {
            return spec.type == ColumnType::string || spec.type == ColumnType::json ||
                   spec.type == ColumnType::int64_list;
        }

        PR_Column view(std::size_t rows) const
        {
            const void* values = nullptr;
            switch (spec.type) {
            case ColumnType::int64:
            case ColumnType::int64_list: values = ints.data(); break;
            case ColumnType::float64: values = floats.data(); break;
            case ColumnType::boolean: values = bools.data(); break;
            case ColumnType::string:
            case ColumnType::json: values = text.data(); break;
            }
            // NULL values would mean "every row is null"; a chunk of empty
            // lists has no elements but must still point somewhere.
            static constexpr std::int64_t no_elements = 0;
            if (values == nullptr) values = &no_elements;
            return PR_Column{spec.name.c_str(), spec.unit.c_str(), static_cast<std::int32_t>(spec.type), spec.flags, rows,
                             values, has_offsets() ? offsets.data() : nullptr,
                             has_null ? valid.data() : nullptr};
        }

        void clear()
        {
            ints.clear();
            floats.clear();
            bools.clear();
            text.clear();
            offsets.assign(1, 0);
            valid.clear();
            has_null = false;
        }

        ColumnSpec spec;
        std::vector<std::int64_t> ints;  // INT64 cells, or INT64_LIST elements
        std::vector<double> floats;
        std::vector<std::uint8_t> bools;
        std::string text;                          // STRING and JSON bytes
        std::vector<std::uint64_t> offsets{0};     // for the offset types
        std::vector<std::uint8_t> valid;           // one per row
        bool has_null = false;
    };

    // Whether a cell of C++ type Cell can go into a column of `type`.
    template <class Cell>
    static constexpr bool fits(ColumnType type)
    {
        if constexpr (std::same_as<Cell, std::nullopt_t>) {
            return true;
        } else if constexpr (detail::is_optional<Cell>) {
            return fits<typename Cell::value_type>(type);
        } else if constexpr (std::same_as<Cell, bool>) {
            return type == ColumnType::boolean;
        } else if constexpr (std::integral<Cell>) {
            return type == ColumnType::int64 || type == ColumnType::float64;
        } else if constexpr (std::floating_point<Cell>) {
            return type == ColumnType::float64;
        } else if constexpr (std::same_as<Cell, boost::json::value>) {
            return type == ColumnType::json;
        } else if constexpr (std::convertible_to<const Cell&, std::string_view>) {
            return type == ColumnType::string;
        } else if constexpr (std::convertible_to<const Cell&, std::span<const std::int64_t>>) {
            return type == ColumnType::int64_list;
        } else {
            static_assert(!std::is_same_v<Cell, Cell>, "unsupported cell type");
        }
    }

    template <class Cell>
    void check_fits(std::size_t index) const
    {
        const ColumnSpec& spec = columns_[index].spec;
        if (!fits<Cell>(spec.type)) {
            throw std::logic_error("table " + name_ + ": cell " + std::to_string(index) + " does not fit column " +
                                   spec.name + " (" + column_type_name(static_cast<std::int32_t>(spec.type)) + ")");
        }
    }

    static void mark(Buffer& column, bool valid)
    {
        column.valid.push_back(valid ? 1 : 0);
        column.has_null = column.has_null || !valid;
    }

    // A null keeps the column's layout: a zero or an empty cell behind valid = 0.
    static void put_null(Buffer& column)
    {
        switch (column.spec.type) {
        case ColumnType::int64: column.ints.push_back(0); break;
        case ColumnType::float64: column.floats.push_back(0.0); break;
        case ColumnType::boolean: column.bools.push_back(0); break;
        case ColumnType::string:
        case ColumnType::json: column.offsets.push_back(column.text.size()); break;
        case ColumnType::int64_list: column.offsets.push_back(column.ints.size()); break;
        }
        mark(column, false);
    }

    // Stores a cell that fits (check_fits passed).
    template <class Cell>
    static void put(Buffer& column, const Cell& cell)
    {
        if constexpr (std::same_as<Cell, std::nullopt_t>) {
            put_null(column);
            return;
        } else if constexpr (detail::is_optional<Cell>) {
            if (cell) {
                put(column, *cell);
            } else {
                put_null(column);
            }
            return;
        } else if constexpr (std::same_as<Cell, bool>) {
            column.bools.push_back(cell ? 1 : 0);
        } else if constexpr (std::integral<Cell>) {
            if (column.spec.type == ColumnType::float64) {
                column.floats.push_back(static_cast<double>(cell));
            } else {
                column.ints.push_back(static_cast<std::int64_t>(cell));
            }
        } else if constexpr (std::floating_point<Cell>) {
            column.floats.push_back(static_cast<double>(cell));
        } else if constexpr (std::same_as<Cell, boost::json::value>) {
            JsonWriter writer;
            writer.json(cell);
            column.text += writer.buffer();
            column.offsets.push_back(column.text.size());
        } else if constexpr (std::convertible_to<const Cell&, std::string_view>) {
            column.text += std::string_view{cell};
            column.offsets.push_back(column.text.size());
        } else {
            const std::span<const std::int64_t> list{cell};
            column.ints.insert(column.ints.end(), list.begin(), list.end());
            column.offsets.push_back(column.ints.size());
        }
        mark(column, true);
    }

    const PR_SectionSink* sink_;
    std::string name_;
    std::size_t chunk_rows_;
    std::vector<Buffer> columns_;
    std::size_t rows_ = 0;
    bool declared_ = false;
};

}  // namespace perfreport
