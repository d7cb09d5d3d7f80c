// A host-owned, typed, columnar table: what analyzers hand over, copied.
#pragma once

#include <perfreport/abi.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace perfreport {

// One column of any PR_COLUMN_* type. Only the storage of its type is used.
class Column {
public:
    Column(std::string name, std::string unit, int32_t type, uint32_t flags = 0);

    const std::string& name() const { return name_; }
    const std::string& unit() const { return unit_; }
    int32_t type() const { return type_; }
    uint32_t flags() const { return flags_; }
    uint64_t size() const { return length_; }

    void push_int64(int64_t value);
    void push_float64(double value);
    void push_bool(bool value);
    void push_string(std::string_view value);  // STRING and JSON
    void push_null();

    // Appends `rows` rows of a borrowed column of the same type; throws
    // std::invalid_argument naming the column when the chunk is malformed.
    void append(const PR_Column& chunk, uint64_t rows);

    PR_Column view() const;

private:
    void mark_valid(bool valid);
    void append_validity(const uint8_t* valid, uint64_t rows);

    std::string name_;
    std::string unit_;
    int32_t type_;
    uint32_t flags_;
    uint64_t length_ = 0;
    std::vector<int64_t> int64s_;  // INT64 values, INT64_LIST elements
    std::vector<double> float64s_;
    std::vector<uint8_t> bools_;
    std::string bytes_;  // STRING and JSON
    std::vector<uint64_t> offsets_;
    bool has_nulls_ = false;       // valid_ is kept from the first null on
    std::vector<uint8_t> valid_;
};

class Table {
public:
    explicit Table(std::string name) : name_(std::move(name)) {}

    const std::string& name() const { return name_; }
    uint64_t row_count() const { return columns_.empty() ? 0 : columns_.front().size(); }
    const std::vector<Column>& columns() const { return columns_; }

    Column& add_column(std::string name, std::string unit, int32_t type, uint32_t flags = 0);
    Column& column(std::size_t index) { return columns_[index]; }

    // Appends a chunk handed over through the ABI. The first chunk sets the
    // columns; later ones must carry the same names and types in the same order.
    void append(const PR_Table& chunk);

    // Borrowed view; valid while this table is alive and unchanged.
    PR_Table view() const;

private:
    std::string name_;
    std::vector<Column> columns_;
    mutable std::vector<PR_Column> column_views_;
};

}  // namespace perfreport
