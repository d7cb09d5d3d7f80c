// perfreport merge: the shard outputs of one sweep joined into one summary.
#include <iostream>

#include "../src/batch/batch_manifest.hpp"
#include "../src/batch/output_lock.hpp"
#include "../src/batch/shard_merge.hpp"
#include "../src/batch/summary_writers.hpp"
#include "../src/pipeline/output_directory.hpp"
#include "cli_support.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"

namespace perfreport::cli {

int command_merge(const std::vector<std::string>& args)
{
    std::vector<std::string> shard_folders;
    std::string output;
    std::string pareto_text;
    po::options_description options("Options");
    options.add_options()
        ("help,h", "show this help")
        ("shards", po::value(&shard_folders)->required()->multitoken(), "the output folders of the shards")
        ("output,o", po::value(&output)->required(), "folder of the merged summary")
        ("pareto", po::value(&pareto_text),
         "objectives of the Pareto front, COLUMN:max|min,... "
         "(default: tps_per_chip:max,tpot_ms:min,cost_per_million_tokens:min)");
    po::positional_options_description positional;
    positional.add("shards", -1);
    po::variables_map values;
    if (!parse_command_line(args, options, positional,
                            "Usage: perfreport merge SHARD_OUT... -o OUT [--pareto LIST]\n\n"
                            "Joins the outputs of 'perfreport batch --shard K/N' (K = 0..N-1) into\n"
                            "OUT/sweep_summary.csv and .json, pareto.csv, failures.csv and manifest.json,\n"
                            "the same summary one machine would write for the whole sweep; the reports\n"
                            "stay in the shard folders. Refuses shards of other sweeps or settings, a\n"
                            "shard given twice, a missing shard and a shard with inputs not done.\n"
                            "Exit codes: 0 merged, 1 cannot write OUT, 2 the shards do not fit together.",
                            values)) {
        return exit_ok;
    }
    std::vector<ParetoObjective> objectives = default_pareto_objectives();
    if (!pareto_text.empty()) {
        try {
            objectives = parse_pareto_objectives(pareto_text);
        } catch (const std::invalid_argument& e) {
            throw UsageError(e.what());
        }
    }

    std::vector<ShardOutput> shards;
    std::error_code ec;
    for (const auto& folder : shard_folders) {
        if (std::filesystem::equivalent(folder, output, ec)) {
            throw UsageError("-o " + output + " is one of the shard folders; merge into a folder of its own");
        }
        try {
            auto manifest = read_manifest(folder);
            if (!manifest) {
                std::cerr << "error: " << folder << " has no " << manifest_file_name
                          << ": not the output of 'perfreport batch', or its run has not ended\n";
                return exit_bad_input;
            }
            shards.push_back({folder, std::move(*manifest)});
        } catch (const ManifestError& e) {
            std::cerr << "error: " << e.what() << '\n';
            return exit_bad_input;
        }
    }
    ShardMerge merge = merge_shards(shards);
    if (!merge.merged) {
        for (const auto& problem : merge.problems) std::cerr << "error: " << problem << '\n';
        return exit_bad_input;
    }

    try {
        const OutputLock lock(output);
        write_manifest(output, *merge.merged);
        std::vector<SummaryRow> rows;
        for (const auto& entry : merge.merged->entries) rows.push_back(entry.row);
        write_sweep_summary(output, std::move(rows), objectives);
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << '\n';
        return exit_part_failed;
    }
    std::cerr << "perfreport merge: " << shards.size() << " shards, " << merge.merged->entries.size()
              << " inputs; summary in " << (std::filesystem::path(output) / "sweep_summary.csv").string() << '\n';
    return exit_ok;
}

}  // namespace perfreport::cli
