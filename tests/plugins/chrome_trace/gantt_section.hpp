// A gantt section (SPEC 2.5) built by hand, for exporters that draw it:
// the tasks and resources tables with the analyzer's columns and types.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "fakes/cell_table.hpp"
#include "perfreport/abi.h"
#include "perfreport/sdk/json_writer.hpp"
#include "support/owned_report.hpp"

namespace perfreport::testing {

struct TaskSpec {
    std::string id;
    std::string segment;  // compute, comm, wait, step
    std::optional<std::int64_t> step;
    std::string resource;  // stage{s}_compute or stage{s}_network
    double start;
    double end;
    std::int64_t flops = 0;
    std::string name = "op";
};

inline fakes::CellTable gantt_tasks(const std::vector<TaskSpec>& tasks)
{
    fakes::CellTable table{"tasks",
                           {{"id", "", PR_COLUMN_STRING, {}},      {"name", "", PR_COLUMN_STRING, {}},
                            {"segment", "", PR_COLUMN_STRING, {}}, {"step_index", "", PR_COLUMN_INT64, {}},
                            {"resource", "", PR_COLUMN_STRING, {}}, {"start", "us", PR_COLUMN_FLOAT64, {}},
                            {"end", "us", PR_COLUMN_FLOAT64, {}},   {"duration", "us", PR_COLUMN_FLOAT64, {}},
                            {"type", "", PR_COLUMN_STRING, {}},     {"phase", "", PR_COLUMN_STRING, {}},
                            {"chip_id", "", PR_COLUMN_STRING, {}},  {"pp_stage", "", PR_COLUMN_INT64, {}},
                            {"layer", "", PR_COLUMN_INT64, {}},     {"token_index", "", PR_COLUMN_INT64, {}},
                            {"color", "", PR_COLUMN_STRING, {}},    {"flops", "FLOP", PR_COLUMN_INT64, {}},
                            {"bytes", "B", PR_COLUMN_INT64, {}},    {"bottleneck", "", PR_COLUMN_STRING, {}}}};
    for (const TaskSpec& task : tasks) {
        const bool network = task.resource.ends_with("_network");
        auto column = table.columns.begin();
        const auto text = [&](std::string value) { (column++)->cells.emplace_back(std::in_place_type<std::string>, value); };
        const auto integer = [&](std::optional<std::int64_t> value) {
            if (value) {
                column->cells.emplace_back(std::in_place_type<std::int64_t>, *value);
            } else {
                column->cells.emplace_back();
            }
            ++column;
        };
        const auto real = [&](double value) { (column++)->cells.emplace_back(std::in_place_type<double>, value); };
        text(task.id);
        text(task.name);
        text(task.segment);
        integer(task.step);
        text(task.resource);
        real(task.start);
        real(task.end);
        real(task.end - task.start);
        text(network ? "allreduce" : "compute");
        text("prefill");
        text("");
        integer(std::stoll(task.resource.substr(5)));  // stage{s}_...
        integer(std::nullopt);
        integer(std::nullopt);
        text(network ? "#1890ff" : "#52c41a");
        integer(task.flops);
        integer(0);
        text("COMPUTE_BOUND");
    }
    return table;
}

// SPEC 2.5 "Resources": stage{s}_compute then stage{s}_network for each stage.
inline fakes::CellTable gantt_resources(std::int64_t pp)
{
    fakes::CellTable table{"resources",
                           {{"id", "", PR_COLUMN_STRING, {}},
                            {"name", "", PR_COLUMN_STRING, {}},
                            {"pp_stage", "", PR_COLUMN_INT64, {}},
                            {"type", "", PR_COLUMN_STRING, {}}}};
    for (std::int64_t s = 0; s < pp; ++s) {
        for (const std::string type : {"compute", "network"}) {
            const std::string stage = std::to_string(s);
            table.columns[0].cells.emplace_back(std::in_place_type<std::string>, "stage" + stage + "_" + type);
            table.columns[1].cells.emplace_back(std::in_place_type<std::string>,
                                                "PP" + stage + (type == "compute" ? " Compute" : " Network"));
            table.columns[2].cells.emplace_back(std::in_place_type<std::int64_t>, s);
            table.columns[3].cells.emplace_back(std::in_place_type<std::string>, type);
        }
    }
    return table;
}

// The section; `phase_transition` is JSON text (a number or null).
inline SectionSpec gantt_section(const std::vector<TaskSpec>& tasks, std::int64_t pp,
                                 const std::string& phase_transition = "null")
{
    double start = 0;
    double end = 0;
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        start = i == 0 ? tasks[i].start : std::min(start, tasks[i].start);
        end = i == 0 ? tasks[i].end : std::max(end, tasks[i].end);
    }
    std::string summary = R"({"mode": "segmented", "time_range": {"start": )";
    append_json_number(summary, start);
    summary += R"(, "end": )";
    append_json_number(summary, end);
    summary += R"(}, "phase_transition": )" + phase_transition + R"(, "task_count": )" +
               std::to_string(tasks.size()) + "}";
    return SectionSpec{"gantt", summary, {gantt_resources(pp), gantt_tasks(tasks)}};
}

}  // namespace perfreport::testing
