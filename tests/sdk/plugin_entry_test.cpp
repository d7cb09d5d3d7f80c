// PERFREPORT_PLUGIN: the entry point and the descriptors it builds.
#include <array>
#include <cstring>
#include <string>

#include <boost/json/object.hpp>
#include <gtest/gtest.h>

#include "fakes/fake_host.hpp"
#include "perfreport/sdk.hpp"

namespace entry_test {

class MinimalAnalyzer final : public perfreport::IAnalyzer {
public:
    static constexpr const char* id = "minimal";
    static constexpr const char* version = "1.2.3";
    static constexpr const char* description = "declares only what is required";
    void analyze(const perfreport::AnalyzerInput&, perfreport::SectionWriter&) const override {}
};

class FullAnalyzer final : public perfreport::IAnalyzer {
public:
    static constexpr const char* id = "full";
    static constexpr const char* version = "2.0.0";
    static constexpr const char* description = "declares every optional member";
    static constexpr std::array required_context{"/hardware/chip_type", "/deployment/tp"};
    static constexpr const char* options_schema = R"({"k": {"type": "integer", "default": 1}})";
    static constexpr bool needs_raw_meta = true;
    void analyze(const perfreport::AnalyzerInput&, perfreport::SectionWriter&) const override {}
};

class TextExporter final : public perfreport::IExporter {
public:
    static constexpr const char* id = "text-out";
    static constexpr const char* version = "0.1.0";
    static constexpr const char* description = "an exporter";
    static constexpr const char* options_schema = R"({"wide": {"type": "boolean", "default": false}})";
    void export_report(const perfreport::ReportView&) const override {}
};

class FixedPrices final : public perfreport::IPriceSource {
public:
    static constexpr const char* id = "fixed-prices";
    static constexpr const char* version = "0.2.0";
    static constexpr const char* description = "one chip price";
    boost::json::object cost_table(const perfreport::HostServices&) const override
    {
        return {{"chip_prices", {{"SG2262", 2371.275}}}, {"source", "test"}};
    }
};

}  // namespace entry_test

PERFREPORT_PLUGIN("sdk-test-plugin", "9.9.9", entry_test::MinimalAnalyzer, entry_test::TextExporter,
                  entry_test::FixedPrices, entry_test::FullAnalyzer)

namespace perfreport {
namespace {

TEST(PluginEntry, DescribesTheLibrary)
{
    const PR_PluginEntry* entry = perfreport_plugin_entry();
    ASSERT_NE(entry, nullptr);
    EXPECT_EQ(entry, perfreport_plugin_entry());
    EXPECT_EQ(entry->struct_size, sizeof(PR_PluginEntry));
    EXPECT_EQ(entry->abi.major, PR_ABI_VERSION_MAJOR);
    EXPECT_EQ(entry->abi.minor, PR_ABI_VERSION_MINOR);
    EXPECT_STREQ(entry->name, "sdk-test-plugin");
    EXPECT_STREQ(entry->version, "9.9.9");
    EXPECT_EQ(entry->reserved, 0u);
}

TEST(PluginEntry, SortsClassesByRoleKeepingTheirOrder)
{
    const PR_PluginEntry* entry = perfreport_plugin_entry();
    ASSERT_EQ(entry->analyzer_count, 2u);
    EXPECT_STREQ(entry->analyzers[0]->id, "minimal");
    EXPECT_STREQ(entry->analyzers[1]->id, "full");
    ASSERT_EQ(entry->exporter_count, 1u);
    EXPECT_STREQ(entry->exporters[0]->id, "text-out");
    ASSERT_EQ(entry->price_source_count, 1u);
    EXPECT_STREQ(entry->price_sources[0]->id, "fixed-prices");
}

TEST(PluginEntry, OptionalMembersAreNullWhenAbsent)
{
    const PR_IAnalyzer& minimal = *perfreport_plugin_entry()->analyzers[0];
    EXPECT_EQ(minimal.struct_size, sizeof(PR_IAnalyzer));
    EXPECT_EQ(minimal.flags, 0u);
    EXPECT_STREQ(minimal.version, "1.2.3");
    EXPECT_STREQ(minimal.description, "declares only what is required");
    EXPECT_EQ(minimal.required_context, nullptr);
    EXPECT_EQ(minimal.options_schema_json, nullptr);
    EXPECT_NE(minimal.analyze, nullptr);
}

TEST(PluginEntry, OptionalMembersReachTheDescriptor)
{
    const PR_IAnalyzer& full = *perfreport_plugin_entry()->analyzers[1];
    EXPECT_EQ(full.flags, PR_ANALYZER_NEEDS_RAW_META);
    ASSERT_NE(full.required_context, nullptr);
    EXPECT_STREQ(full.required_context[0], "/hardware/chip_type");
    EXPECT_STREQ(full.required_context[1], "/deployment/tp");
    EXPECT_EQ(full.required_context[2], nullptr);
    EXPECT_STREQ(full.options_schema_json, R"({"k": {"type": "integer", "default": 1}})");

    const PR_IExporter& exporter = *perfreport_plugin_entry()->exporters[0];
    EXPECT_EQ(exporter.struct_size, sizeof(PR_IExporter));
    EXPECT_STREQ(exporter.options_schema_json, R"({"wide": {"type": "boolean", "default": false}})");
}

TEST(PluginEntry, PriceSourceWritesItsTableThroughTheTextSink)
{
    struct Collected {
        std::string text;
        static PR_Status append(const PR_TextSink* sink, const char* utf8, uint64_t size, PR_Error*)
        {
            static_cast<Collected*>(sink->host_data)->text.append(utf8, size);
            return PR_OK;
        }
    } collected;
    const PR_TextSink sink{sizeof(PR_TextSink), 0, &collected, &Collected::append};
    fakes::FakeHost host;
    detail::ErrorCapture error;
    const PR_IPriceSource& prices = *perfreport_plugin_entry()->price_sources[0];
    ASSERT_EQ(prices.cost_table(&prices, host.get(), &sink, error.get()), PR_OK) << error.message();
    EXPECT_EQ(collected.text, R"({"chip_prices":{"SG2262":2371.275},"source":"test"})");
}

TEST(PluginEntry, IdsAreCheckedAtCompileTime)
{
    static_assert(detail::is_valid_id("roofline", false));
    static_assert(detail::is_valid_id("chrome-trace", true));
    static_assert(!detail::is_valid_id("chrome-trace", false));
    static_assert(!detail::is_valid_id("Roofline", true));
    static_assert(!detail::is_valid_id("", true));
    SUCCEED();
}

}  // namespace
}  // namespace perfreport
