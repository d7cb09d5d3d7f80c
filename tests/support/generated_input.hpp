// A large EngineResult made by the benchmark's generator (the bundled
// example's steps repeated), for tests that need realistic volume.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "command_runner.hpp"

namespace perfreport::test {

// Writes a `steps`-step input to `path`; fails the test when python3 cannot.
inline void generate_engine_result(std::size_t steps, const std::filesystem::path& path)
{
    const std::string command = "python3 " + shell_quote(std::string(BENCH_DIR) + "/generate_engine_result.py") +
                                " --steps " + std::to_string(steps) + " -o " + shell_quote(path.string());
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
}

}  // namespace perfreport::test
