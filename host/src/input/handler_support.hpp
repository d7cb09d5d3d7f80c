// What the parts of EngineResultHandler share: enum arithmetic, key names,
// and how the expected value of each key is described in messages.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>

#include "input_schema.hpp"

namespace perfreport::handler {

using schema::Aggregate;
using schema::Meta;
using schema::Step;
using schema::Top;

// Findings made at the end sort after everything else of their step or member.
inline constexpr std::uint32_t last_event = std::numeric_limits<std::uint32_t>::max();
inline constexpr std::uint32_t end_of_document = std::numeric_limits<std::uint32_t>::max();

template <class Enum>
constexpr std::size_t index(Enum value)
{
    return static_cast<std::size_t>(value);
}

template <class Enum>
constexpr std::uint32_t bit(Enum value)
{
    return std::uint32_t{1} << index(value);
}

inline std::string name_of(Top key) { return std::string(schema::top_keys[index(key)]); }
inline std::string name_of(Step key) { return std::string(schema::step_keys[index(key)]); }
inline std::string name_of(Meta key) { return std::string(schema::meta_keys[index(key)]); }
inline std::string name_of(Aggregate key) { return std::string(schema::aggregate_keys[index(key)]); }

// approx() of SPEC 0.
inline bool approx(double a, double b)
{
    return std::fabs(a - b) <= 1e-6 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

inline std::string_view container_name(bool object) { return object ? "an object" : "an array"; }

// The code and the expected value when a top-level member has the wrong type or value.
inline std::pair<std::string_view, std::string_view> top_expectation(Top key)
{
    switch (key) {
    case Top::format: return {"E_FORMAT", "\"engine_result\""};
    case Top::schema_version: return {"E_SCHEMA_VERSION", "1 (this perfreport reads schema 1)"};
    case Top::granularity: return {"E_GRANULARITY", "one of \"CHIP\", \"CORE\", \"LANE\""};
    case Top::step_metrics: return {"E_TYPE", "an array"};
    case Top::producer: return {"E_TYPE", "a string"};
    case Top::aggregates:
    case Top::trace_meta:
    case Top::context:
    case Top::options: break;
    }
    return {"E_TYPE", "an object"};
}

inline std::string_view step_expectation(Step key)
{
    switch (key) {
    case Step::op_id:
    case Step::bottleneck_tag: return "a string";
    case Step::t_compute:
    case Step::t_comm:
    case Step::t_wait:
    case Step::t_total: return "a number";
    case Step::flops:
    case Step::bytes_read:
    case Step::bytes_write: return "an integer";
    case Step::meta: break;
    }
    return "an object";
}

inline std::string_view meta_expectation(Meta key)
{
    switch (key) {
    case Meta::chip_ids: return "an array of integers >= 0";
    case Meta::comm_bytes: return "an integer";
    case Meta::phase: return "\"prefill\" or \"decode\"";
    case Meta::pp_stage:
    case Meta::layer_index:
    case Meta::token_index: return "an integer >= 0";
    default: return "a string";
    }
}

inline std::string_view aggregate_expectation(Aggregate key)
{
    if (key == Aggregate::bottleneck_summary) return "an object";
    return schema::is_integer(key) ? "an integer" : "a number";
}

}  // namespace perfreport::handler
