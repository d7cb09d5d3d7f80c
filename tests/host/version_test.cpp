// The version line and the note for plugins built against an older minor.
#include <gtest/gtest.h>

#include "version.hpp"

namespace perfreport {
namespace {

TEST(Version, LineNamesProgramAndAbi)
{
    EXPECT_EQ(version_line(), std::string("perfreport ") + PERFREPORT_VERSION + " (plugin ABI " +
                                  std::to_string(PR_ABI_VERSION_MAJOR) + "." + std::to_string(PR_ABI_VERSION_MINOR) + ")");
}

TEST(Version, OlderMinorGetsANoteNamingWhatItMisses)
{
    EXPECT_EQ(older_abi_note({1, 0}, {1, 1}),
              "built against plugin ABI 1.0, older than this host's 1.1: it runs, without what ABI 1.1 added");
    EXPECT_EQ(older_abi_note({1, 1}, {1, 4}),
              "built against plugin ABI 1.1, older than this host's 1.4: it runs, without what ABI 1.2 to 1.4 added");
}

TEST(Version, SameMinorOrAnotherMajorGetsNone)
{
    EXPECT_EQ(older_abi_note({1, 2}, {1, 2}), std::nullopt);
    EXPECT_EQ(older_abi_note({1, 3}, {1, 2}), std::nullopt);  // refused by the loader, not old
    EXPECT_EQ(older_abi_note({0, 9}, {1, 2}), std::nullopt);
    EXPECT_EQ(older_abi_note(host_abi), std::nullopt);
}

}  // namespace
}  // namespace perfreport
