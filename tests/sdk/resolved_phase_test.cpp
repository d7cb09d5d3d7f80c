// SPEC 1.9's phase rules, in their order of precedence.
#include <gtest/gtest.h>

#include <perfreport/sdk/contains.hpp>
#include <perfreport/sdk/resolved_phase.hpp>

#include <boost/json/parse.hpp>

#include "host_run.hpp"

namespace perfreport {
namespace {

TEST(Contains, IsCaseInsensitiveOnTheText)
{
    EXPECT_TRUE(contains("Layers.3.MoE_Gate", "moe_gate"));
    EXPECT_TRUE(contains("abc", ""));
    EXPECT_FALSE(contains("ab", "abc"));
    EXPECT_FALSE(contains("mla_q", "mlp"));
}

TEST(ResolvedPhase, MetaThenOpIdThenDeploymentThenPrefill)
{
    // Step 0: meta wins over the name; step 3: prefill is looked for first.
    const EngineResult input = test::parse_input(R"({"format": "engine_result", "schema_version": 1,
        "granularity": "CHIP", "step_metrics": [
          {"op_id": "decode_step", "meta": {"phase": "Prefill"}}, {"op_id": "x.Prefill.attn"},
          {"op_id": "x.DECODE.attn"}, {"op_id": "prefill_then_decode"}, {"op_id": "layers.0.ffn"}],
        "aggregates": {"ttft": 0, "tpot": 0, "tps": 0, "mfu": 0, "mbu": 0, "memory_peak": 0,
          "total_time": 0, "total_compute_time": 0, "total_comm_time": 0, "total_wait_time": 0,
          "total_flops": 0, "total_bytes": 0, "num_steps": 5}})");
    const PR_StepTable view = input.steps.view();
    const StepTable steps(view);

    const PhaseResolver decode_run(steps, boost::json::parse(R"({"deployment": {"is_prefill": false}})").as_object());
    EXPECT_EQ(decode_run(0), PR_PHASE_PREFILL);
    EXPECT_EQ(decode_run(1), PR_PHASE_PREFILL);
    EXPECT_EQ(decode_run(2), PR_PHASE_DECODE);
    EXPECT_EQ(decode_run(3), PR_PHASE_PREFILL);
    EXPECT_EQ(decode_run(4), PR_PHASE_DECODE);
    const PhaseResolver no_context(steps, boost::json::object{});
    EXPECT_EQ(no_context(4), PR_PHASE_PREFILL);
    EXPECT_STREQ(phase_name(PR_PHASE_DECODE), "decode");
}

}  // namespace
}  // namespace perfreport
