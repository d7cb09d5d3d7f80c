// profiler.db on every reference case (both presets), a 100k-step generated
// input, op ids no format likes, and outputs that cannot be written.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "generated_input.hpp"
#include "profiler_db_checks.hpp"
#include "profiler_db_run.hpp"
#include "sqlite_reader.hpp"
#include "temp_dir.hpp"
#include "upstream_case.hpp"

namespace perfreport {
namespace {
namespace fs = std::filesystem;
using test::SqlRow;

class SqliteOnCase : public ::testing::TestWithParam<std::string> {};

TEST_P(SqliteOnCase, MatchesTheJsonReportOfTheSameRun)
{
    const test::TempDir dir;
    for (const char* input : {"input.json", "input.tier6.json"}) {
        SCOPED_TRACE(input);
        test::export_profiler_db((test::case_dir(GetParam()) / input).string(), dir / input, "sqlite,json",
                                 {"--compact"});
        test::expect_database_matches_report(dir / input);
    }
}

INSTANTIATE_TEST_SUITE_P(ReferenceCases, SqliteOnCase, ::testing::ValuesIn(test::reference_cases()));

TEST(SqliteOnGeneratedInput, HundredThousandStepsMatchTheJsonReport)
{
    const test::TempDir dir;
    const fs::path input = dir / "input.json";
    test::generate_engine_result(100000, input);
    test::export_profiler_db(input.string(), dir / "out", "sqlite,json", {"--compact"});
    test::expect_database_matches_report(dir / "out");
    const fs::path file = dir / "out" / "profiler.db";
    EXPECT_EQ(test::shell_value(file, "SELECT COUNT(*) FROM step_metrics"), 100000);
    EXPECT_EQ(test::shell_value(file, "SELECT COUNT(*) FROM slice"),
              test::shell_value(file, "SELECT value FROM summary WHERE part = 'gantt' AND key = 'task_count'"));
    EXPECT_EQ(test::temporary_files(dir / "out"), std::vector<std::string>{});
}

// Bound as parameters, never spliced into SQL: every byte comes back.
TEST(SqliteOpIds, CommasQuotesNewlinesNonAsciiAndFormulaPrefixesComeOutIntact)
{
    const std::vector<std::string> op_ids{
        "layers.0.mla_q_a,with \"quotes\", 'single' commas",
        "=layers.0.mla_out_proj_comm\nsecond line\r\n');DROP TABLE slice;--",
        "@layers.1.ffn_down ünïcødé 層 🚀",
        "+layers.1.pp_send_p2p\t-1|' /C calc'!A0\\\x1b[31m",
    };
    const test::TempDir dir;
    const std::string input = test::e1_variant(dir / "input.json", [&](boost::json::object& e1) {
        auto& steps = e1.at("step_metrics").as_array();
        for (std::size_t i = 0; i < op_ids.size(); ++i) steps[i].as_object()["op_id"] = op_ids[i];
    });
    test::export_profiler_db(input, dir / "out");
    test::expect_database_matches_report(dir / "out");

    const fs::path file = dir / "out" / "profiler.db";
    const test::SqliteFile db(file);
    EXPECT_EQ(db.texts("SELECT op_id FROM step_metrics ORDER BY rowid"), op_ids);
    // E1's five tasks come from steps 0, 1, 2, 2 (its wait) and 3.
    const std::vector<std::string> task_names{op_ids[0], op_ids[1], op_ids[2], op_ids[2], op_ids[3]};
    EXPECT_EQ(db.texts("SELECT name FROM slice ORDER BY id"), task_names);
    EXPECT_EQ(db.texts("SELECT name FROM gantt_tasks ORDER BY rowid"), task_names);
    std::vector<std::string> from_shell;
    for (const auto& row : test::shell_json(file, "SELECT name FROM slice ORDER BY id")) {
        from_shell.emplace_back(row.at("name").as_string());
    }
    EXPECT_EQ(from_shell, task_names);
    EXPECT_EQ(db.value("SELECT COUNT(*) FROM slice WHERE name = '" + std::string{"@layers.1.ffn_down ünïcødé 層 🚀"} + "'"),
              test::SqlCell{std::int64_t{2}});
}

// The trace needs the gantt section; without it the report tables are still written.
TEST(SqliteWithoutGantt, TraceTablesAreEmptyAndTheReportTablesWritten)
{
    const test::TempDir dir;
    const test::CommandResult run =
        test::export_profiler_db(test::e1_file, dir / "out", "sqlite,json", {"--analyzers", "cost,memory"});
    EXPECT_NE(run.err.find("no gantt section: profiler.db's trace tables are empty"), std::string::npos) << run.err;
    test::expect_database_matches_report(dir / "out");
    const test::SqliteFile db(dir / "out" / "profiler.db");
    for (const char* table : {"process", "thread", "slice", "counter", "flow"}) EXPECT_EQ(db.count(table), 0) << table;
    EXPECT_EQ(db.texts("SELECT name FROM tables WHERE kind = 'report'"), std::vector<std::string>{"step_metrics"});
    EXPECT_EQ(db.count("step_metrics"), 4);
}

TEST(SqliteFailure, AFolderAtProfilerDbFailsOnlyTheSqliteExporter)
{
    const test::TempDir dir;
    const fs::path out = dir / "out";
    fs::create_directories(out / "profiler.db" / "kept");
    const test::CommandResult run =
        test::run_perfreport({"run", test::e1_file, "-q", "-o", out.string(), "--format", "sqlite,json"});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find("error: exporter sqlite failed: cannot commit profiler.db: cannot rename the temporary "
                           "file to " + (fs::canonical(out) / "profiler.db").string() + ": Is a directory"),
              std::string::npos)
        << run.err;
    EXPECT_TRUE(fs::is_directory(out / "profiler.db" / "kept"));
    EXPECT_EQ(test::temporary_files(out), std::vector<std::string>{});
    EXPECT_EQ(test::read_json(out / "reporting_report.json").at("step_metrics").as_array().size(), 4u);
}

TEST(SqliteFailure, AFolderThatTakesNoFilesIsAClearErrorAndLeavesNothing)
{
    // /proc/self exists and is a folder, but not even root can create a file in it.
    const test::CommandResult run =
        test::run_perfreport({"run", test::e1_file, "-q", "-o", "/proc/self", "--format", "sqlite"});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find("error: exporter sqlite failed: cannot open profiler.db: cannot create /proc/"),
              std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("/profiler.db: "), std::string::npos) << run.err;
}

}  // namespace
}  // namespace perfreport
