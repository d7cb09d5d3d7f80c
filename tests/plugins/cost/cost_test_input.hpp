// Inputs of the cost tests: E1 (SPEC 5.1) as editable JSON, C1 (SPEC 5.7),
// and runs of the cost analyzer through the host library.
#pragma once

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "file_text.hpp"
#include "host_run.hpp"
#include "section_rows.hpp"

namespace perfreport::test {

// C1: E1 with aggregates.tps = 1000.
inline boost::json::object c1_document()
{
    boost::json::object document = e1_document();
    document["aggregates"].as_object()["tps"] = 1000;
    return document;
}

inline boost::json::object& context_of(boost::json::object& document)
{
    return document["context"].as_object();
}

inline boost::json::object& hardware_of(boost::json::object& document)
{
    return context_of(document)["hardware"].as_object();
}

// The report of the cost analyzer alone, with --option words.
inline ReportingReport run_cost(const boost::json::object& document, const std::vector<std::string>& options = {})
{
    return run_analyzers(parse_input(boost::json::serialize(document)), {"cost"}, options);
}

inline void write_text(const std::filesystem::path& file, const std::string& text)
{
    std::ofstream out(file, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + file.string());
}

}  // namespace perfreport::test
