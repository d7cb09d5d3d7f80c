// Whether two calls of a plugin part gave the same result, and if not, the
// first difference in words: how `plugins --check` tests that a part is
// deterministic and reentrant.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "../pipeline/cost_context.hpp"
#include "../pipeline/part_calls.hpp"

namespace perfreport {

// Status, message, diagnostics, summary and every cell of every table.
std::optional<std::string> run_difference(const AnalyzerRun& a, const AnalyzerRun& b);

// Status, message, the files committed and their bytes (in `a_folder` and `b_folder`).
std::optional<std::string> export_difference(const ExportOutcome& a, const std::filesystem::path& a_folder,
                                             const ExportOutcome& b, const std::filesystem::path& b_folder);

// Status, message and the cost table text.
std::optional<std::string> answer_difference(const PriceSourceAnswer& a, const PriceSourceAnswer& b);

}  // namespace perfreport
