// The cell rules of SPEC 3.3: RFC 4180 quoting, OWASP formula neutralising,
// numbers left alone.
#include <gtest/gtest.h>

#include <limits>
#include <string>

#include <boost/json/parse.hpp>

#include <perfreport/sdk/csv_cell.hpp>

namespace perfreport {
namespace {

std::string text_cell(std::string_view text)
{
    std::string out;
    append_text_cell(out, text);
    return out;
}

std::string value_cell(const boost::json::value& value, double divisor = 1.0)
{
    std::string out;
    append_value_cell(out, value, divisor);
    return out;
}

TEST(CsvCell, PlainTextIsWrittenAsIs)
{
    EXPECT_EQ(text_cell("layers.0.mla_q_a"), "layers.0.mla_q_a");
    EXPECT_EQ(text_cell("ünï"), "ünï");
    EXPECT_EQ(text_cell(""), "");
}

TEST(CsvCell, QuotesFieldsWithCommaQuoteOrLineBreakAndDoublesQuotes)
{
    EXPECT_EQ(text_cell("a,b"), "\"a,b\"");
    EXPECT_EQ(text_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(text_cell("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(text_cell("cr\rhere"), "\"cr\rhere\"");
}

TEST(CsvCell, NeutralisesTextThatASpreadsheetWouldRunAsAFormula)
{
    EXPECT_EQ(text_cell("=SUM(A1)"), "'=SUM(A1)");
    EXPECT_EQ(text_cell("+1"), "'+1");
    EXPECT_EQ(text_cell("-2"), "'-2");
    EXPECT_EQ(text_cell("@cmd"), "'@cmd");
    EXPECT_EQ(text_cell("\tx"), "'\tx");
    EXPECT_EQ(text_cell("\rx"), "\"'\rx\"");
    EXPECT_EQ(text_cell("=HYPERLINK(\"u\",\"v\")"), "\"'=HYPERLINK(\"\"u\"\",\"\"v\"\")\"");
    EXPECT_EQ(text_cell("a=b"), "a=b");
}

TEST(CsvCell, NumbersAreNeverNeutralised)
{
    EXPECT_EQ(value_cell(-1.5), "-1.5");
    EXPECT_EQ(value_cell(-7), "-7");
    EXPECT_EQ(value_cell(boost::json::value(std::uint64_t{18446744073709551615u})), "18446744073709551615");
}

TEST(CsvCell, WritesShortestRoundTripDoublesAndNothingForNullOrNonFinite)
{
    EXPECT_EQ(value_cell(0.1 + 0.2), "0.30000000000000004");
    EXPECT_EQ(value_cell(1024.0), "1024.0");
    EXPECT_EQ(value_cell(nullptr), "");
    EXPECT_EQ(value_cell(std::numeric_limits<double>::quiet_NaN()), "");
    EXPECT_EQ(value_cell(std::numeric_limits<double>::infinity()), "");
}

TEST(CsvCell, DividesNumbersByTheDivisor)
{
    EXPECT_EQ(value_cell(150.00000000000003, 1000.0), "0.15000000000000002");
    EXPECT_EQ(value_cell(50, 1000.0), "0.05");
    EXPECT_EQ(value_cell(50), "50");
}

TEST(CsvCell, WritesBooleansAndNestedValuesAsCompactJson)
{
    EXPECT_EQ(value_cell(true), "true");
    EXPECT_EQ(value_cell(false), "false");
    EXPECT_EQ(value_cell(boost::json::parse(R"({"a": 1, "b": [2.5, "x"]})")), R"("{""a"":1,""b"":[2.5,""x""]}")");
    EXPECT_EQ(value_cell(boost::json::parse("[]")), "[]");
    EXPECT_EQ(value_cell("-x"), "'-x");
}

TEST(CsvCell, HeaderNamesCarryTheirUnitInParentheses)
{
    EXPECT_EQ(header_name("start_time", "ms"), "start_time(ms)");
    EXPECT_EQ(header_name("op_id", ""), "op_id");
}

}  // namespace
}  // namespace perfreport
