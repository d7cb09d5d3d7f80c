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

}  // namespace perfreport::cli
