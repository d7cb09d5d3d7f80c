// The human summary of SPEC 2.1 (the seed's build_text).
#pragma once

#include <cstdint>
#include <string>

#include "reporting_report.hpp"

namespace perfreport {

// `top_n` is the option, which the heading shows even when fewer ops exist.
std::string build_text(const ReportingReport& report, int64_t top_n);

}  // namespace perfreport
