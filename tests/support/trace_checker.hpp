// Our own checker for the Chrome traces perfreport writes (SPEC 3.4 and the
// rules viewers hold them to, docs/ANCHORS.md B.2-B.4). Viewers are lenient
// (DevTools accepts string ids and overlapping slices without a word), so
// the rules are checked here, on every trace the test suite exports:
//
//   - the object form: {"traceEvents": [...], "displayTimeUnit", "otherData": {...}}
//   - every event has a known ph, integer pid and tid, and a numeric ts > 0:
//     metadata events included (speedscope wants ts on every event; perfreport
//     puts them at the timeline's origin), so nothing sits at time 0
//   - no NaN or infinity: every number finite, no null where a number belongs
//   - X events have a name and a dur >= 0, and on one (pid, tid) any two are
//     nested or disjoint
//   - every s flow event has exactly one f with its id, each inside a slice
//     of its own thread, the f not before the s
//   - counters carry numeric series; instants have a scope
//   - every process with events is named, and so is every thread with slices
//
// Times are compared with SPEC 0's tolerance for trace times,
// 1e-9 · max(1, latest end): ts and dur are written separately, so ts + dur
// may miss the next ts by an ulp.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

namespace perfreport::test {

struct TraceCheck {
    std::vector<std::string> problems;  // empty when the trace keeps every rule
    std::size_t complete_events = 0;    // X
    std::size_t counter_events = 0;     // C
    std::size_t flows = 0;              // paired s/f
    std::size_t instants = 0;           // i
    double first_ts = 0;                // earliest ts of a timed event
    double last_end = 0;                // latest ts + dur
};

namespace detail {

using Thread = std::pair<std::int64_t, std::int64_t>;  // (pid, tid)

struct Slice {
    double start;
    double end;
    std::size_t event;
};

struct FlowEnd {
    double ts;
    Thread thread;
    std::size_t event;
};

class TraceChecker {
public:
    TraceCheck check(const boost::json::value& trace)
    {
        const boost::json::object* root = trace.if_object();
        if (root == nullptr) return fail("the trace is not a JSON object (the object form)");
        const boost::json::value* events = root->if_contains("traceEvents");
        if (events == nullptr || !events->is_array()) return fail("traceEvents is missing or not an array");
        const boost::json::value* unit = root->if_contains("displayTimeUnit");
        if (unit == nullptr || !unit->is_string()) problem("displayTimeUnit is missing or not a string");
        const boost::json::value* other = root->if_contains("otherData");
        if (other == nullptr || !other->is_object()) problem("otherData is missing or not an object");

        const boost::json::array& list = events->get_array();
        for (std::size_t i = 0; i < list.size(); ++i) event(i, list[i]);
        check_nesting();
        check_flows();
        check_names();
        result_.first_ts = timed_ ? first_ts_ : 0.0;
        result_.last_end = timed_ ? last_end_ : 0.0;
        return std::move(result_);
    }

private:
    TraceCheck fail(const std::string& message)
    {
        problem(message);
        return std::move(result_);
    }

    void problem(const std::string& message)
    {
        if (result_.problems.size() < 20) result_.problems.push_back(message);
    }

    static std::string at(std::size_t i) { return "traceEvents[" + std::to_string(i) + "]"; }

    // A finite JSON number, else a problem naming the member.
    std::optional<double> number(const boost::json::object& e, const char* key, std::size_t i)
    {
        const boost::json::value* value = e.if_contains(key);
        if (value == nullptr || !value->is_number()) {
            problem(at(i) + "." + key + " is missing or not a number");
            return std::nullopt;
        }
        const double number = value->to_number<double>();
        if (!std::isfinite(number)) problem(at(i) + "." + key + " is not finite");
        return number;
    }

    std::optional<std::int64_t> integer(const boost::json::object& e, const char* key, std::size_t i)
    {
        const boost::json::value* value = e.if_contains(key);
        if (value == nullptr || !(value->is_int64() || value->is_uint64())) {
            problem(at(i) + "." + key + " is missing or not an integer");
            return std::nullopt;
        }
        return value->to_number<std::int64_t>();
    }

