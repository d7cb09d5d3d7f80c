// The events of chrome_tracing.json (SPEC 3.4), each one compact JSON object
// on its own line.
//
// Every event carries integer pid and tid and a ts. Timed events are shifted
// by `offset` µs so that the timeline starts after 0 (DevTools leaves events
// at ts 0 out of a trace's bounds); metadata events sit at the offset itself,
// the timeline's origin, so no event has a ts of 0 or less.
#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "perfreport/sdk.hpp"
#include "perfreport/sdk/trace_tracks.hpp"

namespace perfreport::chrome_trace {

// Text of traceEvents elements: next() ends the previous element and
// returns the text to append the next one to.
class EventLines {
public:
    // `follows_events`: the text continues an array that already has elements.
    explicit EventLines(bool follows_events) : follows_(follows_events) {}

    std::string& next()
    {
        text_ += follows_ ? ",\n" : "\n";
        follows_ = true;
        return text_;
    }

    std::string& text() noexcept { return text_; }

private:
    std::string text_;
    bool follows_;
};

namespace detail {

// Members are appended as `prefix` (`,"key":` or `{"key":`) and a value.
inline void member(std::string& out, std::string_view prefix, std::string_view text)
{
    out += prefix;
    append_json_string(out, text);
}

inline void member(std::string& out, std::string_view prefix, double number)
{
    out += prefix;
    append_json_number(out, number);
}

inline void member(std::string& out, std::string_view prefix, std::int64_t integer)
{
    out += prefix;
    char text[24];
    out.append(text, std::to_chars(text, text + sizeof text, integer).ptr);
}

// null for a null cell.
inline void member(std::string& out, std::string_view prefix, std::optional<std::int64_t> integer)
{
    if (integer) return member(out, prefix, *integer);
    out += prefix;
    out += "null";
}

}  // namespace detail

class TraceEvents {
public:
    TraceEvents(const TraceTracks& tracks, double offset) : tracks_(tracks), offset_(offset) {}

    // M events naming a process and ordering processes by pid.
    void process(const TraceProcess& process, EventLines& out) const
    {
        std::string& name = metadata("process_name", process.pid, 0, out);
        detail::member(name, R"(,"args":{"name":)", process.name);
        name += "}}";
        std::string& sort = metadata("process_sort_index", process.pid, 0, out);
        detail::member(sort, R"(,"args":{"sort_index":)", process.pid);
        sort += "}}";
    }

    void thread(const TraceThread& thread, EventLines& out) const
    {
        std::string& text = metadata("thread_name", thread.pid, thread.tid, out);
        detail::member(text, R"(,"args":{"name":)", thread.name);
        text += "}}";
    }

    // The X event of a task, its SPEC 3.4 fields in args.
    void task(std::size_t t, EventLines& out) const
    {
        using detail::member;
        const GanttTaskColumns& tasks = tracks_.tasks();
        std::string& text = out.next();
        member(text, R"({"ph":"X","name":)", tasks.name[t]);
        member(text, R"(,"cat":)", tasks.segment[t]);
        member(text, R"(,"ts":)", tasks.start.value(t) + offset_);
        member(text, R"(,"dur":)", tasks.duration.value(t));
        place(tracks_.thread_of(t), text);
        member(text, R"(,"args":{"task_id":)", tasks.id[t]);
        member(text, R"(,"type":)", tasks.type[t]);
        member(text, R"(,"phase":)", tasks.phase[t]);
        member(text, R"(,"layer":)", tasks.layer[t]);
        member(text, R"(,"color":)", tasks.color[t]);
        member(text, R"(,"flops":)", tasks.flops[t]);
        member(text, R"(,"bytes":)", tasks.bytes[t]);
        member(text, R"(,"bottleneck":)", tasks.bottleneck[t]);
        text += "}}";
    }

    // The achieved-GFLOPS counter of a task's process: `gflops` at the
    // task's start, 0 at its end.
    void counters(std::size_t t, double gflops, EventLines& out) const
    {
        counter(t, tracks_.tasks().start.value(t), gflops, out);
        counter(t, tracks_.tasks().end.value(t), 0.0, out);
    }

    // Flow `id` (from 1): from its compute task's start to its comm task's.
    void flow(const TraceFlow& flow, std::size_t id, EventLines& out) const
    {
        flow_end(R"({"ph":"s","id":)", flow.compute_task, id, out) += "}";
        // "bp":"e" binds the end to the comm task, which encloses its ts.
        flow_end(R"({"ph":"f","bp":"e","id":)", flow.comm_task, id, out) += "}";
    }

    // The global instant where prefill ends.
    void phase_transition(double at, EventLines& out) const
    {
        std::string& text = out.next();
        detail::member(text, R"({"ph":"i","s":"g","name":"prefill_to_decode","ts":)", at + offset_);
        text += R"(,"pid":0,"tid":0})";
    }

private:
    // An M event up to its args.
    std::string& metadata(std::string_view name, std::int64_t pid, std::int64_t tid, EventLines& out) const
    {
        std::string& text = out.next();
        detail::member(text, R"({"ph":"M","name":)", name);
        detail::member(text, R"(,"ts":)", offset_);
        place(pid, tid, text);
        return text;
    }

    static void place(std::int64_t pid, std::int64_t tid, std::string& text)
    {
        detail::member(text, R"(,"pid":)", pid);
        detail::member(text, R"(,"tid":)", tid);
    }

    static void place(const TraceThread& thread, std::string& text) { place(thread.pid, thread.tid, text); }

    void counter(std::size_t t, double at, double gflops, EventLines& out) const
    {
        std::string& text = out.next();
        detail::member(text, R"({"ph":"C","name":"achieved_gflops","ts":)", at + offset_);
        place(tracks_.thread_of(t), text);
        detail::member(text, R"(,"args":{"gflops":)", gflops);
        text += "}}";
    }

    // An s or f event (`opening` up to its id) at the start of task `t`, up
    // to its closing brace.
    std::string& flow_end(std::string_view opening, std::size_t t, std::size_t id, EventLines& out) const
    {
        std::string& text = out.next();
        detail::member(text, opening, static_cast<std::int64_t>(id));
        text += R"(,"cat":"dep","name":"compute_to_comm")";
        detail::member(text, R"(,"ts":)", tracks_.tasks().start.value(t) + offset_);
        place(tracks_.thread_of(t), text);
        return text;
    }

    const TraceTracks& tracks_;
    double offset_;
};

}  // namespace perfreport::chrome_trace
