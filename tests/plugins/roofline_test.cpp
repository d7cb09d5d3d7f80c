// The roofline plugin through the C ABI: SPEC 2.4 and the worked example of SPEC 5.3.
#include <cmath>
#include <memory>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include <boost/json/object.hpp>
#include <gtest/gtest.h>

#include "fakes/analyzer_call.hpp"
#include "perfreport/sdk/json_parse.hpp"
#include "support/example_e1.hpp"
#include "support/options.hpp"
#include "support/plugin_module.hpp"

namespace perfreport {
namespace {

using fakes::Cell;

using testing::e1_context;
using testing::e1_steps;

class Roofline : public ::testing::Test {
protected:
    const PR_IAnalyzer& analyzer() const { return module_.analyzer("roofline"); }

    // The options the host would pass: the schema's defaults, then `changes`.
    std::string options(const boost::json::object& changes = {}) const
    {
        boost::json::object own = testing::schema_defaults(analyzer().options_schema_json);
        for (const auto& [key, value] : changes) own[key] = value;
        return testing::options_json("roofline", own);
    }

    boost::json::object run_ok(fakes::AnalyzerCall& call) const
    {
        EXPECT_EQ(call.run(analyzer()), PR_OK) << call.error_message();
        EXPECT_TRUE(call.sink.summary.has_value());
        return parse_json(call.sink.summary.value_or("{}")).as_object();
    }

private:
    testing::PluginModule module_{PERFREPORT_ROOFLINE_PLUGIN};
};

TEST_F(Roofline, EntryDescribesTheAnalyzer)
{
    const testing::PluginModule module{PERFREPORT_ROOFLINE_PLUGIN};
    EXPECT_STREQ(module.entry().name, "perfreport-roofline");
    EXPECT_EQ(module.entry().analyzer_count, 1u);
    EXPECT_EQ(module.entry().exporter_count, 0u);
    const PR_IAnalyzer& roofline = analyzer();
    EXPECT_STREQ(roofline.id, "roofline");
    EXPECT_EQ(roofline.flags, 0u);
    ASSERT_NE(roofline.required_context, nullptr);
    EXPECT_STREQ(roofline.required_context[0], "/hardware/compute_tflops");
    EXPECT_STREQ(roofline.required_context[1], "/hardware/memory_bandwidth_gbps");
    EXPECT_EQ(roofline.required_context[2], nullptr);
}

TEST_F(Roofline, OptionsSchemaDeclaresTheSpecDefaults)
{
    const boost::json::object schema = parse_json(analyzer().options_schema_json).as_object();
    EXPECT_EQ(schema.at("ai_min").at("type"), "number");
    EXPECT_EQ(schema.at("ai_min").at("default").to_number<double>(), 0.01);
    EXPECT_EQ(schema.at("ai_max").at("type"), "number");
    EXPECT_EQ(schema.at("ai_max").at("default").to_number<double>(), 1000);
    EXPECT_EQ(schema.at("num_points").at("type"), "integer");
    EXPECT_EQ(schema.at("num_points").at("default").to_number<std::int64_t>(), 100);
    for (const auto& [key, spec] : schema) EXPECT_TRUE(spec.as_object().contains("description")) << key;
}

TEST_F(Roofline, WorkedExampleSummary)
{
    fakes::AnalyzerCall call{e1_steps, e1_context, options()};
    const boost::json::object summary = run_ok(call);
    EXPECT_EQ(summary.at("peak_flops").as_double(), 100000.0);
    EXPECT_EQ(summary.at("peak_bandwidth").as_double(), 2000.0);
    EXPECT_EQ(summary.at("ridge_point").as_double(), 50.0);
    EXPECT_EQ(summary.at("num_points").to_number<std::int64_t>(), 2);
    const auto& x = summary.at("roofline_x").as_array();
    const auto& y = summary.at("roofline_y").as_array();
    ASSERT_EQ(x.size(), 100u);
    ASSERT_EQ(y.size(), 100u);
    EXPECT_DOUBLE_EQ(x[0].as_double(), 0.01);
    EXPECT_DOUBLE_EQ(y[0].as_double(), 20);
    EXPECT_DOUBLE_EQ(x[1].as_double(), 0.011233240329780276);
    EXPECT_DOUBLE_EQ(y[1].as_double(), 22.466480659560553);
    EXPECT_DOUBLE_EQ(x[50].as_double(), 3.351602650938841);
    EXPECT_EQ(x[99].as_double(), 1000.0);
    EXPECT_EQ(y[99].as_double(), 100000.0);
    const std::vector<std::string> keys{"peak_flops", "peak_bandwidth", "ridge_point",
                                        "roofline_x", "roofline_y",     "num_points"};
    std::vector<std::string> order;
    for (const auto& member : summary) order.emplace_back(member.key());
    EXPECT_EQ(order, keys);
}

TEST_F(Roofline, WorkedExamplePoints)
{
    fakes::AnalyzerCall call{e1_steps, e1_context, options()};
    run_ok(call);
    ASSERT_EQ(call.sink.tables.size(), 1u);
    const fakes::CellTable& points = call.sink.table("points");
    const std::vector<std::tuple<std::string, std::string, std::int32_t>> columns{
        {"name", "", PR_COLUMN_STRING},
        {"arithmetic_intensity", "FLOP/B", PR_COLUMN_FLOAT64},
        {"achieved_flops", "GFLOPS", PR_COLUMN_FLOAT64},
        {"attainable_flops", "GFLOPS", PR_COLUMN_FLOAT64},
        {"peak_flops", "GFLOPS", PR_COLUMN_FLOAT64},
        {"peak_bandwidth", "GB/s", PR_COLUMN_FLOAT64},
        {"is_compute_bound", "", PR_COLUMN_BOOL},
        {"is_memory_bound", "", PR_COLUMN_BOOL},
        {"bottleneck", "", PR_COLUMN_STRING},
        {"efficiency", "ratio", PR_COLUMN_FLOAT64},
    };
    ASSERT_EQ(points.columns.size(), columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) {
        EXPECT_EQ(std::tie(points.columns[c].name, points.columns[c].unit, points.columns[c].type), columns[c]);
    }
    ASSERT_EQ(points.row_count(), 2u);
    const auto cells = [&](const char* column) { return points.column(column).cells; };
    EXPECT_EQ(cells("name"), (std::vector<Cell>{std::string{"layers.0.mla_q_a"}, std::string{"layers.1.ffn_down"}}));
    EXPECT_EQ(cells("arithmetic_intensity"), (std::vector<Cell>{200.0, 1.0}));
    EXPECT_EQ(cells("achieved_flops"), (std::vector<Cell>{40000.0, 833.3333333333334}));
    EXPECT_EQ(cells("attainable_flops"), (std::vector<Cell>{100000.0, 2000.0}));
    EXPECT_EQ(cells("peak_flops"), (std::vector<Cell>{100000.0, 100000.0}));
    EXPECT_EQ(cells("peak_bandwidth"), (std::vector<Cell>{2000.0, 2000.0}));
    EXPECT_EQ(cells("efficiency"), (std::vector<Cell>{0.4, 0.4166666666666667}));
    EXPECT_EQ(cells("is_compute_bound"), (std::vector<Cell>{true, false}));
    EXPECT_EQ(cells("is_memory_bound"), (std::vector<Cell>{false, true}));
    EXPECT_EQ(cells("bottleneck"), (std::vector<Cell>{std::string{"COMPUTE_BOUND"}, std::string{"BW_BOUND"}}));
    EXPECT_TRUE(call.sink.diagnostics.empty());
}

TEST_F(Roofline, CurveFollowsTheOptions)
{
    fakes::AnalyzerCall call{e1_steps, e1_context, options({{"ai_min", 1}, {"ai_max", 100}, {"num_points", 3}})};
    const boost::json::object summary = run_ok(call);
    const auto& x = summary.at("roofline_x").as_array();
    const auto& y = summary.at("roofline_y").as_array();
    ASSERT_EQ(x.size(), 3u);
    EXPECT_EQ(x[0].as_double(), 1.0);
    EXPECT_EQ(x[1].as_double(), 10.0);
    EXPECT_EQ(x[2].as_double(), 100.0);
    EXPECT_EQ(y[0].as_double(), 2000.0);
    EXPECT_EQ(y[1].as_double(), 20000.0);
    EXPECT_EQ(y[2].as_double(), 100000.0);
    EXPECT_EQ(summary.at("num_points").to_number<std::int64_t>(), 2);
}

TEST_F(Roofline, StepWithoutTimeAchievesNothing)
{
    fakes::AnalyzerCall call{{{"instant", 0, 0, 0, 0, PR_BOTTLENECK_UNKNOWN, 1000, 10, 0}}, e1_context, options()};
    run_ok(call);
    const fakes::CellTable& points = call.sink.table("points");
    EXPECT_EQ(points.column("arithmetic_intensity").cells, std::vector<Cell>{100.0});
    EXPECT_EQ(points.column("achieved_flops").cells, std::vector<Cell>{0.0});
    EXPECT_EQ(points.column("efficiency").cells, std::vector<Cell>{0.0});
    EXPECT_EQ(points.column("bottleneck").cells, std::vector<Cell>{std::string{"COMPUTE_BOUND"}});
}

TEST_F(Roofline, WithoutPlottedStepsTheTableIsEmpty)
{
    fakes::AnalyzerCall call{{e1_steps[1], e1_steps[3]}, e1_context, options()};
    const boost::json::object summary = run_ok(call);
    EXPECT_EQ(summary.at("num_points").to_number<std::int64_t>(), 0);
    EXPECT_EQ(summary.at("roofline_x").as_array().size(), 100u);
    ASSERT_EQ(call.sink.tables.size(), 1u);
    EXPECT_EQ(call.sink.table("points").row_count(), 0u);
    EXPECT_EQ(call.sink.table("points").columns.size(), 10u);
}

struct BadOption {
    const char* name;  // of the test case
    const char* key;
    double value;
    const char* message;
};

void PrintTo(const BadOption& bad, std::ostream* out) { *out << bad.key << " = " << bad.value; }

class RooflineBadOption : public Roofline, public ::testing::WithParamInterface<BadOption> {};

TEST_P(RooflineBadOption, FailsNamingTheOption)
{
    const BadOption& bad = GetParam();
    // A number with an integral value is an integer to the analyzer.
    fakes::AnalyzerCall call{e1_steps, e1_context, options({{bad.key, bad.value}})};
    EXPECT_EQ(call.run(analyzer()), PR_ERR_INVALID_ARGUMENT);
    EXPECT_EQ(call.error_message(), bad.message);
}

INSTANTIATE_TEST_SUITE_P(
    Options, RooflineBadOption,
    ::testing::Values(
        BadOption{"AiMinZero", "ai_min", 0, "option roofline.ai_min must be > 0, got 0.0"},
        BadOption{"AiMinNegative", "ai_min", -1, "option roofline.ai_min must be > 0, got -1.0"},
        BadOption{"AiMaxEqualToMin", "ai_max", 0.01, "option roofline.ai_max must be > roofline.ai_min (0.01), got 0.01"},
        BadOption{"AiMaxBelowMin", "ai_max", 0.001,
                  "option roofline.ai_max must be > roofline.ai_min (0.01), got 0.001"},
        BadOption{"OnePoint", "num_points", 1, "option roofline.num_points must be >= 2, got 1"},
        BadOption{"NegativePoints", "num_points", -3, "option roofline.num_points must be >= 2, got -3"},
        BadOption{"FractionalPoints", "num_points", 2.5, "option /roofline/num_points must be an integer"}),
    [](const ::testing::TestParamInfo<BadOption>& test) { return std::string{test.param.name}; });

TEST_F(Roofline, NonPositivePeaksAreInvalidInput)
{
    fakes::AnalyzerCall no_compute{
        e1_steps, R"({"hardware": {"compute_tflops": 0, "memory_bandwidth_gbps": 2000}})", options()};
    EXPECT_EQ(no_compute.run(analyzer()), PR_ERR_INVALID_INPUT);
    EXPECT_EQ(no_compute.error_message(), "context value /hardware/compute_tflops must be > 0, got 0.0");

    fakes::AnalyzerCall no_bandwidth{
        e1_steps, R"({"hardware": {"compute_tflops": 100, "memory_bandwidth_gbps": -5}})", options()};
    EXPECT_EQ(no_bandwidth.run(analyzer()), PR_ERR_INVALID_INPUT);
    EXPECT_EQ(no_bandwidth.error_message(), "context value /hardware/memory_bandwidth_gbps must be > 0, got -5.0");
}

TEST_F(Roofline, AbsentPeakIsMissingContext)
{
    fakes::AnalyzerCall call{e1_steps, R"({"hardware": {"memory_bandwidth_gbps": 2000}})", options()};
    EXPECT_EQ(call.run(analyzer()), PR_ERR_MISSING_CONTEXT);
    EXPECT_EQ(call.error_message(), "context value /hardware/compute_tflops is missing");
}

TEST_F(Roofline, ConcurrentCallsGiveIdenticalSections)
{
    fakes::AnalyzerCall serial{e1_steps, e1_context, options()};
    run_ok(serial);
    std::vector<std::unique_ptr<fakes::AnalyzerCall>> calls;
    for (int i = 0; i < 8; ++i) {
        calls.push_back(std::make_unique<fakes::AnalyzerCall>(e1_steps, e1_context, options()));
    }
    std::vector<PR_Status> statuses(calls.size(), PR_ERR_INTERNAL);
    {
        std::vector<std::jthread> threads;
        for (std::size_t i = 0; i < calls.size(); ++i) {
            threads.emplace_back([&, i] {
                for (int repeat = 0; repeat < 50; ++repeat) {
                    calls[i] = std::make_unique<fakes::AnalyzerCall>(e1_steps, e1_context, options());
                    statuses[i] = calls[i]->run(analyzer());
                }
            });
        }
    }
    for (std::size_t i = 0; i < calls.size(); ++i) {
        EXPECT_EQ(statuses[i], PR_OK);
        EXPECT_EQ(calls[i]->sink.summary, serial.sink.summary);
        EXPECT_EQ(calls[i]->sink.table("points").columns.size(), serial.sink.table("points").columns.size());
        for (std::size_t c = 0; c < serial.sink.table("points").columns.size(); ++c) {
            EXPECT_EQ(calls[i]->sink.table("points").columns[c].cells, serial.sink.table("points").columns[c].cells);
        }
    }
}

}  // namespace
}  // namespace perfreport
