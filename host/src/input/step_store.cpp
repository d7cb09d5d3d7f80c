#include "step_store.hpp"

namespace perfreport {

namespace {

// Typical op_id length in U's outputs ("layers.12.attention_qkv_proj").
constexpr std::size_t expected_op_id_chars = 32;

std::optional<std::span<const char>> text_of(const StepRecord::OptionalText& text)
{
    if (!text.present) return std::nullopt;
    return std::span<const char>(text.value.data(), text.value.size());
}

}  // namespace

void StepRecord::clear()
{
    op_id.clear();
    t_compute = t_comm = t_wait = t_total = 0;
    bottleneck = PR_BOTTLENECK_UNKNOWN;
    flops = bytes_read = bytes_write = 0;
    for (auto& text : meta_text) {
        text.value.clear();
        text.present = false;
    }
    meta_int.fill(std::nullopt);
    chip_ids.values.clear();
    chip_ids.present = false;
}

void StepStore::reserve(std::size_t rows)
{
    reserve_rows_ = rows;
    op_id_.reserve(rows);
    op_id_.reserve_pool(rows * expected_op_id_chars);
    for (auto* column : {&t_compute_, &t_comm_, &t_wait_, &t_total_}) column->reserve(rows);
    for (auto* column : {&bottleneck_, &flops_, &bytes_read_, &bytes_write_}) column->reserve(rows);
}

void StepStore::append(const StepRecord& step)
{
    const std::uint64_t row = size();
    op_id_.push(step.op_id);
    t_compute_.push(step.t_compute);
    t_comm_.push(step.t_comm);
    t_wait_.push(step.t_wait);
    t_total_.push(step.t_total);
    bottleneck_.push(step.bottleneck);
    flops_.push(step.flops);
    bytes_read_.push(step.bytes_read);
    bytes_write_.push(step.bytes_write);
    for (std::size_t i = 0; i < meta_text_count; ++i) meta_text_[i].push(text_of(step.meta_text[i]), row, reserve_rows_);
    for (std::size_t i = 0; i < meta_int_count; ++i) meta_int_[i].push(step.meta_int[i], row, reserve_rows_);
    chip_ids_.push(step.chip_ids.present ? std::optional<std::span<const std::int64_t>>(step.chip_ids.values)
                                         : std::nullopt,
                   row, reserve_rows_);
}

std::string_view StepStore::op_id(std::uint64_t row) const
{
    const auto chars = op_id_.at(row);
    return {chars.data(), chars.size()};
}

std::optional<std::int64_t> StepStore::meta_int(MetaInt column, std::uint64_t row) const
{
    const auto& values = meta_int_[static_cast<std::size_t>(column)];
    if (values.is_null(row)) return std::nullopt;
    return values.at(row);
}

PR_StepTable StepStore::view() const
{
    const std::uint64_t rows = size();
    const auto text = [&](MetaText c, const char* name) {
        return meta_text_[static_cast<std::size_t>(c)].view(name, "", rows);
    };
    const auto integer = [&](MetaInt c, const char* name, const char* unit) {
        return meta_int_[static_cast<std::size_t>(c)].view(name, unit, rows);
    };
    PR_StepTable table{};
    table.struct_size = sizeof(PR_StepTable);
    table.count = rows;
    table.op_id = op_id_.view("op_id", "");
    table.t_compute = t_compute_.view("t_compute", "ms");
    table.t_comm = t_comm_.view("t_comm", "ms");
    table.t_wait = t_wait_.view("t_wait", "ms");
    table.t_total = t_total_.view("t_total", "ms");
    table.bottleneck = bottleneck_.view("bottleneck", "");
    table.flops = flops_.view("flops", "FLOP");
    table.bytes_read = bytes_read_.view("bytes_read", "B");
    table.bytes_write = bytes_write_.view("bytes_write", "B");
    table.meta_evaluator = text(MetaText::evaluator, "meta_evaluator");
    table.meta_comm_type = text(MetaText::comm_type, "meta_comm_type");
    table.meta_path_key = text(MetaText::path_key, "meta_path_key");
    table.meta_chip_ids = chip_ids_.view("meta_chip_ids", "", rows);
    table.meta_comm_bytes = integer(MetaInt::comm_bytes, "meta_comm_bytes", "B");
    table.meta_reason = text(MetaText::reason, "meta_reason");
    table.meta_phase = integer(MetaInt::phase, "meta_phase", "");
    table.meta_pp_stage = integer(MetaInt::pp_stage, "meta_pp_stage", "");
    table.meta_layer_index = integer(MetaInt::layer_index, "meta_layer_index", "");
    table.meta_token_index = integer(MetaInt::token_index, "meta_token_index", "");
    table.meta_device_id = text(MetaText::device_id, "meta_device_id");
    table.meta_task_type = text(MetaText::task_type, "meta_task_type");
    return table;
}

}  // namespace perfreport
