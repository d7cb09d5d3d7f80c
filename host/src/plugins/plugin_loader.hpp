// Opening one plugin library and checking everything it declares.
#pragma once

#include <filesystem>
#include <stdexcept>

#include "plugin_info.hpp"

namespace perfreport {

// Why a library was refused; the message names the file and the field.
class PluginLoadError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Loads `file` (an absolute path), finds perfreport_plugin_entry, checks the
// ABI version (same major, plugin minor <= host minor), the size of every
// struct, every required pointer and id. Throws PluginLoadError.
LoadedPlugin load_plugin(const std::filesystem::path& file);

}  // namespace perfreport
