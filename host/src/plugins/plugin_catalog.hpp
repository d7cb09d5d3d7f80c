// Every plugin found on the search path, loaded and registered.
#pragma once

#include <vector>

#include "../input/diagnostic.hpp"
#include "plugin_registry.hpp"
#include "plugin_search_path.hpp"

namespace perfreport {

struct PluginCatalog {
    std::vector<std::filesystem::path> search_path;
    std::vector<PluginLibraryPtr> libraries;  // in load order
    AnalyzerRegistry analyzers;
    ExporterRegistry exporters;
    PriceSourceRegistry price_sources;
    // Refused or unloadable files are warnings (the rest still works); a
    // duplicate id is an error unless overrides are allowed.
    Diagnostics diagnostics;
};

struct CatalogOptions {
    PluginSearchOptions search;
    // A second plugin with a taken id: error (false), or the earlier one on
    // the search path wins with a warning (true).
    bool allow_override = false;
};

PluginCatalog load_plugin_catalog(const CatalogOptions& options);

}  // namespace perfreport
