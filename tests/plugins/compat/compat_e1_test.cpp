// SPEC 5.6 and 5.10: the compat section on E1, and the upstream heuristics
// of SPEC 2.7 (keyword table, comm rule, phases, rounding) on small inputs.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <array>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "file_text.hpp"
#include "host_run.hpp"
#include "json_compare.hpp"
#include "e1_link_stats.hpp"
#include "section_rows.hpp"

namespace perfreport {
namespace {
namespace json = boost::json;
using namespace test;

struct CompatResult {
    json::object summary;
    Diagnostics diagnostics;
};

CompatResult run_compat(const json::object& document, const std::vector<std::string>& options = {})
{
    const ReportingReport report = run_analyzers(parse_input(json::serialize(document)), {"compat"}, options);
    // The summary as the JSON report shows it: the tasks table inside gantt_chart.
    const Section& section = section_of(report, "compat");
    json::object summary = section.summary;
    summary.at("gantt_chart").as_object()["tasks"] = rows_of(table_named(section, "gantt_chart.tasks"));
    return {std::move(summary), report.diagnostics};
}


json::object step(const char* op_id, double t_compute, double t_comm = 0, double t_wait = 0)
{
    return {{"op_id", op_id}, {"t_compute", t_compute}, {"t_comm", t_comm}, {"t_wait", t_wait}};
}

const json::array& tasks_of(const CompatResult& result)
{
    return result.summary.at("gantt_chart").at("tasks").as_array();
}

json::object common(const char* id, const char* name, const char* resource, double start, double end,
                    const char* type, const char* color, const char* phase, int layer)
{
    return {{"id", id},        {"name", name},     {"resourceId", resource}, {"resource", resource},
            {"start", start},  {"end", end},       {"type", type},           {"phase", phase},
            {"chipId", "chip_0"}, {"ppStage", 0},  {"layer", layer},         {"tokenIndex", nullptr},
            {"color", color}};
}

json::object with(json::object task, const json::object& extra)
{
    for (const auto& member : extra) task[member.key()] = member.value();
    return task;
}

TEST(CompatE1, GanttChartMatchesSpec)
{
    const CompatResult result = run_compat(e1_document());
    const json::object& chart = result.summary.at("gantt_chart").as_object();
    const json::array resources = {
        json::object{{"id", "stage0_compute"}, {"name", "PP0 Compute"}, {"ppStage", 0}, {"type", "compute"}},
        json::object{{"id", "stage0_network"}, {"name", "PP0 Network"}, {"ppStage", 0}, {"type", "network"}},
        json::object{{"id", "stage1_compute"}, {"name", "PP1 Compute"}, {"ppStage", 1}, {"type", "compute"}},
        json::object{{"id", "stage1_network"}, {"name", "PP1 Network"}, {"ppStage", 1}, {"type", "network"}},
    };
    EXPECT_EQ(chart.at("resources"), resources);
    const json::array tasks = {
        with(common("task_0_compute", "layers.0.mla_q_a", "stage0_compute", 0, 50, "attention_qkv", "#13c2c2",
                    "prefill", 0),
             {{"flops", 2000000000}, {"compute_time_us", 50.0}, {"dram_traffic_bytes", 10000000},
              {"bytes_read", 6000000}, {"bytes_write", 4000000}, {"bottleneck", "COMPUTE_BOUND"}}),
        with(common("task_1_comm", "layers.0.mla_out_proj_comm_comm", "stage0_network", 50, 150.00000000000003,
                    "pp_comm", "#722ed1", "prefill", 0),
             {{"comm_time_us", 100.0}, {"comm_size_bytes", 2097152}}),
        with(common("task_2_compute", "layers.1.ffn_down", "stage0_compute", 150.00000000000003, 250, "ffn_down",
                    "#52c41a", "decode", 1),
             {{"flops", 100000000}, {"compute_time_us", 100.0}, {"dram_traffic_bytes", 100000000},
              {"bytes_read", 60000000}, {"bytes_write", 40000000}, {"bottleneck", "BW_BOUND"}}),
        common("task_2_wait", "layers.1.ffn_down_wait", "stage0_compute", 250, 270, "idle", "#d9d9d9", "decode", 1),
        with(common("task_3_comm", "layers.1.pp_send_p2p_comm", "stage0_network", 270, 290.00000000000006, "pp_comm",
                    "#722ed1", "decode", 1),
             {{"comm_time_us", 20.0}, {"comm_size_bytes", 1000000}}),
    };
    EXPECT_EQ(json_differences(tasks, chart.at("tasks")), "");
    // No key beyond the expected ones.
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        EXPECT_EQ(chart.at("tasks").as_array()[i].as_object().size(), tasks[i].as_object().size()) << i;
    }
    EXPECT_EQ(json_differences(json::object{{"start", 0.0}, {"end", 290.00000000000006}}, chart.at("timeRange")), "");
    EXPECT_EQ(json_differences(json::value(150.0), chart.at("phaseTransition")), "");
}

json::object e1_stats(const json::array& link_traffic)
{
    return {{"prefill",
             {{"computeTime", 0.15}, {"commTime", 0.12}, {"bubbleTime", 0.02}, {"overlapTime", 0},
              {"totalTime", 0.29}, {"computeEfficiency", 0.07241379310344828}}},
            {"decode",
             {{"computeTime", 0.0}, {"commTime", 0.0}, {"bubbleTime", 0.0}, {"overlapTime", 0}, {"totalTime", 0.0},
              {"computeEfficiency", 0.0}}},
            {"totalRunTime", 0.29},
            {"simulatedTokens", 1},
            {"ttft", 0.15},
            {"avgTpot", 0.14},
            {"dynamicMfu", 0.07241379310344828},
            {"dynamicMbu", 0.19499509},
            {"maxPpBubbleRatio", 0},
            {"totalEvents", 4},
            {"prefillFlops", 2100000000},
            {"linkTrafficStats", link_traffic}};
}

TEST(CompatE1, StatsMatchSpecWithLinkTrafficInEachUnit)
{
    const CompatResult bytes = run_compat(e1_document());
    EXPECT_EQ(json_differences(e1_stats(e1_link_stats(1.96608, 5.555555555555555)), bytes.summary.at("stats")), "");
    EXPECT_EQ(bytes.summary.at("stats").as_object().size(), 12u);
    json::object tier6 = e1_document();
    tier6["options"] = {{"preset", "tier6"}};
    const CompatResult bits = run_compat(tier6);
    EXPECT_EQ(json_differences(e1_stats(e1_link_stats(15.72864, 44.44444444444444)), bits.summary.at("stats")), "");
}

TEST(CompatE1, ADecodeRunPutsItsTimeInDecode)
{
    json::object document = e1_document();
    document["context"].as_object()["deployment"].as_object()["is_prefill"] = false;
    const CompatResult result = run_compat(document);
    const json::object& stats = result.summary.at("stats").as_object();
    EXPECT_EQ(json_differences(json::object{{"computeTime", 0.15}, {"totalTime", 0.29}}, stats.at("decode")), "");
    EXPECT_EQ(json_differences(json::object{{"computeTime", 0.0}, {"computeEfficiency", 0.0}}, stats.at("prefill")), "");
    EXPECT_EQ(stats.at("prefillFlops"), 0);
}

TEST(CompatE1, WithoutTopologyLinkTrafficIsEmptyWithAWarning)
{
    json::object document = e1_document();
    document["context"].as_object().erase("topology");
    const CompatResult result = run_compat(document);
    EXPECT_EQ(result.summary.at("stats").at("linkTrafficStats"), json::array{});
    bool warned = false;
    for (const auto& diagnostic : result.diagnostics) {
        if (diagnostic.code == "W_NO_LINK_BANDWIDTH" && diagnostic.level == Severity::warning &&
            diagnostic.source == "compat") {
            warned = true;
            EXPECT_EQ(diagnostic.where, "/context/topology/interconnect/links");
        }
    }
    EXPECT_TRUE(warned);
    EXPECT_EQ(tasks_of(result).size(), 5u);  // the chart does not need the topology
}

// SPEC 2.7's keyword table, row by row: an op_id that is just the keyword
// gets the row's type and colour (no keyword holds an earlier one).
TEST(CompatE1, EveryKeywordHasItsStyle)
{
    const std::vector<std::array<const char*, 3>> table = {
        {"q_lora_a", "mm_q_lora_a", "#13c2c2"},      {"q_lora_b", "mm_q_lora_b", "#13c2c2"},
        {"kv_lora_a", "mm_kv_lora_a", "#36cfc9"},    {"mla_q_proj", "mm_q_lora_a", "#13c2c2"},
        {"mla_kv_proj", "mm_kv_lora_a", "#36cfc9"},  {"mla_qkv", "attention_qkv", "#13c2c2"},
        {"rmsnorm_q", "rmsnorm_q_lora", "#95de64"},  {"rmsnorm_kv", "rmsnorm_kv_lora", "#95de64"},
        {"moe_gate", "moe_gate", "#f759ab"},         {"moe_expert", "moe_expert", "#eb2f96"},
        {"moe_shared", "moe_shared_expert", "#c41d7f"}, {"shared_expert", "moe_shared_expert", "#c41d7f"},
        {"routed_expert", "moe_expert", "#eb2f96"},  {"attn_qkv", "attention_qkv", "#389e0d"},
        {"attn_score", "attention_score", "#52c41a"}, {"attn_softmax", "attention_softmax", "#a0d911"},
        {"attn_output", "attention_output", "#73d13d"}, {"attn_fc", "attn_fc", "#389e0d"},
        {"bmm_qk", "bmm_qk", "#52c41a"},             {"bmm_sv", "bmm_sv", "#52c41a"},
        {"ffn_gate", "ffn_gate", "#237804"},         {"ffn_up", "ffn_up", "#389e0d"},
        {"ffn_down", "ffn_down", "#52c41a"},         {"gate_proj", "ffn_gate", "#237804"},
        {"up_proj", "ffn_up", "#389e0d"},            {"down_proj", "ffn_down", "#52c41a"},
        {"ep_dispatch", "ep_dispatch", "#f759ab"},   {"ep_combine", "ep_combine", "#c41d7f"},
        {"dispatch", "ep_dispatch", "#f759ab"},      {"combine", "ep_combine", "#c41d7f"},
        {"tp_allreduce", "tp_comm", "#1890ff"},      {"allreduce", "tp_comm", "#1890ff"},
        {"alltoall", "ep_comm", "#eb2f96"},          {"p2p", "pp_comm", "#722ed1"},
        {"sp_allgather", "sp_allgather", "#52c41a"}, {"sp_reduce_scatter", "sp_reduce_scatter", "#73d13d"},
        {"allgather", "sp_allgather", "#52c41a"},    {"reduce_scatter", "sp_reduce_scatter", "#73d13d"},
        {"kv_cache_read", "kv_cache_read", "#ffd666"}, {"kv_cache_write", "kv_cache_write", "#ffec3d"},
        {"weight_load", "weight_load", "#fa8c16"},   {"hbm_read", "hbm_read", "#ffc53d"},
        {"hbm_write", "hbm_write", "#fa8c16"},       {"pcie_h2d", "pcie_h2d", "#faad14"},
        {"pcie_d2h", "pcie_d2h", "#d48806"},         {"mla", "attention_qkv", "#13c2c2"},
        {"moe", "moe_expert", "#eb2f96"},            {"attention", "attention_qkv", "#389e0d"},
        {"attn", "attention_qkv", "#389e0d"},        {"ffn", "ffn_gate", "#237804"},
        {"mlp", "ffn_gate", "#237804"},              {"embedding", "embedding", "#73d13d"},
        {"embed", "embedding", "#73d13d"},           {"layernorm", "layernorm", "#95de64"},
        {"rmsnorm", "layernorm", "#95de64"},         {"lm_head", "lm_head", "#135200"},
        {"lmhead", "lm_head", "#135200"},            {"linear", "compute", "#52c41a"},
        {"unnamed_op", "compute", "#52c41a"},
    };
    json::array steps;
    for (const auto& row : table) steps.push_back(step(row[0], 1));
    const CompatResult result = run_compat(document_with(steps, {}));
    const json::array& tasks = tasks_of(result);
    ASSERT_EQ(tasks.size(), table.size());
    for (std::size_t i = 0; i < table.size(); ++i) {
        EXPECT_EQ(tasks[i].at("type"), table[i][1]) << table[i][0];
        EXPECT_EQ(tasks[i].at("color"), table[i][2]) << table[i][0];
    }
}

TEST(CompatE1, TheFirstKeywordContainedWins)
{
    const CompatResult result = run_compat(document_with(
        {step("layers.3.moe_shared_expert", 1), step("Layers.2.MLP_Linear", 1), step("model.linear_proj", 1),
         step("embed_tokens", 1), step("L4.MLA.Q_LoRA_B", 1)},
        {}));
    const std::vector<std::pair<const char*, const char*>> expected = {{"moe_shared_expert", "#c41d7f"},
                                                                       {"ffn_gate", "#237804"},
                                                                       {"compute", "#52c41a"},
                                                                       {"embedding", "#73d13d"},
                                                                       {"mm_q_lora_b", "#13c2c2"}};
    const json::array& tasks = tasks_of(result);
    ASSERT_EQ(tasks.size(), expected.size());
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        EXPECT_EQ(tasks[i].at("type"), expected[i].first) << i;
        EXPECT_EQ(tasks[i].at("color"), expected[i].second) << i;
    }
    EXPECT_EQ(tasks[4].at("layer"), 4);  // L(\d+)\.
}

