#include "batch_manifest.hpp"

#include <perfreport/sdk/json_parse.hpp>
#include <perfreport/sdk/json_writer.hpp>

#include "../pipeline/output_directory.hpp"
#include "file_bytes.hpp"

namespace perfreport {
namespace json = boost::json;
namespace {

constexpr const char* manifest_format = "perfreport-batch-manifest";
constexpr std::int64_t manifest_version = 1;

const json::value& member(const json::object& object, std::string_view key, json::kind kind,
                          const std::string& source)
{
    const json::value* value = object.if_contains(key);
    const bool number_wanted = kind == json::kind::int64;
    if (value == nullptr || (number_wanted ? !(value->is_int64() || value->is_uint64()) : value->kind() != kind)) {
        throw ManifestError(source + ": '" + std::string(key) + "' is missing or of the wrong type");
    }
    return *value;
}

const json::object& as_object(const json::value& value, const std::string& source)
{
    if (!value.is_object()) throw ManifestError(source + ": an object was expected");
    return value.get_object();
}

std::size_t count(const json::object& object, std::string_view key, const std::string& source)
{
    return member(object, key, json::kind::int64, source).to_number<std::size_t>();
}

std::string text(const json::object& object, std::string_view key, const std::string& source)
{
    return std::string(member(object, key, json::kind::string, source).get_string());
}

std::string row_text(const SummaryRow& row, std::string_view key)
{
    const json::value* value = row.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->get_string()) : std::string();
}

}  // namespace

std::string ManifestEntry::name() const
{
    return row_text(row, "name");
}

std::string ManifestEntry::input() const
{
    return row_text(row, "input");
}

json::value entry_json(const ManifestEntry& entry)
{
    json::array files;
    for (const auto& file : entry.files) files.emplace_back(file);
    return json::object{{"index", entry.index},
                        {"content_hash", entry.content_hash},
                        {"settings_hash", entry.settings_hash},
                        {"files", std::move(files)},
                        {"row", entry.row}};
}

ManifestEntry entry_from_json(const json::value& value, const std::string& source)
{
    const json::object& object = as_object(value, source);
    ManifestEntry entry;
    entry.index = count(object, "index", source);
    entry.content_hash = text(object, "content_hash", source);
    entry.settings_hash = text(object, "settings_hash", source);
    for (const auto& file : member(object, "files", json::kind::array, source).get_array()) {
        if (!file.is_string()) throw ManifestError(source + ": 'files' must hold names");
        entry.files.emplace_back(file.get_string());
    }
    entry.row = member(object, "row", json::kind::object, source).get_object();
    for (const auto& column : summary_columns()) {
        if (!entry.row.contains(column.key)) {
            throw ManifestError(source + ": the row has no '" + std::string(column.key) + "'");
        }
    }
    return entry;
}

void write_manifest(const std::filesystem::path& out, const BatchManifest& manifest)
{
    JsonWriter writer(JsonWriter::Style::pretty);
    json::array entries;
    for (const auto& entry : manifest.entries) entries.push_back(entry_json(entry));
    writer.json(json::object{
        {"format", manifest_format},
        {"version", manifest_version},
        {"settings", manifest.settings},
        {"settings_hash", manifest.settings_hash},
        {"sweep", {{"inputs", manifest.sweep.inputs}, {"hash", manifest.sweep.hash}}},
        {"shard", {{"index", manifest.shard.index}, {"count", manifest.shard.count}}},
        {"entries", std::move(entries)},
    });
    writer.buffer() += '\n';
    OutputDirectory(out).write_whole(manifest_file_name, writer.buffer());
}

std::optional<BatchManifest> read_manifest(const std::filesystem::path& out)
{
    const std::filesystem::path path = out / manifest_file_name;
    if (!std::filesystem::exists(path)) return std::nullopt;
    const std::string source = path.string();
    std::string bytes;
    try {
        bytes = read_file_bytes(path);
    } catch (const std::exception& e) {
        throw ManifestError(e.what());
    }
    std::string problem;
    const auto document = parse_json(bytes, problem);
    if (!document) throw ManifestError(source + ": not JSON: " + problem);
    const json::object& object = as_object(*document, source);
    if (text(object, "format", source) != manifest_format || count(object, "version", source) != manifest_version) {
        throw ManifestError(source + ": not a perfreport batch manifest of version 1");
    }
    BatchManifest manifest;
    manifest.settings = member(object, "settings", json::kind::object, source).get_object();
    manifest.settings_hash = text(object, "settings_hash", source);
    const json::object& sweep = member(object, "sweep", json::kind::object, source).get_object();
    manifest.sweep = {count(sweep, "inputs", source), text(sweep, "hash", source)};
    const json::object& shard = member(object, "shard", json::kind::object, source).get_object();
    manifest.shard = {count(shard, "index", source), count(shard, "count", source)};
    if (manifest.shard.count == 0 || manifest.shard.index >= manifest.shard.count) {
        throw ManifestError(source + ": shard " + manifest.shard.text() + " is not K/N with K < N");
    }
    for (const auto& entry : member(object, "entries", json::kind::array, source).get_array()) {
        manifest.entries.push_back(entry_from_json(entry, source));
    }
    return manifest;
}

}  // namespace perfreport
