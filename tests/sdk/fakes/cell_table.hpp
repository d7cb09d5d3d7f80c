// Tables as plain values for tests: copied out of a PR_Table, or laid out as one.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "perfreport/abi.h"

namespace perfreport::fakes {

// One cell: null, INT64, FLOAT64, BOOL, STRING or JSON text, INT64_LIST.
using Cell = std::variant<std::monostate, std::int64_t, double, bool, std::string, std::vector<std::int64_t>>;

struct CellColumn {
    std::string name;
    std::string unit;
    std::int32_t type = 0;
    std::vector<Cell> cells;
    std::uint32_t flags = 0;  // PR_COLUMN_* flags
};

struct CellTable {
    std::string name;
    std::vector<CellColumn> columns;

    std::size_t row_count() const { return columns.empty() ? 0 : columns.front().cells.size(); }

    const CellColumn& column(std::string_view column_name) const
    {
        for (const auto& c : columns) {
            if (c.name == column_name) return c;
        }
        throw std::out_of_range("no column " + std::string{column_name} + " in table " + name);
    }
};

// Reads a PR_Column the way the ABI defines it (independently of the SDK).
inline Cell copy_cell(const PR_Column& column, std::uint64_t row)
{
    if (column.values == nullptr || (column.valid != nullptr && column.valid[row] == 0)) return {};
    switch (column.type) {
    case PR_COLUMN_INT64: return static_cast<const std::int64_t*>(column.values)[row];
    case PR_COLUMN_FLOAT64: return static_cast<const double*>(column.values)[row];
    case PR_COLUMN_BOOL: return static_cast<const std::uint8_t*>(column.values)[row] != 0;
    case PR_COLUMN_STRING:
    case PR_COLUMN_JSON: {
        const char* text = static_cast<const char*>(column.values);
        return std::string(text + column.offsets[row], text + column.offsets[row + 1]);
    }
    case PR_COLUMN_INT64_LIST: {
        const auto* list = static_cast<const std::int64_t*>(column.values);
        return std::vector<std::int64_t>(list + column.offsets[row], list + column.offsets[row + 1]);
    }
    default: throw std::invalid_argument("unknown column type " + std::to_string(column.type));
    }
}

// Appends the rows of `table` to `into` (whose columns are set on first use).
inline void append_rows(const PR_Table& table, CellTable& into)
{
    if (into.columns.empty()) {
        into.name = table.name;
        for (std::uint32_t c = 0; c < table.column_count; ++c) {
            const PR_Column& column = table.columns[c];
            into.columns.push_back({column.name, column.unit, column.type, {}});
        }
    }
    for (std::uint32_t c = 0; c < table.column_count; ++c) {
        for (std::uint64_t row = 0; row < table.row_count; ++row) {
            into.columns[c].cells.push_back(copy_cell(table.columns[c], row));
        }
    }
}

// A PR_Table laid out over a CellTable (which must outlive it); null cells
// get valid = 0 behind a zero or an empty cell.
class OwnedTable {
public:
    explicit OwnedTable(const CellTable& table) : name_(table.name), storage_(table.columns.size())
    {
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const CellColumn& column = table.columns[c];
            Storage& s = storage_[c];
            lay_out(column, s);
            const bool offset_type = column.type == PR_COLUMN_STRING || column.type == PR_COLUMN_JSON ||
                                     column.type == PR_COLUMN_INT64_LIST;
            columns_.push_back(PR_Column{column.name.c_str(), column.unit.c_str(), column.type, column.flags,
                                         column.cells.size(), values_of(column.type, s),
                                         offset_type ? s.offsets.data() : nullptr, s.valid.data()});
        }
        table_ = PR_Table{name_.c_str(), table.row_count(), static_cast<std::uint32_t>(columns_.size()), 0,
                          columns_.data()};
    }
    OwnedTable(const OwnedTable&) = delete;
    OwnedTable& operator=(const OwnedTable&) = delete;

    const PR_Table& get() const { return table_; }

private:
    struct Storage {
        std::vector<std::int64_t> ints;
        std::vector<double> floats;
        std::vector<std::uint8_t> bools;
        std::string text;
        std::vector<std::uint64_t> offsets{0};
        std::vector<std::uint8_t> valid;
    };

    // Never NULL: NULL values would mean "every row is null".
    static const void* values_of(std::int32_t type, const Storage& s)
    {
        static constexpr std::int64_t nothing = 0;
        const void* values = type == PR_COLUMN_FLOAT64                              ? static_cast<const void*>(s.floats.data())
                             : type == PR_COLUMN_BOOL                               ? static_cast<const void*>(s.bools.data())
                             : type == PR_COLUMN_STRING || type == PR_COLUMN_JSON ? static_cast<const void*>(s.text.data())
                                                                                    : static_cast<const void*>(s.ints.data());
        return values == nullptr ? &nothing : values;
    }

    static void lay_out(const CellColumn& column, Storage& s)
    {
        for (const Cell& cell : column.cells) {
            s.valid.push_back(std::holds_alternative<std::monostate>(cell) ? 0 : 1);
            switch (column.type) {
            case PR_COLUMN_INT64: s.ints.push_back(value_or<std::int64_t>(cell, 0)); break;
            case PR_COLUMN_FLOAT64: s.floats.push_back(value_or<double>(cell, 0.0)); break;
            case PR_COLUMN_BOOL: s.bools.push_back(value_or<bool>(cell, false) ? 1 : 0); break;
            case PR_COLUMN_STRING:
            case PR_COLUMN_JSON:
                s.text += value_or<std::string>(cell, "");
                s.offsets.push_back(s.text.size());
                break;
            case PR_COLUMN_INT64_LIST: {
                const auto list = value_or<std::vector<std::int64_t>>(cell, {});
                s.ints.insert(s.ints.end(), list.begin(), list.end());
                s.offsets.push_back(s.ints.size());
                break;
            }
            default: throw std::invalid_argument("unknown column type");
            }
        }
    }

    template <class T>
    static T value_or(const Cell& cell, T fallback)
    {
        const T* value = std::get_if<T>(&cell);
        return value == nullptr ? fallback : *value;
    }

    std::string name_;
    std::vector<Storage> storage_;
    std::vector<PR_Column> columns_;
    PR_Table table_{};
};

}  // namespace perfreport::fakes
