#include "shard_merge.hpp"

#include <algorithm>
#include <map>

namespace perfreport {
namespace {

// The settings whose values differ between two runs, by name.
std::string differing_settings(const boost::json::object& a, const boost::json::object& b)
{
    std::string keys;
    for (const auto& member : a) {
        const auto* other = b.if_contains(member.key());
        if (other == nullptr || *other != member.value()) keys += (keys.empty() ? "" : ", ") + std::string(member.key());
    }
    for (const auto& member : b) {
        if (!a.contains(member.key())) keys += (keys.empty() ? "" : ", ") + std::string(member.key());
    }
    return keys.empty() ? "settings" : keys;
}

std::size_t inputs_of_shard(std::size_t inputs, const ShardSpec& shard)
{
    return inputs > shard.index ? (inputs - shard.index + shard.count - 1) / shard.count : 0;
}

void check_same_run(const std::vector<ShardOutput>& shards, std::vector<std::string>& problems)
{
    const ShardOutput& first = shards.front();
    for (const auto& shard : shards) {
        const BatchManifest& m = shard.manifest;
        if (m.settings_hash != first.manifest.settings_hash) {
            problems.push_back(shard.folder.string() + " was run with other settings than " + first.folder.string() +
                               " (" + differing_settings(first.manifest.settings, m.settings) + ")");
        }
        if (!(m.sweep == first.manifest.sweep)) {
            problems.push_back(shard.folder.string() + " is a shard of another sweep than " + first.folder.string() + " (" +
                               std::to_string(m.sweep.inputs) + " inputs, list " + m.sweep.hash + " against " +
                               std::to_string(first.manifest.sweep.inputs) + ", " + first.manifest.sweep.hash + ")");
        }
        if (m.shard.count != first.manifest.shard.count) {
            problems.push_back(shard.folder.string() + " is shard " + m.shard.text() + " but " + first.folder.string() +
                               " is shard " + first.manifest.shard.text() + ": every shard needs the same N");
        }
    }
}

void check_each_shard_once(const std::vector<ShardOutput>& shards, std::vector<std::string>& problems)
{
    const std::size_t count = shards.front().manifest.shard.count;
    std::map<std::size_t, const ShardOutput*> by_index;
    for (const auto& shard : shards) {
        const auto [at, added] = by_index.emplace(shard.manifest.shard.index, &shard);
        if (!added) {
            problems.push_back("shard " + shard.manifest.shard.text() + " is given twice: " + at->second->folder.string() +
                               " and " + shard.folder.string());
        }
    }
    std::string missing;
    for (std::size_t k = 0; k < count; ++k) {
        if (by_index.count(k) == 0) missing += (missing.empty() ? "" : ", ") + ShardSpec{k, count}.text();
    }
    if (!missing.empty()) problems.push_back("missing shards: " + missing);
}

void check_every_input_done(const std::vector<ShardOutput>& shards, std::vector<std::string>& problems)
{
    for (const auto& shard : shards) {
        const BatchManifest& m = shard.manifest;
        std::size_t own = 0;
        for (const auto& entry : m.entries) {
            if (entry.index >= m.sweep.inputs || !m.shard.holds(entry.index)) {
                problems.push_back(shard.folder.string() + ": input " + entry.name() + " (number " +
                                   std::to_string(entry.index) + ") does not belong to shard " + m.shard.text());
            } else {
                ++own;
            }
        }
        const std::size_t expected = inputs_of_shard(m.sweep.inputs, m.shard);
        if (own < expected) {
            problems.push_back(shard.folder.string() + " (shard " + m.shard.text() + ") has " + std::to_string(own) +
                               " of its " + std::to_string(expected) +
                               " inputs done; finish it with 'perfreport batch ... --resume'");
        }
    }
}

}  // namespace

ShardMerge merge_shards(const std::vector<ShardOutput>& shards)
{
    ShardMerge merge;
    if (shards.empty()) {
        merge.problems.push_back("no shard output given");
        return merge;
    }
    check_same_run(shards, merge.problems);
    if (merge.problems.empty()) check_each_shard_once(shards, merge.problems);
    if (merge.problems.empty()) check_every_input_done(shards, merge.problems);
    if (!merge.problems.empty()) return merge;

    BatchManifest merged;
    merged.settings = shards.front().manifest.settings;
    merged.settings_hash = shards.front().manifest.settings_hash;
    merged.sweep = shards.front().manifest.sweep;
    for (const auto& shard : shards) {
        merged.entries.insert(merged.entries.end(), shard.manifest.entries.begin(), shard.manifest.entries.end());
    }
    std::sort(merged.entries.begin(), merged.entries.end(),
              [](const ManifestEntry& a, const ManifestEntry& b) { return a.index < b.index; });
    const auto repeated = std::adjacent_find(merged.entries.begin(), merged.entries.end(),
                                             [](const ManifestEntry& a, const ManifestEntry& b) { return a.index == b.index; });
    if (repeated != merged.entries.end()) {
        merge.problems.push_back("input number " + std::to_string(repeated->index) + " (" + repeated->name() +
                                 ") has two outcomes");
        return merge;
    }
    merge.merged = std::move(merged);
    return merge;
}

}  // namespace perfreport
