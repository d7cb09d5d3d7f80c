// The input's steps (PR_StepTable) as typed columns, one row per step.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "perfreport/abi.h"
#include "perfreport/sdk/columns.hpp"

namespace perfreport {

// Borrowed from the host for the length of one analyze call. Core columns
// have a value in every row; meta columns are null where a step lacks the key.
class StepTable {
public:
    explicit StepTable(const PR_StepTable& steps) : steps_(&steps) {}

    std::size_t size() const noexcept { return steps_->count; }

    StringColumn op_id() const { return {steps_->op_id, ColumnType::string}; }

    // Times in ms; t_total already resolved.
    std::span<const double> t_compute() const { return floats(steps_->t_compute); }
    std::span<const double> t_comm() const { return floats(steps_->t_comm); }
    std::span<const double> t_wait() const { return floats(steps_->t_wait); }
    std::span<const double> t_total() const { return floats(steps_->t_total); }

    // PR_BOTTLENECK_* codes.
    std::span<const std::int64_t> bottleneck() const { return ints(steps_->bottleneck); }
    std::span<const std::int64_t> flops() const { return ints(steps_->flops); }
    std::span<const std::int64_t> bytes_read() const { return ints(steps_->bytes_read); }
    std::span<const std::int64_t> bytes_write() const { return ints(steps_->bytes_write); }

    StringColumn meta_evaluator() const { return {steps_->meta_evaluator, ColumnType::string}; }
    StringColumn meta_comm_type() const { return {steps_->meta_comm_type, ColumnType::string}; }
    StringColumn meta_path_key() const { return {steps_->meta_path_key, ColumnType::string}; }
    Int64ListColumn meta_chip_ids() const { return {steps_->meta_chip_ids, ColumnType::int64_list}; }
    NullableInt64Column meta_comm_bytes() const { return {steps_->meta_comm_bytes, ColumnType::int64}; }
    StringColumn meta_reason() const { return {steps_->meta_reason, ColumnType::string}; }
    // PR_PHASE_* codes.
    NullableInt64Column meta_phase() const { return {steps_->meta_phase, ColumnType::int64}; }
    NullableInt64Column meta_pp_stage() const { return {steps_->meta_pp_stage, ColumnType::int64}; }
    NullableInt64Column meta_layer_index() const { return {steps_->meta_layer_index, ColumnType::int64}; }
    NullableInt64Column meta_token_index() const { return {steps_->meta_token_index, ColumnType::int64}; }
    StringColumn meta_device_id() const { return {steps_->meta_device_id, ColumnType::string}; }
    StringColumn meta_task_type() const { return {steps_->meta_task_type, ColumnType::string}; }

    const PR_StepTable& raw() const noexcept { return *steps_; }

private:
    static std::span<const double> floats(const PR_Column& column)
    {
        return dense_values<double>(column, ColumnType::float64);
    }
    static std::span<const std::int64_t> ints(const PR_Column& column)
    {
        return dense_values<std::int64_t>(column, ColumnType::int64);
    }

    const PR_StepTable* steps_;
};

}  // namespace perfreport
