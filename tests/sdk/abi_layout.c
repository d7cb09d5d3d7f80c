/* abi.h compiled as C11: it must be plain C, and C must see the layout C++ sees. */
#include "perfreport/abi.h"

#include "abi_layout.h"

size_t perfreport_abi_layout_in_c(size_t* out, size_t capacity)
{
#define PERFREPORT_LAYOUT_ENTRY(expression) (expression),
    const size_t layout[] = {PERFREPORT_ABI_LAYOUT(PERFREPORT_LAYOUT_ENTRY)};
#undef PERFREPORT_LAYOUT_ENTRY
    const size_t count = sizeof layout / sizeof layout[0];
    for (size_t i = 0; i < count && i < capacity; ++i) out[i] = layout[i];
    return count;
}

int perfreport_abi_c_is_compatible(uint16_t host_minor, uint16_t plugin_major, uint16_t plugin_minor)
{
    const PR_Version host = PR_ABI_VERSION_INIT;
    const PR_Version newer_host = {host.major, host_minor};
    const PR_Version plugin = {plugin_major, plugin_minor};
    return pr_version_is_compatible(newer_host, plugin);
}

int perfreport_abi_c_has_field_options_json(uint32_t struct_size)
{
    PR_AnalyzerInput input = {0};
    input.struct_size = struct_size;
    return PR_HAS_FIELD(PR_AnalyzerInput, &input, options_json);
}
