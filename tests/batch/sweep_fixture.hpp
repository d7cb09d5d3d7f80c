// Sweeps for the batch command's tests, made in a temporary folder from the
// bundled example sweep and the shared fixtures, plus what the tests read
// back from an output folder.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <perfreport/sdk/json_parse.hpp>

#include "command_runner.hpp"
#include "file_text.hpp"
#include "temp_dir.hpp"

namespace perfreport::test {

namespace fs = std::filesystem;

// The example sweep's files, relative to examples/sweep, in byte order.
inline std::vector<std::string> example_sweep_files()
{
    const fs::path root = fs::path(EXAMPLES_DIR) / "sweep";
    std::vector<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file()) files.push_back(entry.path().lexically_relative(root).generic_string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// Copies the first `count` example inputs into `folder`, keeping their paths.
inline void copy_example_inputs(const fs::path& folder, std::size_t count)
{
    const auto files = example_sweep_files();
    for (std::size_t i = 0; i < count && i < files.size(); ++i) {
        fs::create_directories((folder / files[i]).parent_path());
        fs::copy_file(fs::path(EXAMPLES_DIR) / "sweep" / files[i], folder / files[i]);
    }
}

inline void write_text(const fs::path& file, const std::string& text)
{
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

// Not JSON at all.
inline void write_invalid_json(const fs::path& file)
{
    write_text(file, "{\"format\": \"engine_result\", \"step_metrics\": [\n");
}

// E1 with step 2's t_total off its sum: E_T_TOTAL at /step_metrics/2/t_total.
inline void write_failing_validation(const fs::path& file)
{
    std::string text = read_text(std::string(FIXTURES_DIR) + "/input/e1.json");
    text.replace(text.find("\"t_total\":0.12"), 14, "\"t_total\":0.13");
    write_text(file, text);
}

// A valid input whose chip has no price: the cost analyzer fails on it alone.
inline void write_failing_analyzer(const fs::path& file)
{
    boost::json::value input =
        read_json(std::string(FIXTURES_DIR) + "/cases/llama7b_c8_tp8_prefill_b4/input.json");
    input.at("context").at("hardware").at("chip_type") = "NO-SUCH-CHIP";
    write_text(file, boost::json::serialize(input));
}

inline boost::json::array summary_rows(const fs::path& out)
{
    return read_json(out / "sweep_summary.json").at("rows").as_array();
}

inline const boost::json::object& row_named(const boost::json::array& rows, const std::string& name)
{
    for (const auto& row : rows) {
        if (row.at("name") == name.c_str()) return row.as_object();
    }
    throw std::runtime_error("no row " + name);
}

inline std::vector<std::string> column(const boost::json::array& rows, const char* key)
{
    std::vector<std::string> values;
    for (const auto& row : rows) {
        const auto& value = row.at(key);
        values.push_back(value.is_string() ? std::string(value.as_string()) : boost::json::serialize(value));
    }
    return values;
}

}  // namespace perfreport::test
