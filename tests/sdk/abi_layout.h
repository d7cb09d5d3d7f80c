/* The ABI layout facts compared between a C11 and a C++20 compilation of abi.h. */
#ifndef PERFREPORT_TESTS_ABI_LAYOUT_H
#define PERFREPORT_TESTS_ABI_LAYOUT_H

#include <stddef.h>

#include "perfreport/abi.h"

/* X(expression) for every size and offset a plugin and a host must agree on. */
#define PERFREPORT_ABI_LAYOUT(X)                          \
    X(sizeof(PR_Version))                                 \
    X(sizeof(PR_Error))                                   \
    X(sizeof(PR_StringView))                              \
    X(sizeof(PR_Column))                                  \
    X(offsetof(PR_Column, valid))                         \
    X(sizeof(PR_Table))                                   \
    X(offsetof(PR_Table, columns))                        \
    X(sizeof(PR_Host))                                    \
    X(offsetof(PR_Host, abort_output))                    \
    X(offsetof(PR_Host, open_output_path))                \
    X(sizeof(PR_Aggregates))                              \
    X(offsetof(PR_Aggregates, unknown_count))             \
    X(sizeof(PR_StepTable))                               \
    X(offsetof(PR_StepTable, meta_task_type))             \
    X(sizeof(PR_AnalyzerInput))                           \
    X(offsetof(PR_AnalyzerInput, options_json))           \
    X(sizeof(PR_SectionSink))                             \
    X(offsetof(PR_SectionSink, diagnostic))               \
    X(sizeof(PR_TextSink))                                \
    X(sizeof(PR_SectionView))                             \
    X(offsetof(PR_SectionView, tables))                   \
    X(sizeof(PR_ReportView))                              \
    X(offsetof(PR_ReportView, options_json))              \
    X(sizeof(PR_IAnalyzer))                               \
    X(offsetof(PR_IAnalyzer, analyze))                    \
    X(sizeof(PR_IExporter))                               \
    X(offsetof(PR_IExporter, export_report))              \
    X(sizeof(PR_IPriceSource))                            \
    X(offsetof(PR_IPriceSource, cost_table))              \
    X(sizeof(PR_PluginEntry))                             \
    X(offsetof(PR_PluginEntry, price_sources))

#ifdef __cplusplus
extern "C" {
#endif

/* The layout as the C compiler sees it, in PERFREPORT_ABI_LAYOUT order;
 * returns how many entries there are (at most `capacity` are written). */
size_t perfreport_abi_layout_in_c(size_t* out, size_t capacity);

/* pr_version_is_compatible and PR_HAS_FIELD evaluated by the C compiler. */
int perfreport_abi_c_is_compatible(uint16_t host_minor, uint16_t plugin_major, uint16_t plugin_minor);
int perfreport_abi_c_has_field_options_json(uint32_t struct_size);

#ifdef __cplusplus
}
#endif

#endif
