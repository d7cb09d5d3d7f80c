#include "plugin_search_path.hpp"

#include <boost/dll/runtime_symbol_info.hpp>

#include <algorithm>
#include <cstdlib>
#include <sys/stat.h>

namespace perfreport {
namespace fs = std::filesystem;
namespace {

void warn(Diagnostics& diagnostics, const std::string& code, const std::string& message)
{
    diagnostics.push_back({Severity::warning, code, "host", "", message});
}

bool writable_by_others(const fs::path& path)
{
    struct stat info{};
    return ::stat(path.c_str(), &info) == 0 && (info.st_mode & S_IWOTH) != 0;
}

}  // namespace

fs::path install_plugin_dir()
{
    // The path from the executable's folder, e.g. "../lib/perfreport/plugins",
    // is fixed at configure time from the install layout (host/CMakeLists.txt).
    return (boost::dll::program_location().parent_path() / PERFREPORT_PLUGIN_DIR_FROM_BINDIR).lexically_normal();
}

std::vector<fs::path> plugin_search_path(const PluginSearchOptions& options, Diagnostics& diagnostics)
{
    std::vector<fs::path> path;
    const auto add = [&path](const fs::path& folder) {
        const fs::path normal = folder.lexically_normal();
        if (std::find(path.begin(), path.end(), normal) == path.end()) path.push_back(normal);
    };
    for (const auto& folder : options.plugin_dirs) {
        std::error_code ec;
        if (!fs::is_directory(folder, ec)) {
            diagnostics.push_back({Severity::error, "E_PLUGIN_DIR", "host", "",
                                   "--plugin-dir " + folder.string() + " is not a folder"});
            continue;
        }
        add(fs::absolute(folder));
    }
    if (options.use_environment) {
        if (const char* value = std::getenv("PERFREPORT_PLUGIN_PATH")) {
            std::string list = value;
            std::size_t start = 0;
            while (start <= list.size()) {
                const std::size_t end = std::min(list.find(':', start), list.size());
                const fs::path entry = list.substr(start, end - start);
                if (entry.is_absolute()) {
                    add(entry);
                } else if (!entry.empty()) {
                    warn(diagnostics, "W_PLUGIN_PATH",
                         "PERFREPORT_PLUGIN_PATH entry '" + entry.string() +
                             "' is ignored: only absolute folders are searched");
                }
                start = end + 1;
            }
        }
    }
    if (options.use_install_dir) add(install_plugin_dir());
    return path;
}

std::vector<fs::path> plugin_files(const fs::path& folder, Diagnostics& diagnostics)
{
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return {};
    if (writable_by_others(folder)) {
        warn(diagnostics, "W_PLUGIN_REFUSED",
             "plugin folder " + folder.string() + " is writable by others; nothing in it is loaded");
        return {};
    }
    std::vector<fs::path> files;
    for (const auto& item : fs::directory_iterator(folder, ec)) {
        const fs::path& file = item.path();
        if (file.extension() != ".so" || !item.is_regular_file(ec)) continue;
        if (writable_by_others(file)) {
            warn(diagnostics, "W_PLUGIN_REFUSED",
                 "plugin " + file.string() + " is writable by others; it is not loaded");
            continue;
        }
        files.push_back(file);
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace perfreport
