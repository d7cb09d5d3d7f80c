#include "table.hpp"

#include "utf8.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>
#include <stdexcept>

namespace perfreport {
namespace {

bool is_known_type(int32_t type)
{
    return type >= PR_COLUMN_INT64 && type <= PR_COLUMN_INT64_LIST;
}

bool has_offsets(int32_t type)
{
    return type == PR_COLUMN_STRING || type == PR_COLUMN_JSON || type == PR_COLUMN_INT64_LIST;
}

[[noreturn]] void malformed(const std::string& column, const std::string& what)
{
    throw std::invalid_argument("column '" + column + "': " + what);
}

}  // namespace

Column::Column(std::string name, std::string unit, int32_t type, uint32_t flags)
    : name_(std::move(name)), unit_(std::move(unit)), type_(type), flags_(flags)
{
    if (!is_known_type(type)) malformed(name_, "unknown column type " + std::to_string(type));
    if ((flags & ~PR_COLUMN_OMIT_NULL) != 0) malformed(name_, "unknown column flags " + std::to_string(flags));
    if (has_offsets(type)) offsets_.push_back(0);
}

void Column::mark_valid(bool valid)
{
    if (!valid && !has_nulls_) {
        valid_.assign(length_, 1);
        has_nulls_ = true;
    }
    if (has_nulls_) valid_.push_back(valid ? 1 : 0);
    ++length_;
}

void Column::push_int64(int64_t value)
{
    int64s_.push_back(value);
    mark_valid(true);
}

void Column::push_float64(double value)
{
    float64s_.push_back(value);
    mark_valid(true);
}

void Column::push_bool(bool value)
{
    bools_.push_back(value ? 1 : 0);
    mark_valid(true);
}

void Column::push_string(std::string_view value)
{
    bytes_.append(value);
    offsets_.push_back(bytes_.size());
    mark_valid(true);
}

void Column::push_null()
{
    switch (type_) {
    case PR_COLUMN_INT64: int64s_.push_back(0); break;
    case PR_COLUMN_FLOAT64: float64s_.push_back(0.0); break;
    case PR_COLUMN_BOOL: bools_.push_back(0); break;
    default: offsets_.push_back(offsets_.back()); break;
    }
    mark_valid(false);
}

void Column::append_validity(const uint8_t* valid, uint64_t rows)
{
    if (valid != nullptr && !has_nulls_ && std::find(valid, valid + rows, uint8_t{0}) != valid + rows) {
        valid_.assign(length_, 1);
        has_nulls_ = true;
    }
    if (has_nulls_) {
        if (valid == nullptr) {
            valid_.insert(valid_.end(), rows, 1);
        } else {
            for (uint64_t i = 0; i < rows; ++i) valid_.push_back(valid[i] != 0 ? 1 : 0);
        }
    }
    length_ += rows;
}

// Whole chunks are copied at once: this runs for every row of every table.
void Column::append(const PR_Column& chunk, uint64_t rows)
{
    if (chunk.type != type_) malformed(name_, "type changed between chunks");
    if (chunk.flags != flags_) malformed(name_, "flags changed between chunks");
    if (chunk.length != rows) {
        malformed(name_, "has " + std::to_string(chunk.length) + " rows, the table chunk " +
                             std::to_string(rows));
    }
    if (chunk.values == nullptr) {
        for (uint64_t i = 0; i < rows; ++i) push_null();
        return;
    }
    if (!has_offsets(type_)) {
        switch (type_) {
        case PR_COLUMN_INT64: {
            const auto* values = static_cast<const int64_t*>(chunk.values);
            int64s_.insert(int64s_.end(), values, values + rows);
            break;
        }
        case PR_COLUMN_FLOAT64: {
            const auto* values = static_cast<const double*>(chunk.values);
            float64s_.insert(float64s_.end(), values, values + rows);
            break;
        }
        default:
            for (uint64_t i = 0; i < rows; ++i) bools_.push_back(static_cast<const uint8_t*>(chunk.values)[i] != 0);
        }
        append_validity(chunk.valid, rows);
        return;
    }
    if (chunk.offsets == nullptr) malformed(name_, "offsets are missing");
    for (uint64_t i = 0; i < rows; ++i) {
        if (chunk.offsets[i + 1] < chunk.offsets[i]) malformed(name_, "offsets decrease");
    }
    const uint64_t first = chunk.offsets[0];
    const uint64_t last = chunk.offsets[rows];
    const uint64_t base = type_ == PR_COLUMN_INT64_LIST ? int64s_.size() : bytes_.size();
    if (type_ == PR_COLUMN_INT64_LIST) {
        const auto* items = static_cast<const int64_t*>(chunk.values);
        int64s_.insert(int64s_.end(), items + first, items + last);
    } else {
        const std::string_view text(static_cast<const char*>(chunk.values) + first, last - first);
        // Valid UTF-8 as a whole, and every cell starting on a character.
        if (!is_valid_utf8(text)) malformed(name_, "holds text that is not UTF-8");
        for (uint64_t i = 0; i < rows; ++i) {
            const uint64_t at = chunk.offsets[i] - first;
            if (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) {
                malformed(name_, "row " + std::to_string(i) + " is not UTF-8");
            }
        }
        if (type_ == PR_COLUMN_JSON) {
            for (uint64_t i = 0; i < rows; ++i) {
                if (chunk.valid != nullptr && chunk.valid[i] == 0) continue;
                boost::json::error_code ec;
                boost::json::parse(text.substr(chunk.offsets[i] - first, chunk.offsets[i + 1] - chunk.offsets[i]), ec);
                if (ec) malformed(name_, "row " + std::to_string(i) + " is not JSON: " + ec.message());
            }
        }
        bytes_.append(text);
    }
    for (uint64_t i = 1; i <= rows; ++i) offsets_.push_back(base + (chunk.offsets[i] - first));
    append_validity(chunk.valid, rows);
}

PR_Column Column::view() const
{
    PR_Column v{};
    v.name = name_.c_str();
    v.unit = unit_.c_str();
    v.type = type_;
    v.flags = flags_;
    v.length = length_;
    switch (type_) {
    case PR_COLUMN_INT64: v.values = int64s_.data(); break;
    case PR_COLUMN_FLOAT64: v.values = float64s_.data(); break;
    case PR_COLUMN_BOOL: v.values = bools_.data(); break;
    case PR_COLUMN_INT64_LIST: v.values = int64s_.data(); break;
    default: v.values = bytes_.data(); break;
    }
    v.offsets = has_offsets(type_) ? offsets_.data() : nullptr;
    v.valid = has_nulls_ ? valid_.data() : nullptr;
    return v;
}

Column& Table::add_column(std::string name, std::string unit, int32_t type, uint32_t flags)
{
    return columns_.emplace_back(std::move(name), std::move(unit), type, flags);
}

void Table::append(const PR_Table& chunk)
{
    if (chunk.column_count > 0 && chunk.columns == nullptr) {
        throw std::invalid_argument("table '" + name_ + "': columns are missing");
    }
    const bool first = columns_.empty();
    if (!first && chunk.column_count != columns_.size()) {
        throw std::invalid_argument("table '" + name_ + "': a chunk has " +
                                    std::to_string(chunk.column_count) + " columns, the table " +
                                    std::to_string(columns_.size()));
    }
    for (uint32_t c = 0; c < chunk.column_count; ++c) {
        const PR_Column& in = chunk.columns[c];
        if (in.name == nullptr || *in.name == '\0') {
            throw std::invalid_argument("table '" + name_ + "': column " + std::to_string(c) +
                                        " has no name");
        }
        if (first) {
            add_column(in.name, in.unit != nullptr ? in.unit : "", in.type, in.flags);
        } else if (columns_[c].name() != in.name) {
            throw std::invalid_argument("table '" + name_ + "': column " + std::to_string(c) +
                                        " is '" + in.name + "', earlier chunks had '" +
                                        columns_[c].name() + "'");
        }
    }
    for (uint32_t c = 0; c < chunk.column_count; ++c) {
        columns_[c].append(chunk.columns[c], chunk.row_count);
    }
}

PR_Table Table::view() const
{
    column_views_.clear();
    for (const auto& column : columns_) column_views_.push_back(column.view());
    PR_Table v{};
    v.name = name_.c_str();
    v.row_count = row_count();
    v.column_count = static_cast<uint32_t>(column_views_.size());
    v.columns = column_views_.data();
    return v;
}

}  // namespace perfreport
