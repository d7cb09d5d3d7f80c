// Declared types of the members read as a whole: the context keys of SPEC 1.6
// that have a type, and options.preset (SPEC 1.7, D15). Other option keys are
// checked by the host against each plugin's schema.
#pragma once

#include <boost/json/value.hpp>

#include "diagnostic_collector.hpp"

namespace perfreport {

// E_TYPE (E_NEGATIVE for a negative number) at /context/...; `context` is
// known to be an object. Numbers that did not fit a double were reported
// already and arrive as infinities.
void check_context(const boost::json::object& context, DiagnosticCollector& out, InputPosition at);

// E_TYPE at /options/preset unless absent or "tier6".
void check_options(const boost::json::object& options, DiagnosticCollector& out, InputPosition at);

}  // namespace perfreport
