// Totals over the steps read so far: what the aggregates are compared with
// (W_AGG_MISMATCH) and the bottleneck counts when there is no summary.
#pragma once

#include <perfreport/abi.h>

#include <array>
#include <cstdint>

#include "step_store.hpp"

namespace perfreport {

struct StepSums {
    double compute = 0;
    double comm = 0;
    double wait = 0;
    std::int64_t flops = 0;
    std::int64_t bytes = 0;
    bool flops_overflow = false;  // the sum passed 2^63: it matches no int64 aggregate
    bool bytes_overflow = false;
    std::array<std::int64_t, 4> tags{};  // indexed by PR_BOTTLENECK_*

    void add(const StepRecord& step)
    {
        compute += step.t_compute;
        comm += step.t_comm;
        wait += step.t_wait;
        flops_overflow |= __builtin_add_overflow(flops, step.flops, &flops);
        bytes_overflow |= __builtin_add_overflow(bytes, step.bytes_read, &bytes);
        bytes_overflow |= __builtin_add_overflow(bytes, step.bytes_write, &bytes);
        ++tags[static_cast<std::size_t>(step.bottleneck)];
    }
};

}  // namespace perfreport
