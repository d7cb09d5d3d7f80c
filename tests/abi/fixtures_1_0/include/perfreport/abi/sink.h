/* perfreport C ABI: where an analyzer puts its section. */
#ifndef PERFREPORT_ABI_SINK_H
#define PERFREPORT_ABI_SINK_H

#include <stdint.h>

#include "column.h"
#include "status.h"

/* An analyzer's output: one summary (a JSON object) and any number of named
 * tables. The host copies everything before a function returns, so the
 * plugin may free or reuse its buffers at once. Valid during `analyze`.
 * [one thread at a time: calls from parallel tasks must be serialized] */
typedef struct PR_SectionSink {
    uint32_t struct_size;
    uint32_t reserved; /* zero */
    void*    host_data;

    /* The section's summary, a JSON object text. A second call replaces it. */
    PR_Status (*set_summary)(const struct PR_SectionSink* sink, PR_StringView json_object,
                             PR_Error* error);

    /* Rows of table `rows->name`. The first call with a name creates the
     * table (its columns and their order); later calls with the same name
     * append rows and must carry the same columns, so a large table can be
     * handed over in chunks. A name is words of [a-z0-9_] joined by dots; a
     * dotted name places the table inside the summary: "gantt_chart.tasks"
     * is the member "tasks" of the summary's object "gantt_chart" (a large
     * array inside a summary without a JSON text of it). */
    PR_Status (*append_table)(const struct PR_SectionSink* sink, const PR_Table* rows,
                              PR_Error* error);

    /* A diagnostic for the report (SPEC 0): level PR_LEVEL_WARNING or
     * PR_LEVEL_ERROR, a code such as "W_TPS_ZERO", `where` a JSON pointer into
     * the input or "" when none applies. */
    void (*diagnostic)(const struct PR_SectionSink* sink, int32_t level, const char* code,
                       const char* where, const char* message);
} PR_SectionSink;

/* Text handed to the host in pieces (a price source's cost table). The host
 * concatenates and copies. [one thread at a time] */
typedef struct PR_TextSink {
    uint32_t struct_size;
    uint32_t reserved; /* zero */
    void*    host_data;
    PR_Status (*append)(const struct PR_TextSink* sink, const char* utf8, uint64_t size,
                        PR_Error* error);
} PR_TextSink;

#endif
