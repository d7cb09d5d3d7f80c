// The report's timestamp: UTC, ISO-8601 with 'Z' (SPEC 6.1 D12).
#pragma once

#include <string>

namespace perfreport {

// SOURCE_DATE_EPOCH, when set to a valid number of seconds, fixes the instant
// so that two runs give identical bytes; otherwise the current time.
std::string report_timestamp();

// True when SOURCE_DATE_EPOCH asks for reproducible output: measured times
// (elapsed_ms) are then written as 0 so that two runs give identical bytes.
bool reproducible_output();

}  // namespace perfreport
