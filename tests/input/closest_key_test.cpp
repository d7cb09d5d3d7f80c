// closest_key(): the "did you mean" of W_UNKNOWN_KEY.
#include "input/closest_key.hpp"

#include <gtest/gtest.h>

#include <array>

namespace perfreport {
namespace {

constexpr std::array<std::string_view, 4> known = {"aggregates", "t_compute", "t_comm", "meta"};

TEST(ClosestKey, EditDistanceCountsInsertionsDeletionsAndSubstitutions)
{
    EXPECT_EQ(edit_distance("aggregate", "aggregates"), 1u);
    EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
    EXPECT_EQ(edit_distance("", "abc"), 3u);
    EXPECT_EQ(edit_distance("T_Compute", "t_compute"), 0u);  // case-insensitive
}

TEST(ClosestKey, SuggestsATypo)
{
    EXPECT_EQ(closest_key("aggregate", known), "aggregates");
    EXPECT_EQ(closest_key("tcompute", known), "t_compute");
    EXPECT_EQ(closest_key("mata", known), "meta");
}

TEST(ClosestKey, SuggestsNothingForAnUnrelatedKey)
{
    EXPECT_FALSE(closest_key("producer_version", known).has_value());
    EXPECT_FALSE(closest_key("xyz", known).has_value());
}

}  // namespace
}  // namespace perfreport
