// ChromeTraceExporter: the gantt section as chrome_tracing.json (SPEC 3.4),
// the Trace Event Format's object form, written event by event.
#include <cstddef>
#include <string>

#include "perfreport/sdk.hpp"
#include "perfreport/sdk/trace_tracks.hpp"
#include "trace_events.hpp"

namespace perfreport::chrome_trace {
namespace {

// Every timed event is shifted by this much so that the timeline starts
// after 0: DevTools leaves ts 0 out of a trace's bounds, and a viewer
// shows the shift as a 1 µs lead-in. otherData records it.
constexpr double ts_offset_us = 1.0;

// The text goes to the file once it holds this much: memory stays bounded.
constexpr std::size_t flush_bytes = 1 << 20;

// `,"displayTimeUnit":...,"otherData":{...}}` closing the document.
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

}  // namespace

class ChromeTraceExporter final : public IExporter {
public:
    static constexpr const char* id = "chrome-trace";
    static constexpr const char* version = "1.0.0";
    static constexpr const char* description =
        "The gantt chart as a Chrome trace, chrome_tracing.json (Perfetto, chrome://tracing)";
    static constexpr const char* options_schema = R"json({
  "counters": {"type": "boolean", "default": true,
               "description": "add the achieved_gflops counter of each stage (two events per compute task)"}
})json";

    void export_report(const ReportView& report) const override
    {
        const bool counters = report.option<bool>("/chrome_trace/counters");
        const TraceTracks tracks(report, id);
        const TraceEvents events(tracks, ts_offset_us);
        const HostServices host = report.host();
        OutputFile file = host.open_output("chrome_tracing.json");
        EventLines lines;
        const auto drain = [&] {
            if (lines.text().size() < flush_bytes) return;
            host.throw_if_cancelled();
            file.write(lines.text());
            lines.text().clear();
        };

        lines.text() += "{\"traceEvents\":[";
        for (const TraceProcess& process : tracks.processes()) events.process(process, lines);
        for (const TraceThread& thread : tracks.threads()) events.thread(thread, lines);
        // A flow follows its comm task, the later of its two tasks.
        const auto flows = tracks.flows();
        std::size_t next_flow = 0;
        for (std::size_t t = 0; t < tracks.task_count(); ++t) {
            events.task(t, lines);
            if (counters) {
                if (const auto gflops = tracks.achieved_gflops(t)) events.counters(t, *gflops, lines);
            }
            for (; next_flow < flows.size() && flows[next_flow].comm_task == t; ++next_flow) {
                events.flow(flows[next_flow], next_flow + 1, lines);
            }
            drain();
        }
        if (const auto transition = tracks.phase_transition()) events.phase_transition(*transition, lines);
        lines.text() += document_end(report.header());
        file.write(lines.text());
        file.commit();
    }
};

}  // namespace perfreport::chrome_trace

PERFREPORT_PLUGIN("perfreport-chrome-trace", "1.0.0", perfreport::chrome_trace::ChromeTraceExporter)
