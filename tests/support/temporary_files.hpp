// What a failed or interrupted write would leave in an output folder: the
// host's temporary files, named ".<name>.tmp.<pid>.<n>".
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace perfreport::test {

inline std::vector<std::string> temporary_files(const std::filesystem::path& folder)
{
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (name.find(".tmp.") != std::string::npos) found.push_back(name);
    }
    return found;
}

}  // namespace perfreport::test
