// Splitting a sweep into N deterministic slices: input i (in the sweep's
// order) belongs to shard i mod N, so shards stay balanced and the same
// input lands in the same shard on every machine.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace perfreport {

struct ShardSpec {
    std::size_t index = 0;  // K, 0 <= K < N
    std::size_t count = 1;  // N

    bool holds(std::size_t input_index) const { return input_index % count == index; }
    std::string text() const { return std::to_string(index) + "/" + std::to_string(count); }
    bool operator==(const ShardSpec&) const = default;
};

// "K/N" with 0 <= K < N; throws std::invalid_argument with a message.
ShardSpec parse_shard(std::string_view text);

// A Slurm job array task's shard: K = (SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN)
// / SLURM_ARRAY_TASK_STEP (MIN 0 and STEP 1 when unset), N =
// SLURM_ARRAY_TASK_COUNT. Nothing when SLURM_ARRAY_TASK_ID is unset; throws
// std::invalid_argument naming the variable when the values do not make a
// shard (an id list that is not an evenly spaced range, such as --array=1,4,5).
// `lookup` reads one variable (std::getenv in the command).
std::optional<ShardSpec> shard_from_slurm(const std::function<const char*(const char*)>& lookup);

}  // namespace perfreport
