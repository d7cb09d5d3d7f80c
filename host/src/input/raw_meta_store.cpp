#include "raw_meta_store.hpp"

#include <array>

namespace perfreport {

std::string_view RawMetaStore::get(std::uint64_t step) const
{
    return std::string_view(pool_).substr(offsets_[step], offsets_[step + 1] - offsets_[step]);
}

// Every value except a key's own (which follows its ':') is separated by a
// comma from the value that ended before it at the same level.
void RawMetaStore::before_value()
{
    if (need_comma_) pool_ += ',';
    need_comma_ = false;
}

void RawMetaStore::begin_object()
{
    before_value();
    pool_ += '{';
}

void RawMetaStore::end_object()
{
    pool_ += '}';
    need_comma_ = true;
}

void RawMetaStore::begin_array()
{
    before_value();
    pool_ += '[';
}

void RawMetaStore::end_array()
{
    pool_ += ']';
    need_comma_ = true;
}

void RawMetaStore::key(std::string_view key)
{
    before_value();
    append_quoted(key);
    pool_ += ':';
}

void RawMetaStore::string(std::string_view value)
{
    before_value();
    append_quoted(value);
    need_comma_ = true;
}

void RawMetaStore::number(std::string_view text)
{
    before_value();
    pool_ += text;
    need_comma_ = true;
}

void RawMetaStore::boolean(bool value)
{
    before_value();
    pool_ += value ? "true" : "false";
    need_comma_ = true;
}

void RawMetaStore::null()
{
    before_value();
    pool_ += "null";
    need_comma_ = true;
}

void RawMetaStore::end_step()
{
    if (pool_.size() == offsets_.back()) pool_ += "{}";
    offsets_.push_back(pool_.size());
    need_comma_ = false;
}

// JSON string escaping (RFC 8259 7): quote, backslash and control characters;
// UTF-8 passes through (the parser has validated it).
void RawMetaStore::append_quoted(std::string_view text)
{
    pool_ += '"';
    static constexpr std::array<char, 16> hex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                 '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            pool_ += '\\';
            pool_ += c;
        } else if (c == '\n') {
            pool_ += "\\n";
        } else if (c == '\t') {
            pool_ += "\\t";
        } else if (c == '\r') {
            pool_ += "\\r";
        } else if (u < 0x20) {
            pool_ += "\\u00";
            pool_ += hex[u >> 4];
            pool_ += hex[u & 0xF];
        } else {
            pool_ += c;
        }
    }
    pool_ += '"';
}

}  // namespace perfreport
