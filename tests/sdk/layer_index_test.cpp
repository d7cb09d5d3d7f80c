// layer_index_from_op_id against SPEC 1.9's examples and against std::regex
// itself on a corpus of tricky ids.
#include <gtest/gtest.h>

#include <perfreport/sdk/layer_index.hpp>

#include <regex>

namespace perfreport {
namespace {

// The SPEC's definition, executed by the standard library.
std::optional<int64_t> by_regex(const std::string& op_id)
{
    static const std::regex patterns[] = {
        std::regex(R"(layers\.(\d+)\.)", std::regex::icase | std::regex::ECMAScript),
        std::regex(R"(layer[_\-]?(\d+))", std::regex::icase | std::regex::ECMAScript),
        std::regex(R"(L(\d+)\.)", std::regex::icase | std::regex::ECMAScript),
        std::regex(R"(^(\d+)[_\-])", std::regex::icase | std::regex::ECMAScript)};
    for (const auto& pattern : patterns) {
        std::smatch match;
        if (std::regex_search(op_id, match, pattern)) return std::stoll(match[1].str());
    }
    return std::nullopt;
}

TEST(LayerIndex, SpecExamples)
{
    EXPECT_EQ(layer_index_from_op_id("layers.5.mla"), 5);
    EXPECT_EQ(layer_index_from_op_id("layer_0_attn"), 0);
    EXPECT_EQ(layer_index_from_op_id("L5.MLA.QKV"), 5);
    EXPECT_EQ(layer_index_from_op_id("lm_head"), std::nullopt);
}

TEST(LayerIndex, AgreesWithTheRegexDefinition)
{
    const char* corpus[] = {
        "layers.12.moe_expert_gate", "LAYERS.3.x", "layers.3", "layers.x.layer7", "layers.12a.layer-4",
        "Layer-9_ffn", "layer_-5", "layer__5", "player3", "blocks.l14.attn", "mla_l2_x.l3.y", "l.5.",
        "7_attn", "7-attn", "7attn", "07_x", "x_7_y", "", "layers..5.", "layers.5.layer_2", "decoder.L10.",
        "layerx", "L5", "embedding", "layers.999999999999.x", "l12.layers.4.z", "LAYER17"};
    for (const char* id : corpus) EXPECT_EQ(layer_index_from_op_id(id), by_regex(id)) << id;
}

}  // namespace
}  // namespace perfreport
