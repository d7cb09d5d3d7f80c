// Per-step mode (SPEC 2.5, U's layout) against SPEC 5.4 and U's phase rule.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>
#include <vector>

#include "gantt_run.hpp"

namespace perfreport {
namespace {
namespace json = boost::json;
using test::document_with;
using test::e1_document;
using test::run_gantt;

TEST(GanttPerStep, E1TasksMatchWorkedExample)
{
    const auto gantt = run_gantt(e1_document(), {"gantt.mode=per_step", "gantt.phase_transition=midpoint"});
    // SPEC 5.4 (U, verified), plus the columns U leaves implicit: one `step`
    // segment per step, stage 0, no layer, the step's flops and read+write bytes.
    const json::value expected = json::parse(R"([
      {"id": "task_1", "name": "layers.0.mla_q_a", "segment": "step", "step_index": 0,
       "resource": "stage0_compute", "start": 0, "end": 50, "duration": 50, "type": "mla_attn_fc",
       "phase": "prefill", "chip_id": "", "pp_stage": 0, "layer": null, "token_index": null,
       "color": "#08979c", "flops": 2000000000, "bytes": 10000000, "bottleneck": "COMPUTE_BOUND"},
      {"id": "task_2", "name": "layers.0.mla_out_proj_comm", "segment": "step", "step_index": 1,
       "resource": "stage0_compute", "start": 50, "end": 150, "duration": 100, "type": "mla_attn_fc",
       "phase": "prefill", "chip_id": "", "pp_stage": 0, "layer": null, "token_index": null,
       "color": "#08979c", "flops": 0, "bytes": 2097152, "bottleneck": "BW_BOUND"},
      {"id": "task_3", "name": "layers.1.ffn_down", "segment": "step", "step_index": 2,
       "resource": "stage0_compute", "start": 150, "end": 270, "duration": 120, "type": "ffn",
       "phase": "decode", "chip_id": "", "pp_stage": 0, "layer": null, "token_index": null,
       "color": "#237804", "flops": 100000000, "bytes": 100000000, "bottleneck": "BW_BOUND"},
      {"id": "task_4", "name": "layers.1.pp_send_p2p", "segment": "step", "step_index": 3,
       "resource": "stage0_network", "start": 270, "end": 290, "duration": 20, "type": "p2p",
       "phase": "decode", "chip_id": "", "pp_stage": 0, "layer": null, "token_index": null,
       "color": "#722ed1", "flops": 0, "bytes": 1000000, "bottleneck": "LATENCY_BOUND"}])");
    ASSERT_EQ(gantt.tasks.size(), 4u);
    for (std::size_t i = 0; i < 4; ++i) {
        const json::object& want = expected.at(i).as_object();
        const json::object& got = gantt.tasks[i].as_object();
        EXPECT_EQ(got.size(), want.size()) << "task " << i + 1;
        for (const auto& [key, value] : want) {
            ASSERT_TRUE(got.contains(key)) << "task " << i + 1 << " has no " << key;
            if (value.is_number()) {
                EXPECT_EQ(got.at(key).to_number<double>(), value.to_number<double>()) << "task " << i + 1 << " " << key;
            } else {
                EXPECT_EQ(got.at(key), value) << "task " << i + 1 << " " << key;
            }
        }
    }
    EXPECT_EQ(gantt.summary.at("mode"), "per_step");
    EXPECT_EQ(gantt.summary.at("phase_transition").as_double(), 145.0);
    EXPECT_EQ(gantt.summary.at("time_range").at("end").as_double(), 290.0);
    EXPECT_EQ(gantt.summary.at("task_count"), 4);
    EXPECT_EQ(gantt.resources.size(), 4u);  // every stage is listed, though only stage 0 is used
}

TEST(GanttPerStep, TtftTransitionInPerStepMode)
{
    const auto gantt = run_gantt(e1_document(), {"gantt.mode=per_step"});
    EXPECT_EQ(gantt.summary.at("phase_transition").as_double(), 150.0);
}

TEST(GanttPerStep, PhaseWithoutMetaIsPrefillForStartsBeforeOneMillisecond)
{
    // Starts 0, 1000 and 1500 µs; the op_id and is_prefill do not count here.
    const auto gantt = run_gantt(document_with(json::parse(R"([{"op_id": "decode_a", "t_compute": 1.0},
        {"op_id": "b", "t_comm": 0.5}, {"op_id": "c", "t_compute": 0.1, "meta": {"phase": "prefill"}}])")
                                                   .as_array(),
                                               json::parse(R"({"deployment": {"is_prefill": true}})").as_object()),
                                 {"gantt.mode=per_step"});
    ASSERT_EQ(gantt.tasks.size(), 3u);
    EXPECT_EQ(gantt.tasks[0].at("phase"), "prefill");
    EXPECT_EQ(gantt.tasks[1].at("start").as_double(), 1000.0);
    EXPECT_EQ(gantt.tasks[1].at("phase"), "decode");
    EXPECT_EQ(gantt.tasks[2].at("phase"), "prefill");
}

TEST(GanttPerStep, EveryStepIsATaskEvenWithoutTime)
{
    const auto gantt = run_gantt(document_with(json::parse(R"([{"op_id": "a", "t_compute": 0.1},
        {"op_id": "idle_op"}, {"op_id": "b", "t_compute": 0.1}])").as_array()),
                                 {"gantt.mode=per_step"});
    ASSERT_EQ(gantt.tasks.size(), 3u);
    EXPECT_EQ(gantt.tasks[1].at("start").as_double(), 100.0);
    EXPECT_EQ(gantt.tasks[1].at("end").as_double(), 100.0);
}

}  // namespace
}  // namespace perfreport
