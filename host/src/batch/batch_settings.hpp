// What, besides an input's own bytes, decides its report: the host version,
// the chosen analyzers and exporters and the price sources (id and version),
// the command line's options, and the cost tables from --cost-table and the
// price sources. A rerun with other settings redoes every input; `merge`
// joins only shards run with the same settings.
#pragma once

#include <boost/json/object.hpp>

#include <string>

#include "../pipeline/report_flow.hpp"

namespace perfreport {

boost::json::object batch_settings(const ReportSetup& setup);

// content_hash of the settings' compact JSON text.
std::string settings_hash(const boost::json::object& settings);

}  // namespace perfreport
