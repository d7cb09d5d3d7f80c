/* perfreport C ABI: the read-only input an analyzer sees. */
#ifndef PERFREPORT_ABI_INPUT_H
#define PERFREPORT_ABI_INPUT_H

#include <stdint.h>

#include "column.h"
#include "host.h"

/* Granularity of the producer (SPEC 1.1). */
#define PR_GRANULARITY_CHIP 0
#define PR_GRANULARITY_CORE 1
#define PR_GRANULARITY_LANE 2

/* Codes of the `bottleneck` column (SPEC 1.2 `bottleneck_tag`). */
#define PR_BOTTLENECK_COMPUTE_BOUND 0
#define PR_BOTTLENECK_BW_BOUND      1
#define PR_BOTTLENECK_LATENCY_BOUND 2
#define PR_BOTTLENECK_UNKNOWN       3

/* Codes of the `meta_phase` column (SPEC 1.3 `phase`, case folded). */
#define PR_PHASE_PREFILL 0
#define PR_PHASE_DECODE  1

/* `aggregates` of SPEC 1.4, times in ms. The four bottleneck counts are the
 * input's `bottleneck_summary`, or counted from the steps when it is absent. */
typedef struct PR_Aggregates {
    uint32_t struct_size;
    uint32_t reserved; /* zero */
    double   ttft_ms;
    double   tpot_ms;
    double   tps;
    double   mfu;
    double   mbu;
    int64_t  memory_peak_bytes;
    double   total_time_ms;
    double   total_compute_time_ms;
    double   total_comm_time_ms;
    double   total_wait_time_ms;
    int64_t  total_flops;
    int64_t  total_bytes;
    int64_t  num_steps;
    int64_t  compute_bound_count;
    int64_t  bw_bound_count;
    int64_t  latency_bound_count;
    int64_t  unknown_count;
} PR_Aggregates;

/* `step_metrics` of SPEC 1.2 as columns, one row per step in input order.
 * `t_total` is resolved (an absent or zero value is the sum of the three).
 * Meta columns (SPEC 1.3) are null where the key is absent or null; a column
 * whose key no step carries has `values` NULL. Fields are appended in later
 * minors: check `struct_size` (PR_HAS_FIELD) before reading a newer one. */
typedef struct PR_StepTable {
    uint32_t  struct_size;
    uint32_t  reserved; /* zero */
    uint64_t  count;
    PR_Column op_id;            /* STRING */
    PR_Column t_compute;        /* FLOAT64, ms */
    PR_Column t_comm;           /* FLOAT64, ms */
    PR_Column t_wait;           /* FLOAT64, ms */
    PR_Column t_total;          /* FLOAT64, ms */
    PR_Column bottleneck;       /* INT64, PR_BOTTLENECK_* */
    PR_Column flops;            /* INT64, FLOP */
    PR_Column bytes_read;       /* INT64, B */
    PR_Column bytes_write;      /* INT64, B */
    PR_Column meta_evaluator;   /* STRING */
    PR_Column meta_comm_type;   /* STRING, as written */
    PR_Column meta_path_key;    /* STRING */
    PR_Column meta_chip_ids;    /* INT64_LIST */
    PR_Column meta_comm_bytes;  /* INT64, B */
    PR_Column meta_reason;      /* STRING */
    PR_Column meta_phase;       /* INT64, PR_PHASE_* */
    PR_Column meta_pp_stage;    /* INT64 */
    PR_Column meta_layer_index; /* INT64 */
    PR_Column meta_token_index; /* INT64 */
    PR_Column meta_device_id;   /* STRING */
    PR_Column meta_task_type;   /* STRING */
} PR_StepTable;

/* Everything an analyzer reads; borrowed, immutable, valid during the call.
 *   context_json  the input's `context` object with SPEC 1.6's fallbacks
 *                 applied (e.g. hardware.compute_tflops from trace_meta) and
 *                 `trace_meta` under the key "trace_meta".
 *   options_json  the resolved `options` object of SPEC 1.7: input options,
 *                 then command-line options, with the preset expanded. */
typedef struct PR_AnalyzerInput {
    uint32_t             struct_size;
    int32_t              granularity; /* PR_GRANULARITY_* */
    const PR_Host*       host;
    const PR_Aggregates* aggregates;
    const PR_StepTable*  steps;
    PR_StringView        context_json;
    PR_StringView        options_json;
} PR_AnalyzerInput;

#endif
