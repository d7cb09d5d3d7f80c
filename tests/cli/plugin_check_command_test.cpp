// `perfreport plugins --check LIB`: a good plugin passes, each broken one is
// reported with its own problem, and the exit code says which.
#include <gtest/gtest.h>

#include <perfreport/abi.h>
#include <perfreport/sdk/json_parse.hpp>

#include <boost/json/serialize.hpp>

#include <fstream>
#include <sstream>

#include "command_runner.hpp"

namespace perfreport {
namespace {
namespace fs = std::filesystem;
using test::CommandResult;
using test::run_perfreport;

std::string fixture(const std::string& name)
{
    return std::string(FIXTURE_PLUGIN_ROOT) + "/" + name + "/lib" + name + ".so";
}

// The lines of `text` that start with `prefix`, without it.
std::vector<std::string> lines_of(const std::string& text, const std::string& prefix)
{
    std::vector<std::string> found;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with(prefix)) found.push_back(line.substr(prefix.size()));
    }
    return found;
}

CommandResult check(const std::string& library, std::vector<std::string> more = {})
{
    std::vector<std::string> args{"plugins", "--check", library};
    args.insert(args.end(), more.begin(), more.end());
    return run_perfreport(args);
}

// A refused library: exactly `problem` (after "libNAME.so: "), nothing run.
void expect_refused(const std::string& name, const std::string& problem)
{
    const auto result = check(fixture(name));
    EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
    EXPECT_EQ(lines_of(result.out, "problem: "), std::vector<std::string>{"lib" + name + ".so: " + problem}) << result.out;
    EXPECT_NE(result.out.find("the host refuses this library: nothing of it was run"), std::string::npos);
    EXPECT_NE(result.out.find("result: 1 problem(s)"), std::string::npos);
}

TEST(PluginCheckCommand, GoodPluginPassesEveryCheck)
{
    const auto result = check(fixture("good"));
    ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_TRUE(lines_of(result.out, "problem: ").empty()) << result.out;
    const auto ok = lines_of(result.out, "ok: ");
    const std::vector<std::string> expected{
        "the entry, the ABI version and every descriptor's size, id, version and functions",
        "flags, reserved fields, required context pointers and options schemas",
        "analyzer 'fixture': analyze on the sample gave a section with 1 table(s)",
        "analyzer 'fixture': the same result from two calls in a row and from 8 calls two at a time",
        "analyzer 'fixture': no write outside the output folder",
        "exporter 'fixture-out': export_report wrote fixture.txt",
        "exporter 'fixture-out': the same result from two calls in a row and from 8 calls two at a time",
        "exporter 'fixture-out': no write outside the output folder"};
    EXPECT_EQ(ok, expected) << result.out;
    EXPECT_NE(result.out.find("plugin: fixture-plugin 1.2.3, built against plugin ABI 1.1 (this host: 1.1)"),
              std::string::npos);
    EXPECT_NE(result.out.find("sample: the built-in sample (SPEC 5.1's E1), 4 steps"), std::string::npos);
    EXPECT_NE(result.out.find("result: no problem"), std::string::npos);
}

TEST(PluginCheckCommand, RemovesItsSandbox)
{
    const auto result = check(fixture("stray_write"));
    const auto sandbox = lines_of(result.out, "sandbox: ");
    ASSERT_EQ(sandbox.size(), 1u) << result.out;
    const fs::path folder = sandbox[0].substr(0, sandbox[0].find(','));
    EXPECT_TRUE(folder.filename().string().starts_with("perfreport-check-")) << folder;
    EXPECT_FALSE(fs::exists(folder));
}

TEST(PluginCheckCommand, ReportsNewerMajorAbi)
{
    expect_refused("newer_major", "was built for perfreport ABI 2.0, this host implements ABI 1.1 (a plugin loads "
                                  "when the majors are equal and its minor is not newer)");
}

TEST(PluginCheckCommand, ReportsNewerMinorAbi)
{
    expect_refused("newer_minor", "was built for perfreport ABI 1.2, this host implements ABI 1.1 (a plugin loads "
                                  "when the majors are equal and its minor is not newer)");
}

TEST(PluginCheckCommand, ReportsMissingEntry)
{
    expect_refused("no_entry", "is not a perfreport plugin: it exports no perfreport_plugin_entry");
}

