// A whole file's bytes, for the small files the batch runner reads back and
// for each input, which is read once to be hashed and parsed.
#pragma once

#include <filesystem>
#include <string>

namespace perfreport {

// Throws std::runtime_error "cannot read FILE: reason".
std::string read_file_bytes(const std::filesystem::path& file);

}  // namespace perfreport
