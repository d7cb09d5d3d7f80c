// Runs the real command with the sqlite exporter, and the inputs it is run on.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "command_runner.hpp"
#include "e1_input.hpp"
#include "temporary_files.hpp"

namespace perfreport::test {

// `perfreport run input -o out -q --format formats` plus `extra`; fails the
// test when the run does not succeed.
inline CommandResult export_profiler_db(const std::string& input, const std::filesystem::path& out,
                                        const std::string& formats = "sqlite,json",
                                        const std::vector<std::string>& extra = {})
{
    std::vector<std::string> args{"run", input, "-o", out.string(), "-q", "--format", formats};
    args.insert(args.end(), extra.begin(), extra.end());
    CommandResult result = run_perfreport(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result;
}

}  // namespace perfreport::test
