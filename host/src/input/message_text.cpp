#include "message_text.hpp"

#include <array>
#include <charconv>

namespace perfreport {

namespace {

std::string cut(std::string_view text, std::size_t limit)
{
    if (text.size() <= limit) return std::string(text);
    return std::string(text.substr(0, limit)) + "...";
}

}  // namespace

std::string in_quotes(std::string_view text) { return '"' + cut(text, 60) + '"'; }

std::string number_text(std::string_view text) { return cut(text, 40); }

std::string format_number(double value)
{
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                      std::chars_format::general, 10);
    return std::string(buffer.data(), result.ptr);
}

}  // namespace perfreport
