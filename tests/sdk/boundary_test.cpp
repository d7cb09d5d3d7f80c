// Every exception thrown by plugin code becomes a status and a message at the C boundary.
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "fakes/analyzer_call.hpp"
#include "perfreport/sdk.hpp"

namespace perfreport {
namespace {

// An analyzer that throws what `make_exception` returns.
template <auto make_exception>
class Throwing final : public IAnalyzer {
public:
    static constexpr const char* id = "throwing";
    static constexpr const char* version = "0.0.1";
    static constexpr const char* description = "throws";
    void analyze(const AnalyzerInput&, SectionWriter&) const override { throw make_exception(); }
};

using ThrowsFailure = Throwing<[] { return Failure(PR_ERR_MISSING_CONTEXT, "context value /hardware/chip_type is missing"); }>;
using ThrowsStdException = Throwing<[] { return std::runtime_error("boom"); }>;
using ThrowsInt = Throwing<[] { return 42; }>;
using ThrowsFailureWithStatusOk = Throwing<[] { return Failure(PR_OK, "pretends to succeed"); }>;

template <class T>
PR_Status analyze_with(fakes::AnalyzerCall& call)
{
    return call.run(*detail::descriptor_of<T>());
}

TEST(Boundary, FailureGivesItsStatusAndMessage)
{
    fakes::AnalyzerCall call{{}, "{}", "{}"};
    EXPECT_EQ(analyze_with<ThrowsFailure>(call), PR_ERR_MISSING_CONTEXT);
    EXPECT_EQ(call.error_message(), "context value /hardware/chip_type is missing");
}

TEST(Boundary, StdExceptionGivesInternalWithWhat)
{
    fakes::AnalyzerCall call{{}, "{}", "{}"};
    EXPECT_EQ(analyze_with<ThrowsStdException>(call), PR_ERR_INTERNAL);
    EXPECT_EQ(call.error_message(), "boom");
}

TEST(Boundary, AnythingElseGivesInternalUnknownException)
{
    fakes::AnalyzerCall call{{}, "{}", "{}"};
    EXPECT_EQ(analyze_with<ThrowsInt>(call), PR_ERR_INTERNAL);
    EXPECT_EQ(call.error_message(), "unknown exception");
}

TEST(Boundary, FailureWithStatusOkIsNeverSuccess)
{
    fakes::AnalyzerCall call{{}, "{}", "{}"};
    EXPECT_EQ(analyze_with<ThrowsFailureWithStatusOk>(call), PR_ERR_INTERNAL);
    EXPECT_EQ(call.error_message(), "pretends to succeed");
}

class ReadsContext final : public IAnalyzer {
public:
    static constexpr const char* id = "reads_context";
    static constexpr const char* version = "0.0.1";
    static constexpr const char* description = "reads /hardware/compute_tflops";
    void analyze(const AnalyzerInput& input, SectionWriter& out) const override
    {
        out.summary({{"tflops", input.context_value<double>("/hardware/compute_tflops")}});
    }
};

TEST(Boundary, MalformedContextFromTheHostIsInvalidArgument)
{
    fakes::AnalyzerCall call{{}, "[1]", "{}"};
    EXPECT_EQ(analyze_with<ReadsContext>(call), PR_ERR_INVALID_ARGUMENT);
    EXPECT_EQ(call.error_message(), "context_json must be a JSON object");

    fakes::AnalyzerCall unparsable{{}, "{", "{}"};
    EXPECT_EQ(analyze_with<ReadsContext>(unparsable), PR_ERR_INVALID_ARGUMENT);
    EXPECT_TRUE(unparsable.error_message().starts_with("context_json is not JSON")) << unparsable.error_message();
}

TEST(Boundary, MissingContextValueNamesThePointer)
{
    fakes::AnalyzerCall call{{}, R"({"hardware": {}})", "{}"};
    EXPECT_EQ(analyze_with<ReadsContext>(call), PR_ERR_MISSING_CONTEXT);
    EXPECT_EQ(call.error_message(), "context value /hardware/compute_tflops is missing");
}

TEST(Boundary, WrongTypeOfContextValueIsInvalidInput)
{
    fakes::AnalyzerCall call{{}, R"({"hardware": {"compute_tflops": "100"}})", "{}"};
    EXPECT_EQ(analyze_with<ReadsContext>(call), PR_ERR_INVALID_INPUT);
    EXPECT_EQ(call.error_message(), "context value /hardware/compute_tflops must be a number");
}

TEST(Boundary, SuccessHandsTheSummaryOver)
{
    fakes::AnalyzerCall call{{}, R"({"hardware": {"compute_tflops": 100}})", "{}"};
    ASSERT_EQ(analyze_with<ReadsContext>(call), PR_OK) << call.error_message();
    EXPECT_EQ(call.sink.summary, R"({"tflops":100.0})");
}

class FailingExporter final : public IExporter {
public:
    static constexpr const char* id = "failing-exporter";
    static constexpr const char* version = "0.0.1";
    static constexpr const char* description = "fails to write";
    void export_report(const ReportView&) const override { throw Failure(PR_ERR_IO, "disk full"); }
};

TEST(Boundary, ExporterFailureGivesItsStatus)
{
    const std::string empty_object = "{}";
    const std::string empty_array = "[]";
    const PR_Table no_steps{"step_metrics", 0, 0, 0, nullptr};
    fakes::FakeHost host;
    const PR_ReportView report{sizeof(PR_ReportView), 0, host.get(), {empty_object.data(), empty_object.size()},
                               &no_steps, nullptr, {empty_object.data(), empty_object.size()},
                               {empty_array.data(), empty_array.size()}, {empty_object.data(), empty_object.size()}};
    detail::ErrorCapture error;
    const PR_IExporter& exporter = *detail::descriptor_of<FailingExporter>();
    EXPECT_EQ(exporter.export_report(&exporter, &report, error.get()), PR_ERR_IO);
    EXPECT_EQ(error.message(), "disk full");
}

}  // namespace
}  // namespace perfreport
