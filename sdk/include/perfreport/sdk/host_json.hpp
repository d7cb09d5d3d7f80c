// Parses the JSON texts a host hands a plugin (context, options, summaries).
#pragma once

#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "perfreport/abi.h"
#include "perfreport/sdk/failure.hpp"
#include "perfreport/sdk/json_parse.hpp"
#include "perfreport/sdk/string_view.hpp"

namespace perfreport {

// Parses `text`, which the ABI promises is JSON of `kind`; a host that breaks
// the promise gets PR_ERR_INVALID_ARGUMENT naming `what` (e.g. "context_json").
inline boost::json::value parse_host_json(PR_StringView text, std::string_view what,
                                          boost::json::kind kind)
{
    boost::json::value value;
    try {
        value = parse_json(to_string_view(text));
    } catch (const JsonParseError& error) {
        throw Failure(PR_ERR_INVALID_ARGUMENT, std::string{what} + " is not JSON: " + error.what());
    }
    if (value.kind() != kind) {
        throw Failure(PR_ERR_INVALID_ARGUMENT,
                      std::string{what} + " must be a JSON " + boost::json::to_string(kind).data());
    }
    return value;
}

}  // namespace perfreport
