// Whole files as text or as parsed JSON (exact doubles).
#pragma once

#include <perfreport/sdk/json_parse.hpp>

#include <boost/json/value.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace perfreport::test {

inline std::string read_text(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline boost::json::value read_json(const std::filesystem::path& file)
{
    return parse_json(read_text(file));
}

}  // namespace perfreport::test
