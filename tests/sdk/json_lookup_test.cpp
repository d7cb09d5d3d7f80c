// require_at: typed reads at a JSON pointer with errors that name it.
#include <cstdint>
#include <string_view>

#include <gtest/gtest.h>

#include "perfreport/sdk/json_lookup.hpp"
#include "perfreport/sdk/json_parse.hpp"

namespace perfreport {
namespace {

const boost::json::value document = parse_json(
    R"({"hardware": {"compute_tflops": 100, "chip_type": "SG2262", "ratio": 0.5},
        "roofline": {"num_points": 100.0, "bad_points": 2.5, "flag": true}})");

template <class T>
T read(std::string_view pointer)
{
    return require_at<T>(document, pointer, "context value", PR_ERR_MISSING_CONTEXT, PR_ERR_INVALID_INPUT);
}

PR_Status status_of_reading_double(std::string_view pointer)
{
    try {
        read<double>(pointer);
    } catch (const Failure& failure) {
        return failure.status();
    }
    return PR_OK;
}

TEST(RequireAt, ReadsEachType)
{
    EXPECT_EQ(read<double>("/hardware/compute_tflops"), 100.0);
    EXPECT_EQ(read<double>("/hardware/ratio"), 0.5);
    EXPECT_EQ(read<std::int64_t>("/roofline/num_points"), 100);
    EXPECT_EQ(read<std::string_view>("/hardware/chip_type"), "SG2262");
    EXPECT_TRUE(read<bool>("/roofline/flag"));
}

TEST(RequireAt, MissingValueGetsTheChosenStatusAndNamesThePointer)
{
    EXPECT_EQ(status_of_reading_double("/hardware/memory_bandwidth_gbps"), PR_ERR_MISSING_CONTEXT);
    EXPECT_EQ(status_of_reading_double("/nowhere/at/all"), PR_ERR_MISSING_CONTEXT);
    try {
        read<double>("/hardware/memory_bandwidth_gbps");
        FAIL();
    } catch (const Failure& failure) {
        EXPECT_STREQ(failure.what(), "context value /hardware/memory_bandwidth_gbps is missing");
    }
}

TEST(RequireAt, WrongTypeIsInvalidInput)
{
    EXPECT_EQ(status_of_reading_double("/hardware/chip_type"), PR_ERR_INVALID_INPUT);
    try {
        read<std::int64_t>("/roofline/bad_points");
        FAIL();
    } catch (const Failure& failure) {
        EXPECT_EQ(failure.status(), PR_ERR_INVALID_INPUT);
        EXPECT_STREQ(failure.what(), "context value /roofline/bad_points must be an integer");
    }
}

}  // namespace
}  // namespace perfreport
