// The subcommands of `perfreport`; each takes the words after its name and
// returns the exit code.
#pragma once

#include <string>
#include <vector>

namespace perfreport::cli {

int command_run(const std::vector<std::string>& args);
int command_validate(const std::vector<std::string>& args);
int command_plugins(const std::vector<std::string>& args);
int command_batch(const std::vector<std::string>& args);
int command_merge(const std::vector<std::string>& args);

// `plugins --check LIBRARY [--input FILE] [--timeout SECONDS]`: exit 0 when the
// library has no problem, 1 when it has, 2 for a usage error or a bad input.
int check_plugin_command(const std::string& library, const std::string& input, int timeout_seconds);

}  // namespace perfreport::cli
