// The `tasks` table of SPEC 2.5, written task by task, and the time range
// its tasks cover.
#pragma once

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string_view>

#include "gantt_task.hpp"
#include "perfreport/abi.h"
#include "perfreport/sdk/bottleneck.hpp"
#include "perfreport/sdk/resolved_phase.hpp"
#include "perfreport/sdk/section_writer.hpp"
#include "perfreport/sdk/step_table.hpp"
#include "task_type.hpp"

namespace perfreport::gantt {

class TaskTable {
public:
    TaskTable(SectionWriter& out, const StepTable& steps)
        : table_(out.table("tasks", {
                                        {"id", "", ColumnType::string},
                                        {"name", "", ColumnType::string},
                                        {"segment", "", ColumnType::string},
                                        {"step_index", "", ColumnType::int64},
                                        {"resource", "", ColumnType::string},
                                        {"start", "us", ColumnType::float64},
                                        {"end", "us", ColumnType::float64},
                                        {"duration", "us", ColumnType::float64},
                                        {"type", "", ColumnType::string},
                                        {"phase", "", ColumnType::string},
                                        {"chip_id", "", ColumnType::string},
                                        {"pp_stage", "", ColumnType::int64},
                                        {"layer", "", ColumnType::int64},
                                        {"token_index", "", ColumnType::int64},
                                        {"color", "", ColumnType::string},
                                        {"flops", "FLOP", ColumnType::int64},
                                        {"bytes", "B", ColumnType::int64},
                                        {"bottleneck", "", ColumnType::string},
                                    })),
          op_ids_(steps.op_id()),
          device_ids_(steps.meta_device_id()),
          token_indices_(steps.meta_token_index()),
          bottlenecks_(steps.bottleneck())
    {
    }

    void add(const GanttTask& task)
    {
        ++count_;
        start_ = std::min(start_, task.start);
        end_ = std::max(end_, task.end);
        const TaskTypeInfo& type = describe(task.type);
        // Ids and resource names go through reused buffers: no allocation per task.
        table_.append(formatted("task_", static_cast<std::uint64_t>(count_), "", id_),
                      op_ids_[task.step], segment_name(task.segment), static_cast<std::int64_t>(task.step),
                      formatted("stage", static_cast<std::uint64_t>(task.pp_stage),
                                type.is_network ? "_network" : "_compute", resource_),
                      task.start, task.end, task.end - task.start, type.name, std::string_view{phase_name(task.phase)},
                      device_ids_[task.step], static_cast<std::int64_t>(task.pp_stage), task.layer,
                      token_indices_[task.step], type.color, task.flops, task.bytes,
                      bottleneck_name(bottlenecks_[task.step]));
    }

    std::size_t count() const noexcept { return count_; }
    // The earliest start and latest end in µs; {0, 0} without tasks.
    double start() const noexcept { return count_ == 0 ? 0.0 : start_; }
    double end() const noexcept { return count_ == 0 ? 0.0 : end_; }

private:
    using Buffer = std::array<char, 48>;

    // prefix + decimal number + suffix, in `buffer` (prefix and suffix are short literals).
    static std::string_view formatted(std::string_view prefix, std::uint64_t number, std::string_view suffix,
                                      Buffer& buffer)
    {
        char* at = std::copy(prefix.begin(), prefix.end(), buffer.data());
        at = std::to_chars(at, buffer.data() + buffer.size() - suffix.size(), number).ptr;
        at = std::copy(suffix.begin(), suffix.end(), at);
        return {buffer.data(), static_cast<std::size_t>(at - buffer.data())};
    }

    TableBuilder& table_;
    StringColumn op_ids_;
    StringColumn device_ids_;
    NullableInt64Column token_indices_;
    std::span<const std::int64_t> bottlenecks_;
    std::size_t count_ = 0;
    double start_ = std::numeric_limits<double>::infinity();
    double end_ = -std::numeric_limits<double>::infinity();
    Buffer id_{};
    Buffer resource_{};
};

}  // namespace perfreport::gantt
