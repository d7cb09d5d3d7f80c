// The keys of an EngineResult, schema 1 (SPEC 1.1-1.4), in the spec's order.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace perfreport::schema {

enum class Top { format, schema_version, granularity, step_metrics, aggregates, trace_meta, context, options, producer };
inline constexpr std::array<std::string_view, 9> top_keys = {
    "format", "schema_version", "granularity", "step_metrics", "aggregates",
    "trace_meta", "context", "options", "producer"};

enum class Step { op_id, t_compute, t_comm, t_wait, t_total, bottleneck_tag, flops, bytes_read, bytes_write, meta };
inline constexpr std::array<std::string_view, 10> step_keys = {
    "op_id", "t_compute", "t_comm", "t_wait", "t_total", "bottleneck_tag", "flops", "bytes_read", "bytes_write", "meta"};

// The meta keys perfreport reads (SPEC 1.3 "Read by"); every other one is carried raw.
enum class Meta {
    evaluator, comm_type, path_key, reason, device_id, task_type,  // strings
    chip_ids,                                                       // integer array
    comm_bytes, phase, pp_stage, layer_index, token_index,          // integers (phase: a name, stored as a code)
};
inline constexpr std::array<std::string_view, 12> meta_keys = {
    "evaluator", "comm_type", "path_key", "reason", "device_id", "task_type",
    "chip_ids", "comm_bytes", "phase", "pp_stage", "layer_index", "token_index"};

enum class Aggregate {
    ttft, tpot, tps, mfu, mbu, memory_peak, total_time, total_compute_time, total_comm_time,
    total_wait_time, total_flops, total_bytes, num_steps, bottleneck_summary,
};
inline constexpr std::array<std::string_view, 14> aggregate_keys = {
    "ttft", "tpot", "tps", "mfu", "mbu", "memory_peak", "total_time", "total_compute_time",
    "total_comm_time", "total_wait_time", "total_flops", "total_bytes", "num_steps", "bottleneck_summary"};

inline constexpr bool is_integer(Aggregate key)
{
    return key == Aggregate::memory_peak || key == Aggregate::total_flops || key == Aggregate::total_bytes ||
           key == Aggregate::num_steps;
}

// Indexed by PR_BOTTLENECK_* and PR_GRANULARITY_* (abi/input.h).
inline constexpr std::array<std::string_view, 4> bottleneck_tags = {"COMPUTE_BOUND", "BW_BOUND", "LATENCY_BOUND",
                                                                    "UNKNOWN"};
inline constexpr std::array<std::string_view, 3> granularities = {"CHIP", "CORE", "LANE"};

// Finds a key of a fixed set. This runs for every key of every step: keys are
// bucketed by length, so a lookup compares one or two strings, not all of them.
template <std::size_t N>
class KeyIndex {
public:
    // A set with a key longer than max_length, or more than bucket_size keys of
    // one length, does not compile (the constant evaluation goes out of bounds).
    constexpr explicit KeyIndex(const std::array<std::string_view, N>& keys) : keys_(keys)
    {
        for (std::size_t i = 0; i < N; ++i) {
            const std::size_t length = keys[i].size();
            buckets_[length][counts_[length]++] = static_cast<std::uint8_t>(i);
        }
    }

    // Position of `key` in the set (exact match).
    constexpr std::optional<std::size_t> find(std::string_view key) const
    {
        if (key.size() >= max_length) return std::nullopt;
        for (std::size_t k = 0; k < counts_[key.size()]; ++k) {
            const std::size_t i = buckets_[key.size()][k];
            if (keys_[i] == key) return i;
        }
        return std::nullopt;
    }

private:
    static constexpr std::size_t max_length = 24;
    static constexpr std::size_t bucket_size = 4;

    std::array<std::string_view, N> keys_;
    std::array<std::array<std::uint8_t, bucket_size>, max_length> buckets_{};
    std::array<std::uint8_t, max_length> counts_{};
};

inline constexpr KeyIndex top_index{top_keys};
inline constexpr KeyIndex step_index{step_keys};
inline constexpr KeyIndex meta_index{meta_keys};
inline constexpr KeyIndex aggregate_index{aggregate_keys};
inline constexpr KeyIndex bottleneck_tag_index{bottleneck_tags};
inline constexpr KeyIndex granularity_index{granularities};

}  // namespace perfreport::schema
