// perfreport batch: a sweep of inputs, one report each and one summary.
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>
#include <unistd.h>

#include "../src/batch/batch_manifest.hpp"
#include "../src/batch/batch_runner.hpp"
#include "../src/batch/batch_settings.hpp"
#include "../src/pipeline/output_directory.hpp"
#include "cli_support.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "report_flags.hpp"

namespace perfreport::cli {
namespace {

BatchStop batch_stop;
std::atomic<int> stop_signal{0};

// The first SIGINT or SIGTERM lets the inputs in flight finish; the second
// drops them. Only async-signal-safe calls here.
extern "C" void request_stop(int signal_number)
{
    if (stop_signal.exchange(signal_number) == 0) {
        batch_stop.stop_taking.store(true);
        constexpr char note[] = "\nperfreport: stopping after the inputs in flight (interrupt again to drop them)\n";
        [[maybe_unused]] const auto written = ::write(STDERR_FILENO, note, sizeof note - 1);
    } else {
        batch_stop.cancel_in_flight.store(true);
    }
}

// --shard, else a Slurm job array's task, else the whole sweep.
ShardSpec choose_shard(const std::string& shard_text, std::string& origin)
{
    try {
        if (!shard_text.empty()) return parse_shard(shard_text);
        if (const auto from_slurm = shard_from_slurm([](const char* name) { return std::getenv(name); })) {
            origin = " (from SLURM_ARRAY_TASK_ID=" + std::string(std::getenv("SLURM_ARRAY_TASK_ID")) + ")";
            return *from_slurm;
        }
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    return {};
}

std::size_t inputs_in_shard(std::size_t sweep_size, const ShardSpec& shard)
{
    std::size_t count = 0;
    for (std::size_t i = 0; i < sweep_size; ++i) count += shard.holds(i) ? 1 : 0;
    return count;
}

}  // namespace

int command_batch(const std::vector<std::string>& args)
{
    std::string input;
    std::string output;
    std::size_t jobs = std::max(1u, std::thread::hardware_concurrency());
    bool resume = false;
    bool fail_fast = false;
    bool quiet = false;
    std::string shard_text;
    std::string pareto_text;
    ReportFlags flags;

    po::options_description options("Options");
    options.add_options()
        ("help,h", "show this help")
        ("input", po::value(&input)->required(), "a folder of EngineResults (every *.json below it) or a list file")
        ("output,o", po::value(&output)->required(), "output folder: one report folder per input and the summary")
        ("jobs,j", po::value(&jobs), "inputs processed at once (default: the number of cores)")
        ("resume", po::bool_switch(&resume), "redo only what is new, changed or failed since the last run into OUT")
        ("shard", po::value(&shard_text),
         "K/N: process only inputs i with i mod N = K (default: from SLURM_ARRAY_TASK_ID and _COUNT when set)")
        ("fail-fast", po::bool_switch(&fail_fast), "start no input after the first failure")
        ("pareto", po::value(&pareto_text),
         "objectives of the Pareto front, COLUMN:max|min,... "
         "(default: tps_per_chip:max,tpot_ms:min,cost_per_million_tokens:min)")
        ("quiet,q", po::bool_switch(&quiet), "no progress and no closing line");
    options.add(report_options(flags));
    po::positional_options_description positional;
    positional.add("input", 1);
    po::variables_map values;
    if (!parse_command_line(args, options, positional,
                            "Usage: perfreport batch INPUT -o OUT [--format LIST] [--jobs N] [--resume] "
                            "[--shard K/N] [--fail-fast] [--pareto LIST] [--quiet] [report options]\n\n"
                            "Writes the report of every input of a sweep into OUT/<name>/ and the sweep's\n"
                            "summary: OUT/sweep_summary.csv and .json, pareto.csv, failures.csv, manifest.json.\n"
                            "An input that fails is a 'failed' row; the sweep goes on.\n"
                            "Exit codes: 0 ok, 1 some input failed, 2 bad input or usage,\n"
                            "130/143 stopped by SIGINT/SIGTERM (a rerun with --resume finishes it).",
                            values)) {
        return exit_ok;
    }
    if (jobs == 0) throw UsageError("--jobs must be at least 1");
    BatchOptions batch;
    batch.output = output;
    batch.jobs = jobs;
    batch.resume = resume;
    batch.fail_fast = fail_fast;
    std::string shard_origin;
    batch.shard = choose_shard(shard_text, shard_origin);
    if (!pareto_text.empty()) {
        try {
            batch.objectives = parse_pareto_objectives(pareto_text);
        } catch (const std::invalid_argument& e) {
            throw UsageError(e.what());
        }
    }

    SweepListing listing;
    try {
        listing = list_sweep_inputs(input, output);
    } catch (const SweepError& e) {
        std::cerr << "error: " << e.what() << '\n';
        return exit_bad_input;
    }
    for (const auto& warning : listing.warnings) std::cerr << "warning: " << warning << '\n';
    if (listing.inputs.empty()) {
        std::cerr << "error: " << input << " holds no input (*.json)\n";
        return exit_bad_input;
    }

    HostLog log(PR_LEVEL_ERROR);
    PluginCatalog catalog;
    const auto setup = make_setup(flags, catalog, log);
    if (!setup) return exit_bad_input;
    const ReportFlow flow(*setup, log, batch_stop.cancel_in_flight);

    const std::size_t total = inputs_in_shard(listing.inputs.size(), batch.shard);
    ProgressReporter progress(ProgressReporter::mode_for(quiet, stderr), total);
    if (batch.shard.count > 1) {
        progress.message("shard " + batch.shard.text() + shard_origin + ": " + std::to_string(total) + " of " +
                         std::to_string(listing.inputs.size()) + " inputs");
    }
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
    BatchResult result;
    try {
        result = run_batch(listing.inputs, flow, batch_settings(*setup), batch, batch_stop, progress);
    } catch (const ManifestError& e) {
        std::cerr << "error: cannot resume: " << e.what() << '\n';
        return exit_bad_input;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << '\n';
        return exit_part_failed;
    }
    progress.finish();
    if (!quiet) {
        std::cerr << "perfreport batch: " << result.inputs << " inputs, " << result.ok << " ok ("
                  << result.reused << " unchanged), " << result.failed << " failed";
        if (result.not_done > 0) std::cerr << ", " << result.not_done << " not done";
        std::cerr << "; summary in " << (std::filesystem::path(output) / "sweep_summary.csv").string() << '\n';
    }
    if (const int signal_number = stop_signal.load(); signal_number != 0) return 128 + signal_number;
    return result.failed > 0 || result.not_done > 0 ? exit_part_failed : exit_ok;
}

}  // namespace perfreport::cli
