// The sweep's own files at the top of OUT, each written to a temporary file
// and renamed: sweep_summary.csv and .json (every row), pareto.csv (the rows
// on the front), failures.csv (name, input, reason of each failed row).
#pragma once

#include <filesystem>
#include <vector>

#include "pareto.hpp"
#include "summary_row.hpp"

namespace perfreport {

// `rows` in the sweep's order; their "pareto" column is set here from
// pareto_front(rows, objectives). The CSV files
// follow the csv exporter's cell rules (SPEC 3.3: `name(unit)` headers, RFC
// 4180 quoting, empty cells for unknown values, shortest round-trip numbers);
// sweep_summary.json is {"pareto_objectives": ["tps_per_chip:max", ...],
// "rows": [{column: value, ...}, ...]}. Throws OutputError.
void write_sweep_summary(const std::filesystem::path& out, std::vector<SummaryRow> rows,
                         const std::vector<ParetoObjective>& objectives);

}  // namespace perfreport
