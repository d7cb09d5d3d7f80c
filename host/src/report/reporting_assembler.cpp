#include "reporting_assembler.hpp"

#include <perfreport/sdk/bottleneck.hpp>
#include <perfreport/sdk/round4.hpp>

#include <algorithm>
#include <numeric>
#include <span>
#include <string_view>

namespace perfreport {
namespace {

template <class T>
std::span<const T> values_of(const PR_Column& column, uint64_t count)
{
    return {static_cast<const T*>(column.values), static_cast<std::size_t>(count)};
}

std::string_view string_at(const PR_Column& column, uint64_t row)
{
    const auto* bytes = static_cast<const char*>(column.values);
    return {bytes + column.offsets[row], column.offsets[row + 1] - column.offsets[row]};
}

}  // namespace

void ReportingAssembler::assemble(const EngineResult& input, ReportingReport& report) const
{
    report.granularity = input.granularity_name;
    report.performance = performance(input.aggregates);
    report.bottleneck = bottleneck(input);
    report.step_metrics = step_metrics(input);
    report.producer = input.producer;
    if (const auto* run_config = input.context.if_contains("run_config")) {
        report.config = *run_config;
    }
}

boost::json::object ReportingAssembler::performance(const PR_Aggregates& a) const
{
    return {
        {"total_time_ms", a.total_time_ms},
        {"ttft_ms", a.ttft_ms},
        {"tpot_ms", a.tpot_ms},
        {"tps", a.tps},
        {"mfu", a.mfu},
        {"mbu", a.mbu},
        {"memory_peak_mb", static_cast<double>(a.memory_peak_bytes) / 1048576.0},
        {"compute_time_ms", a.total_compute_time_ms},
        {"comm_time_ms", a.total_comm_time_ms},
        {"wait_time_ms", a.total_wait_time_ms},
        {"total_flops", a.total_flops},
        {"total_bytes", a.total_bytes},
        {"num_ops", a.num_steps},
    };
}

boost::json::object ReportingAssembler::bottleneck(const EngineResult& input) const
{
    const PR_StepTable steps = input.steps.view();
    const auto totals = values_of<double>(steps.t_total, steps.count);
    const auto tags = values_of<int64_t>(steps.bottleneck, steps.count);

    // The stable sort by t_total descending, cut to top_n: ties keep input order.
    const auto keep = static_cast<std::size_t>(
        std::min<uint64_t>(static_cast<uint64_t>(std::max<int64_t>(options_.top_n, 0)), steps.count));
    std::vector<uint64_t> order(steps.count);
    std::iota(order.begin(), order.end(), uint64_t{0});
    const auto before = [&](uint64_t a, uint64_t b) {
        return totals[a] != totals[b] ? totals[a] > totals[b] : a < b;
    };
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
                      before);

    boost::json::array top_ops;
    for (std::size_t k = 0; k < keep; ++k) {
        const uint64_t i = order[k];
        top_ops.push_back(boost::json::object{
            {"op_id", string_at(steps.op_id, i)},
            {"t_total_ms", round4(totals[i])},
            {"bottleneck", bottleneck_name(tags[i])},
        });
    }
    const PR_Aggregates& a = input.aggregates;
    return {
        {"compute_bound_count", a.compute_bound_count},
        {"bw_bound_count", a.bw_bound_count},
        {"latency_bound_count", a.latency_bound_count},
        {"unknown_count", a.unknown_count},
        {"top_ops", std::move(top_ops)},
    };
}

Table ReportingAssembler::step_metrics(const EngineResult& input) const
{
    Table table("step_metrics");
    table.add_column("op_id", "", PR_COLUMN_STRING);
    for (const char* name : {"t_compute_ms", "t_comm_ms", "t_wait_ms", "t_total_ms"}) {
        table.add_column(name, "ms", PR_COLUMN_FLOAT64);
    }
    table.add_column("bottleneck", "", PR_COLUMN_STRING);
    table.add_column("flops", "FLOP", PR_COLUMN_INT64);
    table.add_column("bytes_read", "B", PR_COLUMN_INT64);
    table.add_column("bytes_write", "B", PR_COLUMN_INT64);
    if (!options_.include_step_metrics) return table;

    const PR_StepTable steps = input.steps.view();
    const std::span<const double> times[] = {
        values_of<double>(steps.t_compute, steps.count), values_of<double>(steps.t_comm, steps.count),
        values_of<double>(steps.t_wait, steps.count), values_of<double>(steps.t_total, steps.count)};
    const auto tags = values_of<int64_t>(steps.bottleneck, steps.count);
    const std::span<const int64_t> counts[] = {values_of<int64_t>(steps.flops, steps.count),
                                               values_of<int64_t>(steps.bytes_read, steps.count),
                                               values_of<int64_t>(steps.bytes_write, steps.count)};
    for (uint64_t i = 0; i < steps.count; ++i) {
        table.column(0).push_string(string_at(steps.op_id, i));
        for (std::size_t t = 0; t < 4; ++t) table.column(1 + t).push_float64(round4(times[t][i]));
        table.column(5).push_string(bottleneck_name(tags[i]));
        for (std::size_t c = 0; c < 3; ++c) table.column(6 + c).push_int64(counts[c][i]);
    }
    return table;
}

}  // namespace perfreport
