// The context analyzers see (PR_AnalyzerInput::context_json): the input's
// context with the fallbacks of SPEC 1.6 applied, plus trace_meta.
#pragma once

#include <boost/json/object.hpp>

#include "engine_result.hpp"

namespace perfreport {

// Fills only what the context lacks: hardware.chip_type <- trace_meta.chip;
// hardware.chip_count <- tp*pp*dp; hardware.compute_tflops <-
// trace_meta.hardware.compute_tflops, then trace_meta.peak_tflops;
// hardware.memory_bandwidth_gbps likewise; for the link levels c2c, b2b, r2r
// and p2p, topology.interconnect.links.<level>.bandwidth_gbps and .latency_us
// <- trace_meta.hardware.<level>_bandwidth_gbps and _latency_us; deployment
// tp, pp, dp, ep, moe_tp <- 1. trace_meta itself goes under "trace_meta". A
// key appears only when it has a value, so that the host can test a
// requirement by JSON pointer.
boost::json::object effective_context(const EngineResult& result);

}  // namespace perfreport
