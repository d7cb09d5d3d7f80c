// ReportingReport: the whole report of SPEC 3.1, before any exporter runs.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <vector>

#include "../input/diagnostic.hpp"
#include "section.hpp"
#include "table.hpp"

namespace perfreport {

inline constexpr const char* report_schema_version = "1.1.0";  // SPEC 6.1 D13

// Where one part of the report came from and how it went.
struct PartProvenance {
    std::string id;
    std::string version;
    std::string library;  // the plugin file
    double elapsed_ms = 0.0;
    std::string status;   // "ok", "skipped" or "error"; "" for exporters, which run later
};

struct ReportingReport {
    std::string timestamp;
    std::string granularity;
    boost::json::object performance;
    boost::json::object bottleneck;
    boost::json::value config = boost::json::object{};
    Table step_metrics{"step_metrics"};
    std::vector<Section> sections;  // in report order
    std::optional<std::string> producer;
    std::vector<PartProvenance> analyzers;  // in report order
    std::vector<PartProvenance> exporters;  // in requested order
    Diagnostics diagnostics;                // input, host, then analyzers in section order
};

}  // namespace perfreport
