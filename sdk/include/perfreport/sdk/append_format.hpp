// printf-style formatting appended to a string: the summary's number formats
// are C's (%.2f, %.4f), so the text matches the host's to the byte.
#pragma once

#include <cstdarg>
#include <cstdio>
#include <string>

namespace perfreport {

inline void append_format(std::string& out, const char* format, ...) __attribute__((format(printf, 2, 3)));

inline void append_format(std::string& out, const char* format, ...)
{
    va_list args;
    va_start(args, format);
    va_list measure;
    va_copy(measure, args);
    const int length = std::vsnprintf(nullptr, 0, format, measure);
    va_end(measure);
    if (length > 0) {
        const std::size_t start = out.size();
        out.resize(start + static_cast<std::size_t>(length) + 1);  // room for vsnprintf's NUL
        std::vsnprintf(out.data() + start, static_cast<std::size_t>(length) + 1, format, args);
        out.resize(start + static_cast<std::size_t>(length));
    }
    va_end(args);
}

}  // namespace perfreport
