#include "write_watch.hpp"

#include <algorithm>
#include <sys/stat.h>

namespace perfreport {
namespace fs = std::filesystem;

void WriteWatch::watch(fs::path folder, std::string label, bool recursive, std::vector<std::string> ignored)
{
    folders_.push_back({std::move(folder), std::move(label), recursive, std::move(ignored)});
}

void WriteWatch::reset()
{
    reference_ = snapshot();
}

std::vector<std::string> WriteWatch::changes()
{
    Snapshot now = snapshot();
    std::vector<std::string> found;
    for (const auto& [path, state] : now) {
        const auto before = reference_.find(path);
        if (before == reference_.end()) {
            found.push_back("created " + path);
        } else if (!(before->second == state) && !state.directory) {
            found.push_back("changed " + path);
        }
    }
    for (const auto& item : reference_) {
        if (now.count(item.first) == 0) found.push_back("removed " + item.first);
    }
    std::sort(found.begin(), found.end());
    reference_ = std::move(now);
    return found;
}

WriteWatch::Snapshot WriteWatch::snapshot() const
{
    Snapshot out;
    for (const auto& folder : folders_) add_folder(folder, out);
    return out;
}

// Size and modification time of each entry, read with lstat: a symbolic link
// counts as itself, and a vanishing entry is simply not there.
void WriteWatch::add_folder(const Folder& folder, Snapshot& out) const
{
    std::error_code ec;
    auto entries = fs::recursive_directory_iterator(folder.path, fs::directory_options::skip_permission_denied, ec);
    for (auto it = fs::begin(entries); !ec && it != fs::end(entries); it.increment(ec)) {
        const fs::path relative = it->path().lexically_relative(folder.path);
        const std::string first = relative.begin()->string();
        const bool ignored = std::find(folder.ignored.begin(), folder.ignored.end(), first) != folder.ignored.end();
        if (ignored || !folder.recursive) it.disable_recursion_pending();
        if (ignored) continue;
        struct stat info{};
        if (::lstat(it->path().c_str(), &info) != 0) continue;
        EntryState state;
        state.directory = S_ISDIR(info.st_mode);
        state.size = static_cast<std::uintmax_t>(info.st_size);
        state.modified_ns = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
        out[folder.label + "/" + relative.generic_string()] = state;
    }
}

}  // namespace perfreport
