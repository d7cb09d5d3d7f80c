// perfreport: turns an EngineResult into reports. See `perfreport --help`.
#include <iostream>
#include <string>
#include <vector>

#include "../src/version.hpp"
#include "cli_support.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"

namespace {

constexpr const char* usage = R"(Usage: perfreport COMMAND [OPTIONS]

Commands:
  run INPUT       write the report of one EngineResult (JSON, and more with --format)
  batch INPUT     write the report of every EngineResult of a sweep and the sweep's summary
  merge SHARDS    join the outputs of the shards of one sweep into one summary
  validate INPUT  check an EngineResult and list every error and warning
  plugins         list the loaded analyzers, exporters and price sources
                  (--check LIB: take one plugin library through its whole lifecycle)

Run 'perfreport COMMAND --help' for the options of a command, and
'perfreport --version' for the version and the plugin ABI.
Exit codes: 0 ok, 1 a part failed, 2 bad input or usage; batch stopped by
SIGINT or SIGTERM: 130 or 143.
)";

}  // namespace

int main(int argc, char** argv)
{
    using namespace perfreport;
    const std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty() || words.front() == "--help" || words.front() == "-h" || words.front() == "help") {
        std::cout << usage;
        return words.empty() ? exit_bad_input : exit_ok;
    }
    if (words.front() == "--version") {
        std::cout << version_line() << '\n';
        return exit_ok;
    }
    const std::vector<std::string> args(words.begin() + 1, words.end());
    try {
        if (words.front() == "run") return cli::command_run(args);
        if (words.front() == "batch") return cli::command_batch(args);
        if (words.front() == "merge") return cli::command_merge(args);
        if (words.front() == "validate") return cli::command_validate(args);
        if (words.front() == "plugins") return cli::command_plugins(args);
        throw cli::UsageError("unknown command '" + words.front() + "'");
    } catch (const cli::UsageError& e) {
        std::cerr << "perfreport: " << e.what() << "\nTry 'perfreport --help'.\n";
        return exit_bad_input;
    } catch (const std::exception& e) {
        std::cerr << "perfreport: " << e.what() << '\n';
        return exit_part_failed;
    }
}
