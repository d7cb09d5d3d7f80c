// Typed reads of one member of a report object (header part or section
// summary); a missing or mistyped member is an error naming where it was sought.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "perfreport/abi.h"
#include "perfreport/sdk/failure.hpp"

namespace perfreport {

inline const boost::json::value& member(const boost::json::object& object, std::string_view key,
                                        std::string_view where)
{
    const boost::json::value* value = object.if_contains(key);
    if (value == nullptr) {
        throw Failure(PR_ERR_INVALID_INPUT, std::string{where} + " has no " + std::string{key});
    }
    return *value;
}

inline Failure wrong_type(std::string_view key, std::string_view where, std::string_view wanted)
{
    return Failure(PR_ERR_INVALID_INPUT,
                   std::string{where} + "." + std::string{key} + " must be " + std::string{wanted});
}

inline double number(const boost::json::object& object, std::string_view key, std::string_view where)
{
    const boost::json::value& value = member(object, key, where);
    if (!value.is_number()) throw wrong_type(key, where, "a number");
    return value.to_number<double>();
}

inline long long integer(const boost::json::object& object, std::string_view key, std::string_view where)
{
    boost::json::error_code error;
    const auto value = member(object, key, where).to_number<std::int64_t>(error);
    if (error) throw wrong_type(key, where, "an integer");
    return value;
}

inline std::string text(const boost::json::object& object, std::string_view key, std::string_view where)
{
    const boost::json::value& value = member(object, key, where);
    if (!value.is_string()) throw wrong_type(key, where, "a string");
    return std::string{value.get_string()};
}

inline const boost::json::object& object_at(const boost::json::object& object, std::string_view key,
                                            std::string_view where)
{
    const boost::json::value& value = member(object, key, where);
    if (!value.is_object()) throw wrong_type(key, where, "an object");
    return value.get_object();
}

}  // namespace perfreport
