// The host's own version and the ABI it implements.
#pragma once

#include <perfreport/abi.h>

#include <string>

namespace perfreport {

inline constexpr const char* host_version = PERFREPORT_VERSION;  // set by CMake
inline constexpr PR_Version host_abi = PR_ABI_VERSION_INIT;

inline std::string version_text(PR_Version v)
{
    return std::to_string(v.major) + "." + std::to_string(v.minor);
}

}  // namespace perfreport