TEST(CompatE1, CommRuleUsesTheOpIdAndTheDegrees)
{
    const json::array steps = {step("layers.5.moe_allreduce", 0, 1), step("layers.5.sp_reducescatter", 0, 1),
                               step("x.combine", 0, 1),          step("layers.1.send_recv", 0, 1),
                               step("x_reduce_scatter", 0, 1),   step("moe_dispatch_alltoall", 0, 1),
                               step("ep_alltoall", 0, 1),        step("pp_recv", 0, 1),
                               step("sp_allgather_p2p", 0, 1),   step("y_allgather", 0, 1)};
    const auto types = [&](const json::object& deployment) {
        const CompatResult result = run_compat(document_with(steps, {{"deployment", deployment}}));
        std::vector<std::string> list;
        for (const auto& task : tasks_of(result)) {
            list.emplace_back(task.at("type").as_string());
        }
        return list;
    };
    const std::vector<std::string> named = {"ep_dispatch", "ep_comm", "pp_comm", "pp_comm", "sp_allgather"};
    std::vector<std::string> expected = {"tp_comm", "tp_comm", "ep_combine", "pp_comm", "sp_reduce_scatter"};
    expected.insert(expected.end(), named.begin(), named.end());
    EXPECT_EQ(types({}), expected);
    expected[0] = "ep_comm";  // ep > 1 and `moe`
    expected[1] = "pp_comm";  // pp > 1 and `layer`
    EXPECT_EQ(types({{"ep", 2}, {"pp", 2}}), expected);
}

