#include "batch_runner.hpp"

#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <map>
#include <memory>
#include <optional>

#include "../input/effective_context.hpp"
#include "../pipeline/output_directory.hpp"
#include "batch_manifest.hpp"
#include "batch_settings.hpp"
#include "summary_writers.hpp"
#include "content_hash.hpp"
#include "file_bytes.hpp"
#include "manifest_journal.hpp"
#include "output_lock.hpp"
#include "report_folders.hpp"

namespace perfreport {
namespace fs = std::filesystem;
namespace {

// One input on its way through the pipeline; each stage fills a part.
struct WorkItem {
    std::size_t position = 0;  // in this shard's list
    const SweepInput* input = nullptr;
    std::size_t index = 0;     // in the whole sweep
    std::string bytes;
    std::string content_hash;
    std::string failure;       // what went wrong before the export stage
    bool reused = false;
    bool dropped = false;      // abandoned after a second interrupt
    std::optional<PreparedInput> prepared;
    std::optional<ReportingReport> report;
    std::optional<ManifestEntry> outcome;
};
using Item = std::shared_ptr<WorkItem>;

// "E_T_TOTAL at /step_metrics/2/t_total: ...; ... (and 4 more errors)": the
// first three errors.
std::string failure_reason(const Diagnostics& diagnostics)
{
    constexpr std::size_t shown = 3;
    std::string reason;
    std::size_t errors = 0;
    for (const auto& d : diagnostics) {
        if (d.level != Severity::error) continue;
        if (++errors > shown) continue;
        if (!reason.empty()) reason += "; ";
        reason += d.code + (d.where.empty() ? "" : " at " + d.where) + ": " + d.message;
    }
    if (errors > shown) reason += " (and " + std::to_string(errors - shown) + " more errors)";
    return reason;
}

std::string joined(const std::vector<std::string>& parts)
{
    std::string text;
    for (const auto& part : parts) text += (text.empty() ? "" : "; ") + part;
    return text;
}

SweepIdentity sweep_identity(const std::vector<SweepInput>& sweep)
{
    std::string listing;
    for (const auto& input : sweep) listing += input.name + '\t' + input.relative + '\n';
    return {sweep.size(), content_hash(listing)};
}

class BatchRun {
public:
    BatchRun(const std::vector<SweepInput>& sweep, const ReportFlow& flow, const boost::json::object& settings,
             const BatchOptions& options, BatchStop& stop, ProgressReporter& progress)
        : sweep_(sweep), flow_(flow), options_(options), stop_(stop), progress_(progress),
          lock_(options.output), folders_(options.output), journal_(options.output)
    {
        manifest_.settings = settings;
        manifest_.settings_hash = settings_hash(settings);
        manifest_.sweep = sweep_identity(sweep);
        manifest_.shard = options.shard;
        for (std::size_t i = 0; i < sweep.size(); ++i) {
            if (options.shard.holds(i)) work_.push_back(i);
        }
        outcomes_.resize(work_.size());
    }

    BatchResult run()
    {
        folders_.clear_staging();
        load_previous();
        const std::size_t jobs = std::max<std::size_t>(1, options_.jobs);
        tbb::task_arena arena(static_cast<int>(jobs));
        arena.execute([&] { run_pipeline(2 * jobs); });
        finish();
        result_.inputs = work_.size();
        result_.not_done = work_.size() - result_.ok - result_.failed;
        return result_;
    }

private:
    void run_pipeline(std::size_t live_inputs)
    {
        const auto stage = [this](void (BatchRun::*step)(WorkItem&)) {
            return [this, step](Item item) {
                (this->*step)(*item);
                return item;
            };
        };
        tbb::parallel_pipeline(
            live_inputs,
            tbb::make_filter<void, Item>(tbb::filter_mode::serial_in_order,
                                         [this](tbb::flow_control& control) { return next(control); }) &
                tbb::make_filter<Item, Item>(tbb::filter_mode::parallel, stage(&BatchRun::read)) &
                tbb::make_filter<Item, Item>(tbb::filter_mode::parallel, stage(&BatchRun::parse)) &
                tbb::make_filter<Item, Item>(tbb::filter_mode::parallel, stage(&BatchRun::analyze)) &
                tbb::make_filter<Item, Item>(tbb::filter_mode::parallel, stage(&BatchRun::write)) &
                tbb::make_filter<Item, void>(tbb::filter_mode::serial_in_order,
                                             [this](Item item) { record(*item); }));
    }

