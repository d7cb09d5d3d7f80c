// Options as the host resolves them: each schema default under the plugin's id.
#pragma once

#include <string>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "perfreport/sdk/json_parse.hpp"

namespace perfreport::testing {

// {"<key>": default, ...} from an options schema (format in abi/analyzer.h).
inline boost::json::object schema_defaults(const char* options_schema_json)
{
    const boost::json::value schema = parse_json(options_schema_json);
    boost::json::object defaults;
    for (const auto& [key, spec] : schema.as_object()) {
        defaults[key] = spec.as_object().at("default");
    }
    return defaults;
}

// The options object of one plugin's call: {"<id>": {...}}.
inline std::string options_json(const char* id, const boost::json::object& own_options)
{
    return boost::json::serialize(boost::json::object{{id, own_options}});
}

}  // namespace perfreport::testing
