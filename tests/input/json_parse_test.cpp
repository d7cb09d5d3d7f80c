// perfreport/sdk/json_parse.hpp: exact doubles, and errors that say what and where.
#include <perfreport/sdk/json_parse.hpp>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace perfreport {
namespace {

std::string error_of(std::string_view text)
{
    std::string message;
    EXPECT_FALSE(parse_json(text, message).has_value()) << text;
    return message;
}

TEST(ParseJson, ReadsDoublesExactlyWhereBoostIsOneUlpOff)
{
    const double exact = 1.3927926388013963e-143;  // the compiler's correctly rounded literal
    EXPECT_NE(boost::json::parse("1.3927926388013963e-143").as_double(), exact);  // why this helper exists
    EXPECT_EQ(parse_json("1.3927926388013963e-143").as_double(), exact);
    EXPECT_EQ(parse_json("[0.9241302857142857]").as_array()[0].as_double(), 0.9241302857142857);
}

TEST(ParseJson, KeepsIntegersAsIntegers)
{
    const auto value = parse_json(R"({"a": 8, "b": 18446744073709551615, "c": 1e3, "d": -0.0})").as_object();
    EXPECT_EQ(value.at("a").as_int64(), 8);
    EXPECT_EQ(value.at("b").as_uint64(), 18446744073709551615u);
    EXPECT_EQ(value.at("c").as_double(), 1000.0);
    EXPECT_TRUE(std::signbit(value.at("d").as_double()));
}

TEST(ParseJson, RejectsANumberTooLargeForADouble)
{
    EXPECT_EQ(error_of(R"({"x": 1e400})"), "line 1, column 7: the number 1e400 does not fit a double");
    EXPECT_EQ(error_of("[\n-1e400]"), "line 2, column 1: the number -1e400 does not fit a double");
    EXPECT_THROW(parse_json("[1.8e308]"), JsonParseError);
}

TEST(ParseJson, RoundsANumberTooSmallForADoubleToZero)
{
    const double value = parse_json("-1e-400").as_double();
    EXPECT_EQ(value, 0.0);
    EXPECT_TRUE(std::signbit(value));
    EXPECT_EQ(parse_json("4.9e-324").as_double(), 4.9406564584124654e-324);  // the smallest subnormal
}

TEST(ParseJson, NamesPythonsNonStandardTokens)
{
    const std::string why = " is not JSON (Python's json.dump writes it unless allow_nan=False)";
    EXPECT_EQ(error_of(R"({"mfu": NaN})"), "line 1, column 9: NaN" + why);
    EXPECT_EQ(error_of("[1,\n Infinity]"), "line 2, column 2: Infinity" + why);
    EXPECT_EQ(error_of("[1,\n -Infinity]"), "line 2, column 2: -Infinity" + why);
}

TEST(ParseJson, SaysWhereOtherErrorsAre)
{
    EXPECT_EQ(error_of("{} x"), "line 1, column 4: unexpected text after the JSON value");
    EXPECT_EQ(error_of("{\"a\":"), "line 1, column 6: the text ends before the JSON value is complete");
    EXPECT_EQ(error_of("{\"a\" 1}"), "line 1, column 6: syntax error");
}

TEST(ParseJson, ThrowsJsonParseErrorWithTheSameMessage)
{
    try {
        parse_json("[NaN]");
        FAIL() << "no exception";
    } catch (const JsonParseError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "line 1, column 2: NaN is not JSON (Python's json.dump writes it unless allow_nan=False)");
    }
}

TEST(JsonTextAccumulator, JoinsPiecesAndPassesASinglePieceThrough)
{
    JsonTextAccumulator text;
    const std::string_view single = "1.5";
    EXPECT_EQ(text.complete(single).data(), single.data());  // not copied
    text.append("1.39");
    text.append("2792");
    EXPECT_EQ(text.complete("6e-3"), "1.3927926e-3");
    EXPECT_EQ(text.complete("7"), "7");  // the previous value is gone
}

TEST(ExactDouble, ReturnsNulloptOnlyForOverflow)
{
    EXPECT_EQ(exact_double("0.1"), 0.1);
    EXPECT_FALSE(exact_double("1e309").has_value());
    EXPECT_FALSE(exact_double("-123456789e301").has_value());
    EXPECT_EQ(exact_double("0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                           "00000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                           "00000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                           "00000000000000000000000000000000000000000000000000000000000000000000000000001"),
              0.0);
    EXPECT_EQ(exact_double("1e-99999999999"), 0.0);
}

}  // namespace
}  // namespace perfreport