    // Every number anywhere in the event is finite (the parser refuses NaN
    // text, so this guards a DOM built another way).
    void all_finite(const boost::json::value& value, std::size_t i)
    {
        if (value.is_double() && !std::isfinite(value.get_double())) problem(at(i) + " holds a non-finite number");
        if (value.is_array()) {
            for (const auto& item : value.get_array()) all_finite(item, i);
        }
        if (value.is_object()) {
            for (const auto& member : value.get_object()) all_finite(member.value(), i);
        }
    }

    void event(std::size_t i, const boost::json::value& value)
    {
        const boost::json::object* e = value.if_object();
        if (e == nullptr) return problem(at(i) + " is not an object");
        all_finite(value, i);
        const boost::json::value* ph_value = e->if_contains("ph");
        if (ph_value == nullptr || !ph_value->is_string()) return problem(at(i) + ".ph is missing");
        const std::string ph{ph_value->get_string()};
        const auto pid = integer(*e, "pid", i);
        const auto tid = integer(*e, "tid", i);
        const auto ts = number(*e, "ts", i);
        if (!pid || !tid || !ts) return;
        if (!(*ts > 0)) problem(at(i) + ".ts is " + std::to_string(*ts) + ", not after 0");
        const Thread thread{*pid, *tid};
        if (ph == "M") return metadata(i, *e, thread);
        note_time(*ts, *ts);
        used_pids_.insert(*pid);
        if (ph == "X") return complete(i, *e, thread, *ts);
        if (ph == "C") return counter(i, *e);
        if (ph == "i") {
            const boost::json::value* scope = e->if_contains("s");
            const bool scoped = scope != nullptr && scope->is_string() &&
                                (scope->get_string() == "g" || scope->get_string() == "p" || scope->get_string() == "t");
            if (!scoped) problem(at(i) + ".s must be g, p or t");
            ++result_.instants;
            return;
        }
        if (ph == "s" || ph == "f") return flow_end(i, *e, ph, thread, *ts);
        problem(at(i) + ".ph " + ph + " is not one perfreport writes");
    }

    void note_time(double start, double end)
    {
        first_ts_ = timed_ ? std::min(first_ts_, start) : start;
        last_end_ = timed_ ? std::max(last_end_, end) : end;
        timed_ = true;
    }

    void metadata(std::size_t i, const boost::json::object& e, const Thread& thread)
    {
        const boost::json::value* name = e.if_contains("name");
        const boost::json::value* args = e.if_contains("args");
        if (name == nullptr || !name->is_string() || args == nullptr || !args->is_object()) {
            return problem(at(i) + ": a metadata event needs a name and args");
        }
        const std::string kind{name->get_string()};
        const boost::json::object& a = args->get_object();
        if (kind == "process_name" || kind == "thread_name") {
            const boost::json::value* text = a.if_contains("name");
            if (text == nullptr || !text->is_string() || text->get_string().empty()) {
                return problem(at(i) + ": " + kind + " without args.name");
            }
            if (kind == "process_name") {
                named_pids_.insert(thread.first);
            } else {
                named_threads_.insert(thread);
            }
        } else if (kind == "process_sort_index" || kind == "thread_sort_index") {
            const boost::json::value* index = a.if_contains("sort_index");
            if (index == nullptr || !index->is_int64()) problem(at(i) + ": " + kind + " without integer args.sort_index");
        } else {
            problem(at(i) + ": metadata " + kind + " is none of the four viewers read");
        }
    }

    void complete(std::size_t i, const boost::json::object& e, const Thread& thread, double ts)
    {
        const boost::json::value* name = e.if_contains("name");
        if (name == nullptr || !name->is_string()) problem(at(i) + ": an X event needs a name");
        const auto dur = number(e, "dur", i);
        if (!dur) return;
        if (*dur < 0) problem(at(i) + ".dur is negative");
        slices_[thread].push_back({ts, ts + *dur, i});
        note_time(ts, ts + *dur);
        ++result_.complete_events;
    }

    void counter(std::size_t i, const boost::json::object& e)
    {
        const boost::json::value* args = e.if_contains("args");
        if (args == nullptr || !args->is_object() || args->get_object().empty()) {
            return problem(at(i) + ": a counter needs args with at least one series");
        }
        for (const auto& series : args->get_object()) {
            if (!series.value().is_number()) problem(at(i) + ".args." + std::string{series.key()} + " is not a number");
        }
        ++result_.counter_events;
    }

