// Options: precedence, presets, schema checks, defaults (SPEC 1.7, 6.1).
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "pipeline/options_resolver.hpp"

namespace perfreport {
namespace {
namespace json = boost::json;

const std::vector<OptionSchema> roofline_schema = {
    {"roofline", R"({"ai_min": {"type": "number", "default": 0.01},
                     "num_points": {"type": "integer", "default": 100, "minimum": 2}})"},
    {"chrome_trace", R"({"counters": {"type": "boolean", "default": true}})"}};

json::object object(const char* text)
{
    return json::parse(text).as_object();
}

const Diagnostic* find_code(const Diagnostics& diagnostics, const std::string& code)
{
    for (const auto& d : diagnostics) {
        if (d.code == code) return &d;
    }
    return nullptr;
}

TEST(OptionsResolver, DefaultsFillEveryDeclaredOption)
{
    const ResolvedOptions resolved = resolve_options({}, {}, roofline_schema);
    EXPECT_TRUE(resolved.diagnostics.empty());
    EXPECT_EQ(resolved.options.at("roofline").at("ai_min").as_double(), 0.01);
    EXPECT_EQ(resolved.options.at("roofline").at("num_points").as_int64(), 100);
    EXPECT_EQ(resolved.options.at("chrome_trace").at("counters").as_bool(), true);
    EXPECT_EQ(resolved.core.top_n, 5);
    EXPECT_TRUE(resolved.core.include_step_metrics);
}

TEST(OptionsResolver, CommandLineWinsOverInput)
{
    const auto input = object(R"({"roofline": {"num_points": 10}, "summary": {"top_n": 2}})");
    const std::vector<CommandLineOption> cli = {parse_command_line_option("roofline.num_points=50")};
    const ResolvedOptions resolved = resolve_options(input, cli, roofline_schema);
    EXPECT_TRUE(resolved.diagnostics.empty());
    EXPECT_EQ(resolved.options.at("roofline").at("num_points").as_int64(), 50);
    EXPECT_EQ(resolved.core.top_n, 2);
}

TEST(OptionsResolver, Tier6PresetExpandsAndIndividualOptionsOverrideIt)
{
    const auto input = object(R"({"preset": "tier6", "gantt": {"mode": "segmented"}})");
    const ResolvedOptions resolved = resolve_options(input, {}, roofline_schema);
    EXPECT_TRUE(resolved.diagnostics.empty());
    EXPECT_EQ(resolved.options.at("cost").at("preset").as_string(), "tier6");
    EXPECT_EQ(resolved.options.at("memory").at("model").as_string(), "code");
    EXPECT_EQ(resolved.options.at("gantt").at("mode").as_string(), "segmented");
    EXPECT_EQ(resolved.options.at("gantt").at("phase_transition").as_string(), "midpoint");
    EXPECT_EQ(resolved.options.at("traffic").at("link_bandwidth_unit").as_string(), "Gbps");
}

TEST(OptionsResolver, CommandLinePresetReplacesTheInputPreset)
{
    const auto input = object(R"({"preset": "tier6"})");
    const ResolvedOptions resolved = resolve_options(input, {parse_command_line_option("preset=seed")}, {});
    EXPECT_FALSE(resolved.options.contains("memory"));
    EXPECT_EQ(resolved.options.at("preset").as_string(), "seed");
}

TEST(OptionsResolver, UnknownPresetIsATypeError)
{
    const ResolvedOptions resolved = resolve_options(object(R"({"preset": "tier7"})"), {}, {});
    const Diagnostic* d = find_code(resolved.diagnostics, "E_TYPE");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->where, "/options/preset");
    EXPECT_NE(d->message.find("known: seed, tier6"), std::string::npos) << d->message;
}

