// The inputs of a sweep, in a fixed order: every *.json under a folder, or
// the paths a list file names. Each gets its report folder name.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace perfreport {

struct SweepInput {
    std::filesystem::path file;  // where to read it
    std::string relative;        // the path its name comes from, '/'-separated
    std::string name;            // its folder under OUT, unique in the sweep
};

struct SweepListing {
    std::vector<SweepInput> inputs;
    std::vector<std::string> warnings;  // e.g. a list naming one file twice
};

// The sweep source itself is unusable (missing, unreadable, an EngineResult
// given where a folder or list was expected).
class SweepError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// `source` is a folder: every regular file ending in .json (any case) below
// it, recursively, sorted by relative path (byte order); hidden files and
// folders (".name") and the folder `output` are left out, so that a sweep's
// own reports never become inputs. Or `source` is a list file: one path per
// line, relative to the list's folder unless absolute, blank lines and lines
// starting with '#' ignored, in the list's order; a path listed again is
// dropped with a warning. A listed file that does not exist stays an input:
// reading it fails like any unreadable input.
SweepListing list_sweep_inputs(const std::filesystem::path& source, const std::filesystem::path& output);

}  // namespace perfreport
