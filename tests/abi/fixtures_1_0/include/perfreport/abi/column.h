/* perfreport C ABI: columns and tables, the shape of all bulk data. */
#ifndef PERFREPORT_ABI_COLUMN_H
#define PERFREPORT_ABI_COLUMN_H

#include <stdint.h>

/* A UTF-8 string that is not necessarily NUL-terminated. */
typedef struct PR_StringView {
    const char* data;
    uint64_t    size;
} PR_StringView;

/* Column types. The layout of `values` and `offsets` for each:
 *   INT64       values: int64_t[length]
 *   FLOAT64     values: double[length]
 *   BOOL        values: uint8_t[length], 0 or 1
 *   STRING      values: char bytes; row i is values[offsets[i] .. offsets[i+1])
 *   JSON        as STRING, each row one JSON text (nested values: breakdowns)
 *   INT64_LIST  values: int64_t; row i is values[offsets[i] .. offsets[i+1])
 * `offsets` has length+1 entries and is NULL for the fixed-width types. */
#define PR_COLUMN_INT64      1
#define PR_COLUMN_FLOAT64    2
#define PR_COLUMN_BOOL       3
#define PR_COLUMN_STRING     4
#define PR_COLUMN_JSON       5
#define PR_COLUMN_INT64_LIST 6

/* Column flags. PR_COLUMN_OMIT_NULL: a null cell is left out of its row
 * (JSON rows without the key) rather than written as null, for tables whose
 * rows are records of several shapes. */
#define PR_COLUMN_OMIT_NULL 1u

/* One typed column. Frozen: this struct never grows (it is embedded in arrays
 * and in other structs), new needs get new structs.
 *   flags   PR_COLUMN_* flags, 0 for none.
 *   valid   NULL when every row has a value, else uint8_t[length], 0 = null.
 *   values  NULL means every row is null (a key absent from the whole input).
 *   unit    "" when the column has none; otherwise one of SPEC's units
 *           ("ms", "us", "B", "FLOP", "GFLOPS", "FLOP/B", "GB/s", "ratio", ...). */
typedef struct PR_Column {
    const char*     name;
    const char*     unit;
    int32_t         type;
    uint32_t        flags;
    uint64_t        length;
    const void*     values;
    const uint64_t* offsets;
    const uint8_t*  valid;
} PR_Column;

/* A named set of equally long columns. Frozen, like PR_Column. */
typedef struct PR_Table {
    const char*      name;
    uint64_t         row_count;
    uint32_t         column_count;
    uint32_t         reserved; /* zero */
    const PR_Column* columns;
} PR_Table;

#endif
