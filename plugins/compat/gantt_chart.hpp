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
#include <boost/json/value.hpp>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "perfreport/sdk/bottleneck.hpp"
#include "perfreport/sdk/failure.hpp"
#include "perfreport/sdk/layer_index.hpp"
#include "perfreport/sdk/round4.hpp"
#include "perfreport/sdk/section_writer.hpp"
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

// U's phase: named in the op_id, else "first 30 % of the steps".
inline std::string_view compat_phase(const OpName& op, std::size_t index, std::size_t count)
{
    if (op.contains("prefill")) return "prefill";
    if (op.contains("decode")) return "decode";
    return static_cast<double>(index) < static_cast<double>(count) * 0.3 ? "prefill" : "decode";
}

// Builds the chart: the tasks go into the table "gantt_chart.tasks" (placed
// inside the summary's gantt_chart by the exporters), so a million tasks are
// columns rather than a JSON tree; the rest is a small summary object.
class ChartBuilder {
public:
    boost::json::object build(const StepTable& steps, const ChartInputs& inputs, SectionWriter& out)
    {
        const std::vector<StepLook> looks = look_at(steps, inputs);
        // Keys every task has, in U's order (plus `resource`, D8), then the
        // keys of one kind of task only: left out of the others' rows.
        constexpr std::uint32_t only_some = PR_COLUMN_OMIT_NULL;
        TableBuilder& tasks = out.table("gantt_chart.tasks", {
                                                                 {"id", "", ColumnType::string},
                                                                 {"name", "", ColumnType::string},
                                                                 {"resourceId", "", ColumnType::string},
                                                                 {"resource", "", ColumnType::string},
                                                                 {"start", "us", ColumnType::float64},
                                                                 {"end", "us", ColumnType::float64},
                                                                 {"type", "", ColumnType::string},
                                                                 {"phase", "", ColumnType::string},
                                                                 {"chipId", "", ColumnType::string},
                                                                 {"ppStage", "", ColumnType::int64},
                                                                 {"layer", "", ColumnType::int64},
                                                                 {"tokenIndex", "", ColumnType::int64},
                                                                 {"color", "", ColumnType::string},
                                                                 {"flops", "FLOP", ColumnType::int64, only_some},
                                                                 {"compute_time_us", "us", ColumnType::float64, only_some},
                                                                 {"dram_traffic_bytes", "B", ColumnType::int64, only_some},
                                                                 {"bytes_read", "B", ColumnType::int64, only_some},
                                                                 {"bytes_write", "B", ColumnType::int64, only_some},
                                                                 {"bottleneck", "", ColumnType::string, only_some},
                                                                 {"comm_time_us", "us", ColumnType::float64, only_some},
                                                                 {"comm_size_bytes", "B", ColumnType::int64, only_some},
                                                             });
        const StringColumn op_ids = steps.op_id();
        const auto t_compute = steps.t_compute();
        const auto t_comm = steps.t_comm();
        const auto t_wait = steps.t_wait();
        const auto bytes = [&](std::size_t i) {
            std::int64_t sum = 0;
            if (__builtin_add_overflow(steps.bytes_read()[i], steps.bytes_write()[i], &sum)) {
                throw Failure(PR_ERR_INVALID_INPUT, "compat: bytes_read + bytes_write of /step_metrics/" +
                                                        std::to_string(i) + " exceed 2^63 - 1");
            }
            return sum;
        };
        const std::nullopt_t none = std::nullopt;
        double cursor = 0;  // ms, a running sum of rounded times, as U's
        std::optional<double> first_start;
        double last_end = 0;
        const auto add = [&](std::size_t i, std::string_view kind, std::string_view name, std::string_view resource,
                             double t, const TaskStyle& style, auto... extra) {
            const double start = cursor * 1000;
            const double end = (cursor + t) * 1000;
            tasks.append(task_id(i, kind), name, resource, resource, start, end, style.type, looks[i].phase, "chip_0",
                         std::int64_t{0}, looks[i].layer, none, style.color, extra...);
            if (!first_start) first_start = start;
            last_end = end;
            cursor += t;
        };
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const std::string_view op_id = op_ids[i];
            const StepLook& look = looks[i];
            if (const double t = round4(t_compute[i]); t > 0) {
                add(i, "compute", op_id, "stage0_compute", t, *look.compute, steps.flops()[i], t * 1000, bytes(i),
                    steps.bytes_read()[i], steps.bytes_write()[i], std::string_view{bottleneck_name(steps.bottleneck()[i])},
                    none, none);
            }
            if (const double t = round4(t_comm[i]); t > 0) {
                add(i, "comm", suffixed(op_id, "_comm"), "stage0_network", t, *look.comm, none, none, none, none, none,
                    none, t * 1000, bytes(i));
            }
            // U draws no wait of 1 µs or less, and its cursor does not advance.
            if (const double t = round4(t_wait[i]); t > 0.001) {
                add(i, "wait", suffixed(op_id, "_wait"), "stage0_compute", t, idle, none, none, none, none, none, none,
                    none, none);
            }
        }
        boost::json::object chart;
        chart.emplace("resources", resources(inputs.pp));
        // Tasks follow one another from 0: the first starts first, the last
        // ends last; U's empty range is integral.
        chart.emplace("timeRange", first_start ? boost::json::object{{"start", *first_start}, {"end", last_end}}
                                               : boost::json::object{{"start", 0}, {"end", 0}});
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
        boost::json::array list;
        for (std::int64_t stage = 0; stage < pp; ++stage) {
            for (const auto& [row, label] : {std::pair<std::string_view, std::string_view>{"compute", "Compute"},
                                             std::pair<std::string_view, std::string_view>{"network", "Network"}}) {
                list.emplace_back(boost::json::object({{"id", "stage" + std::to_string(stage) + "_" + std::string(row)},
                                                       {"name", "PP" + std::to_string(stage) + " " + std::string(label)},
                                                       {"ppStage", stage},
                                                       {"type", row}}));
            }
        }
        return list;
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

    char id_buffer_[48];
    std::string name_buffer_;
};

}  // namespace perfreport::compat
