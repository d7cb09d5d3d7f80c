// What the host knows of a loaded plugin library and of each part it provides.
#pragma once

#include <perfreport/abi.h>

#include <boost/dll/shared_library.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace perfreport {

// A loaded library. It stays loaded while any part of it is referenced:
// descriptors point into its static data.
struct PluginLibrary {
    boost::dll::shared_library handle;
    std::filesystem::path file;
    std::string name;
    std::string version;
    PR_Version abi{};
};

using PluginLibraryPtr = std::shared_ptr<const PluginLibrary>;

struct AnalyzerInfo {
    std::string id;
    std::string version;
    std::string description;
    std::vector<std::string> required_context;  // JSON pointers into the context
    std::string options_schema;                 // "" when it takes no options
    uint32_t flags = 0;
    const PR_IAnalyzer* descriptor = nullptr;
    PluginLibraryPtr library;
};

struct ExporterInfo {
    std::string id;
    std::string version;
    std::string description;
    std::string options_schema;
    const PR_IExporter* descriptor = nullptr;
    PluginLibraryPtr library;
};

struct PriceSourceInfo {
    std::string id;
    std::string version;
    std::string description;
    const PR_IPriceSource* descriptor = nullptr;
    PluginLibraryPtr library;
};

// Everything one library provides, after every check passed.
struct LoadedPlugin {
    PluginLibraryPtr library;
    std::vector<AnalyzerInfo> analyzers;
    std::vector<ExporterInfo> exporters;
    std::vector<PriceSourceInfo> price_sources;
};

}  // namespace perfreport
