// Typed, borrowed read views over a PR_Column.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "perfreport/abi.h"
#include "perfreport/sdk/failure.hpp"

namespace perfreport {

enum class ColumnType : std::int32_t {
    int64 = PR_COLUMN_INT64,
    float64 = PR_COLUMN_FLOAT64,
    boolean = PR_COLUMN_BOOL,
    string = PR_COLUMN_STRING,
    json = PR_COLUMN_JSON,
    int64_list = PR_COLUMN_INT64_LIST,
};

// The ABI's name of a column type, e.g. "FLOAT64"; unknown codes as numbers.
inline std::string column_type_name(std::int32_t type)
{
    switch (type) {
    case PR_COLUMN_INT64: return "INT64";
    case PR_COLUMN_FLOAT64: return "FLOAT64";
    case PR_COLUMN_BOOL: return "BOOL";
    case PR_COLUMN_STRING: return "STRING";
    case PR_COLUMN_JSON: return "JSON";
    case PR_COLUMN_INT64_LIST: return "INT64_LIST";
    default: return "type " + std::to_string(type);
    }
}

namespace detail {

inline std::string column_name(const PR_Column& column)
{
    return column.name == nullptr ? std::string{"(unnamed)"} : std::string{column.name};
}

// A view of the wrong type means host and plugin disagree on the layout.
inline void expect_type(const PR_Column& column, ColumnType expected)
{
    if (column.type != static_cast<std::int32_t>(expected)) {
        throw Failure(PR_ERR_INCOMPATIBLE, "column " + column_name(column) + " is " + column_type_name(column.type) +
                                               ", expected " +
                                               column_type_name(static_cast<std::int32_t>(expected)));
    }
}

inline bool cell_is_null(const PR_Column& column, std::size_t row) noexcept
{
    return column.values == nullptr || (column.valid != nullptr && column.valid[row] == 0);
}

}  // namespace detail

// The values of a fixed-width column that has no nulls (the core step
// columns): T is double for FLOAT64, std::int64_t for INT64.
template <class T>
std::span<const T> dense_values(const PR_Column& column, ColumnType type)
{
    detail::expect_type(column, type);
    if (column.length == 0) return {};
    if (column.values == nullptr) {
        throw Failure(PR_ERR_INVALID_ARGUMENT, "column " + detail::column_name(column) + " has no values");
    }
    return {static_cast<const T*>(column.values), column.length};
}

// A fixed-width column whose cells may be null. `Stored` is the element type
// of `values` (std::uint8_t for BOOL), `T` what a cell reads as.
template <class T, class Stored = T>
class NullableColumn {
public:
    NullableColumn(const PR_Column& column, ColumnType type) : column_(&column)
    {
        detail::expect_type(column, type);
    }

    std::size_t size() const noexcept { return column_->length; }
    bool is_null(std::size_t row) const noexcept { return detail::cell_is_null(*column_, row); }

    // The cell of a row that is not null.
    T value(std::size_t row) const noexcept
    {
        return static_cast<T>(static_cast<const Stored*>(column_->values)[row]);
    }

    std::optional<T> operator[](std::size_t row) const noexcept
    {
        return is_null(row) ? std::nullopt : std::optional<T>{value(row)};
    }

private:
    const PR_Column* column_;
};

using NullableInt64Column = NullableColumn<std::int64_t>;
using NullableFloat64Column = NullableColumn<double>;
using NullableBoolColumn = NullableColumn<bool, std::uint8_t>;

// A column of variable-length cells laid out with `offsets`: a null cell
// reads as empty. `Cell` is built from (pointer, count).
template <class Element, class Cell>
class OffsetColumn {
public:
    OffsetColumn(const PR_Column& column, ColumnType type) : column_(&column)
    {
        detail::expect_type(column, type);
        if (column.values != nullptr && column.offsets == nullptr) {
            throw Failure(PR_ERR_INVALID_ARGUMENT,
                          "column " + detail::column_name(column) + " has no offsets");
        }
    }

    std::size_t size() const noexcept { return column_->length; }
    bool is_null(std::size_t row) const noexcept { return detail::cell_is_null(*column_, row); }

    Cell operator[](std::size_t row) const noexcept
    {
        if (column_->values == nullptr) return {};
        const std::uint64_t begin = column_->offsets[row];
        return Cell(static_cast<const Element*>(column_->values) + begin, column_->offsets[row + 1] - begin);
    }

private:
    const PR_Column* column_;
};

// STRING and JSON columns (JSON cells are JSON texts).
using StringColumn = OffsetColumn<char, std::string_view>;
using Int64ListColumn = OffsetColumn<std::int64_t, std::span<const std::int64_t>>;

}  // namespace perfreport
