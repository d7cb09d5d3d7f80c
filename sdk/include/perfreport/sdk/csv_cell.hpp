// One CSV field as RFC 4180 writes it (SPEC 3.3), with spreadsheet formulas
// neutralised: the cell rules of the csv exporter and the host's sweep summary.
#pragma once

#include <charconv>
#include <concepts>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "perfreport/sdk/json_writer.hpp"

namespace perfreport {

// A text cell that a spreadsheet would run as a formula gets a leading
// single quote (OWASP, "CSV Injection"); then the field is quoted when it
// holds a comma, a quote, CR or LF, with quotes doubled.
inline void append_text_cell(std::string& out, std::string_view text)
{
    const bool formula = !text.empty() && std::string_view{"=+-@\t\r"}.find(text.front()) != std::string_view::npos;
    const bool quoted = text.find_first_of(",\"\r\n") != std::string_view::npos;
    if (quoted) out += '"';
    if (formula) out += '\'';
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    if (quoted) out += '"';
}

template <std::integral Integer>
void append_int_cell(std::string& out, Integer value)
{
    char text[24];
    out.append(text, std::to_chars(text, text + sizeof text, value).ptr);
}

// Shortest round-trip digits; NaN and infinities have no CSV spelling, so
// they are left empty like a null.
inline void append_double_cell(std::string& out, double value)
{
    if (std::isfinite(value)) append_json_number(out, value);
}

// A JSON value as one cell: null empty, scalars as themselves (a string
// without its JSON quotes), objects and arrays as compact JSON text.
// Numbers are divided by `divisor` (1000 shows a µs value in ms), except
// that a divisor of 1 leaves integers as integers.
inline void append_value_cell(std::string& out, const boost::json::value& value, double divisor = 1.0)
{
    switch (value.kind()) {
    case boost::json::kind::null: return;
    case boost::json::kind::bool_: out += value.get_bool() ? "true" : "false"; return;
    case boost::json::kind::int64:
        if (divisor == 1.0) return append_int_cell(out, value.get_int64());
        return append_double_cell(out, static_cast<double>(value.get_int64()) / divisor);
    case boost::json::kind::uint64:
        if (divisor == 1.0) return append_int_cell(out, value.get_uint64());
        return append_double_cell(out, static_cast<double>(value.get_uint64()) / divisor);
    case boost::json::kind::double_: return append_double_cell(out, value.get_double() / divisor);
    case boost::json::kind::string: return append_text_cell(out, value.get_string());
    case boost::json::kind::array:
    case boost::json::kind::object: {
        JsonWriter json(JsonWriter::Style::compact);
        json.json(value);
        return append_text_cell(out, json.buffer());
    }
    }
}

// `name(unit)` for a column with a unit, `name` for one without (P's header
// convention, e.g. `start_time(ms)`).
inline std::string header_name(std::string_view name, std::string_view unit)
{
    std::string header{name};
    if (!unit.empty()) header.append("(").append(unit).append(")");
    return header;
}

}  // namespace perfreport
