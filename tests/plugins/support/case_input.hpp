// The steps and context of a reference case input (SPEC 1), read with the
// Boost.JSON DOM and resolved as the host would for an analyzer.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "fakes/step_table.hpp"
#include "perfreport/abi.h"
#include "perfreport/sdk/json_parse.hpp"
#include "file_text.hpp"
#include "upstream_case.hpp"

namespace perfreport::testing {

struct CaseInput {
    std::vector<fakes::StepRow> steps;
    std::string context_json;
};

inline std::int64_t bottleneck_code(std::string_view tag)
{
    if (tag == "COMPUTE_BOUND") return PR_BOTTLENECK_COMPUTE_BOUND;
    if (tag == "BW_BOUND") return PR_BOTTLENECK_BW_BOUND;
    if (tag == "LATENCY_BOUND") return PR_BOTTLENECK_LATENCY_BOUND;
    return PR_BOTTLENECK_UNKNOWN;
}

inline CaseInput read_case_input(const std::filesystem::path& file)
{
    const boost::json::value input = test::read_json(file);
    const auto number = [](const boost::json::object& step, const char* key) {
        const auto* value = step.if_contains(key);
        return value == nullptr ? 0.0 : value->to_number<double>();
    };
    const auto integer = [](const boost::json::object& step, const char* key) {
        const auto* value = step.if_contains(key);
        return value == nullptr ? std::int64_t{0} : value->to_number<std::int64_t>();
    };
    CaseInput result;
    for (const auto& element : input.at("step_metrics").as_array()) {
        const auto& step = element.as_object();
        fakes::StepRow row;
        row.op_id = step.at("op_id").as_string();
        row.t_compute = number(step, "t_compute");
        row.t_comm = number(step, "t_comm");
        row.t_wait = number(step, "t_wait");
        row.t_total = number(step, "t_total");
        // SPEC 1.2: an absent or zero t_total is the sum of the three.
        if (row.t_total == 0) row.t_total = row.t_compute + row.t_comm + row.t_wait;
        const auto* tag = step.if_contains("bottleneck_tag");
        row.bottleneck = tag == nullptr ? PR_BOTTLENECK_UNKNOWN : bottleneck_code(tag->as_string());
        row.flops = integer(step, "flops");
        row.bytes_read = integer(step, "bytes_read");
        row.bytes_write = integer(step, "bytes_write");
        result.steps.push_back(std::move(row));
    }
    result.context_json = boost::json::serialize(input.at("context"));
    return result;
}

}  // namespace perfreport::testing
