// effective_context(): the context with the fallbacks of SPEC 1.6.
#include "input/effective_context.hpp"

#include <gtest/gtest.h>

#include "input_test_support.hpp"

namespace perfreport {
namespace {

using test::e1;
using test::parse;

boost::json::object effective(const boost::json::object& document)
{
    const ParseOutcome outcome = parse(document);
    if (!outcome.result) {
        ADD_FAILURE() << outcome.diagnostics.front().message;
        return {};
    }
    return effective_context(*outcome.result);
}

TEST(EffectiveContext, E1KeepsItsContextAndGainsDefaultsAndTraceMeta)
{
    const auto document = e1();
    const auto context = effective(document);
    EXPECT_EQ(context.at("model"), document.at("context").at("model"));
    EXPECT_EQ(context.at("hardware"), document.at("context").at("hardware"));
    EXPECT_EQ(context.at("topology"), document.at("context").at("topology"));
    EXPECT_EQ(context.at("deployment").at("tp").as_int64(), 4);
    EXPECT_EQ(context.at("deployment").at("moe_tp").as_int64(), 1);  // absent in E1
    EXPECT_EQ(context.at("trace_meta"), (boost::json::object{{"num_ops", 4}}));
}

// SPEC 5.10: context.hardware removed, trace_meta.hardware given.
TEST(EffectiveContext, HardwareFromTraceMeta)
{
    auto document = e1();
    document["context"].as_object().erase("hardware");
    document["trace_meta"] = {{"hardware", {{"compute_tflops", 100}, {"memory_bandwidth_gbps", 2000}}}};
    const auto hardware = effective(document).at("hardware").as_object();
    EXPECT_EQ(hardware.at("compute_tflops").to_number<double>(), 100.0);
    EXPECT_EQ(hardware.at("memory_bandwidth_gbps").to_number<double>(), 2000.0);
    EXPECT_EQ(hardware.at("chip_count").as_int64(), 8);  // tp 4 * pp 2 * dp 1
    EXPECT_FALSE(hardware.contains("chip_type"));
    EXPECT_FALSE(hardware.contains("memory_capacity_gb"));
}

TEST(EffectiveContext, TopLevelTraceMetaKeysComeSecond)
{
    auto document = e1();
    document["context"].as_object().erase("hardware");
    document["trace_meta"] = {{"chip", "SG2262"},
                              {"peak_tflops", 64},
                              {"memory_bandwidth_gbps", 1000},
                              {"hardware", {{"compute_tflops", 128}}}};
    const auto hardware = effective(document).at("hardware").as_object();
    EXPECT_EQ(hardware.at("compute_tflops").to_number<double>(), 128.0);         // hardware first
    EXPECT_EQ(hardware.at("memory_bandwidth_gbps").to_number<double>(), 1000.0);  // then the top level
    EXPECT_EQ(hardware.at("chip_type").as_string(), "SG2262");
}

TEST(EffectiveContext, ContextValuesWinOverTraceMeta)
{
    auto document = e1();
    document["trace_meta"] = {{"chip", "other"}, {"hardware", {{"compute_tflops", 1}, {"c2c_bandwidth_gbps", 1}}}};
    const auto context = effective(document);
    EXPECT_EQ(context.at("hardware").at("chip_type").as_string(), "SG2262");
    EXPECT_EQ(context.at("hardware").at("compute_tflops").to_number<double>(), 100.0);
    EXPECT_EQ(context.at("topology").at("interconnect").at("links").at("c2c").at("bandwidth_gbps").to_number<double>(),
              400.0);
}

TEST(EffectiveContext, LinksFromTraceMetaFillOnlyWhatIsAbsent)
{
    auto document = e1();
    auto& links = document["context"].at("topology").at("interconnect").at("links").as_object();
    links.erase("r2r");
    links["b2b"].as_object().erase("latency_us");
    document["trace_meta"] = {{"hardware",
                               {{"b2b_bandwidth_gbps", 1}, {"b2b_latency_us", 0.5}, {"r2r_bandwidth_gbps", 200},
                                {"r2r_latency_us", 0}, {"noc_bandwidth_gbps", 1000}}}};
    const auto out = effective(document).at("topology").at("interconnect").at("links").as_object();
    EXPECT_EQ(out.at("b2b").at("bandwidth_gbps").to_number<double>(), 450.0);
    EXPECT_EQ(out.at("b2b").at("latency_us").to_number<double>(), 0.5);
    EXPECT_EQ(out.at("r2r").at("bandwidth_gbps").to_number<double>(), 200.0);
    EXPECT_EQ(out.at("r2r").at("latency_us").to_number<double>(), 0.0);  // a latency may be 0
    EXPECT_FALSE(out.contains("noc"));  // only c2c, b2b, r2r, p2p
}

// SPEC 5.10: context.topology removed (and nothing in trace_meta): no key appears.
TEST(EffectiveContext, NothingToFillCreatesNothing)
{
    auto document = e1();
    document["context"].as_object().erase("topology");
    const auto context = effective(document);
    EXPECT_FALSE(context.contains("topology"));
}

TEST(EffectiveContext, DefaultsWithoutAnyContext)
{
    auto document = e1();
    document.erase("context");
    test::step(document, 3)["meta"].as_object().erase("pp_stage");  // pp is 1 now
    document["trace_meta"] = {{"hardware", {{"p2p_bandwidth_gbps", 100}}}};
    const auto context = effective(document);
    EXPECT_EQ(context.at("deployment"),
              (boost::json::object{{"tp", 1}, {"pp", 1}, {"dp", 1}, {"ep", 1}, {"moe_tp", 1}}));
    EXPECT_EQ(context.at("hardware"), (boost::json::object{{"chip_count", 1}}));
    EXPECT_EQ(context.at("topology"),
              (boost::json::object{{"interconnect", {{"links", {{"p2p", {{"bandwidth_gbps", 100}}}}}}}}));
}

}  // namespace
}  // namespace perfreport
