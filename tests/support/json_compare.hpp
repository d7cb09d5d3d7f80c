// Field-by-field comparison of JSON values with a relative tolerance, for
// checking reports against the upstream's outputs.
#pragma once

#include <boost/json.hpp>

#include <cmath>
#include <string>
#include <vector>

namespace perfreport::test {

struct Tolerance {
    double relative = 1e-9;
};

// Appends one line per difference ("/a/0/b: expected 1, got 2") to `out`.
// Numbers compare with |a-b| <= rel·max(1,|a|,|b|) — integers exactly —,
// objects by key (every expected key must be present; extra keys are not
// differences), arrays element by element.
inline void compare_json(const boost::json::value& expected, const boost::json::value& actual,
                         const std::string& path, Tolerance tolerance, std::vector<std::string>& out)
{
    namespace json = boost::json;
    const auto differ = [&](const std::string& what) {
        out.push_back((path.empty() ? "/" : path) + ": " + what);
    };
    if (expected.is_number() && actual.is_number()) {
        if ((expected.is_int64() || expected.is_uint64()) && (actual.is_int64() || actual.is_uint64())) {
            if (expected != actual) differ("expected " + json::serialize(expected) + ", got " + json::serialize(actual));
            return;
        }
        const double a = expected.to_number<double>();
        const double b = actual.to_number<double>();
        const double scale = std::max({1.0, std::fabs(a), std::fabs(b)});
        if (!(std::fabs(a - b) <= tolerance.relative * scale)) {
            differ("expected " + json::serialize(expected) + ", got " + json::serialize(actual));
        }
        return;
    }
    if (expected.kind() != actual.kind()) {
        differ("expected " + json::serialize(expected) + ", got " + json::serialize(actual));
        return;
    }
    if (expected.is_object()) {
        for (const auto& [key, value] : expected.get_object()) {
            const json::value* other = actual.get_object().if_contains(key);
            const std::string child = path + "/" + std::string(key);
            if (other == nullptr) {
                out.push_back(child + ": missing");
                continue;
            }
            compare_json(value, *other, child, tolerance, out);
        }
        return;
    }
    if (expected.is_array()) {
        const auto& a = expected.get_array();
        const auto& b = actual.get_array();
        if (a.size() != b.size()) {
            differ("expected " + std::to_string(a.size()) + " elements, got " + std::to_string(b.size()));
            return;
        }
        for (std::size_t i = 0; i < a.size(); ++i) compare_json(a[i], b[i], path + "/" + std::to_string(i), tolerance, out);
        return;
    }
    if (expected != actual) differ("expected " + json::serialize(expected) + ", got " + json::serialize(actual));
}

// The differences, at most `limit` of them, one per line ("" when equal).
inline std::string json_differences(const boost::json::value& expected, const boost::json::value& actual,
                                    Tolerance tolerance = {}, std::size_t limit = 20)
{
    std::vector<std::string> out;
    compare_json(expected, actual, "", tolerance, out);
    std::string text;
    for (std::size_t i = 0; i < out.size() && i < limit; ++i) text += out[i] + "\n";
    if (out.size() > limit) text += "... and " + std::to_string(out.size() - limit) + " more\n";
    return text;
}

}  // namespace perfreport::test
