/* perfreport C ABI: the one symbol a plugin library exports. */
#ifndef PERFREPORT_ABI_ENTRY_H
#define PERFREPORT_ABI_ENTRY_H

#include <stdint.h>

#include "analyzer.h"
#include "exporter.h"
#include "price_source.h"
#include "version.h"

#if defined(_WIN32)
#define PR_EXPORT __declspec(dllexport)
#else
#define PR_EXPORT __attribute__((visibility("default")))
#endif

/* What a library provides. Static data owned by the plugin, valid while the
 * library is loaded. `abi` is the version the plugin was built against
 * (PR_ABI_VERSION_INIT); the arrays hold pointers so that each descriptor can
 * grow on its own (its struct_size says how far). One library may provide
 * several analyzers, exporters and price sources. */
typedef struct PR_PluginEntry {
    uint32_t                      struct_size;
    PR_Version                    abi;
    const char*                   name;
    const char*                   version;
    uint32_t                      analyzer_count;
    uint32_t                      exporter_count;
    uint32_t                      price_source_count;
    uint32_t                      reserved; /* zero */
    const PR_IAnalyzer* const*    analyzers;
    const PR_IExporter* const*    exporters;
    const PR_IPriceSource* const* price_sources;
} PR_PluginEntry;

/* The exported entry point, found by name:
 *   PR_EXPORT const PR_PluginEntry* perfreport_plugin_entry(void);
 * It returns the same static descriptor on every call. [thread-safe] */
#define PR_PLUGIN_ENTRY_SYMBOL "perfreport_plugin_entry"
typedef const PR_PluginEntry* (*PR_PluginEntryFunction)(void);

#endif
