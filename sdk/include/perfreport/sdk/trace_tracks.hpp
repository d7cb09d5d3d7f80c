// The gantt section (SPEC 2.5) laid out as the tracks of a trace (SPEC 3.4):
// what the chrome-trace and sqlite exporters draw.
//
//   process  one per pipeline stage: pid = pp_stage, named "PP{s}"
//   thread   the stage's compute row (tid 0, "Compute") and network row
//            (tid 1, "Network"); when a task would overlap another on its
//            row it goes to an extra lane of that row: compute lanes take the
//            even tids (2 "Compute 2", 4 "Compute 3", ...), network lanes the
//            odd ones (3 "Network 2", ...)
//   flow     a step with both a compute and a comm task: its first compute
//            task -> its first comm task
//   counter  achieved GFLOPS of a task with flops over its duration
//
// Times stay the gantt's µs, untouched. Cheap on a million tasks: the tasks
// are read through column views; the layout keeps one 32-bit track index per
// task and one pair of task indices per flow.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "perfreport/abi.h"
#include "perfreport/sdk/columns.hpp"
#include "perfreport/sdk/failure.hpp"
#include "perfreport/sdk/report_view.hpp"
#include "perfreport/sdk/summary_values.hpp"
#include "perfreport/sdk/table_view.hpp"

namespace perfreport {

// The columns of gantt.tasks, as borrowed views (SPEC 2.5 names them all).
struct GanttTaskColumns {
    explicit GanttTaskColumns(const TableView& tasks)
        : count(tasks.row_count()),
          id(tasks.column("id").strings()),
          name(tasks.column("name").strings()),
          segment(tasks.column("segment").strings()),
          step_index(tasks.column("step_index").int64s()),
          resource(tasks.column("resource").strings()),
          start(tasks.column("start").float64s()),
          end(tasks.column("end").float64s()),
          duration(tasks.column("duration").float64s()),
          type(tasks.column("type").strings()),
          phase(tasks.column("phase").strings()),
          chip_id(tasks.column("chip_id").strings()),
          pp_stage(tasks.column("pp_stage").int64s()),
          layer(tasks.column("layer").int64s()),
          token_index(tasks.column("token_index").int64s()),
          color(tasks.column("color").strings()),
          flops(tasks.column("flops").int64s()),
          bytes(tasks.column("bytes").int64s()),
          bottleneck(tasks.column("bottleneck").strings())
    {
    }

    std::size_t count;
    StringColumn id;
    StringColumn name;
    StringColumn segment;  // compute, comm, wait; step in per-step mode
    NullableInt64Column step_index;
    StringColumn resource;
    NullableFloat64Column start;     // µs
    NullableFloat64Column end;       // µs
    NullableFloat64Column duration;  // µs
    StringColumn type;
    StringColumn phase;
    StringColumn chip_id;
    NullableInt64Column pp_stage;
    NullableInt64Column layer;
    NullableInt64Column token_index;
    StringColumn color;
    NullableInt64Column flops;
    NullableInt64Column bytes;
    StringColumn bottleneck;
};

struct TraceProcess {
    std::int64_t pid;  // the pipeline stage
    std::string name;  // "PP{s}"
};

struct TraceThread {
    std::int64_t pid;
    std::int64_t tid;
    std::string name;  // "Compute", "Network", "Compute 2", ...
};

// The compute task a comm task of the same step follows (task indices).
struct TraceFlow {
    std::size_t compute_task;
    std::size_t comm_task;
};

struct TraceTimeRange {
    double start;  // µs
    double end;    // µs
};

class TraceTracks {
public:
    // The report's gantt section; PR_ERR_INVALID_INPUT naming `exporter` when
    // there is none (the gantt analyzer was not run, was skipped or failed).
    static const SectionView& gantt_section(const ReportView& report, std::string_view exporter)
    {
        const SectionView* gantt = report.find_section("gantt");
        if (gantt == nullptr) {
            throw Failure(PR_ERR_INVALID_INPUT,
                          "the report has no gantt section, which " + std::string{exporter} +
                              " draws: run the gantt analyzer (see provenance if it was skipped or failed)");
        }
        return *gantt;
    }

    // Lays out the gantt section of `report`; PR_ERR_INVALID_INPUT when it is
    // absent or malformed (a task with no resource, a negative or missing
    // time, a step index outside step_metrics), naming the task.
    TraceTracks(const ReportView& report, std::string_view exporter)
        : TraceTracks(gantt_section(report, exporter), report.step_metrics().row_count())
    {
    }

    // `step_count` bounds the tasks' step_index (the rows of step_metrics).
    TraceTracks(const SectionView& gantt, std::size_t step_count)
        : tasks_(required_table(gantt, "tasks"))
    {
        read_summary(gantt.summary());
        std::vector<Row> rows = read_resources(required_table(gantt, "resources"));
        check_times();
        assign_lanes(std::move(rows));
        pair_flows(step_count);
    }

