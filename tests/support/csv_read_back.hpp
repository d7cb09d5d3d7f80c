// Runs perfreport with the csv exporter and reads its files back with
// Python's csv module, as a user's script would.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <perfreport/sdk/json_parse.hpp>

#include "command_runner.hpp"

namespace perfreport::test {

using CsvRows = std::vector<std::vector<std::string>>;

inline const std::string e1_input = std::string(FIXTURES_DIR) + "/input/e1.json";

// `perfreport run input -o out --format formats` plus `extra` arguments;
// fails the test when the run does not succeed.
inline void run_csv(const std::string& input, const std::filesystem::path& out, const std::string& formats,
                    const std::vector<std::string>& extra = {})
{
    std::vector<std::string> args{"run", input, "-o", out.string(), "--format", formats, "-q"};
    args.insert(args.end(), extra.begin(), extra.end());
    const CommandResult result = run_perfreport(args);
    ASSERT_EQ(result.exit_code, 0) << result.err;
}

inline CsvRows read_csv(const std::filesystem::path& file)
{
    const TempDir scratch;
    const std::filesystem::path rows_json = scratch / "rows.json";
    const std::string script =
        "import csv, json, sys\n"
        "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
        "    json.dump(list(csv.reader(f, strict=True)), open(sys.argv[2], 'w'))\n";
    const std::string command = "python3 -c " + shell_quote(script) + " " + shell_quote(file.string()) + " " +
                                shell_quote(rows_json.string());
    if (std::system(command.c_str()) != 0) {
        ADD_FAILURE() << "python's csv module cannot read " << file;
        return {};
    }
    const boost::json::value parsed = read_json(rows_json);
    CsvRows rows;
    for (const auto& row : parsed.as_array()) {
        auto& cells = rows.emplace_back();
        for (const auto& cell : row.as_array()) cells.emplace_back(cell.as_string());
    }
    return rows;
}

}  // namespace perfreport::test
