// compat's gantt_chart (SPEC 2.7): the upstream front end's chart, built
// from the round4 step times, U's heuristics included.
#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "perfreport/sdk/layer_index.hpp"
#include "perfreport/sdk/round4.hpp"
#include "perfreport/sdk/step_table.hpp"
#include "op_name.hpp"
#include "task_style.hpp"

namespace perfreport::compat {

// What the chart reads besides the steps.
struct ChartInputs {
    std::int64_t pp;
    std::int64_t ep;
    double ttft_ms;
};

// The code of a PR_BOTTLENECK_* value, as the input spells it.
inline std::string_view bottleneck_tag(std::int64_t code)
{
    switch (code) {
    case PR_BOTTLENECK_COMPUTE_BOUND: return "COMPUTE_BOUND";
    case PR_BOTTLENECK_BW_BOUND: return "BW_BOUND";
    case PR_BOTTLENECK_LATENCY_BOUND: return "LATENCY_BOUND";
    default: return "UNKNOWN";
    }
}

// U's phase: named in the op_id, else "first 30 % of the steps".
inline std::string_view compat_phase(const OpName& op, std::size_t index, std::size_t count)
{
    if (op.contains("prefill")) return "prefill";
    if (op.contains("decode")) return "decode";
    return static_cast<double>(index) < static_cast<double>(count) * 0.3 ? "prefill" : "decode";
}

// Builds the chart into JSON values that share one storage (a monotonic
// resource: a million tasks allocate in large blocks).
class ChartBuilder {
public:
    explicit ChartBuilder(boost::json::storage_ptr storage) : storage_(std::move(storage)) {}

    boost::json::object build(const StepTable& steps, const ChartInputs& inputs)
    {
        const std::vector<StepLook> looks = look_at(steps, inputs);
        boost::json::array tasks(storage_);
        tasks.reserve(steps.size());
        const StringColumn op_ids = steps.op_id();
        const auto t_compute = steps.t_compute();
        const auto t_comm = steps.t_comm();
        const auto t_wait = steps.t_wait();
        double cursor = 0;  // ms, a running sum of rounded times, as U's
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const std::string_view op_id = op_ids[i];
            const StepLook& look = looks[i];
            if (const double t = round4(t_compute[i]); t > 0) {
                boost::json::object& task =
                    begin_task(tasks, i, "compute", op_id, "stage0_compute", cursor, t, look, *look.compute);
                const auto bytes_read = static_cast<std::uint64_t>(steps.bytes_read()[i]);
                const auto bytes_write = static_cast<std::uint64_t>(steps.bytes_write()[i]);
                task.emplace("flops", steps.flops()[i]);
                task.emplace("compute_time_us", t * 1000);
                task.emplace("dram_traffic_bytes", bytes_read + bytes_write);
                task.emplace("bytes_read", bytes_read);
                task.emplace("bytes_write", bytes_write);
                task.emplace("bottleneck", bottleneck_tag(steps.bottleneck()[i]));
                cursor += t;
            }
            if (const double t = round4(t_comm[i]); t > 0) {
                boost::json::object& task = begin_task(tasks, i, "comm", suffixed(op_id, "_comm"), "stage0_network",
                                                       cursor, t, look, *look.comm);
                task.emplace("comm_time_us", t * 1000);
                task.emplace("comm_size_bytes", static_cast<std::uint64_t>(steps.bytes_read()[i]) +
                                                    static_cast<std::uint64_t>(steps.bytes_write()[i]));
                cursor += t;
            }
            // U draws no wait of 1 µs or less, and its cursor does not advance.
            if (const double t = round4(t_wait[i]); t > 0.001) {
                begin_task(tasks, i, "wait", suffixed(op_id, "_wait"), "stage0_compute", cursor, t, look, idle);
                cursor += t;
            }
        }
        boost::json::object time_range(storage_);
        if (tasks.empty()) {
            time_range.emplace("start", 0);  // U's empty range is integral
            time_range.emplace("end", 0);
        } else {
            // Tasks follow one another from 0: the first starts first, the last ends last.
            time_range.emplace("start", tasks.front().get_object().at("start"));
            time_range.emplace("end", tasks.back().get_object().at("end"));
        }
        boost::json::object chart(storage_);
        chart.emplace("resources", resources(inputs.pp));
        chart.emplace("tasks", std::move(tasks));
        chart.emplace("timeRange", std::move(time_range));
        if (inputs.ttft_ms > 0) {
            chart.emplace("phaseTransition", inputs.ttft_ms * 1000);
        } else {
            chart.emplace("phaseTransition", nullptr);
        }
        return chart;
    }

private:
    // What a step's op_id says: its styles, layer and phase.
    struct StepLook {
        const TaskStyle* compute;
        const TaskStyle* comm;
        std::optional<std::int64_t> layer;
        std::string_view phase;
    };

