// Segmented mode (SPEC 2.5, the default) against SPEC 5.4 and hand
// computations: segments, rows, stages, phases, times, summary.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>
#include <vector>

#include "gantt_run.hpp"
#include "json_compare.hpp"

namespace perfreport {
namespace {
namespace json = boost::json;
using test::document_with;
using test::e1_document;
using test::run_gantt;

std::vector<std::string> column(const json::array& rows, const char* key)
{
    std::vector<std::string> values;
    for (const auto& row : rows) values.push_back(json::serialize(row.at(key)));
    return values;
}

TEST(GanttSegmented, E1TasksMatchWorkedExample)
{
    const auto gantt = run_gantt(e1_document());
    const json::array& tasks = gantt.tasks;
    ASSERT_EQ(tasks.size(), 5u);
    EXPECT_EQ(column(tasks, "id"),
              (std::vector<std::string>{"\"task_1\"", "\"task_2\"", "\"task_3\"", "\"task_4\"", "\"task_5\""}));
    EXPECT_EQ(column(tasks, "name"),
              (std::vector<std::string>{"\"layers.0.mla_q_a\"", "\"layers.0.mla_out_proj_comm\"",
                                        "\"layers.1.ffn_down\"", "\"layers.1.ffn_down\"", "\"layers.1.pp_send_p2p\""}));
    EXPECT_EQ(column(tasks, "segment"),
              (std::vector<std::string>{"\"compute\"", "\"comm\"", "\"compute\"", "\"wait\"", "\"comm\""}));
    EXPECT_EQ(column(tasks, "resource"),
              (std::vector<std::string>{"\"stage0_compute\"", "\"stage0_network\"", "\"stage1_compute\"",
                                        "\"stage1_compute\"", "\"stage1_network\""}));
    EXPECT_EQ(column(tasks, "type"),
              (std::vector<std::string>{"\"mla_attn_fc\"", "\"allreduce\"", "\"ffn\"", "\"idle\"", "\"p2p\""}));
    EXPECT_EQ(column(tasks, "color"),
              (std::vector<std::string>{"\"#08979c\"", "\"#1890ff\"", "\"#237804\"", "\"#d9d9d9\"", "\"#722ed1\""}));
    EXPECT_EQ(column(tasks, "phase"),
              (std::vector<std::string>{"\"prefill\"", "\"prefill\"", "\"decode\"", "\"decode\"", "\"decode\""}));
    EXPECT_EQ(column(tasks, "pp_stage"), (std::vector<std::string>{"0", "0", "1", "1", "1"}));
    EXPECT_EQ(column(tasks, "step_index"), (std::vector<std::string>{"0", "1", "2", "2", "3"}));
    EXPECT_EQ(column(tasks, "layer"), (std::vector<std::string>{"0", "0", "1", "1", "1"}));
    EXPECT_EQ(column(tasks, "token_index"), (std::vector<std::string>{"null", "null", "null", "null", "null"}));
    EXPECT_EQ(column(tasks, "chip_id"), (std::vector<std::string>{"\"\"", "\"\"", "\"\"", "\"\"", "\"\""}));
    // Compute segments carry the step's flops and bytes, comm segments
    // meta.comm_bytes, wait segments nothing.
    EXPECT_EQ(column(tasks, "flops"), (std::vector<std::string>{"2000000000", "0", "100000000", "0", "0"}));
    EXPECT_EQ(column(tasks, "bytes"), (std::vector<std::string>{"10000000", "1048576", "100000000", "0", "500000"}));
    EXPECT_EQ(column(tasks, "bottleneck"),
              (std::vector<std::string>{"\"COMPUTE_BOUND\"", "\"BW_BOUND\"", "\"BW_BOUND\"", "\"BW_BOUND\"",
                                        "\"LATENCY_BOUND\""}));

    // Bounds are the ms cursor times 1000, exactly as SPEC 5.4 prints them.
    const std::vector<double> starts{0, 50, 150.00000000000003, 250, 270};
    const std::vector<double> ends{50, 150.00000000000003, 250, 270, 290.00000000000006};
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        EXPECT_EQ(tasks[i].at("start").as_double(), starts[i]) << "task " << i + 1;
        EXPECT_EQ(tasks[i].at("end").as_double(), ends[i]) << "task " << i + 1;
        EXPECT_EQ(tasks[i].at("duration").as_double(), ends[i] - starts[i]) << "task " << i + 1;
    }
}

TEST(GanttSegmented, TasksTableHasSpecsColumnsAndUnits)
{
    EXPECT_EQ(run_gantt(e1_document()).task_columns,
              (std::vector<std::string>{"id STRING", "name STRING", "segment STRING", "step_index INT64",
                                        "resource STRING", "start(us) FLOAT64", "end(us) FLOAT64",
                                        "duration(us) FLOAT64", "type STRING", "phase STRING", "chip_id STRING",
                                        "pp_stage INT64", "layer INT64", "token_index INT64", "color STRING",
                                        "flops(FLOP) INT64", "bytes(B) INT64", "bottleneck STRING"}));
}

TEST(GanttSegmented, E1SummaryAndResources)
{
    const auto gantt = run_gantt(e1_document());
    EXPECT_EQ(gantt.summary.at("mode"), "segmented");
    EXPECT_EQ(gantt.summary.at("task_count"), 5);
    EXPECT_EQ(gantt.summary.at("time_range").at("start").to_number<double>(), 0.0);
    EXPECT_EQ(gantt.summary.at("time_range").at("end").as_double(), 290.00000000000006);
    EXPECT_EQ(gantt.summary.at("phase_transition").as_double(), 150.0);  // ttft 0.15 ms
    EXPECT_EQ(gantt.summary.size(), 4u) << json::serialize(gantt.summary);
    EXPECT_EQ(gantt.resources, json::parse(R"([
        {"id": "stage0_compute", "name": "PP0 Compute", "pp_stage": 0, "type": "compute"},
        {"id": "stage0_network", "name": "PP0 Network", "pp_stage": 0, "type": "network"},
        {"id": "stage1_compute", "name": "PP1 Compute", "pp_stage": 1, "type": "compute"},
        {"id": "stage1_network", "name": "PP1 Network", "pp_stage": 1, "type": "network"}])"));
}

TEST(GanttSegmented, MidpointTransitionIsHalfTheFinalCursor)
{
    const auto gantt = run_gantt(e1_document(), {"gantt.phase_transition=midpoint"});
    EXPECT_EQ(gantt.summary.at("phase_transition").as_double(), 290.00000000000006 / 2);
}

TEST(GanttSegmented, TtftTransitionIsNullWithoutTtft)
{
    json::object document = e1_document();
    document["aggregates"].as_object()["ttft"] = 0;
    EXPECT_TRUE(run_gantt(document).summary.at("phase_transition").is_null());
}

TEST(GanttSegmented, NoStepsGiveNoTasksButTheResources)
{
    json::object document = e1_document();
    document["step_metrics"] = json::array{};
    document["aggregates"].as_object()["num_steps"] = 0;
    document["aggregates"].as_object().erase("bottleneck_summary");
    const auto gantt = run_gantt(document);
    EXPECT_TRUE(gantt.tasks.empty());
    EXPECT_EQ(gantt.summary.at("task_count"), 0);
    EXPECT_EQ(gantt.summary.at("time_range"), json::parse(R"({"start": 0.0, "end": 0.0})"));
    EXPECT_TRUE(gantt.summary.at("phase_transition").is_null());
    EXPECT_EQ(gantt.resources.size(), 4u);
}

TEST(GanttSegmented, StepWithAllZeroTimesEmitsNothing)
{
    const auto gantt = run_gantt(document_with(json::parse(R"([
        {"op_id": "a", "t_compute": 0.1}, {"op_id": "zero", "t_compute": 0, "t_comm": 0, "t_wait": 0},
        {"op_id": "b", "t_compute": 0.1}])").as_array()));
    ASSERT_EQ(gantt.tasks.size(), 2u);
    EXPECT_EQ(gantt.tasks[1].at("id"), "task_2");
    EXPECT_EQ(gantt.tasks[1].at("name"), "b");
    EXPECT_EQ(gantt.tasks[1].at("step_index"), 2);
    EXPECT_EQ(gantt.tasks[1].at("start").as_double(), 100.0);
}

TEST(GanttSegmented, WaitsAtOrBelowTheThresholdAreDroppedWithoutTime)
{
    // 0.001 ms is not above the default threshold; 0.0015 ms is. A dropped
    // wait does not move the cursor: "b" starts where "a" computed to.
    const json::array steps = json::parse(R"([
        {"op_id": "a", "t_compute": 0.1, "t_wait": 0.001}, {"op_id": "b", "t_compute": 0.1, "t_wait": 0.0015}])")
                                  .as_array();
    const auto gantt = run_gantt(document_with(steps));
    EXPECT_EQ(column(gantt.tasks, "segment"), (std::vector<std::string>{"\"compute\"", "\"compute\"", "\"wait\""}));
    EXPECT_EQ(gantt.tasks[1].at("start").as_double(), 100.0);
    EXPECT_EQ(gantt.tasks[2].at("start").as_double(), (0.1 + 0.1) * 1000);
    EXPECT_EQ(gantt.tasks[2].at("end").as_double(), (0.1 + 0.1 + 0.0015) * 1000);

    const auto zero_threshold = run_gantt(document_with(steps), {"gantt.wait_threshold_ms=0"});
    EXPECT_EQ(column(zero_threshold.tasks, "segment"),
              (std::vector<std::string>{"\"compute\"", "\"wait\"", "\"compute\"", "\"wait\""}));
    EXPECT_EQ(zero_threshold.tasks[1].at("end").as_double(), (0.1 + 0.001) * 1000);

    const auto high_threshold = run_gantt(document_with(steps), {"gantt.wait_threshold_ms=0.002"});
    EXPECT_EQ(column(high_threshold.tasks, "segment"), (std::vector<std::string>{"\"compute\"", "\"compute\""}));
}

TEST(GanttSegmented, CommSegmentTypeComesFromTheNameThenCommType)
{
    const auto gantt = run_gantt(document_with(json::parse(R"([
        {"op_id": "x.send_k", "t_comm": 0.1, "meta": {"comm_type": "allreduce"}},
        {"op_id": "x.send_k", "t_comm": 0.1, "meta": {"comm_type": "allgather"}},
        {"op_id": "x.send_k", "t_comm": 0.1, "meta": {"comm_type": "all2all"}},
        {"op_id": "x.send_k", "t_comm": 0.1, "meta": {"comm_type": "alltoall"}},
        {"op_id": "x.send_k", "t_comm": 0.1, "meta": {"comm_type": "p2p"}},
        {"op_id": "x.send_k", "t_comm": 0.1, "meta": {"comm_type": "send"}},
        {"op_id": "x.send_k", "t_comm": 0.1, "meta": {"comm_type": "recv"}},
        {"op_id": "x.send_k", "t_comm": 0.1, "meta": {"comm_type": "reduce_scatter"}},
        {"op_id": "x.send_k", "t_comm": 0.1, "meta": {"comm_type": "reducescatter"}},
        {"op_id": "x.send_k", "t_comm": 0.1, "meta": {"comm_type": "broadcast"}},
        {"op_id": "x.send_k", "t_comm": 0.1},
        {"op_id": "layers.0.allgather_kv", "t_comm": 0.1, "meta": {"comm_type": "allreduce"}}])").as_array()));
    EXPECT_EQ(column(gantt.tasks, "type"),
              (std::vector<std::string>{"\"allreduce\"", "\"allgather\"", "\"alltoall\"", "\"alltoall\"", "\"p2p\"",
                                        "\"p2p\"", "\"p2p\"", "\"tp_comm\"", "\"tp_comm\"", "\"tp_comm\"",
                                        "\"tp_comm\"", "\"allgather\""}));
    for (const auto& task : gantt.tasks) EXPECT_EQ(task.at("resource"), "stage0_network");
}

TEST(GanttSegmented, NetworkTypedStepComputesAsCompute)
{
    // A fused step named for a collective: its compute part is `compute` on
    // the compute row, its comm part the collective on the network row.
    const auto gantt = run_gantt(document_with(json::parse(R"([
        {"op_id": "layers.0.tp_comm_fused", "t_compute": 0.1, "t_comm": 0.2, "flops": 7,
         "bytes_read": 3, "bytes_write": 4}])").as_array()));
    EXPECT_EQ(column(gantt.tasks, "type"), (std::vector<std::string>{"\"compute\"", "\"tp_comm\""}));
    EXPECT_EQ(column(gantt.tasks, "resource"), (std::vector<std::string>{"\"stage0_compute\"", "\"stage0_network\""}));
    EXPECT_EQ(column(gantt.tasks, "color"), (std::vector<std::string>{"\"#52c41a\"", "\"#1890ff\""}));
    // Without meta.comm_bytes the comm part counts the step's bytes too.
    EXPECT_EQ(column(gantt.tasks, "flops"), (std::vector<std::string>{"7", "0"}));
    EXPECT_EQ(column(gantt.tasks, "bytes"), (std::vector<std::string>{"7", "7"}));
}

TEST(GanttSegmented, DeviceAndTokenArePassedThrough)
{
    const auto gantt = run_gantt(document_with(json::parse(R"([
        {"op_id": "decode.layers.2.ffn", "t_compute": 0.1,
         "meta": {"device_id": "pod_0/rack_0/board_0/chip_3", "token_index": 17, "layer_index": 9}}])")
                                                   .as_array()));
    ASSERT_EQ(gantt.tasks.size(), 1u);
    EXPECT_EQ(gantt.tasks[0].at("chip_id"), "pod_0/rack_0/board_0/chip_3");
    EXPECT_EQ(gantt.tasks[0].at("token_index"), 17);
    EXPECT_EQ(gantt.tasks[0].at("layer"), 9);          // meta.layer_index wins over the op_id
    EXPECT_EQ(gantt.tasks[0].at("phase"), "decode");  // SPEC 1.9: the op_id names decode
}

TEST(GanttSegmented, PhaseFallsBackToIsPrefill)
{
    const auto gantt = run_gantt(
        document_with(json::parse(R"([{"op_id": "layers.0.ffn", "t_compute": 0.1}])").as_array(),
                      json::parse(R"({"deployment": {"is_prefill": false}})").as_object()));
    EXPECT_EQ(gantt.tasks[0].at("phase"), "decode");
}

TEST(GanttOptions, SchemaRejectsUnknownValues)
{
    EXPECT_THROW(run_gantt(e1_document(), {"gantt.mode=waterfall"}), std::invalid_argument);
    EXPECT_THROW(run_gantt(e1_document(), {"gantt.phase_transition=never"}), std::invalid_argument);
    EXPECT_THROW(run_gantt(e1_document(), {"gantt.wait_threshold_ms=-1"}), std::invalid_argument);
}

}  // namespace
}  // namespace perfreport
