// --resume and interruptions: only what is new, changed, failed or missing
// is redone, and a stopped or killed run loses nothing already finished.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <thread>

#include "background_run.hpp"
#include "sweep_fixture.hpp"

namespace perfreport {
namespace {
using namespace test;

// "7 inputs, 6 ok (3 unchanged), ..." -> 3
int unchanged_count(const std::string& err)
{
    const auto at = err.find(" ok (");
    return at == std::string::npos ? -1 : std::stoi(err.substr(at + 5));
}

// A file a test leaves in a report folder: it survives only while the folder
// is not rewritten, since a redone input's folder is replaced whole.
void mark(const fs::path& folder)
{
    write_text(folder / "marker", "untouched");
}

std::size_t journaled(const fs::path& out)
{
    std::size_t count = 0;
    std::error_code ec;
    for (const auto& file : fs::directory_iterator(out / ".journal", ec)) {
        count += file.path().filename().string().front() != '.' ? 1 : 0;
    }
    return count;
}

TEST(BatchResume, RedoesOnlyWhatIsNewChangedFailedOrWithoutItsFiles)
{
    const TempDir dir;
    const fs::path sweep = dir / "sweep";
    copy_example_inputs(sweep, 6);
    fs::rename(sweep / example_sweep_files()[5], dir / "later.json");
    write_invalid_json(sweep / "z_broken.json");
    const std::vector<std::string> args = {"batch", sweep.string(), "-o", (dir / "out").string()};
    ASSERT_EQ(run_perfreport(args).exit_code, 1);

    const auto names = column(summary_rows(dir / "out"), "name");
    ASSERT_EQ(names.size(), 6u);
    for (std::size_t i = 0; i < 5; ++i) mark(dir / "out" / names[i]);
    // Change input 0, drop input 2's report, add a new input.
    const auto files = example_sweep_files();
    write_text(sweep / files[0], read_text(sweep / files[0]) + "\n");
    fs::remove(dir / "out" / names[2] / "reporting_report.json");
    fs::rename(dir / "later.json", sweep / files[5]);

    auto resumed_args = args;
    resumed_args.push_back("--resume");
    const auto resumed = run_perfreport(resumed_args);
    EXPECT_EQ(resumed.exit_code, 1);  // the broken input is tried again and fails again
    EXPECT_NE(resumed.err.find("7 inputs, 6 ok (3 unchanged), 1 failed"), std::string::npos) << resumed.err;
    for (const std::size_t kept : {1u, 3u, 4u}) EXPECT_TRUE(fs::exists(dir / "out" / names[kept] / "marker")) << names[kept];
    for (const std::size_t redone : {0u, 2u}) EXPECT_FALSE(fs::exists(dir / "out" / names[redone] / "marker")) << names[redone];
    EXPECT_TRUE(fs::exists(dir / "out" / names[2] / "reporting_report.json"));

    // The summary covers every input, as a fresh run of the sweep does.
    ASSERT_EQ(run_perfreport({"batch", sweep.string(), "-o", (dir / "fresh").string(), "-q"}).exit_code, 1);
    EXPECT_EQ(read_text(dir / "out" / "sweep_summary.csv"), read_text(dir / "fresh" / "sweep_summary.csv"));
    EXPECT_EQ(read_text(dir / "out" / "sweep_summary.json"), read_text(dir / "fresh" / "sweep_summary.json"));
    EXPECT_EQ(read_json(dir / "out" / "manifest.json").at("entries").as_array().size(), 7u);

    // Other settings make every input change.
    resumed_args.insert(resumed_args.end(), {"--option", "roofline.num_points=7"});
    EXPECT_NE(run_perfreport(resumed_args).err.find("7 inputs, 6 ok (0 unchanged), 1 failed"), std::string::npos);
}

// A sweep slow enough to stop in the middle on a busy machine: every input
// sleeps 250 ms in the test's pause analyzer, whatever the load, so after
// the few inputs a test waits for, seconds of work are left.
std::vector<std::string> slow_batch(const fs::path& sweep, const fs::path& out, bool resume, int jobs = 2)
{
    std::vector<std::string> args = {"batch", sweep.string(), "-o", out.string(), "--jobs", std::to_string(jobs),
                                     "--plugin-dir", TEST_PLUGIN_DIR, "--option", "pause.ms=250"};
    if (resume) args.push_back("--resume");
    return args;
}

// No file under a final name is a half-written one: every report folder is
// complete and holds no temporary file.
void expect_only_whole_reports(const fs::path& out)
{
    for (const auto& entry : fs::directory_iterator(out)) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_directory() || name.front() == '.') continue;
        for (const auto& file : fs::directory_iterator(entry.path())) {
            EXPECT_NE(file.path().filename().string().front(), '.') << file.path();
        }
        EXPECT_NO_THROW(read_json(entry.path() / "reporting_report.json")) << name;
    }
}

