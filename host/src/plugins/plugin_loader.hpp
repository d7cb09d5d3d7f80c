// Opening one plugin library and checking everything it declares.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "plugin_info.hpp"

namespace perfreport {

// Why a library was refused; the message names the file and the field.
class PluginLoadError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What opening one library found.
struct PluginInspection {
    std::optional<LoadedPlugin> plugin;  // set when there is no problem
    // Each reason to refuse the library, naming the part and the field
    // ("analyzer #0 ('x'): analyze is NULL"), without the file name. Problems
    // with the library as a whole (no entry, another ABI) end the inspection;
    // those of a descriptor skip only that descriptor, so that all are listed.
    std::vector<std::string> problems;
};

// Loads `file` (an absolute path), finds perfreport_plugin_entry, checks the
// ABI version (same major, plugin minor <= host minor), the size of every
// struct (at least its 1.0 layout, at most this host's), every required
// pointer and id. The library stays loaded even when refused.
PluginInspection inspect_plugin(const std::filesystem::path& file);

// inspect_plugin, throwing PluginLoadError "FILE: problem; problem" on any problem.
LoadedPlugin load_plugin(const std::filesystem::path& file);

}  // namespace perfreport
