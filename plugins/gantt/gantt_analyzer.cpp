// GanttChartBuilder: the `gantt` section of SPEC 2.5.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "per_step_layout.hpp"
#include "perfreport/sdk.hpp"
#include "perfreport/sdk/pp_stage.hpp"
#include "segmented_layout.hpp"
#include "step_attributes.hpp"
#include "step_task_type.hpp"
#include "task_table.hpp"

namespace perfreport::gantt {
namespace {

enum class Mode { segmented, per_step };
enum class PhaseTransition { ttft, midpoint };

struct Options {
    Mode mode;
    PhaseTransition phase_transition;
    double wait_threshold_ms;
};

// The host has checked the values against the schema; anything else is a malformed call.
Options read_options(const AnalyzerInput& input)
{
    const auto unexpected = [](std::string_view key, std::string_view value) {
        return Failure(PR_ERR_INVALID_ARGUMENT, "option gantt." + std::string{key} + " has no value '" +
                                                    std::string{value} + "'");
    };
    Options options{};
    const std::string_view mode = input.option<std::string_view>("/gantt/mode");
    if (mode == "segmented") {
        options.mode = Mode::segmented;
    } else if (mode == "per_step") {
        options.mode = Mode::per_step;
    } else {
        throw unexpected("mode", mode);
    }
    const std::string_view transition = input.option<std::string_view>("/gantt/phase_transition");
    if (transition == "ttft") {
        options.phase_transition = PhaseTransition::ttft;
    } else if (transition == "midpoint") {
        options.phase_transition = PhaseTransition::midpoint;
    } else {
        throw unexpected("phase_transition", transition);
    }
    options.wait_threshold_ms = input.option<double>("/gantt/wait_threshold_ms");
    return options;
}

// context.<section>.<key> as an integer, or nullopt when absent.
std::optional<std::int64_t> optional_context_integer(const AnalyzerInput& input, std::string_view section,
                                                     std::string_view key)
{
    const auto* part = input.context().if_contains(section);
    if (part == nullptr || !part->is_object() || !part->get_object().contains(key)) return std::nullopt;
    return input.context_value<std::int64_t>("/" + std::string{section} + "/" + std::string{key});
}

PipelineShape pipeline_shape(const AnalyzerInput& input)
{
    const PipelineShape shape{optional_context_integer(input, "deployment", "pp").value_or(1),
                              optional_context_integer(input, "deployment", "tp").value_or(1),
                              optional_context_integer(input, "model", "num_layers")};
    check_pipeline_shape(shape);
    return shape;
}

// SPEC 2.5 "Resources": a compute row and a network row per stage.
void write_resources(std::int64_t pp, SectionWriter& out)
{
    TableBuilder& table = out.table("resources", {
                                                     {"id", "", ColumnType::string},
                                                     {"name", "", ColumnType::string},
                                                     {"pp_stage", "", ColumnType::int64},
                                                     {"type", "", ColumnType::string},
                                                 });
    for (std::int64_t stage = 0; stage < pp; ++stage) {
        const std::string number = std::to_string(stage);
        table.append("stage" + number + "_compute", "PP" + number + " Compute", stage, "compute");
        table.append("stage" + number + "_network", "PP" + number + " Network", stage, "network");
    }
}

// A meta.task_type that names no type is a warning, once per distinct value.
void warn_unknown_task_types(const StepTable& steps, SectionWriter& out)
{
    for (const UnknownTaskType& unknown : unknown_task_types(steps)) {
        out.warning("W_UNKNOWN_TASK_TYPE", "/step_metrics/" + std::to_string(unknown.first_row) + "/meta/task_type",
                    "meta.task_type '" + std::string{unknown.name} + "' (on " + std::to_string(unknown.steps) +
                        " step(s)) is not a gantt task type of SPEC 2.5; the type is inferred from the op_id");
    }
}

// µs, or null: without tasks; in ttft mode when the run has no ttft.
boost::json::value phase_transition(const Options& options, double ttft_ms, double end_cursor_us, bool has_tasks)
{
    if (!has_tasks) return nullptr;
    if (options.phase_transition == PhaseTransition::midpoint) return end_cursor_us / 2.0;
    if (ttft_ms > 0) return ttft_ms * 1000.0;
    return nullptr;
}

}  // namespace

class GanttChartBuilder final : public IAnalyzer {
public:
    static constexpr const char* id = "gantt";
    static constexpr const char* version = "1.0.0";
    static constexpr const char* description =
        "Gantt chart: the steps as tasks on a compute and a network row per pipeline stage";
    static constexpr const char* options_schema = R"json({
  "mode": {
    "type": "string", "default": "segmented", "values": ["segmented", "per_step"],
    "description": "segmented (seed): each step split into compute, comm, wait, by PP stage; per_step (upstream)"},
  "phase_transition": {
    "type": "string", "default": "ttft", "values": ["ttft", "midpoint"],
    "description": "prefill ends at aggregates.ttft (seed) or at half the span (upstream)"},
  "wait_threshold_ms": {
    "type": "number", "default": 0.001, "minimum": 0,
    "description": "segmented mode draws a step's wait only when it is longer than this, ms"}
})json";

    void analyze(const AnalyzerInput& input, SectionWriter& out) const override
    {
        const Options options = read_options(input);
        const PipelineShape shape = pipeline_shape(input);
        const StepTable steps = input.steps();
        warn_unknown_task_types(steps, out);
        write_resources(shape.pp, out);
        TaskTable tasks(out, steps);
        const double end_cursor_us =
            options.mode == Mode::per_step
                ? lay_out_per_step(steps, resolve_task_types(steps), tasks)
                : lay_out_segmented(steps, resolve_step_attributes(steps, input.context(), shape),
                                    options.wait_threshold_ms, tasks);
        out.summary({
            {"mode", options.mode == Mode::per_step ? "per_step" : "segmented"},
            {"time_range", {{"start", tasks.start()}, {"end", tasks.end()}}},
            {"phase_transition",
             phase_transition(options, input.aggregates().ttft_ms, end_cursor_us, tasks.count() > 0)},
            {"task_count", static_cast<std::int64_t>(tasks.count())},
        });
    }
};

}  // namespace perfreport::gantt

PERFREPORT_PLUGIN("perfreport-gantt", "1.0.0", perfreport::gantt::GanttChartBuilder)
