#include "pareto.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace perfreport {
namespace {

// The numeric columns an objective may name.
std::vector<std::string_view> numeric_columns()
{
    std::vector<std::string_view> keys;
    for (const auto& column : summary_columns()) {
        if (column.numeric) keys.push_back(column.key);
    }
    return keys;
}

// A row's objective values turned so that larger is better everywhere; none
// when a value is missing.
std::optional<std::vector<double>> scores(const SummaryRow& row, const std::vector<ParetoObjective>& objectives)
{
    std::vector<double> values;
    for (const auto& objective : objectives) {
        const boost::json::value* value = row.if_contains(objective.key);
        if (value == nullptr || !value->is_number()) return std::nullopt;
        const double number = value->to_number<double>();
        if (!std::isfinite(number)) return std::nullopt;
        values.push_back(objective.maximise ? number : -number);
    }
    return values;
}

bool dominates(const std::vector<double>& a, const std::vector<double>& b)
{
    bool better = false;
    for (std::size_t k = 0; k < a.size(); ++k) {
        if (a[k] < b[k]) return false;
        better = better || a[k] > b[k];
    }
    return better;
}

std::string phase_of(const SummaryRow& row)
{
    const boost::json::value& phase = row.at("phase");
    return phase.is_string() ? std::string(phase.get_string()) : std::string();
}

}  // namespace

std::vector<ParetoObjective> default_pareto_objectives()
{
    return {{"tps_per_chip", true}, {"tpot_ms", false}, {"cost_per_million_tokens", false}};
}

std::vector<ParetoObjective> parse_pareto_objectives(std::string_view text)
{
    const auto known = numeric_columns();
    std::string listed;
    for (const auto key : known) listed += (listed.empty() ? "" : ", ") + std::string(key);
    std::vector<ParetoObjective> objectives;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        const std::string_view item = text.substr(start, end - start);
        const std::size_t colon = item.rfind(':');
        const std::string_view key = item.substr(0, colon);
        const std::string_view sense = colon == std::string_view::npos ? "" : item.substr(colon + 1);
        if (std::find(known.begin(), known.end(), key) == known.end() || (sense != "max" && sense != "min")) {
            throw std::invalid_argument("--pareto '" + std::string(item) +
                                        "' must be COLUMN:max or COLUMN:min with COLUMN one of " + listed);
        }
        objectives.push_back({std::string(key), sense == "max"});
        start = end + 1;
    }
    return objectives;
}

// Sort-filter: within a phase, rows sorted best-first lexicographically can
// only be dominated by rows before them, and a dominated row is dominated by
// some row of the front, so each row is checked against the front so far.
// Equal rows are adjacent and never dominate each other.
std::vector<bool> pareto_front(const std::vector<SummaryRow>& rows, const std::vector<ParetoObjective>& objectives)
{
    std::vector<bool> flags(rows.size(), false);
    if (objectives.empty()) return flags;
    std::map<std::string, std::vector<std::pair<std::vector<double>, std::size_t>>> phases;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!row_ok(rows[i])) continue;
        if (auto values = scores(rows[i], objectives)) phases[phase_of(rows[i])].emplace_back(std::move(*values), i);
    }
    for (auto& [phase, candidates] : phases) {
        std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        std::vector<const std::vector<double>*> front;
        for (const auto& [values, row] : candidates) {
            const bool dominated = std::any_of(front.begin(), front.end(),
                                               [&](const std::vector<double>* f) { return dominates(*f, values); });
            if (dominated) continue;
            front.push_back(&values);
            flags[row] = true;
        }
    }
    return flags;
}

void mark_pareto_front(std::vector<SummaryRow>& rows, const std::vector<ParetoObjective>& objectives)
{
    const std::vector<bool> flags = pareto_front(rows, objectives);
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i]["pareto"] = static_cast<bool>(flags[i]);
}

}  // namespace perfreport
