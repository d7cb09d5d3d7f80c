// Runs the real `perfreport` executable and captures what a user would see.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "file_text.hpp"
#include "temp_dir.hpp"

namespace perfreport::test {

struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

inline std::string shell_quote(const std::string& word)
{
    std::string quoted = "'";
    for (const char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

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
    result.out = read_text(capture / "out");
    result.err = read_text(capture / "err");
    return result;
}

}  // namespace perfreport::test
