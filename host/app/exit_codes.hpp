// The command's exit codes: 0 ok, 1 a part failed, 2 bad input or usage;
// `batch` stopped by a signal exits with 128 + its number, as shells do.
#pragma once

namespace perfreport {

inline constexpr int exit_ok = 0;
inline constexpr int exit_part_failed = 1;
inline constexpr int exit_bad_input = 2;

}  // namespace perfreport
