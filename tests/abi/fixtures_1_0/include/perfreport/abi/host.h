/* perfreport C ABI: the services a host offers to a plugin during a call. */
#ifndef PERFREPORT_ABI_HOST_H
#define PERFREPORT_ABI_HOST_H

#include <stdint.h>

#include "column.h"
#include "status.h"
#include "version.h"

/* An output file being written; opaque, owned by the host. */
typedef struct PR_OutputFile PR_OutputFile;

/* Host services. One table per call: `host_data` identifies the run, so two
 * calls running at once see two tables and never share state. Valid until the
 * call that received it returns. Functions marked [thread-safe] may be called
 * from threads the plugin starts inside the call (e.g. TBB tasks). */
typedef struct PR_Host {
    uint32_t   struct_size;
    PR_Version abi;          /* the ABI the host implements */
    void*      host_data;

    /* A line for the user's log. [thread-safe] */
    void (*log)(const struct PR_Host* host, int32_t level, const char* utf8);

    /* Share of the call's work done so far, 0..1. [thread-safe] */
    void (*progress)(const struct PR_Host* host, double fraction);

    /* Nonzero when the host wants the call to stop early; the plugin then
     * returns PR_ERR_CANCELLED. [thread-safe] */
    int32_t (*is_cancelled)(const struct PR_Host* host);

    /* The raw JSON text of step `step_index`'s `meta` object (for keys the
     * columns do not carry). Offered to analyzers that set
     * PR_ANALYZER_NEEDS_RAW_META; otherwise PR_ERR_UNSUPPORTED. The text stays
     * valid until the call returns. [thread-safe] */
    PR_Status (*step_meta_json)(const struct PR_Host* host, uint64_t step_index,
                                PR_StringView* meta, PR_Error* error);

    /* Output files, offered to exporters (PR_ERR_UNSUPPORTED for analyzers).
     * `open_output` creates `relative_path` (UTF-8, '/'-separated, no "..",
     * not absolute) inside the output directory as a temporary file; nothing
     * appears under the final name until `commit_output` renames it there.
     * A file neither committed nor aborted when the call returns is aborted.
     * After commit or abort the handle is gone. [thread-safe, one thread per
     * file at a time] */
    PR_Status (*open_output)(const struct PR_Host* host, const char* relative_path,
                             PR_OutputFile** file, PR_Error* error);
    PR_Status (*write_output)(const struct PR_Host* host, PR_OutputFile* file,
                              const void* data, uint64_t size, PR_Error* error);
    PR_Status (*commit_output)(const struct PR_Host* host, PR_OutputFile* file,
                               PR_Error* error);
    void (*abort_output)(const struct PR_Host* host, PR_OutputFile* file);
} PR_Host;

#endif
