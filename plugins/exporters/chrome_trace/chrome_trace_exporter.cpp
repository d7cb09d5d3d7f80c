// ChromeTraceExporter: the gantt section as chrome_tracing.json (SPEC 3.4),
// the Trace Event Format's object form, streamed: tasks are formatted in
// chunks on TBB's threads and written in order, never held as a DOM.
#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>

#include "perfreport/sdk.hpp"
#include "perfreport/sdk/ordered_chunks.hpp"
#include "perfreport/sdk/trace_tracks.hpp"
#include "trace_events.hpp"

namespace perfreport::chrome_trace {
namespace {

// Every timed event is shifted by this much so that the timeline starts
// after 0: DevTools leaves ts 0 out of a trace's bounds. A viewer shows the
// shift as a 1 µs lead-in; otherData records it.
constexpr double ts_offset_us = 1.0;

constexpr std::size_t tasks_per_chunk = 8192;
constexpr std::size_t chunks_in_flight = 8;

// `],"displayTimeUnit":...,"otherData":{...}}` closing the document.
std::string document_end(const boost::json::object& header)
{
    JsonWriter json;
    json.begin_object();
    for (const char* key : {"schema_version", "granularity", "timestamp"}) {
        json.key(key);
        json.json(member(header, key, "the report header"));
    }
    json.key("ts_offset_us");
    json.number(ts_offset_us);
    json.end_object();
    return "\n],\n\"displayTimeUnit\":\"ms\",\n\"otherData\":" + json.buffer() + "}\n";
}

// The events of tasks [first, last): each task's X event and counters, and
// the flows that end on it (flows are in the order of their comm tasks).
std::string task_events(const TraceTracks& tracks, const TraceEvents& events, bool counters, std::size_t first,
                        std::size_t last)
{
    EventLines lines(true);  // the metadata events come first
    const auto flows = tracks.flows();
    auto flow = std::lower_bound(flows.begin(), flows.end(), first,
                                 [](const TraceFlow& f, std::size_t task) { return f.comm_task < task; });
    for (std::size_t t = first; t < last; ++t) {
        events.task(t, lines);
        if (counters) {
            if (const auto gflops = tracks.achieved_gflops(t)) events.counters(t, *gflops, lines);
        }
        for (; flow != flows.end() && flow->comm_task == t; ++flow) {
            events.flow(*flow, static_cast<std::size_t>(flow - flows.begin()) + 1, lines);
        }
    }
    return std::move(lines.text());
}

}  // namespace

class ChromeTraceExporter final : public IExporter {
public:
    static constexpr const char* id = "chrome-trace";
    static constexpr const char* version = "1.0.0";
    static constexpr const char* description =
        "The gantt chart as a Chrome trace, chrome_tracing.json (Perfetto, chrome://tracing)";
    static constexpr const char* options_schema = R"json({
  "counters": {"type": "boolean", "default": true,
               "description": "add each stage's achieved_gflops counter (two events per compute task)"}
})json";

    void export_report(const ReportView& report) const override
    {
        const bool counters = report.option<bool>("/chrome_trace/counters");
        const TraceTracks tracks(report, id);
        const TraceEvents events(tracks, ts_offset_us);
        const HostServices host = report.host();
        OutputFile file = host.open_output("chrome_tracing.json");

        EventLines head(false);
        head.text() = "{\"traceEvents\":[";
        for (const TraceProcess& process : tracks.processes()) events.process(process, head);
        for (const TraceThread& thread : tracks.threads()) events.thread(thread, head);
        file.write(head.text());
        for_each_chunk_in_order(
            tracks.task_count(), tasks_per_chunk, chunks_in_flight,
            [&](std::size_t first, std::size_t last) { return task_events(tracks, events, counters, first, last); },
            [&](const std::string& text) {
                host.throw_if_cancelled();
                file.write(text);
            });
        EventLines tail(!tracks.threads().empty());  // every task is on a thread
        if (const auto transition = tracks.phase_transition()) events.phase_transition(*transition, tail);
        file.write(tail.text() + document_end(report.header()));
        file.commit();
    }
};

}  // namespace perfreport::chrome_trace

PERFREPORT_PLUGIN("perfreport-chrome-trace", "1.0.0", perfreport::chrome_trace::ChromeTraceExporter)
