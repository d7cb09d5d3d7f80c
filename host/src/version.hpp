// The host's own version and the ABI it implements.
#pragma once

#include <perfreport/abi.h>

#include <optional>
#include <string>

namespace perfreport {

inline constexpr const char* host_version = PERFREPORT_VERSION;  // set by CMake
inline constexpr PR_Version host_abi = PR_ABI_VERSION_INIT;

inline std::string version_text(PR_Version v)
{
    return std::to_string(v.major) + "." + std::to_string(v.minor);
}

// "perfreport 1.2.0 (plugin ABI 1.0)": what --version prints.
inline std::string version_line()
{
    return std::string("perfreport ") + host_version + " (plugin ABI " + version_text(host_abi) + ")";
}

// For a plugin the host loads (same major) but built against an older minor:
// it runs, and cannot use what the newer minors added. Nothing otherwise.
inline std::optional<std::string> older_abi_note(PR_Version plugin, PR_Version host = host_abi)
{
    if (plugin.major != host.major || plugin.minor >= host.minor) return std::nullopt;
    const PR_Version first_unseen{plugin.major, static_cast<uint16_t>(plugin.minor + 1)};
    const std::string unseen = first_unseen.minor == host.minor
                                   ? version_text(host)
                                   : version_text(first_unseen) + " to " + version_text(host);
    return "built against plugin ABI " + version_text(plugin) + ", older than this host's " +
           version_text(host) + ": it runs, without what ABI " + unseen + " added";
}

}  // namespace perfreport