TEST(OptionsResolver, WrongTypeIsAnErrorWithItsPointer)
{
    const ResolvedOptions resolved =
        resolve_options(object(R"({"roofline": {"num_points": "many"}})"), {}, roofline_schema);
    const Diagnostic* d = find_code(resolved.diagnostics, "E_TYPE");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->where, "/options/roofline/num_points");
    EXPECT_EQ(d->message, "option roofline.num_points must be an integer, got \"many\"");
}

TEST(OptionsResolver, ValueBelowMinimumIsAnError)
{
    const ResolvedOptions resolved =
        resolve_options({}, {parse_command_line_option("summary.top_n=-1")}, {});
    const Diagnostic* d = find_code(resolved.diagnostics, "E_TYPE");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->message, "--option summary.top_n must be at least 0, got -1");
}

TEST(OptionsResolver, UnknownKeyWarnsWithTheClosestKnownKey)
{
    const ResolvedOptions resolved =
        resolve_options(object(R"({"roofline": {"ai_mni": 1}})"), {}, roofline_schema);
    const Diagnostic* d = find_code(resolved.diagnostics, "W_UNKNOWN_KEY");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->level, Severity::warning);
    EXPECT_EQ(d->where, "/options/roofline/ai_mni");
    EXPECT_EQ(d->message, "unknown option roofline.ai_mni (did you mean 'ai_min'?)");
}

TEST(OptionsResolver, UnknownSectionWarnsButSpecSectionsPassThrough)
{
    const ResolvedOptions resolved =
        resolve_options(object(R"({"rooflin": {}, "gantt": {"mode": "per_step"}})"), {}, roofline_schema);
    ASSERT_EQ(resolved.diagnostics.size(), 1u);
    EXPECT_EQ(resolved.diagnostics[0].message, "unknown option rooflin (did you mean 'roofline'?)");
    EXPECT_EQ(resolved.options.at("gantt").at("mode").as_string(), "per_step");
}

TEST(CommandLineOption, ValuesAreJsonWhenTheyAreJson)
{
    EXPECT_EQ(parse_command_line_option("a.b=3").value.as_int64(), 3);
    EXPECT_EQ(parse_command_line_option("a.b=true").value.as_bool(), true);
    EXPECT_EQ(parse_command_line_option("a.b=per_step").value.as_string(), "per_step");
    EXPECT_EQ(parse_command_line_option("a.b=\"3\"").value.as_string(), "3");
    EXPECT_THROW(parse_command_line_option("no_equals"), std::invalid_argument);
    EXPECT_THROW(parse_command_line_option("a.b.c=1"), std::invalid_argument);
}

}  // namespace
}  // namespace perfreport

namespace perfreport {
namespace {

TEST(OptionsSchemaProblems, ARightSchemaHasNone)
{
    EXPECT_TRUE(options_schema_problems(roofline_schema[0].schema_json).empty());
    EXPECT_TRUE(options_schema_problems(R"({"mode": {"type": "string", "default": "a", "values": ["a", "b"],
                                                   "description": "which"}})")
                    .empty());
}

TEST(OptionsSchemaProblems, NamesEachMistake)
{
    EXPECT_EQ(options_schema_problems("[1]"), std::vector<std::string>{"is not a JSON object"});
    const std::vector<std::string> expected{
        "option 'a': \"type\" must be one of \"number\", \"integer\", \"boolean\", \"string\"",
        "option 'b': its default true must be an integer",
        "option 'c': its default \"z\" must be one of [\"x\",\"y\"]",
        "option 'd' has an unknown key 'defualt' (did you mean 'default'?)",
        "option 'e': \"minimum\" must be a number",
        "option 'f' is not an object"};
    EXPECT_EQ(options_schema_problems(R"({"a": {"type": "float"},
                                          "b": {"type": "integer", "default": true},
                                          "c": {"type": "string", "default": "z", "values": ["x", "y"]},
                                          "d": {"type": "number", "defualt": 1},
                                          "e": {"type": "number", "minimum": "0"},
                                          "f": 3})"),
              expected);
}

}  // namespace
}  // namespace perfreport
