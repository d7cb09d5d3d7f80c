// The json exporter through the C ABI: SPEC 3.1 layout, SPEC 3.2 format, atomic files.
#include <bit>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <boost/json/value.hpp>
#include <gtest/gtest.h>

#include "fakes/fake_host.hpp"
#include "perfreport/sdk/host_call.hpp"
#include "perfreport/sdk/json_parse.hpp"
#include "support/owned_report.hpp"
#include "support/plugin_module.hpp"
#include "file_text.hpp"
#include "temp_dir.hpp"

namespace perfreport {
namespace {

using fakes::Cell;
using fakes::CellTable;

constexpr const char* compact_options = R"({"json": {"compact": true}})";

// A small report with one row per table.
testing::ReportSpec small_report()
{
    testing::ReportSpec spec;
    spec.header_json = R"({"schema_version": "1.1.0", "granularity": "CHIP"})";
    spec.step_metrics = {"step_metrics",
                         {{"op_id", "", PR_COLUMN_STRING, {std::string{"a"}}},
                          {"t_total_ms", "ms", PR_COLUMN_FLOAT64, {0.05}}}};
    spec.sections = {{"roofline",
                      R"({"peak_flops": 100000.0})",
                      {{"points",
                        {{"name", "", PR_COLUMN_STRING, {std::string{"a"}}},
                         {"efficiency", "ratio", PR_COLUMN_FLOAT64, {0.4}}}}}}};
    spec.provenance_json = R"({"producer": "test"})";
    return spec;
}

class JsonExporter : public ::testing::Test {
protected:
    PR_Status run(const testing::ReportSpec& spec)
    {
        const testing::OwnedReport report{spec, host_.get()};
        const PR_IExporter& json = module_.exporter("json");
        return json.export_report(&json, &report.get(), error_.get());
    }

    std::string output() const { return test::read_text(dir_.path() / "reporting_report.json"); }
    boost::json::value parsed_output() const { return parse_json(output()); }
    const std::string& error_message() const { return error_.message(); }

    test::TempDir dir_;
    fakes::FakeHost host_{dir_.path()};

private:
    testing::PluginModule module_{PERFREPORT_JSON_PLUGIN};
    detail::ErrorCapture error_;
};

TEST_F(JsonExporter, PrettyOutputIndentsByTwoSpaces)
{
    ASSERT_EQ(run(small_report()), PR_OK) << error_message();
    EXPECT_EQ(output(), R"({
  "schema_version": "1.1.0",
  "granularity": "CHIP",
  "step_metrics": [
    {
      "op_id": "a",
      "t_total_ms": 0.05
    }
  ],
  "roofline": {
    "peak_flops": 100000.0,
    "points": [
      {
        "name": "a",
        "efficiency": 0.4
      }
    ]
  },
  "provenance": {
    "producer": "test"
  },
  "diagnostics": []
}
)");
    EXPECT_EQ(dir_.entries(), std::vector<std::string>{"reporting_report.json"});
    EXPECT_EQ(host_.open_files(), 0);
}

TEST_F(JsonExporter, CompactOptionWritesNoWhitespace)
{
    testing::ReportSpec spec = small_report();
    spec.options_json = compact_options;
    ASSERT_EQ(run(spec), PR_OK) << error_message();
    EXPECT_EQ(output(), R"({"schema_version":"1.1.0","granularity":"CHIP","step_metrics":[{"op_id":"a","t_total_ms":0.05}],)"
                        R"("roofline":{"peak_flops":100000.0,"points":[{"name":"a","efficiency":0.4}]},)"
                        R"("provenance":{"producer":"test"},"diagnostics":[]})"
                        "\n");
}

TEST_F(JsonExporter, KeysFollowTheReportLayout)
{
    testing::ReportSpec spec;
    spec.header_json = R"({"schema_version": "1.1.0", "timestamp": "2026-01-01T00:00:00Z", "granularity": "CHIP",
        "performance": {"total_time_ms": 0.29, "memory_peak_mb": 1024.0}, "bottleneck": {"compute_bound": 1},
        "config": {"model": {"name": "tiny"}}})";
    spec.sections = {{"roofline", R"({"peak_flops": 1.0, "num_points": 0})", {{"points", {}}}},
                     {"gantt", R"({"pp_stages": 2})", {{"tasks", {}}, {"resources", {}}}}};
    spec.diagnostics_json = R"([{"level": "warning", "code": "W_NO_STEPS", "source": "input", "where": "", "message": "m"}])";
    ASSERT_EQ(run(spec), PR_OK) << error_message();
    const boost::json::value report = parsed_output();
    const auto keys = [](const boost::json::object& object) {
        std::vector<std::string> names;
        for (const auto& member : object) names.emplace_back(member.key());
        return names;
    };
    EXPECT_EQ(keys(report.as_object()),
              (std::vector<std::string>{"schema_version", "timestamp", "granularity", "performance", "bottleneck",
                                        "config", "step_metrics", "roofline", "gantt", "provenance", "diagnostics"}));
    EXPECT_EQ(keys(report.at("roofline").as_object()), (std::vector<std::string>{"peak_flops", "num_points", "points"}));
    EXPECT_EQ(keys(report.at("gantt").as_object()), (std::vector<std::string>{"pp_stages", "tasks", "resources"}));
    EXPECT_EQ(report.at("performance").at("memory_peak_mb").kind(), boost::json::kind::double_);
    EXPECT_EQ(report.at("diagnostics").at(0).at("code"), "W_NO_STEPS");
    EXPECT_TRUE(report.at("gantt").at("tasks").as_array().empty());
}

