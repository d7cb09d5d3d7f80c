// The step list of an EngineResult as owned columns, exactly those of
// PR_StepTable (abi/input.h), filled one step at a time while parsing.
#pragma once

#include <perfreport/abi.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "step_columns.hpp"

namespace perfreport {

// The string and integer meta columns, in PR_StepTable's order.
enum class MetaText : std::size_t { evaluator, comm_type, path_key, reason, device_id, task_type };
enum class MetaInt : std::size_t { comm_bytes, phase, pp_stage, layer_index, token_index };
inline constexpr std::size_t meta_text_count = 6;
inline constexpr std::size_t meta_int_count = 5;

// One step as the parser gathers it. Reused from step to step, so its
// buffers keep their capacity and a million steps allocate nothing.
struct StepRecord {
    struct OptionalText {
        std::string value;
        bool present = false;
    };
    struct OptionalList {
        std::vector<std::int64_t> values;
        bool present = false;
    };

    std::string op_id;
    double t_compute = 0;
    double t_comm = 0;
    double t_wait = 0;
    double t_total = 0;  // resolved
    std::int64_t bottleneck = PR_BOTTLENECK_UNKNOWN;
    std::int64_t flops = 0;
    std::int64_t bytes_read = 0;
    std::int64_t bytes_write = 0;
    std::array<OptionalText, meta_text_count> meta_text;
    std::array<std::optional<std::int64_t>, meta_int_count> meta_int;
    OptionalList chip_ids;

    OptionalText& text(MetaText column) { return meta_text[static_cast<std::size_t>(column)]; }
    std::optional<std::int64_t>& integer(MetaInt column) { return meta_int[static_cast<std::size_t>(column)]; }
    void clear();
};

class StepStore {
public:
    // Room for about `rows` steps, so that a large input is not copied as it grows.
    void reserve(std::size_t rows);
    void append(const StepRecord& step);

    std::uint64_t size() const { return op_id_.size(); }
    std::string_view op_id(std::uint64_t row) const;
    std::optional<std::int64_t> meta_int(MetaInt column, std::uint64_t row) const;

    // Borrowed view, valid while the table lives and is not appended to.
    PR_StepTable view() const;

private:
    std::size_t reserve_rows_ = 0;
    StringStorage op_id_;
    Float64Storage t_compute_;
    Float64Storage t_comm_;
    Float64Storage t_wait_;
    Float64Storage t_total_;
    Int64Storage bottleneck_;
    Int64Storage flops_;
    Int64Storage bytes_read_;
    Int64Storage bytes_write_;
    std::array<Nullable<StringStorage>, meta_text_count> meta_text_;
    std::array<Nullable<Int64Storage>, meta_int_count> meta_int_;
    Nullable<Int64ListStorage> chip_ids_;
};

}  // namespace perfreport
