// Owned storage for one column of the step table, viewed as a PR_Column
// (abi/column.h). Meta columns are nullable and stay unallocated until their
// first value: most inputs carry few of the meta keys.
#pragma once

#include <perfreport/abi.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace perfreport {

PR_Column make_column(const char* name, const char* unit, std::int32_t type, std::uint64_t length,
                      const void* values, const std::uint64_t* offsets, const std::uint8_t* valid);

// Fixed-width values (INT64 or FLOAT64).
template <class T, std::int32_t Type>
class FixedStorage {
public:
    using Value = T;
    static constexpr std::int32_t type = Type;

    void reserve(std::size_t rows) { values_.reserve(rows); }
    void push(T value) { values_.push_back(value); }
    void push_null() { values_.push_back(T{}); }
    void push_nulls(std::size_t count) { values_.resize(values_.size() + count, T{}); }
    std::uint64_t size() const { return values_.size(); }
    T at(std::uint64_t row) const { return values_[row]; }

    PR_Column view(const char* name, const char* unit) const
    {
        return make_column(name, unit, type, values_.size(), values_.data(), nullptr, nullptr);
    }

private:
    std::vector<T> values_;
};

using Int64Storage = FixedStorage<std::int64_t, PR_COLUMN_INT64>;
using Float64Storage = FixedStorage<double, PR_COLUMN_FLOAT64>;

// Variable-length rows: one pool of elements and length+1 offsets into it.
template <class T, std::int32_t Type>
class PooledStorage {
public:
    using Value = std::span<const T>;
    static constexpr std::int32_t type = Type;

    void reserve(std::size_t rows) { offsets_.reserve(rows + 1); }
    void reserve_pool(std::size_t elements) { pool_.reserve(elements); }
    void push(std::span<const T> value)
    {
        pool_.insert(pool_.end(), value.begin(), value.end());
        offsets_.push_back(pool_.size());
    }
    void push_null() { offsets_.push_back(pool_.size()); }
    void push_nulls(std::size_t count) { offsets_.resize(offsets_.size() + count, pool_.size()); }
    std::uint64_t size() const { return offsets_.size() - 1; }
    std::span<const T> at(std::uint64_t row) const
    {
        return {pool_.data() + offsets_[row], static_cast<std::size_t>(offsets_[row + 1] - offsets_[row])};
    }

    PR_Column view(const char* name, const char* unit) const
    {
        // `values` must not be NULL for an allocated column, even when every row is empty.
        static constexpr T none{};
        return make_column(name, unit, type, size(), pool_.empty() ? &none : pool_.data(), offsets_.data(), nullptr);
    }

private:
    std::vector<T> pool_;
    std::vector<std::uint64_t> offsets_{0};
};

using StringStorage = PooledStorage<char, PR_COLUMN_STRING>;
using Int64ListStorage = PooledStorage<std::int64_t, PR_COLUMN_INT64_LIST>;

// A column whose rows may be null, allocated at its first value.
template <class Storage>
class Nullable {
public:
    using Value = typename Storage::Value;

    // Appends row number `row`; the rows before it exist already, or are all
    // null while the column is unallocated.
    void push(std::optional<Value> value, std::uint64_t row, std::size_t reserve_rows)
    {
        if (!allocated_) {
            if (!value) return;
            allocate(row, reserve_rows);
        }
        if (value) {
            storage_.push(*value);
        } else {
            storage_.push_null();
            ++nulls_;
        }
        valid_.push_back(value ? 1 : 0);
    }

    bool allocated() const { return allocated_; }
    bool is_null(std::uint64_t row) const { return !allocated_ || valid_[row] == 0; }
    Value at(std::uint64_t row) const { return storage_.at(row); }  // only for a non-null row

    PR_Column view(const char* name, const char* unit, std::uint64_t rows) const
    {
        if (!allocated_) return make_column(name, unit, Storage::type, rows, nullptr, nullptr, nullptr);
        PR_Column column = storage_.view(name, unit);
        column.valid = nulls_ == 0 ? nullptr : valid_.data();
        return column;
    }

private:
    void allocate(std::uint64_t rows_before, std::size_t reserve_rows)
    {
        allocated_ = true;
        storage_.reserve(reserve_rows);
        valid_.reserve(reserve_rows);
        storage_.push_nulls(rows_before);
        valid_.resize(rows_before, 0);
        nulls_ = rows_before;
    }

    Storage storage_;
    std::vector<std::uint8_t> valid_;
    std::uint64_t nulls_ = 0;
    bool allocated_ = false;
};

}  // namespace perfreport
