// Which gantt task type a step gets from its op_id, and which one its
// communication segment gets (SPEC 2.5 "Name inference", "Segmented mode").
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "task_type.hpp"

namespace perfreport::gantt {

namespace detail {

struct KeywordRule {
    std::string_view keyword;  // lower case
    TaskType type;
};

// U's rules up to the MoE and MLA families, in U's order: the first keyword
// the op_id contains wins.
inline constexpr std::array leading_name_rules{
    KeywordRule{"allreduce", TaskType::allreduce}, KeywordRule{"allgather", TaskType::allgather},
    KeywordRule{"alltoall", TaskType::alltoall},   KeywordRule{"p2p", TaskType::p2p},
    KeywordRule{"tp_comm", TaskType::tp_comm},     KeywordRule{"tp comm", TaskType::tp_comm},
    KeywordRule{"pp_comm", TaskType::pp_comm},     KeywordRule{"pp comm", TaskType::pp_comm},
    KeywordRule{"attention", TaskType::attention}, KeywordRule{"attn", TaskType::attention},
    KeywordRule{"ffn", TaskType::ffn},             KeywordRule{"mlp", TaskType::ffn},
    KeywordRule{"embedding", TaskType::embedding}, KeywordRule{"layernorm", TaskType::layernorm},
    KeywordRule{"rmsnorm", TaskType::layernorm},
};

// meta.comm_type values that name a network type of their own; every other
// kind (reduce_scatter, reducescatter, unknown ones) is tp_comm.
inline constexpr std::array comm_kind_rules{
    KeywordRule{"allreduce", TaskType::allreduce}, KeywordRule{"allgather", TaskType::allgather},
    KeywordRule{"all2all", TaskType::alltoall},    KeywordRule{"alltoall", TaskType::alltoall},
    KeywordRule{"p2p", TaskType::p2p},             KeywordRule{"send", TaskType::p2p},
    KeywordRule{"recv", TaskType::p2p},
};

// An ASCII lower-case copy of a text: on the stack when short (op_ids
// are), so that a step costs no allocation.
class LowerCased {
public:
    explicit LowerCased(std::string_view text)
    {
        char* out = local_.data();
        if (text.size() > local_.size()) {
            heap_.resize(text.size());
            out = heap_.data();
        }
        for (std::size_t i = 0; i < text.size(); ++i) {
            const char c = text[i];
            out[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        }
        view_ = {out, text.size()};
    }
    LowerCased(const LowerCased&) = delete;
    LowerCased& operator=(const LowerCased&) = delete;

    std::string_view view() const noexcept { return view_; }

private:
    std::array<char, 128> local_;
    std::string heap_;
    std::string_view view_;
};

}  // namespace detail

// U's inference from the op_id, by SPEC's "contains" (substrings of the
// lower-cased op_id). The op_id is lower-cased once for its twenty-odd
// keywords, which makes this several times faster than contains() per keyword.
inline TaskType inferred_task_type(std::string_view op_id)
{
    const detail::LowerCased lower(op_id);
    const auto has = [text = lower.view()](std::string_view keyword) {
        return text.find(keyword) != std::string_view::npos;
    };
    for (const auto& rule : detail::leading_name_rules) {
        if (has(rule.keyword)) return rule.type;
    }
    if (has("moe")) {
        if (has("gate")) return TaskType::moe_gate;
        if (has("shared")) return TaskType::moe_shared_expert;
        return TaskType::moe_expert;
    }
    if (has("mla")) {
        if (has("q_lora")) return TaskType::mla_q_lora;
        if (has("kv_lora")) return TaskType::mla_kv_lora;
        return TaskType::mla_attn_fc;
    }
    if (has("lm_head")) return TaskType::lm_head;
    return TaskType::compute;
}

// The type of a step's communication segment: its own type when that is a
// network type, else the one its meta.comm_type names ("" when absent).
inline TaskType comm_segment_type(TaskType step_type, std::string_view comm_type)
{
    if (describe(step_type).is_network) return step_type;
    for (const auto& rule : detail::comm_kind_rules) {
        if (detail::equals_lower_case(comm_type, rule.keyword)) return rule.type;
    }
    return TaskType::tp_comm;
}

// The type of a step's compute segment: a network type computes as `compute`.
inline TaskType compute_segment_type(TaskType step_type)
{
    return describe(step_type).is_network ? TaskType::compute : step_type;
}

}  // namespace perfreport::gantt