TEST(PluginCheckCommand, ReportsNullFunctionPointer)
{
    expect_refused("null_analyze", "analyzer #0 ('null_analyze'): analyze is NULL");
}

TEST(PluginCheckCommand, ReportsStructSmallerThanAbi10)
{
    expect_refused("small_struct", "analyzer #0 ('small_struct') has struct_size " +
                                       std::to_string(sizeof(PR_IAnalyzer) - sizeof(void*)) +
                                       ", smaller than the ABI 1.0 layout (" + std::to_string(sizeof(PR_IAnalyzer)) + ")");
}

TEST(PluginCheckCommand, ReportsStructLargerThanTheHostKnows)
{
    expect_refused("big_struct", "analyzer #0 ('big_struct') has struct_size " +
                                     std::to_string(sizeof(PR_IAnalyzer) + sizeof(uint64_t)) +
                                     ", larger than this host knows (" + std::to_string(sizeof(PR_IAnalyzer)) +
                                     ") for ABI 1.1");
}

TEST(PluginCheckCommand, ReportsFieldsTheLoaderLetsPass)
{
    const auto result = check(fixture("bad_fields"));
    EXPECT_EQ(result.exit_code, 1);
    const std::vector<std::string> expected{
        "the plugin entry's reserved field is 1, not 0",
        "analyzer 'bad_fields' sets flags 0x8; only PR_ANALYZER_NEEDS_RAW_META (0x1) is defined",
        "analyzer 'bad_fields': required context 'hardware/chip_type' is not a JSON pointer (one starts with '/')",
        "analyzer 'bad_fields': options schema: option 'label': its default \"x\" must be an integer",
        "exporter 'bad_fields-out' sets flags 0x8; none are defined, it must be 0"};
    EXPECT_EQ(lines_of(result.out, "problem: "), expected) << result.out;
}

TEST(PluginCheckCommand, ReportsAnAnalyzerThatIsNotReentrant)
{
    const auto result = check(fixture("racy"));
    EXPECT_EQ(result.exit_code, 1);
    const auto problems = lines_of(result.out, "problem: ");
    ASSERT_EQ(problems.size(), 1u) << result.out;
    // Alone, each call gives {"steps":4}; two at once garble the one buffer.
    EXPECT_NE(result.out.find("ok: analyzer 'racy': analyze on the sample gave a section"), std::string::npos);
    EXPECT_TRUE(problems[0].starts_with("analyzer 'racy': not reentrant: a call made while another ran at once gives "
                                        "another result than a call alone"))
        << problems[0];
}

TEST(PluginCheckCommand, ReportsAWriteOutsideTheOutputFolder)
{
    const auto result = check(fixture("stray_write"));
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_EQ(lines_of(result.out, "problem: "),
              std::vector<std::string>{
                  "exporter 'stray_write-out' wrote outside the output folder: created <sandbox>/cwd/fixture-stray.txt"})
        << result.out;
    EXPECT_NE(result.out.find("ok: analyzer 'stray_write': no write outside the output folder"), std::string::npos);
}

TEST(PluginCheckCommand, ReportsAPluginThatCrashes)
{
    const auto result = check(fixture("crashing"));
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_EQ(lines_of(result.out, "problem: "),
              std::vector<std::string>{"the plugin crashed the check during analyzer 'crashing': analyze on the sample "
                                       "(signal 6, Aborted)"})
        << result.out;
    EXPECT_NE(result.out.find("result: the check did not finish"), std::string::npos);
}

