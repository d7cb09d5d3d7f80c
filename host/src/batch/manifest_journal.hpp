// Each finished input's manifest entry, kept as one small file as soon as the
// input is done (OUT/.journal/<name>.json, written atomically), so that a run
// killed mid-sweep loses only the inputs in flight. The manifest proper is
// written when the run ends, after which the journal is cleared.
#pragma once

#include <filesystem>
#include <vector>

#include "../pipeline/output_directory.hpp"
#include "batch_manifest.hpp"

namespace perfreport {

class ManifestJournal {
public:
    // Creates OUT/.journal when missing. Throws OutputError.
    explicit ManifestJournal(const std::filesystem::path& out);

    // Throws OutputError. [thread-safe]
    void record(const ManifestEntry& entry);

    // The entries found in the journal, left by a run that did not end; files
    // that cannot be read are skipped (a rename is atomic, so none should be).
    std::vector<ManifestEntry> entries() const;

    // Removes every entry.
    void clear();

private:
    std::filesystem::path folder_;
    OutputDirectory output_;
};

}  // namespace perfreport
