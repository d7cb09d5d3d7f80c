// One configuration's line in the sweep summary: what the input says about
// its configuration and the report's key results (SPEC 2.1 performance,
// 2.2 cost, 2.3 memory).
#pragma once

#include <boost/json/object.hpp>

#include <span>
#include <string>
#include <string_view>

#include "../report/reporting_report.hpp"

namespace perfreport {

struct SummaryColumn {
    std::string_view key;   // the JSON key; the CSV header adds "(unit)"
    std::string_view unit;  // "" when none
    bool numeric = false;   // may be a Pareto objective
};

// name, input, model, chip_type, chip_count, tp, pp, dp, ep, batch_size,
// input_seq_length, output_seq_length, phase, ttft_ms, tpot_ms, tps,
// tps_per_chip, mfu, mbu, peak_memory_gb, total_cost, cost_per_million_tokens,
// status, reason, pareto.
std::span<const SummaryColumn> summary_columns();

// Column key -> value, every column present in column order; null where the
// value is unknown (a failed input, an analyzer not run).
using SummaryRow = boost::json::object;

// A row with only `name` and `input` known, status "failed": an input that
// could not be read or is invalid.
SummaryRow unanalyzed_row(std::string_view name, std::string_view input, std::string_view reason);

// The row of an analyzed input. Configuration from `context` (the effective
// context, SPEC 1.6 fallbacks applied): model.name, hardware.chip_type and
// chip_count, deployment's degrees, batch_size and sequence lengths, phase
// from deployment.is_prefill. Results from the report: performance's ttft_ms,
// tpot_ms, tps, mfu, mbu; tps_per_chip = tps / chip_count; peak_memory_gb =
// the memory section's total_per_chip_gb; the cost section's total_cost and
// cost_per_million_tokens. Status "ok" until set_failed.
SummaryRow analyzed_row(std::string_view name, std::string_view input, const boost::json::object& context,
                        const ReportingReport& report);

void set_failed(SummaryRow& row, std::string_view reason);

bool row_ok(const SummaryRow& row);

}  // namespace perfreport
