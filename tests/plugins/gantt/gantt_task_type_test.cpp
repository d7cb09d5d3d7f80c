// Task types (SPEC 2.5): U's name inference, the colour table, rows, and
// meta.task_type with S's aliases.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "gantt_run.hpp"
#include "task_type_inference.hpp"

namespace perfreport {
namespace {
namespace json = boost::json;
using gantt::TaskType;
using test::document_with;
using test::run_gantt;

TEST(GanttNameInference, FirstMatchingRuleWins)
{
    const std::vector<std::pair<const char*, TaskType>> cases{
        {"layers.0.attn_allreduce", TaskType::allreduce},  // before attn
        {"embedding_allreduce", TaskType::allreduce},
        {"x.AllGather", TaskType::allgather},
        {"moe_alltoall", TaskType::alltoall},
        {"layers.1.pp_send_p2p", TaskType::p2p},
        {"layers.0.tp_comm", TaskType::tp_comm},
        {"TP Comm", TaskType::tp_comm},
        {"pp_comm.recv", TaskType::pp_comm},
        {"stage pp comm", TaskType::pp_comm},
        {"layers.0.self_attention", TaskType::attention},
        {"layers.0.mla_attn", TaskType::attention},  // attn before mla
        {"layers.0.ffn_down", TaskType::ffn},
        {"layers.0.mlp_up", TaskType::ffn},
        {"embedding", TaskType::embedding},
        {"layers.0.input_layernorm", TaskType::layernorm},
        {"layers.0.RMSNorm", TaskType::layernorm},
        {"layers.3.moe_gate", TaskType::moe_gate},
        {"layers.3.moe_shared_gate", TaskType::moe_gate},  // gate before shared
        {"layers.3.moe_shared_expert", TaskType::moe_shared_expert},
        {"layers.3.moe_expert_gate_dispatch", TaskType::moe_gate},
        {"layers.3.moe_expert_combine", TaskType::moe_expert},
        {"layers.0.mla_q_lora", TaskType::mla_q_lora},
        {"layers.0.MLA_KV_LORA", TaskType::mla_kv_lora},
        {"layers.0.mla_q_a", TaskType::mla_attn_fc},
        {"layers.0.mla_out_proj_comm", TaskType::mla_attn_fc},
        {"lm_head", TaskType::lm_head},
        {"LM_HEAD_proj", TaskType::lm_head},
        {"lmhead", TaskType::compute},  // only lm_head is U's keyword here
        {"layers.0.matmul", TaskType::compute},
        {"", TaskType::compute},
    };
    for (const auto& [op_id, type] : cases) {
        EXPECT_EQ(gantt::describe(gantt::inferred_task_type(op_id)).name, gantt::describe(type).name) << op_id;
    }
    // Longer than the on-stack copy of the op_id.
    EXPECT_EQ(gantt::inferred_task_type(std::string(300, 'X') + "_ffn"), TaskType::ffn);
}

// Per-step mode gives a step its own type, so meta.task_type shows directly.
json::array steps_typed(const std::vector<std::string>& task_types)
{
    json::array steps;
    for (const auto& type : task_types) {
        steps.push_back({{"op_id", "layers.0.mla_q_a"}, {"t_compute", 0.01}, {"meta", {{"task_type", type}}}});
    }
    return steps;
}

TEST(GanttTaskType, EveryTypeHasSpecsColourAndRow)
{
    // SPEC 2.5's table: type, colour, network row or not.
    const std::vector<std::tuple<std::string, std::string, bool>> table{
        {"compute", "#52c41a", false},          {"embedding", "#73d13d", false},
        {"layernorm", "#95de64", false},        {"attention", "#389e0d", false},
        {"attention_qkv", "#389e0d", false},    {"attention_score", "#52c41a", false},
        {"attention_softmax", "#73d13d", false}, {"attention_output", "#95de64", false},
        {"ffn", "#237804", false},              {"ffn_gate", "#237804", false},
        {"ffn_up", "#389e0d", false},           {"ffn_down", "#52c41a", false},
        {"lm_head", "#135200", false},          {"mla_q_lora", "#13c2c2", false},
        {"mla_kv_lora", "#36cfc9", false},      {"mla_attn_fc", "#08979c", false},
        {"moe_gate", "#f759ab", false},         {"moe_expert", "#eb2f96", false},
        {"moe_shared_expert", "#c41d7f", false}, {"tp_comm", "#1890ff", true},
        {"pp_comm", "#722ed1", true},           {"ep_comm", "#eb2f96", true},
        {"dp_comm", "#531dab", true},           {"allreduce", "#1890ff", true},
        {"allgather", "#2f54eb", true},         {"alltoall", "#9254de", true},
        {"p2p", "#722ed1", true},               {"memory_read", "#ffd666", false},
        {"memory_write", "#ffc53d", false},     {"weight_load", "#d48806", false},
        {"kv_cache", "#faad14", false},         {"bubble", "#d9d9d9", false},
        {"idle", "#d9d9d9", false},
    };
    std::vector<std::string> names;
    for (const auto& row : table) names.push_back(std::get<0>(row));
    const auto gantt = run_gantt(document_with(steps_typed(names)), {"gantt.mode=per_step"});
    ASSERT_EQ(gantt.tasks.size(), table.size());
    for (std::size_t i = 0; i < table.size(); ++i) {
        const auto& [type, colour, network] = table[i];
        EXPECT_EQ(gantt.tasks[i].at("type"), type.c_str());
        EXPECT_EQ(gantt.tasks[i].at("color"), colour.c_str()) << type;
        EXPECT_EQ(gantt.tasks[i].at("resource"), network ? "stage0_network" : "stage0_compute") << type;
    }
    EXPECT_TRUE(gantt.diagnostics.empty());
}

TEST(GanttTaskType, SeedNamesAreAliases)
{
    const auto gantt = run_gantt(document_with(steps_typed({"mla_q_proj", "mla_kv_proj", "moe_router", "hbm_read",
                                                            "hbm_write", "HBM_Read", "Weight_Load"})),
                                 {"gantt.mode=per_step"});
    const std::vector<std::pair<const char*, const char*>> expected{
        {"mla_q_lora", "#13c2c2"},  {"mla_kv_lora", "#36cfc9"}, {"moe_gate", "#f759ab"},
        {"memory_read", "#ffd666"}, {"memory_write", "#ffc53d"}, {"memory_read", "#ffd666"},
        {"weight_load", "#d48806"},
    };
    ASSERT_EQ(gantt.tasks.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(gantt.tasks[i].at("type"), expected[i].first) << i;
        EXPECT_EQ(gantt.tasks[i].at("color"), expected[i].second) << i;
    }
}

TEST(GanttTaskType, OverrideAppliesToSegments)
{
    // A compute step typed kv_cache; a comm step typed allgather keeps it on
    // its comm part, whatever meta.comm_type says; a network type's compute part is `compute`.
    const auto gantt = run_gantt(document_with(json::parse(R"([
        {"op_id": "layers.0.ffn_down", "t_compute": 0.1, "meta": {"task_type": "kv_cache"}},
        {"op_id": "layers.0.x", "t_compute": 0.1, "t_comm": 0.1,
         "meta": {"task_type": "allgather", "comm_type": "allreduce"}}])").as_array()));
    ASSERT_EQ(gantt.tasks.size(), 3u);
    EXPECT_EQ(gantt.tasks[0].at("type"), "kv_cache");
    EXPECT_EQ(gantt.tasks[0].at("color"), "#faad14");
    EXPECT_EQ(gantt.tasks[1].at("type"), "compute");
    EXPECT_EQ(gantt.tasks[2].at("type"), "allgather");
    EXPECT_EQ(gantt.tasks[2].at("resource"), "stage0_network");
}

TEST(GanttTaskType, UnknownTypeWarnsOnceAndFallsBackToInference)
{
    const auto gantt = run_gantt(document_with(json::parse(R"([
        {"op_id": "layers.0.ffn_down", "t_compute": 0.1},
        {"op_id": "layers.0.ffn_up", "t_compute": 0.1, "meta": {"task_type": "warp_drive"}},
        {"op_id": "layers.0.attn", "t_compute": 0.1, "meta": {"task_type": "warp_drive"}}])").as_array()));
    EXPECT_EQ(gantt.tasks[1].at("type"), "ffn");
    EXPECT_EQ(gantt.tasks[2].at("type"), "attention");
    std::vector<const Diagnostic*> warnings;
    for (const auto& d : gantt.diagnostics) {
        if (d.code == "W_UNKNOWN_TASK_TYPE") warnings.push_back(&d);
    }
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0]->level, Severity::warning);
    EXPECT_EQ(warnings[0]->where, "/step_metrics/1/meta/task_type");
    EXPECT_NE(warnings[0]->message.find("'warp_drive' (on 2 step(s))"), std::string::npos) << warnings[0]->message;
}

}  // namespace
}  // namespace perfreport
