// The names of the PR_BOTTLENECK_* codes, as the input spells them.
#pragma once

#include <cstdint>

#include "perfreport/abi.h"

namespace perfreport {

inline const char* bottleneck_name(std::int64_t code)
{
    switch (code) {
    case PR_BOTTLENECK_COMPUTE_BOUND: return "COMPUTE_BOUND";
    case PR_BOTTLENECK_BW_BOUND: return "BW_BOUND";
    case PR_BOTTLENECK_LATENCY_BOUND: return "LATENCY_BOUND";
    default: return "UNKNOWN";
    }
}

}  // namespace perfreport
