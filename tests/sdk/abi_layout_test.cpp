// abi.h compiles alone as C++20 and as C11, and both languages agree on its layout.
#include "perfreport/abi.h"  // first: the header must stand on its own

#include <cstddef>
#include <type_traits>
#include <vector>

#include <gtest/gtest.h>

#include "abi_layout.h"

namespace {

static_assert(std::is_standard_layout_v<PR_StepTable> && std::is_trivially_copyable_v<PR_StepTable>);
static_assert(std::is_standard_layout_v<PR_PluginEntry> && std::is_trivially_copyable_v<PR_PluginEntry>);
static_assert(std::is_standard_layout_v<PR_ReportView> && std::is_trivially_copyable_v<PR_ReportView>);

TEST(AbiHeader, CAndCxxSeeTheSameLayout)
{
#define PERFREPORT_LAYOUT_ENTRY(expression) (expression),
    const std::vector<std::size_t> in_cxx{PERFREPORT_ABI_LAYOUT(PERFREPORT_LAYOUT_ENTRY)};
#undef PERFREPORT_LAYOUT_ENTRY
    std::vector<std::size_t> in_c(in_cxx.size());
    ASSERT_EQ(perfreport_abi_layout_in_c(in_c.data(), in_c.size()), in_cxx.size());
    EXPECT_EQ(in_c, in_cxx);
}

TEST(AbiHeader, VersionRuleIsMajorEqualAndMinorNotNewer)
{
    EXPECT_TRUE(perfreport_abi_c_is_compatible(0, PR_ABI_VERSION_MAJOR, 0));
    EXPECT_TRUE(perfreport_abi_c_is_compatible(3, PR_ABI_VERSION_MAJOR, 2));
    EXPECT_FALSE(perfreport_abi_c_is_compatible(1, PR_ABI_VERSION_MAJOR, 2));
    EXPECT_FALSE(perfreport_abi_c_is_compatible(0, PR_ABI_VERSION_MAJOR + 1, 0));
    EXPECT_EQ(pr_version_is_compatible(PR_Version{1, 0}, PR_Version{1, 1}), 0);
}

TEST(AbiHeader, HasFieldGuardsFieldsByStructSize)
{
    EXPECT_TRUE(perfreport_abi_c_has_field_options_json(sizeof(PR_AnalyzerInput)));
    EXPECT_FALSE(perfreport_abi_c_has_field_options_json(offsetof(PR_AnalyzerInput, options_json)));
    PR_AnalyzerInput input{};
    input.struct_size = sizeof(PR_AnalyzerInput);
    EXPECT_TRUE(PR_HAS_FIELD(PR_AnalyzerInput, &input, options_json));
}

}  // namespace
