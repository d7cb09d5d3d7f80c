/* perfreport C ABI 1.0: the only contract between the host and its plugins.
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
