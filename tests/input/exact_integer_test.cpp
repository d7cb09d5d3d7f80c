// exact_integer(): SPEC 0 accepts a fraction or exponent for an integer key only if the value is integral.
#include "input/exact_integer.hpp"

#include <gtest/gtest.h>

namespace perfreport {
namespace {

ExactInteger real(std::string_view text) { return exact_integer({JsonNumber::Kind::real, 0, 0, text}); }

TEST(ExactInteger, AcceptsIntegralFractionsAndExponents)
{
    EXPECT_EQ(real("1e3").value, 1000);
    EXPECT_EQ(real("2000000000.0").value, 2000000000);
    EXPECT_EQ(real("1.5e1").value, 15);
    EXPECT_EQ(real("-25E-1").status, ExactInteger::Status::fractional);
    EXPECT_EQ(real("-2.50E1").value, -25);
    EXPECT_EQ(real("0.0e999999999999").value, 0);
    EXPECT_EQ(real("9223372036854775807.0").value, 9223372036854775807);
    EXPECT_EQ(real("9007199254740993.0").value, 9007199254740993);  // a double would say ...992
}

TEST(ExactInteger, RejectsFractions)
{
    EXPECT_EQ(real("1.5").status, ExactInteger::Status::fractional);
    EXPECT_EQ(real("1.0000000000000000001").status, ExactInteger::Status::fractional);  // a double would say 1
    EXPECT_EQ(real("1e-1").status, ExactInteger::Status::fractional);
}

TEST(ExactInteger, RejectsMagnitudesFrom2To63)
{
    EXPECT_EQ(real("9223372036854775808.0").status, ExactInteger::Status::too_large);
    EXPECT_EQ(real("1e19").status, ExactInteger::Status::too_large);
    EXPECT_EQ(real("1e400").status, ExactInteger::Status::too_large);
    EXPECT_EQ(exact_integer({JsonNumber::Kind::uint64, 0, 9223372036854775808u, "9223372036854775808"}).status,
              ExactInteger::Status::too_large);
}

TEST(ExactInteger, PassesInt64Through)
{
    EXPECT_EQ(exact_integer({JsonNumber::Kind::int64, -7, 0, "-7"}).value, -7);
}

}  // namespace
}  // namespace perfreport
