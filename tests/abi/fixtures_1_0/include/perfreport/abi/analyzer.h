/* perfreport C ABI: an analyzer, which turns the input into one section. */
#ifndef PERFREPORT_ABI_ANALYZER_H
#define PERFREPORT_ABI_ANALYZER_H

#include <stdint.h>

#include "input.h"
#include "sink.h"
#include "status.h"

/* The analyzer reads step meta JSON through host->step_meta_json; the host
 * then keeps the raw meta of every step while the input is parsed. */
#define PR_ANALYZER_NEEDS_RAW_META (1u << 0)

/* Options schema (`options_schema_json`, NULL when the analyzer takes none): a
 * JSON object mapping each key of `options.<id>` to
 *   {"type": "number"|"integer"|"boolean"|"string", "default": v,
 *    "values": [allowed values], "minimum": n, "description": "..."}
 * ("values", "minimum" and "description" are optional.)
 * The host rejects a value of the wrong type (E_TYPE), warns about unknown
 * keys (W_UNKNOWN_KEY), and fills defaults before the call. */

/* An analyzer descriptor: static data owned by the plugin, valid while the
 * library is loaded. Analyzers are stateless functions: `analyze` is
 * reentrant and the host calls it concurrently for different inputs.
 *   id                its section key in the report, [a-z0-9_]+
 *   required_context  NULL-terminated JSON pointers into the context the
 *                     analyzer cannot work without (e.g. "/hardware/chip_type");
 *                     when one is absent the host skips the analyzer with
 *                     W_SKIPPED naming it. NULL when nothing is required. */
typedef struct PR_IAnalyzer {
    uint32_t           struct_size;
    uint32_t           flags; /* PR_ANALYZER_* */
    const char*        id;
    const char*        version;
    const char*        description;
    const char* const* required_context;
    const char*        options_schema_json;

    /* Computes the section from `input` into `sink`. On failure returns a
     * status other than PR_OK and sets `error`; the host then drops whatever
     * the sink received. PR_SKIPPED, with the reason in `error`, is not a
     * failure: the host drops the section, records the analyzer as skipped
     * and adds a W_SKIPPED warning with the reason (unless the analyzer sent
     * its own W_SKIPPED diagnostic, with a JSON pointer, through the sink).
     * [thread-safe, reentrant] */
    PR_Status (*analyze)(const struct PR_IAnalyzer* self, const PR_AnalyzerInput* input,
                         const PR_SectionSink* sink, PR_Error* error);
} PR_IAnalyzer;

#endif
