// Shared by the input tests: the fixtures, E1 (SPEC 5.1) as a DOM to change,
// and readers for the columns of a PR_StepTable.
#pragma once

#include <perfreport/sdk/json_parse.hpp>

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "input/engine_result_parser.hpp"

namespace perfreport::test {

inline std::filesystem::path fixture(std::string_view name)
{
    return std::filesystem::path(PERFREPORT_INPUT_FIXTURES) / name;
}

inline std::string read_text(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline boost::json::object e1() { return parse_json(read_text(fixture("e1.json"))).as_object(); }

inline boost::json::object& step(boost::json::object& document, std::size_t index)
{
    return document["step_metrics"].as_array()[index].as_object();
}

inline boost::json::object& aggregates(boost::json::object& document) { return document["aggregates"].as_object(); }

inline ParseOutcome parse(const boost::json::object& document, const ParseOptions& options = {})
{
    return parse_engine_result_text(boost::json::serialize(document), options);
}

// The codes of one level, in the order reported.
inline std::vector<std::string> codes(const ParseOutcome& outcome, Severity level)
{
    std::vector<std::string> out;
    for (const auto& d : outcome.diagnostics) {
        if (d.level == level) out.push_back(d.code);
    }
    return out;
}

inline std::vector<std::string> errors(const ParseOutcome& outcome) { return codes(outcome, Severity::error); }
inline std::vector<std::string> warnings(const ParseOutcome& outcome) { return codes(outcome, Severity::warning); }

// The diagnostics of one level, in order.
inline Diagnostics only(const ParseOutcome& outcome, Severity level)
{
    Diagnostics out;
    for (const auto& d : outcome.diagnostics) {
        if (d.level == level) out.push_back(d);
    }
    return out;
}

// The first diagnostic with `code`; fails the test when there is none.
inline Diagnostic first(const ParseOutcome& outcome, std::string_view code)
{
    for (const auto& d : outcome.diagnostics) {
        if (d.code == code) return d;
    }
    ADD_FAILURE() << "no " << code;
    return {};
}

inline double f64(const PR_Column& column, std::uint64_t row) { return static_cast<const double*>(column.values)[row]; }

inline std::int64_t i64(const PR_Column& column, std::uint64_t row)
{
    return static_cast<const std::int64_t*>(column.values)[row];
}

inline std::string_view text(const PR_Column& column, std::uint64_t row)
{
    const char* chars = static_cast<const char*>(column.values);
    return {chars + column.offsets[row], static_cast<std::size_t>(column.offsets[row + 1] - column.offsets[row])};
}

inline std::vector<std::int64_t> list(const PR_Column& column, std::uint64_t row)
{
    const auto* values = static_cast<const std::int64_t*>(column.values);
    return {values + column.offsets[row], values + column.offsets[row + 1]};
}

// Every column of PR_StepTable, in its order.
inline constexpr PR_Column PR_StepTable::*step_columns[] = {
    &PR_StepTable::op_id,           &PR_StepTable::t_compute,       &PR_StepTable::t_comm,
    &PR_StepTable::t_wait,          &PR_StepTable::t_total,         &PR_StepTable::bottleneck,
    &PR_StepTable::flops,           &PR_StepTable::bytes_read,      &PR_StepTable::bytes_write,
    &PR_StepTable::meta_evaluator,  &PR_StepTable::meta_comm_type,  &PR_StepTable::meta_path_key,
    &PR_StepTable::meta_chip_ids,   &PR_StepTable::meta_comm_bytes, &PR_StepTable::meta_reason,
    &PR_StepTable::meta_phase,      &PR_StepTable::meta_pp_stage,   &PR_StepTable::meta_layer_index,
    &PR_StepTable::meta_token_index, &PR_StepTable::meta_device_id, &PR_StepTable::meta_task_type,
};

inline bool is_null(const PR_Column& column, std::uint64_t row)
{
    return column.values == nullptr || (column.valid != nullptr && column.valid[row] == 0);
}

}  // namespace perfreport::test
