// `perfreport run` as a user runs it: exit codes, messages, files.
#include <gtest/gtest.h>

#include <perfreport/sdk/json_parse.hpp>

#include "command_runner.hpp"

namespace perfreport {
namespace {
namespace fs = std::filesystem;
using test::run_perfreport;
using test::TempDir;

const std::string example = std::string(EXAMPLES_DIR) + "/ds3_c8_tp8_ep8_decode_b64.json";
const std::string e1 = std::string(FIXTURES_DIR) + "/input/e1.json";

std::string fixture_dir(const std::string& name)
{
    return std::string(FIXTURE_PLUGIN_ROOT) + "/" + name;
}

boost::json::object report_in(const fs::path& folder)
{
    return parse_json(test::read_text(folder / "reporting_report.json")).as_object();
}

std::vector<std::string> keys(const boost::json::object& object)
{
    std::vector<std::string> out;
    for (const auto& item : object) out.emplace_back(item.key());
    return out;
}

TEST(RunCommand, WritesTheReportOfTheBundledExample)
{
    const TempDir out;
    const auto result = run_perfreport({"run", example, "-o", (out / "report").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("=== Performance Summary (granularity: CHIP) ==="), std::string::npos);
    EXPECT_NE(result.out.find("--- Top 5 Ops by Time ---"), std::string::npos);
    EXPECT_NE(result.err.find("wrote " + (out / "report" / "reporting_report.json").string()), std::string::npos);

    const auto report = report_in(out / "report");
    EXPECT_EQ(keys(report), (std::vector<std::string>{"schema_version", "timestamp", "granularity", "performance",
                                                      "bottleneck", "config", "step_metrics", "cost", "memory",
                                                      "roofline", "gantt", "traffic", "compat", "provenance",
                                                      "diagnostics"}));
    EXPECT_EQ(report.at("schema_version").as_string(), "1.1.0");
    EXPECT_EQ(report.at("step_metrics").as_array().size(), 1084u);
    EXPECT_EQ(report.at("roofline").at("points").as_array().size(), 843u);
    const auto& provenance = report.at("provenance").as_object();
    const auto& analyzer = provenance.at("analyzers").as_array().at(2).as_object();
    EXPECT_EQ(analyzer.at("id").as_string(), "roofline");
    EXPECT_EQ(analyzer.at("status").as_string(), "ok");
    EXPECT_TRUE(std::string(analyzer.at("library").as_string()).ends_with("libperfreport_roofline.so"));
    EXPECT_EQ(provenance.at("exporters").as_array().at(0).at("id").as_string(), "json");
    EXPECT_EQ(provenance.at("abi_version").as_string(), "1.1");
}

TEST(RunCommand, TheReadmePluginAddsItsSection)
{
    const TempDir out;
    const auto result = run_perfreport({"run", e1, "-q", "-o", out.path().string(), "--plugin-dir",
                                        STEP_COUNT_PLUGIN_DIR, "--analyzers", "step_count"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(report_in(out.path()).at("step_count").at("steps").as_int64(), 4);
}

TEST(RunCommand, SourceDateEpochGivesIdenticalBytes)
{
    const TempDir out;
    const std::vector<std::string> env = {"SOURCE_DATE_EPOCH=1700000000"};
    ASSERT_EQ(run_perfreport({"run", e1, "-q", "-o", (out / "a").string()}, env).exit_code, 0);
    ASSERT_EQ(run_perfreport({"run", e1, "-q", "-o", (out / "b").string()}, env).exit_code, 0);
    const std::string a = test::read_text(out / "a" / "reporting_report.json");
    EXPECT_EQ(a, test::read_text(out / "b" / "reporting_report.json"));
    EXPECT_NE(a.find("\"timestamp\": \"2023-11-14T22:13:20Z\""), std::string::npos);
}

TEST(RunCommand, FailingAnalyzerLeavesTheRestOfTheReportAndExitsOne)
{
    const TempDir out;
    const auto result = run_perfreport({"run", e1, "-q", "-o", out.path().string(), "--plugin-dir", fixture_dir("failing")});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("error E_ANALYZER: failing failed: fixture failure on purpose"), std::string::npos)
        << result.err;
    const auto report = report_in(out.path());
    EXPECT_TRUE(report.contains("roofline"));
    EXPECT_FALSE(report.contains("failing"));
    bool listed = false;
    for (const auto& d : report.at("diagnostics").as_array()) {
        listed = listed || d.at("code").as_string() == "E_ANALYZER";
    }
    EXPECT_TRUE(listed);
}

TEST(RunCommand, ThirdPartySectionsFollowTheKnownOnesById)
{
    const TempDir out;
    const auto result = run_perfreport({"run", e1, "-q", "-o", out.path().string(), "--plugin-dir", fixture_dir("good"),
                                        "--plugin-dir", fixture_dir("needs_context"), "--analyzers",
                                        "needs_context,fixture,roofline"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto names = keys(report_in(out.path()));
    EXPECT_EQ(std::vector<std::string>(names.begin() + 7, names.end()),
              (std::vector<std::string>{"roofline", "fixture", "needs_context", "provenance", "diagnostics"}));
}

TEST(RunCommand, BadInputExitsTwoWithThePointer)
{
    const TempDir out;
    std::string text = test::read_text(e1);
    text.replace(text.find("\"t_total\":0.12"), 14, "\"t_total\":0.13");
    std::ofstream(out / "bad.json") << text;
    const auto result = run_perfreport({"run", (out / "bad.json").string(), "-o", (out / "report").string()});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("error E_T_TOTAL at /step_metrics/2/t_total"), std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(out / "report"));
}

TEST(RunCommand, OutputFolderIsCreatedAndAFileInTheWayIsAnError)
{
    const TempDir out;
    EXPECT_EQ(run_perfreport({"run", e1, "-q", "-o", (out / "a" / "b" / "c").string()}).exit_code, 0);
    EXPECT_TRUE(fs::exists(out / "a" / "b" / "c" / "reporting_report.json"));
    std::ofstream(out / "file") << "x";
    const auto result = run_perfreport({"run", e1, "-q", "-o", (out / "file").string()});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("cannot create output folder"), std::string::npos) << result.err;
}

TEST(RunCommand, UnknownFormatIsAUsageErrorWithASuggestion)
{
    const auto result = run_perfreport({"run", e1, "--format", "jsn"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("unknown format 'jsn' (did you mean 'json'?)"), std::string::npos) << result.err;
}

TEST(RunCommand, OptionWithTheWrongTypeIsAnInputError)
{
    const auto result = run_perfreport({"run", e1, "--option", "roofline.num_points=many"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("error E_TYPE: --option roofline.num_points must be an integer"), std::string::npos)
        << result.err;
}

TEST(RunCommand, OptionsReachTheAnalyzer)
{
    const TempDir out;
    ASSERT_EQ(run_perfreport({"run", e1, "-q", "-o", out.path().string(), "--option", "roofline.num_points=7"}).exit_code, 0);
    EXPECT_EQ(report_in(out.path()).at("roofline").at("roofline_x").as_array().size(), 7u);
}

TEST(RunCommand, CompactWritesJsonWithoutWhitespace)
{
    const TempDir out;
    ASSERT_EQ(run_perfreport({"run", e1, "-q", "--compact", "--analyzers", "roofline", "-o", out.path().string()}).exit_code, 0);
    const std::string text = test::read_text(out / "reporting_report.json");
    EXPECT_EQ(text.rfind("{\"schema_version\":\"1.1.0\",\"timestamp\":", 0), 0u) << text.substr(0, 80);
    EXPECT_EQ(text.find('\n'), text.size() - 1);
}

TEST(RunCommand, DuplicatePluginIdsAreAnError)
{
    const auto result = run_perfreport({"run", e1, "--plugin-dir", fixture_dir("good"), "--plugin-dir", fixture_dir("twin")});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("E_DUPLICATE_PLUGIN"), std::string::npos) << result.err;
}

TEST(RunCommand, EveryCommandHasHelp)
{
    for (const char* command : {"run", "validate", "plugins"}) {
        const auto result = run_perfreport({command, "--help"});
        EXPECT_EQ(result.exit_code, 0) << command;
        EXPECT_NE(result.out.find("Usage: perfreport " + std::string(command)), std::string::npos) << result.out;
    }
    EXPECT_EQ(run_perfreport({"--help"}).exit_code, 0);
    EXPECT_EQ(run_perfreport({"frobnicate"}).exit_code, 2);
}

}  // namespace
}  // namespace perfreport
