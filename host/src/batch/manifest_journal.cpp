#include "manifest_journal.hpp"

#include <perfreport/sdk/json_parse.hpp>
#include <perfreport/sdk/json_writer.hpp>

#include "file_bytes.hpp"

namespace perfreport {
namespace fs = std::filesystem;

ManifestJournal::ManifestJournal(const fs::path& out) : folder_(out / ".journal"), output_(folder_) {}

void ManifestJournal::record(const ManifestEntry& entry)
{
    JsonWriter writer;
    writer.json(entry_json(entry));
    output_.write_whole(entry.name() + ".json", writer.buffer());
}

std::vector<ManifestEntry> ManifestJournal::entries() const
{
    std::vector<ManifestEntry> found;
    std::error_code ec;
    for (const auto& file : fs::directory_iterator(folder_, ec)) {
        const fs::path& path = file.path();
        if (path.extension() != ".json" || path.filename().string().front() == '.') continue;
        try {
            found.push_back(entry_from_json(parse_json(read_file_bytes(path)), path.string()));
        } catch (const std::exception&) {
            continue;  // not an entry this runner wrote whole: the input is simply redone
        }
    }
    return found;
}

void ManifestJournal::clear()
{
    std::error_code ec;
    for (const auto& file : fs::directory_iterator(folder_, ec)) fs::remove(file.path(), ec);
}

}  // namespace perfreport
