// Files created, changed or removed in some folders between two moments: how
// `plugins --check` sees a plugin write where it must not.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace perfreport {

class WriteWatch {
public:
    // Watches `folder`, shown as `label` in changes ("<cwd>"); recursively or
    // only its own entries. Entries named in `ignored` (its direct children)
    // are left out, with everything under them.
    void watch(std::filesystem::path folder, std::string label, bool recursive,
               std::vector<std::string> ignored = {});

    // Takes the reference state of every watched folder.
    void reset();

    // "created <cwd>/stray.txt", "changed <home>/.cache/x", "removed ..."
    // since the last reset, sorted; then resets.
    std::vector<std::string> changes();

private:
    struct Folder {
        std::filesystem::path path;
        std::string label;
        bool recursive = false;
        std::vector<std::string> ignored;
    };
    struct EntryState {
        bool directory = false;
        std::uintmax_t size = 0;
        std::int64_t modified_ns = 0;
        bool operator==(const EntryState&) const = default;
    };
    using Snapshot = std::map<std::string, EntryState>;  // "<label>/relative path" -> state

    Snapshot snapshot() const;
    void add_folder(const Folder& folder, Snapshot& out) const;

    std::vector<Folder> folders_;
    Snapshot reference_;
};

}  // namespace perfreport
