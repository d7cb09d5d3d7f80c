// The trace (SPEC 3.4, and P's profiler.db of SPEC 4) in five tables, laid
// out by the same model the chrome-trace exporter draws (sdk/trace_tracks.hpp):
//   process(pid, name)         one per pipeline stage, "PP{s}"
//   thread(id, pid, tid, name) a stage's compute (tid 0) and network (tid 1)
//                              rows, plus extra lanes for overlapping tasks
//   slice(id, ts, dur, thread_id, name, category, task_id, step_index, type,
//         phase, layer, color, flops, bytes, bottleneck)
//                              one per gantt task, slice id = task row + 1,
//                              category = the task's segment
//   counter(id, ts, pid, name, value, slice_id)
//                              achieved_gflops of a task with flops: its
//                              value at the task's start, 0 at its end
//   flow(id, slice_out, slice_in, name, category)
//                              compute_to_comm of a step that has both
// Times are the gantt's µs, unshifted. Indexed by time, process and thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "catalog.hpp"
#include "perfreport/sdk/host_services.hpp"
#include "perfreport/sdk/trace_tracks.hpp"
#include "sqlite_database.hpp"

namespace perfreport::sqlite_export {

// Writes the five tables; with no tracks (a report without a gantt section)
// they are created empty.
class TraceTables {
public:
    TraceTables(Database& db, Catalog& catalog)
        : db_(&db),
          process_(catalog.create_table("process", "trace", "gantt.resources",
                                        {{"pid", "INTEGER", "INT64", "", "PRIMARY KEY"},
                                         {"name", "TEXT", "STRING", ""}})),
          thread_(catalog.create_table("thread", "trace", "gantt.resources and task overlaps",
                                       {{"id", "INTEGER", "INT64", "", "PRIMARY KEY"},
                                        {"pid", "INTEGER", "INT64", "", "REFERENCES process(pid)"},
                                        {"tid", "INTEGER", "INT64", ""},
                                        {"name", "TEXT", "STRING", ""}})),
          slice_(catalog.create_table("slice", "trace", "gantt.tasks",
                                      {{"id", "INTEGER", "INT64", "", "PRIMARY KEY"},
                                       {"ts", "REAL", "FLOAT64", "us"},
                                       {"dur", "REAL", "FLOAT64", "us"},
                                       {"thread_id", "INTEGER", "INT64", "", "REFERENCES thread(id)"},
                                       {"name", "TEXT", "STRING", ""},
                                       {"category", "TEXT", "STRING", ""},
                                       {"task_id", "TEXT", "STRING", ""},
                                       {"step_index", "INTEGER", "INT64", ""},
                                       {"type", "TEXT", "STRING", ""},
                                       {"phase", "TEXT", "STRING", ""},
                                       {"layer", "INTEGER", "INT64", ""},
                                       {"color", "TEXT", "STRING", ""},
                                       {"flops", "INTEGER", "INT64", "FLOP"},
                                       {"bytes", "INTEGER", "INT64", "B"},
                                       {"bottleneck", "TEXT", "STRING", ""}})),
          counter_(catalog.create_table("counter", "trace", "gantt.tasks flops over duration",
                                        {{"id", "INTEGER", "INT64", "", "PRIMARY KEY"},
                                         {"ts", "REAL", "FLOAT64", "us"},
                                         {"pid", "INTEGER", "INT64", "", "REFERENCES process(pid)"},
                                         {"name", "TEXT", "STRING", ""},
                                         {"value", "REAL", "FLOAT64", "GFLOPS"},
                                         {"slice_id", "INTEGER", "INT64", "", "REFERENCES slice(id)"}})),
          flow_(catalog.create_table("flow", "trace", "gantt.tasks of one step",
                                     {{"id", "INTEGER", "INT64", "", "PRIMARY KEY"},
                                      {"slice_out", "INTEGER", "INT64", "", "REFERENCES slice(id)"},
                                      {"slice_in", "INTEGER", "INT64", "", "REFERENCES slice(id)"},
                                      {"name", "TEXT", "STRING", ""},
                                      {"category", "TEXT", "STRING", ""}}))
    {
    }

