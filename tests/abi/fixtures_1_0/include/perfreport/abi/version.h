/* perfreport C ABI: version numbers and the compatibility rule. */
#ifndef PERFREPORT_ABI_VERSION_H
#define PERFREPORT_ABI_VERSION_H

#include <stdint.h>

/* The ABI this header describes. A host loads a plugin when the majors are
 * equal and the plugin's minor is not newer than the host's: minors only
 * append fields and functions, majors break. */
#define PR_ABI_VERSION_MAJOR 1
#define PR_ABI_VERSION_MINOR 0

typedef struct PR_Version {
    uint16_t major;
    uint16_t minor;
} PR_Version;

#define PR_ABI_VERSION_INIT { PR_ABI_VERSION_MAJOR, PR_ABI_VERSION_MINOR }

/* Nonzero when a plugin built against `plugin` may be loaded by a host that
 * implements `host`. */
static inline int pr_version_is_compatible(PR_Version host, PR_Version plugin)
{
    return plugin.major == host.major && plugin.minor <= host.minor;
}

/* True when a struct that starts with `struct_size` is long enough to hold
 * `field`: how a reader guards fields appended in a later minor. */
#define PR_HAS_FIELD(type, ptr, field) \
    ((ptr)->struct_size >= offsetof(type, field) + sizeof(((type*)0)->field))

#endif
