#include "report_folders.hpp"

namespace perfreport {
namespace fs = std::filesystem;

fs::path ReportFolders::staging(const std::string& name) const
{
    const fs::path folder = staging_root() / "new" / name;
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

void ReportFolders::publish(const std::string& name) const
{
    const fs::path final_path = final_folder(name);
    const fs::path old = staging_root() / "old" / name;
    fs::remove_all(old);
    if (fs::exists(fs::symlink_status(final_path))) {
        fs::create_directories(old.parent_path());
        fs::rename(final_path, old);
    }
    fs::rename(staging_root() / "new" / name, final_path);
    fs::remove_all(old);
}

void ReportFolders::discard(const std::string& name) const
{
    std::error_code ignored;
    fs::remove_all(staging_root() / "new" / name, ignored);
}

void ReportFolders::remove(const std::string& name) const
{
    fs::remove_all(final_folder(name));
}

void ReportFolders::clear_staging() const
{
    fs::remove_all(staging_root());
}

}  // namespace perfreport