TEST(BatchResume, StoppedAndKilledRunsResumeToTheUninterruptedSummary)
{
    const TempDir dir;
    const fs::path sweep = dir / "sweep";
    copy_example_inputs(sweep / "a", 12);
    copy_example_inputs(sweep / "b", 12);
    const fs::path out = dir / "out";

    // SIGTERM: the inputs in flight finish, then manifest and summary are written.
    {
        BackgroundRun run(slow_batch(sweep, out, false, 1), dir / "first.log");
        ASSERT_TRUE(run.wait_until([&] { return journaled(out) >= 3; })) << read_text(dir / "first.log");
        run.send(SIGTERM);
        EXPECT_EQ(run.wait(), 128 + SIGTERM) << read_text(dir / "first.log");
    }
    const auto stopped_rows = summary_rows(out);
    EXPECT_GE(stopped_rows.size(), 3u);
    EXPECT_LT(stopped_rows.size(), 24u);
    for (const auto& row : stopped_rows) EXPECT_EQ(row.at("status"), "ok");
    EXPECT_EQ(read_json(out / "manifest.json").at("entries").as_array().size(), stopped_rows.size());
    EXPECT_FALSE(fs::exists(out / ".partial"));
    EXPECT_EQ(journaled(out), 0u);
    expect_only_whole_reports(out);

    // SIGKILL: nothing is written at the end; the journal keeps every input finished.
    std::size_t finished_before_kill = 0;
    {
        BackgroundRun run(slow_batch(sweep, out, true), dir / "second.log");
        ASSERT_TRUE(run.wait_until([&] { return journaled(out) >= 4; })) << read_text(dir / "second.log");
        run.send(SIGKILL);
        EXPECT_EQ(run.wait(), 128 + SIGKILL);
        finished_before_kill = stopped_rows.size() + journaled(out);
    }
    ASSERT_LT(finished_before_kill, 24u) << "the sweep ended before the kill";
    expect_only_whole_reports(out);

    const auto resumed = run_perfreport(slow_batch(sweep, out, true));
    ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
    EXPECT_GE(unchanged_count(resumed.err), static_cast<int>(finished_before_kill)) << resumed.err;
    EXPECT_FALSE(fs::exists(out / ".partial"));

    const auto whole = run_perfreport(slow_batch(sweep, dir / "whole", false));
    ASSERT_EQ(whole.exit_code, 0) << whole.err;
    EXPECT_EQ(summary_rows(out).size(), 24u);
    EXPECT_EQ(read_text(out / "sweep_summary.csv"), read_text(dir / "whole" / "sweep_summary.csv"));
    EXPECT_EQ(read_text(out / "sweep_summary.json"), read_text(dir / "whole" / "sweep_summary.json"));
}

TEST(BatchResume, ASecondInterruptDropsTheInputsInFlight)
{
    const TempDir dir;
    copy_example_inputs(dir / "sweep", 3);
    const fs::path out = dir / "out";
    const auto start = std::chrono::steady_clock::now();
    BackgroundRun run({"batch", (dir / "sweep").string(), "-o", out.string(), "--jobs", "1", "--plugin-dir",
                       TEST_PLUGIN_DIR, "--option", "pause.ms=20000"},
                      dir / "run.log");
    ASSERT_TRUE(run.wait_until([&] { return fs::exists(out / ".lock"); })) << read_text(dir / "run.log");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    run.send(SIGINT);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    run.send(SIGINT);
    EXPECT_EQ(run.wait(), 128 + SIGINT) << read_text(dir / "run.log");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(15));  // not the 20 s pause
    EXPECT_NE(read_text(dir / "run.log").find("stopping after the inputs in flight"), std::string::npos);
    // Cut short, the input in flight is neither a report nor a failed row.
    EXPECT_TRUE(summary_rows(out).empty());
    EXPECT_TRUE(read_json(out / "manifest.json").at("entries").as_array().empty());
    EXPECT_FALSE(fs::exists(out / "tp16__qwen3-32b_c128_tp16_pp4_dp2_ep1_b128_in1024_out256"));
}

}  // namespace
}  // namespace perfreport