    const GanttTaskColumns& tasks() const noexcept { return tasks_; }
    std::size_t task_count() const noexcept { return tasks_.count; }

    // By pid.
    std::span<const TraceProcess> processes() const noexcept { return processes_; }
    // By (pid, tid): each process's compute and network rows, then extra lanes.
    std::span<const TraceThread> threads() const noexcept { return threads_; }
    // The thread a task is drawn on.
    const TraceThread& thread_of(std::size_t task) const noexcept { return threads_[thread_of_task_[task]]; }

    // In the order of their comm tasks; flow k is numbered k + 1.
    std::span<const TraceFlow> flows() const noexcept { return flows_; }

    // flops / (duration · 1000) for a task with flops > 0 and a positive
    // duration (GFLOPS, durations being µs), else none.
    std::optional<double> achieved_gflops(std::size_t task) const noexcept
    {
        const std::optional<std::int64_t> flops = tasks_.flops[task];
        const double duration = tasks_.duration.value(task);
        if (!flops || *flops <= 0 || duration <= 0) return std::nullopt;
        return static_cast<double>(*flops) / (duration * 1000.0);
    }

    // The prefill -> decode instant, µs, when the gantt has one.
    std::optional<double> phase_transition() const noexcept { return phase_transition_; }
    TraceTimeRange time_range() const noexcept { return time_range_; }

private:
    // One row of the gantt (a resource): its stage, whether it is the
    // network row, and the end of the last task on each of its lanes.
    struct Row {
        std::int64_t pid;
        bool network;
        std::vector<double> lane_ends;
        std::vector<std::uint32_t> lane_threads;  // index into threads_ per lane
    };

    static constexpr std::string_view where = "section gantt";

    static TableView required_table(const SectionView& gantt, std::string_view name)
    {
        const std::optional<TableView> table = gantt.find_table(name);
        if (!table) throw Failure(PR_ERR_INVALID_INPUT, "section gantt has no table " + std::string{name});
        return *table;
    }

    Failure task_error(std::size_t task, const std::string& problem) const
    {
        return Failure(PR_ERR_INVALID_INPUT,
                       "gantt.tasks row " + std::to_string(task) + " (" + std::string{tasks_.id[task]} + "): " + problem);
    }

    void read_summary(const boost::json::object& summary)
    {
        const boost::json::object& range = object_at(summary, "time_range", where);
        time_range_ = {number(range, "start", "gantt.time_range"), number(range, "end", "gantt.time_range")};
        const boost::json::value& transition = member(summary, "phase_transition", where);
        if (transition.is_number()) {
            phase_transition_ = transition.to_number<double>();
        } else if (!transition.is_null()) {
            throw wrong_type("phase_transition", where, "a number or null");
        }
    }

    // Processes from the resources' stages; each resource is one row whose
    // first lane is thread 0 (compute) or 1 (network) of its stage.
    std::vector<Row> read_resources(const TableView& resources)
    {
        const StringColumn ids = resources.column("id").strings();
        const NullableInt64Column stages = resources.column("pp_stage").int64s();
        const StringColumn types = resources.column("type").strings();
        std::vector<Row> rows;
        for (std::size_t r = 0; r < resources.row_count(); ++r) {
            const std::string_view type = types[r];
            if (stages.is_null(r) || stages.value(r) < 0 || (type != "compute" && type != "network")) {
                throw Failure(PR_ERR_INVALID_INPUT, "gantt.resources row " + std::to_string(r) +
                                                        " needs a pp_stage >= 0 and the type compute or network");
            }
            if (!row_of_resource_.emplace(ids[r], static_cast<std::uint32_t>(rows.size())).second) {
                throw Failure(PR_ERR_INVALID_INPUT, "gantt.resources lists " + std::string{ids[r]} + " twice");
            }
            Row& row = rows.emplace_back(Row{stages.value(r), type == "network", {}, {}});
            add_lane(row);
            const std::int64_t pid = row.pid;
            if (std::none_of(processes_.begin(), processes_.end(), [&](const auto& p) { return p.pid == pid; })) {
                processes_.push_back({pid, "PP" + std::to_string(pid)});
            }
        }
        std::sort(processes_.begin(), processes_.end(), [](const auto& a, const auto& b) { return a.pid < b.pid; });
        return rows;
    }

    // Every task has a start >= 0, an end >= start and a finite duration.
    void check_times() const
    {
        for (std::size_t t = 0; t < tasks_.count; ++t) {
            const auto start = tasks_.start[t];
            const auto end = tasks_.end[t];
            const auto duration = tasks_.duration[t];
            if (!start || !end || !duration || !(*start >= 0) || !(*end >= *start) || !std::isfinite(*end) ||
                !std::isfinite(*duration) || *duration < 0) {
                throw task_error(t, "a task needs start >= 0, end >= start and a duration >= 0, all finite");
            }
        }
    }

