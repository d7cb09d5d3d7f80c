/* perfreport C ABI 1.1: the only contract between the host and its plugins.
 *
 * Plain C (C11 and C++20 both compile it). Nothing here carries a C++ type,
 * an exception or an allocator across the boundary: strings and arrays are
 * borrowed for the length of one call, and whatever a plugin hands the host
 * (sections, tables, messages, file bytes) is copied by the host at once.
 *
 * Rules of growth: a struct that may grow starts with `uint32_t struct_size`
 * and only gains fields at its end, in a new minor version; readers check
 * PR_HAS_FIELD before touching a field newer than 1.0. Structs marked frozen
 * never change. Every function says which threads may call it.
 *
 * History: 1.0 the first release; 1.1 PR_Host.open_output_path.
 *
 * struct_size, both ways:
 *   - A struct a plugin hands the host (entry, descriptors) is at least its
 *     1.0 layout and at most the layout of the host's ABI. A larger one
 *     cannot come from the minor the plugin declares (the host would have
 *     refused a newer minor), so the host refuses the plugin and names the
 *     struct rather than guess what the extra bytes mean.
 *   - A struct the host hands a plugin (input, host, sink, report) may be
 *     larger than the plugin knows, when the host is newer: the plugin reads
 *     the fields it knows and ignores the rest.
 * sdk/abi/perfreport_abi_1.json records every struct, field and constant
 * with the minor it appeared in.
 *
 * One concept per header, all included here. */
#ifndef PERFREPORT_ABI_H
#define PERFREPORT_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#include "abi/version.h"
#include "abi/status.h"
#include "abi/column.h"
#include "abi/host.h"
#include "abi/input.h"
#include "abi/sink.h"
#include "abi/report.h"
#include "abi/analyzer.h"
#include "abi/exporter.h"
#include "abi/price_source.h"
#include "abi/entry.h"

#ifdef __cplusplus
}
#endif

#endif
