// The Pareto front of a sweep: the configurations no other one beats on
// every chosen objective.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "summary_row.hpp"

namespace perfreport {

struct ParetoObjective {
    std::string key;  // a numeric summary column, e.g. "tps_per_chip"
    bool maximise = false;

    std::string text() const { return key + (maximise ? ":max" : ":min"); }
};

// tps_per_chip:max, tpot_ms:min, cost_per_million_tokens:min.
std::vector<ParetoObjective> default_pareto_objectives();

// "tps_per_chip:max,tpot_ms:min": each a numeric column with ":max" or
// ":min". Throws std::invalid_argument naming the numeric columns.
std::vector<ParetoObjective> parse_pareto_objectives(std::string_view text);

// flags[i] says whether rows[i] is on the front. A row takes part when its
// status is ok and every objective has a finite value. Rows are compared only
// with rows of the same phase (prefill and decode figures do not compete).
// Row a dominates row b when a is at least as good on every objective and
// strictly better on one; the front is the rows no other row dominates, so
// rows with identical objective values are all on it or all off it.
std::vector<bool> pareto_front(const std::vector<SummaryRow>& rows, const std::vector<ParetoObjective>& objectives);

// Sets every row's "pareto" column from pareto_front.
void mark_pareto_front(std::vector<SummaryRow>& rows, const std::vector<ParetoObjective>& objectives);

}  // namespace perfreport