    void write(const TraceTracks& tracks, const HostServices& host)
    {
        for (const TraceProcess& process : tracks.processes()) {
            process_.bind(1, process.pid);
            process_.bind(2, std::string_view{process.name});
            process_.run();
        }
        const auto threads = tracks.threads();
        for (std::size_t i = 0; i < threads.size(); ++i) {
            thread_.bind(1, static_cast<std::int64_t>(i + 1));
            thread_.bind(2, threads[i].pid);
            thread_.bind(3, threads[i].tid);
            thread_.bind(4, std::string_view{threads[i].name});
            thread_.run();
        }
        std::int64_t counter_id = 0;
        for (std::size_t task = 0; task < tracks.task_count(); ++task) {
            if (task % 65536 == 0) host.throw_if_cancelled();
            write_slice(tracks, task);
            if (const std::optional<double> gflops = tracks.achieved_gflops(task)) {
                const GanttTaskColumns& tasks = tracks.tasks();
                const std::int64_t pid = tracks.thread_of(task).pid;
                write_counter(++counter_id, tasks.start.value(task), pid, *gflops, task);
                write_counter(++counter_id, tasks.end.value(task), pid, 0.0, task);
            }
        }
        const auto flows = tracks.flows();
        for (std::size_t k = 0; k < flows.size(); ++k) {
            flow_.bind(1, static_cast<std::int64_t>(k + 1));
            flow_.bind(2, slice_id(flows[k].compute_task));
            flow_.bind(3, slice_id(flows[k].comm_task));
            flow_.bind(4, std::string_view{"compute_to_comm"});
            flow_.bind(5, std::string_view{"dep"});
            flow_.run();
        }
    }

    // After the rows: indexes build faster over a filled table.
    void create_indexes()
    {
        db_->execute("CREATE INDEX thread_pid ON thread (pid)");
        db_->execute("CREATE INDEX slice_ts ON slice (ts)");
        db_->execute("CREATE INDEX slice_thread_ts ON slice (thread_id, ts)");
        db_->execute("CREATE INDEX counter_pid_ts ON counter (pid, ts)");
        db_->execute("CREATE INDEX flow_slice_out ON flow (slice_out)");
        db_->execute("CREATE INDEX flow_slice_in ON flow (slice_in)");
    }

private:
    static std::int64_t slice_id(std::size_t task) { return static_cast<std::int64_t>(task) + 1; }

    template <class Column>
    static void bind_nullable(Statement& insert, int index, const Column& column, std::size_t row)
    {
        if (const auto value = column[row]) {
            insert.bind(index, *value);
        } else {
            insert.bind_null(index);
        }
    }

    void write_slice(const TraceTracks& tracks, std::size_t task)
    {
        const GanttTaskColumns& tasks = tracks.tasks();
        const TraceThread& thread = tracks.thread_of(task);
        slice_.bind(1, slice_id(task));
        slice_.bind(2, tasks.start.value(task));
        slice_.bind(3, tasks.duration.value(task));
        slice_.bind(4, static_cast<std::int64_t>(&thread - tracks.threads().data()) + 1);
        slice_.bind(5, tasks.name[task]);
        slice_.bind(6, tasks.segment[task]);
        slice_.bind(7, tasks.id[task]);
        bind_nullable(slice_, 8, tasks.step_index, task);
        slice_.bind(9, tasks.type[task]);
        slice_.bind(10, tasks.phase[task]);
        bind_nullable(slice_, 11, tasks.layer, task);
        slice_.bind(12, tasks.color[task]);
        bind_nullable(slice_, 13, tasks.flops, task);
        bind_nullable(slice_, 14, tasks.bytes, task);
        slice_.bind(15, tasks.bottleneck[task]);
        slice_.run();
    }

    void write_counter(std::int64_t id, double ts, std::int64_t pid, double value, std::size_t task)
    {
        counter_.bind(1, id);
        counter_.bind(2, ts);
        counter_.bind(3, pid);
        counter_.bind(4, std::string_view{"achieved_gflops"});
        counter_.bind(5, value);
        counter_.bind(6, slice_id(task));
        counter_.run();
    }

    Database* db_;
    Statement process_;
    Statement thread_;
    Statement slice_;
    Statement counter_;
    Statement flow_;
};

}  // namespace perfreport::sqlite_export
