// An op_id to test many keywords against, SPEC 0's "contains" for each: the
// letter pairs of the op_id, folded into 64 bits, rule out most keywords in
// one instruction, and `contains` decides the few that remain.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "perfreport/sdk/contains.hpp"

namespace perfreport::compat {

constexpr char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// One bit per adjacent pair of (lower-cased) characters of `text`.
constexpr std::uint64_t pair_bits(std::string_view text)
{
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        const auto pair = static_cast<std::uint32_t>(static_cast<unsigned char>(ascii_lower(text[i]))) * 256u +
                          static_cast<unsigned char>(ascii_lower(text[i + 1]));
        bits |= std::uint64_t{1} << ((pair * 2654435761u) >> 26);
    }
    return bits;
}

// A lower-case keyword of two characters or more, with its pair bits
// computed by the compiler.
struct Keyword {
    consteval Keyword(const char* keyword) : text(keyword), bits(pair_bits(keyword)) {}

    std::string_view text;
    std::uint64_t bits;
};

class OpName {
public:
    explicit OpName(std::string_view op_id) : text_(op_id), bits_(pair_bits(op_id)) {}

    std::string_view text() const noexcept { return text_; }

    // SPEC 0's "contains": a text lacking one of the keyword's pairs cannot hold it.
    bool contains(const Keyword& keyword) const noexcept
    {
        return (bits_ & keyword.bits) == keyword.bits && perfreport::contains(text_, keyword.text);
    }

private:
    std::string_view text_;
    std::uint64_t bits_;
};

}  // namespace perfreport::compat
