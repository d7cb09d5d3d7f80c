// The input `plugins --check` runs a plugin on when none is given: SPEC
// 5.1's worked example E1 (sample_e1.json), built into the program so that
// an installed perfreport checks plugins without any other file.
#pragma once

#include <string_view>

namespace perfreport {

std::string_view built_in_sample();

inline constexpr const char* built_in_sample_label = "the built-in sample (SPEC 5.1's E1)";

}  // namespace perfreport
