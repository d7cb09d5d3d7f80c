#include "closest_key.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

namespace perfreport {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b)
{
    // One row of the dynamic-programming table at a time.
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t substitution = diagonal + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
            row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::optional<std::string_view> closest_key(std::string_view key, std::span<const std::string_view> known)
{
    std::optional<std::string_view> best;
    std::size_t best_distance = 0;
    for (const std::string_view candidate : known) {
        const std::size_t distance = edit_distance(key, candidate);
        const std::size_t allowed = std::max<std::size_t>(1, std::min(key.size(), candidate.size()) / 3);
        if (distance > allowed) continue;
        if (!best || distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view key, const std::vector<std::string>& known)
{
    const std::vector<std::string_view> views(known.begin(), known.end());
    const auto best = closest_key(key, views);
    return best ? " (did you mean '" + std::string(*best) + "'?)" : std::string();
}

}  // namespace perfreport