TEST(CompatE1, PhasesFromNamesThenTheFirstThirtyPercent)
{
    const CompatResult result = run_compat(document_with(
        {step("a", 1), step("b", 1), step("c", 1), step("x.decode.attn", 1), step("d", 1), step("e.PREFILL", 1),
         step("f", 1), step("g", 1), step("h", 1), step("i", 1)},
        {}));
    std::vector<std::string> phases;
    for (const auto& task : tasks_of(result)) phases.emplace_back(task.at("phase").as_string());
    // 0.3 · 10 = 3: steps 0..2 are prefill.
    EXPECT_EQ(phases, (std::vector<std::string>{"prefill", "prefill", "prefill", "decode", "decode", "prefill", "decode",
                                                "decode", "decode", "decode"}));
}

TEST(CompatE1, TimesAreRoundedAndShortWaitsVanish)
{
    // 0.00004 ms rounds to 0: no task; a wait of 0.001 ms is not drawn and
    // does not move the cursor; 0.12346 rounds to 0.1235.
    const CompatResult result = run_compat(document_with(
        {step("tiny", 0.00004), step("a", 0.12346, 0, 0.001), step("b", 0.1, 0, 0.0012)}, {}));
    const json::array& tasks = tasks_of(result);
    ASSERT_EQ(tasks.size(), 3u);
    EXPECT_EQ(tasks[0].at("id"), "task_1_compute");
    EXPECT_EQ(json_differences(json::object{{"start", 0.0}, {"end", 123.5}, {"compute_time_us", 123.5}}, tasks[0]), "");
    EXPECT_EQ(json_differences(json::object{{"start", 123.5}, {"end", 223.5}}, tasks[1]), "");
    EXPECT_EQ(json_differences(json::object{{"id", "task_2_wait"}, {"start", 223.5}, {"end", 224.7}, {"type", "idle"}},
                               tasks[2]),
              "");
    EXPECT_EQ(json_differences(json::object{{"start", 0.0}, {"end", 224.7}}, result.summary.at("gantt_chart").at("timeRange")),
              "");
    EXPECT_EQ(result.summary.at("gantt_chart").at("phaseTransition"), nullptr);  // ttft 0
}

TEST(CompatE1, NoTasksGiveAZeroRange)
{
    const CompatResult result = run_compat(document_with({step("tiny", 0.00001)}, {}));
    EXPECT_TRUE(tasks_of(result).empty());
    EXPECT_EQ(result.summary.at("gantt_chart").at("timeRange"), (json::object{{"start", 0}, {"end", 0}}));
    EXPECT_EQ(result.summary.at("stats").at("totalEvents"), 1);
}

}  // namespace
}  // namespace perfreport
