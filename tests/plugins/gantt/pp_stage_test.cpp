// SPEC 1.9 "Resolved PP stage", rule by rule (sdk/pp_stage.hpp), and the
// gantt rows it places tasks on.
#include <gtest/gtest.h>

#include <perfreport/sdk/pp_stage.hpp>

#include <boost/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gantt_run.hpp"

namespace perfreport {
namespace {
namespace json = boost::json;
using test::document_with;

json::object context_of(const PipelineShape& shape)
{
    json::object context{{"deployment", {{"pp", shape.pp}, {"tp", shape.tp}}}};
    if (shape.num_layers) context["model"] = {{"num_layers", *shape.num_layers}};
    return context;
}

// The resolved stage of every step of `steps_json`, parsed by the host.
std::vector<std::int32_t> stages_of(const char* steps_json, const PipelineShape& shape)
{
    const EngineResult input =
        test::parse_input(json::serialize(document_with(json::parse(steps_json).as_array(), context_of(shape))));
    const PR_StepTable view = input.steps.view();
    const StepTable steps(view);
    const LayerIndexResolver layers(steps);
    const PpStageResolver stage(steps, shape);
    std::vector<std::int32_t> stages;
    for (std::size_t row = 0; row < steps.size(); ++row) stages.push_back(stage(row, layers(row)));
    return stages;
}

using Stages = std::vector<std::int32_t>;

TEST(PpStage, MetaPpStageComesFirst)
{
    EXPECT_EQ(stages_of(R"([
        {"op_id": "layers.7.attn_allreduce", "t_comm": 0.1, "meta": {"pp_stage": 2, "chip_ids": [0]}},
        {"op_id": "lm_head", "t_compute": 0.1, "meta": {"pp_stage": 1}}])",
                        {4, 2, 8}),
              (Stages{2, 1}));
}

TEST(PpStage, ChipIdsInvertUpstreamNumbering)
{
    // pp 4, tp 2: chip = dp_rank·8 + stage·2 + tp_rank.
    EXPECT_EQ(stages_of(R"([
        {"op_id": "comm_a", "t_comm": 0.1, "meta": {"chip_ids": [5, 4]}},
        {"op_id": "comm_b", "t_comm": 0.1, "meta": {"chip_ids": [13, 12]}},
        {"op_id": "comm_c", "t_comm": 0.1, "meta": {"chip_ids": [6, 7]}},
        {"op_id": "comm_d", "t_comm": 0.1, "meta": {"chip_ids": [0]}},
        {"op_id": "layers.0.comm_e", "t_comm": 0.1, "meta": {"chip_ids": [6]}},
        {"op_id": "lm_head_comm", "t_comm": 0.1, "meta": {"chip_ids": [1]}}])",
                        {4, 2, 8}),
              (Stages{2, 2, 3, 0, 3, 0}));
}

TEST(PpStage, TpDefaultsToOne)
{
    EXPECT_EQ(stages_of(R"([{"op_id": "a", "t_comm": 0.1, "meta": {"chip_ids": [1]}},
                            {"op_id": "b", "t_comm": 0.1, "meta": {"chip_ids": [2]}}])",
                        {2, 1, std::nullopt}),
              (Stages{1, 0}));
}

TEST(PpStage, LayerFollowsItsFirstCollectiveDecidedByChipIds)
{
    // pp 4, tp 2, 8 layers: by rule (3) layer 7 would be on stage 3 and layer 5 on stage 2.
    EXPECT_EQ(stages_of(R"([
        {"op_id": "layers.7.attn", "t_compute": 0.1},
        {"op_id": "layers.7.attn_allreduce", "t_comm": 0.1, "meta": {"chip_ids": [1, 0]}},
        {"op_id": "layers.7.ffn", "t_compute": 0.1},
        {"op_id": "layers.7.ffn_allreduce", "t_comm": 0.1, "meta": {"chip_ids": [7]}},
        {"op_id": "fused_op", "t_compute": 0.1, "meta": {"layer_index": 7}},
        {"op_id": "layers.6.ffn", "t_compute": 0.1},
        {"op_id": "layers.5.y_allreduce", "t_comm": 0.1, "meta": {"chip_ids": [2], "pp_stage": 0}},
        {"op_id": "layers.5.ffn", "t_compute": 0.1}])",
                        {4, 2, 8}),
              (Stages{0, 0, 0, 3, 0, 3, 0, 2}));
}

