// `perfreport batch` as a user runs it: rows, reasons, exit codes, the
// summary against the per-input reports, the Pareto column, usage errors.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "csv_reader.hpp"
#include "sweep_fixture.hpp"

namespace perfreport {
namespace {
using namespace test;

double number(const boost::json::value& value)
{
    return value.to_number<double>();
}

TEST(BatchCommand, FailedInputsAreRowsWithReasonsAndTheSweepGoesOn)
{
    const TempDir dir;
    copy_example_inputs(dir / "sweep", 3);
    write_invalid_json(dir / "sweep" / "broken.json");
    write_failing_validation(dir / "sweep" / "bad_t_total.json");
    write_failing_analyzer(dir / "sweep" / "no_price.json");

    const auto result = run_perfreport({"batch", (dir / "sweep").string(), "-o", (dir / "out").string(), "--jobs", "2"});
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_NE(result.err.find("6 inputs, 3 ok (0 unchanged), 3 failed"), std::string::npos) << result.err;

    const auto rows = summary_rows(dir / "out");
    EXPECT_EQ(column(rows, "name"),
              (std::vector<std::string>{"bad_t_total", "broken", "no_price",
                                        "tp16__qwen3-32b_c128_tp16_pp4_dp2_ep1_b128_in1024_out256",
                                        "tp16__qwen3-32b_c64_tp16_pp1_dp4_ep1_b16_in2048_out512",
                                        "tp16__qwen3-32b_c64_tp16_pp4_dp1_ep1_b8_in8192_out1024"}));
    EXPECT_EQ(column(rows, "status"), (std::vector<std::string>{"failed", "failed", "failed", "ok", "ok", "ok"}));
    EXPECT_EQ(rows[0].at("reason"),
              "E_T_TOTAL at /step_metrics/2/t_total: t_total 0.13 ms differs from t_compute+t_comm+t_wait = 0.12 ms");
    EXPECT_EQ(std::string(rows[1].at("reason").as_string()).rfind("E_PARSE at /step_metrics: line 2, column 1: the text ends", 0), 0u) << rows[1].at("reason");
    EXPECT_EQ(std::string(rows[2].at("reason").as_string()).rfind("E_ANALYZER: cost failed: chip type \"NO-SUCH-CHIP\"", 0), 0u)
        << rows[2].at("reason");
    EXPECT_TRUE(rows[3].at("reason").is_null());

    // An input that failed validation has no report; one whose analyzer
    // failed keeps the rest of its report and its performance figures.
    EXPECT_FALSE(fs::exists(dir / "out" / "bad_t_total"));
    EXPECT_FALSE(fs::exists(dir / "out" / "broken"));
    const auto report = read_json(dir / "out" / "no_price" / "reporting_report.json").as_object();
    EXPECT_FALSE(report.contains("cost"));
    EXPECT_TRUE(report.contains("memory"));
    EXPECT_EQ(rows[2].at("ttft_ms"), report.at("performance").at("ttft_ms"));
    EXPECT_TRUE(rows[2].at("total_cost").is_null());

    const CsvRows failures = read_csv(dir / "out" / "failures.csv");
    ASSERT_EQ(failures.size(), 4u);
    EXPECT_EQ(failures[0], (std::vector<std::string>{"name", "input", "reason"}));
    EXPECT_EQ(failures[1][0], "bad_t_total");
    EXPECT_EQ(failures[3][1], "no_price.json");
    EXPECT_EQ(failures[3][2], std::string(rows[2].at("reason").as_string()));
    EXPECT_NE(result.err.find("failed: broken: E_PARSE"), std::string::npos) << result.err;
}

TEST(BatchCommand, SummaryValuesEqualThePerInputReports)
{
    const TempDir dir;
    const auto result = run_perfreport({"batch", std::string(EXAMPLES_DIR) + "/sweep", "-o", (dir / "out").string(), "-q"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.err, "");
    const auto rows = summary_rows(dir / "out");
    const auto inputs = example_sweep_files();
    ASSERT_EQ(rows.size(), inputs.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& row = rows[i].as_object();
        SCOPED_TRACE(inputs[i]);
        EXPECT_EQ(row.at("input"), inputs[i].c_str());
        const auto input = read_json(fs::path(EXAMPLES_DIR) / "sweep" / inputs[i]).as_object();
        const auto& context = input.at("context").as_object();
        const auto& deployment = context.at("deployment").as_object();
        EXPECT_EQ(row.at("model"), context.at("model").at("name"));
        EXPECT_EQ(row.at("chip_type"), context.at("hardware").at("chip_type"));
        EXPECT_EQ(row.at("chip_count"), context.at("hardware").at("chip_count"));
        for (const char* key : {"tp", "pp", "dp", "ep", "batch_size", "input_seq_length", "output_seq_length"}) {
            EXPECT_EQ(row.at(key), deployment.at(key)) << key;
        }
        EXPECT_EQ(row.at("phase"), deployment.at("is_prefill").as_bool() ? "prefill" : "decode");

        const auto report = read_json(dir / "out" / std::string(row.at("name").as_string()) / "reporting_report.json");
        const auto& performance = report.at("performance");
        for (const char* key : {"ttft_ms", "tpot_ms", "tps", "mfu", "mbu"}) {
            EXPECT_EQ(number(row.at(key)), number(performance.at(key))) << key;
        }
        EXPECT_EQ(number(row.at("tps_per_chip")), number(performance.at("tps")) / number(row.at("chip_count")));
        EXPECT_EQ(number(row.at("peak_memory_gb")), number(report.at("memory").at("total_per_chip_gb")));
        EXPECT_EQ(number(row.at("total_cost")), number(report.at("cost").at("total_cost")));
        EXPECT_EQ(number(row.at("cost_per_million_tokens")), number(report.at("cost").at("cost_per_million_tokens")));
        EXPECT_EQ(row.at("status"), "ok");
    }

    // The CSV holds the same rows, cell for cell, under `name(unit)` headers.
    const CsvRows csv = read_csv(dir / "out" / "sweep_summary.csv");
    ASSERT_EQ(csv.size(), rows.size() + 1);
    EXPECT_EQ(csv[0][13], "ttft_ms(ms)");
    EXPECT_EQ(csv[0][16], "tps_per_chip(tokens/s)");
    EXPECT_EQ(csv[0][20], "total_cost(USD)");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        EXPECT_EQ(csv[i + 1][0], std::string(rows[i].at("name").as_string()));
        EXPECT_EQ(std::stod(csv[i + 1][14]), number(rows[i].at("tpot_ms")));
        EXPECT_EQ(std::stod(csv[i + 1][21]), number(rows[i].at("cost_per_million_tokens")));
        EXPECT_EQ(csv[i + 1][23], "");  // no reason
        EXPECT_EQ(csv[i + 1][24], rows[i].at("pareto").as_bool() ? "true" : "false");
    }
}

// Pairwise, as the definition says: among ok decode rows, a row is on the
// front when no other is at least as good on tps per chip (higher), TPOT and
// cost per million tokens (lower) and better on one.
TEST(BatchCommand, TheParetoColumnMatchesABruteForceFrontAndParetoCsvHoldsIt)
{
    const TempDir dir;
    ASSERT_EQ(run_perfreport({"batch", std::string(EXAMPLES_DIR) + "/sweep", "-o", (dir / "out").string(), "-q"}).exit_code, 0);
    const auto rows = summary_rows(dir / "out");
    std::vector<std::string> expected;
    for (const auto& a : rows) {
        bool dominated = false;
        for (const auto& b : rows) {
            const double tps_a = number(a.at("tps_per_chip")), tps_b = number(b.at("tps_per_chip"));
            const double tpot_a = number(a.at("tpot_ms")), tpot_b = number(b.at("tpot_ms"));
            const double cost_a = number(a.at("cost_per_million_tokens")), cost_b = number(b.at("cost_per_million_tokens"));
            dominated = dominated || (tps_b >= tps_a && tpot_b <= tpot_a && cost_b <= cost_a &&
                                      (tps_b > tps_a || tpot_b < tpot_a || cost_b < cost_a));
        }
        EXPECT_EQ(a.at("pareto").as_bool(), !dominated) << a.at("name");
        if (!dominated) expected.emplace_back(a.at("name").as_string());
    }
    EXPECT_GE(expected.size(), 2u);
    EXPECT_LT(expected.size(), rows.size());
    const CsvRows pareto = read_csv(dir / "out" / "pareto.csv");
    std::vector<std::string> listed;
    for (std::size_t i = 1; i < pareto.size(); ++i) listed.push_back(pareto[i][0]);
    EXPECT_EQ(listed, expected);
    EXPECT_EQ(pareto[0], read_csv(dir / "out" / "sweep_summary.csv")[0]);

    // Other objectives give another front.
    ASSERT_EQ(run_perfreport({"batch", std::string(EXAMPLES_DIR) + "/sweep", "-o", (dir / "out").string(), "-q",
                              "--resume", "--pareto", "tps:max"}).exit_code, 0);
    const auto by_tps = summary_rows(dir / "out");
    EXPECT_EQ(read_json(dir / "out" / "sweep_summary.json").at("pareto_objectives"), boost::json::array{"tps:max"});
    double best = 0;
    for (const auto& row : by_tps) best = std::max(best, number(row.at("tps")));
    for (const auto& row : by_tps) EXPECT_EQ(row.at("pareto").as_bool(), number(row.at("tps")) == best);
}

TEST(BatchCommand, AFailingExporterFailsTheRowAndTheOtherFilesStay)
{
    const TempDir dir;
    copy_example_inputs(dir / "sweep", 2);
    const auto result = run_perfreport({"batch", (dir / "sweep").string(), "-o", (dir / "out").string(), "--plugin-dir",
                                        TEST_PLUGIN_DIR, "--analyzers", "cost", "--format", "json,refuse"});
    EXPECT_EQ(result.exit_code, 1) << result.err;
    const auto rows = summary_rows(dir / "out");
    ASSERT_EQ(rows.size(), 2u);
    const auto manifest = read_json(dir / "out" / "manifest.json");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        EXPECT_EQ(rows[i].at("status"), "failed");
        EXPECT_EQ(rows[i].at("reason"), "exporter refuse failed: the disk said no");
        EXPECT_TRUE(rows[i].at("total_cost").is_number());  // the analysis itself went well
        const fs::path folder = dir / "out" / std::string(rows[i].at("name").as_string());
        EXPECT_TRUE(fs::exists(folder / "reporting_report.json"));
        EXPECT_TRUE(fs::exists(folder / "refused.txt"));
        EXPECT_EQ(manifest.at("entries").at(i).at("files"), (boost::json::array{"reporting_report.json", "refused.txt"}));
    }
}

TEST(BatchCommand, FailFastStartsNoInputAfterTheFirstFailure)
{
    const TempDir dir;
    write_invalid_json(dir / "sweep" / "a_broken.json");
    copy_example_inputs(dir / "sweep", 6);
    const auto result = run_perfreport({"batch", (dir / "sweep").string(), "-o", (dir / "out").string(), "--jobs",
                                        "1", "--fail-fast"});
    EXPECT_EQ(result.exit_code, 1);
    const auto rows = summary_rows(dir / "out");
    ASSERT_LT(rows.size(), 7u);  // at most the inputs already in flight follow the failure
    EXPECT_EQ(rows[0].at("name"), "a_broken");
    EXPECT_NE(result.err.find("not done"), std::string::npos) << result.err;
}

TEST(BatchCommand, AnOutputFolderInsideTheSweepIsNotReadAsInputs)
{
    const TempDir dir;
    copy_example_inputs(dir.path(), 2);
    for (int run = 0; run < 2; ++run) {
        const auto result = run_perfreport({"batch", dir.path().string(), "-o", (dir / "out").string(), "-q"});
        ASSERT_EQ(result.exit_code, 0) << result.err;
        EXPECT_EQ(summary_rows(dir / "out").size(), 2u);
    }
}

TEST(BatchCommand, ProgressGoesToStderrAsLinesWhenItIsNoTerminal)
{
    const TempDir dir;
    copy_example_inputs(dir / "sweep", 2);
    const auto result = run_perfreport({"batch", (dir / "sweep").string(), "-o", (dir / "out").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out, "");
    EXPECT_NE(result.err.find("progress: 2/2 done"), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find('\r'), std::string::npos);
}

TEST(BatchCommand, SecondRunIntoABusyOutputFolderIsRefused)
{
    const TempDir dir;
    copy_example_inputs(dir / "sweep", 1);
    fs::create_directories(dir / "out");
    const int fd = ::open((dir / "out" / ".lock").c_str(), O_RDWR | O_CREAT, 0644);
    ASSERT_EQ(::flock(fd, LOCK_EX), 0);
    const auto result = run_perfreport({"batch", (dir / "sweep").string(), "-o", (dir / "out").string()});
    ::close(fd);
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("is in use by another perfreport batch"), std::string::npos) << result.err;
}

TEST(BatchCommand, UsageAndSourceErrorsExitTwo)
{
    const TempDir dir;
    copy_example_inputs(dir / "sweep", 1);
    fs::create_directories(dir / "empty");
    const std::string sweep = (dir / "sweep").string();
    const std::string out = (dir / "out").string();
    const struct {
        std::vector<std::string> args;
        std::string message;
    } cases[] = {
        {{"batch", sweep}, "the option '--output' is required"},
        {{"batch", sweep, "-o", out, "--shard", "4/4"}, "--shard 4/4: K must be at least 0 and below N"},
        {{"batch", sweep, "-o", out, "--pareto", "tps:up"}, "--pareto 'tps:up' must be COLUMN:max or COLUMN:min"},
        {{"batch", sweep, "-o", out, "--jobs", "0"}, "--jobs must be at least 1"},
        {{"batch", (dir / "nothing").string(), "-o", out}, "no such folder or input list"},
        {{"batch", (dir / "empty").string(), "-o", out}, "holds no input (*.json)"},
        {{"batch", std::string(FIXTURES_DIR) + "/input/e1.json", "-o", out}, "'perfreport run' reports on one input"},
        {{"batch", sweep, "-o", out, "--format", "jsn"}, "unknown format 'jsn' (did you mean 'json'?)"},
    };
    for (const auto& c : cases) {
        const auto result = run_perfreport(c.args);
        EXPECT_EQ(result.exit_code, 2) << c.message;
        EXPECT_NE(result.err.find(c.message), std::string::npos) << result.err;
    }
    EXPECT_FALSE(fs::exists(dir / "out"));
    for (const char* command : {"batch", "merge"}) {
        const auto help = run_perfreport({command, "--help"});
        EXPECT_EQ(help.exit_code, 0);
        EXPECT_NE(help.out.find("Usage: perfreport " + std::string(command)), std::string::npos);
    }
}

}  // namespace
}  // namespace perfreport
