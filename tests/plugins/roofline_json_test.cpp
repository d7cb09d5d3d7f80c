// The roofline section of E1, written by the json exporter, reads back as SPEC 5.3 says.
#include <string>

#include <boost/json/value.hpp>
#include <gtest/gtest.h>

#include "fakes/analyzer_call.hpp"
#include "fakes/fake_host.hpp"
#include "perfreport/sdk/host_call.hpp"
#include "perfreport/sdk/json_parse.hpp"
#include "support/example_e1.hpp"
#include "support/options.hpp"
#include "support/owned_report.hpp"
#include "support/plugin_module.hpp"
#include "file_text.hpp"
#include "temp_dir.hpp"

namespace perfreport {
namespace {

TEST(RooflineToJson, WorkedExampleReadsBackAsSpecified)
{
    const testing::PluginModule roofline_module{PERFREPORT_ROOFLINE_PLUGIN};
    const PR_IAnalyzer& roofline = roofline_module.analyzer("roofline");
    fakes::AnalyzerCall call{testing::e1_steps, testing::e1_context,
                             testing::options_json("roofline", testing::schema_defaults(roofline.options_schema_json))};
    ASSERT_EQ(call.run(roofline), PR_OK) << call.error_message();

    testing::ReportSpec spec;
    spec.header_json = R"({"schema_version": "1.1.0"})";
    spec.sections = {{"roofline", *call.sink.summary, call.sink.tables}};
    const test::TempDir dir;
    const fakes::FakeHost host{dir.path()};
    const testing::OwnedReport report{spec, host.get()};
    const testing::PluginModule json_module{PERFREPORT_JSON_PLUGIN};
    const PR_IExporter& json = json_module.exporter("json");
    detail::ErrorCapture error;
    ASSERT_EQ(json.export_report(&json, &report.get(), error.get()), PR_OK) << error.message();

    const boost::json::value section = parse_json(test::read_text(dir.path() / "reporting_report.json")).at("roofline");
    EXPECT_EQ(section.at("peak_flops").as_double(), 100000.0);
    EXPECT_EQ(section.at("ridge_point").as_double(), 50.0);
    EXPECT_EQ(section.at("num_points").as_int64(), 2);
    EXPECT_EQ(section.at("roofline_x").as_array().size(), 100u);
    const boost::json::value expected_points = parse_json(R"([
        {"name": "layers.0.mla_q_a", "arithmetic_intensity": 200.0, "achieved_flops": 40000.0,
         "attainable_flops": 100000.0, "peak_flops": 100000.0, "peak_bandwidth": 2000.0,
         "is_compute_bound": true, "is_memory_bound": false, "bottleneck": "COMPUTE_BOUND", "efficiency": 0.4},
        {"name": "layers.1.ffn_down", "arithmetic_intensity": 1.0, "achieved_flops": 833.3333333333334,
         "attainable_flops": 2000.0, "peak_flops": 100000.0, "peak_bandwidth": 2000.0,
         "is_compute_bound": false, "is_memory_bound": true, "bottleneck": "BW_BOUND",
         "efficiency": 0.4166666666666667}])");
    EXPECT_EQ(section.at("points"), expected_points);
}

}  // namespace
}  // namespace perfreport
