// The code memory model (SPEC 2.3, U; memory.model = "code") on SPEC 5.8's
// M1, M2, M3 and M4, and how the preset and options select it.
#include <gtest/gtest.h>

#include "memory_run.hpp"

namespace perfreport {
namespace {
using namespace test;

const std::vector<std::string> code_model{"memory.model=code"};

TEST(MemoryCodeModel, M1MatchesTheWorkedExample)
{
    const ReportingReport report = run_memory(m1_context(), code_model);
    const boost::json::object& summary = memory_summary(report);
    EXPECT_EQ(summary.at("model").as_string(), "code");
    // attn 64 + 32 + 32 + 64 = 192; dense 592; params 1184 + 80 = 1264; (1264 div 2)·2
    EXPECT_EQ(summary.at("weights_bytes").as_int64(), 1264);
    EXPECT_EQ(summary.at("kv_cache_bytes").as_int64(), 192);     // 3·4·2·2·(2 div 2)·2·2
    EXPECT_EQ(summary.at("activations_bytes").as_int64(), 192);  // 3·4·max(8, 16 div 2)·2
    EXPECT_EQ(summary.at("overhead_bytes").as_int64(), 524288000);  // floor(0.15·1456) = 218, clamped
    EXPECT_EQ(summary.at("total_bytes").as_int64(), 524289648);
    EXPECT_TRUE(near(summary.at("model_memory_gb"), 1264 / 1073741824.0));
    EXPECT_TRUE(near(summary.at("kv_cache_memory_gb"), 192 / 1073741824.0));
    EXPECT_TRUE(near(summary.at("activation_memory_gb"), 192 / 1073741824.0));
    EXPECT_TRUE(near(summary.at("overhead_gb"), 500.0 / 1024.0));
    EXPECT_TRUE(near(summary.at("total_per_chip_gb"), 0.48828278481960297));
    EXPECT_TRUE(near(summary.at("memory_capacity_gb"), 128));
    EXPECT_EQ(summary.at("is_memory_sufficient"), true);
    EXPECT_TRUE(near(summary.at("memory_utilization"), 0.003814709256403148));
    expect_m1_echo(summary);
    EXPECT_TRUE(diagnostics_with(report, "W_KV_HEADS_LT_TP").empty());
}

// M1 with num_moe_layers 1, E 4, S 1, mi 4, ep 2, MLA kv_lora_rank 16,
// qk_rope_head_dim 8, q_seq_len 1 (decode), fp8.
boost::json::object m2_context()
{
    boost::json::object context = m1_context();
    boost::json::object& model = model_of(context);
    model["weight_dtype"] = "fp8";
    model["num_dense_layers"] = 1;
    model["num_moe_layers"] = 1;
    model["moe"] = {{"num_routed_experts", 4}, {"num_shared_experts", 1}, {"num_activated_experts", 2},
                    {"intermediate_size", 4}};
    model["mla"] = {{"kv_lora_rank", 16}, {"qk_rope_head_dim", 8}, {"q_lora_rank", 12}};
    deployment_of(context)["ep"] = 2;
    deployment_of(context)["q_seq_len"] = 1;
    deployment_of(context)["is_prefill"] = false;
    return context;
}

TEST(MemoryCodeModel, M2MoeAndMlaMatchTheWorkedExample)
{
    const ReportingReport report = run_memory(m2_context(), code_model);
    const boost::json::object& summary = memory_summary(report);
    // expert 3·8·4 = 96; moe_layer 192 + 32 + 2·96 + 96 + 16 = 528; params 592 + 528 + 80 = 1200
    EXPECT_EQ(summary.at("weights_bytes").as_int64(), 600);
    EXPECT_EQ(summary.at("kv_cache_bytes").as_int64(), 288);  // 3·4·2·(16 div 2 + 8 div 2)·1
    EXPECT_EQ(summary.at("activations_bytes").as_int64(), 24);  // 3·1·8·1
    EXPECT_EQ(summary.at("overhead_bytes").as_int64(), 524288000);
    EXPECT_EQ(summary.at("total_bytes").as_int64(), 600 + 288 + 24 + 524288000);
    EXPECT_EQ(summary.at("dtype_bytes").as_int64(), 1);
    EXPECT_EQ(summary.at("q_seq_len").as_int64(), 1);
    EXPECT_EQ(summary.at("ep").as_int64(), 2);
    // MLA does not split KV heads: tp 2 > K would not matter either.
    EXPECT_TRUE(diagnostics_with(report, "W_KV_HEADS_LT_TP").empty());
}

TEST(MemoryCodeModel, MoeLayersWithoutRoutedExpertsCountNothingAsTheUpstream)
{
    boost::json::object context = m2_context();
    model_of(context)["mla"] = boost::json::object{};
    model_of(context)["moe"].as_object()["num_routed_experts"] = 0;
    // (2 − 1)·592 + 1·0 + 80 = 672 params, fp8, ÷ 2
    EXPECT_EQ(memory_summary(run_memory(context, code_model)).at("weights_bytes").as_int64(), 336);
}

TEST(MemoryCodeModel, M3Llama3_70bKvCacheIsTenGiB)
{
    const boost::json::object context = parse_json(R"({
      "model": {"name": "LLaMA-3-70B", "hidden_size": 8192, "num_layers": 80, "num_heads": 64, "num_kv_heads": 8,
                "intermediate_size": 28672, "vocab_size": 128256, "weight_dtype": "bf16"},
      "deployment": {"tp": 4, "batch_size": 32, "kv_seq_len": 4096, "q_seq_len": 1}
    })")
                                            .as_object();
    // 32·4096·80·2·(8 div 4)·128·2
    EXPECT_EQ(memory_summary(run_memory(context, code_model)).at("kv_cache_bytes").as_int64(), 10737418240);
}

TEST(MemoryCodeModel, M4FewerKvHeadsThanTpLeaveNoKvCacheAndWarn)
{
    boost::json::object context = m1_context();
    deployment_of(context)["tp"] = 4;
    const ReportingReport report = run_memory(context, code_model);
    EXPECT_EQ(memory_summary(report).at("kv_cache_bytes").as_int64(), 0);  // 2 div 4 = 0
    const auto warnings = diagnostics_with(report, "W_KV_HEADS_LT_TP");
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].level, Severity::warning);
    EXPECT_EQ(warnings[0].source, "memory");
    EXPECT_EQ(warnings[0].where, "/context/model/num_kv_heads");
    EXPECT_NE(warnings[0].message.find("num_kv_heads 2 < tp 4"), std::string::npos) << warnings[0].message;
}

