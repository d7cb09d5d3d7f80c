// Where plugins are looked for, and which files there may be loaded.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "../input/diagnostic.hpp"

namespace perfreport {

struct PluginSearchOptions {
    std::vector<std::filesystem::path> plugin_dirs;  // --plugin-dir, in order
    bool use_environment = true;                     // PERFREPORT_PLUGIN_PATH
    bool use_install_dir = true;                     // <exe>/../<libdir>/perfreport/plugins
};

// The folders to search, in precedence order: every --plugin-dir, then the
// absolute entries of PERFREPORT_PLUGIN_PATH, then the install's plugin folder.
// Never the current directory: empty and relative PATH entries are ignored
// (with a warning in `diagnostics`). A --plugin-dir that does not exist is an error.
std::vector<std::filesystem::path> plugin_search_path(const PluginSearchOptions& options,
                                                      Diagnostics& diagnostics);

// The plugin files (*.so) of one folder, sorted by name. A folder or file that
// others may write to is refused with a warning: anyone could plant code there.
std::vector<std::filesystem::path> plugin_files(const std::filesystem::path& folder,
                                                Diagnostics& diagnostics);

// The install's own plugin folder, found relative to the running executable.
std::filesystem::path install_plugin_dir();

}  // namespace perfreport
