/* perfreport C ABI: an exporter, which writes the report as files. */
#ifndef PERFREPORT_ABI_EXPORTER_H
#define PERFREPORT_ABI_EXPORTER_H

#include <stdint.h>

#include "report.h"
#include "status.h"

/* An exporter descriptor: static data owned by the plugin, valid while the
 * library is loaded.
 *   id                   the name users give to --format, [a-z0-9_-]+
 *   options_schema_json  as for analyzers (analyzer.h), for `options.<id>`
 *                        with '-' in the id read as '_' */
typedef struct PR_IExporter {
    uint32_t    struct_size;
    uint32_t    flags; /* none defined yet: zero */
    const char* id;
    const char* version;
    const char* description;
    const char* options_schema_json;

    /* Writes `report` through report->host's output files. On failure
     * returns a status other than PR_OK and sets `error`; files it did not
     * commit are removed. [thread-safe, reentrant] */
    PR_Status (*export_report)(const struct PR_IExporter* self, const PR_ReportView* report,
                               PR_Error* error);
} PR_IExporter;

#endif
