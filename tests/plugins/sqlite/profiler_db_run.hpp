// Runs the real command with the sqlite exporter, and the inputs it is run on.
#pragma once

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "command_runner.hpp"
#include "file_text.hpp"

namespace perfreport::test {

inline const std::string e1_file = std::string(FIXTURES_DIR) + "/input/e1.json";

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

// E1 with `change` applied, written to `file`.
inline std::string e1_variant(const std::filesystem::path& file, const std::function<void(boost::json::object&)>& change)
{
    boost::json::value input = read_json(e1_file);
    change(input.as_object());
    std::ofstream(file) << boost::json::serialize(input);
    return file.string();
}

// What a failed or interrupted write would leave: the host's ".<name>.tmp.*".
inline std::vector<std::string> temporary_files(const std::filesystem::path& folder)
{
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (name.find(".tmp.") != std::string::npos) found.push_back(name);
    }
    return found;
}

}  // namespace perfreport::test
