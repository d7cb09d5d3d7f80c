// Runs the memory analyzer through the real host on a summary-only input
// built around a context, starting from SPEC 5.8's example M1.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "file_text.hpp"
#include "host_run.hpp"
#include "perfreport/sdk/json_parse.hpp"

namespace perfreport::test {

// SPEC 5.8 M1: h 8, L 2, H 4, K 2 (hd 2), i 16, V 10, bf16, tp 2, pp 1, b 3,
// kv_seq_len 4, q_seq_len 4; the chip holds 128 GB.
inline boost::json::object m1_context()
{
    return parse_json(R"({
      "model": {"name": "M1", "hidden_size": 8, "num_layers": 2, "num_heads": 4, "num_kv_heads": 2,
                "intermediate_size": 16, "vocab_size": 10, "weight_dtype": "bf16"},
      "hardware": {"memory_capacity_gb": 128},
      "deployment": {"tp": 2, "pp": 1, "batch_size": 3, "input_seq_length": 4, "kv_seq_len": 4, "q_seq_len": 4}
    })")
        .as_object();
}

inline boost::json::object& model_of(boost::json::object& context) { return context["model"].as_object(); }
inline boost::json::object& deployment_of(boost::json::object& context) { return context["deployment"].as_object(); }
inline boost::json::object& hardware_of(boost::json::object& context) { return context["hardware"].as_object(); }

// An EngineResult without steps (SPEC 1.1): the memory analyzer reads only the context.
inline std::string summary_only_input(const boost::json::object& context, const boost::json::object& options = {})
{
    boost::json::object aggregates;
    for (const char* key : {"ttft", "tpot", "tps", "mfu", "mbu", "memory_peak", "total_time", "total_compute_time",
                            "total_comm_time", "total_wait_time", "total_flops", "total_bytes", "num_steps"}) {
        aggregates[key] = 0;
    }
    boost::json::object input{{"format", "engine_result"}, {"schema_version", 1}, {"granularity", "CHIP"},
                              {"step_metrics", boost::json::array{}}, {"aggregates", aggregates},
                              {"context", context}};
    if (!options.empty()) input["options"] = options;
    return boost::json::serialize(input);
}

// The report of the memory analyzer alone, with --option words such as "memory.model=code".
inline ReportingReport run_memory(const boost::json::object& context, const std::vector<std::string>& options = {})
{
    return run_analyzers(parse_input(summary_only_input(context)), {"memory"}, options);
}

// A copy, so that it may outlive a temporary report.
inline boost::json::object memory_summary(const ReportingReport& report)
{
    return section_of(report, "memory").summary;
}

// The diagnostics of `report` with `code`.
inline std::vector<Diagnostic> diagnostics_with(const ReportingReport& report, const std::string& code)
{
    std::vector<Diagnostic> found;
    for (const auto& d : report.diagnostics) {
        if (d.code == code) found.push_back(d);
    }
    return found;
}

// The message of the analyzer's failure, "" when it did not fail.
inline std::string memory_failure(const ReportingReport& report)
{
    for (const auto& d : report.diagnostics) {
        if (d.code == "E_ANALYZER" && d.source == "memory") return d.message;
    }
    return "";
}

// SPEC 0: "GB" is 2^30 B.
inline double gib(double bytes) { return bytes / 1073741824.0; }

// A relative tolerance of 1e-9 (SPEC 0), without SPEC's floor of 1 on the
// scale: the GB figures of the small examples are ~1e-6.
inline ::testing::AssertionResult near(const boost::json::value& actual, double expected)
{
    if (!actual.is_number()) return ::testing::AssertionFailure() << boost::json::serialize(actual) << " is no number";
    const double value = actual.to_number<double>();
    if (std::fabs(value - expected) <= 1e-9 * std::max(std::fabs(value), std::fabs(expected))) {
        return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << value << " differs from " << expected;
}

// M1's echoed inputs (SPEC 5.8), the same in both models: bf16, b 3,
// kv_seq_len 4, q_seq_len 4, tp 2, pp 1, ep 1.
inline void expect_m1_echo(const boost::json::object& summary)
{
    EXPECT_EQ(summary.at("dtype_bytes").as_int64(), 2);
    EXPECT_EQ(summary.at("activation_dtype_bytes").as_int64(), 2);
    EXPECT_EQ(summary.at("batch_size").as_int64(), 3);
    EXPECT_EQ(summary.at("kv_seq_len").as_int64(), 4);
    EXPECT_EQ(summary.at("q_seq_len").as_int64(), 4);
    EXPECT_EQ(summary.at("tp").as_int64(), 2);
    EXPECT_EQ(summary.at("pp").as_int64(), 1);
    EXPECT_EQ(summary.at("ep").as_int64(), 1);
}

}  // namespace perfreport::test
