// compat's stats (SPEC 2.7): the upstream front end's run summary. All the
// run's time goes to the phase deployment.is_prefill names, as in U.
#pragma once

#include <cstdint>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "perfreport/abi.h"

namespace perfreport::compat {

// What the stats read besides the aggregates.
struct StatsInputs {
    bool is_prefill;                  // deployment.is_prefill, default true
    std::int64_t simulated_tokens;    // deployment.output_seq_length, default 1
    std::uint64_t step_count;
    boost::json::array link_traffic;  // link_stats rows, or empty
};

inline boost::json::object phase_stats(const PR_Aggregates& aggregates, double efficiency)
{
    return {{"computeTime", aggregates.total_compute_time_ms},
            {"commTime", aggregates.total_comm_time_ms},
            {"bubbleTime", aggregates.total_wait_time_ms},
            {"overlapTime", 0},
            {"totalTime", aggregates.total_time_ms},
            {"computeEfficiency", efficiency}};
}

inline boost::json::object idle_phase_stats()
{
    return {{"computeTime", 0.0}, {"commTime", 0.0},  {"bubbleTime", 0.0},
            {"overlapTime", 0},   {"totalTime", 0.0}, {"computeEfficiency", 0.0}};
}

inline boost::json::object stats(const PR_Aggregates& aggregates, StatsInputs inputs)
{
    const double efficiency = aggregates.mfu > 0 ? aggregates.mfu : 0.0;
    const boost::json::object run = phase_stats(aggregates, efficiency);
    // U's num_ops, or the step count when that is 0.
    const std::uint64_t events =
        aggregates.num_steps > 0 ? static_cast<std::uint64_t>(aggregates.num_steps) : inputs.step_count;
    return {{"prefill", inputs.is_prefill ? run : idle_phase_stats()},
            {"decode", inputs.is_prefill ? idle_phase_stats() : run},
            {"totalRunTime", aggregates.total_time_ms},
            {"simulatedTokens", inputs.simulated_tokens},
            {"ttft", aggregates.ttft_ms},
            {"avgTpot", aggregates.tpot_ms},
            {"dynamicMfu", aggregates.mfu},
            {"dynamicMbu", aggregates.mbu},
            {"maxPpBubbleRatio", 0},
            {"totalEvents", events},
            {"prefillFlops", inputs.is_prefill ? aggregates.total_flops : 0},
            {"linkTrafficStats", std::move(inputs.link_traffic)}};
}

}  // namespace perfreport::compat
