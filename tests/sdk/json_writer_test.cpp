// JsonWriter: number text, string escaping, layout, streaming.
#include <bit>
#include <charconv>
#include <cstdint>
#include <limits>
#include <string>

#include <boost/json/value.hpp>
#include <gtest/gtest.h>

#include "perfreport/sdk/json_parse.hpp"
#include "perfreport/sdk/json_writer.hpp"

namespace perfreport {
namespace {

std::string number_text(double value)
{
    std::string text;
    append_json_number(text, value);
    return text;
}

std::string string_text(std::string_view value)
{
    std::string text;
    append_json_string(text, value);
    return text;
}

TEST(JsonWriterNumbers, WritesShortestRoundTripDoubles)
{
    EXPECT_EQ(number_text(0.1), "0.1");
    EXPECT_EQ(number_text(1e-7), "1e-07");
    EXPECT_EQ(number_text(150.00000000000003), "150.00000000000003");
    EXPECT_EQ(number_text(1e300), "1e+300");
    EXPECT_EQ(number_text(7142.857142857143), "7142.857142857143");
}

TEST(JsonWriterNumbers, ChoosesPositionalOrExponentLikePythonRepr)
{
    EXPECT_EQ(number_text(100000.0), "100000.0");
    EXPECT_EQ(number_text(0.0001), "0.0001");
    EXPECT_EQ(number_text(0.00001), "1e-05");
    EXPECT_EQ(number_text(1e15), "1000000000000000.0");
    EXPECT_EQ(number_text(1e16), "1e+16");
    EXPECT_EQ(number_text(-2.5e-300), "-2.5e-300");
    EXPECT_EQ(number_text(1.7976931348623157e308), "1.7976931348623157e+308");
}

TEST(JsonWriterNumbers, KeepsIntegralDoublesFloats)
{
    EXPECT_EQ(number_text(1544.0), "1544.0");
    EXPECT_EQ(number_text(0.0), "0.0");
    EXPECT_EQ(number_text(-0.0), "-0.0");
}

TEST(JsonWriterNumbers, WritesNonFiniteAsNull)
{
    EXPECT_EQ(number_text(std::numeric_limits<double>::quiet_NaN()), "null");
    EXPECT_EQ(number_text(std::numeric_limits<double>::infinity()), "null");
    EXPECT_EQ(number_text(-std::numeric_limits<double>::infinity()), "null");
}

TEST(JsonWriterNumbers, WritesIntegersExactly)
{
    JsonWriter json;
    json.begin_array();
    json.number(std::numeric_limits<std::int64_t>::min());
    json.number(std::numeric_limits<std::int64_t>::max());
    json.number(std::numeric_limits<std::uint64_t>::max());
    json.number(0);
    json.end_array();
    EXPECT_EQ(json.buffer(), "[-9223372036854775808,9223372036854775807,18446744073709551615,0]");
}

TEST(JsonWriterNumbers, EveryWrittenDoubleReadsBackBitForBit)
{
    for (const double value : {0.1, 1e-7, 1544.0, 150.00000000000003, -0.0, 1e300, 5e-324, 1.7976931348623157e308,
                               0.011233240329780276, 833.3333333333334}) {
        const std::string text = number_text(value);
        double parsed = 0;
        ASSERT_EQ(std::from_chars(text.data(), text.data() + text.size(), parsed).ec, std::errc{}) << text;
        EXPECT_EQ(std::bit_cast<std::uint64_t>(parsed), std::bit_cast<std::uint64_t>(value)) << text;
    }
}

TEST(JsonWriterStrings, EscapesQuotesBackslashesAndControlCharacters)
{
    EXPECT_EQ(string_text("say \"hi\"\\"), R"("say \"hi\"\\")");
    EXPECT_EQ(string_text("a\nb\tc\rd\be\ff"), R"("a\nb\tc\rd\be\ff")");
    EXPECT_EQ(string_text(std::string_view{"\x01\x1f\0", 3}), R"("\u0001\u001f\u0000")");
}

TEST(JsonWriterStrings, KeepsNonAsciiAsIs)
{
    EXPECT_EQ(string_text("µs → 時間"), "\"µs → 時間\"");
    EXPECT_EQ(string_text("\x7f"), "\"\x7f\"");
}

TEST(JsonWriterLayout, CompactHasNoWhitespace)
{
    JsonWriter json;
    json.begin_object();
    json.key("a");
    json.number(1);
    json.key("b");
    json.begin_array();
    json.boolean(true);
    json.null();
    json.string("x");
    json.end_array();
    json.key("c");
    json.begin_object();
    json.end_object();
    json.end_object();
    EXPECT_EQ(json.buffer(), R"({"a":1,"b":[true,null,"x"],"c":{}})");
}

TEST(JsonWriterLayout, PrettyIndentsByTwoSpaces)
{
    JsonWriter json{JsonWriter::Style::pretty};
    json.begin_object();
    json.key("a");
    json.number(1.5);
    json.key("b");
    json.begin_array();
    json.number(1);
    json.begin_object();
    json.key("c");
    json.null();
    json.end_object();
    json.end_array();
    json.key("empty");
    json.begin_array();
    json.end_array();
    json.end_object();
    EXPECT_EQ(json.buffer(), "{\n"
                             "  \"a\": 1.5,\n"
                             "  \"b\": [\n"
                             "    1,\n"
                             "    {\n"
                             "      \"c\": null\n"
                             "    }\n"
                             "  ],\n"
                             "  \"empty\": []\n"
                             "}");
}

TEST(JsonWriterLayout, WritesParsedValuesWithTheSameNumberRules)
{
    const boost::json::value value = parse_json(R"({"mb": 1024.0, "n": 4, "x": [0.1, -1e-7], "s": "q\"", "t": true})");
    JsonWriter json;
    json.json(value);
    EXPECT_EQ(json.buffer(), R"({"mb":1024.0,"n":4,"x":[0.1,-1e-07],"s":"q\"","t":true})");
}

TEST(JsonWriterLayout, StreamsWhenTheCallerDrainsTheBuffer)
{
    JsonWriter json{JsonWriter::Style::pretty};
    std::string file;
    json.begin_array();
    for (int i = 0; i < 3; ++i) {
        json.number(i);
        file += json.buffer();
        json.buffer().clear();
    }
    json.end_array();
    file += json.buffer();
    EXPECT_EQ(file, "[\n  0,\n  1,\n  2\n]");
}

TEST(JsonWriterLayout, RejectsMisuse)
{
    JsonWriter in_array;
    in_array.begin_array();
    EXPECT_THROW(in_array.key("k"), std::logic_error);
    EXPECT_THROW(in_array.end_object(), std::logic_error);

    JsonWriter in_object;
    in_object.begin_object();
    EXPECT_THROW(in_object.number(1), std::logic_error);
    in_object.key("k");
    EXPECT_THROW(in_object.end_object(), std::logic_error);
}

}  // namespace
}  // namespace perfreport