    void flow_end(std::size_t i, const boost::json::object& e, const std::string& ph, const Thread& thread, double ts)
    {
        const auto id = integer(e, "id", i);
        if (!id) return;
        auto& ends = ph == "s" ? flow_starts_ : flow_finishes_;
        if (!ends.emplace(*id, FlowEnd{ts, thread, i}).second) problem(at(i) + ": a second " + ph + " for flow " + std::to_string(*id));
    }

    double tolerance() const { return 1e-9 * std::max(1.0, std::abs(last_end_)); }

    // Per thread, by start and longest first: a slice must end inside every
    // slice still open when it starts.
    void check_nesting()
    {
        const double tol = tolerance();
        for (auto& [thread, slices] : slices_) {
            std::sort(slices.begin(), slices.end(), [](const Slice& a, const Slice& b) {
                return a.start != b.start ? a.start < b.start : a.end > b.end;
            });
            std::vector<const Slice*> open;
            for (const Slice& slice : slices) {
                while (!open.empty() && open.back()->end <= slice.start + tol) open.pop_back();
                if (!open.empty() && slice.end > open.back()->end + tol) {
                    problem(at(slice.event) + " overlaps " + at(open.back()->event) + " on pid " +
                            std::to_string(thread.first) + " tid " + std::to_string(thread.second));
                }
                open.push_back(&slice);
            }
        }
    }

    // Whether a slice of `thread` holds time `ts` (slices sorted by start):
    // the latest to start by then, or one of the slices it nests in.
    bool inside_slice(const Thread& thread, double ts) const
    {
        const auto found = slices_.find(thread);
        if (found == slices_.end()) return false;
        const double tol = tolerance();
        const auto& slices = found->second;
        auto candidate = std::upper_bound(slices.begin(), slices.end(), ts + tol,
                                          [](double time, const Slice& slice) { return time < slice.start; });
        while (candidate != slices.begin()) {
            --candidate;
            if (candidate->end + tol >= ts) return true;
        }
        return false;
    }

    void check_flows()
    {
        for (const auto& [id, start] : flow_starts_) {
            const auto finish = flow_finishes_.find(id);
            if (finish == flow_finishes_.end()) {
                problem(at(start.event) + ": flow " + std::to_string(id) + " has no f");
                continue;
            }
            if (finish->second.ts + tolerance() < start.ts) problem(at(finish->second.event) + ": flow ends before it starts");
            if (!inside_slice(start.thread, start.ts)) problem(at(start.event) + ": flow start outside every slice of its thread");
            if (!inside_slice(finish->second.thread, finish->second.ts)) {
                problem(at(finish->second.event) + ": flow end outside every slice of its thread");
            }
            ++result_.flows;
        }
        for (const auto& [id, finish] : flow_finishes_) {
            if (!flow_starts_.contains(id)) problem(at(finish.event) + ": flow " + std::to_string(id) + " has no s");
        }
    }

    void check_names()
    {
        for (const std::int64_t pid : used_pids_) {
            if (!named_pids_.contains(pid)) problem("process " + std::to_string(pid) + " has events but no process_name");
        }
        for (const auto& [thread, slices] : slices_) {
            if (!named_threads_.contains(thread)) {
                problem("thread " + std::to_string(thread.first) + "/" + std::to_string(thread.second) +
                        " has slices but no thread_name");
            }
        }
    }

    TraceCheck result_;
    std::map<Thread, std::vector<Slice>> slices_;
    std::map<std::int64_t, FlowEnd> flow_starts_;
    std::map<std::int64_t, FlowEnd> flow_finishes_;
    std::set<std::int64_t> used_pids_;
    std::set<std::int64_t> named_pids_;
    std::set<Thread> named_threads_;
    bool timed_ = false;
    double first_ts_ = 0;
    double last_end_ = 0;
};

}  // namespace detail

// Checks a parsed trace against the rules above.
inline TraceCheck check_trace(const boost::json::value& trace)
{
    return detail::TraceChecker{}.check(trace);
}

}  // namespace perfreport::test
