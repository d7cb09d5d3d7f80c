// Strict JSON with exact doubles: a DOM parser for small texts, and the number
// logic that streaming Boost.JSON handlers share with it.
//
// Why not boost::json::parse: Boost.JSON 1.81 rounds about 30% of 17-digit
// doubles one ulp off and silently turns 1e400 into inf. Here every double is
// re-read from its text with std::from_chars, and one that does not fit a
// double is an error.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/object.hpp>
#include <boost/json/string.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_stack.hpp>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

namespace perfreport {

// The text is not JSON, or one of its numbers does not fit a double.
class JsonParseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Nesting deeper than this is refused (Boost's default of 32 is tight for
// nested topologies).
inline constexpr std::size_t json_max_depth = 128;

namespace detail {

// True when a JSON number text is at least 1 in magnitude, judged from the
// position of its first nonzero digit and its exponent. Only used to tell an
// overflow from an underflow, both of which from_chars reports alike.
inline bool json_number_at_least_one(std::string_view text)
{
    std::size_t i = text.starts_with('-') ? 1 : 0;
    const std::size_t int_begin = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    std::int64_t lead = 0;  // decimal exponent of the first nonzero digit
    bool nonzero = !(i - int_begin == 1 && text[int_begin] == '0');
    if (nonzero) {
        lead = static_cast<std::int64_t>(i - int_begin) - 1;
    } else if (i < text.size() && text[i] == '.') {
        for (std::size_t k = i + 1; k < text.size() && text[k] >= '0' && text[k] <= '9'; ++k) {
            if (text[k] != '0') {
                lead = -static_cast<std::int64_t>(k - i);
                nonzero = true;
                break;
            }
        }
    }
    if (!nonzero) return false;
    const std::size_t e = text.find_first_of("eE");
    std::int64_t exponent = 0;
    if (e != std::string_view::npos) {
        std::size_t k = e + 1;
        const bool negative = k < text.size() && text[k] == '-';
        if (k < text.size() && (text[k] == '-' || text[k] == '+')) ++k;
        // Saturate: any exponent beyond a billion decides the answer alone.
        for (; k < text.size() && exponent < 1'000'000'000; ++k) exponent = exponent * 10 + (text[k] - '0');
        if (negative) exponent = -exponent;
    }
    return lead + exponent >= 0;
}

}  // namespace detail

// The double nearest to a JSON number's text (as the parser delivered it), or
// nullopt when the number is too large for a double. Too small a number
// becomes a signed zero, as any reader would round it.
inline std::optional<double> exact_double(std::string_view text)
{
    double value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec == std::errc()) return value;
    if (detail::json_number_at_least_one(text)) return std::nullopt;
    return text.starts_with('-') ? -0.0 : 0.0;
}

// A JSON number as written. `text` is only valid during the handler callback.
struct JsonNumber {
    enum class Kind {
        int64,   // an integer in [-2^63, 2^63)
        uint64,  // an integer in [2^63, 2^64)
        real,    // has a fraction or an exponent, or is an integer beyond uint64
    };
    Kind kind = Kind::int64;
    std::int64_t int64 = 0;
    std::uint64_t uint64 = 0;
    std::string_view text;

    // The exact double for every kind; nullopt when it does not fit a double.
    std::optional<double> to_double() const
    {
        switch (kind) {
        case Kind::int64: return static_cast<double>(int64);    // correctly rounded
        case Kind::uint64: return static_cast<double>(uint64);  // correctly rounded
        case Kind::real: break;
        }
        return exact_double(text);
    }
};

// Text that the parser hands over in pieces at chunk boundaries. A value that
// arrives in one piece, the common case, is not copied.
class JsonTextAccumulator {
public:
    void append(std::string_view piece)
    {
        discard_completed();
        text_.append(piece);
    }

    // The whole text, `tail` being its last piece; valid until the next call.
    std::string_view complete(std::string_view tail)
    {
        discard_completed();
        if (text_.empty()) return tail;
        text_.append(tail);
        completed_ = true;
        return text_;
    }

private:
    void discard_completed()
    {
        if (!completed_) return;
        text_.clear();
        completed_ = false;
    }

    std::string text_;
    bool completed_ = false;
};

// Base of a boost::json::basic_parser handler: instead of Boost's three number
// callbacks, the derived class gets `bool on_number(const JsonNumber&,
// boost::json::error_code&)` with the whole text, whatever the chunking.
template <class Derived>
class ExactNumberHandler {
public:
    bool on_number_part(boost::json::string_view piece, boost::json::error_code&)
    {
        number_.append({piece.data(), piece.size()});
        return true;
    }
    bool on_int64(std::int64_t value, boost::json::string_view tail, boost::json::error_code& ec)
    {
        return self().on_number({JsonNumber::Kind::int64, value, 0, complete(tail)}, ec);
    }
    bool on_uint64(std::uint64_t value, boost::json::string_view tail, boost::json::error_code& ec)
    {
        return self().on_number({JsonNumber::Kind::uint64, 0, value, complete(tail)}, ec);
    }
    // Boost's own conversion is the one that is sometimes off: ignore it.
    bool on_double(double, boost::json::string_view tail, boost::json::error_code& ec)
    {
        return self().on_number({JsonNumber::Kind::real, 0, 0, complete(tail)}, ec);
    }

private:
    std::string_view complete(boost::json::string_view tail) { return number_.complete({tail.data(), tail.size()}); }
    Derived& self() { return static_cast<Derived&>(*this); }

    JsonTextAccumulator number_;
};

// Python's json.dump writes NaN, Infinity and -Infinity, which are not JSON.
// Given the text from the position where the parser stopped and the character
// before it, the token's name, or "" when it is none of them. Boost stops at
// the 'I' of -Infinity, after the minus.
inline std::string_view non_standard_number_token(std::string_view rest, char previous)
{
    if (rest.starts_with("NaN")) return "NaN";
    if (rest.starts_with("Infinity")) return previous == '-' ? "-Infinity" : "Infinity";
    return {};
}

// "line L, column C" (1-based, columns in bytes) of a byte offset in a text.
inline std::string json_text_position(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    const std::string_view before = text.substr(0, offset);
    const std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t newline = before.rfind('\n');
    const std::size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
    return "line " + std::to_string(line) + ", column " + std::to_string(offset - line_start + 1);
}

// The message of a syntax error: where, then what in plain words. `token` is
// what non_standard_number_token() found there, if anything.
inline std::string json_error_message(std::string_view position, boost::json::error_code ec, std::string_view token)
{
    std::string what;
    if (!token.empty()) {
        what = std::string(token) + " is not JSON (Python's json.dump writes it unless allow_nan=False)";
    } else if (ec == boost::json::error::extra_data) {
        what = "unexpected text after the JSON value";
    } else if (ec == boost::json::error::incomplete) {
        what = "the text ends before the JSON value is complete";
    } else {
        what = ec.message();
    }
    return std::string(position) + ": " + what;
}

namespace detail {

// Builds the DOM from parser events, doubles exact.
class JsonDomHandler : public ExactNumberHandler<JsonDomHandler> {
public:
    static constexpr std::size_t max_object_size = boost::json::object::max_size();
    static constexpr std::size_t max_array_size = boost::json::array::max_size();
    static constexpr std::size_t max_key_size = boost::json::string::max_size();
    static constexpr std::size_t max_string_size = boost::json::string::max_size();

    boost::json::value_stack stack;
    std::string too_large_number;  // set when a number did not fit a double

    bool on_document_begin(boost::json::error_code&)
    {
        stack.reset();
        return true;
    }
    bool on_document_end(boost::json::error_code&) { return true; }
    bool on_object_begin(boost::json::error_code&) { return true; }
    bool on_object_end(std::size_t n, boost::json::error_code&)
    {
        stack.push_object(n);
        return true;
    }
    bool on_array_begin(boost::json::error_code&) { return true; }
    bool on_array_end(std::size_t n, boost::json::error_code&)
    {
        stack.push_array(n);
        return true;
    }
    bool on_key_part(boost::json::string_view s, std::size_t, boost::json::error_code&)
    {
        stack.push_chars(s);
        return true;
    }
    bool on_key(boost::json::string_view s, std::size_t, boost::json::error_code&)
    {
        stack.push_key(s);
        return true;
    }
    bool on_string_part(boost::json::string_view s, std::size_t, boost::json::error_code&)
    {
        stack.push_chars(s);
        return true;
    }
    bool on_string(boost::json::string_view s, std::size_t, boost::json::error_code&)
    {
        stack.push_string(s);
        return true;
    }
    bool on_number(const JsonNumber& number, boost::json::error_code& ec)
    {
        switch (number.kind) {
        case JsonNumber::Kind::int64: stack.push_int64(number.int64); return true;
        case JsonNumber::Kind::uint64: stack.push_uint64(number.uint64); return true;
        case JsonNumber::Kind::real: break;
        }
        if (const auto value = exact_double(number.text)) {
            stack.push_double(*value);
            return true;
        }
        too_large_number = number.text;
        ec = boost::json::error::exception;  // any code stops the parser; the text says why
        return false;
    }
    bool on_bool(bool b, boost::json::error_code&)
    {
        stack.push_bool(b);
        return true;
    }
    bool on_null(boost::json::error_code&)
    {
        stack.push_null();
        return true;
    }
    bool on_comment_part(boost::json::string_view, boost::json::error_code&) { return true; }
    bool on_comment(boost::json::string_view, boost::json::error_code&) { return true; }
};

}  // namespace detail

// Parses one JSON text; on failure, nullopt and `message` says what and where
// ("line 3, column 9: NaN is not JSON ...").
inline std::optional<boost::json::value> parse_json(std::string_view text, std::string& message)
{
    boost::json::parse_options options;
    options.max_depth = json_max_depth;
    boost::json::basic_parser<detail::JsonDomHandler> parser(options);
    boost::json::error_code ec;
    const std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
    if (!ec && used == text.size()) return parser.handler().stack.release();

    const std::string& too_large = parser.handler().too_large_number;
    if (!too_large.empty()) {
        message = json_text_position(text, used - too_large.size()) + ": the number " + too_large +
                  " does not fit a double";
        return std::nullopt;
    }
    if (!ec) ec = boost::json::error::extra_data;
    const char previous = used > 0 ? text[used - 1] : '\0';
    const std::string_view token = non_standard_number_token(text.substr(used), previous);
    const std::size_t start = token.starts_with('-') ? used - 1 : used;  // -Infinity starts at its minus
    message = json_error_message(json_text_position(text, start), ec, token);
    return std::nullopt;
}

// Parses one JSON text; throws JsonParseError with the message above.
inline boost::json::value parse_json(std::string_view text)
{
    std::string message;
    auto value = parse_json(text, message);
    if (!value) throw JsonParseError(message);
    return std::move(*value);
}

}  // namespace perfreport