TEST_F(JsonExporter, TableCellsKeepTheirTypes)
{
    testing::ReportSpec spec = small_report();
    spec.sections = {{"traffic",
                      "{}",
                      {{"links",
                        {{"id", "", PR_COLUMN_STRING, {std::string{"c2c:0->1"}, std::string{"µs \"q\"\n"}}},
                         {"bytes", "B", PR_COLUMN_INT64, {std::int64_t{1048576}, {}}},
                         {"utilization", "ratio", PR_COLUMN_FLOAT64, {{}, 1.0}},
                         {"saturated", "", PR_COLUMN_BOOL, {true, {}}},
                         {"breakdown", "", PR_COLUMN_JSON, {std::string{R"({"allreduce": 3, "p2p": [1.5]})"}, {}}},
                         {"chip_ids", "", PR_COLUMN_INT64_LIST,
                          {std::vector<std::int64_t>{0, 1}, std::vector<std::int64_t>{}}}}}}}};
    ASSERT_EQ(run(spec), PR_OK) << error_message();
    const boost::json::value links = parsed_output().at("traffic").at("links");
    ASSERT_EQ(links.as_array().size(), 2u);
    const boost::json::value expected = parse_json(R"([
        {"id": "c2c:0->1", "bytes": 1048576, "utilization": null, "saturated": true,
         "breakdown": {"allreduce": 3, "p2p": [1.5]}, "chip_ids": [0, 1]},
        {"id": "µs \"q\"\n", "bytes": null, "utilization": 1.0, "saturated": null,
         "breakdown": null, "chip_ids": []}])");
    EXPECT_EQ(links, expected);
    EXPECT_TRUE(links.at(1).at("utilization").is_double());
}

TEST_F(JsonExporter, NumbersReadBackExactly)
{
    const std::vector<double> doubles{0.1, 1e-7, 150.00000000000003, 1544.0, -0.0, 1e300, 833.3333333333334};
    const std::vector<std::int64_t> integers{std::numeric_limits<std::int64_t>::min(),
                                             std::numeric_limits<std::int64_t>::max(), 0};
    testing::ReportSpec spec = small_report();
    spec.step_metrics = {"step_metrics", {{"f", "", PR_COLUMN_FLOAT64, {}}, {"i", "", PR_COLUMN_INT64, {}}}};
    for (std::size_t row = 0; row < doubles.size(); ++row) {
        spec.step_metrics.columns[0].cells.emplace_back(std::in_place_type<double>, doubles[row]);
        spec.step_metrics.columns[1].cells.emplace_back(std::in_place_type<std::int64_t>, integers[row % integers.size()]);
    }
    ASSERT_EQ(run(spec), PR_OK) << error_message();
    const boost::json::value report = parsed_output();
    const auto& rows = report.at("step_metrics").as_array();
    ASSERT_EQ(rows.size(), doubles.size());
    for (std::size_t row = 0; row < doubles.size(); ++row) {
        const boost::json::value& f = rows[row].at("f");
        ASSERT_TRUE(f.is_double()) << row;
        EXPECT_EQ(std::bit_cast<std::uint64_t>(f.get_double()), std::bit_cast<std::uint64_t>(doubles[row])) << row;
        EXPECT_EQ(rows[row].at("i").as_int64(), integers[row % integers.size()]);
    }
}

