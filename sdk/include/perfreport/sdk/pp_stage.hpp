// SPEC 1.9 "Resolved PP stage": the pipeline stage a step runs on, for the
// gantt rows (and the trace drawn from them).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "perfreport/abi.h"
#include "perfreport/sdk/contains.hpp"
#include "perfreport/sdk/failure.hpp"
#include "perfreport/sdk/layer_index.hpp"
#include "perfreport/sdk/step_table.hpp"

namespace perfreport {

// What the stage rules read from the context.
struct PipelineShape {
    std::int64_t pp = 1;                    // deployment.pp
    std::int64_t tp = 1;                    // deployment.tp
    std::optional<std::int64_t> num_layers;  // model.num_layers
};

// Throws Failure naming the context key when pp or tp is out of range (the
// host checks >= 1; a stage must also fit an int32).
inline void check_pipeline_shape(const PipelineShape& shape)
{
    if (shape.pp < 1 || shape.pp > std::numeric_limits<std::int32_t>::max()) {
        throw Failure(PR_ERR_INVALID_INPUT,
                      "context value /deployment/pp must be in [1, 2^31 - 1], got " + std::to_string(shape.pp));
    }
    if (shape.tp < 1) {
        throw Failure(PR_ERR_INVALID_INPUT,
                      "context value /deployment/tp must be >= 1, got " + std::to_string(shape.tp));
    }
}

// Construction makes the one pass rule (2b) needs; afterwards the resolver is
// read-only, so rows may be resolved from several threads at once.
class PpStageResolver {
public:
    PpStageResolver(const StepTable& steps, const PipelineShape& shape)
        : shape_(shape), op_ids_(steps.op_id()), pp_stages_(steps.meta_pp_stage()), chip_ids_(steps.meta_chip_ids())
    {
        check_pipeline_shape(shape_);
        if (shape_.pp == 1) return;
        const LayerIndexResolver layers(steps);
        for (std::size_t row = 0; row < steps.size(); ++row) {
            if (!decided_by_chip_ids(row)) continue;
            if (const auto layer = layers(row)) layer_stages_.try_emplace(*layer, stage_of_chip(chip_ids_[row][0]));
        }
    }

    // The stage of `row`, whose resolved layer index (LayerIndexResolver) is `layer`:
    // (1) meta.pp_stage; (2) (chip_ids[0] mod pp·tp) div tp; (2b) the stage of
    // the first step of the same layer that rule (2) decided (one with
    // chip_ids and no meta.pp_stage); (3) the layer over num_layers div pp
    // layers per stage; (4) lm_head or lmhead on the last stage; (5) 0.
    std::int32_t operator()(std::size_t row, std::optional<std::int64_t> layer) const
    {
        if (shape_.pp == 1) return 0;
        if (const auto stage = pp_stages_[row]) return static_cast<std::int32_t>(*stage);
        if (decided_by_chip_ids(row)) return stage_of_chip(chip_ids_[row][0]);
        if (layer) {
            if (const auto found = layer_stages_.find(*layer); found != layer_stages_.end()) return found->second;
            if (shape_.num_layers) return stage_of_layer(*layer);
        }
        const std::string_view op_id = op_ids_[row];
        if (contains(op_id, "lm_head") || contains(op_id, "lmhead")) return last_stage();
        return 0;
    }

private:
    bool decided_by_chip_ids(std::size_t row) const { return pp_stages_.is_null(row) && !chip_ids_[row].empty(); }

    std::int32_t last_stage() const { return static_cast<std::int32_t>(shape_.pp - 1); }

    // Inverts U's numbering chip = dp_rank·pp·tp + stage·tp + tp_rank. Chip
    // indices are >= 0 (the host rejects others).
    std::int32_t stage_of_chip(std::int64_t chip) const
    {
        // A pp·tp beyond int64 exceeds every chip index: the modulo is then the index itself.
        const bool replica_fits = shape_.tp <= std::numeric_limits<std::int64_t>::max() / shape_.pp;
        const std::int64_t within_replica = replica_fits ? chip % (shape_.pp * shape_.tp) : chip;
        return static_cast<std::int32_t>(within_replica / shape_.tp);
    }

    // Rule (3): the layer's share of an even split (`num_layers` is known;
    // layer indices are >= 0).
    std::int32_t stage_of_layer(std::int64_t layer) const
    {
        const std::int64_t layers_per_stage = *shape_.num_layers / shape_.pp;
        if (layers_per_stage <= 0) return 0;
        return static_cast<std::int32_t>(std::min(layer / layers_per_stage, shape_.pp - 1));
    }

    PipelineShape shape_;
    StringColumn op_ids_;
    NullableInt64Column pp_stages_;
    Int64ListColumn chip_ids_;
    std::unordered_map<std::int64_t, std::int32_t> layer_stages_;  // rule (2b): layer -> stage
};

}  // namespace perfreport
