// "did you mean ...?" for an unknown key: the nearest known key by edit distance.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace perfreport {

// Levenshtein distance, case-insensitive (ASCII).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The known key nearest to `key`, when it is close enough to be a typo: at
// most a third of the shorter key's length apart (at least 1), e.g.
// aggregate -> aggregates, tcompute -> t_compute. Ties go to the first listed.
std::optional<std::string_view> closest_key(std::string_view key, std::span<const std::string_view> known);

// " (did you mean 'x'?)" with the closest of `known`, or "" when none is close.
std::string did_you_mean(std::string_view key, const std::vector<std::string>& known);

}  // namespace perfreport
