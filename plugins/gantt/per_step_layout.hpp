// SPEC 2.5 "Per-step mode" (U's build_gantt_from_engine_result): one task
// per step, back to back, every task on stage 0.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "gantt_task.hpp"
#include "perfreport/abi.h"
#include "perfreport/sdk/step_table.hpp"
#include "task_table.hpp"
#include "task_type.hpp"

namespace perfreport::gantt {

// U's phase when meta.phase is absent: a task starting in the first
// millisecond is prefill.
inline constexpr double prefill_window_us = 1000.0;

// Lays out every step (`types` per step) from time 0; returns the final
// cursor in µs.
inline double lay_out_per_step(const StepTable& steps, std::span<const TaskType> types, TaskTable& tasks)
{
    const auto t_total = steps.t_total();
    const auto flops = steps.flops();
    const auto bytes_read = steps.bytes_read();
    const auto bytes_write = steps.bytes_write();
    const NullableInt64Column phases = steps.meta_phase();

    double cursor = 0.0;  // µs, as U keeps it
    for (std::size_t row = 0; row < steps.size(); ++row) {
        const double start = cursor;
        cursor += t_total[row] * 1000.0;
        const std::int64_t phase = !phases.is_null(row)          ? phases.value(row)
                                   : start < prefill_window_us ? PR_PHASE_PREFILL
                                                               : PR_PHASE_DECODE;
        tasks.add({row, Segment::step, start, cursor, types[row], 0, phase, std::nullopt, flops[row],
                   accessed_bytes(bytes_read[row], bytes_write[row], row)});
    }
    return cursor;
}

}  // namespace perfreport::gantt
