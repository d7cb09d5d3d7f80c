#include "exact_integer.hpp"

#include <limits>
#include <string_view>

namespace perfreport {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A JSON number written with a fraction or an exponent, as digits and a scale:
// value = ±digits · 10^scale, with `digits` = integer part then fraction part.
struct Decimal {
    bool negative = false;
    std::string_view integer_part;
    std::string_view fraction_part;
    std::int64_t exponent = 0;  // saturated: beyond a billion only its sign matters

    std::size_t size() const { return integer_part.size() + fraction_part.size(); }
    char digit(std::size_t k) const
    {
        return k < integer_part.size() ? integer_part[k] : fraction_part[k - integer_part.size()];
    }
};

Decimal split(std::string_view text)
{
    Decimal d;
    std::size_t i = 0;
    d.negative = text.starts_with('-');
    if (d.negative) ++i;
    std::size_t begin = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    d.integer_part = text.substr(begin, i - begin);
    if (i < text.size() && text[i] == '.') {
        begin = ++i;
        while (i < text.size() && is_digit(text[i])) ++i;
        d.fraction_part = text.substr(begin, i - begin);
    }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        const bool negative = i < text.size() && text[i] == '-';
        if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
        for (; i < text.size() && d.exponent < 1'000'000'000; ++i) d.exponent = d.exponent * 10 + (text[i] - '0');
        if (negative) d.exponent = -d.exponent;
    }
    return d;
}

ExactInteger from_decimal(const Decimal& d)
{
    std::size_t first = 0;
    while (first < d.size() && d.digit(first) == '0') ++first;
    if (first == d.size()) return {ExactInteger::Status::ok, 0};  // zero, however written

    std::size_t last = d.size() - 1;
    while (d.digit(last) == '0') --last;
    // Significant digits [first, last] times 10^scale.
    const std::int64_t scale = d.exponent - static_cast<std::int64_t>(d.fraction_part.size()) +
                               static_cast<std::int64_t>(d.size() - 1 - last);
    if (scale < 0) return {ExactInteger::Status::fractional, 0};
    const std::int64_t length = static_cast<std::int64_t>(last - first + 1) + scale;
    if (length > 19) return {ExactInteger::Status::too_large, 0};

    std::uint64_t magnitude = 0;  // < 10^19, fits
    for (std::size_t k = first; k <= last; ++k) magnitude = magnitude * 10 + static_cast<unsigned>(d.digit(k) - '0');
    for (std::int64_t k = 0; k < scale; ++k) magnitude *= 10;
    if (magnitude > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        return {ExactInteger::Status::too_large, 0};
    }
    const auto value = static_cast<std::int64_t>(magnitude);
    return {ExactInteger::Status::ok, d.negative ? -value : value};
}

}  // namespace

ExactInteger exact_integer(const JsonNumber& number)
{
    switch (number.kind) {
    case JsonNumber::Kind::int64: return {ExactInteger::Status::ok, number.int64};
    case JsonNumber::Kind::uint64: return {ExactInteger::Status::too_large, 0};
    case JsonNumber::Kind::real: break;
    }
    return from_decimal(split(number.text));
}

}  // namespace perfreport
