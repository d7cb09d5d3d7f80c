// The real executable: with the tier6 preset it reproduces the upstream
// memory of every reference case; with the seed defaults it writes a complete
// section; a model without hidden_size skips memory and keeps the rest.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "command_runner.hpp"
#include "json_compare.hpp"
#include "upstream_case.hpp"

namespace perfreport {
namespace {
namespace json = boost::json;
using namespace test;

constexpr double bytes_per_gib = 1073741824.0;

// The report of `perfreport run input --analyzers <analyzers>`, expecting `exit_code`.
json::object run_report(const std::filesystem::path& input, const std::string& analyzers, int exit_code = 0)
{
    const TempDir out;
    const CommandResult result =
        run_perfreport({"run", input.string(), "--analyzers", analyzers, "-q", "-o", out.path().string()});
    EXPECT_EQ(result.exit_code, exit_code) << result.err;
    return read_json(out / "reporting_report.json").as_object();
}

// upstream/memory.json under SPEC 2.3's names, as the cases README maps them.
json::object expected_memory(const json::object& upstream)
{
    const auto call = [&](const char* name) -> const json::object& { return upstream.at(name).as_object(); };
    const auto bytes = [&](const char* name) { return call(name).at("bytes").to_number<std::int64_t>(); };
    const json::object& weights = call("calculate_weights_memory").at("params").as_object();
    const json::object& kv_cache = call("calculate_kv_cache_memory").at("params").as_object();
    const json::object& activations = call("calculate_activation_memory").at("params").as_object();
    json::object expected{
        {"model", "code"},
        {"weights_bytes", bytes("calculate_weights_memory")},
        {"kv_cache_bytes", bytes("calculate_kv_cache_memory")},
        {"activations_bytes", bytes("calculate_activation_memory")},
        {"overhead_bytes", bytes("calculate_overhead")},
        {"total_bytes", bytes("calculate_weights_memory") + bytes("calculate_kv_cache_memory") +
                            bytes("calculate_activation_memory") + bytes("calculate_overhead")},
        {"memory_capacity_gb", upstream.at("chip_memory_gb")},
        {"dtype_bytes", upstream.at("dtype_bytes")},
        {"activation_dtype_bytes", upstream.at("dtype_bytes")},  // one dtype throughout (D7)
        {"batch_size", kv_cache.at("batch_size")},
        {"kv_seq_len", kv_cache.at("seq_len")},
        {"q_seq_len", activations.at("seq_len")},
        {"tp", weights.at("tp_degree")},
        {"pp", kv_cache.at("pp_degree")},
        {"ep", weights.at("ep_degree")},
    };
    for (const auto& [key, value] : call("engine_calculate_memory_breakdown")) expected[key] = value;
    return expected;
}

class MemoryUpstreamCase : public ::testing::TestWithParam<std::string> {};

TEST_P(MemoryUpstreamCase, Tier6ReproducesTheUpstreamMemory)
{
    const json::object report = run_report(case_dir(GetParam()) / "input.tier6.json", "memory");
    const json::object expected = expected_memory(upstream_file(GetParam(), "memory.json").as_object());
    EXPECT_EQ(json_differences(expected, report.at("memory")), "");
    EXPECT_TRUE(report.at("diagnostics").as_array().empty()) << json::serialize(report.at("diagnostics"));
}

INSTANTIATE_TEST_SUITE_P(Cases, MemoryUpstreamCase, ::testing::ValuesIn(reference_cases()));

// The seed model on a case's input.json, by hand: layer = 4h² + 3hi + 2h,
// weights = (layer·L + V·h)·d / tp, KV = 2·b·s·K·hd·L·d, activations = b·s·h·d.
struct SeedExpectation {
    std::string name;
    std::int64_t weights;
    std::int64_t kv_cache;
    std::int64_t activations;
};

const std::vector<SeedExpectation> seed_expectations{
    // h 4096, L 32, i 11008, V 32000, K 32, hd 128, bf16, tp 8, b 4, s 2048: layer 202383360
    {"llama7b_c8_tp8_prefill_b4", 1651834880, 4294967296, 67108864},
    // h 5120, L 64, i 25600, V 151936, K 64, hd 80, bf16, tp 8, b 32, s 4096: layer 498083840
    {"qwen3_32b_c8_tp8_decode_b32", 8163819520, 171798691840, 1342177280},
    // h 7168, L 61, i 18432, V 129280, K 128, hd 56, fp8, tp 8, b 64, s 4096: layer 601896960
    {"ds3_c8_tp8_ep8_decode_b64", 4705299200, 229243879424, 1879048192},
    // the same model with b 8; the seed divides neither KV nor weights by pp
    {"ds3_c32_tp8_pp4_prefill_b8", 4705299200, 28655484928, 234881024},
};

class MemorySeedCase : public ::testing::TestWithParam<SeedExpectation> {};

TEST_P(MemorySeedCase, SeedDefaultsGiveACompleteSection)
{
    const SeedExpectation& seed = GetParam();
    const json::object report = run_report(case_dir(seed.name) / "input.json", "memory");
    const json::object& memory = report.at("memory").as_object();
    for (const char* key : {"model", "weights_bytes", "kv_cache_bytes", "activations_bytes", "overhead_bytes",
                            "total_bytes", "model_memory_gb", "kv_cache_memory_gb", "activation_memory_gb",
                            "overhead_gb", "total_per_chip_gb", "memory_capacity_gb", "is_memory_sufficient",
                            "memory_utilization", "dtype_bytes", "activation_dtype_bytes", "batch_size",
                            "kv_seq_len", "q_seq_len", "tp", "pp", "ep"}) {
        ASSERT_TRUE(memory.contains(key)) << key;
        EXPECT_FALSE(memory.at(key).is_null()) << key;
    }
    EXPECT_EQ(memory.at("model").as_string(), "seed");
    EXPECT_EQ(memory.at("weights_bytes").as_int64(), seed.weights);
    EXPECT_EQ(memory.at("kv_cache_bytes").as_int64(), seed.kv_cache);
    EXPECT_EQ(memory.at("activations_bytes").as_int64(), seed.activations);
    EXPECT_EQ(memory.at("overhead_bytes").as_int64(), 0);
    const std::int64_t total = seed.weights + seed.kv_cache + seed.activations;
    EXPECT_EQ(memory.at("total_bytes").as_int64(), total);
    const json::object expected_gb{
        {"model_memory_gb", seed.weights / bytes_per_gib},
        {"kv_cache_memory_gb", seed.kv_cache / bytes_per_gib},
        {"activation_memory_gb", seed.activations / bytes_per_gib},
        {"overhead_gb", 0.0},
        {"total_per_chip_gb", total / bytes_per_gib},
        {"memory_capacity_gb", 128.0},
        {"is_memory_sufficient", total / bytes_per_gib <= 128.0},
        {"memory_utilization", total / bytes_per_gib / 128.0},
    };
    EXPECT_EQ(json_differences(expected_gb, memory), "");
}

std::string case_name(const ::testing::TestParamInfo<SeedExpectation>& seed) { return seed.param.name; }

INSTANTIATE_TEST_SUITE_P(Cases, MemorySeedCase, ::testing::ValuesIn(seed_expectations), case_name);

TEST(MemoryCommand, AModelWithoutHiddenSizeSkipsMemoryAndKeepsTheRest)
{
    json::object input = read_json(std::filesystem::path(FIXTURES_DIR) / "input" / "e1.json").as_object();
    input.at("context").at("model").as_object().erase("hidden_size");
    const TempDir folder;
    const std::filesystem::path file = folder / "no_hidden_size.json";
    {
        std::ofstream(file) << json::serialize(input);
    }
    const TempDir out;
    const CommandResult result = run_perfreport(
        {"run", file.string(), "--analyzers", "memory,roofline", "-q", "-o", out.path().string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;  // a skip is a warning, not a failure
    const json::object report = read_json(out / "reporting_report.json").as_object();
    EXPECT_FALSE(report.contains("memory"));
    ASSERT_TRUE(report.contains("roofline"));
    EXPECT_EQ(report.at("roofline").at("ridge_point").to_number<double>(), 50.0);  // SPEC 5.3
    int skipped = 0;
    for (const auto& item : report.at("diagnostics").as_array()) {
        const json::object& diagnostic = item.as_object();
        if (diagnostic.at("code") != "W_SKIPPED") continue;
        ++skipped;
        EXPECT_EQ(diagnostic.at("level"), "warning");
        EXPECT_EQ(diagnostic.at("source"), "memory");
        EXPECT_EQ(diagnostic.at("where"), "/context/model/hidden_size");
        EXPECT_NE(std::string(diagnostic.at("message").as_string()).find("/model/hidden_size"), std::string::npos);
    }
    EXPECT_EQ(skipped, 1);
}

}  // namespace
}  // namespace perfreport
