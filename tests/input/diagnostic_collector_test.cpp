// DiagnosticCollector: input order, and a cap per code (SPEC 1.8).
#include "input/diagnostic_collector.hpp"

#include <gtest/gtest.h>

namespace perfreport {
namespace {

void add(DiagnosticCollector& c, InputPosition at, std::string_view code, std::string message)
{
    c.add(at, code.starts_with('W') ? Severity::warning : Severity::error, code, [] { return std::string("/x"); },
          [&] { return message; });
}

std::vector<std::string> messages(const Diagnostics& diagnostics)
{
    std::vector<std::string> out;
    for (const auto& d : diagnostics) out.push_back(d.message);
    return out;
}

TEST(DiagnosticCollector, SortsFindingsIntoInputOrder)
{
    DiagnosticCollector c(10);
    add(c, {1, 5, 0}, "E_A", "step 5");
    add(c, {2, 0, 3}, "E_B", "context");
    add(c, {1, 2, 9}, "E_A", "step 2, found last");  // e.g. pp_stage, checked at the end
    add(c, {1, 2, 9}, "W_C", "same place, found later");
    EXPECT_EQ(messages(c.take()),
              (std::vector<std::string>{"step 2, found last", "same place, found later", "step 5", "context"}));
}

TEST(DiagnosticCollector, KeepsTheFirstNOfACodeAndCountsTheRest)
{
    DiagnosticCollector c(2);
    for (std::uint64_t step = 0; step < 5; ++step) add(c, {1, step, 0}, "E_T_TOTAL", "step " + std::to_string(step));
    add(c, {1, 9, 0}, "W_X", "other code");
    const Diagnostics out = c.take();
    EXPECT_EQ(messages(out), (std::vector<std::string>{"step 0", "step 1", "... and 3 more E_T_TOTAL", "other code"}));
    EXPECT_EQ(out[2].code, "E_T_TOTAL");
    EXPECT_EQ(out[2].level, Severity::error);
    EXPECT_EQ(out[2].where, "");
    EXPECT_EQ(out[0].source, "input");
}

TEST(DiagnosticCollector, AFindingMadeLateDisplacesALaterOneWhenFull)
{
    DiagnosticCollector c(2);
    add(c, {1, 5, 0}, "E_META", "step 5");
    add(c, {1, 7, 0}, "E_META", "step 7");
    add(c, {1, 1, 0}, "E_META", "step 1");
    EXPECT_EQ(messages(c.take()), (std::vector<std::string>{"step 1", "step 5", "... and 1 more E_META"}));
}

TEST(DiagnosticCollector, BuildsNoStringForADroppedFinding)
{
    DiagnosticCollector c(0);
    bool built = false;
    c.add({}, Severity::error, "E_X", [&] { built = true; return std::string(); },
          [&] { built = true; return std::string(); });
    EXPECT_FALSE(built);
    EXPECT_TRUE(c.has_errors());
    EXPECT_EQ(messages(c.take()), (std::vector<std::string>{"... and 1 more E_X"}));
}

TEST(DiagnosticCollector, WarningsAloneAreNoErrors)
{
    DiagnosticCollector c(5);
    add(c, {}, "W_NO_STEPS", "empty");
    EXPECT_FALSE(c.has_errors());
}

}  // namespace
}  // namespace perfreport
