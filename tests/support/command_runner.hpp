// Runs the real `perfreport` executable and captures what a user would see.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace perfreport::test {

struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

inline std::string slurp(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

inline std::string shell_quote(const std::string& word)
{
    std::string quoted = "'";
    for (const char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

// A fresh, empty folder under the system temp folder, removed on destruction.
class TempDir {
public:
    TempDir()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "perfreport-test-XXXXXX").string();
        path_ = ::mkdtemp(pattern.data());
    }
    ~TempDir() { std::filesystem::remove_all(path_); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// Runs PERFREPORT_EXE with `args`; `environment` holds "NAME=value" words
// placed before the command. The plugin path of the caller's environment is
// cleared so that only the build's own plugins and explicit folders count.
inline CommandResult run_perfreport(const std::vector<std::string>& args,
                                    const std::vector<std::string>& environment = {})
{
    const TempDir capture;
    std::string command = "env -u PERFREPORT_PLUGIN_PATH";
    for (const auto& assignment : environment) command += " " + shell_quote(assignment);
    command += " " + shell_quote(PERFREPORT_EXE);
    for (const auto& arg : args) command += " " + shell_quote(arg);
    command += " > " + shell_quote((capture / "out").string()) + " 2> " + shell_quote((capture / "err").string());
    const int status = std::system(command.c_str());
    CommandResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = slurp(capture / "out");
    result.err = slurp(capture / "err");
    return result;
}

}  // namespace perfreport::test
