// One bar of the gantt chart, as a layout produces it: what varies per task.
// The rest of a `tasks` row (name, device, token, bottleneck) is the step's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "perfreport/abi.h"
#include "perfreport/sdk/failure.hpp"
#include "task_type.hpp"

namespace perfreport::gantt {

// Which part of its step a task shows; `step` is the whole step (per-step mode).
enum class Segment : std::uint8_t { compute, comm, wait, step };

inline std::string_view segment_name(Segment segment)
{
    switch (segment) {
    case Segment::compute: return "compute";
    case Segment::comm: return "comm";
    case Segment::wait: return "wait";
    case Segment::step: return "step";
    }
    return "step";
}

struct GanttTask {
    std::size_t step;  // index into step_metrics
    Segment segment;
    double start;  // µs
    double end;    // µs
    TaskType type;
    std::int32_t pp_stage;
    std::int64_t phase;  // PR_PHASE_*
    std::optional<std::int64_t> layer;
    std::int64_t flops;
    std::int64_t bytes;
};

// bytes_read + bytes_write of step `row`; each is < 2^63, their sum may not be.
inline std::int64_t accessed_bytes(std::int64_t read, std::int64_t write, std::size_t row)
{
    if (write > std::numeric_limits<std::int64_t>::max() - read) {
        throw Failure(PR_ERR_INVALID_INPUT, "/step_metrics/" + std::to_string(row) +
                                                ": bytes_read + bytes_write exceeds 2^63 - 1 bytes");
    }
    return read + write;
}

}  // namespace perfreport::gantt
