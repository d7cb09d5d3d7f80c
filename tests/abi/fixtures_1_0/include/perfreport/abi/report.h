/* perfreport C ABI: the finished report, as an exporter reads it. */
#ifndef PERFREPORT_ABI_REPORT_H
#define PERFREPORT_ABI_REPORT_H

#include <stdint.h>

#include "column.h"
#include "host.h"

/* One analyzer's section: `id` is its key in the report. */
typedef struct PR_SectionView {
    uint32_t        struct_size;
    uint32_t        table_count;
    const char*     id;
    PR_StringView   summary_json; /* a JSON object */
    const PR_Table* tables;       /* in the order the analyzer created them */
} PR_SectionView;

/* The report of SPEC 3.1, borrowed and immutable during `export_report`.
 *   header_json      {"schema_version", "timestamp", "granularity",
 *                     "performance", "bottleneck", "config"} in that order
 *   step_metrics     the core table (no rows when include_step_metrics is off)
 *   sections         analyzer sections in report order
 *   provenance_json  the `provenance` object
 *   diagnostics_json the `diagnostics` array
 *   options_json     the resolved options object (exporters read their own key)
 * Exporters write files only through host->open_output. */
typedef struct PR_ReportView {
    uint32_t                     struct_size;
    uint32_t                     section_count;
    const PR_Host*               host;
    PR_StringView                header_json;
    const PR_Table*              step_metrics;
    const PR_SectionView* const* sections;
    PR_StringView                provenance_json;
    PR_StringView                diagnostics_json;
    PR_StringView                options_json;
} PR_ReportView;

#endif
