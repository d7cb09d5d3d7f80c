// Each input's report folder OUT/<name>/ is written beside its final place
// (OUT/.partial/new/<name>/) and swapped in whole once its exporters are done, so
// OUT/<name>/ always holds one complete run's files, never a mix of an old and
// a new one, and an interrupted input leaves nothing under a final name.
#pragma once

#include <filesystem>
#include <string>

namespace perfreport {

class ReportFolders {
public:
    explicit ReportFolders(std::filesystem::path out) : out_(std::move(out)) {}

    // An empty folder for `name`'s new files.
    std::filesystem::path staging(const std::string& name) const;

    // Replaces OUT/<name> by the staged folder. Throws std::filesystem::filesystem_error.
    void publish(const std::string& name) const;

    // Drops the staged folder.
    void discard(const std::string& name) const;

    // Removes OUT/<name>, for an input that no longer has a report.
    void remove(const std::string& name) const;

    // Removes what a killed run left in OUT/.partial.
    void clear_staging() const;

    std::filesystem::path final_folder(const std::string& name) const { return out_ / name; }

private:
    std::filesystem::path staging_root() const { return out_ / ".partial"; }

    std::filesystem::path out_;
};

}  // namespace perfreport
