// How the main path compares with the floor: a bare streaming parse of the
// same file (Boost.JSON basic_parser, empty handler, 1 MiB chunks).
// The input is PERFREPORT_BENCH_INPUT (make one with generate_engine_result.py).
#include <benchmark/benchmark.h>

#include <boost/json/basic_parser_impl.hpp>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "input/engine_result_parser.hpp"
#include "pipeline/reporting_engine.hpp"
#include "plugins/plugin_catalog.hpp"

namespace {
namespace fs = std::filesystem;
using namespace perfreport;

fs::path input_file()
{
    const char* path = std::getenv("PERFREPORT_BENCH_INPUT");
    if (path == nullptr) throw std::runtime_error("set PERFREPORT_BENCH_INPUT to an EngineResult file");
    return path;
}

// Accepts everything and keeps nothing: the cost of tokenizing alone.
struct NullHandler {
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);
    bool on_document_begin(boost::json::error_code&) { return true; }
    bool on_document_end(boost::json::error_code&) { return true; }
    bool on_object_begin(boost::json::error_code&) { return true; }
    bool on_object_end(std::size_t, boost::json::error_code&) { return true; }
    bool on_array_begin(boost::json::error_code&) { return true; }
    bool on_array_end(std::size_t, boost::json::error_code&) { return true; }
    bool on_key_part(boost::json::string_view, std::size_t, boost::json::error_code&) { return true; }
    bool on_key(boost::json::string_view, std::size_t, boost::json::error_code&) { return true; }
    bool on_string_part(boost::json::string_view, std::size_t, boost::json::error_code&) { return true; }
    bool on_string(boost::json::string_view, std::size_t, boost::json::error_code&) { return true; }
    bool on_number_part(boost::json::string_view, boost::json::error_code&) { return true; }
    bool on_int64(std::int64_t, boost::json::string_view, boost::json::error_code&) { return true; }
    bool on_uint64(std::uint64_t, boost::json::string_view, boost::json::error_code&) { return true; }
    bool on_double(double, boost::json::string_view, boost::json::error_code&) { return true; }
    bool on_bool(bool, boost::json::error_code&) { return true; }
    bool on_null(boost::json::error_code&) { return true; }
    bool on_comment_part(boost::json::string_view, boost::json::error_code&) { return true; }
    bool on_comment(boost::json::string_view, boost::json::error_code&) { return true; }
};

void bare_parse(const fs::path& file)
{
    boost::json::basic_parser<NullHandler> parser{boost::json::parse_options{}};
    std::FILE* in = std::fopen(file.c_str(), "rb");
    if (in == nullptr) throw std::runtime_error("cannot read " + file.string());
    std::vector<char> chunk(1 << 20);
    boost::json::error_code ec;
    std::size_t got = 0;
    while ((got = std::fread(chunk.data(), 1, chunk.size(), in)) > 0) {
        parser.write_some(true, chunk.data(), got, ec);
        if (ec) break;
    }
    parser.write_some(false, nullptr, 0, ec);
    std::fclose(in);
}

void set_throughput(benchmark::State& state, const fs::path& file)
{
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * fs::file_size(file)));
}

void BM_BareParse(benchmark::State& state)
{
    const fs::path file = input_file();
    for (auto _ : state) bare_parse(file);
    set_throughput(state, file);
}

void BM_ParseEngineResult(benchmark::State& state)
{
    const fs::path file = input_file();
    for (auto _ : state) {
        auto outcome = parse_engine_result_file(file);
        if (!outcome.result) state.SkipWithError("the input does not validate");
        benchmark::DoNotOptimize(outcome);
    }
    set_throughput(state, file);
}

// What `perfreport run INPUT --format json` does, plugins loaded once.
void BM_RunReport(benchmark::State& state)
{
    const fs::path file = input_file();
    CatalogOptions options;
    options.search.plugin_dirs = {PERFREPORT_PLUGIN_DIR};
    options.search.use_environment = false;
    options.search.use_install_dir = false;
    const PluginCatalog catalog = load_plugin_catalog(options);
    const fs::path out = fs::temp_directory_path() / "perfreport-bench-out";
    HostLog log;
    std::atomic<bool> cancelled{false};
    const ReportingEngine engine(log, cancelled);
    for (auto _ : state) {
        auto outcome = parse_engine_result_file(file);
        if (!outcome.result) state.SkipWithError("the input does not validate");
        AnalysisRequest request;
        for (const auto& analyzer : catalog.analyzers.all()) request.analyzers.push_back(&analyzer);
        request.options = resolve_options(outcome.result->options, {}, option_schemas(catalog));
        ReportingReport report = engine.analyze(*outcome.result, request);
        if (report_has_failures(report)) state.SkipWithError("an analyzer failed");
        for (const auto& exported : engine.export_report(report, {catalog.exporters.find("json")},
                                                         request.options.options, out)) {
            if (!exported.ok) state.SkipWithError(exported.message.c_str());
        }
    }
    fs::remove_all(out);
    set_throughput(state, file);
}

BENCHMARK(BM_BareParse)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ParseEngineResult)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_RunReport)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
