// The trace checker (tests/support/trace_checker.hpp) itself: it accepts a
// well-formed trace and names each broken rule.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "perfreport/sdk/json_parse.hpp"
#include "trace_checker.hpp"

namespace perfreport {
namespace {

// A trace whose events are `events` (JSON texts), after the names of
// process 0 and its thread 0.
test::TraceCheck check_events(const std::vector<std::string>& events)
{
    std::string text = R"({"traceEvents": [
      {"ph": "M", "name": "process_name", "ts": 1, "pid": 0, "tid": 0, "args": {"name": "PP0"}},
      {"ph": "M", "name": "thread_name", "ts": 1, "pid": 0, "tid": 0, "args": {"name": "Compute"}})";
    for (const auto& event : events) text += ",\n" + event;
    text += R"(], "displayTimeUnit": "ms", "otherData": {}})";
    return test::check_trace(parse_json(text));
}

std::string first_problem(const test::TraceCheck& check)
{
    return check.problems.empty() ? "(none)" : check.problems.front();
}

TEST(TraceChecker, AcceptsNestedAndTouchingSlicesPairedFlowsAndCounters)
{
    const test::TraceCheck check = check_events({
        R"({"ph": "X", "name": "a", "ts": 1, "dur": 10, "pid": 0, "tid": 0})",
        R"({"ph": "X", "name": "inner", "ts": 2, "dur": 3, "pid": 0, "tid": 0})",
        R"({"ph": "X", "name": "b", "ts": 11, "dur": 5, "pid": 0, "tid": 0})",
        R"({"ph": "C", "name": "achieved_gflops", "ts": 1, "pid": 0, "tid": 0, "args": {"gflops": 2.5}})",
        R"({"ph": "s", "id": 1, "cat": "dep", "name": "f", "ts": 1, "pid": 0, "tid": 0})",
        R"({"ph": "f", "bp": "e", "id": 1, "cat": "dep", "name": "f", "ts": 11, "pid": 0, "tid": 0})",
        R"({"ph": "i", "s": "g", "name": "now", "ts": 4, "pid": 0, "tid": 0})",
    });
    EXPECT_EQ(check.problems, std::vector<std::string>{});
    EXPECT_EQ(check.complete_events, 3u);
    EXPECT_EQ(check.counter_events, 1u);
    EXPECT_EQ(check.flows, 1u);
    EXPECT_EQ(check.instants, 1u);
    EXPECT_EQ(check.first_ts, 1.0);
    EXPECT_EQ(check.last_end, 16.0);
}

TEST(TraceChecker, OverlappingSlicesOnOneThread)
{
    EXPECT_EQ(first_problem(check_events({R"({"ph": "X", "name": "a", "ts": 1, "dur": 10, "pid": 0, "tid": 0})",
                                          R"({"ph": "X", "name": "b", "ts": 5, "dur": 10, "pid": 0, "tid": 0})"})),
              "traceEvents[3] overlaps traceEvents[2] on pid 0 tid 0");
}

TEST(TraceChecker, IdsMustBeIntegers)
{
    EXPECT_EQ(first_problem(check_events({R"({"ph": "X", "name": "a", "ts": 1, "dur": 1, "pid": "0", "tid": 0})"})),
              "traceEvents[2].pid is missing or not an integer");
    EXPECT_EQ(first_problem(check_events({R"({"ph": "X", "name": "a", "ts": 1, "dur": 1, "pid": 0, "tid": 0.5})"})),
              "traceEvents[2].tid is missing or not an integer");
}

TEST(TraceChecker, EveryEventNeedsATimeAfterZero)
{
    EXPECT_EQ(first_problem(check_events({R"({"ph": "X", "name": "a", "ts": 0, "dur": 1, "pid": 0, "tid": 0})"})),
              "traceEvents[2].ts is 0.000000, not after 0");
    EXPECT_EQ(first_problem(check_events({R"({"ph": "M", "name": "thread_name", "pid": 0, "tid": 1,
                                              "args": {"name": "Network"}})"})),
              "traceEvents[2].ts is missing or not a number");
    EXPECT_EQ(first_problem(check_events({R"({"ph": "X", "name": "a", "ts": null, "dur": 1, "pid": 0, "tid": 0})"})),
              "traceEvents[2].ts is missing or not a number");
}

TEST(TraceChecker, FlowsArePairedAndSitOnSlices)
{
    EXPECT_EQ(first_problem(check_events({R"({"ph": "X", "name": "a", "ts": 1, "dur": 1, "pid": 0, "tid": 0})",
                                          R"({"ph": "s", "id": 7, "ts": 1, "pid": 0, "tid": 0})"})),
              "traceEvents[3]: flow 7 has no f");
    EXPECT_EQ(first_problem(check_events({R"({"ph": "X", "name": "a", "ts": 1, "dur": 1, "pid": 0, "tid": 0})",
                                          R"({"ph": "s", "id": 7, "ts": 1, "pid": 0, "tid": 0})",
                                          R"({"ph": "f", "id": 7, "ts": 5, "pid": 0, "tid": 0})"})),
              "traceEvents[4]: flow end outside every slice of its thread");
}

TEST(TraceChecker, ThreadsWithSlicesAndProcessesWithEventsAreNamed)
{
    EXPECT_EQ(first_problem(check_events({R"({"ph": "X", "name": "a", "ts": 1, "dur": 1, "pid": 0, "tid": 1})"})),
              "thread 0/1 has slices but no thread_name");
    EXPECT_EQ(first_problem(check_events({R"({"ph": "C", "name": "c", "ts": 1, "pid": 3, "tid": 0,
                                              "args": {"v": 1}})"})),
              "process 3 has events but no process_name");
}

TEST(TraceChecker, TheArrayFormAndBadCountersAreRefused)
{
    EXPECT_EQ(first_problem(test::check_trace(parse_json("[]"))), "the trace is not a JSON object (the object form)");
    EXPECT_EQ(first_problem(check_events({R"({"ph": "C", "name": "c", "ts": 1, "pid": 0, "tid": 0, "args": {}})"})),
              "traceEvents[2]: a counter needs args with at least one series");
}

}  // namespace
}  // namespace perfreport
