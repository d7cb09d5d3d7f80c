// SPEC 5.1's example E1 and variants of it written for one test.
#pragma once

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include <boost/json/serialize.hpp>

#include "file_text.hpp"

namespace perfreport::test {

inline const std::string e1_file = std::string(FIXTURES_DIR) + "/input/e1.json";

// E1 with `change` applied, written to `file`.
inline std::string e1_variant(const std::filesystem::path& file, const std::function<void(boost::json::object&)>& change)
{
    boost::json::value input = read_json(e1_file);
    change(input.as_object());
    std::ofstream(file) << boost::json::serialize(input);
    return file.string();
}

// E1 whose step 2 (layers.1.ffn_down, stage 1) also communicates for
// 0.03 ms, so that one step has both a compute and a comm task (a flow).
inline std::string e1_with_flow(const std::filesystem::path& file)
{
    return e1_variant(file, [](boost::json::object& e1) {
        auto& step = e1.at("step_metrics").as_array()[2].as_object();
        step["t_comm"] = 0.03;
        step["t_total"] = 0.15;
        auto& aggregates = e1.at("aggregates").as_object();
        aggregates["total_comm_time"] = 0.15;
        aggregates["total_time"] = 0.32;
    });
}

}  // namespace perfreport::test