TEST_F(JsonExporter, LargeTablesStreamInBoundedWrites)
{
    testing::ReportSpec spec = small_report();
    spec.options_json = compact_options;
    constexpr std::int64_t rows = 200000;
    spec.step_metrics = {"step_metrics", {{"op_id", "", PR_COLUMN_STRING, {}}, {"i", "", PR_COLUMN_INT64, {}}}};
    for (std::int64_t row = 0; row < rows; ++row) {
        spec.step_metrics.columns[0].cells.emplace_back(std::in_place_type<std::string>, "layers." + std::to_string(row) + ".mla_q_a");
        spec.step_metrics.columns[1].cells.emplace_back(std::in_place_type<std::int64_t>, row);
    }
    ASSERT_EQ(run(spec), PR_OK) << error_message();
    EXPECT_GT(host_.write_calls(), 3u);
    // The buffer goes out once it passes 1 MiB, so a write holds at most that
    // plus one chunk of 8192 formatted rows (under 64 bytes each here).
    EXPECT_LE(host_.largest_write(), (1u << 20) + 8192u * 64u);
    const boost::json::value report = parsed_output();
    const auto& written = report.at("step_metrics").as_array();
    ASSERT_EQ(written.size(), static_cast<std::size_t>(rows));
    EXPECT_EQ(written.back().at("i").as_int64(), rows - 1);
}

TEST_F(JsonExporter, CancellationStopsALargeExportWithoutAFile)
{
    testing::ReportSpec spec = small_report();
    spec.step_metrics = {"step_metrics", {{"op_id", "", PR_COLUMN_STRING, {}}}};
    for (int row = 0; row < 100000; ++row) {
        spec.step_metrics.columns[0].cells.emplace_back(std::in_place_type<std::string>, 32, 'x');
    }
    host_.cancel();
    EXPECT_EQ(run(spec), PR_ERR_CANCELLED);
    EXPECT_TRUE(dir_.entries().empty());
    EXPECT_EQ(host_.open_files(), 0);
}

TEST_F(JsonExporter, BadJsonCellFailsAndLeavesNoFile)
{
    testing::ReportSpec spec = small_report();
    spec.sections = {{"traffic", "{}", {{"links", {{"breakdown", "", PR_COLUMN_JSON, {std::string{"{oops"}}}}}}}};
    EXPECT_EQ(run(spec), PR_ERR_INVALID_INPUT);
    EXPECT_TRUE(error_message().starts_with("table links, column breakdown, row 0: not JSON")) << error_message();
    EXPECT_TRUE(dir_.entries().empty());
    EXPECT_EQ(host_.open_files(), 0);
}

TEST_F(JsonExporter, TableNamedLikeASummaryKeyIsRejected)
{
    testing::ReportSpec spec = small_report();
    spec.sections = {{"roofline", R"({"points": 2})", {{"points", {}}}}};
    EXPECT_EQ(run(spec), PR_ERR_INVALID_INPUT);
    EXPECT_EQ(error_message(), "section roofline: table points has the name of a summary key");
    EXPECT_TRUE(dir_.entries().empty());
}