    // A new lane on `row`: its thread takes the row's next tid of its parity.
    void add_lane(Row& row)
    {
        const auto lane = static_cast<std::int64_t>(row.lane_ends.size());
        const std::string kind = row.network ? "Network" : "Compute";
        row.lane_ends.push_back(-std::numeric_limits<double>::infinity());
        row.lane_threads.push_back(static_cast<std::uint32_t>(threads_.size()));
        threads_.push_back({row.pid, 2 * lane + (row.network ? 1 : 0),
                            lane == 0 ? kind : kind + " " + std::to_string(lane + 1)});
    }

    // Greedy interval partitioning, tasks taken by start (ties in table
    // order): each goes to the lowest lane of its row whose last task has
    // ended. Deterministic, and gantt tasks come sorted, so the sort is
    // usually skipped.
    void assign_lanes(std::vector<Row> rows)
    {
        std::vector<std::uint32_t> order;
        const bool sorted = [&] {
            for (std::size_t t = 1; t < tasks_.count; ++t) {
                if (tasks_.start.value(t) < tasks_.start.value(t - 1)) return false;
            }
            return true;
        }();
        if (!sorted) {
            order.resize(tasks_.count);
            for (std::size_t t = 0; t < tasks_.count; ++t) order[t] = static_cast<std::uint32_t>(t);
            std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
                return tasks_.start.value(a) < tasks_.start.value(b);
            });
        }
        thread_of_task_.resize(tasks_.count);
        for (std::size_t k = 0; k < tasks_.count; ++k) {
            const std::size_t t = sorted ? k : order[k];
            const auto found = row_of_resource_.find(tasks_.resource[t]);
            if (found == row_of_resource_.end()) {
                throw task_error(t, "its resource " + std::string{tasks_.resource[t]} +
                                        " is not in gantt.resources");
            }
            Row& row = rows[found->second];
            const double start = tasks_.start.value(t);
            std::size_t lane = 0;
            while (lane < row.lane_ends.size() && row.lane_ends[lane] > start) ++lane;
            if (lane == row.lane_ends.size()) add_lane(row);
            row.lane_ends[lane] = tasks_.end.value(t);
            thread_of_task_[t] = row.lane_threads[lane];
        }
        sort_threads();
    }

    // threads_ by (pid, tid), and the tasks' thread indices renumbered to match.
    void sort_threads()
    {
        std::vector<std::uint32_t> by_position(threads_.size());
        for (std::uint32_t i = 0; i < by_position.size(); ++i) by_position[i] = i;
        std::sort(by_position.begin(), by_position.end(), [&](std::uint32_t a, std::uint32_t b) {
            return std::pair{threads_[a].pid, threads_[a].tid} < std::pair{threads_[b].pid, threads_[b].tid};
        });
        std::vector<std::uint32_t> new_index(threads_.size());
        std::vector<TraceThread> sorted;
        sorted.reserve(threads_.size());
        for (std::uint32_t position = 0; position < by_position.size(); ++position) {
            new_index[by_position[position]] = position;
            sorted.push_back(std::move(threads_[by_position[position]]));
        }
        threads_ = std::move(sorted);
        for (std::uint32_t& thread : thread_of_task_) thread = new_index[thread];
    }

    // A flow per step that has a compute task and a comm task: the first of each.
    void pair_flows(std::size_t step_count)
    {
        constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
        std::vector<std::size_t> compute_of_step(step_count, none);
        std::vector<bool> step_has_flow(step_count, false);
        const auto step_of = [&](std::size_t t) -> std::optional<std::size_t> {
            const std::optional<std::int64_t> step = tasks_.step_index[t];
            if (!step) return std::nullopt;
            if (*step < 0 || static_cast<std::uint64_t>(*step) >= step_count) {
                throw task_error(t, "step_index " + std::to_string(*step) + " is not a row of step_metrics (" +
                                        std::to_string(step_count) + " rows)");
            }
            return static_cast<std::size_t>(*step);
        };
        for (std::size_t t = 0; t < tasks_.count; ++t) {
            if (tasks_.segment[t] != "compute") continue;
            const auto step = step_of(t);
            if (step && compute_of_step[*step] == none) compute_of_step[*step] = t;
        }
        for (std::size_t t = 0; t < tasks_.count; ++t) {
            if (tasks_.segment[t] != "comm") continue;
            const auto step = step_of(t);
            if (!step || compute_of_step[*step] == none || step_has_flow[*step]) continue;
            step_has_flow[*step] = true;
            flows_.push_back({compute_of_step[*step], t});
        }
    }

    GanttTaskColumns tasks_;
    std::unordered_map<std::string_view, std::uint32_t> row_of_resource_;
    std::vector<TraceProcess> processes_;
    std::vector<TraceThread> threads_;
    std::vector<std::uint32_t> thread_of_task_;
    std::vector<TraceFlow> flows_;
    std::optional<double> phase_transition_;
    TraceTimeRange time_range_{};
};

}  // namespace perfreport
