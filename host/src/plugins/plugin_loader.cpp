#include "plugin_loader.hpp"

#include "../version.hpp"

#include <cstddef>
#include <dlfcn.h>
#include <set>
#include <type_traits>

namespace perfreport {
namespace {

// The size of each struct's 1.0 layout: the smallest a 1.x plugin may hand us.
// When a struct grows in 1.1, its entry here stays the 1.0 size.
template <class T> constexpr uint32_t size_1_0 = sizeof(T);

class Checker {
public:
    explicit Checker(std::vector<std::string>& problems) : problems_(problems) {}

    // Records `what` as a problem unless `condition` holds; returns `condition`.
    bool require(bool condition, const std::string& what) const
    {
        if (!condition) problems_.push_back(what);
        return condition;
    }

    // A struct is refused when it is older than 1.0 or newer than this host
    // (abi.h, "struct_size, both ways").
    bool check_size(uint32_t size, uint32_t minimum, uint32_t known, const std::string& what) const
    {
        return require(size >= minimum, what + " has struct_size " + std::to_string(size) +
                                            ", smaller than the ABI 1.0 layout (" + std::to_string(minimum) +
                                            ")") &&
               require(size <= known, what + " has struct_size " + std::to_string(size) +
                                          ", larger than this host knows (" + std::to_string(known) +
                                          ") for ABI " + version_text(host_abi));
    }

    std::string text(const char* value, const std::string& what) const
    {
        require(value != nullptr && *value != '\0', what + " is empty");
        return value != nullptr ? value : "";
    }

