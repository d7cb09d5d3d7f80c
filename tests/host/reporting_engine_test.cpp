// The engine: analyzers in parallel, merged in a fixed order; a failing or
// skipped analyzer leaves the rest of the report intact.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <unistd.h>

#include "pipeline/reporting_engine.hpp"
#include "test_support.hpp"

namespace perfreport {
namespace {
namespace fs = std::filesystem;

class ReportingEngineTest : public ::testing::Test {
protected:
    ReportingReport run(const PluginCatalog& catalog, EngineResult input)
    {
        AnalysisRequest request;
        for (const auto& analyzer : catalog.analyzers.all()) request.analyzers.push_back(&analyzer);
        request.options = resolve_options({}, {}, {});
        return engine_.analyze(input, request);
    }

    HostLog log_{PR_LEVEL_ERROR};
    std::atomic<bool> cancelled_{false};
    ReportingEngine engine_{log_, cancelled_};
};

TEST_F(ReportingEngineTest, SectionOfAPlainCAnalyzerArrivesWhole)
{
    const PluginCatalog catalog = test::fixture_catalog({"good"});
    const ReportingReport report = run(catalog, test::e1());
    ASSERT_EQ(report.sections.size(), 1u);
    const Section& section = report.sections[0];
    EXPECT_EQ(section.id, "fixture");
    EXPECT_EQ(section.summary.at("steps").as_int64(), 4);
    EXPECT_EQ(section.summary.at("first_op").as_string(), "layers.0.mla_q_a");
    ASSERT_EQ(section.tables.size(), 1u);
    EXPECT_EQ(section.tables[0].name(), "ops");
    EXPECT_EQ(section.tables[0].row_count(), 4u);
    ASSERT_EQ(report.analyzers.size(), 1u);
    EXPECT_EQ(report.analyzers[0].status, "ok");
    EXPECT_EQ(report.analyzers[0].version, "1.2.3");
    EXPECT_FALSE(report_has_failures(report));
}

TEST_F(ReportingEngineTest, FailingAnalyzerLeavesTheOtherSections)
{
    const PluginCatalog catalog = test::fixture_catalog({"good", "failing"});
    const ReportingReport report = run(catalog, test::e1());
    ASSERT_EQ(report.sections.size(), 1u);
    EXPECT_EQ(report.sections[0].id, "fixture");
    ASSERT_EQ(report.analyzers.size(), 2u);
    EXPECT_EQ(report.analyzers[0].id, "failing");
    EXPECT_EQ(report.analyzers[0].status, "error");
    EXPECT_TRUE(report_has_failures(report));
    ASSERT_FALSE(report.diagnostics.empty());
    const Diagnostic& d = report.diagnostics.back();
    EXPECT_EQ(d.code, "E_ANALYZER");
    EXPECT_EQ(d.source, "failing");
    EXPECT_EQ(d.message, "failing failed: fixture failure on purpose");
}

TEST_F(ReportingEngineTest, AnalyzerWithMissingContextIsSkippedWithAWarning)
{
    const PluginCatalog catalog = test::fixture_catalog({"good", "needs_context"});
    EngineResult input = test::e1();
    input.context.at("hardware").as_object().erase("chip_type");
    const ReportingReport report = run(catalog, std::move(input));
    ASSERT_EQ(report.sections.size(), 1u);
    EXPECT_EQ(report.analyzers[1].id, "needs_context");
    EXPECT_EQ(report.analyzers[1].status, "skipped");
    const Diagnostic& d = report.diagnostics.back();
    EXPECT_EQ(d.code, "W_SKIPPED");
    EXPECT_EQ(d.level, Severity::warning);
    EXPECT_EQ(d.where, "/context/hardware/chip_type");
    EXPECT_EQ(d.message, "needs_context skipped: the context has no /hardware/chip_type");
    EXPECT_FALSE(report_has_failures(report));
}

TEST_F(ReportingEngineTest, AnalyzerThatSkipsItselfIsNotAFailure)
{
    const PluginCatalog catalog = test::fixture_catalog({"good", "skipping"});
    const ReportingReport report = run(catalog, test::e1());
    ASSERT_EQ(report.sections.size(), 1u);
    EXPECT_EQ(report.analyzers[1].id, "skipping");
    EXPECT_EQ(report.analyzers[1].status, "skipped");
    const Diagnostic& d = report.diagnostics.back();
    EXPECT_EQ(d.code, "W_SKIPPED");
    EXPECT_EQ(d.message, "skipping skipped: nothing to say for this input");
    EXPECT_FALSE(report_has_failures(report));
}

TEST_F(ReportingEngineTest, ContextKeyPresentRunsTheAnalyzer)
{
    const PluginCatalog catalog = test::fixture_catalog({"needs_context"});
    const ReportingReport report = run(catalog, test::e1());
    ASSERT_EQ(report.sections.size(), 1u);
    EXPECT_EQ(report.analyzers[0].status, "ok");
}

TEST(ReportOrder, KnownSectionsFirstThenTheRestById)
{
    std::vector<AnalyzerInfo> infos(5);
    const char* ids[] = {"zeta", "traffic", "alpha", "cost", "roofline"};
    std::vector<const AnalyzerInfo*> pointers;
    for (std::size_t i = 0; i < 5; ++i) {
        infos[i].id = ids[i];
        pointers.push_back(&infos[i]);
    }
    std::vector<std::string> order;
    for (const auto* info : in_report_order(pointers)) order.push_back(info->id);
    EXPECT_EQ(order, (std::vector<std::string>{"cost", "roofline", "traffic", "alpha", "zeta"}));
}

TEST_F(ReportingEngineTest, ExporterWritesThroughTheHostAndRecordsItsFiles)
{
    const PluginCatalog catalog = test::fixture_catalog({"good", "failing"});
    ReportingReport report = run(catalog, test::e1());
    const fs::path out = fs::temp_directory_path() / ("perfreport-engine-" + std::to_string(::getpid()));
    fs::remove_all(out);
    const std::vector<const ExporterInfo*> exporters = {catalog.exporters.find("fixture-out"),
                                                        catalog.exporters.find("failing-out")};
    const auto outcomes = engine_.export_report(report, exporters, {}, out);
    ASSERT_EQ(outcomes.size(), 2u);
    EXPECT_TRUE(outcomes[0].ok);
    EXPECT_EQ(outcomes[0].files, (std::vector<std::string>{"fixture.txt"}));
    const auto header = boost::json::parse(test::read_text(out / "fixture.txt")).as_object();
    EXPECT_EQ(header.at("schema_version").as_string(), "1.1.0");
    EXPECT_EQ(header.at("granularity").as_string(), "CHIP");
    EXPECT_TRUE(outcomes[1].ok);
    EXPECT_TRUE(fs::exists(out / "failing.txt"));
    ASSERT_EQ(report.exporters.size(), 2u);
    EXPECT_EQ(report.exporters[1].id, "failing-out");
    fs::remove_all(out);
}

}  // namespace
}  // namespace perfreport
