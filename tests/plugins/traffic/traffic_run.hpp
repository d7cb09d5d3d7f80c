// Runs the traffic analyzer through the real host on an input document and
// hands back its section as JSON, the way the JSON exporter writes it.
#pragma once

#include <perfreport/sdk/columns.hpp>
#include <perfreport/sdk/json_parse.hpp>

#include <boost/json.hpp>

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "file_text.hpp"
#include "host_run.hpp"
#include "section_rows.hpp"

namespace perfreport::test {

struct TrafficResult {
    std::optional<boost::json::object> summary;  // none when skipped or failed
    boost::json::array links;
    boost::json::array devices;
    boost::json::array link_stats;
    std::string status;  // provenance: "ok", "skipped" or "error"
    Diagnostics diagnostics;
};

// The unit of column `column` of table `table` in `section`.
inline std::string unit_of(const Section& section, const std::string& table, const std::string& column)
{
    for (const Table& candidate : section.tables) {
        if (candidate.name() != table) continue;
        for (const Column& c : candidate.columns()) {
            if (c.name() == column) return c.unit();
        }
    }
    throw std::invalid_argument("no column " + table + "." + column);
}

// `options` are command-line words such as "traffic.link_bandwidth_unit=Gbps".
inline TrafficResult run_traffic(const boost::json::object& document, const std::vector<std::string>& options = {})
{
    const EngineResult input = parse_input(boost::json::serialize(document));
    const ReportingReport report = run_analyzers(input, {"traffic"}, options);
    TrafficResult result;
    result.status = status_of(report, "traffic");
    result.diagnostics = report.diagnostics;
    for (const auto& section : report.sections) {
        if (section.id != "traffic") continue;
        result.summary = section.summary;
        if (!section.tables.empty()) {
            result.links = rows_of(table_named(section, "links"));
            result.devices = rows_of(table_named(section, "devices"));
            result.link_stats = rows_of(table_named(section, "link_stats"));
        }
    }
    return result;
}

}  // namespace perfreport::test
