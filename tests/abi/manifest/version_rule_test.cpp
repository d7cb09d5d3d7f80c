// version.h: same major and plugin minor not newer, and PR_HAS_FIELD, the
// guard of a field appended in a later minor; in C and in C++.
#include "perfreport/abi.h"  // first: the header must stand on its own

#include <gtest/gtest.h>

#include <cstddef>

#include "version_rule.h"

namespace {

TEST(AbiVersionRule, MajorEqualAndMinorNotNewer)
{
    EXPECT_TRUE(perfreport_c_is_compatible(0, PR_ABI_VERSION_MAJOR, 0));
    EXPECT_TRUE(perfreport_c_is_compatible(3, PR_ABI_VERSION_MAJOR, 2));
    EXPECT_TRUE(perfreport_c_is_compatible(3, PR_ABI_VERSION_MAJOR, 3));
    EXPECT_FALSE(perfreport_c_is_compatible(1, PR_ABI_VERSION_MAJOR, 2));
    EXPECT_FALSE(perfreport_c_is_compatible(0, PR_ABI_VERSION_MAJOR + 1, 0));
    EXPECT_EQ(pr_version_is_compatible(PR_Version{1, 0}, PR_Version{1, 1}), 0);
    EXPECT_EQ(pr_version_is_compatible(PR_Version{2, 5}, PR_Version{1, 0}), 0);
}

TEST(AbiVersionRule, HasFieldGuardsFieldsByStructSize)
{
    EXPECT_TRUE(perfreport_c_has_field_options_json(sizeof(PR_AnalyzerInput)));
    EXPECT_FALSE(perfreport_c_has_field_options_json(offsetof(PR_AnalyzerInput, options_json)));
    PR_AnalyzerInput input{};
    input.struct_size = offsetof(PR_AnalyzerInput, options_json) + sizeof(PR_StringView) - 1;
    EXPECT_FALSE(PR_HAS_FIELD(PR_AnalyzerInput, &input, options_json));
    input.struct_size = sizeof(PR_AnalyzerInput);
    EXPECT_TRUE(PR_HAS_FIELD(PR_AnalyzerInput, &input, options_json));
}

}  // namespace