TEST(PluginCheckCommand, StopsAPluginThatHangs)
{
    const auto result = check(fixture("hanging"), {"--timeout", "2"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_EQ(lines_of(result.out, "problem: "),
              std::vector<std::string>{"analyzer 'hanging': analyze on the sample did not finish within 2 s; the "
                                       "check was stopped"})
        << result.out;
}

TEST(PluginCheckCommand, CleanFailureAndSkipAreNotesNotProblems)
{
    const auto failing = check(fixture("failing"));
    EXPECT_EQ(failing.exit_code, 0) << failing.out;
    EXPECT_EQ(lines_of(failing.out, "note: "),
              std::vector<std::string>{
                  "analyzer 'failing': analyze on the sample ended with 2 (invalid input): fixture failure on purpose"});
    const auto skipping = check(fixture("skipping"));
    EXPECT_EQ(skipping.exit_code, 0) << skipping.out;
    EXPECT_EQ(lines_of(skipping.out, "note: "),
              std::vector<std::string>{
                  "analyzer 'skipping': skipped itself on the sample: skipping skipped: nothing to say for this input"});
}

TEST(PluginCheckCommand, RunsOnTheInputGiven)
{
    // E1 without hardware.chip_type: needs_context is not run, and says why.
    auto input = test::read_json(fs::path(FIXTURES_DIR) / "input" / "e1.json");
    input.at_pointer("/context/hardware").as_object().erase("chip_type");
    const test::TempDir folder;
    const fs::path file = folder / "no_chip.json";
    std::ofstream(file) << boost::json::serialize(input);
    const auto result = check(fixture("needs_context"), {"--input", file.string()});
    EXPECT_EQ(result.exit_code, 0) << result.out;
    EXPECT_NE(result.out.find("sample: " + file.string() + ", 4 steps"), std::string::npos) << result.out;
    EXPECT_EQ(lines_of(result.out, "note: "),
              std::vector<std::string>{"analyzer 'needs_context': not run: needs_context skipped: the context has no "
                                       "/hardware/chip_type (the sample lacks what it requires)"});
    // The built-in sample has it.
    const auto built_in = check(fixture("needs_context"));
    EXPECT_NE(built_in.out.find("ok: analyzer 'needs_context': analyze on the sample gave a section"), std::string::npos);
}

TEST(PluginCheckCommand, OldBinaryPassesWithEveryPart)
{
    const auto result = check(fixture("abi_1_0"));
    ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_EQ(lines_of(result.out, "note: "),
              std::vector<std::string>{"built against plugin ABI 1.0, older than this host's 1.1: it runs, without "
                                       "what ABI 1.1 added"});
    EXPECT_NE(result.out.find("ok: analyzer 'abi_1_0': analyze on the sample gave a section with 1 table(s)"),
              std::string::npos);
    EXPECT_NE(result.out.find("ok: exporter 'abi-1-0': export_report wrote abi_1_0.txt"), std::string::npos);
    EXPECT_NE(result.out.find("ok: price source 'abi_1_0': cost_table gave a valid cost table"), std::string::npos);
    EXPECT_NE(result.out.find("ok: price source 'abi_1_0': the same result"), std::string::npos);
}

TEST(PluginCheckCommand, EveryBundledAndExamplePluginPasses)
{
    std::vector<fs::path> libraries;
    for (const char* folder : {BUNDLED_PLUGIN_DIR, STEP_COUNT_PLUGIN_DIR, CHIP_PRICES_PLUGIN_DIR, ENERGY_PLUGIN_DIR,
                               MARKDOWN_PLUGIN_DIR}) {
        for (const auto& entry : fs::directory_iterator(folder)) {
            if (entry.path().extension() == ".so") libraries.push_back(entry.path());
        }
    }
    ASSERT_GE(libraries.size(), 15u);  // 11 bundled, 4 examples
    for (const auto& library : libraries) {
        const auto result = check(library.string());
        EXPECT_EQ(result.exit_code, 0) << library << "\n" << result.out << result.err;
        EXPECT_NE(result.out.find("result: no problem"), std::string::npos) << library;
    }
}

TEST(PluginCheckCommand, UsageErrorsExitWithTwo)
{
    const auto missing = check("/no/such/libplugin.so");
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("--check /no/such/libplugin.so: no such file"), std::string::npos) << missing.err;
    EXPECT_EQ(check(fixture("good"), {"--json"}).exit_code, 2);
    EXPECT_EQ(check(fixture("good"), {"--timeout", "0"}).exit_code, 2);
    EXPECT_EQ(run_perfreport({"plugins", "--input", "x.json"}).exit_code, 2);

    const test::TempDir folder;
    std::ofstream(folder / "empty.json") << "{}";
    const auto invalid = check(fixture("good"), {"--input", (folder / "empty.json").string()});
    EXPECT_EQ(invalid.exit_code, 2);
    EXPECT_NE(invalid.err.find("empty.json is not a valid EngineResult:"), std::string::npos) << invalid.err;
}

}  // namespace
}  // namespace perfreport
