// Report folder names for the inputs of a sweep: OUT/<name>/ derived from an
// input's relative path, safe to use as one folder name and unique.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace perfreport {

// "llama/tp8 b4.json" -> "llama__tp8_b4": the path's parts joined by "__",
// without ".", ".." or empty parts and without the ".json" ending; every byte
// other than A-Z a-z 0-9 . _ - becomes '_'; a part starting with '.' or '-'
// gets a '_' before it (no hidden folder, nothing a shell reads as a flag); at most 120 bytes; "input" when nothing is left.
std::string safe_name(std::string_view relative_path);

// The safe names of `relative_paths`, in order, made unique: a name already
// given (compared case-insensitively, so the folders also differ on a
// case-insensitive file system) or one of the sweep's own files
// (reserved_output_names) gets "-2", "-3", ... in input order.
std::vector<std::string> unique_safe_names(const std::vector<std::string>& relative_paths);

// The files the batch runner writes at the top of OUT.
const std::vector<std::string>& reserved_output_names();

}  // namespace perfreport
