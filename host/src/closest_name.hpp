// "Did you mean ...?": the known name nearest to a misspelt one.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace perfreport {

// Levenshtein distance, case-sensitive.
inline std::size_t edit_distance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1] ? 1 : 0)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// The candidate closest to `name`, or "" when none is within a third of its
// length (a typo, not a different word).
inline std::string closest_name(std::string_view name, const std::vector<std::string>& candidates)
{
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(1, (name.size() + 2) / 3) + 1;
    for (const auto& candidate : candidates) {
        const std::size_t distance = edit_distance(name, candidate);
        if (distance < best_distance) {
            best_distance = distance;
            best = candidate;
        }
    }
    return best;
}

// " (did you mean 'x'?)" or "".
inline std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates)
{
    const std::string best = closest_name(name, candidates);
    return best.empty() ? std::string() : " (did you mean '" + best + "'?)";
}

}  // namespace perfreport
