// A fingerprint of bytes: XXH3, 64 bits (xxHash 0.8, a fast non-cryptographic
// hash), as 16 lowercase hex digits. The batch runner compares fingerprints of
// inputs and settings to know what changed since its last run; nothing here
// defends against someone forging a collision.
#pragma once

#include <string>
#include <string_view>

namespace perfreport {

std::string content_hash(std::string_view bytes);

}  // namespace perfreport
