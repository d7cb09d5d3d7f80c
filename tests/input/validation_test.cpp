// SPEC 1.8 on copies of E1: SPEC 5.10's cases, then one test per code.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "input_test_support.hpp"

namespace perfreport {
namespace {

using test::aggregates;
using test::e1;
using test::errors;
using test::first;
using test::fixture;
using test::parse;
using test::read_text;
using test::step;
using test::warnings;
using Codes = std::vector<std::string>;

// E1's text with one piece of it replaced (for what a DOM cannot hold: NaN, repeated keys).
std::string e1_text_with(std::string_view from, std::string_view to)
{
    std::string input = read_text(fixture("e1.json"));
    const std::size_t at = input.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    input.replace(at, from.size(), to);
    return input;
}

void expect_diagnostic(const ParseOutcome& outcome, std::string_view code, std::string_view where,
                       std::string_view message)
{
    const Diagnostic d = first(outcome, code);
    EXPECT_EQ(d.where, where) << code;
    EXPECT_EQ(d.message, message) << code;
    EXPECT_EQ(d.source, "input");
    EXPECT_EQ(d.level, code.starts_with('E') ? Severity::error : Severity::warning);
}

// ---------------------------------------------------------------- SPEC 5.10

TEST(Spec510, TTotalThatDiffersFromTheSum)
{
    auto document = e1();
    step(document, 2)["t_total"] = 0.13;
    const ParseOutcome outcome = parse(document);
    EXPECT_FALSE(outcome.result.has_value());
    EXPECT_EQ(errors(outcome), Codes{"E_T_TOTAL"});
    expect_diagnostic(outcome, "E_T_TOTAL", "/step_metrics/2/t_total",
                      "t_total 0.13 ms differs from t_compute+t_comm+t_wait = 0.12 ms");
}

TEST(Spec510, UnknownBottleneckTag)
{
    auto document = e1();
    step(document, 0)["bottleneck_tag"] = "MEMORY_BOUND";
    const ParseOutcome outcome = parse(document);
    EXPECT_EQ(errors(outcome), Codes{"E_BOTTLENECK"});
    expect_diagnostic(outcome, "E_BOTTLENECK", "/step_metrics/0/bottleneck_tag",
                      "bottleneck_tag \"MEMORY_BOUND\" is not one of COMPUTE_BOUND, BW_BOUND, LATENCY_BOUND, UNKNOWN");
}

TEST(Spec510, NegativeTCommAlsoBreaksTheSum)
{
    const ParseOutcome outcome = parse_engine_result_text(e1_text_with(R"("t_comm":0.1,)", R"("t_comm":-0.1,)"));
    EXPECT_EQ(errors(outcome), (Codes{"E_NEGATIVE", "E_T_TOTAL"}));
    expect_diagnostic(outcome, "E_NEGATIVE", "/step_metrics/1/t_comm", "t_comm must not be negative, is -0.1");
    expect_diagnostic(outcome, "E_T_TOTAL", "/step_metrics/1/t_total",
                      "t_total 0.1 ms differs from t_compute+t_comm+t_wait = -0.1 ms");
}

TEST(Spec510, NaNInTheTextIsAParseErrorThatNamesIt)
{
    const std::string input = e1_text_with(R"("mfu":0.07241379310344828)", R"("mfu":NaN)");
    for (const std::size_t piece : {input.size(), std::size_t{1}}) {
        EngineResultParser parser;
        for (std::size_t at = 0; at < input.size(); at += piece) {
            if (!parser.write(std::string_view(input).substr(at, piece))) break;
        }
        const ParseOutcome outcome = parser.finish();
        EXPECT_FALSE(outcome.result.has_value());
        ASSERT_EQ(outcome.diagnostics.size(), 1u);  // no end checks after a parse error
        expect_diagnostic(outcome, "E_PARSE", "/aggregates/mfu",
                          "line 17, column 70: NaN is not JSON (Python's json.dump writes it unless allow_nan=False)");
    }
}

TEST(Spec510, NumStepsThatDiffersFromTheStepCount)
{
    auto document = e1();
    aggregates(document)["num_steps"] = 5;
    const ParseOutcome outcome = parse(document);
    EXPECT_EQ(errors(outcome), (Codes{"E_NUM_STEPS", "E_BOTTLENECK_SUM"}));
    expect_diagnostic(outcome, "E_NUM_STEPS", "/aggregates/num_steps", "num_steps is 5 but step_metrics has 4 steps");
    expect_diagnostic(outcome, "E_BOTTLENECK_SUM", "/aggregates/bottleneck_summary",
                      "the bottleneck_summary counts add up to 4, but num_steps is 5");
}

TEST(Spec510, BottleneckSummaryThatDoesNotAddUp)
{
    auto document = e1();
    aggregates(document)["bottleneck_summary"].as_object()["BW_BOUND"] = 3;
    const ParseOutcome outcome = parse(document);
    EXPECT_EQ(errors(outcome), Codes{"E_BOTTLENECK_SUM"});
    expect_diagnostic(outcome, "E_BOTTLENECK_SUM", "/aggregates/bottleneck_summary",
                      "the bottleneck_summary counts add up to 5, but num_steps is 4");
}

TEST(Spec510, FractionalFlops)
{
    const ParseOutcome outcome = parse_engine_result_text(e1_text_with(R"("flops":2000000000)", R"("flops":1.5)"));
    EXPECT_EQ(errors(outcome), Codes{"E_TYPE"});
    expect_diagnostic(outcome, "E_TYPE", "/step_metrics/0/flops", "flops must be an integer, not 1.5");
}

TEST(Spec510, PpStageOutsideThePipeline)
{
    auto document = e1();
    step(document, 3)["meta"].as_object()["pp_stage"] = 2;
    const ParseOutcome outcome = parse(document);
    EXPECT_EQ(errors(outcome), Codes{"E_META"});
    expect_diagnostic(outcome, "E_META", "/step_metrics/3/meta/pp_stage",
                      "meta.pp_stage 2 is outside [0, pp) with pp = 2 (context.deployment.pp, default 1)");
}

TEST(Spec510, AggregateThatDiffersFromTheStepsIsOnlyAWarning)
{
    auto document = e1();
    aggregates(document)["total_compute_time"] = 0.2;
    const ParseOutcome outcome = parse(document);
    EXPECT_TRUE(outcome.result.has_value());
    EXPECT_EQ(warnings(outcome), Codes{"W_AGG_MISMATCH"});
    expect_diagnostic(outcome, "W_AGG_MISMATCH", "/aggregates/total_compute_time",
                      "total_compute_time 0.2 ms differs from the sum of the steps' t_compute, 0.15 ms");
}

TEST(Spec510, OtherSchemaVersion)
{
    auto document = e1();
    document["schema_version"] = 2;
    const ParseOutcome outcome = parse(document);
    EXPECT_EQ(errors(outcome), Codes{"E_SCHEMA_VERSION"});
    expect_diagnostic(outcome, "E_SCHEMA_VERSION", "/schema_version",
                      "schema_version must be 1 (this perfreport reads schema 1), not 2");
}

// ---------------------------------------------------------------- one test per error code

TEST(Validation, Parse)
{
    const ParseOutcome outcome = parse_engine_result_text("{\"format\": \"engine_result\",\n \"step_metrics\": [}");
    EXPECT_EQ(errors(outcome), Codes{"E_PARSE"});
    expect_diagnostic(outcome, "E_PARSE", "/step_metrics", "line 2, column 19: syntax error");

    const ParseOutcome infinity =
        parse_engine_result_text(e1_text_with(R"("t_wait":0.02)", R"("t_wait":-Infinity)"));
    expect_diagnostic(infinity, "E_PARSE", "/step_metrics/2/t_wait",
                      "line 10, column 68: -Infinity is not JSON (Python's json.dump writes it unless allow_nan=False)");

    const ParseOutcome empty = parse_engine_result_text("");
    expect_diagnostic(empty, "E_PARSE", "", "line 1, column 1: the text ends before the JSON value is complete");

    const ParseOutcome trailing = parse_engine_result_text(read_text(fixture("e1.json")) + "\n{}");
    expect_diagnostic(trailing, "E_PARSE", "", "line 35, column 1: unexpected text after the JSON value");
}

TEST(Validation, ParseKeepsWhatWasFoundBefore)
{
    std::string input = e1_text_with(R"("t_comm":0.02)", R"("t_comm":-0.02)");
    input.replace(input.find(R"("mfu":0.07241379310344828)"), 25, R"("mfu":Infinity)");
    const ParseOutcome both = parse_engine_result_text(input);
    EXPECT_EQ(errors(both), (Codes{"E_NEGATIVE", "E_T_TOTAL", "E_PARSE"}));
}

TEST(Validation, Format)
{
    auto document = e1();
    document["format"] = "engine_results";
    const ParseOutcome outcome = parse(document);
    EXPECT_EQ(errors(outcome), Codes{"E_FORMAT"});
    expect_diagnostic(outcome, "E_FORMAT", "/format", "format must be \"engine_result\", not \"engine_results\"");
}

TEST(Validation, SchemaVersionAcceptsOnlyTheInteger1)
{
    auto document = e1();
    document["schema_version"] = "1";
    EXPECT_EQ(errors(parse(document)), Codes{"E_SCHEMA_VERSION"});
    document["schema_version"] = 1.0;  // integral: the integer 1 (SPEC 0)
    EXPECT_TRUE(parse(document).result.has_value());
}

TEST(Validation, Missing)
{
    auto document = e1();
    step(document, 1).erase("op_id");
    aggregates(document).erase("ttft");
    document.erase("granularity");
    const ParseOutcome outcome = parse(document);
    EXPECT_EQ(errors(outcome), (Codes{"E_MISSING", "E_MISSING", "E_MISSING"}));
    EXPECT_EQ(outcome.diagnostics[0].where, "/step_metrics/1/op_id");
    EXPECT_EQ(outcome.diagnostics[0].message, "required key op_id is missing");
    EXPECT_EQ(outcome.diagnostics[1].where, "/aggregates/ttft");
    EXPECT_EQ(outcome.diagnostics[1].message, "required key aggregates.ttft is missing");
    EXPECT_EQ(outcome.diagnostics[2].where, "/granularity");
    EXPECT_EQ(outcome.diagnostics[2].message, "required key granularity is missing");

    auto no_aggregates = e1();
    no_aggregates.erase("aggregates");
    expect_diagnostic(parse(no_aggregates), "E_MISSING", "/aggregates", "required key aggregates is missing");
}

TEST(Validation, Type)
{
    const auto one = [](auto change, std::string_view where, std::string_view message) {
        auto document = e1();
        change(document);
        const ParseOutcome outcome = parse(document);
        EXPECT_EQ(errors(outcome), Codes{"E_TYPE"}) << where;
        expect_diagnostic(outcome, "E_TYPE", where, message);
    };
    one([](auto& d) { step(d, 0)["flops"] = "12"; }, "/step_metrics/0/flops", "flops must be an integer, not \"12\"");
    one([](auto& d) { step(d, 0)["meta"] = boost::json::array(); }, "/step_metrics/0/meta",
        "meta must be an object, not an array");
    one([](auto& d) { step(d, 0)["meta"] = nullptr; }, "/step_metrics/0/meta", "meta must be an object, not null");
    one([](auto& d) { step(d, 1)["t_comm"] = nullptr; }, "/step_metrics/1/t_comm", "t_comm must be a number, not null");
    one([](auto& d) { step(d, 0)["op_id"] = 7; }, "/step_metrics/0/op_id", "op_id must be a string, not 7");
    one([](auto& d) { step(d, 0)["flops"] = 9223372036854775808u; }, "/step_metrics/0/flops",
        "flops 9223372036854775808 does not fit a 64-bit integer (at most 2^63-1)");
    one([](auto& d) { aggregates(d)["tps"] = nullptr; }, "/aggregates/tps", "tps must be a number, not null");
    one([](auto& d) { d["step_metrics"] = boost::json::object(); }, "/step_metrics",
        "step_metrics must be an array, not an object");
    one([](auto& d) { d["trace_meta"] = boost::json::array{1}; }, "/trace_meta",
        "trace_meta must be an object, not an array");
    one([](auto& d) { d["producer"] = 3; }, "/producer", "producer must be a string, not 3");
    one([](auto& d) { d["options"] = {{"preset", "tier7"}}; }, "/options/preset",
        "options.preset \"tier7\" is not a known preset (known: \"tier6\")");
    one([](auto& d) { d["options"] = {{"preset", 6}}; }, "/options/preset",
        "options.preset 6 is not a known preset (known: \"tier6\")");

    const ParseOutcome huge =
        parse_engine_result_text(e1_text_with(R"("memory_peak":1073741824)", R"("memory_peak":1e20)"));
    EXPECT_EQ(errors(huge), Codes{"E_TYPE"});
    expect_diagnostic(huge, "E_TYPE", "/aggregates/memory_peak",
                      "memory_peak 1e20 does not fit a 64-bit integer (at most 2^63-1)");

    const ParseOutcome array = parse_engine_result_text("[1, 2]");
    EXPECT_EQ(errors(array), Codes{"E_TYPE"});
    expect_diagnostic(array, "E_TYPE", "", "the document must be a JSON object, not an array");
}

TEST(Validation, TypeOfDeclaredContextKeys)
{
    auto document = e1();
    auto& context = document["context"].as_object();
    context["deployment"].as_object()["tp"] = 0;
    context["deployment"].as_object()["is_prefill"] = "yes";
    context["hardware"].as_object()["compute_tflops"] = "100";
    context["model"].as_object()["name"] = nullptr;
    context["model"].as_object()["dtype_bytes"] = 3;
    context["topology"].as_object()["interconnect"].as_object()["links"].as_object()["r2r"] = 5;
    context["run_config"] = "x";
    const ParseOutcome outcome = parse(document);
    EXPECT_EQ(errors(outcome), Codes(7, "E_TYPE"));
    // In the input's order: model, hardware, deployment, topology, then run_config.
    std::vector<std::string> wheres;
    for (const auto& d : outcome.diagnostics) wheres.push_back(d.where);
    EXPECT_EQ(wheres, (std::vector<std::string>{
                          "/context/model/name", "/context/model/dtype_bytes", "/context/hardware/compute_tflops",
                          "/context/deployment/tp", "/context/deployment/is_prefill",
                          "/context/topology/interconnect/links/r2r", "/context/run_config"}));
    expect_diagnostic(outcome, "E_TYPE", "/context/model/name", "context.model.name must be a string, not null");
    EXPECT_EQ(outcome.diagnostics[3].message, "context.deployment.tp must be an integer >= 1, not 0");
    EXPECT_EQ(outcome.diagnostics[4].message, "context.deployment.is_prefill must be true or false, not \"yes\"");
}

TEST(Validation, ContextNumbersAreQuotedReadably)
{
    auto document = e1();
    document["context"].as_object()["hardware"].as_object()["memory_capacity_gb"] = -0.5;
    expect_diagnostic(parse(document), "E_NEGATIVE", "/context/hardware/memory_capacity_gb",
                      "context.hardware.memory_capacity_gb must be a number > 0, not -0.5");
}

TEST(Validation, ContextKeysWithoutADeclaredTypeAreNotChecked)
{
    auto document = e1();
    auto& context = document["context"].as_object();
    context["deployment"].as_object()["comm_protocol"] = "anything";
    context["model"].as_object()["extra"] = nullptr;
    context["something_else"] = 1;
    document["options"] = {{"preset", "tier6"}, {"gantt", {{"mode", 5}}}};  // plugin options: the host's job
    const ParseOutcome outcome = parse(document);
    EXPECT_TRUE(outcome.diagnostics.empty());
    ASSERT_TRUE(outcome.result.has_value());
    EXPECT_EQ(outcome.result->options.at("gantt").at("mode").as_int64(), 5);
}

TEST(Validation, Negative)
{
    auto document = e1();
    step(document, 0)["bytes_read"] = -1;
    step(document, 1)["meta"].as_object()["comm_bytes"] = -5;
    aggregates(document)["ttft"] = -0.15;
    document["context"].as_object()["deployment"].as_object()["pp"] = -2;
    const ParseOutcome outcome = parse(document);
    EXPECT_EQ(errors(outcome), Codes(4, "E_NEGATIVE"));
    const Diagnostics found = test::only(outcome, Severity::error);
    ASSERT_EQ(found.size(), 4u);
    EXPECT_EQ(found[0].where, "/step_metrics/0/bytes_read");
    EXPECT_EQ(found[0].message, "bytes_read must not be negative, is -1");
    EXPECT_EQ(found[1].where, "/step_metrics/1/meta/comm_bytes");
    EXPECT_EQ(found[1].message, "meta.comm_bytes must not be negative, is -5");
    EXPECT_EQ(found[2].where, "/aggregates/ttft");
    EXPECT_EQ(found[3].where, "/context/deployment/pp");
    EXPECT_EQ(found[3].message, "context.deployment.pp must be an integer >= 1, not -2");
}

TEST(Validation, NonFinite)
{
    std::string input = e1_text_with(R"("t_wait":0.02)", R"("t_wait":1e400)");
    input.replace(input.find(R"("total_time":0.29)"), 17, R"("total_time":-1e999)");
    input.replace(input.find(R"("compute_tflops":100)"), 20, R"("compute_tflops":1E+400)");
    input.replace(input.find(R"("flops":0)"), 9, R"("flops":1e400)");
    const ParseOutcome outcome = parse_engine_result_text(input);
    EXPECT_EQ(errors(outcome), Codes(4, "E_NONFINITE"));  // and no E_TYPE for the context value
    const Diagnostics found = test::only(outcome, Severity::error);
    ASSERT_EQ(found.size(), 4u);
    EXPECT_EQ(found[0].where, "/step_metrics/1/flops");
    EXPECT_EQ(found[0].message, "flops 1e400 does not fit a double");
    EXPECT_EQ(found[1].where, "/step_metrics/2/t_wait");
    EXPECT_EQ(found[1].message, "t_wait 1e400 does not fit a double");
    EXPECT_EQ(found[2].where, "/aggregates/total_time");
    EXPECT_EQ(found[2].message, "total_time -1e999 does not fit a double");
    EXPECT_EQ(found[3].where, "/context/hardware/compute_tflops");
    EXPECT_EQ(found[3].message, "the number 1E+400 does not fit a double");
}

TEST(Validation, Granularity)
{
    auto document = e1();
    document["granularity"] = "chip";
    const ParseOutcome outcome = parse(document);
    EXPECT_EQ(errors(outcome), Codes{"E_GRANULARITY"});
    expect_diagnostic(outcome, "E_GRANULARITY", "/granularity",
                      "granularity must be one of \"CHIP\", \"CORE\", \"LANE\", not \"chip\"");
    document["granularity"] = "LANE";
    const ParseOutcome lane = parse(document);
    ASSERT_TRUE(lane.result.has_value());
    EXPECT_EQ(lane.result->granularity, PR_GRANULARITY_LANE);
}

TEST(Validation, BottleneckSummaryKey)
{
    auto document = e1();
    aggregates(document)["bottleneck_summary"].as_object()["MEMORY_BOUND"] = 0;
    const ParseOutcome outcome = parse(document);
    EXPECT_EQ(errors(outcome), Codes{"E_BOTTLENECK"});
    expect_diagnostic(outcome, "E_BOTTLENECK", "/aggregates/bottleneck_summary/MEMORY_BOUND",
                      "bottleneck_summary key \"MEMORY_BOUND\" is not one of COMPUTE_BOUND, BW_BOUND, LATENCY_BOUND, "
                      "UNKNOWN");
}

TEST(Validation, TTotalWithinApproxIsAccepted)
{
    auto document = e1();
    step(document, 2)["t_total"] = 0.1200001;  // |diff| = 1e-7 <= 1e-6
    EXPECT_TRUE(parse(document).result.has_value());
    step(document, 2)["t_total"] = 0.120002;  // 2e-6 > 1e-6
    EXPECT_EQ(errors(parse(document)), Codes{"E_T_TOTAL"});
}

TEST(Validation, NumStepsIsNotCheckedWithoutSteps)
{
    auto document = e1();
    document["step_metrics"] = boost::json::array();
    const ParseOutcome outcome = parse(document);
    ASSERT_TRUE(outcome.result.has_value());  // a summary-only input
    EXPECT_EQ(outcome.result->steps.size(), 0u);
    EXPECT_EQ(outcome.result->aggregates.bw_bound_count, 2);
}

TEST(Validation, Meta)
{
    auto document = e1();
    step(document, 0)["meta"].as_object()["phase"] = "warmup";
    step(document, 0)["meta"].as_object()["layer_index"] = -1;
    step(document, 1)["meta"].as_object()["evaluator"] = 5;
    step(document, 1)["meta"].as_object()["chip_ids"] = {0, "1", -3};
    step(document, 2)["meta"].as_object()["comm_bytes"] = "12";
    step(document, 2)["meta"].as_object()["token_index"] = boost::json::object();
    const ParseOutcome outcome = parse(document);
    EXPECT_EQ(errors(outcome), Codes(7, "E_META"));
    std::vector<std::string> wheres;
    for (const auto& d : outcome.diagnostics) wheres.push_back(d.where);
    EXPECT_EQ(wheres,
              (std::vector<std::string>{"/step_metrics/0/meta/phase", "/step_metrics/0/meta/layer_index",
                                        "/step_metrics/1/meta/evaluator", "/step_metrics/1/meta/chip_ids/1",
                                        "/step_metrics/1/meta/chip_ids/2", "/step_metrics/2/meta/comm_bytes",
                                        "/step_metrics/2/meta/token_index"}));
    EXPECT_EQ(outcome.diagnostics[0].message, "meta.phase must be \"prefill\" or \"decode\", not \"warmup\"");
    EXPECT_EQ(outcome.diagnostics[1].message, "meta.layer_index must not be negative, is -1");
    EXPECT_EQ(outcome.diagnostics[2].message, "meta.evaluator must be a string, not 5");
    EXPECT_EQ(outcome.diagnostics[3].message, "meta.chip_ids[1] must be an integer, not \"1\"");
    EXPECT_EQ(outcome.diagnostics[4].message, "meta.chip_ids[2] must not be negative, is -3");
    EXPECT_EQ(outcome.diagnostics[5].message, "meta.comm_bytes must be an integer, not \"12\"");
    EXPECT_EQ(outcome.diagnostics[6].message, "meta.token_index must be an integer >= 0, not an object");
}

TEST(Validation, MetaIntegerWithAFraction)
{
    const ParseOutcome outcome = parse_engine_result_text(
        e1_text_with(R"("comm_bytes":500000)", R"("comm_bytes":500000.5)"));
    EXPECT_EQ(errors(outcome), Codes{"E_META"});
    expect_diagnostic(outcome, "E_META", "/step_metrics/3/meta/comm_bytes",
                      "meta.comm_bytes must be an integer, not 500000.5");
    const ParseOutcome integral =
        parse_engine_result_text(e1_text_with(R"("comm_bytes":500000)", R"("comm_bytes":5.0e5)"));
    ASSERT_TRUE(integral.result.has_value());
    EXPECT_EQ(test::i64(integral.result->steps.view().meta_comm_bytes, 3), 500000);
}

TEST(Validation, MetaNullMeansAbsentAndPhaseIgnoresCase)
{
    auto document = e1();
    step(document, 0)["meta"].as_object()["evaluator"] = nullptr;
    step(document, 0)["meta"].as_object()["phase"] = "PreFill";
    step(document, 0)["meta"].as_object()["local_weight_bytes"] = nullptr;
    const ParseOutcome outcome = parse(document);
    ASSERT_TRUE(outcome.result.has_value());
    const PR_StepTable s = outcome.result->steps.view();
    EXPECT_TRUE(test::is_null(s.meta_evaluator, 0));
    EXPECT_EQ(test::i64(s.meta_phase, 0), PR_PHASE_PREFILL);
}

// pp defaults to 1, and the check waits for a context that comes after the steps.
TEST(Validation, PpStageAgainstTheDefaultPp)
{
    auto document = e1();
    document["context"].as_object()["deployment"].as_object().erase("pp");
    const ParseOutcome outcome = parse(document);
    EXPECT_EQ(errors(outcome), Codes{"E_META"});
    expect_diagnostic(outcome, "E_META", "/step_metrics/3/meta/pp_stage",
                      "meta.pp_stage 1 is outside [0, pp) with pp = 1 (context.deployment.pp, default 1)");
}

TEST(Validation, PpStageFindingsTakeTheirStepsPlaceInTheOrder)
{
    for (const bool context_first : {false, true}) {
        auto document = e1();
        step(document, 3)["meta"].as_object()["pp_stage"] = 2;
        step(document, 0)["t_wait"] = -1;  // before it
        aggregates(document)["tps"] = -1;  // after it
        if (context_first) {
            boost::json::object reordered{{"context", document["context"]}};
            for (const auto& member : document) {
                if (member.key() != "context") reordered[member.key()] = member.value();
            }
            document = std::move(reordered);
        }
        const ParseOutcome outcome = parse(document);
        EXPECT_EQ(errors(outcome), (Codes{"E_NEGATIVE", "E_T_TOTAL", "E_META", "E_NEGATIVE"})) << context_first;
    }
}

TEST(Validation, EmptyOpId)
{
    auto document = e1();
    step(document, 0)["op_id"] = "";
    const ParseOutcome outcome = parse(document);
    EXPECT_EQ(errors(outcome), Codes{"E_EMPTY_OP_ID"});
    expect_diagnostic(outcome, "E_EMPTY_OP_ID", "/step_metrics/0/op_id", "op_id is empty");
}

TEST(Validation, DuplicateKey)
{
    const ParseOutcome step_key =
        parse_engine_result_text(e1_text_with(R"("t_total":0.12,)", R"("t_total":0.12,"t_total":0.12,)"));
    EXPECT_EQ(errors(step_key), Codes{"E_DUPLICATE_KEY"});
    expect_diagnostic(step_key, "E_DUPLICATE_KEY", "/step_metrics/2/t_total",
                      "key \"t_total\" appears more than once in the same object");

    const ParseOutcome top_key =
        parse_engine_result_text(e1_text_with(R"("schema_version":1,)", R"("schema_version":1,"schema_version":1,)"));
    expect_diagnostic(top_key, "E_DUPLICATE_KEY", "/schema_version",
                      "key \"schema_version\" appears more than once in the same object");
}

TEST(Validation, ErrorsAreCappedPerCode)
{
    auto document = e1();
    for (std::size_t i = 0; i < 4; ++i) step(document, i)["t_wait"] = -1;
    ParseOptions options;
    options.max_errors_per_code = 2;
    const ParseOutcome outcome = parse(document, options);
    // Each summary line follows the last finding of its code.
    EXPECT_EQ(errors(outcome), (Codes{"E_NEGATIVE", "E_T_TOTAL", "E_NEGATIVE", "E_NEGATIVE", "E_T_TOTAL",
                                      "E_T_TOTAL"}));
    EXPECT_EQ(outcome.diagnostics[3].message, "... and 2 more E_NEGATIVE");
    EXPECT_EQ(outcome.diagnostics[5].message, "... and 2 more E_T_TOTAL");
}

TEST(Validation, AStepThatIsNotAnObject)
{
    auto document = e1();
    document["step_metrics"].as_array()[1] = 42;
    const ParseOutcome outcome = parse(document);
    EXPECT_EQ(errors(outcome), Codes{"E_TYPE"});
    expect_diagnostic(outcome, "E_TYPE", "/step_metrics/1", "step 1 must be an object, not 42");
}

// ---------------------------------------------------------------- one test per warning code

TEST(Validation, UnknownKeys)
{
    auto document = e1();
    document["aggregate"] = boost::json::object();
    step(document, 0)["tcompute"] = 1;
    step(document, 2)["tcompute"] = 1;  // the same key again: not reported again
    aggregates(document)["ttfb"] = 1;
    const ParseOutcome outcome = parse(document);
    EXPECT_TRUE(outcome.result.has_value());
    EXPECT_EQ(warnings(outcome), (Codes{"W_UNKNOWN_KEY", "W_UNKNOWN_KEY", "W_UNKNOWN_KEY"}));
    EXPECT_EQ(outcome.diagnostics[0].where, "/step_metrics/0/tcompute");
    EXPECT_EQ(outcome.diagnostics[0].message,
              "unknown step key \"tcompute\" (did you mean \"t_compute\"?), ignored; reported at its first step only");
    EXPECT_EQ(outcome.diagnostics[1].where, "/aggregates/ttfb");
    EXPECT_EQ(outcome.diagnostics[1].message, "unknown aggregates key \"ttfb\" (did you mean \"ttft\"?), ignored");
    EXPECT_EQ(outcome.diagnostics[2].where, "/aggregate");
    EXPECT_EQ(outcome.diagnostics[2].message, "unknown key \"aggregate\" (did you mean \"aggregates\"?), ignored");
}

TEST(Validation, UnknownKeyWithoutASuggestion)
{
    auto document = e1();
    document["generator_version"] = "3.1";
    expect_diagnostic(parse(document), "W_UNKNOWN_KEY", "/generator_version",
                      "unknown key \"generator_version\", ignored");
}

TEST(Validation, DuplicateOpIdIsKept)
{
    auto document = e1();
    step(document, 2)["op_id"] = "layers.0.mla_q_a";
    const ParseOutcome outcome = parse(document);
    ASSERT_TRUE(outcome.result.has_value());
    EXPECT_EQ(warnings(outcome), Codes{"W_DUPLICATE_OP_ID"});
    expect_diagnostic(outcome, "W_DUPLICATE_OP_ID", "/step_metrics/2/op_id",
                      "op_id \"layers.0.mla_q_a\" is also the op_id of step 0 (both steps are kept)");
    EXPECT_EQ(outcome.result->steps.size(), 4u);
    EXPECT_EQ(outcome.result->steps.op_id(2), "layers.0.mla_q_a");
}

TEST(Validation, NoSteps)
{
    auto document = e1();
    document["step_metrics"] = boost::json::array();
    const ParseOutcome outcome = parse(document);
    EXPECT_TRUE(outcome.result.has_value());
    EXPECT_EQ(warnings(outcome), Codes{"W_NO_STEPS"});
    expect_diagnostic(outcome, "W_NO_STEPS", "/step_metrics",
                      "step_metrics is empty: the step-based sections will be empty");
}

TEST(Validation, AggregateMismatches)
{
    auto document = e1();
    aggregates(document)["total_flops"] = 1;
    aggregates(document)["total_bytes"] = 113097153;
    aggregates(document)["total_wait_time"] = 0.0200001;  // within approx: fine
    aggregates(document)["total_time"] = 99;              // never checked (SPEC 1.8)
    aggregates(document)["bottleneck_summary"] = {{"COMPUTE_BOUND", 2}, {"BW_BOUND", 1}, {"LATENCY_BOUND", 1}};
    const ParseOutcome outcome = parse(document);
    EXPECT_TRUE(outcome.result.has_value());
    EXPECT_EQ(warnings(outcome), Codes(3, "W_AGG_MISMATCH"));
    EXPECT_EQ(outcome.diagnostics[0].where, "/aggregates/total_flops");
    EXPECT_EQ(outcome.diagnostics[0].message, "total_flops 1 differs from the sum of the steps' flops, 2100000000");
    EXPECT_EQ(outcome.diagnostics[1].where, "/aggregates/total_bytes");
    EXPECT_EQ(outcome.diagnostics[2].where, "/aggregates/bottleneck_summary");
    EXPECT_EQ(outcome.diagnostics[2].message,
              "bottleneck_summary differs from the steps' tags: COMPUTE_BOUND 2 vs 1, BW_BOUND 1 vs 2, "
              "LATENCY_BOUND 1 vs 1, UNKNOWN 0 vs 0");
    EXPECT_EQ(outcome.result->aggregates.compute_bound_count, 2);  // the summary wins
}

TEST(Validation, MfuOrMbuAboveOne)
{
    std::string input = e1_text_with(R"("mfu":0.07241379310344828)", R"("mfu":1.2)");
    input.replace(input.find(R"("mbu":0.19499509)"), 16, R"("mbu":1)");  // not above
    const ParseOutcome outcome = parse_engine_result_text(input);
    EXPECT_TRUE(outcome.result.has_value());
    EXPECT_EQ(warnings(outcome), Codes{"W_MFU_GT_1"});
    expect_diagnostic(outcome, "W_MFU_GT_1", "/aggregates/mfu",
                      "mfu 1.2 is above 1: the run would exceed the hardware's peak");
}

}  // namespace
}  // namespace perfreport
