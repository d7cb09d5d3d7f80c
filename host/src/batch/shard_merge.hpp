// Joining the outputs of the shards of one sweep into one: the checks that
// they fit together and the merged manifest, whose summary is the one a
// single machine would have written for the whole sweep.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "batch_manifest.hpp"

namespace perfreport {

struct ShardOutput {
    std::filesystem::path folder;
    BatchManifest manifest;
};

struct ShardMerge {
    std::optional<BatchManifest> merged;  // set when there is no problem
    std::vector<std::string> problems;    // every one found, each naming the folders
};

// The shards must have been run with the same settings on the same sweep
// with the same N, each K from 0 to N-1 given once, and every input of each
// shard done. The merged manifest has every entry in sweep order, shard 0/1.
ShardMerge merge_shards(const std::vector<ShardOutput>& shards);

}  // namespace perfreport
