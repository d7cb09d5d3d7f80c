// How the memory analyzer reads its context (SPEC 1.6, 2.3): aliases,
// defaults, dtypes, the capacity check, and what happens when a value is
// missing or unusable.
#include <gtest/gtest.h>

#include "memory_run.hpp"

namespace perfreport {
namespace {
using namespace test;

// M1's seed figures (SPEC 5.8), what every equivalent context must give.
void expect_m1_seed(const ReportingReport& report)
{
    const boost::json::object& summary = memory_summary(report);
    EXPECT_EQ(summary.at("weights_bytes").as_int64(), 1392);
    EXPECT_EQ(summary.at("kv_cache_bytes").as_int64(), 384);
    EXPECT_EQ(summary.at("activations_bytes").as_int64(), 192);
    EXPECT_EQ(summary.at("total_bytes").as_int64(), 1968);
}

void expect_failure_naming(const ReportingReport& report, const std::string& text)
{
    const std::string message = memory_failure(report);
    EXPECT_NE(message.find(text), std::string::npos) << "message: " << message;
    for (const auto& section : report.sections) EXPECT_NE(section.id, "memory");
}

TEST(MemoryContext, HeadAliasesAreAccepted)
{
    boost::json::object context = m1_context();
    boost::json::object& model = model_of(context);
    model.erase("num_heads");
    model.erase("num_kv_heads");
    model["num_attention_heads"] = 4;
    model["num_key_value_heads"] = 2;
    expect_m1_seed(run_memory(context));
}

TEST(MemoryContext, AKeyAndItsAliasMayAgreeButNotDiffer)
{
    boost::json::object context = m1_context();
    model_of(context)["num_attention_heads"] = 4;
    expect_m1_seed(run_memory(context));
    model_of(context)["num_key_value_heads"] = 4;
    expect_failure_naming(run_memory(context), "context value /model/num_kv_heads (2) and its alias "
                                               "/model/num_key_value_heads (4) disagree");
}

TEST(MemoryContext, MissingNumHeadsFailsNamingTheKeyAndItsAlias)
{
    boost::json::object context = m1_context();
    model_of(context).erase("num_heads");
    expect_failure_naming(run_memory(context),
                          "context value /model/num_heads (or its alias /model/num_attention_heads) is missing");
}

TEST(MemoryContext, NumKvHeadsDefaultsToNumHeads)
{
    boost::json::object context = m1_context();
    model_of(context).erase("num_kv_heads");
    EXPECT_EQ(memory_summary(run_memory(context)).at("kv_cache_bytes").as_int64(), 768);  // 2·3·4·4·2·2·2
}

TEST(MemoryContext, WeightDtypeNamesAreCaseInsensitive)
{
    boost::json::object context = m1_context();
    model_of(context)["weight_dtype"] = "BF16";
    expect_m1_seed(run_memory(context));
    model_of(context)["weight_dtype"] = "Fp16";
    expect_m1_seed(run_memory(context));
}

TEST(MemoryContext, EveryDtypeHasItsSize)
{
    // weights (656·2 + 80)·d / 2 = 696·d
    const std::vector<std::pair<std::string, std::int64_t>> weights{
        {"fp32", 2784}, {"fp16", 1392}, {"bf16", 1392}, {"fp8", 696}, {"int8", 696}, {"int4", 348}};
    for (const auto& [name, bytes] : weights) {
        boost::json::object context = m1_context();
        model_of(context)["weight_dtype"] = name;
        EXPECT_EQ(memory_summary(run_memory(context)).at("weights_bytes").as_int64(), bytes) << name;
    }
}

TEST(MemoryContext, DtypeBytesReplacesWeightDtype)
{
    boost::json::object context = m1_context();
    model_of(context).erase("weight_dtype");
    model_of(context)["dtype_bytes"] = 2;
    expect_m1_seed(run_memory(context));
    model_of(context)["dtype_bytes"] = 0.5;
    EXPECT_EQ(memory_summary(run_memory(context)).at("weights_bytes").as_int64(), 348);
}

TEST(MemoryContext, DtypeBytesMustAgreeWithWeightDtype)
{
    boost::json::object context = m1_context();
    model_of(context)["dtype_bytes"] = 2;
    expect_m1_seed(run_memory(context));
    model_of(context)["dtype_bytes"] = 1;
    expect_failure_naming(run_memory(context), "context value /model/dtype_bytes (1) disagrees with "
                                               "/model/weight_dtype \"bf16\" (2 B)");
}

TEST(MemoryContext, AnUnknownWeightDtypeFailsNamingTheKey)
{
    boost::json::object context = m1_context();
    model_of(context)["weight_dtype"] = "fp12";
    expect_failure_naming(run_memory(context), "context value /model/weight_dtype \"fp12\" is not a known dtype "
                                               "(fp32, fp16, bf16, fp8, int8, int4, case-insensitive)");
}

TEST(MemoryContext, AnUnknownActivationDtypeFailsNamingTheKey)
{
    boost::json::object context = m1_context();
    model_of(context)["activation_dtype"] = "float8";
    expect_failure_naming(run_memory(context), "context value /model/activation_dtype \"float8\" is not a known dtype");
}

TEST(MemoryContext, AMissingDtypeFailsNamingBothKeys)
{
    boost::json::object context = m1_context();
    model_of(context).erase("weight_dtype");
    const ReportingReport report = run_memory(context);
    expect_failure_naming(report, "context value /model/weight_dtype is missing (or give /model/dtype_bytes)");
    ASSERT_EQ(report.analyzers.size(), 1u);
    EXPECT_EQ(report.analyzers[0].status, "error");
}

TEST(MemoryContext, WithoutCapacityTheCheckIsNull)
{
    boost::json::object context = m1_context();
    context.erase("hardware");
    const boost::json::object& summary = memory_summary(run_memory(context));
    EXPECT_TRUE(summary.at("memory_capacity_gb").is_null());
    EXPECT_TRUE(summary.at("is_memory_sufficient").is_null());
    EXPECT_TRUE(summary.at("memory_utilization").is_null());
    EXPECT_TRUE(near(summary.at("total_per_chip_gb"), 1968 / 1073741824.0));
}

TEST(MemoryContext, ATooSmallChipIsInsufficient)
{
    boost::json::object context = m1_context();
    hardware_of(context)["memory_capacity_gb"] = 1e-6;  // 1073.7 B < 1968 B
    const boost::json::object& summary = memory_summary(run_memory(context));
    EXPECT_EQ(summary.at("is_memory_sufficient"), false);
    EXPECT_TRUE(near(summary.at("memory_utilization"), 1968 / 1073741824.0 / 1e-6));
}

TEST(MemoryContext, KvSeqLenDefaultsToTheInputLength)
{
    boost::json::object context = m1_context();
    deployment_of(context).erase("kv_seq_len");
    expect_m1_seed(run_memory(context));
    deployment_of(context).erase("input_seq_length");
    expect_failure_naming(run_memory(context), "context value /deployment/kv_seq_len is missing");
}

TEST(MemoryContext, TheSeedModelEchoesAnUnknownQSeqLenAsNull)
{
    boost::json::object context = m1_context();
    deployment_of(context).erase("q_seq_len");
    deployment_of(context).erase("input_seq_length");
    const ReportingReport seed = run_memory(context);
    EXPECT_TRUE(memory_summary(seed).at("q_seq_len").is_null());
    expect_failure_naming(run_memory(context, {"memory.model=code"}),
                          "context value /deployment/q_seq_len is missing");
}

TEST(MemoryContext, ParallelDegreesDefaultToOne)
{
    boost::json::object context = m1_context();
    deployment_of(context).erase("tp");
    const boost::json::object& summary = memory_summary(run_memory(context));
    EXPECT_EQ(summary.at("weights_bytes").as_int64(), 2784);  // 1392·2 / 1
    EXPECT_EQ(summary.at("tp").as_int64(), 1);
    EXPECT_EQ(summary.at("pp").as_int64(), 1);
    EXPECT_EQ(summary.at("ep").as_int64(), 1);
}

TEST(MemoryContext, MoeCountsMustBeNonNegativeIntegers)
{
    boost::json::object context = m1_context();
    model_of(context)["num_moe_layers"] = 1;
    model_of(context)["moe"] = {{"num_routed_experts", -4}, {"intermediate_size", 4}};
    expect_failure_naming(run_memory(context, {"memory.model=code"}),
                          "context value /model/moe/num_routed_experts must be an integer >= 0, got -4");
    model_of(context)["moe"] = {{"num_routed_experts", 4}, {"num_shared_experts", "one"}, {"intermediate_size", 4}};
    expect_failure_naming(run_memory(context, {"memory.model=code"}),
                          "context value /model/moe/num_shared_experts must be an integer");
}

TEST(MemoryContext, RoutedExpertsNeedTheirIntermediateSize)
{
    boost::json::object context = m1_context();
    model_of(context)["num_moe_layers"] = 1;
    model_of(context)["moe"] = {{"num_routed_experts", 4}};
    expect_failure_naming(run_memory(context, {"memory.model=code"}),
                          "context value /model/moe/intermediate_size is missing");
    // The seed model has no MoE and does not read it.
    expect_m1_seed(run_memory(context));
}

TEST(MemoryContext, MoeLayersCannotExceedTheLayers)
{
    boost::json::object context = m1_context();
    model_of(context)["num_moe_layers"] = 3;
    expect_failure_naming(run_memory(context, {"memory.model=code"}),
                          "context value /model/num_moe_layers (3) exceeds /model/num_layers (2)");
}

TEST(MemoryContext, ASizeBeyondInt64FailsNamingTheQuantity)
{
    boost::json::object context = m1_context();
    deployment_of(context)["batch_size"] = std::int64_t{1} << 40;
    deployment_of(context)["kv_seq_len"] = std::int64_t{1} << 30;
    expect_failure_naming(run_memory(context), "memory: kv_cache_bytes exceeds 2^63 - 1 bytes");
}

TEST(MemoryOptions, ValuesOutsideTheSchemaAreRejectedByTheHost)
{
    // run_analyzers throws on an option error (E_TYPE), as the command refuses the input.
    EXPECT_THROW(run_memory(m1_context(), {"memory.model=upstream"}), std::invalid_argument);
    EXPECT_THROW(run_memory(m1_context(), {"memory.activation_factor=-1"}), std::invalid_argument);
    EXPECT_THROW(run_memory(m1_context(), {"memory.include_overhead=yes"}), std::invalid_argument);
}

// Each pointer of required_context: without it the host skips the analyzer.
class MemoryRequiredContext : public ::testing::TestWithParam<std::string> {};

TEST_P(MemoryRequiredContext, WithoutItTheAnalyzerIsSkippedNamingIt)
{
    const std::string pointer = GetParam();  // "/model/hidden_size"
    const std::size_t slash = pointer.rfind('/');
    boost::json::object context = m1_context();
    context[pointer.substr(1, slash - 1)].as_object().erase(pointer.substr(slash + 1));
    const ReportingReport report = run_memory(context);
    const auto skipped = diagnostics_with(report, "W_SKIPPED");
    ASSERT_EQ(skipped.size(), 1u);
    EXPECT_EQ(skipped[0].source, "memory");
    EXPECT_EQ(skipped[0].where, "/context" + pointer);
    EXPECT_NE(skipped[0].message.find(pointer), std::string::npos) << skipped[0].message;
    EXPECT_TRUE(report.sections.empty());
    ASSERT_EQ(report.analyzers.size(), 1u);
    EXPECT_EQ(report.analyzers[0].status, "skipped");
}

// "/model/hidden_size" -> "model_hidden_size".
std::string test_name(const ::testing::TestParamInfo<std::string>& key)
{
    std::string name = key.param.substr(1);
    for (char& c : name) c = c == '/' ? '_' : c;
    return name;
}

INSTANTIATE_TEST_SUITE_P(Keys, MemoryRequiredContext,
                         ::testing::Values("/model/hidden_size", "/model/num_layers", "/model/intermediate_size",
                                           "/model/vocab_size", "/deployment/batch_size"),
                         test_name);

}  // namespace
}  // namespace perfreport
