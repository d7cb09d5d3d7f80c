// The cost plugin called directly through the C ABI, with a context no host
// merged: what it does with values the host would have refused.
#include <gtest/gtest.h>

#include <string>

#include "fakes/analyzer_call.hpp"
#include "support/example_e1.hpp"
#include "support/plugin_module.hpp"

namespace perfreport {
namespace {

class CostPluginCall : public ::testing::Test {
protected:
    // The error of a call on E1's steps with `context_json`, or "" when it succeeded.
    std::string error_of(const std::string& context_json, const std::string& options_json = "{}") const
    {
        fakes::AnalyzerCall call(testing::e1_steps, context_json, options_json);
        return call.run(module_.analyzer("cost")) == PR_OK ? "" : call.error_message();
    }

private:
    testing::PluginModule module_{PERFREPORT_COST_PLUGIN};
};

TEST_F(CostPluginCall, WronglyTypedOverrideNamesTheKeyAndItsOrigin)
{
    EXPECT_EQ(error_of(R"({"hardware": {"chip_type": "SG2262", "chip_count": 8},
                          "cost": {"depreciation_years": "three"}})"),
              "cost table value depreciation_years (from input context.cost) must be a number");
}

TEST_F(CostPluginCall, UnknownPresetListsTheKnownOnes)
{
    EXPECT_EQ(error_of(R"({"hardware": {"chip_type": "SG2262", "chip_count": 8}, "cost": {"preset": "tier7"},
                          "cost_origins": {"preset": "table t.json"}})"),
              "cost preset \"tier7\" (from table t.json) is unknown; known presets: seed, tier6");
}

TEST_F(CostPluginCall, ZeroChipsIsAnError)
{
    EXPECT_EQ(error_of(R"({"hardware": {"chip_type": "SG2262", "chip_count": 0}})"),
              "context value /hardware/chip_count must be > 0, got 0");
}

TEST_F(CostPluginCall, MissingParameterOfTheOtherUnitIsNamed)
{
    // The seed preset has no unit_gbps: switching it to the bandwidth unit needs one.
    EXPECT_EQ(error_of(R"({"hardware": {"chip_type": "SG2262", "chip_count": 8},
                          "cost": {"interconnect": {"unit": "bandwidth"}}})"),
              "the cost table has no interconnect.unit_gbps (preset seed does not set it: add it to the cost table)");
}

}  // namespace
}  // namespace perfreport
