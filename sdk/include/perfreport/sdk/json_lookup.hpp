// Typed reads at a JSON pointer of a small document (context, options).
#pragma once

#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "perfreport/abi.h"
#include "perfreport/sdk/failure.hpp"

namespace perfreport {

// The value at `pointer` (RFC 6901, e.g. "/hardware/compute_tflops"), or
// nullptr when there is none.
inline const boost::json::value* find_at(const boost::json::value& root, std::string_view pointer)
{
    boost::json::error_code ignored;
    return root.find_pointer(pointer, ignored);
}

// An object or a temporary would be copied into a value that dies at once,
// leaving the result dangling: search the value that owns the object instead.
const boost::json::value* find_at(const boost::json::object& root, std::string_view pointer) = delete;
const boost::json::value* find_at(boost::json::value&& root, std::string_view pointer) = delete;

// The value at `pointer` as T (double, std::int64_t, bool or
// std::string_view, the last borrowed from `root`). Throws Failure naming the
// document and the pointer, with status `if_missing` when it is absent and
// `if_wrong_type` when it has another type. A JSON integer reads as double; a
// double with an integral value reads as std::int64_t.
template <class T>
    requires std::same_as<T, double> || std::same_as<T, std::int64_t> || std::same_as<T, bool> ||
             std::same_as<T, std::string_view>
T require_at(const boost::json::value& root, std::string_view pointer, std::string_view document,
             PR_Status if_missing, PR_Status if_wrong_type)
{
    const boost::json::value* value = find_at(root, pointer);
    const auto fail = [&](std::string_view problem) {
        return Failure(value == nullptr ? if_missing : if_wrong_type,
                       std::string{document} + " " + std::string{pointer} + " " + std::string{problem});
    };
    if (value == nullptr) throw fail("is missing");
    if constexpr (std::same_as<T, double>) {
        if (!value->is_number()) throw fail("must be a number");
        return value->to_number<double>();
    } else if constexpr (std::same_as<T, std::int64_t>) {
        boost::json::error_code error;
        const auto integer = value->to_number<std::int64_t>(error);
        if (error) throw fail("must be an integer");
        return integer;
    } else if constexpr (std::same_as<T, bool>) {
        if (!value->is_bool()) throw fail("must be a boolean");
        return value->get_bool();
    } else {
        if (!value->is_string()) throw fail("must be a string");
        return value->get_string();
    }
}

}  // namespace perfreport
