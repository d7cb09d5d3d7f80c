// SPEC 5.1, example E1: the steps and hardware context an analyzer sees.
#pragma once

#include <vector>

#include "fakes/step_table.hpp"
#include "perfreport/abi.h"

namespace perfreport::testing {

inline const std::vector<fakes::StepRow> e1_steps{
    {"layers.0.mla_q_a", 0.05, 0, 0, 0.05, PR_BOTTLENECK_COMPUTE_BOUND, 2000000000, 6000000, 4000000},
    {"layers.0.mla_out_proj_comm", 0, 0.1, 0, 0.1, PR_BOTTLENECK_BW_BOUND, 0, 1048576, 1048576},
    {"layers.1.ffn_down", 0.1, 0, 0.02, 0.12, PR_BOTTLENECK_BW_BOUND, 100000000, 60000000, 40000000},
    {"layers.1.pp_send_p2p", 0, 0.02, 0, 0.02, PR_BOTTLENECK_LATENCY_BOUND, 0, 500000, 500000},
};

inline constexpr const char* e1_context = R"({"hardware": {"chip_type": "SG2262", "chip_count": 8,
    "compute_tflops": 100, "memory_bandwidth_gbps": 2000, "memory_capacity_gb": 128}})";

}  // namespace perfreport::testing
