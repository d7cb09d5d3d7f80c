// Reading a valid EngineResult: E1 of SPEC 5.1, a real upstream case, chunking, exact doubles.
#include "input/engine_result_parser.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "input_test_support.hpp"

namespace perfreport {
namespace {

using test::e1;
using test::f64;
using test::fixture;
using test::i64;
using test::is_null;
using test::list;
using test::read_text;
using test::text;

EngineResult parse_e1(const ParseOptions& options = {})
{
    ParseOutcome outcome = parse_engine_result_file(fixture("e1.json"), options);
    EXPECT_TRUE(outcome.diagnostics.empty()) << outcome.diagnostics.front().message;
    return std::move(outcome.result.value());
}

// Feeds `text` in pieces of `size` bytes.
ParseOutcome parse_in_pieces(std::string_view text, std::size_t size, const ParseOptions& options = {})
{
    EngineResultParser parser(options, text.size());
    for (std::size_t at = 0; at < text.size(); at += size) parser.write(text.substr(at, size));
    return parser.finish();
}

TEST(EngineResultParser, E1HasNoDiagnostics)
{
    const ParseOutcome outcome = parse_engine_result_file(fixture("e1.json"));
    EXPECT_TRUE(outcome.diagnostics.empty());
    ASSERT_TRUE(outcome.result.has_value());
    EXPECT_EQ(outcome.result->steps.size(), 4u);
}

TEST(EngineResultParser, E1StepColumns)
{
    const EngineResult e = parse_e1();
    const PR_StepTable s = e.steps.view();
    ASSERT_EQ(s.count, 4u);
    EXPECT_EQ(text(s.op_id, 0), "layers.0.mla_q_a");
    EXPECT_EQ(text(s.op_id, 3), "layers.1.pp_send_p2p");
    // SPEC 5.2 step_metrics[2]
    EXPECT_EQ(text(s.op_id, 2), "layers.1.ffn_down");
    EXPECT_EQ(f64(s.t_compute, 2), 0.1);
    EXPECT_EQ(f64(s.t_comm, 2), 0.0);
    EXPECT_EQ(f64(s.t_wait, 2), 0.02);
    EXPECT_EQ(f64(s.t_total, 2), 0.12);
    EXPECT_EQ(i64(s.bottleneck, 2), PR_BOTTLENECK_BW_BOUND);
    EXPECT_EQ(i64(s.flops, 2), 100000000);
    EXPECT_EQ(i64(s.bytes_read, 2), 60000000);
    EXPECT_EQ(i64(s.bytes_write, 2), 40000000);

    EXPECT_EQ(i64(s.bottleneck, 0), PR_BOTTLENECK_COMPUTE_BOUND);
    EXPECT_EQ(i64(s.bottleneck, 3), PR_BOTTLENECK_LATENCY_BOUND);
    EXPECT_EQ(f64(s.t_comm, 1), 0.1);
    EXPECT_EQ(i64(s.flops, 0), 2000000000);

    EXPECT_EQ(s.meta_evaluator.valid, nullptr);  // every step has one
    EXPECT_EQ(text(s.meta_evaluator, 1), "comm");
    EXPECT_TRUE(is_null(s.meta_comm_type, 0));
    EXPECT_EQ(text(s.meta_comm_type, 1), "allreduce");
    EXPECT_EQ(text(s.meta_comm_type, 3), "p2p");
    EXPECT_EQ(text(s.meta_path_key, 3), "b2b");
    EXPECT_EQ(list(s.meta_chip_ids, 1), (std::vector<std::int64_t>{0, 1, 2, 3}));
    EXPECT_EQ(list(s.meta_chip_ids, 3), (std::vector<std::int64_t>{3, 4}));
    EXPECT_TRUE(is_null(s.meta_chip_ids, 2));
    EXPECT_EQ(i64(s.meta_comm_bytes, 1), 1048576);
    EXPECT_EQ(i64(s.meta_comm_bytes, 3), 500000);
    EXPECT_EQ(text(s.meta_reason, 1), "mla_allreduce");
    EXPECT_FALSE(is_null(s.meta_reason, 3));  // "" is a value
    EXPECT_EQ(text(s.meta_reason, 3), "");
    EXPECT_EQ(s.meta_phase.valid, nullptr);
    EXPECT_EQ(i64(s.meta_phase, 0), PR_PHASE_PREFILL);
    EXPECT_EQ(i64(s.meta_phase, 2), PR_PHASE_DECODE);
    EXPECT_TRUE(is_null(s.meta_pp_stage, 2));
    EXPECT_EQ(i64(s.meta_pp_stage, 3), 1);
    EXPECT_EQ(s.meta_layer_index.values, nullptr);  // no step carries it
    EXPECT_EQ(s.meta_token_index.values, nullptr);
    EXPECT_EQ(s.meta_device_id.values, nullptr);
    EXPECT_EQ(s.meta_task_type.values, nullptr);
}

// SPEC 5.2: the performance numbers the core summary takes from the input.
TEST(EngineResultParser, E1Aggregates)
{
    const EngineResult e = parse_e1();
    const PR_Aggregates& a = e.aggregates;
    EXPECT_EQ(a.struct_size, sizeof(PR_Aggregates));
    EXPECT_EQ(a.total_time_ms, 0.29);
    EXPECT_EQ(a.ttft_ms, 0.15);
    EXPECT_EQ(a.tpot_ms, 0.14);
    EXPECT_EQ(a.tps, 7142.857142857143);
    EXPECT_EQ(a.mfu, 0.07241379310344828);
    EXPECT_EQ(a.mbu, 0.19499509);
    EXPECT_EQ(static_cast<double>(a.memory_peak_bytes) / (1 << 20), 1024.0);  // memory_peak_mb
    EXPECT_EQ(a.total_compute_time_ms, 0.15);
    EXPECT_EQ(a.total_comm_time_ms, 0.12);
    EXPECT_EQ(a.total_wait_time_ms, 0.02);
    EXPECT_EQ(a.total_flops, 2100000000);
    EXPECT_EQ(a.total_bytes, 113097152);
    EXPECT_EQ(a.num_steps, 4);
    EXPECT_EQ(a.compute_bound_count, 1);  // bottleneck = counts 1, 2, 1, 0
    EXPECT_EQ(a.bw_bound_count, 2);
    EXPECT_EQ(a.latency_bound_count, 1);
    EXPECT_EQ(a.unknown_count, 0);
    EXPECT_TRUE(e.has_bottleneck_summary);
}

TEST(EngineResultParser, E1TopLevelMembers)
{
    const EngineResult e = parse_e1();
    EXPECT_EQ(e.granularity, PR_GRANULARITY_CHIP);
    EXPECT_EQ(e.granularity_name, "CHIP");
    EXPECT_FALSE(e.producer.has_value());
    EXPECT_EQ(e.trace_meta.at("num_ops").as_int64(), 4);
    EXPECT_EQ(e.context.at("run_config").at("model").at("name").as_string(), "tiny");
    EXPECT_EQ(e.context.at("topology").at("interconnect").at("links").at("c2c").at("latency_us").as_double(), 0.2);
    EXPECT_TRUE(e.options.empty());
    EXPECT_TRUE(e.raw_meta.empty());
}

TEST(EngineResultParser, CountsBottlenecksFromTheStepsWithoutASummary)
{
    auto document = e1();
    test::aggregates(document).erase("bottleneck_summary");
    const ParseOutcome outcome = test::parse(document);
    ASSERT_TRUE(outcome.result.has_value());
    const PR_Aggregates& a = outcome.result->aggregates;
    EXPECT_EQ(a.compute_bound_count, 1);
    EXPECT_EQ(a.bw_bound_count, 2);
    EXPECT_EQ(a.latency_bound_count, 1);
    EXPECT_EQ(a.unknown_count, 0);
    EXPECT_FALSE(outcome.result->has_bottleneck_summary);
}

// SPEC 5.10: t_total removed or 0 -> accepted, t_total = 0.1 + 0 + 0.02.
TEST(EngineResultParser, ResolvesAnAbsentOrZeroTTotalToTheSum)
{
    for (const bool remove : {true, false}) {
        auto document = e1();
        if (remove) {
            test::step(document, 2).erase("t_total");
        } else {
            test::step(document, 2)["t_total"] = 0;
        }
        const ParseOutcome outcome = test::parse(document);
        ASSERT_TRUE(outcome.result.has_value());
        EXPECT_TRUE(outcome.diagnostics.empty());
        EXPECT_EQ(f64(outcome.result->steps.view().t_total, 2), 0.12000000000000001);
    }
}

TEST(EngineResultParser, KeepsEachStepsMetaTextWhenAsked)
{
    auto document = e1();
    test::step(document, 2).erase("meta");
    ParseOptions options;
    options.keep_raw_meta = true;
    const ParseOutcome outcome = test::parse(document, options);
    ASSERT_TRUE(outcome.result.has_value());
    const RawMetaStore& raw = outcome.result->raw_meta;
    ASSERT_EQ(raw.size(), 4u);
    EXPECT_EQ(raw.get(1), R"({"evaluator":"comm","comm_type":"allreduce","path_key":"c2c","chip_ids":[0,1,2,3],)"
                          R"("comm_bytes":1048576,"reason":"mla_allreduce","phase":"prefill"})");
    EXPECT_EQ(raw.get(2), "{}");
}

TEST(EngineResultParser, KeepsUntypedMetaKeysAsWrittenInTheRawText)
{
    const std::string input = read_text(fixture("e1.json"));
    std::string changed = input;
    const std::string from = R"("meta":{"evaluator":"compute","phase":"prefill"})";
    changed.replace(changed.find(from), from.size(),
                    R"("meta":{"evaluator":"compute","t_memory_ms":0.68849142857142850,"x":[{"y":null}],"phase":"prefill"})");
    ParseOptions options;
    options.keep_raw_meta = true;
    const ParseOutcome outcome = parse_engine_result_text(changed, options);
    ASSERT_TRUE(outcome.result.has_value());
    EXPECT_EQ(outcome.result->raw_meta.get(0),
              R"({"evaluator":"compute","t_memory_ms":0.68849142857142850,"x":[{"y":null}],"phase":"prefill"})");
}

void expect_same_columns(const PR_Column& a, const PR_Column& b, std::uint64_t rows)
{
    ASSERT_EQ(a.type, b.type) << a.name;
    ASSERT_EQ(a.values == nullptr, b.values == nullptr) << a.name;
    if (a.values == nullptr) return;
    for (std::uint64_t row = 0; row < rows; ++row) {
        ASSERT_EQ(is_null(a, row), is_null(b, row)) << a.name << " row " << row;
        switch (a.type) {
        case PR_COLUMN_FLOAT64: ASSERT_EQ(f64(a, row), f64(b, row)) << a.name << " row " << row; break;
        case PR_COLUMN_INT64: ASSERT_EQ(i64(a, row), i64(b, row)) << a.name << " row " << row; break;
        case PR_COLUMN_STRING: ASSERT_EQ(text(a, row), text(b, row)) << a.name << " row " << row; break;
        default: ASSERT_EQ(list(a, row), list(b, row)) << a.name << " row " << row; break;
        }
    }
}

void expect_same_tables(const EngineResult& a, const EngineResult& b)
{
    const PR_StepTable x = a.steps.view();
    const PR_StepTable y = b.steps.view();
    ASSERT_EQ(x.count, y.count);
    for (const auto column : test::step_columns) expect_same_columns(x.*column, y.*column, x.count);
    ASSERT_EQ(a.raw_meta.size(), b.raw_meta.size());
    for (std::uint64_t row = 0; row < a.raw_meta.size(); ++row) ASSERT_EQ(a.raw_meta.get(row), b.raw_meta.get(row));
    EXPECT_EQ(std::memcmp(&a.aggregates, &b.aggregates, sizeof(PR_Aggregates)), 0);
    EXPECT_EQ(a.context, b.context);
    EXPECT_EQ(a.trace_meta, b.trace_meta);
}

TEST(EngineResultParser, ResultDoesNotDependOnWhereTheChunksEnd)
{
    ParseOptions options;
    options.keep_raw_meta = true;
    for (const char* name : {"e1.json", "llama7b_c8_tp8_prefill_b4.json"}) {
        const std::string input = read_text(fixture(name));
        const ParseOutcome whole = parse_engine_result_text(input, options);
        const ParseOutcome pieces = parse_in_pieces(input, 7, options);
        ASSERT_TRUE(whole.result.has_value()) << name;
        ASSERT_TRUE(pieces.result.has_value()) << name;
        EXPECT_TRUE(pieces.diagnostics.empty()) << name;
        expect_same_tables(*whole.result, *pieces.result);
    }
}

TEST(EngineResultParser, ReadsDoublesExactlyWhereBoostIsOneUlpOff)
{
    std::string input = read_text(fixture("e1.json"));
    const std::string from = R"("t_compute":0.05,"t_comm":0,"t_wait":0,"t_total":0.05)";
    input.replace(input.find(from), from.size(),
                  R"("t_compute":1.3927926388013963e-143,"t_comm":0,"t_wait":0,"t_total":0)");
    for (const std::size_t piece : {input.size(), std::size_t{7}, std::size_t{1}}) {
        const ParseOutcome outcome = parse_in_pieces(input, piece);
        ASSERT_TRUE(outcome.result.has_value());
        const PR_StepTable s = outcome.result->steps.view();
        EXPECT_EQ(f64(s.t_compute, 0), 1.3927926388013963e-143);  // Boost.JSON 1.81 reads ...965e-143
        EXPECT_EQ(f64(s.t_total, 0), 1.3927926388013963e-143);
    }
}

// The upstream case: the steps' sums agree with the aggregates the upstream wrote.
TEST(EngineResultParser, ReadsTheLlama7bCase)
{
    const ParseOutcome outcome = parse_engine_result_file(fixture("llama7b_c8_tp8_prefill_b4.json"));
    EXPECT_TRUE(outcome.diagnostics.empty());
    ASSERT_TRUE(outcome.result.has_value());
    const EngineResult& e = *outcome.result;
    const PR_StepTable s = e.steps.view();
    ASSERT_EQ(s.count, 288u);
    double compute = 0;
    double comm = 0;
    double wait = 0;
    std::int64_t flops = 0;
    std::int64_t bytes = 0;
    std::int64_t comm_steps = 0;
    for (std::uint64_t row = 0; row < s.count; ++row) {
        compute += f64(s.t_compute, row);
        comm += f64(s.t_comm, row);
        wait += f64(s.t_wait, row);
        flops += i64(s.flops, row);
        bytes += i64(s.bytes_read, row) + i64(s.bytes_write, row);
        comm_steps += !is_null(s.meta_comm_type, row);
    }
    // The case's aggregates, as the upstream wrote them.
    EXPECT_NEAR(compute, 137.5329499428571, 1e-9 * 137.5329499428571);
    EXPECT_NEAR(comm, 17.0862982736842, 1e-9 * 17.0862982736842);
    EXPECT_EQ(wait, 0.0);
    EXPECT_EQ(flops, 14362370637824);
    EXPECT_EQ(bytes, 315730952192);
    EXPECT_EQ(comm_steps, 64);  // README: 288 steps, 64 of them comm
    EXPECT_EQ(e.aggregates.num_steps, 288);
    EXPECT_EQ(e.aggregates.total_compute_time_ms, 137.5329499428571);
    EXPECT_EQ(e.aggregates.compute_bound_count, 192);
    EXPECT_EQ(e.aggregates.bw_bound_count, 96);
    EXPECT_EQ(e.aggregates.latency_bound_count, 0);
    EXPECT_EQ(e.aggregates.unknown_count, 0);
    EXPECT_EQ(text(s.op_id, 0), "layers.0.attention_qkv_proj");
    EXPECT_EQ(f64(s.t_compute, 0), 0.9241302857142857);
    EXPECT_EQ(e.producer, "Tier6-Model@d9e6458 L4 EvaluationEngine (math, CHIP)");
}

TEST(EngineResultParser, AFileAndItsTextGiveTheSameResult)
{
    const ParseOutcome file = parse_engine_result_file(fixture("e1.json"));
    const ParseOutcome text_outcome = parse_engine_result_text(read_text(fixture("e1.json")));
    ASSERT_TRUE(file.result && text_outcome.result);
    expect_same_tables(*file.result, *text_outcome.result);
}

TEST(EngineResultParser, AnUnreadableFileIsAnIoError)
{
    const ParseOutcome missing = parse_engine_result_file("/nonexistent/input.json");
    ASSERT_EQ(missing.diagnostics.size(), 1u);
    EXPECT_FALSE(missing.result.has_value());
    EXPECT_EQ(missing.diagnostics[0].code, "E_IO");
    EXPECT_EQ(missing.diagnostics[0].level, Severity::error);
    EXPECT_EQ(missing.diagnostics[0].where, "");
    EXPECT_EQ(missing.diagnostics[0].message, "cannot read /nonexistent/input.json: No such file or directory");

    const ParseOutcome directory = parse_engine_result_file(fixture(""));
    ASSERT_EQ(directory.diagnostics.size(), 1u);
    EXPECT_EQ(directory.diagnostics[0].code, "E_IO");
    EXPECT_TRUE(directory.diagnostics[0].message.ends_with(": Is a directory"));
}

}  // namespace
}  // namespace perfreport
