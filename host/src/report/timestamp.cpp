#include "timestamp.hpp"

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace perfreport {

bool reproducible_output()
{
    return std::getenv("SOURCE_DATE_EPOCH") != nullptr;
}

std::string report_timestamp()
{
    std::time_t instant = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    if (const char* fixed = std::getenv("SOURCE_DATE_EPOCH")) {
        long long seconds = 0;
        const char* end = fixed + std::strlen(fixed);
        const auto parsed = std::from_chars(fixed, end, seconds);
        if (parsed.ec == std::errc{} && parsed.ptr == end && seconds >= 0) {
            instant = static_cast<std::time_t>(seconds);
        }
    }
    std::tm utc{};
    gmtime_r(&instant, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

}  // namespace perfreport
