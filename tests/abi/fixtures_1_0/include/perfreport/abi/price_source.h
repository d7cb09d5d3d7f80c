/* perfreport C ABI: a price source, which supplies chip prices and tiers. */
#ifndef PERFREPORT_ABI_PRICE_SOURCE_H
#define PERFREPORT_ABI_PRICE_SOURCE_H

#include <stdint.h>

#include "host.h"
#include "sink.h"
#include "status.h"

/* A price-source descriptor: static data owned by the plugin. The host asks
 * each price source for a cost table and merges them into the cost context:
 * a command-line table beats plugins, plugins beat the built-in presets, and
 * every value remembers where it came from. */
typedef struct PR_IPriceSource {
    uint32_t    struct_size;
    uint32_t    flags; /* none defined yet: zero */
    const char* id;
    const char* version;
    const char* description;

    /* Writes one JSON object with keys of SPEC 2.2's cost table (e.g.
     * "chip_prices", "interconnect") and, for provenance, "source" and
     * "as_of", through `out`. [thread-safe, reentrant] */
    PR_Status (*cost_table)(const struct PR_IPriceSource* self, const PR_Host* host,
                            const PR_TextSink* out, PR_Error* error);
} PR_IPriceSource;

#endif