    // Each step's keyword matching is its own: done in parallel, before the
    // sequential layout.
    static std::vector<StepLook> look_at(const StepTable& steps, const ChartInputs& inputs)
    {
        std::vector<StepLook> looks(steps.size());
        const StringColumn op_ids = steps.op_id();
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, steps.size(), 4096),
                          [&](const tbb::blocked_range<std::size_t>& range) {
            for (std::size_t i = range.begin(); i != range.end(); ++i) {
                const OpName op(op_ids[i]);
                looks[i] = {&compute_style(op), &comm_style(op, inputs.ep, inputs.pp), layer_index_from_op_id(op.text()),
                            compat_phase(op, i, steps.size())};
            }
        });
        return looks;
    }

    // One entry per stage and row: compute, then network.
    boost::json::array resources(std::int64_t pp) const
    {
        boost::json::array list(storage_);
        for (std::int64_t stage = 0; stage < pp; ++stage) {
            for (const auto& [row, label] : {std::pair<std::string_view, std::string_view>{"compute", "Compute"},
                                             std::pair<std::string_view, std::string_view>{"network", "Network"}}) {
                list.emplace_back(boost::json::object({{"id", "stage" + std::to_string(stage) + "_" + std::string(row)},
                                                       {"name", "PP" + std::to_string(stage) + " " + std::string(label)},
                                                       {"ppStage", stage},
                                                       {"type", row}},
                                                      storage_));
            }
        }
        return list;
    }

    // The keys every task has, in U's order, plus `resource` (D8).
    boost::json::object& begin_task(boost::json::array& tasks, std::size_t index, std::string_view kind,
                                    std::string_view name, std::string_view resource, double cursor, double duration,
                                    const StepLook& look, const TaskStyle& style)
    {
        boost::json::object& task = tasks.emplace_back(boost::json::object(storage_)).get_object();
        task.reserve(20);
        task.emplace("id", task_id(index, kind));
        task.emplace("name", name);
        task.emplace("resourceId", resource);
        task.emplace("resource", resource);
        task.emplace("start", cursor * 1000);
        task.emplace("end", (cursor + duration) * 1000);
        task.emplace("type", style.type);
        task.emplace("phase", look.phase);
        task.emplace("chipId", "chip_0");
        task.emplace("ppStage", 0);
        if (look.layer) {
            task.emplace("layer", *look.layer);
        } else {
            task.emplace("layer", nullptr);
        }
        task.emplace("tokenIndex", nullptr);
        task.emplace("color", style.color);
        return task;
    }

    // "task_{i}_{kind}", built without a heap string.
    std::string_view task_id(std::size_t index, std::string_view kind)
    {
        char* out = id_buffer_;
        for (const char c : std::string_view("task_")) *out++ = c;
        out = std::to_chars(out, id_buffer_ + sizeof id_buffer_, index).ptr;
        *out++ = '_';
        for (const char c : kind) *out++ = c;
        return {id_buffer_, static_cast<std::size_t>(out - id_buffer_)};
    }

    std::string_view suffixed(std::string_view op_id, std::string_view suffix)
    {
        name_buffer_.assign(op_id);
        name_buffer_ += suffix;
        return name_buffer_;
    }

    boost::json::storage_ptr storage_;
    char id_buffer_[48];
    std::string name_buffer_;
};

}  // namespace perfreport::compat
