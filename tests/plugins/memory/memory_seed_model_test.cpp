// The seed memory model (SPEC 2.3, the default) on SPEC 5.8's M1, E1's own
// context, and each knob of the seed formulas, computed by hand here.
#include <gtest/gtest.h>

#include "memory_run.hpp"

namespace perfreport {
namespace {
using namespace test;

TEST(MemorySeedModel, M1MatchesTheWorkedExample)
{
    const ReportingReport report = run_memory(m1_context());
    const boost::json::object& summary = memory_summary(report);
    EXPECT_EQ(summary.at("model").as_string(), "seed");
    // layer 256 + 384 + 16 = 656; (656·2 + 80)·2 / 2
    EXPECT_EQ(summary.at("weights_bytes").as_int64(), 1392);
    EXPECT_EQ(summary.at("kv_cache_bytes").as_int64(), 384);  // 2·3·4·2·2·2·2
    EXPECT_EQ(summary.at("activations_bytes").as_int64(), 192);  // 3·4·8·2·1.0
    EXPECT_EQ(summary.at("overhead_bytes").as_int64(), 0);
    EXPECT_EQ(summary.at("total_bytes").as_int64(), 1968);
    EXPECT_TRUE(near(summary.at("model_memory_gb"), 1392 / 1073741824.0));
    EXPECT_TRUE(near(summary.at("kv_cache_memory_gb"), 384 / 1073741824.0));
    EXPECT_TRUE(near(summary.at("activation_memory_gb"), 192 / 1073741824.0));
    EXPECT_EQ(summary.at("overhead_gb").as_double(), 0.0);
    EXPECT_TRUE(near(summary.at("total_per_chip_gb"), 1.8328428268432617e-06));
    EXPECT_TRUE(near(summary.at("memory_capacity_gb"), 128));
    EXPECT_EQ(summary.at("is_memory_sufficient"), true);
    EXPECT_TRUE(near(summary.at("memory_utilization"), 1.4319084584712982e-08));
    expect_m1_echo(summary);
    EXPECT_TRUE(diagnostics_with(report, "W_KV_HEADS_LT_TP").empty());
}

TEST(MemorySeedModel, E1OwnContextMatchesTheWorkedExample)
{
    const ReportingReport report = run_analyzers(parse_input(read_text(std::string(FIXTURES_DIR) + "/input/e1.json")),
                                                 {"memory"});
    const boost::json::object& summary = memory_summary(report);
    EXPECT_EQ(summary.at("weights_bytes").as_int64(), 696);  // (656·2 + 80)·2 / 4
    EXPECT_EQ(summary.at("kv_cache_bytes").as_int64(), 384);
    EXPECT_EQ(summary.at("activations_bytes").as_int64(), 192);
    EXPECT_EQ(summary.at("overhead_bytes").as_int64(), 0);
    EXPECT_EQ(summary.at("total_bytes").as_int64(), 1272);
    EXPECT_EQ(summary.at("tp").as_int64(), 4);
    EXPECT_EQ(summary.at("pp").as_int64(), 2);
    // E1 gives no kv_seq_len or q_seq_len: both default to input_seq_length 4 (a prefill).
    EXPECT_EQ(summary.at("kv_seq_len").as_int64(), 4);
    EXPECT_EQ(summary.at("q_seq_len").as_int64(), 4);
}

TEST(MemorySeedModel, ActivationDtypeSizesKvCacheAndActivationsButNotWeights)
{
    boost::json::object context = m1_context();
    model_of(context)["activation_dtype"] = "fp32";  // D7
    const boost::json::object& summary = memory_summary(run_memory(context));
    EXPECT_EQ(summary.at("weights_bytes").as_int64(), 1392);
    EXPECT_EQ(summary.at("kv_cache_bytes").as_int64(), 768);     // 2·3·4·2·2·2·4
    EXPECT_EQ(summary.at("activations_bytes").as_int64(), 384);  // 3·4·8·4
    EXPECT_EQ(summary.at("dtype_bytes").as_int64(), 2);
    EXPECT_EQ(summary.at("activation_dtype_bytes").as_int64(), 4);
}

TEST(MemorySeedModel, ActivationFactorScalesActivationsAndFloors)
{
    const auto activations = [](const std::string& factor) {
        return memory_summary(run_memory(m1_context(), {"memory.activation_factor=" + factor}))
            .at("activations_bytes")
            .as_int64();
    };
    // 3·4·8·2 = 192 B before the factor.
    EXPECT_EQ(activations("0.3"), 57);  // floor(57.6)
    EXPECT_EQ(activations("2.5"), 480);
    EXPECT_EQ(activations("0"), 0);
}

TEST(MemorySeedModel, IncludeOverheadAddsTheClampedOverhead)
{
    const boost::json::object& summary = memory_summary(run_memory(m1_context(), {"memory.include_overhead=true"}));
    // floor(0.15·(1392 + 384)) = 266, raised to the 500 MiB floor.
    EXPECT_EQ(summary.at("overhead_bytes").as_int64(), 524288000);
    EXPECT_EQ(summary.at("total_bytes").as_int64(), 1968 + 524288000);
}

TEST(MemorySeedModel, Int4FloorsTheHalfByte)
{
    boost::json::object context = m1_context();
    model_of(context)["weight_dtype"] = "int4";
    deployment_of(context)["tp"] = 5;
    const boost::json::object& summary = memory_summary(run_memory(context));
    EXPECT_EQ(summary.at("weights_bytes").as_int64(), 139);      // floor(1392·0.5 / 5) = floor(139.2)
    EXPECT_EQ(summary.at("kv_cache_bytes").as_int64(), 96);      // 2·3·4·2·2·2·0.5
    EXPECT_EQ(summary.at("activations_bytes").as_int64(), 48);   // 3·4·8·0.5
    EXPECT_EQ(summary.at("dtype_bytes").as_double(), 0.5);
    EXPECT_EQ(summary.at("activation_dtype_bytes").as_double(), 0.5);
}

TEST(MemorySeedModel, KvCacheIsPerReplicaWhateverTpAndPp)
{
    boost::json::object context = m1_context();
    deployment_of(context)["tp"] = 8;
    deployment_of(context)["pp"] = 2;
    const boost::json::object& summary = memory_summary(run_memory(context));
    EXPECT_EQ(summary.at("kv_cache_bytes").as_int64(), 384);  // D3: no division by tp or pp
    EXPECT_EQ(summary.at("weights_bytes").as_int64(), 348);   // 1392·2 / 8
}

TEST(MemorySeedModel, GivenHeadDimReplacesHiddenSizeOverHeads)
{
    boost::json::object context = m1_context();
    model_of(context)["head_dim"] = 3;
    EXPECT_EQ(memory_summary(run_memory(context)).at("kv_cache_bytes").as_int64(), 576);  // 2·3·4·2·3·2·2
}

}  // namespace
}  // namespace perfreport
