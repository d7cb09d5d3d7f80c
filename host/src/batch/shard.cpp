#include "shard.hpp"

#include <charconv>
#include <stdexcept>

namespace perfreport {
namespace {

std::optional<std::size_t> whole_number(std::string_view text)
{
    std::size_t value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || result.ec != std::errc{} || result.ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

std::size_t slurm_number(const std::function<const char*(const char*)>& lookup, const char* name,
                         std::size_t fallback)
{
    const char* text = lookup(name);
    if (text == nullptr) return fallback;
    const auto value = whole_number(text);
    if (!value) throw std::invalid_argument(std::string(name) + "='" + text + "' is not a whole number");
    return *value;
}

}  // namespace

ShardSpec parse_shard(std::string_view text)
{
    const auto slash = text.find('/');
    const auto index = whole_number(text.substr(0, slash));
    const auto count = slash == std::string_view::npos ? std::nullopt : whole_number(text.substr(slash + 1));
    if (!index || !count) {
        throw std::invalid_argument("--shard '" + std::string(text) + "' must be K/N, e.g. 0/4");
    }
    if (*count == 0 || *index >= *count) {
        throw std::invalid_argument("--shard " + std::string(text) + ": K must be at least 0 and below N");
    }
    return {*index, *count};
}

std::optional<ShardSpec> shard_from_slurm(const std::function<const char*(const char*)>& lookup)
{
    if (lookup("SLURM_ARRAY_TASK_ID") == nullptr) return std::nullopt;
    if (lookup("SLURM_ARRAY_TASK_COUNT") == nullptr) {
        throw std::invalid_argument("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not");
    }
    const std::size_t id = slurm_number(lookup, "SLURM_ARRAY_TASK_ID", 0);
    const std::size_t count = slurm_number(lookup, "SLURM_ARRAY_TASK_COUNT", 0);
    const std::size_t min = slurm_number(lookup, "SLURM_ARRAY_TASK_MIN", 0);
    const std::size_t step = slurm_number(lookup, "SLURM_ARRAY_TASK_STEP", 1);
    const std::string values = "SLURM_ARRAY_TASK_ID=" + std::to_string(id) + ", SLURM_ARRAY_TASK_MIN=" +
                               std::to_string(min) + ", SLURM_ARRAY_TASK_STEP=" + std::to_string(step) +
                               ", SLURM_ARRAY_TASK_COUNT=" + std::to_string(count);
    if (count == 0 || step == 0 || id < min || (id - min) % step != 0 || (id - min) / step >= count) {
        throw std::invalid_argument(values + " do not make a shard: the array must be an evenly spaced "
                                    "range such as --array=0-7 (or pass --shard K/N)");
    }
    return ShardSpec{(id - min) / step, count};
}

}  // namespace perfreport
