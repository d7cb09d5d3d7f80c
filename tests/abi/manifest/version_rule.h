/* version.h's rule and guard, as a C compiler evaluates them. */
#ifndef PERFREPORT_TESTS_VERSION_RULE_H
#define PERFREPORT_TESTS_VERSION_RULE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* pr_version_is_compatible(host {PR_ABI_VERSION_MAJOR, host_minor}, plugin). */
int perfreport_c_is_compatible(uint16_t host_minor, uint16_t plugin_major, uint16_t plugin_minor);
/* PR_HAS_FIELD(PR_AnalyzerInput, input, options_json) for that struct_size. */
int perfreport_c_has_field_options_json(uint32_t struct_size);

#ifdef __cplusplus
}
#endif

#endif
