// PR_StringView and std::string_view, both ways.
#pragma once

#include <string_view>

#include "perfreport/abi.h"

namespace perfreport {

inline std::string_view to_string_view(PR_StringView text) noexcept
{
    return text.size == 0 ? std::string_view{} : std::string_view{text.data, text.size};
}

inline PR_StringView to_pr_string_view(std::string_view text) noexcept
{
    return {text.data(), text.size()};
}

}  // namespace perfreport
