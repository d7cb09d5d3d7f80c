// How input values are quoted in diagnostic messages.
#pragma once

#include <string>
#include <string_view>

namespace perfreport {

// A string value in double quotes, cut after 60 characters.
std::string in_quotes(std::string_view text);
// A number as written in the input, cut after 40 characters.
std::string number_text(std::string_view text);
// A computed number, to 10 significant digits (enough to show any difference
// that fails approx(), SPEC 0): 0.12000000000000001 reads "0.12".
std::string format_number(double value);

}  // namespace perfreport
