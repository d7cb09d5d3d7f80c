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
#include "csv_reader.hpp"

namespace perfreport::test {

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

}  // namespace perfreport::test
