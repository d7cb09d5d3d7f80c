// Text from the input shown on a terminal or in a line-oriented file: control
// characters become C-style escapes, so an op id with a newline stays on its
// line and an escape sequence in it is never run by a terminal. Everything
// else, non-ASCII included, is kept byte for byte.
#pragma once

#include <string>
#include <string_view>

#include "perfreport/sdk/append_format.hpp"

namespace perfreport {

inline std::string printable(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte != 0x7f) {
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else {
            append_format(out, "\\x%02x", static_cast<unsigned>(byte));
        }
    }
    return out;
}

}  // namespace perfreport