TEST(MemoryCodeModel, TheWarningNamesTheKeyKvHeadsCameFrom)
{
    boost::json::object context = m1_context();
    model_of(context).erase("num_kv_heads");
    model_of(context).erase("num_heads");
    model_of(context)["num_attention_heads"] = 4;  // K defaults to it
    deployment_of(context)["tp"] = 8;
    const auto warnings = diagnostics_with(run_memory(context, code_model), "W_KV_HEADS_LT_TP");
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].where, "/context/model/num_attention_heads");
}

TEST(MemoryCodeModel, IncludeOverheadFalseDropsTheOverhead)
{
    const boost::json::object& summary =
        memory_summary(run_memory(m1_context(), {"memory.model=code", "memory.include_overhead=false"}));
    EXPECT_EQ(summary.at("overhead_bytes").as_int64(), 0);
    EXPECT_EQ(summary.at("total_bytes").as_int64(), 1264 + 192 + 192);
}

TEST(MemoryCodeModel, OverheadIsCappedAtFourGiB)
{
    boost::json::object context = m1_context();
    deployment_of(context)["batch_size"] = 1 << 20;
    deployment_of(context)["kv_seq_len"] = 1 << 14;
    // KV 2^20·2^14·2·2·(2 div 2)·2·2 = 2^38 B; 15 % of it is above 4 GiB.
    const boost::json::object& summary = memory_summary(run_memory(context, code_model));
    EXPECT_EQ(summary.at("kv_cache_bytes").as_int64(), std::int64_t{1} << 38);
    EXPECT_EQ(summary.at("overhead_bytes").as_int64(), std::int64_t{4} << 30);
}

TEST(MemoryCodeModel, ActivationDtypeIsIgnoredAsByTheUpstream)
{
    boost::json::object context = m1_context();
    model_of(context)["activation_dtype"] = "fp32";  // D7: the code model uses the weight dtype throughout
    const boost::json::object& summary = memory_summary(run_memory(context, code_model));
    EXPECT_EQ(summary.at("kv_cache_bytes").as_int64(), 192);
    EXPECT_EQ(summary.at("activations_bytes").as_int64(), 192);
    EXPECT_EQ(summary.at("activation_dtype_bytes").as_int64(), 2);
}

TEST(MemoryCodeModel, QSeqLenDefaultsToOneInDecodeAndToTheInputLengthInPrefill)
{
    boost::json::object context = m1_context();
    deployment_of(context).erase("q_seq_len");
    deployment_of(context)["is_prefill"] = false;
    const ReportingReport decode = run_memory(context, code_model);
    EXPECT_EQ(memory_summary(decode).at("q_seq_len").as_int64(), 1);
    EXPECT_EQ(memory_summary(decode).at("activations_bytes").as_int64(), 48);  // 3·1·8·2
    deployment_of(context)["is_prefill"] = true;
    const ReportingReport prefill = run_memory(context, code_model);
    EXPECT_EQ(memory_summary(prefill).at("q_seq_len").as_int64(), 4);
    EXPECT_EQ(memory_summary(prefill).at("activations_bytes").as_int64(), 192);
}

TEST(MemoryCodeModel, PpSplitsTheKvCacheByLayers)
{
    boost::json::object context = m1_context();
    deployment_of(context)["pp"] = 2;
    // layers per chip 2 div 2 = 1: 3·4·1·2·1·2·2
    EXPECT_EQ(memory_summary(run_memory(context, code_model)).at("kv_cache_bytes").as_int64(), 96);
}

TEST(MemoryCodeModel, TheTier6PresetSelectsIt)
{
    const boost::json::object options{{"preset", "tier6"}};
    const ReportingReport report =
        run_analyzers(parse_input(summary_only_input(m1_context(), options)), {"memory"});
    const boost::json::object& summary = memory_summary(report);
    EXPECT_EQ(summary.at("model").as_string(), "code");
    EXPECT_EQ(summary.at("total_bytes").as_int64(), 524289648);
}

TEST(MemoryCodeModel, AnExplicitModelOptionOverridesThePreset)
{
    const boost::json::object options{{"preset", "tier6"}, {"memory", {{"model", "seed"}}}};
    const ReportingReport report =
        run_analyzers(parse_input(summary_only_input(m1_context(), options)), {"memory"});
    EXPECT_EQ(memory_summary(report).at("model").as_string(), "seed");
    EXPECT_EQ(memory_summary(report).at("total_bytes").as_int64(), 1968);
}

}  // namespace
}  // namespace perfreport
