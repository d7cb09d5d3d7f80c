// SPEC 0's "contains": a substring test on the lower-cased op_id.
#pragma once

#include <string_view>

namespace perfreport {

// True when `text`, lower-cased (ASCII), contains `lower_needle` (already
// lower case). No allocation: it runs for every step and every keyword.
inline bool contains(std::string_view text, std::string_view lower_needle)
{
    if (lower_needle.empty()) return true;
    if (lower_needle.size() > text.size()) return false;
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    for (std::size_t at = 0; at + lower_needle.size() <= text.size(); ++at) {
        std::size_t i = 0;
        while (i < lower_needle.size() && lower(text[at + i]) == lower_needle[i]) ++i;
        if (i == lower_needle.size()) return true;
    }
    return false;
}

}  // namespace perfreport
