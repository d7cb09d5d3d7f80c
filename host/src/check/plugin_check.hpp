// `perfreport plugins --check LIB`: one library, loaded alone, taken through
// its whole lifecycle on a sample input, with every problem named.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>

namespace perfreport {

// One line of the check's account.
struct CheckFinding {
    enum class Kind {
        info,     // what is being checked ("plugin: x 1.2.3, ...")
        ok,       // a check passed
        note,     // not a problem, worth knowing (a clean failure on the sample)
        problem,  // a rule of the ABI or of the host is broken
    };
    Kind kind = Kind::info;
    std::string text;
};

// The sample cannot be analyzed (its errors are in what()): a usage error.
class CheckInputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct PluginCheckRequest {
    std::filesystem::path library;
    std::string sample_text;   // an EngineResult
    std::string sample_label;  // how the account names it
    // An empty folder for the output folders of the exporters (outputs/)
    // and for whatever the caller points the plugin's current folder, HOME
    // and TMPDIR to: every write under it outside outputs/ is a problem.
    std::filesystem::path sandbox;
    int concurrent_rounds = 4;  // rounds of two calls at once per part
    // Told before each step (e.g. "analyzer 'x': two calls at once"), so
    // that a crash or a hang can be blamed on it.
    std::function<void(const std::string&)> on_step;
};

// The checks, in order:
//   the library: loadable, exports the entry, an ABI this host loads,
//     every descriptor sane (struct sizes, ids, versions, required pointers,
//     flags and reserved fields zero, options schemas, context pointers);
//   each analyzer: analyze on the sample gives a section, or a clean skip
//     or failure (a known status with a message);
//   each exporter: export_report of the report the library's own analyzers
//     make of the sample writes files through the host into an output
//     folder and leaves nothing else there;
//   each price source: cost_table gives a valid cost table (SPEC 2.2);
//   each part: two calls in a row give the same result, and so does every
//     call of `concurrent_rounds` rounds of two calls from two threads at
//     once (a part that keeps state between calls shows up here);
//   each part and loading: no file created, changed or removed under the
//     sandbox (outside the output folders) nor beside the library.
// Reports each finding to `report` as it goes; returns the number of problems.
// Throws CheckInputError when the sample itself has errors.
std::size_t check_plugin(const PluginCheckRequest& request, const std::function<void(const CheckFinding&)>& report);

}  // namespace perfreport
