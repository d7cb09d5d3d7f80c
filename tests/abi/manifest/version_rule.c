/* pr_version_is_compatible and PR_HAS_FIELD evaluated by a C compiler: what a
 * plain-C plugin or host gets from version.h. */
#include "perfreport/abi.h"

#include "version_rule.h"

int perfreport_c_is_compatible(uint16_t host_minor, uint16_t plugin_major, uint16_t plugin_minor)
{
    const PR_Version host = PR_ABI_VERSION_INIT;
    const PR_Version newer_host = {host.major, host_minor};
    const PR_Version plugin = {plugin_major, plugin_minor};
    return pr_version_is_compatible(newer_host, plugin);
}

int perfreport_c_has_field_options_json(uint32_t struct_size)
{
    PR_AnalyzerInput input = {0};
    input.struct_size = struct_size;
    return PR_HAS_FIELD(PR_AnalyzerInput, &input, options_json);
}
