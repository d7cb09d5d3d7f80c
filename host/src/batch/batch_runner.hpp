// The sweep runner: the inputs of one shard stream through a bounded TBB
// pipeline, read -> parse -> analyze -> export -> record, with at most two
// inputs in flight per job, so memory stays flat whatever the sweep's size.
// Plugins are loaded once (the ReportFlow's setup) and shared by every input;
// all other state is per input. Each finished input is journaled at once; the
// manifest and the sweep summary are written when the run ends or is stopped.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <vector>

#include <boost/json/object.hpp>

#include "../pipeline/report_flow.hpp"
#include "pareto.hpp"
#include "progress_reporter.hpp"
#include "shard.hpp"
#include "sweep_inputs.hpp"

namespace perfreport {

struct BatchOptions {
    std::filesystem::path output;
    std::size_t jobs = 1;
    bool resume = false;     // keep what is done, unchanged and ok
    bool fail_fast = false;  // start no input after the first failure
    ShardSpec shard;
    std::vector<ParetoObjective> objectives = default_pareto_objectives();
};

// What stops a run, set by the command's signal handlers.
struct BatchStop {
    std::atomic<bool> stop_taking{false};       // start no new input; finish those in flight
    std::atomic<bool> cancel_in_flight{false};  // the plugins' cancellation flag: drop those in flight
};

struct BatchResult {
    std::size_t inputs = 0;    // in this shard
    std::size_t ok = 0;        // reused ones included
    std::size_t failed = 0;
    std::size_t reused = 0;    // done, unchanged and ok in an earlier run: not redone
    std::size_t not_done = 0;  // the run stopped before them, or dropped them
};

// Runs the inputs of `sweep` (the whole sweep, in its order) that belong to
// options.shard. `flow` must have been made with stop.cancel_in_flight as its
// cancellation flag and `settings` from its setup (batch_settings). Throws
// OutputError or ManifestError when OUT cannot be used.
BatchResult run_batch(const std::vector<SweepInput>& sweep, const ReportFlow& flow,
                      const boost::json::object& settings, const BatchOptions& options, BatchStop& stop,
                      ProgressReporter& progress);

}  // namespace perfreport
