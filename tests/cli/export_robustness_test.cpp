// What the exporters do with hostile op ids, blocked or unwritable outputs
// and a large input, seen through the real command (issue: exporters).
#include <gtest/gtest.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <boost/json/serialize.hpp>

#include "command_runner.hpp"
#include "csv_read_back.hpp"
#include "generated_input.hpp"
#include "temporary_files.hpp"

namespace perfreport {
namespace {
namespace fs = std::filesystem;
using test::run_perfreport;
using test::TempDir;
using test::temporary_files;

const std::string e1 = std::string(FIXTURES_DIR) + "/input/e1.json";

TEST(ExportRobustness, AFolderInTheWayFailsOnlyThatExporter)
{
    const TempDir out;
    fs::create_directories(out / "report" / "summary.txt");
    const auto result = run_perfreport({"run", e1, "-q", "-o", (out / "report").string(), "--format", "all"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("exporter text failed"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("summary.txt"), std::string::npos) << result.err;
    EXPECT_TRUE(fs::is_directory(out / "report" / "summary.txt"));
    const boost::json::value report = test::read_json(out / "report" / "reporting_report.json");
    EXPECT_EQ(report.at("step_metrics").as_array().size(), 4u);
    EXPECT_EQ(test::read_csv(out / "report" / "step_metrics.csv").size(), 5u);
    EXPECT_TRUE(temporary_files(out / "report").empty());
}

TEST(ExportRobustness, AnUnwritableLocationIsAClearErrorNamingIt)
{
    // /proc refuses new folders even to root, unlike a chmod-ed folder.
    const auto result = run_perfreport({"run", e1, "-q", "-o", "/proc/perfreport-test/report"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("cannot create output folder /proc/perfreport-test/report"), std::string::npos)
        << result.err;
}

// E1 whose four op ids carry a comma and quotes, a newline and non-ASCII,
// a formula prefix, and a tab with an escape character.
const std::vector<std::string> hostile_op_ids{"=SUM(A1),\"q\"", "+ünï\nline", "-1.5 layers.1.ffn", "@x\t\x1b[31m"};

std::string e1_with_hostile_op_ids(const fs::path& folder)
{
    boost::json::value input = test::read_json(e1);
    auto& steps = input.at("step_metrics").as_array();
    for (std::size_t i = 0; i < hostile_op_ids.size(); ++i) steps.at(i).as_object()["op_id"] = hostile_op_ids[i];
    const fs::path path = folder / "input.json";
    std::ofstream(path) << boost::json::serialize(input);
    return path.string();
}

TEST(ExportRobustness, HostileOpIdsStayIntactInJsonAndReadableInText)
{
    const TempDir out;
    const auto result = run_perfreport(
        {"run", e1_with_hostile_op_ids(out.path()), "-q", "-o", (out / "report").string(), "--format", "json,text"});
    ASSERT_EQ(result.exit_code, 0) << result.err;

    const boost::json::value report = test::read_json(out / "report" / "reporting_report.json");
    const auto& steps = report.at("step_metrics").as_array();
    const auto& tasks = report.at("gantt").at("tasks").as_array();
    for (std::size_t i = 0; i < hostile_op_ids.size(); ++i) {
        EXPECT_EQ(steps.at(i).at("op_id").as_string(), hostile_op_ids[i]);
    }
    for (const auto& task : tasks) {
        const auto step = static_cast<std::size_t>(task.at("step_index").as_int64());
        EXPECT_EQ(task.at("name").as_string(), hostile_op_ids.at(step));
    }

    // One top op per line, control characters spelled out, the rest kept.
    const std::string text = test::read_text(out / "report" / "summary.txt");
    EXPECT_NE(text.find(". -1.5 layers.1.ffn: 0.1200 ms (BW_BOUND)\n"), std::string::npos) << text;
    EXPECT_NE(text.find(". +ünï\\nline: 0.1000 ms (BW_BOUND)\n"), std::string::npos) << text;
    EXPECT_NE(text.find(". =SUM(A1),\"q\": 0.0500 ms (COMPUTE_BOUND)\n"), std::string::npos) << text;
    EXPECT_NE(text.find(". @x\\t\\x1b[31m: 0.0200 ms (LATENCY_BOUND)\n"), std::string::npos) << text;
    EXPECT_EQ(text.find('\x1b'), std::string::npos);
}

TEST(ExportRobustness, HundredThousandStepsReadBackFromEveryTableFormat)
{
    const TempDir out;
    const fs::path input = out / "input.json";
    test::generate_engine_result(100000, input);
    const fs::path report_dir = out / "report";
    const auto result =
        run_perfreport({"run", input.string(), "-q", "-o", report_dir.string(), "--format", "json,csv,text"});
    ASSERT_EQ(result.exit_code, 0) << result.err;

    const boost::json::value report = test::read_json(report_dir / "reporting_report.json");
    const auto& steps = report.at("step_metrics").as_array();
    ASSERT_EQ(steps.size(), 100000u);
    const test::CsvRows step_rows = test::read_csv(report_dir / "step_metrics.csv");
    ASSERT_EQ(step_rows.size(), steps.size() + 1);
    EXPECT_EQ(step_rows[1][0], steps.front().at("op_id").as_string());
    EXPECT_EQ(step_rows.back()[0], steps.back().at("op_id").as_string());

    const std::int64_t task_count = report.at("gantt").at("task_count").as_int64();
    EXPECT_GT(task_count, 0);
    EXPECT_EQ(static_cast<std::int64_t>(report.at("gantt").at("tasks").as_array().size()), task_count);
    EXPECT_EQ(static_cast<std::int64_t>(test::read_csv(report_dir / "gantt.tasks.csv").size()), task_count + 1);
    EXPECT_EQ(test::read_csv(report_dir / "roofline.points.csv").size(),
              report.at("roofline").at("points").as_array().size() + 1);

    const std::string text = test::read_text(report_dir / "summary.txt");
    EXPECT_NE(text.find("gantt: " + std::to_string(task_count) + " tasks"), std::string::npos) << text.substr(0, 2000);
    EXPECT_TRUE(temporary_files(report_dir).empty());
}

}  // namespace
}  // namespace perfreport
