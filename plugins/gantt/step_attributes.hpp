// What the layouts derive for every step before laying it out: its task
// type and, in segmented mode, SPEC 1.9's layer, PP stage and phase. Rows are
// independent, so they are resolved in parallel; the layout that follows is
// a running sum and stays sequential.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include <boost/json/object.hpp>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "perfreport/sdk/pp_stage.hpp"
#include "perfreport/sdk/resolved_phase.hpp"
#include "perfreport/sdk/step_table.hpp"
#include "step_task_type.hpp"
#include "task_type.hpp"

namespace perfreport::gantt {

namespace detail {

template <class PerRow>
void for_each_row_in_parallel(std::size_t rows, const PerRow& per_row)
{
    constexpr std::size_t grain = 4096;  // a few µs of work per task
    using Range = tbb::blocked_range<std::size_t>;
    tbb::parallel_for(Range(0, rows, grain), [&](const Range& range) {
        for (std::size_t row = range.begin(); row != range.end(); ++row) per_row(row);
    });
}

}  // namespace detail

inline std::vector<TaskType> resolve_task_types(const StepTable& steps)
{
    const StepTaskType task_type(steps);
    std::vector<TaskType> types(steps.size());
    detail::for_each_row_in_parallel(steps.size(), [&](std::size_t row) { types[row] = task_type(row); });
    return types;
}

struct StepAttributes {
    std::vector<TaskType> types;
    std::vector<std::optional<std::int64_t>> layers;
    std::vector<std::int32_t> pp_stages;
    std::vector<std::int64_t> phases;  // PR_PHASE_*
};

// `context` is the analyzer's (deployment.is_prefill feeds the phase).
inline StepAttributes resolve_step_attributes(const StepTable& steps, const boost::json::object& context,
                                              const PipelineShape& shape)
{
    const StepTaskType task_type(steps);
    const LayerIndexResolver layer_index(steps);
    const PpStageResolver pp_stage(steps, shape);
    const PhaseResolver phase(steps, context);
    StepAttributes attributes;
    attributes.types.resize(steps.size());
    attributes.layers.resize(steps.size());
    attributes.pp_stages.resize(steps.size());
    attributes.phases.resize(steps.size());
    detail::for_each_row_in_parallel(steps.size(), [&](std::size_t row) {
        attributes.types[row] = task_type(row);
        attributes.layers[row] = layer_index(row);
        attributes.pp_stages[row] = pp_stage(row, attributes.layers[row]);
        attributes.phases[row] = phase(row);
    });
    return attributes;
}

}  // namespace perfreport::gantt
