// The old binary (tests/abi/fixtures_1_0): a plugin compiled against the
// frozen ABI 1.0 headers loads in today's host, and its analyzer, exporter
// and price source each run and give what the 1.0 code computes.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <atomic>

#include "pipeline/cost_context.hpp"
#include "pipeline/reporting_engine.hpp"
#include "plugins/plugin_loader.hpp"
#include "temp_dir.hpp"
#include "test_support.hpp"

namespace perfreport {
namespace {

class OldBinaryTest : public ::testing::Test {
protected:
    OldBinaryTest() : catalog_(test::fixture_catalog({"abi_1_0"})) {}

    ReportingReport analyze()
    {
        AnalysisRequest request;
        request.analyzers = {catalog_.analyzers.find("abi_1_0")};
        request.options = resolve_options({}, {}, option_schemas(catalog_));
        return engine_.analyze(test::e1(), request);
    }

    PluginCatalog catalog_;
    HostLog log_{PR_LEVEL_ERROR};
    std::atomic<bool> cancelled_{false};
    ReportingEngine engine_{log_, cancelled_};
};

TEST_F(OldBinaryTest, LoadsWithEveryPartAtAbi10)
{
    ASSERT_TRUE(catalog_.diagnostics.empty()) << catalog_.diagnostics.front().message;
    ASSERT_EQ(catalog_.libraries.size(), 1u);
    EXPECT_EQ(catalog_.libraries[0]->name, "abi-1-0-fixture");
    EXPECT_EQ(catalog_.libraries[0]->abi.major, 1);
    EXPECT_EQ(catalog_.libraries[0]->abi.minor, 0);
    EXPECT_EQ(catalog_.analyzers.ids(), std::vector<std::string>{"abi_1_0"});
    EXPECT_EQ(catalog_.exporters.ids(), std::vector<std::string>{"abi-1-0"});
    EXPECT_EQ(catalog_.price_sources.ids(), std::vector<std::string>{"abi_1_0"});
}

TEST_F(OldBinaryTest, AnalyzerReadsTheInputTodaysHostHandsIt)
{
    const ReportingReport report = analyze();
    ASSERT_EQ(report.sections.size(), 1u);
    const Section& section = report.sections[0];
    EXPECT_EQ(section.id, "abi_1_0");
    // E1 (SPEC 5.1): four steps, t_total 0.05 + 0.1 + 0.12 + 0.02 ms, ttft 0.15 ms, CHIP.
    EXPECT_EQ(section.summary.at("steps").as_int64(), 4);
    EXPECT_DOUBLE_EQ(section.summary.at("total_ms").to_number<double>(), 0.29);
    EXPECT_DOUBLE_EQ(section.summary.at("ttft_ms").to_number<double>(), 0.15);
    EXPECT_EQ(section.summary.at("granularity").as_int64(), PR_GRANULARITY_CHIP);
    ASSERT_EQ(section.tables.size(), 1u);
    EXPECT_EQ(section.tables[0].name(), "ops");
    EXPECT_EQ(section.tables[0].row_count(), 4u);
    EXPECT_EQ(report.analyzers[0].status, "ok");
}

TEST_F(OldBinaryTest, ExporterWritesThroughTodaysHostServices)
{
    ReportingReport report = analyze();
    const test::TempDir output;
    const auto outcomes = engine_.export_report(report, {catalog_.exporters.find("abi-1-0")}, {}, output.path());
    ASSERT_EQ(outcomes.size(), 1u);
    ASSERT_TRUE(outcomes[0].ok) << outcomes[0].message;
    EXPECT_EQ(outcomes[0].files, std::vector<std::string>{"abi_1_0.txt"});
    const std::string text = test::read_text(output / "abi_1_0.txt");
    ASSERT_TRUE(text.starts_with("abi_1_0\n{\"schema_version\"")) << text;
    EXPECT_TRUE(boost::json::parse(text.substr(text.find('\n') + 1)).is_object());
}

TEST_F(OldBinaryTest, PriceSourceAnswersTodaysHost)
{
    Diagnostics warnings;
    const auto tables = ask_price_sources(catalog_.price_sources, log_, warnings);
    EXPECT_TRUE(warnings.empty());
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].id, "abi_1_0");
    EXPECT_EQ(tables[0].table.at_pointer("/chip_prices/SG2262").to_number<double>(), 3000.0);
    merge_price_sources(tables, warnings);
    EXPECT_TRUE(warnings.empty()) << warnings.front().message;
}

}  // namespace
}  // namespace perfreport
