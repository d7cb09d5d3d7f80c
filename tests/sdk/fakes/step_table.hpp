// A PR_StepTable built from rows, for feeding analyzers in tests.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "perfreport/abi.h"

namespace perfreport::fakes {

// The core fields of one step (SPEC 1.2); meta is absent.
struct StepRow {
    std::string op_id;
    double t_compute = 0;
    double t_comm = 0;
    double t_wait = 0;
    double t_total = 0;
    std::int64_t bottleneck = PR_BOTTLENECK_UNKNOWN;
    std::int64_t flops = 0;
    std::int64_t bytes_read = 0;
    std::int64_t bytes_write = 0;
};

// Owns the column storage; every meta column is all null (values NULL).
class OwnedStepTable {
public:
    explicit OwnedStepTable(const std::vector<StepRow>& rows)
    {
        for (const StepRow& row : rows) {
            op_text_ += row.op_id;
            op_offsets_.push_back(op_text_.size());
            t_compute_.push_back(row.t_compute);
            t_comm_.push_back(row.t_comm);
            t_wait_.push_back(row.t_wait);
            t_total_.push_back(row.t_total);
            bottleneck_.push_back(row.bottleneck);
            flops_.push_back(row.flops);
            bytes_read_.push_back(row.bytes_read);
            bytes_write_.push_back(row.bytes_write);
        }
        const std::uint64_t n = rows.size();
        const auto column = [n](const char* name, const char* unit, std::int32_t type, const void* values,
                                const std::uint64_t* offsets = nullptr) {
            return PR_Column{name, unit, type, 0, n, values, offsets, nullptr};
        };
        const auto absent = [&](const char* name, const char* unit, std::int32_t type) {
            return column(name, unit, type, nullptr);
        };
        table_ = PR_StepTable{
            sizeof(PR_StepTable),
            0,
            n,
            column("op_id", "", PR_COLUMN_STRING, op_text_.data(), op_offsets_.data()),
            column("t_compute", "ms", PR_COLUMN_FLOAT64, t_compute_.data()),
            column("t_comm", "ms", PR_COLUMN_FLOAT64, t_comm_.data()),
            column("t_wait", "ms", PR_COLUMN_FLOAT64, t_wait_.data()),
            column("t_total", "ms", PR_COLUMN_FLOAT64, t_total_.data()),
            column("bottleneck", "", PR_COLUMN_INT64, bottleneck_.data()),
            column("flops", "FLOP", PR_COLUMN_INT64, flops_.data()),
            column("bytes_read", "B", PR_COLUMN_INT64, bytes_read_.data()),
            column("bytes_write", "B", PR_COLUMN_INT64, bytes_write_.data()),
            absent("meta_evaluator", "", PR_COLUMN_STRING),
            absent("meta_comm_type", "", PR_COLUMN_STRING),
            absent("meta_path_key", "", PR_COLUMN_STRING),
            absent("meta_chip_ids", "", PR_COLUMN_INT64_LIST),
            absent("meta_comm_bytes", "B", PR_COLUMN_INT64),
            absent("meta_reason", "", PR_COLUMN_STRING),
            absent("meta_phase", "", PR_COLUMN_INT64),
            absent("meta_pp_stage", "", PR_COLUMN_INT64),
            absent("meta_layer_index", "", PR_COLUMN_INT64),
            absent("meta_token_index", "", PR_COLUMN_INT64),
            absent("meta_device_id", "", PR_COLUMN_STRING),
            absent("meta_task_type", "", PR_COLUMN_STRING),
        };
    }
    OwnedStepTable(const OwnedStepTable&) = delete;
    OwnedStepTable& operator=(const OwnedStepTable&) = delete;

    const PR_StepTable& get() const { return table_; }

private:
    std::string op_text_;
    std::vector<std::uint64_t> op_offsets_{0};
    std::vector<double> t_compute_, t_comm_, t_wait_, t_total_;
    std::vector<std::int64_t> bottleneck_, flops_, bytes_read_, bytes_write_;
    PR_StepTable table_{};
};

}  // namespace perfreport::fakes
