// The task type of a step: meta.task_type when it names one, else U's
// inference from the op_id (SPEC 2.5).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "perfreport/sdk/step_table.hpp"
#include "task_type.hpp"
#include "task_type_inference.hpp"

namespace perfreport::gantt {

// Read-only after construction: rows may be resolved from several threads.
class StepTaskType {
public:
    explicit StepTaskType(const StepTable& steps) : op_ids_(steps.op_id()), task_types_(steps.meta_task_type()) {}

    TaskType operator()(std::size_t row) const
    {
        if (!task_types_.is_null(row)) {
            if (const auto named = task_type_named(task_types_[row])) return *named;
        }
        return inferred_task_type(op_ids_[row]);
    }

private:
    StringColumn op_ids_;
    StringColumn task_types_;
};

// A meta.task_type that names no type: the steps carrying it fall back to inference.
struct UnknownTaskType {
    std::string_view name;  // borrowed from the step table
    std::size_t first_row;
    std::size_t steps;
};

// Each distinct unknown meta.task_type once, in order of first appearance.
inline std::vector<UnknownTaskType> unknown_task_types(const StepTable& steps)
{
    const StringColumn task_types = steps.meta_task_type();
    std::vector<UnknownTaskType> unknown;
    std::unordered_map<std::string_view, std::size_t> position;  // name -> index in `unknown`
    for (std::size_t row = 0; row < steps.size(); ++row) {
        if (task_types.is_null(row)) continue;
        const std::string_view name = task_types[row];
        if (task_type_named(name)) continue;
        const auto [found, added] = position.try_emplace(name, unknown.size());
        if (added) {
            unknown.push_back({name, row, 1});
        } else {
            ++unknown[found->second].steps;
        }
    }
    return unknown;
}

}  // namespace perfreport::gantt
