// The upstream front end's task types and colours (SPEC 2.7): a step's type
// from the first keyword its op_id contains, a comm task's from the comm rule.
#pragma once

#include <cstdint>
#include <string_view>

#include "op_name.hpp"

namespace perfreport::compat {

struct TaskStyle {
    std::string_view type;
    std::string_view color;
};

struct KeywordStyle {
    Keyword keyword;
    TaskStyle style;
};

// In the upstream's priority order: the first keyword contained wins.
inline constexpr KeywordStyle keyword_styles[] = {
    {"q_lora_a", {"mm_q_lora_a", "#13c2c2"}},
    {"q_lora_b", {"mm_q_lora_b", "#13c2c2"}},
    {"kv_lora_a", {"mm_kv_lora_a", "#36cfc9"}},
    {"mla_q_proj", {"mm_q_lora_a", "#13c2c2"}},
    {"mla_kv_proj", {"mm_kv_lora_a", "#36cfc9"}},
    {"mla_qkv", {"attention_qkv", "#13c2c2"}},
    {"rmsnorm_q", {"rmsnorm_q_lora", "#95de64"}},
    {"rmsnorm_kv", {"rmsnorm_kv_lora", "#95de64"}},
    {"moe_gate", {"moe_gate", "#f759ab"}},
    {"moe_expert", {"moe_expert", "#eb2f96"}},
    {"moe_shared", {"moe_shared_expert", "#c41d7f"}},
    {"shared_expert", {"moe_shared_expert", "#c41d7f"}},
    {"routed_expert", {"moe_expert", "#eb2f96"}},
    {"attn_qkv", {"attention_qkv", "#389e0d"}},
    {"attn_score", {"attention_score", "#52c41a"}},
    {"attn_softmax", {"attention_softmax", "#a0d911"}},
    {"attn_output", {"attention_output", "#73d13d"}},
    {"attn_fc", {"attn_fc", "#389e0d"}},
    {"bmm_qk", {"bmm_qk", "#52c41a"}},
    {"bmm_sv", {"bmm_sv", "#52c41a"}},
    {"ffn_gate", {"ffn_gate", "#237804"}},
    {"ffn_up", {"ffn_up", "#389e0d"}},
    {"ffn_down", {"ffn_down", "#52c41a"}},
    {"gate_proj", {"ffn_gate", "#237804"}},
    {"up_proj", {"ffn_up", "#389e0d"}},
    {"down_proj", {"ffn_down", "#52c41a"}},
    {"ep_dispatch", {"ep_dispatch", "#f759ab"}},
    {"ep_combine", {"ep_combine", "#c41d7f"}},
    {"dispatch", {"ep_dispatch", "#f759ab"}},
    {"combine", {"ep_combine", "#c41d7f"}},
    {"tp_allreduce", {"tp_comm", "#1890ff"}},
    {"allreduce", {"tp_comm", "#1890ff"}},
    {"alltoall", {"ep_comm", "#eb2f96"}},
    {"p2p", {"pp_comm", "#722ed1"}},
    {"sp_allgather", {"sp_allgather", "#52c41a"}},
    {"sp_reduce_scatter", {"sp_reduce_scatter", "#73d13d"}},
    {"allgather", {"sp_allgather", "#52c41a"}},
    {"reduce_scatter", {"sp_reduce_scatter", "#73d13d"}},
    {"kv_cache_read", {"kv_cache_read", "#ffd666"}},
    {"kv_cache_write", {"kv_cache_write", "#ffec3d"}},
    {"weight_load", {"weight_load", "#fa8c16"}},
    {"hbm_read", {"hbm_read", "#ffc53d"}},
    {"hbm_write", {"hbm_write", "#fa8c16"}},
    {"pcie_h2d", {"pcie_h2d", "#faad14"}},
    {"pcie_d2h", {"pcie_d2h", "#d48806"}},
    {"mla", {"attention_qkv", "#13c2c2"}},
    {"moe", {"moe_expert", "#eb2f96"}},
    {"attention", {"attention_qkv", "#389e0d"}},
    {"attn", {"attention_qkv", "#389e0d"}},
    {"ffn", {"ffn_gate", "#237804"}},
    {"mlp", {"ffn_gate", "#237804"}},
    {"embedding", {"embedding", "#73d13d"}},
    {"embed", {"embedding", "#73d13d"}},
    {"layernorm", {"layernorm", "#95de64"}},
    {"rmsnorm", {"layernorm", "#95de64"}},
    {"lm_head", {"lm_head", "#135200"}},
    {"lmhead", {"lm_head", "#135200"}},
};

inline constexpr TaskStyle plain_compute{"compute", "#52c41a"};
inline constexpr TaskStyle idle{"idle", "#d9d9d9"};

// The style of a step's compute task (`linear`, the last keyword, is plain
// compute too, so it needs no row of its own).
inline const TaskStyle& compute_style(const OpName& op)
{
    for (const auto& entry : keyword_styles) {
        if (op.contains(entry.keyword)) return entry.style;
    }
    return plain_compute;
}

inline constexpr TaskStyle ep_dispatch{"ep_dispatch", "#f759ab"};
inline constexpr TaskStyle ep_combine{"ep_combine", "#c41d7f"};
inline constexpr TaskStyle ep_comm{"ep_comm", "#eb2f96"};
inline constexpr TaskStyle pp_comm{"pp_comm", "#722ed1"};
inline constexpr TaskStyle sp_allgather{"sp_allgather", "#52c41a"};
inline constexpr TaskStyle sp_reduce_scatter{"sp_reduce_scatter", "#73d13d"};
inline constexpr TaskStyle tp_comm{"tp_comm", "#1890ff"};

// The style of a step's comm task; `ep` and `pp` are the deployment's degrees.
inline const TaskStyle& comm_style(const OpName& op, std::int64_t ep, std::int64_t pp)
{
    if (op.contains("dispatch")) return ep_dispatch;
    if (op.contains("combine")) return ep_combine;
    if (op.contains("alltoall")) return ep_comm;
    if (op.contains("p2p") || op.contains("send_recv") || op.contains("pp_")) return pp_comm;
    if (op.contains("allgather")) return sp_allgather;
    if (op.contains("reduce_scatter")) return sp_reduce_scatter;
    if (ep > 1 && (op.contains("moe") || op.contains("expert"))) return ep_comm;
    if (pp > 1 && (op.contains("layer") || op.contains("stage"))) return pp_comm;
    return tp_comm;
}

}  // namespace perfreport::compat
