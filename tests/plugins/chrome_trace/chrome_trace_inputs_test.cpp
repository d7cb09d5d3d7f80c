// chrome_tracing.json on more inputs, each through the checker and against
// its gantt section: the reference cases (both presets), a 100k-step input
// from bench/generate_engine_result.py, a step that has both compute and
// comm (a flow), and op ids that no text format likes.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "command_runner.hpp"
#include "e1_input.hpp"
#include "generated_input.hpp"
#include "temp_dir.hpp"
#include "trace_export.hpp"
#include "upstream_case.hpp"

namespace perfreport {
namespace {

using test::trace_offset_us;

class ChromeTraceOnCase : public ::testing::TestWithParam<std::string> {};

TEST_P(ChromeTraceOnCase, KeepsTheRulesAndShowsTheGantt)
{
    const test::TempDir dir;
    for (const char* input : {"input.json", "input.tier6.json"}) {
        SCOPED_TRACE(input);
        test::ExportedTrace exported;
        ASSERT_NO_FATAL_FAILURE(test::export_trace((test::case_dir(GetParam()) / input).string(), dir / input,
                                                   exported, {"--analyzers", "gantt"}));
        test::expect_valid_trace_of_gantt(exported);
    }
}

INSTANTIATE_TEST_SUITE_P(ReferenceCases, ChromeTraceOnCase, ::testing::ValuesIn(test::reference_cases()));

TEST(ChromeTrace, A100kStepInputKeepsTheRules)
{
    const test::TempDir dir;
    const std::string input = (dir / "big.json").string();
    ASSERT_NO_FATAL_FAILURE(test::generate_engine_result(100000, input));
    test::ExportedTrace exported;
    ASSERT_NO_FATAL_FAILURE(test::export_trace(input, dir / "out", exported, {"--analyzers", "gantt"}));
    test::expect_valid_trace_of_gantt(exported);
    EXPECT_GE(exported.events_of("X").size(), 100000u);
}

TEST(ChromeTrace, AStepWithComputeAndCommHasAFlowBetweenThem)
{
    const test::TempDir dir;
    // Step 2 (layers.1.ffn_down, stage 1) also communicates for 0.03 ms.
    const std::string input = test::e1_with_flow(dir / "input.json");
    test::ExportedTrace exported;
    ASSERT_NO_FATAL_FAILURE(test::export_trace(input, dir / "out", exported));
    test::expect_valid_trace_of_gantt(exported);
    const auto starts = exported.events_of("s");
    const auto ends = exported.events_of("f");
    ASSERT_EQ(starts.size(), 1u);
    ASSERT_EQ(ends.size(), 1u);
    // From the compute segment [150, 250] on PP1 Compute to the comm segment
    // [250, 280] on PP1 Network.
    EXPECT_EQ(starts[0].at("id"), 1);
    EXPECT_EQ(starts[0].at("cat"), "dep");
    EXPECT_EQ(starts[0].at("name"), "compute_to_comm");
    EXPECT_EQ(starts[0].at("ts").as_double(), 150.00000000000003 + trace_offset_us);
    EXPECT_EQ(starts[0].at("pid"), 1);
    EXPECT_EQ(starts[0].at("tid"), 0);
    EXPECT_EQ(ends[0].at("id"), 1);
    EXPECT_EQ(ends[0].at("bp"), "e");
    EXPECT_EQ(ends[0].at("ts").as_double(), 250 + trace_offset_us);
    EXPECT_EQ(ends[0].at("pid"), 1);
    EXPECT_EQ(ends[0].at("tid"), 1);
}

TEST(ChromeTrace, OpIdsComeOutIntact)
{
    const std::vector<std::string> op_ids{
        "layers.0.mla_q_a,with \"quotes\", commas",
        "=layers.0.mla_out_proj_comm\nsecond line\r\n",
        "@layers.1.ffn_down ünïcødé 層 🚀",
        "+layers.1.pp_send_p2p\t-1|' /C calc'!A0\\",
    };
    const test::TempDir dir;
    const std::string input = test::e1_variant(dir / "input.json", [&](boost::json::object& e1) {
        auto& steps = e1.at("step_metrics").as_array();
        for (std::size_t i = 0; i < op_ids.size(); ++i) steps[i].as_object()["op_id"] = op_ids[i];
    });
    test::ExportedTrace exported;
    ASSERT_NO_FATAL_FAILURE(test::export_trace(input, dir / "out", exported));
    test::expect_valid_trace_of_gantt(exported);
    std::vector<std::string> names;
    for (const auto& event : exported.events_of("X")) names.emplace_back(event.at("name").as_string());
    // E1's five tasks come from steps 0, 1, 2, 2 (its wait) and 3.
    EXPECT_EQ(names, (std::vector<std::string>{op_ids[0], op_ids[1], op_ids[2], op_ids[2], op_ids[3]}));
}

}  // namespace
}  // namespace perfreport
