#include "summary_row.hpp"

#include <array>

namespace perfreport {
namespace json = boost::json;
namespace {

constexpr std::array<SummaryColumn, 25> columns = {{
    {"name", ""},
    {"input", ""},
    {"model", ""},
    {"chip_type", ""},
    {"chip_count", "", true},
    {"tp", "", true},
    {"pp", "", true},
    {"dp", "", true},
    {"ep", "", true},
    {"batch_size", "", true},
    {"input_seq_length", "", true},
    {"output_seq_length", "", true},
    {"phase", ""},
    {"ttft_ms", "ms", true},
    {"tpot_ms", "ms", true},
    {"tps", "tokens/s", true},
    {"tps_per_chip", "tokens/s", true},
    {"mfu", "ratio", true},
    {"mbu", "ratio", true},
    {"peak_memory_gb", "GB", true},
    {"total_cost", "USD", true},
    {"cost_per_million_tokens", "USD", true},
    {"status", ""},
    {"reason", ""},
    {"pareto", ""},
}};

SummaryRow empty_row(std::string_view name, std::string_view input)
{
    SummaryRow row;
    row.reserve(columns.size());
    for (const auto& column : columns) row.emplace(column.key, nullptr);
    row["name"] = name;
    row["input"] = input;
    row["status"] = "ok";
    return row;
}

const json::object* object_at(const json::object& parent, std::string_view key)
{
    const json::value* value = parent.if_contains(key);
    return value != nullptr ? value->if_object() : nullptr;
}

// Copies parent[key] into row[column] when it is a scalar.
void copy_value(SummaryRow& row, std::string_view column, const json::object* parent, std::string_view key)
{
    if (parent == nullptr) return;
    const json::value* value = parent->if_contains(key);
    if (value != nullptr && (value->is_string() || value->is_number() || value->is_bool())) row[column] = *value;
}

const Section* section_of(const ReportingReport& report, std::string_view id)
{
    for (const auto& section : report.sections) {
        if (section.id == id) return &section;
    }
    return nullptr;
}

void copy_configuration(SummaryRow& row, const json::object& context)
{
    copy_value(row, "model", object_at(context, "model"), "name");
    const json::object* hardware = object_at(context, "hardware");
    copy_value(row, "chip_type", hardware, "chip_type");
    copy_value(row, "chip_count", hardware, "chip_count");
    const json::object* deployment = object_at(context, "deployment");
    for (const std::string_view key : {"tp", "pp", "dp", "ep", "batch_size", "input_seq_length", "output_seq_length"}) {
        copy_value(row, key, deployment, key);
    }
    if (deployment != nullptr) {
        if (const json::value* prefill = deployment->if_contains("is_prefill"); prefill && prefill->is_bool()) {
            row["phase"] = prefill->get_bool() ? "prefill" : "decode";
        }
    }
}

void copy_results(SummaryRow& row, const ReportingReport& report)
{
    for (const std::string_view key : {"ttft_ms", "tpot_ms", "tps", "mfu", "mbu"}) {
        copy_value(row, key, &report.performance, key);
    }
    const json::value tps = row.at("tps");
    const json::value chips = row.at("chip_count");
    if (tps.is_number() && chips.is_number() && chips.to_number<double>() > 0) {
        row["tps_per_chip"] = tps.to_number<double>() / chips.to_number<double>();
    }
    if (const Section* memory = section_of(report, "memory")) {
        copy_value(row, "peak_memory_gb", &memory->summary, "total_per_chip_gb");
    }
    if (const Section* cost = section_of(report, "cost")) {
        copy_value(row, "total_cost", &cost->summary, "total_cost");
        copy_value(row, "cost_per_million_tokens", &cost->summary, "cost_per_million_tokens");
    }
}

}  // namespace

std::span<const SummaryColumn> summary_columns()
{
    return columns;
}

SummaryRow unanalyzed_row(std::string_view name, std::string_view input, std::string_view reason)
{
    SummaryRow row = empty_row(name, input);
    set_failed(row, reason);
    return row;
}

SummaryRow analyzed_row(std::string_view name, std::string_view input, const json::object& context,
                        const ReportingReport& report)
{
    SummaryRow row = empty_row(name, input);
    copy_configuration(row, context);
    copy_results(row, report);
    return row;
}

void set_failed(SummaryRow& row, std::string_view reason)
{
    row["status"] = "failed";
    row["reason"] = reason;
}

bool row_ok(const SummaryRow& row)
{
    const json::value* status = row.if_contains("status");
    return status != nullptr && status->is_string() && status->get_string() == "ok";
}

}  // namespace perfreport
