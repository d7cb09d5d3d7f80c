// Reads a CSV file back with Python's csv module (strict RFC 4180), as a
// user's script would: the rows as lists of text cells.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "command_runner.hpp"
#include "file_text.hpp"
#include "temp_dir.hpp"

namespace perfreport::test {

using CsvRows = std::vector<std::vector<std::string>>;

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
