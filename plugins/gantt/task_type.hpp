// The gantt task types of SPEC 2.5 (U's enum, bubble per S): name, colour, row.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace perfreport::gantt {

enum class TaskType : std::uint8_t {
    compute, embedding, layernorm, attention, attention_qkv, attention_score, attention_softmax,
    attention_output, ffn, ffn_gate, ffn_up, ffn_down, lm_head,
    mla_q_lora, mla_kv_lora, mla_attn_fc,
    moe_gate, moe_expert, moe_shared_expert,
    tp_comm, pp_comm, ep_comm, dp_comm, allreduce, allgather, alltoall, p2p,
    memory_read, memory_write, weight_load, kv_cache,
    bubble, idle,
};

struct TaskTypeInfo {
    TaskType type;
    std::string_view name;
    std::string_view color;
    bool is_network;  // drawn on the stage's network row, else on its compute row
};

// In enum order, so a type indexes its own entry.
inline constexpr std::array task_type_table{
    TaskTypeInfo{TaskType::compute, "compute", "#52c41a", false},
    TaskTypeInfo{TaskType::embedding, "embedding", "#73d13d", false},
    TaskTypeInfo{TaskType::layernorm, "layernorm", "#95de64", false},
    TaskTypeInfo{TaskType::attention, "attention", "#389e0d", false},
    TaskTypeInfo{TaskType::attention_qkv, "attention_qkv", "#389e0d", false},
    TaskTypeInfo{TaskType::attention_score, "attention_score", "#52c41a", false},
    TaskTypeInfo{TaskType::attention_softmax, "attention_softmax", "#73d13d", false},
    TaskTypeInfo{TaskType::attention_output, "attention_output", "#95de64", false},
    TaskTypeInfo{TaskType::ffn, "ffn", "#237804", false},
    TaskTypeInfo{TaskType::ffn_gate, "ffn_gate", "#237804", false},
    TaskTypeInfo{TaskType::ffn_up, "ffn_up", "#389e0d", false},
    TaskTypeInfo{TaskType::ffn_down, "ffn_down", "#52c41a", false},
    TaskTypeInfo{TaskType::lm_head, "lm_head", "#135200", false},
    TaskTypeInfo{TaskType::mla_q_lora, "mla_q_lora", "#13c2c2", false},
    TaskTypeInfo{TaskType::mla_kv_lora, "mla_kv_lora", "#36cfc9", false},
    TaskTypeInfo{TaskType::mla_attn_fc, "mla_attn_fc", "#08979c", false},
    TaskTypeInfo{TaskType::moe_gate, "moe_gate", "#f759ab", false},
    TaskTypeInfo{TaskType::moe_expert, "moe_expert", "#eb2f96", false},
    TaskTypeInfo{TaskType::moe_shared_expert, "moe_shared_expert", "#c41d7f", false},
    TaskTypeInfo{TaskType::tp_comm, "tp_comm", "#1890ff", true},
    TaskTypeInfo{TaskType::pp_comm, "pp_comm", "#722ed1", true},
    TaskTypeInfo{TaskType::ep_comm, "ep_comm", "#eb2f96", true},
    TaskTypeInfo{TaskType::dp_comm, "dp_comm", "#531dab", true},
    TaskTypeInfo{TaskType::allreduce, "allreduce", "#1890ff", true},
    TaskTypeInfo{TaskType::allgather, "allgather", "#2f54eb", true},
    TaskTypeInfo{TaskType::alltoall, "alltoall", "#9254de", true},
    TaskTypeInfo{TaskType::p2p, "p2p", "#722ed1", true},
    TaskTypeInfo{TaskType::memory_read, "memory_read", "#ffd666", false},
    TaskTypeInfo{TaskType::memory_write, "memory_write", "#ffc53d", false},
    TaskTypeInfo{TaskType::weight_load, "weight_load", "#d48806", false},
    TaskTypeInfo{TaskType::kv_cache, "kv_cache", "#faad14", false},
    TaskTypeInfo{TaskType::bubble, "bubble", "#d9d9d9", false},
    TaskTypeInfo{TaskType::idle, "idle", "#d9d9d9", false},
};

constexpr bool table_follows_enum_order()
{
    for (std::size_t i = 0; i < task_type_table.size(); ++i) {
        if (static_cast<std::size_t>(task_type_table[i].type) != i) return false;
    }
    return task_type_table.back().type == TaskType::idle;
}
static_assert(table_follows_enum_order(), "task_type_table lists every TaskType in enum order");

inline const TaskTypeInfo& describe(TaskType type)
{
    return task_type_table[static_cast<std::size_t>(type)];
}

// S's names accepted in meta.task_type for U's types.
struct TaskTypeAlias {
    std::string_view name;
    TaskType type;
};

inline constexpr std::array task_type_aliases{
    TaskTypeAlias{"mla_q_proj", TaskType::mla_q_lora}, TaskTypeAlias{"mla_kv_proj", TaskType::mla_kv_lora},
    TaskTypeAlias{"moe_router", TaskType::moe_gate},   TaskTypeAlias{"hbm_read", TaskType::memory_read},
    TaskTypeAlias{"hbm_write", TaskType::memory_write},
};

namespace detail {

inline bool equals_lower_case(std::string_view text, std::string_view lower)
{
    if (text.size() != lower.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
        if (c != lower[i]) return false;
    }
    return true;
}

}  // namespace detail

// The type a meta.task_type names (a type or an alias, ASCII case ignored);
// nullopt for any other text.
inline std::optional<TaskType> task_type_named(std::string_view name)
{
    for (const auto& info : task_type_table) {
        if (detail::equals_lower_case(name, info.name)) return info.type;
    }
    for (const auto& alias : task_type_aliases) {
        if (detail::equals_lower_case(name, alias.name)) return alias.type;
    }
    return std::nullopt;
}

}  // namespace perfreport::gantt
