// The events of chrome_tracing.json (SPEC 3.4), each one compact JSON object.
//
// Every event carries integer pid and tid and a ts. Timed events are shifted
// by `offset` µs so that the timeline starts after 0 (DevTools leaves events
// at ts 0 out of a trace's bounds); metadata events sit at the offset itself,
// the timeline's origin, so no event has a ts of 0 or less.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "perfreport/sdk.hpp"
#include "perfreport/sdk/trace_tracks.hpp"

namespace perfreport::chrome_trace {

// Events as the elements of the traceEvents array, one per line: next()
// starts the line of an event and returns the writer to write it with.
class EventLines {
public:
    JsonWriter& next()
    {
        json_.buffer() += count_++ == 0 ? "\n" : ",\n";
        return json_;
    }

    std::uint64_t count() const noexcept { return count_; }
    // The text written since the last clear; the caller drains it.
    std::string& text() noexcept { return json_.buffer(); }

private:
    JsonWriter json_{JsonWriter::Style::compact};
    std::uint64_t count_ = 0;
};

class TraceEvents {
public:
    TraceEvents(const TraceTracks& tracks, double offset) : tracks_(tracks), offset_(offset) {}

    // M events naming a process and ordering it by pid.
    void process(const TraceProcess& process, EventLines& out) const
    {
        JsonWriter& name = metadata("process_name", process.pid, 0, out);
        name.key("name");
        name.string(process.name);
        close_metadata(name);
        JsonWriter& sort = metadata("process_sort_index", process.pid, 0, out);
        sort.key("sort_index");
        sort.number(process.pid);
        close_metadata(sort);
    }

    void thread(const TraceThread& thread, EventLines& out) const
    {
        JsonWriter& json = metadata("thread_name", thread.pid, thread.tid, out);
        json.key("name");
        json.string(thread.name);
        close_metadata(json);
    }

    // The X event of a task.
    void task(std::size_t t, EventLines& out) const
    {
        const GanttTaskColumns& tasks = tracks_.tasks();
        JsonWriter& json = out.next();
        json.begin_object();
        json.key("ph");
        json.string("X");
        json.key("name");
        json.string(tasks.name[t]);
        json.key("cat");
        json.string(tasks.segment[t]);
        json.key("ts");
        json.number(tasks.start.value(t) + offset_);
        json.key("dur");
        json.number(tasks.duration.value(t));
        place(tracks_.thread_of(t), json);
        json.key("args");
        json.begin_object();
        json.key("task_id");
        json.string(tasks.id[t]);
        json.key("type");
        json.string(tasks.type[t]);
        json.key("phase");
        json.string(tasks.phase[t]);
        json.key("layer");
        optional_integer(tasks.layer[t], json);
        json.key("color");
        json.string(tasks.color[t]);
        json.key("flops");
        optional_integer(tasks.flops[t], json);
        json.key("bytes");
        optional_integer(tasks.bytes[t], json);
        json.key("bottleneck");
        json.string(tasks.bottleneck[t]);
        json.end_object();
        json.end_object();
    }

    // The achieved-GFLOPS counter of a task's process: `gflops` at its
    // start, 0 at its end.
    void counters(std::size_t t, double gflops, EventLines& out) const
    {
        counter(t, tracks_.tasks().start.value(t), gflops, out);
        counter(t, tracks_.tasks().end.value(t), 0.0, out);
    }

    // The flow numbered `id` (from 1): from its compute task's start to its comm task's.
    void flow(const TraceFlow& flow, std::size_t id, EventLines& out) const
    {
        flow_end('s', flow.compute_task, id, out).end_object();
        JsonWriter& finish = flow_end('f', flow.comm_task, id, out);
        finish.key("bp");
        finish.string("e");  // binds to the comm task, which encloses its start
        finish.end_object();
    }

    // The global instant where prefill ends.
    void phase_transition(double at, EventLines& out) const
    {
        JsonWriter& json = out.next();
        json.begin_object();
        json.key("ph");
        json.string("i");
        json.key("s");
        json.string("g");
        json.key("name");
        json.string("prefill_to_decode");
        json.key("ts");
        json.number(at + offset_);
        json.key("pid");
        json.number(std::int64_t{0});
        json.key("tid");
        json.number(std::int64_t{0});
        json.end_object();
    }

private:
    // Opens an M event and its args; close_metadata closes both.
    JsonWriter& metadata(std::string_view name, std::int64_t pid, std::int64_t tid, EventLines& out) const
    {
        JsonWriter& json = out.next();
        json.begin_object();
        json.key("ph");
        json.string("M");
        json.key("name");
        json.string(name);
        json.key("ts");
        json.number(offset_);
        json.key("pid");
        json.number(pid);
        json.key("tid");
        json.number(tid);
        json.key("args");
        json.begin_object();
        return json;
    }

    static void close_metadata(JsonWriter& json)
    {
        json.end_object();
        json.end_object();
    }

    static void place(const TraceThread& thread, JsonWriter& json)
    {
        json.key("pid");
        json.number(thread.pid);
        json.key("tid");
        json.number(thread.tid);
    }

    static void optional_integer(std::optional<std::int64_t> value, JsonWriter& json)
    {
        if (value) {
            json.number(*value);
        } else {
            json.null();
        }
    }

    void counter(std::size_t t, double at, double gflops, EventLines& out) const
    {
        JsonWriter& json = out.next();
        json.begin_object();
        json.key("ph");
        json.string("C");
        json.key("name");
        json.string("achieved_gflops");
        json.key("ts");
        json.number(at + offset_);
        place(tracks_.thread_of(t), json);
        json.key("args");
        json.begin_object();
        json.key("gflops");
        json.number(gflops);
        json.end_object();
        json.end_object();
    }

    // Opens an s or f event of flow `id` at the start of task `t`.
    JsonWriter& flow_end(char phase, std::size_t t, std::size_t id, EventLines& out) const
    {
        JsonWriter& json = out.next();
        json.begin_object();
        json.key("ph");
        json.string(std::string_view{&phase, 1});
        json.key("id");
        json.number(static_cast<std::uint64_t>(id));
        json.key("cat");
        json.string("dep");
        json.key("name");
        json.string("compute_to_comm");
        json.key("ts");
        json.number(tracks_.tasks().start.value(t) + offset_);
        place(tracks_.thread_of(t), json);
        return json;
    }

    const TraceTracks& tracks_;
    double offset_;
};

}  // namespace perfreport::chrome_trace
