// profiler.db on E1 (SPEC 5.1): the worked examples of SPEC 5.4 and 5.9 as
// slices, threads and counters, the report's tables and scalars, read with
// the C API and the sqlite3 shell.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "profiler_db_checks.hpp"
#include "profiler_db_run.hpp"
#include "sqlite_reader.hpp"
#include "temp_dir.hpp"

namespace perfreport {
namespace {
using test::SqlRow;

class SqliteOnE1 : public ::testing::Test {
protected:
    // One run of every format, as `--format all` gives them.
    static void SetUpTestSuite()
    {
        dir_ = new test::TempDir;
        run_ = new test::CommandResult(test::export_profiler_db(test::e1_file, out(), "all"));
    }
    static void TearDownTestSuite()
    {
        delete run_;
        delete dir_;
    }

    static std::filesystem::path out() { return *dir_ / "out"; }
    static std::filesystem::path file() { return out() / "profiler.db"; }

    static test::TempDir* dir_;
    static test::CommandResult* run_;
};
test::TempDir* SqliteOnE1::dir_ = nullptr;
test::CommandResult* SqliteOnE1::run_ = nullptr;

TEST_F(SqliteOnE1, FormatAllWritesProfilerDbAndNoTemporaryFile)
{
    EXPECT_NE(run_->err.find("wrote " + file().string() + "\n"), std::string::npos) << run_->err;
    EXPECT_TRUE(std::filesystem::is_regular_file(out() / "reporting_report.json"));
    EXPECT_EQ(test::temporary_files(out()), std::vector<std::string>{});
}

TEST_F(SqliteOnE1, HoldsTheTraceTheReportTablesAndTheirDescription)
{
    const std::vector<std::string> expected{
        "columns", "compat_gantt_chart_tasks", "counter", "flow", "gantt_resources", "gantt_tasks", "metadata",
        "process", "roofline_points", "slice", "step_metrics", "summary", "tables", "thread", "traffic_devices",
        "traffic_link_stats", "traffic_links"};
    const std::string sql = "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name";
    EXPECT_EQ(test::SqliteFile(file()).texts(sql), expected);
    std::vector<std::string> from_shell;
    for (const auto& row : test::shell_json(file(), sql)) from_shell.emplace_back(row.at("name").as_string());
    EXPECT_EQ(from_shell, expected);
}

TEST_F(SqliteOnE1, MatchesTheJsonReportOfTheSameRun)
{
    test::expect_database_matches_report(out());
}

// SPEC 5.4's tasks: stage and row give the thread, times are µs as in the gantt.
TEST_F(SqliteOnE1, SlicesAreTheWorkedExampleTasks)
{
    const test::SqliteFile db(file());
    EXPECT_EQ(db.query("SELECT pid, name FROM process ORDER BY pid"),
              (std::vector<SqlRow>{{std::int64_t{0}, std::string{"PP0"}}, {std::int64_t{1}, std::string{"PP1"}}}));
    EXPECT_EQ(db.query("SELECT pid, tid, name FROM thread ORDER BY pid, tid"),
              (std::vector<SqlRow>{{std::int64_t{0}, std::int64_t{0}, std::string{"Compute"}},
                                   {std::int64_t{0}, std::int64_t{1}, std::string{"Network"}},
                                   {std::int64_t{1}, std::int64_t{0}, std::string{"Compute"}},
                                   {std::int64_t{1}, std::int64_t{1}, std::string{"Network"}}}));
    const auto row = [](const char* task, const char* name, const char* segment, std::int64_t pid, std::int64_t tid,
                        double start, double end, const char* type, const char* color, const char* phase) {
        return SqlRow{std::string{task}, std::string{name}, std::string{segment}, pid, tid, start, end - start,
                      std::string{type}, std::string{color}, std::string{phase}};
    };
    EXPECT_EQ(db.query("SELECT task_id, slice.name, category, pid, tid, ts, dur, type, color, phase "
                       "FROM slice JOIN thread ON thread.id = slice.thread_id ORDER BY slice.id"),
              (std::vector<SqlRow>{
                  row("task_1", "layers.0.mla_q_a", "compute", 0, 0, 0, 50, "mla_attn_fc", "#08979c", "prefill"),
                  row("task_2", "layers.0.mla_out_proj_comm", "comm", 0, 1, 50, 150.00000000000003, "allreduce",
                      "#1890ff", "prefill"),
                  row("task_3", "layers.1.ffn_down", "compute", 1, 0, 150.00000000000003, 250, "ffn", "#237804",
                      "decode"),
                  row("task_4", "layers.1.ffn_down", "wait", 1, 0, 250, 270, "idle", "#d9d9d9", "decode"),
                  row("task_5", "layers.1.pp_send_p2p", "comm", 1, 1, 270, 290.00000000000006, "p2p", "#722ed1",
                      "decode")}));
    // SPEC 5.9's chrome-trace X event for task_3, here unshifted.
    EXPECT_EQ(db.value("SELECT dur FROM slice WHERE task_id = 'task_3'"), test::SqlCell{99.99999999999997});
}

// SPEC 5.9: task_1 reaches 40000 GFLOPS, task_3 1000.0000000000003 (flops
// over the compute segment), each back to 0 at its end; no step has both a
// compute and a comm task, so there is no flow.
TEST_F(SqliteOnE1, CountersAreTheAchievedGflopsAndThereIsNoFlow)
{
    const test::SqliteFile db(file());
    EXPECT_EQ(db.query("SELECT ts, pid, name, value FROM counter ORDER BY id"),
              (std::vector<SqlRow>{{0.0, std::int64_t{0}, std::string{"achieved_gflops"}, 40000.0},
                                   {50.0, std::int64_t{0}, std::string{"achieved_gflops"}, 0.0},
                                   {150.00000000000003, std::int64_t{1}, std::string{"achieved_gflops"},
                                    1000.0000000000003},
                                   {250.0, std::int64_t{1}, std::string{"achieved_gflops"}, 0.0}}));
    EXPECT_EQ(db.count("flow"), 0);
}

TEST_F(SqliteOnE1, ScalarsKeepTheirTypesAndUnits)
{
    EXPECT_EQ(test::shell_value(file(), "SELECT value FROM metadata WHERE key = 'schema_version'"), "1.1.0");
    EXPECT_EQ(test::shell_value(file(), "SELECT value FROM metadata WHERE key = 'granularity'"), "CHIP");
    const auto performance = test::shell_json(
        file(), "SELECT value, unit, typeof(value) AS type FROM summary WHERE part = 'performance' AND key = 'tps'");
    ASSERT_EQ(performance.size(), 1u);
    EXPECT_EQ(performance[0].at("value").to_number<double>(), 7142.857142857143);
    EXPECT_EQ(performance[0].at("unit"), "tokens/s");
    EXPECT_EQ(performance[0].at("type"), "real");
    const test::SqliteFile db(file());
    EXPECT_EQ(db.query("SELECT value, unit FROM summary WHERE part = 'gantt' AND key = 'phase_transition'"),
              (std::vector<SqlRow>{{150.0, std::string{"us"}}}));
    EXPECT_EQ(db.query("SELECT value, unit FROM summary WHERE part = 'memory' AND key = 'weights_bytes'"),
              (std::vector<SqlRow>{{std::int64_t{696}, std::string{"B"}}}));
    EXPECT_EQ(db.value("SELECT value FROM summary WHERE part = 'memory' AND key = 'is_memory_sufficient'"),
              test::SqlCell{std::int64_t{1}});
}

TEST_F(SqliteOnE1, ColumnsAreTypedFromTheReportAndKeepTheirUnits)
{
    const test::SqliteFile db(file());
    EXPECT_EQ(db.query("SELECT name, sql_type, value_type, unit FROM columns WHERE table_name = 'gantt_tasks' AND "
                       "name IN ('start', 'flops', 'layer', 'token_index', 'name') ORDER BY position"),
              (std::vector<SqlRow>{{std::string{"name"}, std::string{"TEXT"}, std::string{"STRING"}, std::string{}},
                                   {std::string{"start"}, std::string{"REAL"}, std::string{"FLOAT64"}, std::string{"us"}},
                                   {std::string{"layer"}, std::string{"INTEGER"}, std::string{"INT64"}, std::string{}},
                                   {std::string{"token_index"}, std::string{"INTEGER"}, std::string{"INT64"}, std::string{}},
                                   {std::string{"flops"}, std::string{"INTEGER"}, std::string{"INT64"}, std::string{"FLOP"}}}));
    // Every E1 task has no token index: NULL, not 0.
    EXPECT_EQ(db.value("SELECT COUNT(*) FROM gantt_tasks WHERE token_index IS NULL"), test::SqlCell{std::int64_t{5}});
    EXPECT_EQ(db.texts("SELECT DISTINCT typeof(start) || ' ' || typeof(flops) || ' ' || typeof(name) FROM gantt_tasks"),
              std::vector<std::string>{"real integer text"});
    EXPECT_EQ(db.query("SELECT sql_type, value_type FROM columns WHERE table_name = 'roofline_points' AND name = "
                       "'is_compute_bound'"),
              (std::vector<SqlRow>{{std::string{"INTEGER"}, std::string{"BOOL"}}}));
    EXPECT_EQ(db.query("SELECT sql_type, value_type, unit FROM columns WHERE table_name = 'traffic_links' AND name = "
                       "'comm_breakdown'"),
              (std::vector<SqlRow>{{std::string{"TEXT"}, std::string{"JSON"}, std::string{"B"}}}));
    EXPECT_EQ(test::shell_value(file(), "SELECT json_extract(comm_breakdown, '$.mla_allreduce') FROM traffic_links "
                                        "ORDER BY rowid LIMIT 1"),
              196608);
}

// The query plans a viewer's filters get: by time, by thread, by process.
TEST_F(SqliteOnE1, IndexesServeTimeThreadAndProcessFilters)
{
    const test::SqliteFile db(file());
    const auto plan = [&](const std::string& sql) {
        std::string text;
        for (const SqlRow& row : db.query("EXPLAIN QUERY PLAN " + sql)) text += std::get<std::string>(row.back()) + ";";
        return text;
    };
    EXPECT_NE(plan("SELECT * FROM slice WHERE ts >= 100 AND ts < 200").find("USING INDEX slice_ts"), std::string::npos);
    EXPECT_NE(plan("SELECT * FROM slice WHERE thread_id = 2 ORDER BY ts").find("USING INDEX slice_thread_ts"),
              std::string::npos);
    EXPECT_NE(plan("SELECT * FROM thread WHERE pid = 1").find("USING INDEX thread_pid"), std::string::npos);
    EXPECT_NE(plan("SELECT * FROM counter WHERE pid = 1 AND ts > 5").find("USING INDEX counter_pid_ts"),
              std::string::npos);
    EXPECT_NE(plan("SELECT * FROM flow WHERE slice_in = 4").find("USING INDEX flow_slice_in"), std::string::npos);
    EXPECT_NE(plan("SELECT * FROM gantt_tasks WHERE start > 100").find("USING INDEX gantt_tasks_start"),
              std::string::npos);
    EXPECT_NE(plan("SELECT * FROM gantt_tasks WHERE resource = 'stage1_network'").find("USING INDEX gantt_tasks_resource"),
              std::string::npos);
    EXPECT_NE(plan("SELECT * FROM compat_gantt_chart_tasks WHERE ppStage = 1").find("USING INDEX"), std::string::npos);
}

// Step 2 (layers.1.ffn_down) also communicates for 0.03 ms: one flow from its
// compute segment (task_3, [150, 250]) to its comm segment (task_4).
TEST(SqliteFlows, AStepWithComputeAndCommHasAFlowBetweenThem)
{
    const test::TempDir dir;
    const std::string input = test::e1_with_flow(dir / "input.json");
    test::export_profiler_db(input, dir / "out");
    test::expect_database_matches_report(dir / "out");
    const test::SqliteFile db(dir / "out" / "profiler.db");
    EXPECT_EQ(db.query("SELECT id, slice_out, slice_in, name, category FROM flow"),
              (std::vector<SqlRow>{{std::int64_t{1}, std::int64_t{3}, std::int64_t{4}, std::string{"compute_to_comm"},
                                    std::string{"dep"}}}));
    EXPECT_EQ(db.query("SELECT o.task_id, o.ts, i.task_id, i.ts FROM flow JOIN slice o ON o.id = flow.slice_out "
                       "JOIN slice i ON i.id = flow.slice_in"),
              (std::vector<SqlRow>{{std::string{"task_3"}, 150.00000000000003, std::string{"task_4"}, 250.0}}));
}

}  // namespace
}  // namespace perfreport
