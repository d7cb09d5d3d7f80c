// The transformer block an operator belongs to, read from its op_id (SPEC 1.9).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "perfreport/sdk/step_table.hpp"

namespace perfreport {

namespace detail {

inline bool same_letter(char a, char lower_b)
{
    return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == lower_b;
}

inline bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

// Digits at `at`: their value and end, or nullopt when there are none or too
// many for an int64.
struct DigitRun {
    int64_t value;
    std::size_t end;
};

inline std::optional<DigitRun> digits_at(std::string_view text, std::size_t at)
{
    std::size_t end = at;
    int64_t value = 0;
    while (end < text.size() && is_digit(text[end])) {
        if (end - at >= 18) return std::nullopt;
        value = value * 10 + (text[end] - '0');
        ++end;
    }
    if (end == at) return std::nullopt;
    return DigitRun{value, end};
}

inline bool word_at(std::string_view text, std::size_t at, std::string_view lower_word)
{
    if (at + lower_word.size() > text.size()) return false;
    for (std::size_t i = 0; i < lower_word.size(); ++i) {
        if (!same_letter(text[at + i], lower_word[i])) return false;
    }
    return true;
}

}  // namespace detail

// The first of these patterns (case-insensitive, leftmost match) that matches
// `op_id`, group 1 as an integer; nullopt when none does:
//   layers\.(\d+)\.   layer[_\-]?(\d+)   L(\d+)\.   ^(\d+)[_\-]
// Hand-written rather than std::regex: it runs once per step.
inline std::optional<int64_t> layer_index_from_op_id(std::string_view op_id)
{
    using namespace detail;
    for (std::size_t at = 0; at < op_id.size(); ++at) {  // layers\.(\d+)\.
        if (!word_at(op_id, at, "layers.")) continue;
        const auto run = digits_at(op_id, at + 7);
        if (run && run->end < op_id.size() && op_id[run->end] == '.') return run->value;
    }
    for (std::size_t at = 0; at < op_id.size(); ++at) {  // layer[_\-]?(\d+)
        if (!word_at(op_id, at, "layer")) continue;
        std::size_t next = at + 5;
        if (next < op_id.size() && (op_id[next] == '_' || op_id[next] == '-')) {
            if (const auto run = digits_at(op_id, next + 1)) return run->value;
        }
        if (const auto run = digits_at(op_id, next)) return run->value;
    }
    for (std::size_t at = 0; at < op_id.size(); ++at) {  // L(\d+)\.
        if (!same_letter(op_id[at], 'l')) continue;
        const auto run = digits_at(op_id, at + 1);
        if (run && run->end < op_id.size() && op_id[run->end] == '.') return run->value;
    }
    if (const auto run = digits_at(op_id, 0)) {  // ^(\d+)[_\-]
        if (run->end < op_id.size() && (op_id[run->end] == '_' || op_id[run->end] == '-')) return run->value;
    }
    return std::nullopt;
}

// SPEC 1.9 "Layer index" of a step: meta.layer_index, else read from its op_id.
class LayerIndexResolver {
public:
    explicit LayerIndexResolver(const StepTable& steps)
        : op_ids_(steps.op_id()), layer_indices_(steps.meta_layer_index())
    {
    }

    std::optional<std::int64_t> operator()(std::size_t row) const
    {
        if (const auto layer = layer_indices_[row]) return layer;
        return layer_index_from_op_id(op_ids_[row]);
    }

private:
    StringColumn op_ids_;
    NullableInt64Column layer_indices_;
};

}  // namespace perfreport
