#include "content_hash.hpp"

#include <xxhash.h>

#include <cstdio>

namespace perfreport {

std::string content_hash(std::string_view bytes)
{
    const XXH64_hash_t hash = XXH3_64bits(bytes.data(), bytes.size());
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

}  // namespace perfreport
