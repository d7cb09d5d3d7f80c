// OUT/manifest.json: what a batch run did, per input, so that a rerun with
// --resume redoes only what changed and `merge` can join shards.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "shard.hpp"
#include "summary_row.hpp"

namespace perfreport {

// One input's outcome.
struct ManifestEntry {
    std::size_t index = 0;               // position in the whole sweep (before sharding)
    std::string content_hash;            // of the input file's bytes
    std::string settings_hash;           // of the run's settings when it was done
    std::vector<std::string> files;      // written, relative to OUT/<name>/
    SummaryRow row;                      // its summary line: name, input, status, reason...

    std::string name() const;
    std::string input() const;
};

// Which sweep a run belongs to: its size and a hash of every input's name and
// relative path in order, before sharding; shards of one sweep share it.
struct SweepIdentity {
    std::size_t inputs = 0;
    std::string hash;
    bool operator==(const SweepIdentity&) const = default;
};

struct BatchManifest {
    boost::json::object settings;  // plugins, options, cost tables (batch_settings)
    std::string settings_hash;
    SweepIdentity sweep;
    ShardSpec shard;
    std::vector<ManifestEntry> entries;  // by index
};

// A manifest or journal entry that cannot be read; what() names the file.
class ManifestError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

inline constexpr const char* manifest_file_name = "manifest.json";

boost::json::value entry_json(const ManifestEntry& entry);
// Throws ManifestError naming `source` when a member is missing or mistyped.
ManifestEntry entry_from_json(const boost::json::value& value, const std::string& source);

// Writes OUT/manifest.json atomically. Throws OutputError.
void write_manifest(const std::filesystem::path& out, const BatchManifest& manifest);

// OUT/manifest.json, or nothing when there is none. Throws ManifestError.
std::optional<BatchManifest> read_manifest(const std::filesystem::path& out);

}  // namespace perfreport
