// An EngineResult (SPEC 1) after parsing and validation: steps as columns.
#pragma once

#include <perfreport/abi.h>

#include <boost/json/object.hpp>

#include <optional>
#include <string>

#include "raw_meta_store.hpp"
#include "step_store.hpp"

namespace perfreport {

struct EngineResult {
    int32_t granularity = PR_GRANULARITY_CHIP;  // PR_GRANULARITY_*
    std::string granularity_name;               // "CHIP", "CORE" or "LANE"
    StepStore steps;
    PR_Aggregates aggregates{};                 // struct_size set; counts resolved
    bool has_bottleneck_summary = false;
    boost::json::object trace_meta;             // {} when absent
    boost::json::object context;                // as in the input, {} when absent
    boost::json::object options;                // as in the input, {} when absent
    std::optional<std::string> producer;
    RawMetaStore raw_meta;                      // empty unless asked for
};

}  // namespace perfreport
