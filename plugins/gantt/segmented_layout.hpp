// SPEC 2.5 "Segmented mode" (S, the default): a step's compute, comm and
// wait become separate tasks, one after the other, on its stage's rows.
#pragma once

#include <cstddef>
#include <cstdint>

#include "gantt_task.hpp"
#include "perfreport/sdk/step_table.hpp"
#include "step_attributes.hpp"
#include "task_table.hpp"
#include "task_type_inference.hpp"

namespace perfreport::gantt {

// Lays out every step in input order from time 0; returns where the last
// task ends (the final cursor), in µs. A wait counts only above
// `wait_threshold_ms`; a segment of zero length is not drawn.
inline double lay_out_segmented(const StepTable& steps, const StepAttributes& attributes, double wait_threshold_ms,
                                TaskTable& tasks)
{
    const auto t_compute = steps.t_compute();
    const auto t_comm = steps.t_comm();
    const auto t_wait = steps.t_wait();
    const auto flops = steps.flops();
    const auto bytes_read = steps.bytes_read();
    const auto bytes_write = steps.bytes_write();
    const StringColumn comm_types = steps.meta_comm_type();
    const NullableInt64Column comm_bytes = steps.meta_comm_bytes();

    // The cursor runs in ms and each bound is cursor·1000, as SPEC computes it
    // (so 0.05 + 0.1 ms ends at 150.00000000000003 µs).
    double cursor = 0.0;
    for (std::size_t row = 0; row < steps.size(); ++row) {
        GanttTask task{row, Segment::compute, 0.0, 0.0, TaskType::compute, attributes.pp_stages[row],
                       attributes.phases[row], attributes.layers[row], 0, 0};
        const auto add = [&](Segment segment, double duration_ms, TaskType type, std::int64_t task_flops,
                             std::int64_t task_bytes) {
            task.segment = segment;
            task.type = type;
            task.start = cursor * 1000.0;
            cursor += duration_ms;
            task.end = cursor * 1000.0;
            task.flops = task_flops;
            task.bytes = task_bytes;
            tasks.add(task);
        };
        const TaskType step_type = attributes.types[row];
        if (t_compute[row] > 0) {
            add(Segment::compute, t_compute[row], compute_segment_type(step_type), flops[row],
                accessed_bytes(bytes_read[row], bytes_write[row], row));
        }
        if (t_comm[row] > 0) {
            const std::int64_t bytes = comm_bytes.is_null(row)
                                           ? accessed_bytes(bytes_read[row], bytes_write[row], row)
                                           : comm_bytes.value(row);
            add(Segment::comm, t_comm[row], comm_segment_type(step_type, comm_types[row]), 0, bytes);
        }
        if (t_wait[row] > wait_threshold_ms) add(Segment::wait, t_wait[row], TaskType::idle, 0, 0);
    }
    return cursor * 1000.0;
}

}  // namespace perfreport::gantt
