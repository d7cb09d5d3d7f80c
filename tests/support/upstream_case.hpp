// The reference cases of tests/fixtures/cases and how the upstream's
// camelCase outputs map onto perfreport's snake_case report.
#pragma once

#include <perfreport/sdk/json_parse.hpp>

#include <boost/json.hpp>

#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "file_text.hpp"

namespace perfreport::test {

inline const std::vector<std::string>& reference_cases()
{
    static const std::vector<std::string> cases = {"ds3_c8_tp8_ep8_decode_b64", "ds3_c32_tp8_pp4_prefill_b8",
                                                   "llama7b_c8_tp8_prefill_b4", "qwen3_32b_c8_tp8_decode_b32"};
    return cases;
}

inline std::filesystem::path case_dir(const std::string& name)
{
    return std::filesystem::path(FIXTURES_DIR) / "cases" / name;
}

inline boost::json::value upstream_file(const std::string& name, const std::string& file)
{
    return read_json(case_dir(name) / "upstream" / file);
}

// "peakFlops" -> "peak_flops".
inline std::string snake_case(const std::string& name)
{
    std::string out;
    for (const char c : name) {
        if (std::isupper(static_cast<unsigned char>(c)) != 0) {
            out += '_';
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else {
            out += c;
        }
    }
    return out;
}

// Every object key of `value` in snake_case, recursively.
inline boost::json::value snake_case_keys(const boost::json::value& value)
{
    if (value.is_object()) {
        boost::json::object out;
        for (const auto& [key, item] : value.get_object()) out[snake_case(std::string(key))] = snake_case_keys(item);
        return out;
    }
    if (value.is_array()) {
        boost::json::array out;
        for (const auto& item : value.get_array()) out.push_back(snake_case_keys(item));
        return out;
    }
    return value;
}

}  // namespace perfreport::test
