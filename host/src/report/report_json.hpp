// The small JSON parts of a report that exporters receive as text.
#pragma once

#include <string>

#include "reporting_report.hpp"

namespace perfreport {

// {"schema_version", "timestamp", "granularity", "performance", "bottleneck", "config"}
std::string header_json(const ReportingReport& report);

// {"producer", "host_version", "analyzers": [...], "exporters": [...]}
std::string provenance_json(const ReportingReport& report);

// [{"level", "code", "source", "where", "message"}, ...]
std::string diagnostics_json(const Diagnostics& diagnostics);

}  // namespace perfreport
