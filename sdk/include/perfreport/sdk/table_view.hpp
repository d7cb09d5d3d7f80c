// A finished table (PR_Table) as an exporter reads it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "perfreport/abi.h"
#include "perfreport/sdk/columns.hpp"
#include "perfreport/sdk/failure.hpp"

namespace perfreport {

// One column of any type; the typed views check that the type matches.
class ColumnView {
public:
    explicit ColumnView(const PR_Column& column) : column_(&column) {}

    std::string_view name() const noexcept { return column_->name; }
    std::string_view unit() const noexcept { return column_->unit == nullptr ? "" : column_->unit; }
    ColumnType type() const noexcept { return static_cast<ColumnType>(column_->type); }
    // A null cell of this column is left out of its row (PR_COLUMN_OMIT_NULL).
    bool omits_null() const noexcept { return (column_->flags & PR_COLUMN_OMIT_NULL) != 0; }
    std::size_t size() const noexcept { return column_->length; }
    bool is_null(std::size_t row) const noexcept { return detail::cell_is_null(*column_, row); }

    NullableInt64Column int64s() const { return {*column_, ColumnType::int64}; }
    NullableFloat64Column float64s() const { return {*column_, ColumnType::float64}; }
    NullableBoolColumn bools() const { return {*column_, ColumnType::boolean}; }
    // STRING cells, or the JSON texts of a JSON column.
    StringColumn strings() const
    {
        return {*column_, type() == ColumnType::json ? ColumnType::json : ColumnType::string};
    }
    Int64ListColumn int64_lists() const { return {*column_, ColumnType::int64_list}; }

    const PR_Column& raw() const noexcept { return *column_; }

private:
    const PR_Column* column_;
};

class TableView {
public:
    explicit TableView(const PR_Table& table) : table_(&table) {}

    std::string_view name() const noexcept { return table_->name; }
    std::size_t row_count() const noexcept { return table_->row_count; }
    std::size_t column_count() const noexcept { return table_->column_count; }
    ColumnView column(std::size_t index) const { return ColumnView{table_->columns[index]}; }

    // The column called `name`; PR_ERR_INVALID_INPUT when the table has none.
    ColumnView column(std::string_view name) const
    {
        for (std::size_t i = 0; i < column_count(); ++i) {
            if (column(i).name() == name) return column(i);
        }
        throw Failure(PR_ERR_INVALID_INPUT,
                      "table " + std::string{this->name()} + " has no column " + std::string{name});
    }

    const PR_Table& raw() const noexcept { return *table_; }

private:
    const PR_Table* table_;
};

}  // namespace perfreport