    // Resuming starts from the last manifest and what the journal adds to it;
    // otherwise both are dropped and every input is done again.
    void load_previous()
    {
        if (!options_.resume) {
            fs::remove(options_.output / manifest_file_name);
            journal_.clear();
            return;
        }
        if (auto manifest = read_manifest(options_.output)) {
            for (auto& entry : manifest->entries) previous_[entry.name()] = std::move(entry);
        }
        for (auto& entry : journal_.entries()) previous_[entry.name()] = std::move(entry);
    }

    const ManifestEntry* previous_for(const SweepInput& input) const
    {
        const auto found = previous_.find(input.name);
        if (found == previous_.end() || found->second.input() != input.relative) return nullptr;
        return &found->second;
    }

    Item next(tbb::flow_control& control)
    {
        if (next_ == work_.size() || stop_.stop_taking.load()) {
            control.stop();
            return nullptr;
        }
        auto item = std::make_shared<WorkItem>();
        item->position = next_;
        item->index = work_[next_];
        item->input = &sweep_[item->index];
        ++next_;
        return item;
    }

    // Runs one stage's work, turning anything thrown into the item's failure.
    template <class Work>
    void guarded(WorkItem& item, Work work)
    {
        if (stop_.cancel_in_flight.load()) item.dropped = true;
        if (item.dropped || item.reused || !item.failure.empty()) return;
        try {
            work();
        } catch (const std::exception& e) {
            item.failure = e.what();
        } catch (...) {
            item.failure = "an unknown error";
        }
    }

    void read(WorkItem& item)
    {
        guarded(item, [&] {
            item.bytes = read_file_bytes(item.input->file);
            item.content_hash = content_hash(item.bytes);
            const ManifestEntry* previous = previous_for(*item.input);
            if (previous != nullptr && up_to_date(*previous, item)) {
                item.outcome = *previous;
                item.outcome->index = item.index;
                item.reused = true;
            }
        });
        if (!item.failure.empty()) item.failure = "E_IO: " + item.failure;
    }

    bool up_to_date(const ManifestEntry& previous, const WorkItem& item) const
    {
        if (previous.content_hash != item.content_hash || previous.settings_hash != manifest_.settings_hash ||
            !row_ok(previous.row)) {
            return false;
        }
        const fs::path folder = folders_.final_folder(item.input->name);
        return std::all_of(previous.files.begin(), previous.files.end(),
                           [&](const std::string& file) { return fs::is_regular_file(folder / file); });
    }

    void parse(WorkItem& item)
    {
        guarded(item, [&] {
            item.prepared = flow_.prepare_text(item.bytes);
            std::string().swap(item.bytes);
        });
    }

    void analyze(WorkItem& item)
    {
        guarded(item, [&] {
            if (item.prepared->input) item.report = flow_.analyze(*item.prepared);
        });
    }

    void write(WorkItem& item)
    {
        if (stop_.cancel_in_flight.load()) item.dropped = true;
        if (item.dropped || item.reused) return;
        const std::string& name = item.input->name;
        ManifestEntry entry;
        entry.index = item.index;
        entry.content_hash = item.content_hash;
        entry.settings_hash = manifest_.settings_hash;
        try {
            if (!item.failure.empty() || !item.prepared->input) {
                const std::string reason = item.failure.empty() ? failure_reason(item.prepared->diagnostics) : item.failure;
                entry.row = unanalyzed_row(name, item.input->relative, reason);
                folders_.remove(name);  // an older report of this input would no longer be true
            } else if (!export_report(item, entry)) {
                item.dropped = true;
                return;
            }
        } catch (const std::exception& e) {
            folders_.discard(name);
            entry.files.clear();
            entry.row = unanalyzed_row(name, item.input->relative, e.what());
        }
        item.prepared.reset();
        item.report.reset();
        item.outcome = std::move(entry);
    }

