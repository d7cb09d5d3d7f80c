// What profiler.db must hold for a report, read with the C API and checked
// against the JSON report the same run wrote:
//   - every report table: one SQL table, as many rows, every cell equal, in
//     the SQL type its column type names (NULL where the report has null);
//   - slices = gantt tasks, one each, in order, with the task's times and args;
//   - processes and threads = the gantt's resources (extra lanes only where
//     tasks overlap: no two slices of one thread overlap);
//   - flows = the compute -> comm pairs of SPEC 3.4, counters = the
//     achieved_gflops series of SPEC 3.4 (value at start, 0 at end).
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "json_compare.hpp"
#include "sqlite_reader.hpp"

namespace perfreport::test {

// The report member at a dotted source such as "compat.gantt_chart.tasks".
inline const boost::json::value* report_at(const boost::json::value& report, const std::string& source)
{
    const boost::json::value* at = &report;
    std::size_t start = 0;
    while (start <= source.size()) {
        const std::size_t end = std::min(source.find('.', start), source.size());
        if (!at->is_object()) return nullptr;
        at = at->as_object().if_contains(source.substr(start, end - start));
        if (at == nullptr) return nullptr;
        start = end + 1;
    }
    return at;
}

// A cell as a message shows it: its storage class and value.
inline std::string shown_cell(const SqlCell& cell)
{
    if (const auto* integer = std::get_if<std::int64_t>(&cell)) return "INTEGER " + std::to_string(*integer);
    if (const auto* real = std::get_if<double>(&cell)) return "REAL " + boost::json::serialize(boost::json::value(*real));
    if (const auto* text = std::get_if<std::string>(&cell)) return "TEXT " + boost::json::serialize(boost::json::value(*text));
    return "NULL";
}

// What `cell` should be ("expected ...") when it is not the report's
// `expected` for a column of `value_type`; "" when it is.
inline std::string cell_mismatch(const SqlCell& cell, const boost::json::value* expected,
                                 const std::string& value_type)
{
    const auto shown = [&] { return expected == nullptr ? std::string{"(absent)"} : boost::json::serialize(*expected); };
    if (expected == nullptr || expected->is_null()) return is_null(cell) ? "" : "expected NULL";
    if (value_type == "INT64") {
        const auto* value = std::get_if<std::int64_t>(&cell);
        return value != nullptr && *value == expected->to_number<std::int64_t>() ? "" : "expected INTEGER " + shown();
    }
    if (value_type == "BOOL") {
        const auto* value = std::get_if<std::int64_t>(&cell);
        return value != nullptr && *value == (expected->as_bool() ? 1 : 0) ? "" : "expected 0/1 for " + shown();
    }
    if (value_type == "FLOAT64") {
        const auto* value = std::get_if<double>(&cell);
        return value != nullptr && *value == expected->to_number<double>() ? "" : "expected REAL " + shown();
    }
    if (value_type == "STRING") {
        const auto* value = std::get_if<std::string>(&cell);
        return value != nullptr && *value == expected->as_string() ? "" : "expected TEXT " + shown();
    }
    const auto* text = std::get_if<std::string>(&cell);  // JSON and INT64_LIST: JSON text
    if (text == nullptr) return "expected JSON text " + shown();
    std::vector<std::string> differences;
    compare_json(*expected, parse_json(*text), "", Tolerance{0.0}, differences);
    return differences.empty() ? "" : "JSON " + *text + " is not " + shown();
}

// Why `cell` is not the report's `expected` for a column of `value_type`
// ("expected ..., got ..."); "" when it is.
inline std::string cell_difference(const SqlCell& cell, const boost::json::value* expected,
                                   const std::string& value_type)
{
    const std::string problem = cell_mismatch(cell, expected, value_type);
    return problem.empty() ? problem : problem + ", got " + shown_cell(cell);
}

// Every report table of the catalog against the JSON report, cell by cell.
inline void expect_report_tables_equal(const SqliteFile& db, const boost::json::value& report)
{
    const std::vector<std::string> tables = db.texts("SELECT name FROM tables WHERE kind = 'report' ORDER BY name");
    EXPECT_FALSE(tables.empty());
    for (const std::string& table : tables) {
        SCOPED_TRACE(table);
        const std::string source = std::get<std::string>(db.value("SELECT source FROM tables WHERE name = '" + table + "'"));
        const boost::json::value* rows = report_at(report, source);
        ASSERT_NE(rows, nullptr) << "the report has no " << source;
        ASSERT_TRUE(rows->is_array()) << source;
        std::vector<std::pair<std::string, std::string>> columns;  // name, value type
        for (const SqlRow& row : db.query("SELECT name, value_type FROM columns WHERE table_name = '" + table +
                                          "' ORDER BY position")) {
            columns.emplace_back(std::get<std::string>(row[0]), std::get<std::string>(row[1]));
        }
        const std::vector<SqlRow> cells = db.query("SELECT * FROM \"" + table + "\" ORDER BY rowid");
        ASSERT_EQ(cells.size(), rows->as_array().size()) << source;
        std::vector<std::string> differences;
        for (std::size_t r = 0; r < cells.size() && differences.size() < 10; ++r) {
            const boost::json::object& expected = rows->as_array()[r].as_object();
            ASSERT_EQ(cells[r].size(), columns.size());
            for (std::size_t c = 0; c < columns.size(); ++c) {
                const std::string problem =
                    cell_difference(cells[r][c], expected.if_contains(columns[c].first), columns[c].second);
                if (!problem.empty()) differences.push_back("row " + std::to_string(r) + " " + columns[c].first + ": " + problem);
            }
        }
        EXPECT_EQ(differences, std::vector<std::string>{});
    }
}

// Slices against gantt.tasks, threads and processes against gantt.resources.
inline void expect_slices_are_gantt_tasks(const SqliteFile& db, const boost::json::object& gantt)
{
    const boost::json::array& tasks = gantt.at("tasks").as_array();
    std::map<std::int64_t, std::pair<std::int64_t, std::string>> threads;  // id -> (pid, tid name)
    std::map<std::int64_t, std::int64_t> tid_of;
    for (const SqlRow& row : db.query("SELECT id, pid, tid, name FROM thread")) {
        const auto id = std::get<std::int64_t>(row[0]);
        threads[id] = {std::get<std::int64_t>(row[1]), std::get<std::string>(row[3])};
        tid_of[id] = std::get<std::int64_t>(row[2]);
    }
    const std::vector<SqlRow> slices = db.query(
        "SELECT id, ts, dur, thread_id, name, category, task_id, step_index, type, phase, layer, color, flops, bytes, "
        "bottleneck FROM slice ORDER BY id");
    ASSERT_EQ(slices.size(), tasks.size());
    std::map<std::int64_t, std::vector<std::size_t>> tasks_of_thread;
    for (std::size_t k = 0; k < tasks.size(); ++k) {
        const boost::json::object& task = tasks[k].as_object();
        const SqlRow& slice = slices[k];
        SCOPED_TRACE(std::string{task.at("id").as_string()});
        EXPECT_EQ(std::get<std::int64_t>(slice[0]), static_cast<std::int64_t>(k) + 1);
        EXPECT_EQ(std::get<double>(slice[1]), task.at("start").to_number<double>());
        EXPECT_EQ(std::get<double>(slice[2]), task.at("duration").to_number<double>());
        const auto thread_id = std::get<std::int64_t>(slice[3]);
        ASSERT_TRUE(threads.contains(thread_id));
        tasks_of_thread[thread_id].push_back(k);
        const bool network = task.at("resource").as_string().ends_with("_network");
        EXPECT_EQ(threads[thread_id].first, task.at("pp_stage").as_int64());
        EXPECT_EQ(tid_of[thread_id] % 2, network ? 1 : 0) << "compute rows take even tids, network rows odd ones";
        EXPECT_TRUE(threads[thread_id].second.starts_with(network ? "Network" : "Compute"));
        const char* fields[] = {"name", "segment", "id", "step_index", "type", "phase", "layer", "color",
                                "flops", "bytes", "bottleneck"};
        const char* types[] = {"STRING", "STRING", "STRING", "INT64", "STRING", "STRING", "INT64", "STRING",
                               "INT64", "INT64", "STRING"};
        for (std::size_t f = 0; f < std::size(fields); ++f) {
            EXPECT_EQ(cell_difference(slice[4 + f], task.if_contains(fields[f]), types[f]), "") << fields[f];
        }
    }
    // No two slices of one thread overlap (a lane starts a task once the last one ended).
    for (const auto& [thread, indices] : tasks_of_thread) {
        std::vector<std::size_t> by_start = indices;
        std::stable_sort(by_start.begin(), by_start.end(), [&](std::size_t a, std::size_t b) {
            return tasks[a].at("start").to_number<double>() < tasks[b].at("start").to_number<double>();
        });
        for (std::size_t i = 1; i < by_start.size(); ++i) {
            EXPECT_GE(tasks[by_start[i]].at("start").to_number<double>(),
                      tasks[by_start[i - 1]].at("end").to_number<double>())
                << "thread " << thread << ": " << tasks[by_start[i]].at("id") << " overlaps " << tasks[by_start[i - 1]].at("id");
        }
    }

    // One process "PP{s}" per stage and a thread per resource; other threads are extra lanes.
    std::set<std::string> expected_processes;
    std::set<std::string> expected_threads;
    for (const auto& resource : gantt.at("resources").as_array()) {
        const std::string stage = std::to_string(resource.at("pp_stage").as_int64());
        const bool network = resource.at("type").as_string() == "network";
        expected_processes.insert(stage + " PP" + stage);
        expected_threads.insert(stage + "/" + (network ? "1 Network" : "0 Compute"));
    }
    std::set<std::string> processes;
    for (const SqlRow& row : db.query("SELECT pid, name FROM process")) {
        processes.insert(std::to_string(std::get<std::int64_t>(row[0])) + " " + std::get<std::string>(row[1]));
    }
    EXPECT_EQ(processes, expected_processes);
    std::set<std::string> base_threads;
    for (const auto& [id, thread] : threads) {
        const std::string shown = std::to_string(thread.first) + "/" + std::to_string(tid_of[id]) + " " + thread.second;
        if (tid_of[id] < 2) {
            base_threads.insert(shown);
        } else {
            EXPECT_TRUE(tasks_of_thread.contains(id)) << "an extra lane without tasks: " << shown;
        }
    }
    EXPECT_EQ(base_threads, expected_threads);
}

// Flows and counters as SPEC 3.4 defines them, recomputed from the tasks.
inline void expect_flows_and_counters(const SqliteFile& db, const boost::json::object& gantt)
{
    const boost::json::array& tasks = gantt.at("tasks").as_array();
    std::map<std::int64_t, std::int64_t> first_compute;  // step -> slice id
    std::vector<SqlRow> expected_flows;
    std::set<std::int64_t> steps_with_flow;
    std::vector<SqlRow> expected_counters;
    for (std::size_t k = 0; k < tasks.size(); ++k) {
        const boost::json::object& task = tasks[k].as_object();
        const auto slice = static_cast<std::int64_t>(k) + 1;
        if (task.at("segment") == "compute") first_compute.emplace(task.at("step_index").as_int64(), slice);
        const auto flops = task.at("flops").as_int64();
        const double duration = task.at("duration").to_number<double>();
        if (flops > 0 && duration > 0) {
            const std::int64_t pid = task.at("pp_stage").as_int64();
            expected_counters.push_back({task.at("start").to_number<double>(), pid, std::string{"achieved_gflops"},
                                         static_cast<double>(flops) / (duration * 1000.0), slice});
            expected_counters.push_back({task.at("end").to_number<double>(), pid, std::string{"achieved_gflops"}, 0.0, slice});
        }
    }
    for (std::size_t k = 0; k < tasks.size(); ++k) {
        const boost::json::object& task = tasks[k].as_object();
        if (task.at("segment") != "comm") continue;
        const std::int64_t step = task.at("step_index").as_int64();
        const auto compute = first_compute.find(step);
        if (compute == first_compute.end() || !steps_with_flow.insert(step).second) continue;
        expected_flows.push_back({static_cast<std::int64_t>(expected_flows.size()) + 1, compute->second,
                                  static_cast<std::int64_t>(k) + 1, std::string{"compute_to_comm"}, std::string{"dep"}});
    }
    EXPECT_EQ(db.query("SELECT id, slice_out, slice_in, name, category FROM flow ORDER BY id"), expected_flows);
    const std::vector<SqlRow> counters = db.query("SELECT ts, pid, name, value, slice_id FROM counter ORDER BY id");
    ASSERT_EQ(counters.size(), expected_counters.size());
    for (std::size_t i = 0; i < counters.size(); ++i) EXPECT_EQ(counters[i], expected_counters[i]) << "counter " << i + 1;
}

// The database is sound and self-described: SQLite's own checks pass, every
// table is in the catalog with its columns, and the shell counts the rows
// the C API counts.
inline void expect_sound_database(const std::filesystem::path& file, const SqliteFile& db)
{
    EXPECT_EQ(db.texts("PRAGMA integrity_check"), std::vector<std::string>{"ok"});
    EXPECT_TRUE(db.query("PRAGMA foreign_key_check").empty());
    EXPECT_EQ(db.texts("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"),
              db.texts("SELECT name FROM tables ORDER BY name"));
    for (const std::string& table : db.texts("SELECT name FROM tables")) {
        SCOPED_TRACE(table);
        std::vector<std::string> declared;
        for (const SqlRow& row : db.query("SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid")) {
            declared.push_back(std::get<std::string>(row[0]));
        }
        EXPECT_EQ(declared, db.texts("SELECT name FROM columns WHERE table_name = '" + table + "' ORDER BY position"));
        EXPECT_EQ(shell_value(file, "SELECT COUNT(*) FROM \"" + table + "\""), db.count(table));
    }
}

// All of the above for one run that wrote `out`/profiler.db and `out`/reporting_report.json.
inline void expect_database_matches_report(const std::filesystem::path& out)
{
    const std::filesystem::path file = out / "profiler.db";
    const boost::json::value report = read_json(out / "reporting_report.json");
    const SqliteFile db(file);
    expect_sound_database(file, db);
    expect_report_tables_equal(db, report);
    if (const auto* gantt = report.as_object().if_contains("gantt")) {
        expect_slices_are_gantt_tasks(db, gantt->as_object());
        expect_flows_and_counters(db, gantt->as_object());
    }
}

}  // namespace perfreport::test