TEST(PpStage, LayerSplitsEvenlyOverStages)
{
    // 8 layers on 4 stages: 2 per stage; layers past the end stay on the last
    // stage; the layer rule comes before the lm_head rule.
    EXPECT_EQ(stages_of(R"([
        {"op_id": "layers.0.a", "t_compute": 0.1}, {"op_id": "layers.1.a", "t_compute": 0.1},
        {"op_id": "layer_2_attn", "t_compute": 0.1}, {"op_id": "layers.3.a", "t_compute": 0.1},
        {"op_id": "L5.MLA.QKV", "t_compute": 0.1}, {"op_id": "layers.7.a", "t_compute": 0.1},
        {"op_id": "layers.9.a", "t_compute": 0.1}, {"op_id": "layers.1.lm_head", "t_compute": 0.1}])",
                        {4, 1, 8}),
              (Stages{0, 0, 1, 1, 2, 3, 3, 0}));
    // Fewer layers than stages: num_layers div pp = 0 puts every layer on stage 0.
    EXPECT_EQ(stages_of(R"([{"op_id": "layers.0.a", "t_compute": 0.1}, {"op_id": "layers.2.a", "t_compute": 0.1}])",
                        {4, 1, 3}),
              (Stages{0, 0}));
}

TEST(PpStage, WithoutNumLayersLmHeadThenZero)
{
    EXPECT_EQ(stages_of(R"([
        {"op_id": "layers.5.a", "t_compute": 0.1}, {"op_id": "layers.5.lm_head", "t_compute": 0.1},
        {"op_id": "lm_head", "t_compute": 0.1}, {"op_id": "model.LMHead", "t_compute": 0.1},
        {"op_id": "embedding", "t_compute": 0.1}])",
                        {4, 1, std::nullopt}),
              (Stages{0, 3, 3, 3, 0}));
}

TEST(PpStage, OneStagePutsEverythingOnStageZero)
{
    EXPECT_EQ(stages_of(R"([
        {"op_id": "comm", "t_comm": 0.1, "meta": {"chip_ids": [12]}},
        {"op_id": "lm_head", "t_compute": 0.1}, {"op_id": "layers.9.a", "t_compute": 0.1}])",
                        {1, 8, 2}),
              (Stages{0, 0, 0}));
}

TEST(PpStage, StageBeyondInt32IsAnError)
{
    const EngineResult input = test::parse_input(
        json::serialize(document_with(json::parse(R"([{"op_id": "a", "t_compute": 0.1}])").as_array())));
    const PR_StepTable view = input.steps.view();
    const StepTable steps(view);
    try {
        const PpStageResolver stage(steps, {std::int64_t{1} << 31, 1, std::nullopt});
        FAIL() << "pp = 2^31 was accepted";
    } catch (const Failure& failure) {
        EXPECT_EQ(failure.status(), PR_ERR_INVALID_INPUT);
        EXPECT_EQ(std::string{failure.what()}, "context value /deployment/pp must be in [1, 2^31 - 1], got 2147483648");
    }
}

TEST(PpStage, GanttPlacesTasksOnTheirStageRows)
{
    const auto gantt = test::run_gantt(
        document_with(json::parse(R"([
            {"op_id": "layers.7.attn", "t_compute": 0.1},
            {"op_id": "layers.7.attn_allreduce", "t_comm": 0.1, "meta": {"chip_ids": [6]}},
            {"op_id": "lm_head", "t_compute": 0.1}])").as_array(),
                      context_of({4, 2, 8})));
    ASSERT_EQ(gantt.tasks.size(), 3u);
    EXPECT_EQ(gantt.tasks[0].at("resource"), "stage3_compute");
    EXPECT_EQ(gantt.tasks[1].at("resource"), "stage3_network");
    EXPECT_EQ(gantt.tasks[2].at("resource"), "stage3_compute");
    EXPECT_EQ(gantt.tasks[2].at("pp_stage"), 3);
    EXPECT_EQ(gantt.resources.size(), 8u);
    EXPECT_EQ(gantt.resources.back(),
              json::parse(R"({"id": "stage3_network", "name": "PP3 Network", "pp_stage": 3, "type": "network"})"));
}

}  // namespace
}  // namespace perfreport