TEST_F(JsonExporter, DottedTablesGoInsideTheSummary)
{
    testing::ReportSpec spec = small_report();
    spec.options_json = compact_options;
    const fakes::CellColumn ids{"id", "", PR_COLUMN_STRING, {std::string{"t0"}, std::string{"t1"}}};
    spec.sections = {{"compat", R"({"gantt_chart": {"timeRange": {"start": 0}}, "stats": {"ttft": 1.5}})",
                      {{"gantt_chart.tasks", {ids}}, {"extra.deep.rows", {ids}}}}};
    ASSERT_EQ(run(spec), PR_OK) << error_message();
    EXPECT_NE(output().find(R"("compat":{"gantt_chart":{"timeRange":{"start":0},"tasks":[{"id":"t0"},{"id":"t1"}]},)"
                            R"("stats":{"ttft":1.5},"extra":{"deep":{"rows":[{"id":"t0"},{"id":"t1"}]}}})"),
              std::string::npos)
        << output();
}

TEST_F(JsonExporter, NullCellsOfOmitNullColumnsAreLeftOut)
{
    testing::ReportSpec spec = small_report();
    spec.options_json = compact_options;
    const fakes::CellColumn ids{"id", "", PR_COLUMN_STRING, {std::string{"a"}, std::string{"b"}}};
    const fakes::CellColumn flops{"flops", "", PR_COLUMN_INT64, {std::int64_t{5}, std::monostate{}}, PR_COLUMN_OMIT_NULL};
    const fakes::CellColumn layer{"layer", "", PR_COLUMN_INT64, {std::monostate{}, std::int64_t{2}}};
    spec.sections = {{"compat", "{}", {{"tasks", {ids, flops, layer}}}}};
    ASSERT_EQ(run(spec), PR_OK) << error_message();
    EXPECT_NE(output().find(R"("tasks":[{"id":"a","flops":5,"layer":null},{"id":"b","layer":2}])"), std::string::npos)
        << output();
}

TEST_F(JsonExporter, DottedTableInsideANonObjectIsRejected)
{
    testing::ReportSpec spec = small_report();
    spec.sections = {{"compat", R"({"gantt_chart": 3})", {{"gantt_chart.tasks", {}}}}};
    EXPECT_EQ(run(spec), PR_ERR_INVALID_INPUT);
    EXPECT_EQ(error_message(),
              "section compat: table gantt_chart.tasks is placed inside gantt_chart, which is not an object");
    EXPECT_TRUE(dir_.entries().empty());
}

TEST_F(JsonExporter, ChunkedRowsAreTheSameDocumentAsOneWriterWouldWrite)
{
    // More rows than one chunk: the parallel chunks must join seamlessly.
    std::vector<Cell> values;
    for (int i = 0; i < 20000; ++i) values.emplace_back(static_cast<double>(i) / 8);
    testing::ReportSpec spec = small_report();
    spec.sections = {{"roofline", "{}", {{"points", {{"x", "", PR_COLUMN_FLOAT64, values}}}}}};
    ASSERT_EQ(run(spec), PR_OK) << error_message();
    const std::string text = output();
    const auto points = parse_json(text).at("roofline").at("points").as_array();
    ASSERT_EQ(points.size(), 20000u);
    EXPECT_EQ(points[8192].at("x").as_double(), 1024.0);
    EXPECT_NE(text.find("      {\n        \"x\": 1023.875\n      },\n      {\n        \"x\": 1024.0\n      }"),
              std::string::npos);
}

TEST_F(JsonExporter, MissingCompactOptionIsAMalformedCall)
{
    testing::ReportSpec spec = small_report();
    spec.options_json = "{}";
    EXPECT_EQ(run(spec), PR_ERR_INVALID_ARGUMENT);
    EXPECT_EQ(error_message(), "option /json/compact is missing");
    EXPECT_TRUE(dir_.entries().empty());
}

TEST_F(JsonExporter, OptionsSchemaDeclaresCompact)
{
    const testing::PluginModule module{PERFREPORT_JSON_PLUGIN};
    EXPECT_STREQ(module.entry().name, "perfreport-json");
    const PR_IExporter& json = module.exporter("json");
    const boost::json::value schema = parse_json(json.options_schema_json);
    EXPECT_EQ(schema.at("compact").at("type"), "boolean");
    EXPECT_EQ(schema.at("compact").at("default"), false);
}

}  // namespace
}  // namespace perfreport
