// `perfreport validate`: every finding listed, exit 0 when valid, 2 when not.
#include <gtest/gtest.h>

#include <perfreport/sdk/json_parse.hpp>

#include "command_runner.hpp"

namespace perfreport {
namespace {
using test::run_perfreport;
using test::TempDir;

const std::string e1 = std::string(FIXTURES_DIR) + "/input/e1.json";

std::string edited_e1(const TempDir& dir, const std::string& from, const std::string& to)
{
    std::string text = test::read_text(e1);
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    const auto file = dir / "input.json";
    std::ofstream(file) << text;
    return file.string();
}

TEST(ValidateCommand, WorkedExampleIsValid)
{
    const auto result = run_perfreport({"validate", e1});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.err.find("e1.json: valid, 4 steps, 0 error(s), 0 warning(s)"), std::string::npos) << result.err;
}

TEST(ValidateCommand, ListsEveryErrorWithItsPointer)
{
    const TempDir dir;
    const auto result = run_perfreport({"validate", edited_e1(dir, "\"num_steps\":4", "\"num_steps\":5")});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("error E_NUM_STEPS at /aggregates/num_steps"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("error E_BOTTLENECK_SUM"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("invalid, 2 error(s)"), std::string::npos) << result.err;
}

TEST(ValidateCommand, NaNIsNamed)
{
    const TempDir dir;
    const auto result = run_perfreport({"validate", edited_e1(dir, "\"mfu\":0.07241379310344828", "\"mfu\":NaN")});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("error E_PARSE"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("NaN"), std::string::npos) << result.err;
}

TEST(ValidateCommand, WarningsKeepTheInputValid)
{
    const TempDir dir;
    const auto result =
        run_perfreport({"validate", edited_e1(dir, "\"total_compute_time\":0.15", "\"total_compute_time\":0.2")});
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_NE(result.err.find("warning W_AGG_MISMATCH"), std::string::npos) << result.err;
}

TEST(ValidateCommand, JsonListsTheFindings)
{
    const TempDir dir;
    const auto result =
        run_perfreport({"validate", "--json", edited_e1(dir, "\"schema_version\":1", "\"schema_version\":2")});
    EXPECT_EQ(result.exit_code, 2);
    const auto findings = parse_json(result.out).as_array();
    ASSERT_FALSE(findings.empty());
    EXPECT_EQ(findings[0].at("code").as_string(), "E_SCHEMA_VERSION");
    EXPECT_EQ(findings[0].at("level").as_string(), "error");
    EXPECT_EQ(findings[0].at("where").as_string(), "/schema_version");
}

TEST(ValidateCommand, MissingFileIsAClearError)
{
    const auto result = run_perfreport({"validate", "/nonexistent/input.json"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("/nonexistent/input.json"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace perfreport