    void check_id(const std::string& id, bool allow_dash, const std::string& what) const
    {
        for (const char c : id) {
            const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                            (allow_dash && c == '-');
            if (!require(ok, what + " id '" + id + "' may only hold a-z, 0-9, _" + (allow_dash ? " and -" : "")))
                return;
        }
    }

private:
    std::vector<std::string>& problems_;
};

std::vector<std::string> string_list(const char* const* list)
{
    std::vector<std::string> out;
    for (; list != nullptr && *list != nullptr; ++list) out.emplace_back(*list);
    return out;
}

std::string label(const char* kind, uint32_t index, const char* id)
{
    return std::string(kind) + " #" + std::to_string(index) +
           (id != nullptr ? " ('" + std::string(id) + "')" : std::string());
}

// A plugin stays loaded until the process ends: its descriptors, and the
// threads of libraries it brought in (TBB's workers), may outlive any handle.
void keep_resident(const std::filesystem::path& file)
{
    if (void* pinned = ::dlopen(file.c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE)) ::dlclose(pinned);
}

// The entry of a loaded library after the checks of the library as a whole,
// or nullptr (with the problem recorded).
const PR_PluginEntry* checked_entry(PluginLibrary& library, const Checker& check)
{
    try {
        library.handle.load(library.file, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
    } catch (const std::exception& e) {
        check.require(false, std::string("cannot be loaded: ") + e.what());
        return nullptr;
    }
    keep_resident(library.file);
    if (!check.require(library.handle.has(PR_PLUGIN_ENTRY_SYMBOL),
                       "is not a perfreport plugin: it exports no " PR_PLUGIN_ENTRY_SYMBOL)) {
        return nullptr;
    }
    const auto entry_function = library.handle.get<const PR_PluginEntry*()>(PR_PLUGIN_ENTRY_SYMBOL);
    const PR_PluginEntry* entry = entry_function();
    if (!check.require(entry != nullptr, PR_PLUGIN_ENTRY_SYMBOL " returned NULL") ||
        !check.require(pr_version_is_compatible(host_abi, entry->abi),
                       "was built for perfreport ABI " + version_text(entry->abi) +
                           ", this host implements ABI " + version_text(host_abi) +
                           " (a plugin loads when the majors are equal and its minor is not newer)") ||
        !check.check_size(entry->struct_size, size_1_0<PR_PluginEntry>, sizeof(PR_PluginEntry), "the plugin entry")) {
        return nullptr;
    }
    return entry;
}

}  // namespace

PluginInspection inspect_plugin(const std::filesystem::path& file)
{
    PluginInspection inspection;
    const Checker check(inspection.problems);
    auto library = std::make_shared<PluginLibrary>();
    library->file = file;
    const PR_PluginEntry* entry = checked_entry(*library, check);
    if (entry == nullptr) return inspection;
    library->name = check.text(entry->name, "the plugin name");
    library->version = check.text(entry->version, "the plugin version");
    library->abi = entry->abi;
    const bool arrays_ok =
        check.require(entry->analyzer_count == 0 || entry->analyzers != nullptr,
                      "declares analyzers but the array is NULL") &
        check.require(entry->exporter_count == 0 || entry->exporters != nullptr,
                      "declares exporters but the array is NULL") &
        check.require(entry->price_source_count == 0 || entry->price_sources != nullptr,
                      "declares price sources but the array is NULL");
    if (!arrays_ok) return inspection;

    LoadedPlugin plugin;
    plugin.library = library;
    std::set<std::string> ids;
    // What every kind of descriptor shares: size, id, version, description.
    // A descriptor too small or too large is not read any further.
    const auto collect = [&](const auto* const* list, uint32_t count, const char* kind, bool allow_dash,
                             auto& out, const auto& fill) {
        for (uint32_t i = 0; i < count; ++i) {
            const auto* d = list[i];
            if (!check.require(d != nullptr, label(kind, i, nullptr) + " is NULL")) continue;
            using Descriptor = std::remove_cvref_t<decltype(*d)>;
            const std::string what = label(kind, i, PR_HAS_FIELD(Descriptor, d, id) ? d->id : nullptr);
            if (!check.check_size(d->struct_size, size_1_0<Descriptor>, sizeof(Descriptor), what)) continue;
            auto& info = out.emplace_back();
            info.id = check.text(d->id, what + ": id");
            check.check_id(info.id, allow_dash, what);
            info.version = check.text(d->version, what + ": version");
            info.description = d->description != nullptr ? d->description : "";
            info.descriptor = d;
            info.library = library;
            check.require(info.id.empty() || ids.insert(std::string(kind) + ":" + info.id).second,
                          "declares " + std::string(kind) + " '" + info.id + "' twice");
            fill(*d, info, what);
        }
    };
    collect(entry->analyzers, entry->analyzer_count, "analyzer", false, plugin.analyzers,
            [&](const PR_IAnalyzer& d, AnalyzerInfo& info, const std::string& what) {
                check.require(d.analyze != nullptr, what + ": analyze is NULL");
                info.required_context = string_list(d.required_context);
                info.options_schema = d.options_schema_json != nullptr ? d.options_schema_json : "";
                info.flags = d.flags;
            });
    collect(entry->exporters, entry->exporter_count, "exporter", true, plugin.exporters,
            [&](const PR_IExporter& d, ExporterInfo& info, const std::string& what) {
                check.require(d.export_report != nullptr, what + ": export_report is NULL");
                info.options_schema = d.options_schema_json != nullptr ? d.options_schema_json : "";
            });
    collect(entry->price_sources, entry->price_source_count, "price source", true,
            plugin.price_sources,
            [&](const PR_IPriceSource& d, PriceSourceInfo&, const std::string& what) {
                check.require(d.cost_table != nullptr, what + ": cost_table is NULL");
            });
    if (inspection.problems.empty()) inspection.plugin = std::move(plugin);
    return inspection;
}

LoadedPlugin load_plugin(const std::filesystem::path& file)
{
    PluginInspection inspection = inspect_plugin(file);
    if (inspection.plugin) return std::move(*inspection.plugin);
    std::string message = file.string() + ":";
    for (std::size_t i = 0; i < inspection.problems.size(); ++i) {
        message += (i == 0 ? " " : "; ") + inspection.problems[i];
    }
    throw PluginLoadError(message);
}

}  // namespace perfreport