    // Fills the entry from the report and publishes its folder; false when a
    // second interrupt cut the input short (nothing is published then).
    bool export_report(WorkItem& item, ManifestEntry& entry)
    {
        const std::string& name = item.input->name;
        ReportingReport& report = *item.report;
        entry.row = analyzed_row(name, item.input->relative, effective_context(*item.prepared->input), report);
        std::vector<std::string> reasons;
        if (report_has_failures(report)) reasons.push_back(failure_reason(report.diagnostics));
        try {
            for (const auto& outcome : flow_.write(report, *item.prepared, folders_.staging(name))) {
                entry.files.insert(entry.files.end(), outcome.files.begin(), outcome.files.end());
                if (!outcome.ok) reasons.push_back("exporter " + outcome.id + " failed: " + outcome.message);
            }
        } catch (const OutputError& e) {
            reasons.push_back(e.what());
        }
        if (!reasons.empty() && stop_.cancel_in_flight.load()) {
            folders_.discard(name);
            return false;
        }
        folders_.publish(name);
        if (!reasons.empty()) set_failed(entry.row, joined(reasons));
        return true;
    }

    void record(WorkItem& item)
    {
        if (!item.outcome) return;
        const ManifestEntry& entry = *item.outcome;
        const bool ok = row_ok(entry.row);
        if (!item.reused) {
            try {
                journal_.record(entry);
            } catch (const OutputError& e) {
                progress_.message("warning: " + std::string(e.what()) + " (a killed run would redo this input)");
            }
        }
        ++(ok ? result_.ok : result_.failed);
        if (item.reused) ++result_.reused;
        if (!ok) {
            progress_.message("failed: " + entry.name() + ": " + entry.row.at("reason").as_string().c_str());
            if (options_.fail_fast) stop_.stop_taking.store(true);
        }
        progress_.update({result_.ok + result_.failed, result_.failed, result_.reused});
        outcomes_[item.position] = std::move(item.outcome);
    }

    // The manifest covers the inputs done in this run and, when the run
    // stopped early and resumes, the earlier run's entries for the others;
    // then the summary of the same entries, and the journal is cleared.
    void finish()
    {
        for (std::size_t position = 0; position < work_.size(); ++position) {
            if (outcomes_[position]) {
                manifest_.entries.push_back(std::move(*outcomes_[position]));
            } else if (const ManifestEntry* previous = previous_for(sweep_[work_[position]])) {
                manifest_.entries.push_back(*previous);
                manifest_.entries.back().index = work_[position];
            }
        }
        write_manifest(options_.output, manifest_);
        journal_.clear();
        folders_.clear_staging();
        std::vector<SummaryRow> rows;
        rows.reserve(manifest_.entries.size());
        for (const auto& entry : manifest_.entries) rows.push_back(entry.row);
        write_sweep_summary(options_.output, std::move(rows), options_.objectives);
    }

    const std::vector<SweepInput>& sweep_;
    const ReportFlow& flow_;
    const BatchOptions& options_;
    BatchStop& stop_;
    ProgressReporter& progress_;
    OutputLock lock_;
    ReportFolders folders_;
    ManifestJournal journal_;
    BatchManifest manifest_;
    std::vector<std::size_t> work_;  // sweep indices of this shard, in order
    std::vector<std::optional<ManifestEntry>> outcomes_;  // by position in work_
    std::map<std::string, ManifestEntry> previous_;       // by name
    std::size_t next_ = 0;
    BatchResult result_;
};

}  // namespace

BatchResult run_batch(const std::vector<SweepInput>& sweep, const ReportFlow& flow,
                      const boost::json::object& settings, const BatchOptions& options, BatchStop& stop,
                      ProgressReporter& progress)
{
    return BatchRun(sweep, flow, settings, options, stop, progress).run();
}

}  // namespace perfreport
