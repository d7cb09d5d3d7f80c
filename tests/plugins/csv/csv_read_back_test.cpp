// The CSV files hold the same rows and values as the JSON report's tables
// (SPEC 3.3), read back with Python's csv module; text that a spreadsheet
// would run as a formula comes back with a leading quote.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/serialize.hpp>

#include "csv_read_back.hpp"

namespace perfreport {
namespace {
namespace fs = std::filesystem;
using test::CsvRows;
using test::read_csv;
using test::TempDir;

// SPEC 3.3 with OWASP's rule: text starting = + - @ tab or CR gets a quote.
std::string as_written(std::string_view text)
{
    const bool formula = !text.empty() && std::string_view{"=+-@\t\r"}.find(text.front()) != std::string_view::npos;
    return (formula ? "'" : "") + std::string{text};
}

void expect_cell(const boost::json::value& value, const std::string& cell, const std::string& where)
{
    SCOPED_TRACE(where);
    switch (value.kind()) {
    case boost::json::kind::null: EXPECT_EQ(cell, ""); return;
    case boost::json::kind::bool_: EXPECT_EQ(cell, value.get_bool() ? "true" : "false"); return;
    case boost::json::kind::int64: EXPECT_EQ(cell, std::to_string(value.get_int64())); return;
    case boost::json::kind::uint64: EXPECT_EQ(cell, std::to_string(value.get_uint64())); return;
    case boost::json::kind::double_: EXPECT_EQ(std::stod(cell), value.get_double()); return;
    case boost::json::kind::string: EXPECT_EQ(cell, as_written(value.get_string())); return;
    case boost::json::kind::array:
    case boost::json::kind::object: EXPECT_EQ(parse_json(cell), value) << cell; return;
    }
}

// A header cell without its "(unit)".
std::string column_name(const std::string& header)
{
    return header.ends_with(')') ? header.substr(0, header.rfind('(')) : header;
}

void expect_table(const boost::json::array& rows, const CsvRows& csv, const std::string& where)
{
    ASSERT_EQ(csv.size(), rows.size() + 1) << where;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        ASSERT_EQ(csv[r + 1].size(), csv[0].size()) << where << " row " << r;
        const boost::json::object& row = rows[r].as_object();
        for (const auto& member : row) {
            bool found = false;
            for (std::size_t c = 0; c < csv[0].size(); ++c) {
                if (column_name(csv[0][c]) != member.key()) continue;
                found = true;
                expect_cell(member.value(), csv[r + 1][c], where + " row " + std::to_string(r) + " " +
                                                               std::string{member.key()});
            }
            EXPECT_TRUE(found) << where << " has no column " << member.key();
        }
        // A column absent from the JSON row is a null left out (omit-null).
        for (std::size_t c = 0; c < csv[0].size(); ++c) {
            if (!row.contains(column_name(csv[0][c]))) {
                EXPECT_EQ(csv[r + 1][c], "") << where << " " << csv[0][c];
            }
        }
    }
}

// "compat.gantt_chart.tasks.csv" names report["compat"]["gantt_chart"]["tasks"].
const boost::json::value& table_at(const boost::json::object& report, std::string path)
{
    const boost::json::value* node = nullptr;
    const boost::json::object* object = &report;
    for (std::size_t dot; !path.empty(); path = dot == std::string::npos ? "" : path.substr(dot + 1)) {
        dot = path.find('.');
        node = &object->at(path.substr(0, dot));
        if (node->is_object()) object = &node->get_object();
    }
    return *node;
}

// Every table file matches its JSON table, every scalar summary row its key.
void expect_same_as_json(const fs::path& folder)
{
    const boost::json::object report = test::read_json(folder / "reporting_report.json").as_object();
    int tables = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (!name.ends_with(".csv")) continue;
        const std::string path = name.substr(0, name.size() - 4);
        const CsvRows csv = read_csv(entry.path());
        if (path.find('.') != std::string::npos || path == "step_metrics" || path == "top_ops") {
            expect_table(table_at(report, path == "top_ops" ? "bottleneck.top_ops" : path).as_array(), csv, name);
            ++tables;
        } else if (const auto* section = report.if_contains(path); section != nullptr && path != "performance" &&
                                                                   path != "bottleneck") {
            for (std::size_t r = 1; r < csv.size(); ++r) {
                const boost::json::value& value = section->as_object().at(csv[r][0]);
                if (!value.is_object()) expect_cell(value, csv[r][1], name + " " + csv[r][0]);
            }
        }
    }
    EXPECT_EQ(tables, 9);
}

TEST(CsvReadBack, E1TablesMatchTheJsonReport)
{
    const TempDir out;
    test::run_csv(test::e1_input, out / "report", "json,csv", {"--option", "csv.time_unit=us"});
    expect_same_as_json(out / "report");
}

// E1 with op ids that need quoting or neutralising.
std::string e1_with_op_ids(const TempDir& folder, const std::vector<std::string>& op_ids)
{
    boost::json::value input = test::read_json(test::e1_input);
    auto& steps = input.at("step_metrics").as_array();
    for (std::size_t i = 0; i < op_ids.size(); ++i) steps.at(i).as_object()["op_id"] = op_ids[i];
    const std::string path = (folder / "input.json").string();
    std::ofstream(path) << boost::json::serialize(input);
    return path;
}

TEST(CsvReadBack, OpIdsWithFormulasCommasQuotesAndLineBreaksSurvive)
{
    const TempDir out;
    const std::vector<std::string> op_ids{"=SUM(A1),\"q\"", "+ünï\nline", "-1.5", "@x\tlayers.1.pp_send"};
    test::run_csv(e1_with_op_ids(out, op_ids), out / "report", "json,csv", {"--option", "csv.time_unit=us"});
    expect_same_as_json(out / "report");

    const std::string text = test::read_text(out / "report" / "step_metrics.csv");
    EXPECT_NE(text.find("\n\"'=SUM(A1),\"\"q\"\"\",0.05,"), std::string::npos) << text;
    EXPECT_NE(text.find("\n\"'+ünï\nline\",0.0,"), std::string::npos) << text;
    EXPECT_NE(text.find("\n'-1.5,0.1,"), std::string::npos) << text;
    EXPECT_NE(text.find("\n'@x\tlayers.1.pp_send,0.0,"), std::string::npos) << text;
    const CsvRows rows = read_csv(out / "report" / "step_metrics.csv");
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[1][0], "'=SUM(A1),\"q\"");
    EXPECT_EQ(rows[2][0], "'+ünï\nline");
    EXPECT_EQ(rows[3][0], "'-1.5");
    EXPECT_EQ(rows[4][0], "'@x\tlayers.1.pp_send");
}

TEST(CsvReadBack, OpIdsWithTabsCarriageReturnsAndPlainCommasSurvive)
{
    const TempDir out;
    const std::vector<std::string> op_ids{"\tlayers.0.q", "\rlayers.0.comm", "layers.1,ffn", "layers.1 \"p2p\""};
    test::run_csv(e1_with_op_ids(out, op_ids), out / "report", "json,csv", {"--option", "csv.time_unit=us"});
    expect_same_as_json(out / "report");

    const CsvRows rows = read_csv(out / "report" / "step_metrics.csv");
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[1][0], "'\tlayers.0.q");
    EXPECT_EQ(rows[2][0], "'\rlayers.0.comm");
    EXPECT_EQ(rows[3][0], "layers.1,ffn");
    EXPECT_EQ(rows[4][0], "layers.1 \"p2p\"");
}

}  // namespace
}  // namespace perfreport
