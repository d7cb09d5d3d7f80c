#include "plugin_catalog.hpp"

#include "plugin_loader.hpp"

namespace perfreport {
namespace {

template <class Info>
void register_parts(const char* kind, std::vector<Info>& parts, Registry<Info>& registry,
                    bool allow_override, Diagnostics& diagnostics)
{
    for (auto& info : parts) {
        const Info* taken = registry.find(info.id);
        if (taken == nullptr) {
            registry.add(std::move(info));
            continue;
        }
        const std::string message = std::string(kind) + " id '" + info.id + "' is provided by " +
                                    taken->library->file.string() + " and by " +
                                    info.library->file.string();
        if (allow_override) {
            diagnostics.push_back({Severity::warning, "W_PLUGIN_OVERRIDE", "host", "",
                                   message + "; the first, earlier on the search path, is used"});
        } else {
            diagnostics.push_back({Severity::error, "E_DUPLICATE_PLUGIN", "host", "",
                                   message + " (remove one, or allow the override)"});
        }
    }
}

}  // namespace

PluginCatalog load_plugin_catalog(const CatalogOptions& options)
{
    PluginCatalog catalog;
    catalog.search_path = plugin_search_path(options.search, catalog.diagnostics);
    for (const auto& folder : catalog.search_path) {
        for (const auto& file : plugin_files(folder, catalog.diagnostics)) {
            LoadedPlugin plugin;
            try {
                plugin = load_plugin(file);
            } catch (const PluginLoadError& e) {
                catalog.diagnostics.push_back({Severity::warning, "W_PLUGIN_REFUSED", "host", "", e.what()});
                continue;
            }
            catalog.libraries.push_back(plugin.library);
            register_parts("analyzer", plugin.analyzers, catalog.analyzers, options.allow_override,
                           catalog.diagnostics);
            register_parts("exporter", plugin.exporters, catalog.exporters, options.allow_override,
                           catalog.diagnostics);
            register_parts("price source", plugin.price_sources, catalog.price_sources,
                           options.allow_override, catalog.diagnostics);
        }
    }
    return catalog;
}

}  // namespace perfreport
